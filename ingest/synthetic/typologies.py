"""Vocabulary of the planted diversion schemes and the flags each should raise."""

from __future__ import annotations

from enum import StrEnum


class Typology(StrEnum):
    SHELL_CLUSTER = "shell_cluster"  # many new companies at one mass-registration address in a hub
    NEW_COMPANY_CHPL = "new_company_chpl"  # incorporated after 2022, buys CHPL tier-1 goods
    FORWARDER_CONSIGNEE = "forwarder_consignee"  # a freight forwarder receives CHPL goods
    PASS_THROUGH = "pass_through"  # noqa: S105 — hub imports HS X and re-exports X to RU/BY/CN/IR/MO ≤ 90 days
    LISTED_OWNERSHIP = "listed_ownership"  # listed parties together hold ≥ 50 % (aggregation)
    D5_PARENT = "d5_parent"  # ultimate parent headquartered in D:5 / Macau
    LISTED_NAME_VARIANT = "listed_name_variant"  # a real listed name as a clerk wrote it
    ADDRESS_ONLY = "address_only"  # innocuous name at a listed party's address


class PlantedFlag(StrEnum):
    """Flags that a correct analysis should raise for a planted scheme's parties."""

    MASS_REGISTRATION_ADDRESS = "MASS_REGISTRATION_ADDRESS"
    SHARED_OFFICER = "SHARED_OFFICER"
    NEW_COMPANY_CHPL = "NEW_COMPANY_CHPL"
    POST_CONTROL_BUYER = "POST_CONTROL_BUYER"
    FORWARDER_CONSIGNEE = "FORWARDER_CONSIGNEE"
    TRANSSHIPMENT_ROUTE = "TRANSSHIPMENT_ROUTE"
    PASS_THROUGH_REEXPORT = "PASS_THROUGH_REEXPORT"  # noqa: S105 (a flag code)
    OWNED_BY_LISTED = "OWNED_BY_LISTED"
    ULTIMATE_PARENT_D5 = "ULTIMATE_PARENT_D5"
    LISTED_NAME_MATCH = "LISTED_NAME_MATCH"
    LISTED_ADDRESS_MATCH = "LISTED_ADDRESS_MATCH"
    FREEMAIL_OR_NO_WEB = "FREEMAIL_OR_NO_WEB"
    PHONE_COUNTRY_MISMATCH = "PHONE_COUNTRY_MISMATCH"


FLAG_DESCRIPTIONS: dict[PlantedFlag, str] = {
    PlantedFlag.MASS_REGISTRATION_ADDRESS: "one registered address shared by many companies",
    PlantedFlag.SHARED_OFFICER: "the same officer (nominee director) in many companies",
    PlantedFlag.NEW_COMPANY_CHPL: "incorporated after 2022-02-24 and trading CHPL goods",
    PlantedFlag.POST_CONTROL_BUYER: "first purchase of 854231/847150/847180 after 2022-10-07",
    PlantedFlag.FORWARDER_CONSIGNEE: "freight forwarder / logistics company as consignee of CHPL goods",
    PlantedFlag.TRANSSHIPMENT_ROUTE: "goods move origin → hub → RU/BY/CN/IR/MO along trade edges",
    PlantedFlag.PASS_THROUGH_REEXPORT: "imports HS X, exports X to a restricted destination within 90 days",
    PlantedFlag.OWNED_BY_LISTED: "listed owners together hold ≥ 50 % (directly or via a blocked company)",
    PlantedFlag.ULTIMATE_PARENT_D5: "ultimate parent headquartered in EAR Country Group D:5 or Macau",
    PlantedFlag.LISTED_NAME_MATCH: "trade party name is a variant of a listed name",
    PlantedFlag.LISTED_ADDRESS_MATCH: "trade party / company at a listed party's address",
    PlantedFlag.FREEMAIL_OR_NO_WEB: "free-mail e-mail address and no website",
    PlantedFlag.PHONE_COUNTRY_MISMATCH: "phone country prefix differs from the registration country",
}
