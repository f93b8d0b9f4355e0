"""The risk list as FollowTheMoney (FtM) entities, one JSON object per line.

Each scored entity becomes a ``Company`` (registry companies), ``Person``, ``Vessel`` or
``Airplane`` (list entries of those kinds) or ``LegalEntity`` (list entries of unknown or
organisation type, trade parties as written on bills of lading). Properties follow the FtM schema
(``Thing``/``LegalEntity``): ``name``, ``alias``, ``country`` (lower-case ISO-2), ``topics`` from
FtM's controlled vocabulary (``sanction``, ``export.control``, ``sanction.control``,
``export.control.linked``, ``debarment``, ``invest.ban``, ``export.risk``), ``program``,
``sourceUrl``, ``keywords`` (risk level and flag names), ``notes`` (score, reasons, breakdown,
evidence). Each list hit adds a ``Sanction`` entity pointing at it (``entity``) with authority,
programme, listing date, licence requirement (``provisions``) and legal basis (``reason``).

Ids are stable: ``cw-`` + SHA-1 of the chipwatch node id (and of ``entity|entry`` for a
Sanction), so re-exports of the same workspace produce the same ids; the node ids themselves are
kept in ``referents``. The ``followthemoney`` package is not needed to write this.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import Any

import orjson

from graph.export.list_hits import chain_text
from graph.export.risk_list import RiskList

DATASET = "chipwatch_risk_list"
NOTES_LIMIT = 20_000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

TOPIC_BY_LIST = {
    **dict.fromkeys(
        ("US_SDN", "US_NONSDN", "US_SSI", "US_FSE", "US_PLC", "US_CAP", "US_MBS", "US_ISN", "UN", "EU", "UK"),
        "sanction",
    ),
    **dict.fromkeys(("US_EL", "US_MEU", "US_MIEU", "US_UVL", "US_DPL"), "export.control"),
    **dict.fromkeys(("US_DTC", "US_NDAA889", "US_NDAA5949"), "debarment"),
    "US_CMIC": "invest.ban",
}
#: Ownership-derived status per regime → FtM topic (OFAC/EU/UK 50 % rules; BIS Affiliates rule).
TOPIC_BY_REGIME = {"OFAC": "sanction.control", "EU": "sanction.control", "UK": "sanction.control"}
TOPIC_BY_REGIME_DEFAULT = "export.control.linked"
AUTHORITY_BY_LIST = {
    **dict.fromkeys(
        ("US_SDN", "US_NONSDN", "US_SSI", "US_FSE", "US_PLC", "US_CAP", "US_MBS", "US_CMIC"),
        "US Department of the Treasury, Office of Foreign Assets Control",
    ),
    **dict.fromkeys(
        ("US_EL", "US_MEU", "US_MIEU", "US_UVL", "US_DPL"),
        "US Department of Commerce, Bureau of Industry and Security",
    ),
    **dict.fromkeys(("US_ISN", "US_DTC"), "US Department of State"),
    "US_1260H": "US Department of Defense",
    **dict.fromkeys(("US_NDAA5949", "US_NDAA889"), "US Congress (National Defense Authorization Act)"),
    "UN": "United Nations Security Council",
    "EU": "Council of the European Union",
    "UK": "UK Foreign, Commonwealth & Development Office",
}
SCHEMA_BY_TYPE = {"person": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
LEGAL_ENTITY_SCHEMATA = ("Company", "Person", "LegalEntity")


def ftm_id(*parts: str) -> str:
    return "cw-" + hashlib.sha1("|".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()


def schema_for(entity: dict[str, Any]) -> str:
    if entity["kind"] == "Company":
        return "Company"
    if entity["kind"] == "ListEntry":
        return SCHEMA_BY_TYPE.get(str(entity["entity_type"]), "LegalEntity")
    return "LegalEntity"


def topics(entity: dict[str, Any]) -> list[str]:
    out = {TOPIC_BY_LIST.get(str(h["list"]), "export.risk") for h in entity["list_hits"]}
    for regime, status in entity["ownership_status"].items():
        if status.startswith("owned"):
            out.add(TOPIC_BY_REGIME.get(regime, TOPIC_BY_REGIME_DEFAULT))
    # Flags that only restate a listing carry weight 0 (the list counts): no extra topic for them.
    if any(b["source"].startswith("flag:") and b["weight"] > 0 for b in entity["score_breakdown"]):
        out.add("export.risk")
    return sorted(out)


STALE_NOTE = (
    "risk results stale: the workspace changed after `chipwatch risk` computed them (see the export's "
    "audit record)"
)


GRAPH_BEHIND_NOTE = (
    "read from a graph behind the tables: data ingested with --no-graph after its last sync is not in "
    "it (see the export's audit record)"
)


def _notes(entity: dict[str, Any]) -> list[str]:
    head = (
        f"chipwatch risk score {entity['risk_score']:g} ({entity['risk_level']}) as of {entity['risk_as_of']}"
    )
    breakdown = ", ".join(f"{b['source']} {b['weight']:g}" for b in entity["score_breakdown"])
    # a stale result says so on its first line (the file's metadata is not part of FtM)
    stale = [STALE_NOTE] if entity.get("risk_stale") else []
    stale += [GRAPH_BEHIND_NOTE] if entity.get("graph_behind") else []
    notes = [
        "\n".join(
            [head, *stale, *entity["reasons"], f"score breakdown: {breakdown}" if breakdown else ""]
        ).strip()
    ]
    if entity["flags"]:
        evidence = orjson.dumps(
            [{"flag": f["flag"], "evidence": f.get("evidence")} for f in entity["flags"]], default=str
        ).decode()
        notes.append("flag evidence: " + evidence[:NOTES_LIMIT])
    return notes


def _put(props: dict[str, list[str]], name: str, values: Any) -> None:
    seen = props.setdefault(name, [])
    for v in values if isinstance(values, list | tuple) else [values]:
        if v is None:
            continue
        text = str(v).strip()
        if text and text not in seen:
            seen.append(text)
    if not seen:
        del props[name]


def entity_record(entity: dict[str, Any]) -> dict[str, Any]:
    schema = schema_for(entity)
    hits = entity["list_hits"]
    props: dict[str, list[str]] = {}
    _put(props, "name", entity["name"])
    _put(props, "alias", [a for a in entity["aliases"] if a != entity["name"]])
    # FtM country values are lower-case ISO codes; anything else would be dropped by FtM's cleaning.
    _put(props, "country", [c.lower() for c in entity["countries"] if len(c) == 2 and c.isalpha()])
    _put(props, "topics", topics(entity))
    _put(props, "program", [p for h in hits for p in h["programs"]])
    _put(props, "sourceUrl", [h["source_url"] for h in hits])
    stale = ["risk:stale"] if entity.get("risk_stale") else []
    stale += ["graph:behind"] if entity.get("graph_behind") else []
    _put(
        props,
        "keywords",
        [f"risk:{entity['risk_level']}", *stale, *(f"flag:{f['flag']}" for f in entity["flags"])],
    )
    _put(props, "notes", _notes(entity))
    facts = entity["facts"]
    if schema in LEGAL_ENTITY_SCHEMATA:
        _put(props, "website", facts.get("website"))
        _put(props, "email", facts.get("email"))
        _put(props, "phone", facts.get("phone"))
        _put(props, "leiCode", facts.get("lei"))
        _put(props, "taxNumber", facts.get("tax_id"))
        _put(props, "registrationNumber", facts.get("registration_id"))
        _put(props, "address", ", ".join(str(facts[k]) for k in ("address", "city") if facts.get(k)) or None)
        if facts.get("incorporation_date") and _DATE.match(str(facts["incorporation_date"])):
            _put(props, "incorporationDate", facts["incorporation_date"])
    if schema == "Person":
        _put(props, "birthDate", [d for d in entity["birth_dates"] if _DATE.match(d)])
    listed = any(TOPIC_BY_LIST.get(str(h["list"])) in ("sanction", "export.control") for h in hits)
    return {
        "id": ftm_id(entity["id"]),
        "schema": schema,
        "caption": entity["name"],
        "properties": props,
        "datasets": [DATASET],
        "referents": [entity["id"]],
        "target": listed,
    }


def sanction_record(entity: dict[str, Any], hit: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, list[str]] = {}
    _put(props, "entity", ftm_id(entity["id"]))
    _put(props, "authority", AUTHORITY_BY_LIST.get(str(hit["list"])))
    _put(props, "authorityId", hit["source_id"])
    _put(props, "program", hit["programs"] or [hit["list"]])
    _put(props, "provisions", hit["license_requirement"])
    _put(props, "reason", hit["legal_basis"])
    _put(props, "sourceUrl", hit["source_url"])
    if hit["start_date"] and _DATE.match(str(hit["start_date"])):
        _put(props, "startDate", hit["start_date"])
    _put(props, "recordId", hit["entry_id"])
    m = hit["match"]
    _put(
        props,
        "summary",
        f"{hit['list']} entry {hit['entry_id']} ({hit['matched_name']}), list version {hit['list_version']}"
        + ("" if m.get("method") == "self" else f"; matched {m.get('score')} by {m.get('method')}")
        + (f": {chain}" if (chain := chain_text(m)) else ""),
    )
    return {
        "id": ftm_id(entity["id"], hit["entry_id"]),
        "schema": "Sanction",
        "caption": str(hit["list"]),
        "properties": props,
        "datasets": [DATASET],
        "referents": [hit["entry_id"]],
    }


def ftm_records(rl: RiskList) -> Iterator[dict[str, Any]]:
    """Each entity, then its Sanction entities, highest score first."""
    for entity in rl.entities:
        yield entity_record(entity)
        for hit in entity["list_hits"]:
            yield sanction_record(entity, hit)


def write_ftm(rl: RiskList, path: Any) -> int:
    """FtM JSON lines; returns the number of lines (entities + sanctions)."""
    lines = 0
    with open(path, "wb") as fh:
        for record in ftm_records(rl):
            fh.write(orjson.dumps(record) + b"\n")
            lines += 1
    return lines
