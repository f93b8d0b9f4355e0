"""List hits per entity: the listed entries of its resolved cluster (context entities, which
their publisher says are not themselves listed, are no hit), with how it was matched
and the list version each entry came from (feed, version id, SHA-256, publication date).

An entity is "on" a list when a ListEntry of that list is in its SAME_AS cluster (``risk_cluster``,
as ``chipwatch risk`` stored it). The match is the direct SAME_AS link between the entity and the
entry when there is one (score, method, resolution reasons); otherwise the chain of links from
the entity to the entry as the risk run joins them (:mod:`graph.risk.joins`), each in words, with
the weakest link's score and ``via`` the record the entry links to: the entry's strongest link
could lead into another branch of the cluster. A chain may hold a by-name owner link (an owner
known only by name in ownership records, ``co:byname:…``, to the listed entry of that name), which
no stored edge holds; the match then gives its facts and source (method ``byname_exact``). Only
a chain cut short by the walk's bound falls back to the entry's strongest link.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pandas as pd

from graph.export.risk_table import as_list, read_kind
from graph.list_status import listing_mask
from graph.model import EdgeKind, NodeKind
from graph.risk.frames import BYNAME_METHOD, read_edges
from graph.risk.joins import BYNAME, SAME_AS_COLS, ByNameLinks, Join, SameAsLinks, cluster_joins, link_text
from graph.store import GraphStore

ENTRY_COLUMNS = (
    "name",
    "list",
    "source_id",
    "status",
    "programs",
    "license_requirement",
    "license_policy",
    "legal_basis",
    "start_date",
    "source_url",
    "list_version",
    "feed",
    "risk_cluster",
)
#: A Federal Register citation as the lists write it: "85 F.R. 34495", "85 FR 34495".
_FR = re.compile(r"\b\d{1,3}\s*F\.?\s?R\.?\s*\d{1,6}\b")
ACCEPTED = ("auto", "confirmed")


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


def _count(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def fr_notices(legal_basis: str | None) -> list[str]:
    """The Federal Register citations inside a legal-basis text (``[]`` for a statute or nothing)."""
    return _FR.findall(legal_basis or "")


def version_table(versions: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """version id → feed, version id, sha256, published, ingested_at, file, rows accepted."""
    out: dict[str, dict[str, Any]] = {}
    for row in versions.itertuples(index=False):
        out[str(row.version_id)] = {
            "feed": _text(row.feed),
            "version_id": str(row.version_id),
            "sha256": _text(row.sha256),
            "published": _text(row.published),
            "ingested_at": _text(row.ingested_at),
            "file": _text(str(row.path).rsplit("/", 1)[-1]) if _text(row.path) else None,
            "rows_accepted": _count(row.rows_accepted),
        }
    return out


def active_entries(store: GraphStore) -> pd.DataFrame:
    """Every listed ListEntry (not removed, not a context entity) with the columns a hit reports
    and its cluster."""
    entries = read_kind(store, NodeKind.LIST_ENTRY, ENTRY_COLUMNS)
    entries = entries[listing_mask(entries["status"])].copy()
    entries["cluster"] = entries["risk_cluster"].fillna(entries["id"])
    return entries.reset_index(drop=True)


def _links(edges: pd.DataFrame) -> tuple[dict[tuple[str, str], dict[str, Any]], dict[str, dict[str, Any]]]:
    """Accepted SAME_AS links by unordered pair, and each node's strongest accepted link
    (``edges``: every SAME_AS edge with :data:`graph.risk.joins.SAME_AS_COLS`)."""
    edges = edges[edges["decision"].isna() | edges["decision"].isin(ACCEPTED)]
    edges = edges.sort_values("score", ascending=True, kind="stable")  # strongest last wins below
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    best: dict[str, dict[str, Any]] = {}
    for src, dst, score, method, reasons, decision in zip(
        edges["source"],
        edges["target"],
        edges["score"],
        edges["method"],
        edges["reasons_json"],
        edges["decision"],
        strict=True,
    ):
        link = {
            "score": float(score) if pd.notna(score) else None,
            "method": _text(method),
            "decision": _text(decision) or "auto",
            "reasons": json.loads(reasons) if isinstance(reasons, str) and reasons else [],
        }
        pairs[(min(src, dst), max(src, dst))] = link
        best[src] = {**link, "via": dst}
        best[dst] = {**link, "via": src}
    return pairs, best


def chain_match(chain: list[Join], confirmed: bool = False) -> dict[str, Any]:
    """A hit found through a chain of links (no SAME_AS edge joins the entity and the entry): the
    weakest link's score and method (``byname_exact`` when the chain holds a by-name owner link),
    each link in words (as ``chipwatch entity`` prints it) and the chain itself. ``confirmed``:
    every link is a confirmed SAME_AS edge."""
    scored = [j for j in chain if j.score is not None]
    weakest = min(scored, key=lambda j: j.score or 0.0) if scored else None
    byname = any(j.link == BYNAME for j in chain)
    return {
        "score": weakest.score if weakest else None,
        "method": BYNAME_METHOD if byname or weakest is None else weakest.method,
        "decision": "confirmed" if confirmed and not byname else "auto",
        "via": chain[-1].start if len(chain) > 1 else None,
        "reasons": [link_text(j.as_dict()) for j in chain],
        "chain": [j.as_dict() for j in chain],
    }


def chain_text(match: dict[str, Any]) -> str | None:
    """A chain match's links in words, for the text columns of every format (None otherwise)."""
    return "; then ".join(match["reasons"]) if match.get("chain") else None


def listed_name_description(description: str | None, hits: list[dict[str, Any]], evidence: Any) -> str | None:
    """The ``LISTED_NAME_MATCH`` flag's text for one entity: its reference text ("resolved (SAME_AS
    …)") says how the flag fires for a resolved entry, but an entry the risk run joined by a
    by-name owner link was never resolved. Such a hit is said as found, in joins' link text: the
    entity's chain to the entry, or (for the entry itself, whose hit is itself) the entry's
    by-name links from the flag's evidence. The reference text stays first when some entry of
    the cluster is also linked another way."""
    chains = [chain_text(h["match"]) for h in hits if h["match"].get("method") == BYNAME_METHOD]
    items = evidence.get("items", []) if isinstance(evidence, dict) else []
    links = [link for item in items for link in item.get("links") or []]
    if not any(chains):
        chains = [
            link_text(
                {"link": BYNAME, "to": link.get("other"), "method": BYNAME_METHOD, "score": link.get("score")}
            )
            for link in links
            if link.get("method") == BYNAME_METHOD
        ]
    found = [c for c in dict.fromkeys(chains) if c]
    if not found:
        return description
    how = "an active list entry joined by a by-name owner link, not resolved by SAME_AS: " + "; ".join(found)
    resolved = any(link.get("method") != BYNAME_METHOD for link in links)
    return f"{description}; also {how}" if resolved and description else how


def flag_description(
    spec_description: str | None, flag: dict[str, Any], hits: list[dict[str, Any]]
) -> str | None:
    """A flag's text for one entity, as every place that shows flags gives it: its reference
    description, for ``LISTED_NAME_MATCH`` said as the entity's hits were found
    (:func:`listed_name_description`; ``hits`` in this module's shape)."""
    if flag.get("flag") == "LISTED_NAME_MATCH":
        return listed_name_description(spec_description, hits, flag.get("evidence"))
    return spec_description


def _entry_facts(row: Any, versions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What a hit says of its entry (``row``: a pair of :func:`list_hits`), in the hit's key order."""
    version = versions.get(str(row.list_version), {})
    legal = _text(row.legal_basis)
    return {
        "list": _text(row.list),
        "entry_id": str(row.entry_id),
        "source_id": _text(row.source_id),
        "matched_name": _text(row.name),
        "programs": as_list(row.programs),
        "license_requirement": _text(row.license_requirement),
        "license_policy": _text(row.license_policy),
        "fr_notice": fr_notices(legal),
        "legal_basis": legal,
        "start_date": _text(row.start_date),
        "source_url": _text(row.source_url),
        "feed": _text(row.feed) or version.get("feed"),
        "list_version": _text(row.list_version),
        "list_sha256": version.get("sha256"),
        "list_published": version.get("published"),
    }


def list_hits(
    store: GraphStore, entities: pd.DataFrame, entries: pd.DataFrame, versions: dict[str, dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """entity id → its list hits (``entities``: id, cluster; ``entries``: :func:`active_entries`).
    Entities without hits are absent."""
    pairs = entities[["id", "cluster"]].merge(
        entries.rename(columns={"id": "entry_id"}), on="cluster", how="inner"
    )
    if pairs.empty:
        return {}
    edges = read_edges(store, EdgeKind.SAME_AS, SAME_AS_COLS)
    links, best = _links(edges)
    chains: dict[str, dict[str, list[Join]]] = {}  # entity → cluster_joins, walked once per entity
    # The walks go over links read once, never the store: the SAME_AS edges above (made into rings
    # on the first walk) and the by-name owner links.
    same_as: SameAsLinks | None = None
    by_name_links = ByNameLinks(store)
    out: dict[str, list[dict[str, Any]]] = {}
    entry_facts: dict[str, dict[str, Any]] = {}  # an entry's part of a hit, made once per entry
    for row in pairs.sort_values(["id", "list", "entry_id"]).itertuples(index=False):
        entity, entry = str(row.id), str(row.entry_id)
        if entity == entry:
            match: dict[str, Any] = {
                "score": 1.0,
                "method": "self",
                "reasons": ["the entity is this list entry"],
            }
        else:
            direct = links.get((min(entity, entry), max(entity, entry)))
            chain: list[Join] = []
            if not direct:
                # the chain that reaches the entry from this entity: the entry's strongest link
                # may lead into another branch of the cluster
                if entity not in chains:
                    same_as = same_as or SameAsLinks(edges)
                    chains[entity] = cluster_joins(store, entity, byname=by_name_links, same_as=same_as)
                chain = chains[entity].get(entry, [])
            if chain:
                stored = [links.get((min(j.start, j.end), max(j.start, j.end)), {}) for j in chain]
                match = chain_match(chain, all(s.get("decision") == "confirmed" for s in stored))
            else:
                match = dict(direct) if direct else dict(best.get(entry, {"reasons": []}))
            if not direct and not chain:
                match["reasons"] = [
                    "resolved to the same party through other records",
                    *match.get("reasons", []),
                ]
        facts = entry_facts.get(entry)
        if facts is None:
            facts = entry_facts[entry] = _entry_facts(row, versions)
        # the lists are each hit's own: a hit may be changed without changing another's
        hit = {**facts, "programs": [*facts["programs"]], "fr_notice": [*facts["fr_notice"]], "match": match}
        out.setdefault(entity, []).append(hit)
    return out
