"""The risk list: the scored entities a filter keeps, each with everything behind its score,
and the provenance of the whole list.

Per entity: its kind and how the kind was known (:func:`entity_kind`), score, level and breakdown
(every contribution with its weight), flags with their legal source, parameters, evidence and
description, plain-language reasons, list hits (:mod:`graph.export.list_hits`), ownership status
per regime and the stored ownership facts.
Provenance: the list versions the risk run read (feed, version id, SHA-256, publication date),
the risk run's as-of date, the generation time and the filters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import orjson
import pandas as pd

from chipwatch import __version__
from graph.export.list_hits import (
    active_entries,
    chain_text,
    flag_description,
    list_hits,
    version_table,
)
from graph.export.risk_table import (
    ENTITY_KINDS,
    RiskFilter,
    RiskNotComputedError,
    as_list,
    check_filter,
    filter_table,
    read_kind,
    risk_table,
)
from graph.risk.reference import reference_on
from graph.risk.staleness import Staleness
from graph.store import GraphStore

DETAIL_COLUMNS = ("aliases", "entity_kind", "risk_breakdown_json", "flags_json", "ownership_json")
#: Registry facts of companies carried into the export (FtM properties, identification).
COMPANY_COLUMNS = (
    "address",
    "city",
    "incorporation_date",
    "registration_id",
    "lei",
    "tax_id",
    "website",
    "email",
    "phone",
    "business_type",
)
#: How a list entry's kind was known: its list's ``type``, the list's ``default`` for rows it gives no
#: type, or read from the ``name`` (ingest.lists.name_kind, with the evidence), as ingest stored it.
ENTRY_KIND_COLUMNS = ("kind_source", "kind_evidence")
NOT_COMPUTED = "no risk results in this workspace yet: run `chipwatch risk` first"


@dataclass(frozen=True)
class RiskList:
    entities: list[dict[str, Any]]  # highest score first
    metadata: dict[str, Any]
    regimes: list[str]  # ownership regimes, in column order


def _loads(raw: object, default: Any) -> Any:
    if isinstance(raw, str) and raw:
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            return default
    return default


def _clean(value: object) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value


def _ownership_status(own: dict[str, Any], regimes: list[str], suspended: set[str]) -> dict[str, str]:
    """regime → ``listed`` / ``owned (blocked 60 %)`` / ``suspended`` (on the as-of date) / ``clear``."""
    found = own.get("regimes", {})
    suspended = suspended | set(own.get("suspended_regimes", []))
    out = {}
    for regime in regimes:
        st = found.get(regime)
        if st is None:
            out[regime] = "suspended" if regime in suspended else "clear"
        elif st.get("status") == "owned":
            out[regime] = f"owned (blocked {float(st.get('blocked_pct', 0)):g} %)"
        else:
            out[regime] = str(st.get("status"))
    return out


def _reasons(
    hits: list[dict[str, Any]], flags: list[dict[str, Any]], status: dict[str, str], own: dict
) -> list[str]:
    """The score in sentences: each listing, each flag, each ownership status that is not clear."""
    out = []
    for h in hits:
        m = h["match"]
        chain = chain_text(m)
        how = "" if m.get("method") == "self" else f" (matched {m.get('score')} by {m.get('method')})"
        how = f"{how[:-1]}: {chain})" if chain else how
        out.append(f"on {h['list']}: {h['matched_name']} [{h['entry_id']}]{how}")
    for f in flags:
        out.append(f"flag {f['flag']}: {f.get('description') or ''} — {f.get('legal_source') or ''}".strip())
    for regime, st in status.items():
        if st not in ("clear", "listed"):
            out.append(f"ownership {regime}: {st}")
    if own.get("ultimate_parent"):
        out.append(f"ultimate parent {own['ultimate_parent']} ({own.get('ultimate_parent_country') or '?'})")
    return out


def _details(store: GraphStore, ids: set[str]) -> dict[str, dict[str, Any]]:
    parts = []
    for kind in ENTITY_KINDS:
        extra: tuple[str, ...] = ()
        if kind.value == "Company":
            extra = COMPANY_COLUMNS
        elif kind.value == "TradeParty":
            extra = ("address",)
        else:
            extra = ("birth_dates", "remarks", *ENTRY_KIND_COLUMNS)
        frame = read_kind(store, kind, (*DETAIL_COLUMNS, *extra))
        parts.append(frame[frame["id"].isin(ids)])
    frame = pd.concat(parts, ignore_index=True)
    cols = [c for c in frame.columns if c != "id"]
    values = zip(*(frame[c].tolist() for c in cols), strict=True)
    return {i: dict(zip(cols, v, strict=True)) for i, v in zip(frame["id"].tolist(), values, strict=True)}


def entity_kind(kind: str, d: dict[str, Any]) -> dict[str, Any]:
    """``entity_type`` and how it was known: ``kind_source`` and, where the kind was read from the
    name, ``kind_evidence``. A list entry's are as ingest stored them (none for entries ingested
    before the source was kept: left blank rather than guessed); a company record is a company by
    its own ``type``; a trade party's kind is ``unknown`` by ``default`` (shipment data names none)."""
    stored = _clean(d.get("entity_kind"))
    if kind == "ListEntry":
        source = _clean(d.get("kind_source"))
        evidence = _clean(d.get("kind_evidence")) if source == "name" else None
        return {"entity_type": stored or "unknown", "kind_source": source, "kind_evidence": evidence}
    if kind == "Company":
        return {"entity_type": stored or "company", "kind_source": "type", "kind_evidence": None}
    return {
        "entity_type": stored or "unknown",
        "kind_source": "type" if stored else "default",
        "kind_evidence": None,
    }


def _list_versions(store_versions: set[str], versions: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    rows = [
        versions.get(v, {"version_id": v, "feed": None, "sha256": None, "published": None})
        for v in store_versions
    ]
    return sorted(rows, key=lambda r: (str(r.get("feed")), str(r["version_id"])))


def build_risk_list(
    store: GraphStore,
    flt: RiskFilter,
    *,
    versions: pd.DataFrame | None = None,
    table: pd.DataFrame | None = None,
    store_kind: str | None = None,
    now: dt.datetime | None = None,
    staleness: Staleness | None = None,
    graph_behind: str | None = None,
) -> RiskList:
    """The entities ``flt`` keeps, in full, with the provenance of the list.

    ``versions``: the workspace's ``list_versions`` table (SHA-256 and publication dates);
    ``table``: a :func:`risk_table` already read (the app caches one);
    ``staleness``: whether the stored results still follow from the workspace
    (:func:`graph.risk.staleness.check`): each entity's ``risk_stale`` and the metadata's
    ``risk_stale``/``risk_stale_reason`` say it (None: not checked);
    ``graph_behind``: the warning when the graph is behind the tables
    (:func:`graph.sync_journal.behind_warning`), "" when it is not: each entity's ``graph_behind``
    and the metadata's ``graph_behind``/``graph_behind_reason`` say it (None: not checked).
    Raises :class:`RiskNotComputedError` before risk ran, ``UnknownFilterError`` for a bad filter.
    """
    table = risk_table(store) if table is None else table
    if table.empty:
        raise RiskNotComputedError(NOT_COMPUTED)
    flt = check_filter(table, flt)
    kept = filter_table(table, flt)
    vt = version_table(versions if versions is not None else pd.DataFrame(columns=["version_id"]))
    as_of_values = sorted({str(v) for v in table["risk_as_of"].dropna()})
    ref = reference_on(as_of_values[-1] if as_of_values else None)
    regimes = sorted({r.name for r in ref.regimes_all}) if ref else []
    suspended = {r.name for r in ref.regimes_all if r.status != "in_force"} if ref else set()
    details = _details(store, set(kept["id"]))
    entries = active_entries(store)
    hits = list_hits(store, kept, entries, vt)
    owns = {i: _loads(d["ownership_json"], {}) for i, d in details.items()}
    regimes += sorted({r for own in owns.values() for r in own.get("regimes", {})} - set(regimes))
    stale = None if staleness is None else staleness.stale
    behind = None if graph_behind is None else bool(graph_behind)
    entities = []
    for row in kept.to_dict("records"):
        rid = str(row["id"])
        d = details[rid]
        own = owns[rid]
        flags = _loads(d["flags_json"], [])
        entity_hits = hits.get(rid, [])
        for f in flags:
            spec = ref.flags.get(f.get("flag")) if ref else None
            f["description"] = flag_description(spec.description if spec else None, f, entity_hits)
        status = _ownership_status(own, regimes, suspended)
        facts = {c: _clean(d.get(c)) for c in (*COMPANY_COLUMNS, "remarks") if _clean(d.get(c)) is not None}
        entities.append(
            {
                "id": rid,
                "kind": row["kind"],
                **entity_kind(row["kind"], d),
                "name": row["name"],
                "aliases": as_list(d["aliases"]),
                "country": _clean(row["country"]),
                "countries": [c for c in str(row["countries"]).split(", ") if c],
                "birth_dates": as_list(d.get("birth_dates")),
                "cluster": row["cluster"],
                "risk_score": float(row["risk_score"]),
                "risk_level": row["risk_level"],
                "risk_as_of": _clean(row["risk_as_of"]),
                "risk_stale": stale,
                "graph_behind": behind,
                "score_breakdown": _loads(d["risk_breakdown_json"], []),
                "flags": flags,
                "reasons": _reasons(entity_hits, flags, status, own),
                "list_hits": entity_hits,
                "ownership_status": status,
                "ownership": own,
                "facts": facts,
            }
        )
    used = set(entries["list_version"].dropna().astype(str))
    counts = store.counts()
    unscored = sum(int(counts.get(k.value, 0)) for k in ENTITY_KINDS) - len(table)
    metadata = {
        "export": "risk_list",
        "generated_at": (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "generator": f"chipwatch {__version__}",
        "risk_as_of": as_of_values[-1] if len(as_of_values) == 1 else as_of_values,
        "risk_stale": stale,
        "risk_stale_reason": staleness.message() or None if staleness is not None else None,
        "risk_computed_at": staleness.run.computed_at if staleness and staleness.run else None,
        "graph_behind": behind,
        "graph_behind_reason": graph_behind or None,
        "store": store_kind,
        "filters": flt.as_dict(),
        "rows": len(entities),
        "entities_scored": len(table),
        "entities_not_scored": unscored,
        "list_versions": _list_versions(used, vt),
        "regimes": regimes,
    }
    if unscored:
        metadata["warning"] = (
            f"{unscored} companies, trade parties or list entries carry no risk result (added after the "
            "last `chipwatch risk`?); run it again for a complete list"
        )
    return RiskList(entities=entities, metadata=metadata, regimes=regimes)
