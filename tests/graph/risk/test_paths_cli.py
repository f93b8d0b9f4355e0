"""Diversion paths (networkx and Neo4j give the same ranking), the CLI verbs and --as-of checks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chipwatch.cli import cli
from chipwatch.settings import Settings
from graph.model import EdgeKind, NodeKind
from graph.risk.paths import PathIndex, diversion_paths
from graph.risk.reference import load_reference
from graph.risk.run import compute_risk_on
from graph.store import GraphStore
from graph.stores import NetworkxStore, open_store
from tests.graph.risk.conftest import build_world

AS_OF = dt.date(2026, 6, 1)


def ranked(store: GraphStore) -> list[tuple[float, list[str]]]:
    compute_risk_on(store, AS_OF)
    index = PathIndex.build(store, load_reference(AS_OF))
    found = diversion_paths(index, source="party:sup", to="restricted", max_hops=3, top=20, as_of=AS_OF)
    return [(p.score, [h["node_id"] for h in p.hops]) for p in found]


def test_transshipment_path_ranks_first(world: GraphStore) -> None:
    paths = ranked(world)
    assert paths[0][1] == ["party:sup", "party:hub", "party:ru"]
    assert paths[0][0] > max(s for s, nodes in paths if nodes[-1] == "party:cn")


def test_hs_filter_and_listed_target(world: GraphStore) -> None:
    compute_risk_on(world, AS_OF)
    index = PathIndex.build(world, load_reference(AS_OF))
    listed = diversion_paths(index, source="party:sup", to="listed", max_hops=3, as_of=AS_OF)
    # a route ends at the listed party: its list entry, or the trade party resolved to it (the
    # SAME_AS hop stays inside one party, so both are one route and the shorter is shown)
    ends = {p.hops[-1]["node_id"]: p.hops[-1]["target"] for p in listed}
    entry_of = {"party:beta": "list:US_EL:E1", "party:gamma": "list:US_UVL:U1"}
    for party, entry in entry_of.items():
        # the party's end names the link that joins it to its entry
        assert entry in ends or f"resolved to list entry {entry}: SAME_AS to {entry} (name 0.97)" in ends.get(
            party, []
        )
    assert not diversion_paths(
        index, source="party:sup", hs="8471", to="listed", max_hops=2, as_of=AS_OF
    ) or all(
        h["via"]["hs6"].startswith("8471")
        for p in diversion_paths(index, source="party:sup", hs="8471", to="listed")
        for h in p.hops[1:]
        if h["via"]["edge"] == "TRADES_WITH"
    )
    hop = listed[0].hops[1]["via"]
    assert hop["edge"] in {"TRADES_WITH", "SAME_AS"}


def test_paths_identical_on_networkx_and_neo4j(neo4j_settings: Settings) -> None:
    neo = open_store(neo4j_settings)
    try:
        neo.clear()
        build_world(neo)
        assert ranked(neo) == ranked(build_world(NetworkxStore()))
    finally:
        neo.clear()
        neo.close()


def _workspace(tmp_path: Path) -> dict[str, str]:
    store = build_world(NetworkxStore(tmp_path / "graph"))
    store.flush()
    return {"CHIPWATCH_WORKSPACE": str(tmp_path), "CHIPWATCH_STORE": "networkx"}


def test_cli_risk_entity_paths(tmp_path: Path) -> None:
    env = _workspace(tmp_path)
    runner = CliRunner()
    out = runner.invoke(cli, ["risk", "--as-of", "2026-01-01"], env=env)
    assert out.exit_code == 0, out.output
    assert "suspended on this date: BIS_AFFILIATES" in out.output
    out = runner.invoke(cli, ["entity", "Alpha Trade B", "--json"], env=env)
    report = json.loads(out.output)
    assert report["node_id"] == "co:t:B" and report["risk"]["risk_level"] == "block"
    assert report["risk"]["ownership"]["regimes"]["OFAC"] == {"status": "owned", "blocked_pct": 50.0}
    out = runner.invoke(
        cli, ["paths", "--from", "party:sup", "--max-hops", "3", "--top", "3", "--json"], env=env
    )
    paths = json.loads(out.output)
    assert [h["node_id"] for h in paths[0]["hops"]] == ["party:sup", "party:hub", "party:ru"]
    assert paths[0]["hops"][1]["via"]["evidence"][0]["shipment_id"] == "T00000"


def test_as_of_before_any_data_is_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from chipwatch.cli import main

    for key, value in _workspace(tmp_path).items():
        monkeypatch.setenv(key, value)  # restored after the test: later tests must not see this workspace
    with pytest.raises(SystemExit) as exc:
        main(["risk", "--as-of", "2010-01-01"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--as-of 2010-01-01 is before any reference data" in err and "Traceback" not in err


def test_paths_as_of_before_any_data_is_the_same_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from chipwatch.cli import main

    for key, value in _workspace(tmp_path).items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SystemExit) as exc:
        main(["paths", "--from", "party:sup", "--as-of", "1990-01-01"])
    assert exc.value.code == 2
    captured = capsys.readouterr()
    assert "--as-of 1990-01-01 is before any reference data" in captured.err
    assert "no path found" not in captured.out and "Traceback" not in captured.err


def test_hub_with_100k_trade_edges_stays_bounded() -> None:
    from graph.model import NodeKind

    store = NetworkxStore()
    n = 100_000
    store.upsert_nodes(
        NodeKind.TRADE_PARTY,
        [
            {"id": "party:hub", "name": "HUB", "country": "AE"},
            {"id": "party:src", "name": "SRC", "country": "US"},
        ],
    )
    store.upsert_nodes(
        NodeKind.TRADE_PARTY,
        ({"id": f"party:c{i}", "name": f"C{i}", "country": "RU" if i % 2 else "DE"} for i in range(n)),
    )
    store.upsert_edges(
        EdgeKind.TRADES_WITH,
        [
            {
                "source": "party:src",
                "target": "party:hub",
                "key": "854231",
                "count": 1,
                "value_usd": 1.0,
                "last": "2025-01-01",
            }
        ],
    )
    store.upsert_edges(
        EdgeKind.TRADES_WITH,
        (
            {
                "source": "party:hub",
                "target": f"party:c{i}",
                "key": "854231",
                "count": 1,
                "value_usd": 1.0,
                "last": "2025-01-01",
            }
            for i in range(n)
        ),
    )
    index = PathIndex.build(store, load_reference(AS_OF))
    found = diversion_paths(index, source="party:src", max_hops=5, top=10, as_of=AS_OF)
    # the search stops deepening at its path limit instead of walking every onward edge; all
    # routes go through one counterparty, so they fill the list after the diverse ones
    assert len(found) == 10 and found[0].truncated
    assert all([h["node_id"] for h in p.hops][:2] == ["party:src", "party:hub"] for p in found)


def _reached(index: PathIndex, to: str) -> set[str]:
    found = diversion_paths(index, source="party:sup", to=to, max_hops=2, top=50, as_of=AS_OF)  # type: ignore[arg-type]
    assert all(p.hops[-1]["target"] for p in found)  # every end says why it is one
    return {h["node_id"] for p in found for h in p.hops[1:]}


def test_targets_a_compliance_officer_expects(world: GraphStore) -> None:
    compute_risk_on(world, AS_OF)
    index = PathIndex.build(world, load_reference(AS_OF))
    why = index.why
    # the trade party resolved to the Entity List entry is the listed party, one hop away
    assert "resolved to a list entry" in why["party:beta"] and "party:beta" in _reached(index, "listed")
    # a Singapore subsidiary of a Chinese group: restricted for advanced chips (15 CFR 744.23)
    assert why["party:s"] == ["ultimate parent headquartered in CN (15 CFR 744.23)", "risk level review"]
    assert "party:s" in _reached(index, "restricted")
    assert "party:gs" not in index.targets("restricted")  # its parent is in the US
    # a forwarder as consignee with nothing behind it: the trail stops at a party under review
    assert why["party:fwd"] == ["risk level review"] and "party:fwd" in _reached(index, "flagged")
    assert "party:legit" not in index.targets("any")
    assert {"party:beta", "party:s", "party:fwd", "party:ru"} <= _reached(index, "any")


def test_a_party_and_its_list_entry_are_one_route(world: GraphStore) -> None:
    compute_risk_on(world, AS_OF)
    index = PathIndex.build(world, load_reference(AS_OF))
    found = diversion_paths(index, source="party:sup", to="listed", max_hops=3, top=50, as_of=AS_OF)
    routes = [[h["node_id"] for h in p.hops] for p in found]
    via_beta = [r for r in routes if r[:2] == ["party:sup", "party:beta"] and len(r) <= 3]
    assert len(via_beta) == 1


def test_paths_see_edges_written_after_an_earlier_query(world: GraphStore) -> None:
    compute_risk_on(world, AS_OF)
    index = PathIndex.build(world, load_reference(AS_OF))
    before = diversion_paths(index, source="party:isl1", to="restricted", max_hops=3, as_of=AS_OF)
    world.upsert_edges(
        EdgeKind.TRADES_WITH,
        [{"source": "party:isl2", "target": "party:ru", "key": "854231", "count": 1, "value_usd": 5.0}],
    )
    after = diversion_paths(index, source="party:isl1", to="restricted", max_hops=3, as_of=AS_OF)
    assert before == [] and [h["node_id"] for h in after[0].hops] == ["party:isl1", "party:isl2", "party:ru"]


def _fan(store: GraphStore, width: int) -> None:
    """src -> hub -> width restricted parties (RU), each trading on with width more (RU)."""
    from graph.model import NodeKind

    ids = ["party:src", "party:hub"] + [f"party:c{i}" for i in range(width)]
    ids += [f"party:c{i}-{j}" for i in range(width) for j in range(width)]
    rows = [{"id": i, "name": i, "country": "US" if i == "party:src" else "RU"} for i in ids]
    store.upsert_nodes(NodeKind.TRADE_PARTY, rows)
    pairs = [("party:src", "party:hub")] + [("party:hub", f"party:c{i}") for i in range(width)]
    pairs += [(f"party:c{i}", f"party:c{i}-{j}") for i in range(width) for j in range(width)]
    store.upsert_edges(EdgeKind.TRADES_WITH, [{"source": s, "target": t, "key": "854231"} for s, t in pairs])


def test_one_traversal_per_query_same_paths_as_deepening(monkeypatch: pytest.MonkeyPatch) -> None:
    """One store query per supplier (one round trip on Neo4j, where deepening cost one per hop);
    its paths and truncation are those of deepening one hop at a time to the path limit."""
    from graph.risk.paths import PATH_EDGES, _deepen, _search
    from graph.stores import networkx_store

    store = build_world(NetworkxStore())
    compute_risk_on(store, AS_OF)
    index = PathIndex.build(store, load_reference(AS_OF))
    calls: list[int] = []
    real = store.paths

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(int(kwargs["max_hops"]))  # type: ignore[call-overload]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "paths", counted)
    assert diversion_paths(index, source="party:sup", to="any", max_hops=4, top=20, as_of=AS_OF)
    assert calls == [4]
    monkeypatch.setattr(store, "paths", real)
    for limit in (1, 2, 3, 5, 50):  # cut inside a depth, at its end, and not at all
        for to in ("restricted", "any"):
            args = (store, ["party:sup"], index.targets(to), 4, limit)  # type: ignore[arg-type]
            assert _search(*args) == _deepen(*args)

    fan = NetworkxStore()
    _fan(fan, 12)
    ends = [f"party:c{i}" for i in range(12)] + [f"party:c{i}-{j}" for i in range(12) for j in range(12)]
    targets = frozenset(ends)
    # 156 paths within 5 hops, over the store's bound of 100; the search stops at the depth that
    # reaches the limit (2 hops: 12 paths) without walking the next one, as deepening did
    monkeypatch.setattr(networkx_store, "MAX_PATHS", 100)
    found, truncated = _search(fan, ["party:src"], targets, 5, 10)
    assert truncated and [p.hops for p in found] == [2] * 10
    assert (found, truncated) == _deepen(fan, ["party:src"], targets, 5, 10)
    assert fan.paths(["party:src"], targets, max_hops=2, edge_kinds=PATH_EDGES, limit=10) == found
    # a depth over the bound is refused: the paths of the depth before it are kept, marked truncated
    monkeypatch.setattr(networkx_store, "MAX_PATHS", 11)
    assert _search(fan, ["party:src"], targets, 5, 20) == ([], True)


def test_a_party_listed_through_a_chain_ends_with_that_chain(world: GraphStore) -> None:
    # party:alpha → co:t:X → list:US_SDN:X1: no SAME_AS edge joins the party and the entry, so
    # "resolved to a list entry" would point at nothing; the end hop names the risk run's chain
    world.upsert_nodes(
        NodeKind.TRADE_PARTY, [{"id": "party:alpha", "name": "Alpha Holdings", "country": "RU"}]
    )
    world.upsert_edges(
        EdgeKind.SAME_AS,
        [{"source": "party:alpha", "target": "co:t:X", "score": 0.93, "method": "name", "decision": "auto"}],
    )
    world.upsert_edges(
        EdgeKind.TRADES_WITH,
        [
            {
                "source": "party:sup",
                "target": "party:alpha",
                "key": "854231",
                "count": 1,
                "value_usd": 1.0,
                "last": "2025-01-01",
            }
        ],
    )
    compute_risk_on(world, AS_OF)
    index = PathIndex.build(world, load_reference(AS_OF))
    found = diversion_paths(index, source="party:sup", to="listed", max_hops=1, top=50, as_of=AS_OF)
    [end] = [p.hops[-1] for p in found if p.hops[-1]["node_id"] == "party:alpha"]
    why = end["target"][0]
    assert why.startswith("resolved to list entry list:US_SDN:X1: SAME_AS to co:t:X (name 0.93)")
    assert "; then SAME_AS to list:US_SDN:X1 (name 0.97)" in why
    assert index.why["party:alpha"][0] == "resolved to a list entry"  # the walk is for the ends shown
