"""Each red flag fires on its planted case and not on the legitimate look-alike."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from graph.model import NodeKind
from graph.risk.run import analyse
from graph.store import GraphStore
from graph.stores import NetworkxStore

AS_OF = dt.date(2026, 6, 1)

CASES = [
    # flag, cluster that must fire, cluster that must not
    ("LISTED_NAME_MATCH", "list:US_EL:E1", "party:cn"),
    ("LISTED_ADDRESS_MATCH", "co:t:FRONT", "co:t:LEGIT"),
    ("UVL_PARTY", "list:US_UVL:U1", "party:isl1"),
    ("LISTED_WITHIN_N_HOPS", "party:sup", "party:isl2"),
    ("MASS_REGISTRATION_ADDRESS", "co:t:MASS0", "co:t:PARK0"),
    ("NEW_COMPANY_CHPL", "co:t:NEW", "co:t:LEGIT"),
    # the 2023 HK trader is NEW_COMPANY_CHPL's (incorporated after the controls); the RU buyer is this one
    ("POST_CONTROL_BUYER", "party:ru", "co:t:LEGIT"),
    ("FORWARDER_CONSIGNEE", "co:t:FWD", "co:t:LEGIT"),
    ("FORWARDER_DELIVERED", "party:ru", "party:cn"),
    ("LINE_OF_BUSINESS", "co:t:FOOD", "co:t:LEGIT"),
    ("TRANSSHIPMENT_ROUTE", "co:t:NEW", "co:t:LEGIT"),
    ("TRANSSHIPMENT_CONSIGNEE", "party:ru", "party:cn"),
    ("PASS_THROUGH_REEXPORT", "co:t:NEW", "co:t:LEGIT"),
    ("PASS_THROUGH_CONSIGNEE", "party:ru", "party:cn"),
    ("SUDDEN_CHANGE", "party:jump", "co:t:LEGIT"),
    ("PRICE_ANOMALY", "party:odd", "co:t:LEGIT"),
    ("OWNED_BY_LISTED", "co:t:B", "co:t:MIN"),
    ("OWNED_BY_LISTED_SUSPENDED_RULE", "co:t:DSUB", "co:t:B"),  # B is blocked by OFAC anyway
    ("LISTED_MINORITY_STAKE", "co:t:MIN", "co:t:GS"),
    ("SHARED_OFFICER", "co:t:MASS1", "co:t:PARK1"),
    ("ULTIMATE_PARENT_D5", "co:t:S", "co:t:GS"),
    ("D5_PARENT_OF_FOREIGN", "co:t:P", "co:t:GP"),
    ("FREEMAIL_OR_NO_WEB", "co:t:NEW", "co:t:LEGIT"),
    ("PHONE_COUNTRY_MISMATCH", "co:t:NEW", "co:t:LEGIT"),
]


@pytest.fixture
def flags(world: GraphStore) -> dict[tuple[str, str], dict]:
    res = analyse(world, AS_OF)
    return {
        (c, f): json.loads(e)
        for c, f, e in res.flags[["cluster", "flag", "evidence_json"]].itertuples(index=False)
    }


@pytest.mark.parametrize(("flag", "planted", "legit"), CASES, ids=[c[0] for c in CASES])
def test_flag_fires_on_planted_case_only(flags: dict, flag: str, planted: str, legit: str) -> None:
    assert (planted, flag) in flags, f"{flag} did not fire on {planted}"
    assert (legit, flag) not in flags, f"{flag} fired on legitimate {legit}"


def test_every_reference_flag_is_tested() -> None:
    from graph.risk.flags import FLAGS

    assert {c[0] for c in CASES} == set(FLAGS)


def test_evidence_names_the_facts(flags: dict) -> None:
    through = flags[("co:t:NEW", "PASS_THROUGH_REEXPORT")]["items"][0]
    assert (through["in"], through["out"], through["hs6"], through["days"], through["to"]) == (
        "ship:T00000",
        "ship:T00001",
        "854231",
        31,
        "RU",
    )
    mass = flags[("co:t:MASS0", "MASS_REGISTRATION_ADDRESS")]
    assert mass["address"] == "addr:mass" and mass["companies"] == 5
    d5 = flags[("co:t:S", "ULTIMATE_PARENT_D5")]["items"][0]
    assert (d5["ultimate_parent"], d5["country"], d5["depth"]) == ("co:t:P", "CN", 2)
    owned = flags[("co:t:B", "OWNED_BY_LISTED")]["items"]
    ofac = next(i for i in owned if i["regime"] == "OFAC")
    assert ofac["blocked_pct"] == 50.0
    assert {o["id"]: o["pct"] for o in ofac["owners"]} == {"co:t:A": 40.0, "co:t:X": 10.0}


def test_owner_named_only_by_name_counts_as_the_listed_party(flags: dict) -> None:
    """An ownership row names its owner "Omega Industries" (IR), the exact name and country of an
    SDN entry: the stake is a listed party's, so the owned company is blocked (OFAC 50 %)."""
    owned = flags[("co:t:OWNED", "OWNED_BY_LISTED")]["items"]
    assert {i["regime"] for i in owned} == {"OFAC"} and owned[0]["owners"][0]["pct"] == 60.0


def test_ultimate_parent_country_is_the_owning_company_s(world: GraphStore) -> None:
    """Resolution merged the CN parent with a US company (a wrong link sorting first by id): the
    parent's country stays the one of the company the ownership record names."""
    from graph.model import EdgeKind, NodeKind

    world.upsert_nodes(NodeKind.COMPANY, [{"id": "co:a:FIRST", "name": "First Corp", "country": "US"}])
    world.upsert_edges(
        EdgeKind.SAME_AS, [{"source": "co:a:FIRST", "target": "co:t:P", "score": 0.9, "decision": "auto"}]
    )
    res = analyse(world, AS_OF)
    parents = res.ownership.parents.set_index("cluster")
    assert parents.loc["co:t:S", "ultimate_parent"] == "co:a:FIRST"
    assert parents.loc["co:t:S", "parent_country"] == "CN"
    assert "co:t:S" in set(res.flags.loc[res.flags["flag"] == "ULTIMATE_PARENT_D5", "cluster"])


def test_transshipment_route_names_its_consignee_too(flags: dict) -> None:
    """The Russian buyer at the end of sup → HK hub → RU is a party to the route, not only the hub."""
    end = flags[("party:ru", "TRANSSHIPMENT_CONSIGNEE")]
    assert end["items"][0]["via_hub"] == "co:t:NEW"
    assert ("co:t:NEW", "TRANSSHIPMENT_CONSIGNEE") not in flags


def test_suspended_rule_flags_instead_of_blocking(world: GraphStore) -> None:
    """During the Affiliates-rule suspension the MEU-owned company is flagged for review, not
    blocked by ownership; once the rule is in force again it is."""
    during = analyse(world, dt.date(2026, 6, 1))
    held = during.flags[(during.flags["cluster"] == "co:t:DSUB")]["flag"].tolist()
    assert "OWNED_BY_LISTED_SUSPENDED_RULE" in held and "OWNED_BY_LISTED" not in held
    after = analyse(world, dt.date(2026, 11, 10))
    owned = after.flags[(after.flags["cluster"] == "co:t:DSUB")]["flag"].tolist()
    assert "OWNED_BY_LISTED" in owned and "OWNED_BY_LISTED_SUSPENDED_RULE" not in owned


def test_new_company_counts_when_merged_with_an_older_record(world: GraphStore) -> None:
    """Resolution joined the 2023 Hong Kong trader with a 2001 record: the recent registry record
    still makes it a new company trading CHPL goods (min over the records would hide it)."""
    from graph.model import EdgeKind, NodeKind

    world.upsert_nodes(
        NodeKind.COMPANY,
        [
            {
                "id": "co:a:OLD",
                "name": "Bright Star Trading",
                "country": "HK",
                "incorporation_date": "2001-01-01",
            }
        ],
    )
    world.upsert_edges(
        EdgeKind.SAME_AS, [{"source": "co:a:OLD", "target": "co:t:NEW", "score": 0.9, "decision": "auto"}]
    )
    res = analyse(world, AS_OF)
    hit = res.flags[(res.flags["cluster"] == "co:a:OLD") & (res.flags["flag"] == "NEW_COMPANY_CHPL")]
    assert json.loads(hit["evidence_json"].iloc[0])["incorporated"] == "2023-01-15"


def test_forwarder_is_judged_on_the_consignee_not_its_whole_cluster(world: GraphStore) -> None:
    """A wrong SAME_AS link puts a cargo company into the German manufacturer's cluster: the
    manufacturer's purchases (consignee "MULLER ELEKTRONIK GMBH") are still not a forwarder's."""
    from graph.model import EdgeKind, NodeKind

    world.upsert_nodes(
        NodeKind.COMPANY,
        [{"id": "co:t:CARGO", "name": "Muller Cargo", "country": "DE", "business_type": "cargo services"}],
    )
    world.upsert_edges(
        EdgeKind.SAME_AS,
        [
            {"source": "co:t:CARGO", "target": "co:t:LEGIT", "score": 0.9, "decision": "auto"},
            # and a weaker direct link from the consignee itself (its own record scores 0.97)
            {"source": "co:t:CARGO", "target": "party:legit", "score": 0.94, "decision": "auto"},
        ],
    )
    res = analyse(world, AS_OF)
    fired = set(res.flags.loc[res.flags["flag"] == "FORWARDER_CONSIGNEE", "cluster"])
    assert "co:t:CARGO" not in fired and "co:t:FWD" in fired


def test_one_in_and_out_is_not_yet_a_pass_through(world: GraphStore) -> None:
    """min_pairs = 2: the hub's two legs fire; a single in-and-out (the second leg removed) does not."""
    from graph.model import NodeKind

    assert ("co:t:NEW", "PASS_THROUGH_REEXPORT") in {
        (c, f) for c, f in analyse(world, AS_OF).flags[["cluster", "flag"]].itertuples(index=False)
    }
    world.delete_nodes(NodeKind.SHIPMENT, ["ship:T00061", "ship:T00062"])  # type: ignore[attr-defined]
    res = analyse(world, AS_OF)
    assert "co:t:NEW" not in set(res.flags.loc[res.flags["flag"] == "PASS_THROUGH_REEXPORT", "cluster"])


def test_a_store_without_addresses_or_companies_is_analysed() -> None:
    # A workspace holding only a list without addresses (DoD 1260H, NDAA): every LOCATED_AT frame is
    # empty, and `chipwatch risk` failed merging its float id column with the companies' ids.
    store = NetworkxStore()
    store.upsert_nodes(NodeKind.LIST_ENTRY, [{"id": "list:US_1260H:X", "name": "X Corp", "list": "US_1260H"}])
    result = analyse(store, AS_OF)
    assert result.flags.empty and result.scores["cluster"].tolist() == ["list:US_1260H:X"]
    assert analyse(NetworkxStore(), AS_OF).scores.empty
