"""FollowTheMoney entities as JSON lines (OpenSanctions exports, ``*.ftm.json``).

Every line is one entity ``{"id", "schema", "properties": {prop: [values]}, "datasets", "target"}``.

* ``Person``, ``Company``, ``Organization``, ``LegalEntity``, ``PublicBody``, ``Vessel`` and
  ``Airplane`` become :class:`ListEntry` (``source_id`` = the FtM id). Entities with
  ``target: false`` are context (owners, subsidiaries, registry records): they are kept so the
  relations have both ends, with ``context=True``, no programme and a remark saying they are not
  themselves listed (downstream they are never a listing: ``graph.list_status``).
* ``Sanction`` entities attach their programmes, authority (legal basis), dates and source URL to
  the sanctioned ``entity``; ``Address`` entities become the addresses of whoever points at them;
  ``Passport`` / ``Identification`` become identifiers of their ``holder``.
* ``Ownership`` (owner → asset, with ``percentage`` as ``share_pct``), ``Directorship``,
  ``Family``, ``Associate``, ``Employment``, ``Membership`` and ``UnknownLink`` become
  :class:`ListRelation`.
* All ``name`` values other than the caption, ``alias`` and ``previousName`` (f.k.a.) and
  ``weakAlias`` (weak) become aliases; names in a non-Latin script are ``ORIGINAL_SCRIPT``.
* The dataset names are kept in the remarks (``datasets: eu_fsf, us_ofac_sdn``).

A line that is not JSON is a rejected row; a first line that is not an FtM entity, or a final
line cut short (no newline, not JSON), makes the whole file refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from chipwatch.errors import InputFileError
from graph.model import ListSource
from ingest.lists import safe
from ingest.lists.model import (
    Alias,
    AliasKind,
    EntityKind,
    Identifier,
    ListAddress,
    ListEntry,
    ListRelation,
    ReadResult,
    RejectedRow,
)
from ingest.lists.readers._common import comma_address, parse_date
from ingest.lists.readers._text import name_alias, unique_aliases
from ingest.normalize.countries import to_iso2

FORMAT = "ftm-json"
KINDS: dict[str, EntityKind] = {
    "Person": EntityKind.PERSON,
    "Company": EntityKind.COMPANY,
    "Organization": EntityKind.COMPANY,
    "LegalEntity": EntityKind.COMPANY,
    "PublicBody": EntityKind.COMPANY,
    "Vessel": EntityKind.VESSEL,
    "Airplane": EntityKind.AIRCRAFT,
}
#: relation schema → (relation name, source property, target property, props to keep as (name, prop)).
RELATIONS: dict[str, tuple[str, str, str, tuple[tuple[str, str], ...]]] = {
    "Ownership": ("ownership", "owner", "asset", (("share_pct", "percentage"), ("shares", "sharesCount"))),
    "Directorship": ("directorship", "director", "organization", ()),
    "Family": ("family", "person", "relative", (("relationship", "relationship"),)),
    "Associate": ("associate", "person", "associate", (("relationship", "relationship"),)),
    "Employment": ("employment", "employee", "employer", ()),
    "Membership": ("membership", "member", "organization", ()),
    "UnknownLink": ("unknown_link", "subject", "object", ()),
}
_COMMON_RELATION_PROPS = (("role", "role"), ("start_date", "startDate"), ("end_date", "endDate"))
#: FtM property → identifier scheme.
ID_PROPS: dict[str, str] = {
    "registrationNumber": "REGISTRATION",
    "ogrnCode": "REGISTRATION",
    "taxNumber": "TAX",
    "innCode": "TAX",
    "vatCode": "TAX",
    "leiCode": "LEI",
    "imoNumber": "IMO",
    "swiftBic": "SWIFT",
    "idNumber": "NATIONAL_ID",
    "passportNumber": "PASSPORT",
    "mmsi": "MMSI",
    "callSign": "CALL_SIGN",
    "dunsCode": "DUNS",
    "uniqueEntityId": "SAM_UEI",
    "permId": "PERMID",
    "email": "EMAIL",
    "website": "WEBSITE",
    "phone": "PHONE",
}
_COUNTRY_PROPS = ("country", "nationality", "citizenship", "jurisdiction", "flag")
_DOC_SCHEMA = {"Passport": "PASSPORT", "Identification": "NATIONAL_ID"}


def sniff(path: Path, head: bytes) -> bool:
    first = head.lstrip().split(b"\n", 1)[0]
    return first.startswith(b"{") and b'"schema"' in first and b'"properties"' in first


@dataclass
class _Sanctions:
    programs: list[str] = field(default_factory=list)
    authorities: list[str] = field(default_factory=list)
    starts: list[date] = field(default_factory=list)
    ends: list[date | None] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


def _props(ent: Mapping[str, Any], name: str) -> list[str]:
    values = ent.get("properties", {}).get(name) or []
    return [" ".join(str(v).split()) for v in values if str(v).strip()]


def _add(values: list, *new: object) -> None:
    for value in new:
        if value and value not in values:
            values.append(value)


def _load(path: Path) -> tuple[dict[str, dict[str, Any]], dict[str, int], list[RejectedRow], int]:
    """Entities by id (in file order), the line of each, rejected lines, lines read."""
    data = safe.read_bytes(path)
    lines = data.split(b"\n")
    entities: dict[str, dict[str, Any]] = {}
    line_of: dict[str, int] = {}
    rejected: list[RejectedRow] = []
    read = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        read += 1
        try:
            ent = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            if read == 1:
                raise InputFileError(path, f"not FollowTheMoney JSON lines: {exc}", line=number) from exc
            if number == len(lines) and not data.endswith(b"\n"):
                raise InputFileError(
                    path, f"last line cut short (truncated file?): {exc}", line=number
                ) from exc
            rejected.append(RejectedRow(number, None, f"not JSON: {exc}"))
            continue
        safe.refuse_bad_values_in(path, ent, line=number)
        if not isinstance(ent, dict) or not ent.get("id") or not ent.get("schema"):
            if read == 1:
                raise InputFileError(
                    path,
                    "not a FollowTheMoney entity (needs id, schema, properties)",
                    line=number,
                    field="schema",
                )
            rejected.append(RejectedRow(number, "schema", "line is not an entity with id and schema"))
            continue
        if not isinstance(ent.get("properties", {}), dict):
            rejected.append(RejectedRow(number, "properties", "properties is not an object"))
            continue
        entities[str(ent["id"])] = ent
        line_of[str(ent["id"])] = number
    if not read:
        raise InputFileError(path, "file is empty")
    return entities, line_of, rejected, read


def _address(ent: Mapping[str, Any]) -> ListAddress | None:
    full = next(iter(_props(ent, "full")), None)
    street, city = next(iter(_props(ent, "street")), None), next(iter(_props(ent, "city")), None)
    region, postal = next(iter(_props(ent, "region")), None), next(iter(_props(ent, "postalCode")), None)
    country = next(iter(_props(ent, "country")), None)
    raw = full or ", ".join(p for p in (street, city, region, postal, country) if p)
    if not raw:
        return None
    if not (street or city or postal):
        parsed = comma_address(raw)
        return replace(parsed, country=to_iso2(country) if country else parsed.country)
    return ListAddress(
        raw, street, city, region, postal, to_iso2(country) if country else comma_address(raw).country
    )


def _names(ent: Mapping[str, Any]) -> tuple[str, list[Alias]]:
    names = _props(ent, "name")
    caption = " ".join(str(ent.get("caption") or "").split())
    primary = caption if caption and (caption in names or not names) else (names[0] if names else "")
    aliases = [name_alias(n) for n in names]
    aliases += [name_alias(n) for n in _props(ent, "alias")]
    aliases += [name_alias(n, AliasKind.FKA) for n in _props(ent, "previousName")]
    aliases += [name_alias(n, AliasKind.WEAK) for n in _props(ent, "weakAlias")]
    return primary, aliases


def _entry(
    ent: Mapping[str, Any],
    kind: EntityKind,
    ref: str,
    addresses: list[ListAddress],
    identifiers: list[Identifier],
    sanctions: _Sanctions | None,
) -> ListEntry:
    primary, aliases = _names(ent)
    countries = [iso for p in _COUNTRY_PROPS for c in _props(ent, p) if (iso := to_iso2(c))]
    for prop, scheme in ID_PROPS.items():
        for value in _props(ent, prop):
            country = countries[0] if scheme in ("TAX", "REGISTRATION") and countries else None
            if scheme == "IMO":
                value = value.upper().removeprefix("IMO").strip()
            _add(identifiers, Identifier(scheme, value, country))
    single_country = countries[0] if len(set(countries)) == 1 else None
    for raw in _props(ent, "address"):
        parsed = comma_address(raw)
        if parsed.country is None and single_country:
            parsed = replace(parsed, country=single_country)
        if raw.casefold() not in {a.raw.casefold() for a in addresses}:
            addresses.append(parsed)
    programs = list(_props(ent, "programId"))
    remarks = []
    if not ent.get("target", True):
        remarks.append("not itself listed: context entity (FtM target=false)")
    else:
        remarks.extend(_props(ent, "notes")[:3])
    remarks.append("datasets: " + ", ".join(str(d) for d in ent.get("datasets") or []))
    start = end = None
    url = next(iter(_props(ent, "sourceUrl")), None)
    legal = None
    if sanctions is not None:
        _add(programs, *sanctions.programs)
        start = min(sanctions.starts, default=None)
        if sanctions.ends and all(sanctions.ends):
            end = max(d for d in sanctions.ends if d)
        url = url or next(iter(sanctions.urls), None)
        legal = "; ".join(sanctions.authorities) or None
    context = not ent.get("target", True)
    if context:
        programs = []
    return ListEntry(
        list=ListSource.FTM,
        source_id=str(ent["id"]),
        kind=kind,
        name=primary,
        aliases=unique_aliases(aliases, primary),
        addresses=tuple(addresses),
        identifiers=tuple(identifiers),
        countries=tuple(dict.fromkeys(countries)),
        programs=tuple(programs),
        legal_basis=legal,
        start_date=start,
        end_date=end,
        source_url=url,
        remarks=" | ".join(remarks),
        birth_dates=tuple(dict.fromkeys(_props(ent, "birthDate"))),
        raw_ref=ref,
        context=context,
    )


def _relation(ent: Mapping[str, Any]) -> ListRelation | None:
    relation, src_prop, dst_prop, extra = RELATIONS[ent["schema"]]
    sources, targets = _props(ent, src_prop), _props(ent, dst_prop)
    if not sources or not targets:
        return None
    props = [("ftm_id", str(ent["id"]))]
    for name, prop in (*extra, *_COMMON_RELATION_PROPS):
        if values := _props(ent, prop):
            props.append((name, values[0]))
    return ListRelation(ListSource.FTM, sources[0], targets[0], relation, tuple(props))


def _canonical_ids(entities: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Referent id → id of the merged entity that carries it (OpenSanctions merges records)."""
    out = {ref: ent_id for ent_id, ent in entities.items() for ref in ent.get("referents") or []}
    out.update({ent_id: ent_id for ent_id in entities})
    return out


def _attachments(
    entities: Mapping[str, Mapping[str, Any]],
) -> tuple[dict[str, _Sanctions], dict[str, list[Identifier]]]:
    """Sanction facts and identity documents, by the id of the entity they belong to."""
    sanctions: dict[str, _Sanctions] = {}
    documents: dict[str, list[Identifier]] = {}
    for ent in entities.values():
        schema = ent["schema"]
        if schema == "Sanction":
            for target in _props(ent, "entity"):
                acc = sanctions.setdefault(target, _Sanctions())
                _add(acc.programs, *(_props(ent, "programId") or _props(ent, "program")))
                _add(acc.authorities, *_props(ent, "authority"))
                _add(acc.urls, *_props(ent, "sourceUrl"))
                starts = [parse_date(d[:10]) for d in _props(ent, "startDate") + _props(ent, "listingDate")]
                acc.starts.extend(d for d in starts if d)
                acc.ends.append(next((parse_date(d[:10]) for d in _props(ent, "endDate")), None))
        elif schema in _DOC_SCHEMA:
            number = next(iter(_props(ent, "number") + _props(ent, "passportNumber")), None)
            country = next(iter(_props(ent, "country")), None)
            for holder in _props(ent, "holder") if number else []:
                ident = Identifier(_DOC_SCHEMA[schema], str(number), to_iso2(country))
                _add(documents.setdefault(holder, []), ident)
    return sanctions, documents


def _collection(entities: dict[str, dict[str, Any]]) -> str | None:
    """The dataset every entity of the file belongs to (a per-dataset export), else None.

    A merged collection (e.g. OpenSanctions ``default``) has no dataset common to all its
    entities; it is then one feed, ``ftm``, unless the user names one with ``--feed``.
    """
    common: set[str] | None = None
    for ent in entities.values():
        datasets = {str(d) for d in ent.get("datasets") or []}
        common = datasets if common is None else common & datasets
        if not common:
            return None
    return min(common) if common else None


def read(path: Path) -> ReadResult:
    entities, line_of, rejected, read_count = _load(path)
    canonical = _canonical_ids(entities)
    for ent in entities.values():  # point references at merged ids
        props = ent.get("properties", {})
        for prop in ("entity", "holder", "addressEntity", *(p for r in RELATIONS.values() for p in r[1:3])):
            if prop in props and isinstance(props[prop], list):
                props[prop] = [canonical.get(str(v), str(v)) for v in props[prop]]
    result = ReadResult(
        format=FORMAT, rejected=rejected, rows_read=read_count, collection=_collection(entities)
    )
    sanctions, documents = _attachments(entities)
    address_of = {i: a for i, e in entities.items() if e["schema"] == "Address" and (a := _address(e))}
    for ent_id, ent in entities.items():
        schema, line = ent["schema"], line_of[ent_id]
        if schema in KINDS:
            addresses = [address_of[a] for a in _props(ent, "addressEntity") if a in address_of]
            ref = f"{path.name}:line {line}"
            idents = list(documents.get(ent_id, []))
            entry = _entry(ent, KINDS[schema], ref, addresses, idents, sanctions.get(ent_id))
            if entry.name:
                result.entries.append(entry)
            else:
                result.rejected.append(RejectedRow(line, "name", f"{schema} {ent_id} has no name"))
        elif schema in RELATIONS:
            relation = _relation(ent)
            if relation is None:
                result.rejected.append(RejectedRow(line, None, f"{schema} {ent_id} lacks one of its ends"))
            else:
                result.relations.append(relation)
    return result
