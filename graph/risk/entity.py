"""The entity report: one party's list hits, cluster, ownership, flags and score.

The cluster is the one the risk score used (:mod:`graph.risk.joins`): accepted SAME_AS links and
the by-name owner links of ownership records, so an owner known only by name reports the list
entries that block it. Each list hit says how it was found: the chain of links from the party to
the entry, with each link's facts and source.

List entries of the cluster that are context entities (``graph.list_status``) are reported
apart, as context, never as list hits; so are entries a later version of their feed removed
(with that version), so that a party once listed does not read as never listed.

Found by node id, or by name (case-insensitive: exact first, then the names containing the
query). The report reads what ``chipwatch risk`` stored plus the owners/owned edges around it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from chipwatch.errors import ChipwatchError
from graph.export.list_hits import chain_match, flag_description
from graph.holdings import holding_text, period_facts
from graph.list_status import CONTEXT, CONTEXT_NOTE, REMOVED, is_listing
from graph.model import EdgeKind, NodeKind
from graph.risk.context import risk_context
from graph.risk.joins import BYNAME, SAME_AS, ByNameLinks, Join, cluster_joins, link_text
from graph.risk.paths import ENTITY_KINDS
from graph.risk.reference import load_weights, reference_on
from graph.risk.score import risk_score_text
from graph.store import GraphStore

#: Evidence printed whole in the terminal report up to this length; longer, its summary only.
SHORT_EVIDENCE = 200


class EntityNotFoundError(ChipwatchError):
    """No node matches the id or name given."""


@dataclass(frozen=True)
class EntityReport:
    node_id: str
    name: str
    kind: str
    country: str | None
    cluster: list[dict[str, Any]]  # id, name, kind
    #: entry id, list, name, programs, licence requirement, its list version and ``found``: how
    #: (the party itself, SAME_AS cluster or by-name owner link) and the chain of links
    list_hits: list[dict[str, Any]]
    owners: list[dict[str, Any]]
    owned: list[dict[str, Any]]
    risk: dict[str, Any]  # risk_context of the node
    other_matches: list[str]
    #: list entries of the cluster that their publisher says are not themselves listed
    context_entries: list[dict[str, Any]] = field(default_factory=list)
    #: list entries of the cluster a later version of their feed removed: entry, list, name,
    #: ``removed_in`` (that version) and ``list_version`` (the last version listing it)
    removed_entries: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def find_entity(store: GraphStore, query: str) -> tuple[str, list[str]]:
    """The node id for ``query`` (an id, or a name) and other candidates for a name query."""
    if store.node(query) is not None:
        return query, []
    q = " ".join(query.split()).casefold()
    exact: list[str] = []
    partial: list[str] = []
    for kind in ENTITY_KINDS:
        frame = store.nodes_frame(kind, ["name"])
        names = frame["name"].fillna("").astype(str).str.casefold()
        exact += frame.loc[names == q, "id"].tolist()
        partial += frame.loc[names.str.contains(q, regex=False) & (names != q), "id"].tolist()
    hits = sorted(exact) + sorted(partial)
    if not hits:
        raise EntityNotFoundError(f"no company, trade party or list entry with id or name {query!r}")
    return hits[0], hits[1:11]


def _ends(store: GraphStore, node_id: str, outgoing: bool, day: str) -> list[dict[str, Any]]:
    """The stakes held in (or by) ``node_id``; one that does not hold on ``day`` (ended, inactive:
    :mod:`graph.holdings`) is kept as history, with ``ended`` saying so and its dates."""
    out = []
    for e in store.neighbours(node_id, [EdgeKind.OWNS], direction="both"):
        if (e.source == node_id) != outgoing:
            continue
        other = e.target if outgoing else e.source
        node = store.node(other)
        out.append(
            {
                "id": other,
                "name": node.name if node else other,
                "pct": e.props.get("pct"),
                "as_of": e.props.get("as_of"),
                "ended": holding_text(e.props, day),
                **period_facts(e.props),
            }
        )
    return out


def stake_text(stake: dict[str, Any]) -> str:
    """One owner or owned stake for the terminal: name, share, and ``(ended …)`` when it no
    longer holds."""
    text = f"{stake['name']} {stake['pct']} %"
    if stake.get("ended"):
        since = f", from {stake['start_date']}" if stake.get("start_date") else ""
        text += f" ({stake['ended']}{since}: not current)"
    return text


def found(chain: list[Join]) -> dict[str, Any]:
    """How a list hit was found: ``how`` (the party itself, SAME_AS cluster or by-name owner
    link, when any link of the chain is one) and the ``chain`` of links from the party to it."""
    if not chain:
        how = "the party itself"
    else:
        how = BYNAME if any(j.link == BYNAME for j in chain) else f"{SAME_AS} cluster"
    return {"how": how, "chain": [j.as_dict() for j in chain]}


def found_lines(hit: dict[str, Any]) -> list[str]:
    """How a list hit was found: a heading, then each link from the party to the entry."""
    chain = hit["found"]["chain"]
    head = f"found by {hit['found']['how']}" if chain else f"found: {hit['found']['how']}"
    return [head, *(("then " if k else "") + link_text(link) for k, link in enumerate(chain))]


def evidence_params(evidence: Any) -> str:
    """A flag's evidence in one line beside its items: its other fields (the flag's parameters,
    e.g. ``min_pct 25``) and, when the stored evidence keeps only the first items, how many."""
    if not isinstance(evidence, dict):
        return ""
    items = evidence.get("items")
    params = "; ".join(f"{k} {v}" for k, v in evidence.items() if k not in ("items", "total"))
    if isinstance(items, list) and evidence.get("total"):
        params = "; ".join(filter(None, [params, f"showing {len(items)} of {evidence['total']} items"]))
    return params


def _describe_flags(risk: dict[str, Any], chains: dict[str, list[Join]], hits: list[dict[str, Any]]) -> None:
    """Give each stored flag its description as the export gives it (the reference in force on
    the risk run's date; ``LISTED_NAME_MATCH`` said as the hits were found)."""
    if not risk.get("computed"):
        return
    ref = reference_on(risk.get("as_of"))
    export_hits = [{"match": chain_match(chains[h["entry"]])} for h in hits if chains[h["entry"]]]
    for f in risk["flags"]:
        spec = ref.flags.get(f.get("flag")) if ref else None
        f["description"] = flag_description(spec.description if spec else None, f, export_hits)


def evidence_lines(evidence: Any) -> list[str]:
    """A flag's evidence for the terminal: whole when short, else its summary and item count."""
    text = json.dumps(evidence, ensure_ascii=False, default=str)
    if len(text) <= SHORT_EVIDENCE:
        return [f"evidence: {text}"]
    items = evidence.get("items") if isinstance(evidence, dict) else None
    summary = evidence_params(evidence)
    if isinstance(items, list) and not (isinstance(evidence, dict) and evidence.get("total")):
        count = f"{len(items)} item" + ("" if len(items) == 1 else "s")
        summary = "; ".join(filter(None, [summary, count]))
    return [f"evidence: {summary or text[:SHORT_EVIDENCE] + '…'} (all of it: --json)"]


def entity_report(store: GraphStore, query: str, byname: ByNameLinks | None = None) -> EntityReport:
    """The report of the party ``query`` finds. ``byname``: the by-name owner links of this state
    of the graph, already read (the app keeps one per state); without it they are read now, which
    reads every company and list entry."""
    node_id, others = find_entity(store, query)
    node = store.node(node_id)
    assert node is not None
    chains = cluster_joins(store, node_id, byname=byname)
    members = sorted(chains)
    cluster: list[dict[str, Any]] = []
    hits: list[dict[str, Any]] = []
    context: list[dict[str, Any]] = []
    removed: list[dict[str, Any]] = []
    owners: list[dict[str, Any]] = []
    owned: list[dict[str, Any]] = []
    risk = risk_context(store, [node_id])[node_id]
    # a stake ended or not yet begun on the day the risk run was for (today when none ran)
    day = str(risk.get("as_of") or "")[:10] if risk.get("computed") else ""
    day = day or dt.date.today().isoformat()
    for m in members:
        n = store.node(m)
        if n is None:
            continue
        cluster.append({"id": m, "name": n.name, "kind": n.kind.value})
        status = n.props.get("status")
        if n.kind is NodeKind.LIST_ENTRY and status == CONTEXT:
            context.append({"entry": m, "list": n.props.get("list"), "name": n.name, "note": CONTEXT_NOTE})
        elif n.kind is NodeKind.LIST_ENTRY and status == REMOVED:
            removed.append(
                {
                    "entry": m,
                    "list": n.props.get("list"),
                    "name": n.name,
                    "removed_in": n.props.get("removed_in"),
                    "list_version": n.props.get("list_version"),
                }
            )
        elif n.kind is NodeKind.LIST_ENTRY and is_listing(status):
            hits.append(
                {
                    "entry": m,
                    "list": n.props.get("list"),
                    "name": n.name,
                    "programs": list(n.props.get("programs") or []),
                    "license_requirement": n.props.get("license_requirement"),
                    "source_url": n.props.get("source_url"),
                    "list_version": n.props.get("list_version"),
                    "raw_ref": n.props.get("raw_ref"),
                    "found": found(chains[m]),
                }
            )
        owners += _ends(store, m, outgoing=False, day=day)
        owned += _ends(store, m, outgoing=True, day=day)
    _describe_flags(risk, chains, hits)
    country = node.props.get("country")
    if country is None and node.props.get("countries"):
        country = next(iter(node.props["countries"]))
    return EntityReport(
        node_id=node_id,
        name=node.name,
        kind=node.kind.value,
        country=country,
        cluster=cluster,
        list_hits=hits,
        owners=owners,
        owned=owned,
        risk=risk,
        other_matches=others,
        context_entries=context,
        removed_entries=removed,
    )


def removed_text(entry: dict[str, Any]) -> str:
    """A removed entry of the cluster: what it was and which version removed it."""
    was = f", listed in {entry['list_version']}" if entry.get("list_version") else ""
    return (
        f"{entry['name']} ({entry['entry']}) was on {entry['list']}{was}; removed in "
        f"{entry.get('removed_in') or 'a later version'}: no longer listed"
    )


def risk_score_shown(risk: dict[str, Any]) -> str:
    """An entity's stored risk score as its report shows it: never read across a level of
    ``risk_weights.toml`` (:func:`graph.risk.score.risk_score_text`)."""
    return risk_score_text(float(risk["risk_score"]), load_weights().get("levels", {}))


def format_report(r: EntityReport) -> str:
    """The report as plain text for the terminal."""
    lines = [f"{r.name}  [{r.kind}] {r.node_id}  country: {r.country or '-'}"]
    risk = r.risk
    if not risk.get("computed"):
        lines.append("risk: not computed yet (run `chipwatch risk`)")
    else:
        lines.append(f"risk score: {risk_score_shown(risk)} ({risk['risk_level']}), as of {risk['as_of']}")
        for b in risk["breakdown"]:
            lines.append(f"  {b['source']}: weight {b['weight']}")
    lines.append(
        f"cluster ({len(r.cluster)}): " + "; ".join(f"{c['name']} [{c['kind']}]" for c in r.cluster[:10])
    )
    lines.append(f"list hits ({len(r.list_hits)}):")
    lines += [
        line
        for h in r.list_hits
        for line in (
            f"  {h['list']}: {h['name']} ({h['entry']}) {h.get('license_requirement') or ''}".rstrip(),
            *([f"    list version {h['list_version']}"] if h.get("list_version") else []),
            *(f"    {text}" for text in found_lines(h)),
        )
    ]
    lines += [f"  context: {c['name']} ({c['entry']}): {c['note']}" for c in r.context_entries]
    lines += [f"  removed: {line}" for line in map(removed_text, r.removed_entries)]
    own = risk.get("ownership", {}) if risk.get("computed") else {}
    for regime, st in sorted(own.get("regimes", {}).items()):
        lines.append(f"ownership {regime}: {st['status']} (blocked stake {st['blocked_pct']:g} %)")
    if own.get("suspended_regimes"):
        lines.append("suspended on this date: " + ", ".join(own["suspended_regimes"]))
    if own.get("ultimate_parent"):
        lines.append(
            f"ultimate parent: {own['ultimate_parent']} ({own.get('ultimate_parent_country') or '?'})"
        )
    if own.get("completeness"):
        lines.append(f"known ownership: {own.get('known_stakes_pct', 0):g} % ({own['completeness']})")
    lines.append("owners: " + ("; ".join(map(stake_text, r.owners)) or "-"))
    lines.append("owns: " + ("; ".join(map(stake_text, r.owned)) or "-"))
    for f in risk.get("flags", []) if risk.get("computed") else []:
        lines.append(f"flag {f['flag']}: {f.get('description') or '-'} — {f['legal_source']}")
        lines += [f"  {line}" for line in evidence_lines(f.get("evidence"))]
    if r.other_matches:
        lines.append("other matches: " + ", ".join(r.other_matches))
    return "\n".join(lines)
