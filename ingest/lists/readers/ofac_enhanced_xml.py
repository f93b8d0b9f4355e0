"""OFAC Enhanced XML (``SDN_ENHANCED.XML`` / ``CONS_ENHANCED.XML``), streamed entity by entity.

Names carry their script (Latin, Cyrillic, Chinese …): non-Latin translations become
``ORIGINAL_SCRIPT`` aliases, ``isLowQuality`` ones ``WEAK``. Identity documents and features
(birth date, nationality, website, SWIFT …) become identifiers/countries; relationships the list
publishes ("Owned or Controlled By" …) become :class:`ListRelation`.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from chipwatch.errors import InputFileError
from graph.model import ListSource
from ingest.lists import safe
from ingest.lists.model import (
    Alias,
    AliasKind,
    Identifier,
    ListAddress,
    ListEntry,
    ListRelation,
    ReadResult,
    RejectedRow,
)
from ingest.lists.readers._common import country_iso2, identifier, iso_countries, kind_from_type, parse_date

FORMAT = "ofac-enhanced-xml"
ROOT = "sanctionsData"
_ALIAS_KIND = {"a.k.a.": AliasKind.AKA, "f.k.a.": AliasKind.FKA, "n.k.a.": AliasKind.NKA}
_COUNTRY_FEATURES = {"nationality country", "citizenship country", "nationality of registration"}
_ID_FEATURES = {"website", "swift/bic", "email address", "isin", "equity ticker", "bik (ru)"}
_ADDRESS_PARTS = {
    "ADDRESS1": "street",
    "ADDRESS2": "street",
    "ADDRESS3": "street",
    "CITY": "city",
    "STATE/PROVINCE": "state",
    "POSTAL CODE": "postal_code",
}


def sniff(path: Path, head: bytes) -> bool:
    return b"<sanctionsData" in head and b"ENHANCED_XML" in head


def _first(elem: Element, *names: str) -> Element | None:
    """Descend through the first child with each name in turn."""
    node: Element | None = elem
    for name in names:
        if node is None:
            return None
        node = next(iter(safe.children(node, name)), None)
    return node


def _all(elem: Element, list_name: str, item: str) -> list[Element]:
    holder = _first(elem, list_name)
    return safe.children(holder, item) if holder is not None else []


def _names(entity: Element) -> tuple[str, list[Alias]]:
    primary = ""
    aliases: list[Alias] = []
    for name in _all(entity, "names", "name"):
        is_primary = safe.child_text(name, "isPrimary") == "true"
        kind = _ALIAS_KIND.get((safe.child_text(name, "aliasType") or "").lower(), AliasKind.AKA)
        if safe.child_text(name, "isLowQuality") == "true":
            kind = AliasKind.WEAK
        for tr in _all(name, "translations", "translation"):
            full = safe.child_text(tr, "formattedFullName")
            if not full:
                continue
            latin = (safe.child_text(tr, "script") or "Latin") == "Latin"
            if is_primary and latin and safe.child_text(tr, "isPrimary") == "true" and not primary:
                primary = full
            elif not latin:
                aliases.append(Alias(full, AliasKind.ORIGINAL_SCRIPT))
            else:
                aliases.append(Alias(full, kind))
    seen = {primary.casefold()}
    unique = []
    for alias in aliases:
        if alias.name.casefold() not in seen:
            seen.add(alias.name.casefold())
            unique.append(alias)
    return primary, unique


def _addresses(entity: Element) -> list[ListAddress]:
    out = []
    for addr in _all(entity, "addresses", "address"):
        country = safe.child_text(addr, "country")
        parts: dict[str, list[str]] = {}
        for tr in _all(addr, "translations", "translation"):
            if (safe.child_text(tr, "script") or "Latin") != "Latin":
                continue
            for part in _all(tr, "addressParts", "addressPart"):
                key = _ADDRESS_PARTS.get((safe.child_text(part, "type") or "").upper())
                value = safe.child_text(part, "value")
                if key and value:
                    parts.setdefault(key, []).append(value)
        one = {k: ", ".join(v) for k, v in parts.items()}
        raw = ", ".join(
            p
            for p in (one.get("street"), one.get("city"), one.get("state"), one.get("postal_code"), country)
            if p
        )
        if raw:
            out.append(
                ListAddress(
                    raw=raw,
                    street=one.get("street"),
                    city=one.get("city"),
                    state=one.get("state"),
                    postal_code=one.get("postal_code"),
                    country=country_iso2(country),
                )
            )
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def entity_from(
    entity: Element, ref: str, default_list: ListSource
) -> tuple[ListEntry | RejectedRow, list[ListRelation]]:
    uid = entity.get("id") or ""
    name, aliases = _names(entity)
    if not uid:
        return RejectedRow(None, "id", f"{ref}: entity without id"), []
    if not name:
        return RejectedRow(None, "names", f"{ref}: entity {uid} has no primary Latin name"), []
    lists = [s for s in _all(entity, "sanctionsLists", "sanctionsList")]
    list_source = (
        ListSource.US_SDN if any((s.text or "").strip() == "SDN List" for s in lists) else default_list
    )
    published = [d for s in lists if (d := parse_date((s.get("datePublished") or "")[:10]))]
    idents: list[Identifier] = []
    for doc in _all(entity, "identityDocuments", "identityDocument"):
        ident = identifier(
            safe.child_text(doc, "type") or "",
            safe.child_text(doc, "documentNumber") or "",
            safe.child_text(doc, "issuingCountry"),
        )
        if ident:
            idents.append(ident)
    countries: list[str] = []
    births: list[str] = []
    for feature in _all(entity, "features", "feature"):
        label = (safe.child_text(feature, "type") or "").strip()
        value = safe.child_text(feature, "value")
        if not value:
            continue
        low = label.lower()
        if low == "birthdate":
            births.append(value)
        elif low in _COUNTRY_FEATURES:
            countries.append(value)
        elif low in _ID_FEATURES and (ident := identifier(label, value)):
            idents.append(ident)
    relations = []
    for rel in _all(entity, "relationships", "relationship"):
        target = _first(rel, "relatedEntity")
        label = safe.child_text(rel, "type") or "related"
        if target is not None and target.get("entityId"):
            relations.append(
                ListRelation(
                    list_source, uid, target.get("entityId") or "", _slug(label), (("label", label),)
                )
            )
    entity_type = safe.child_text(_first(entity, "generalInfo") or entity, "entityType")
    legal = [t for a in _all(entity, "legalAuthorities", "legalAuthority") if (t := (a.text or "").strip())]
    programs = [
        t for p in _all(entity, "sanctionsPrograms", "sanctionsProgram") if (t := (p.text or "").strip())
    ]
    entry = ListEntry(
        list=list_source,
        source_id=uid,
        kind=kind_from_type(entity_type),
        name=name,
        aliases=tuple(aliases),
        addresses=tuple(_addresses(entity)),
        identifiers=tuple(dict.fromkeys(idents)),
        countries=iso_countries(countries),
        programs=tuple(programs),
        legal_basis="; ".join(legal) or None,
        start_date=min(published) if published else None,
        remarks=safe.child_text(entity, "remarks"),
        birth_dates=tuple(births),
        raw_ref=ref,
    )
    return entry, relations


def read(path: Path) -> ReadResult:
    result = ReadResult(format=FORMAT)
    default_list = ListSource.US_NONSDN if "cons" in path.name.lower() else ListSource.US_SDN
    depth = 0
    for event, elem in safe.iterparse_xml(path, events=("start", "end"), records="entity"):
        tag = safe.local(elem.tag)
        if event == "start":
            if depth == 0 and tag != ROOT:
                raise InputFileError(path, f"root element is <{tag}>, expected <{ROOT}>", field=ROOT)
            depth += 1
            continue
        depth -= 1
        if tag == "dataAsOf" and elem.text:
            result.published = parse_date(elem.text.strip()[:10])
        elif tag == "entity" and depth == 2:
            result.rows_read += 1
            ref = f"{path.name}:/sanctionsData/entities/entity[@id={elem.get('id')}]"
            item, relations = entity_from(elem, ref, default_list)
            if isinstance(item, RejectedRow):
                result.rejected.append(item)
            else:
                result.entries.append(item)
                result.relations.extend(relations)
            elem.clear()
    if depth != 0 or not result.rows_read:
        raise InputFileError(
            path, "no <entity> records (truncated or not an OFAC Enhanced XML file)", field="entity"
        )
    return result
