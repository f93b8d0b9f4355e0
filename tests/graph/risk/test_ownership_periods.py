"""An ended or inactive holding (GLEIF RR INACTIVE, RELATIONSHIP_PERIOD ended) counts toward no
ownership rule, on both stores; the run notes the records left out, and the entity report and
path steps show the holding as ended, with its dates.

The world is the GLEIF fixture ``gleif_rr_periods_derived.json`` (tests/fixtures/companies/SOURCE.md):
MAXRETS VENTURES PLC, here on the SDN list, consolidates 60 % of four companies — one current,
one INACTIVE that ended 2020-06-30, one ACTIVE whose relationship period ended 2021-12-31 and
one INACTIVE with no period.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from chipwatch.settings import Settings
from graph.model import EdgeKind, NodeKind
from graph.risk.entity import entity_report, format_report
from graph.risk.paths import PathIndex, diversion_paths, owns_step_text
from graph.risk.reference import load_reference
from graph.risk.run import analyse
from graph.store import GraphStore
from graph.stores import NetworkxStore, open_store
from graph.tables.trade import load_trade_tables
from graph.trade_graph import write_trade_graph
from ingest.trade.load import ingest_trade_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "companies"
PARENT = "co:gleif:213800E5Z6QRDSMZMK84"
CURRENT = "co:gleif:213800NTX4UC9E3NXI92"
INACTIVE_ENDED = "co:gleif:213800PU1F6YCJY44F47"  # INACTIVE, relationship period ended 2020-06-30
PERIOD_ENDED = "co:gleif:213800S8N86XHC1VY396"  # ACTIVE, relationship period ended 2021-12-31
INACTIVE_UNDATED = "co:gleif:213800SBT6J2K4OUGG12"  # INACTIVE, no period
SDN = "list:US_SDN:MAXRETS"
TEHRAN = "list:US_SDN:TEHRAN"
DAY = dt.date(2026, 11, 1)


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    opened: GraphStore
    if request.param == "networkx":
        opened = NetworkxStore()
    else:
        opened = open_store(request.getfixturevalue("neo4j_settings"))
        opened.clear()
    ws = Settings(workspace=tmp_path / "ws")
    ingest_trade_file(ws, "companies", FIXTURES / "gleif_lei2_excerpt_2024-05-05.json", today=DAY)
    ingest_trade_file(ws, "ownership", FIXTURES / "gleif_rr_periods_derived.json", today=DAY)
    write_trade_graph(opened, load_trade_tables(ws))
    opened.upsert_nodes(
        NodeKind.LIST_ENTRY,
        [{"id": SDN, "name": "MAXRETS VENTURES PLC", "list": "US_SDN", "countries": ["GB"]}],
    )
    opened.upsert_edges(
        EdgeKind.SAME_AS,
        [{"source": PARENT, "target": SDN, "score": 0.99, "method": "test", "decision": "confirmed"}],
    )
    try:
        yield opened
    finally:
        if request.param == "neo4j":
            opened.clear()
        opened.close()


def _blocked(store: GraphStore, day: dt.date) -> tuple[set[str], list[str]]:
    res = analyse(store, day)
    st = res.ownership.status
    owned = st[(st["regime"] == "OFAC") & (st["status"] == "owned")]
    return set(owned["cluster"]), res.notes


def test_only_the_current_holding_blocks(store: GraphStore) -> None:
    blocked, notes = _blocked(store, DAY)
    assert blocked == {CURRENT}
    assert (
        "3 ownership records not holding on 2026-11-01 left out of the ownership rules "
        "(2 ended before 2026-11-01, 1 inactive with no end date; kept in the graph as history)"
    ) in notes


def test_as_of_a_day_the_ended_holdings_still_held(store: GraphStore) -> None:
    # on 2020-01-01 both dated holdings were still running; the undated INACTIVE one never counts
    blocked, _ = _blocked(store, dt.date(2020, 1, 1))
    assert blocked == {CURRENT, INACTIVE_ENDED, PERIOD_ENDED}


def test_the_ended_holding_stays_in_the_graph_as_history(store: GraphStore) -> None:
    owns = store.edges_frame(EdgeKind.OWNS, ["status", "start_date", "end_date"]).set_index("target")
    assert len(owns) == 4
    assert owns.loc[INACTIVE_ENDED, ["status", "start_date", "end_date"]].tolist() == [
        "inactive",
        "2015-03-01",
        "2020-06-30",
    ]


def test_entity_report_shows_the_holding_as_ended(store: GraphStore) -> None:
    report = entity_report(store, INACTIVE_ENDED)
    (owner,) = report.owners
    assert owner["id"] == PARENT and owner["ended"] == "ended 2020-06-30"
    assert (owner["start_date"], owner["end_date"], owner["status"]) == (
        "2015-03-01",
        "2020-06-30",
        "inactive",
    )
    assert "MAXRETS VENTURES PLC 60.0 % (ended 2020-06-30, from 2015-03-01: not current)" in format_report(
        report
    )
    (current,) = entity_report(store, CURRENT).owners
    assert current["ended"] is None


def _iran_behind(store: GraphStore) -> None:
    """The subsidiary held until 2020 owns a listed company in Iran: parent → it → Iran (listed
    since 2012, so a listed target on any day of these tests)."""
    store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:t:IR", "name": "Tehran Trading", "country": "IR"}])
    store.upsert_nodes(
        NodeKind.LIST_ENTRY,
        [{"id": TEHRAN, "name": "Tehran Trading", "list": "US_SDN", "start_date": "2012-01-01"}],
    )
    store.upsert_edges(EdgeKind.OWNS, [{"source": INACTIVE_ENDED, "target": "co:t:IR", "pct": 100.0}])
    store.upsert_edges(EdgeKind.SAME_AS, [{"source": TEHRAN, "target": "co:t:IR", "score": 0.99}])


def _paths(store: GraphStore, day: dt.date) -> list[dict]:
    index = PathIndex.build(store, load_reference(day))
    return [p.as_dict() for p in diversion_paths(index, source=PARENT, to="listed", as_of=day)]


def test_no_path_through_an_ended_holding(store: GraphStore) -> None:
    # the 60 % holding ended 2020-06-30: no route for the goods today, on either store
    _iran_behind(store)
    assert _paths(store, DAY) == []


def test_the_same_holding_active_gives_a_path(store: GraphStore) -> None:
    _iran_behind(store)
    (key,) = store.edges_frame(EdgeKind.OWNS).set_index("target").loc[[INACTIVE_ENDED], "key"]
    period = ("status", "start_date", "end_date")
    store.upsert_edges(  # GLEIF republishes it ACTIVE with no end: the end date goes
        EdgeKind.OWNS,
        [
            {
                "source": PARENT,
                "target": INACTIVE_ENDED,
                "key": key,
                "status": "active",
                "start_date": "2015-03-01",
            }
        ],
        owned=period,
    )
    (path,) = _paths(store, DAY)
    assert [h["node_id"] for h in path["hops"]] == [PARENT, INACTIVE_ENDED, "co:t:IR", TEHRAN]
    assert owns_step_text(path["hops"][1]["via"]) == "OWNS 60 %"


def test_as_of_before_the_end_the_holding_gives_a_path(store: GraphStore) -> None:
    # on 2020-01-01 the holding still ran: the path goes through it, shown with its period
    _iran_behind(store)
    (path,) = _paths(store, dt.date(2020, 1, 1))
    first, second = (h["via"] for h in path["hops"][1:3])
    assert (first["ended"], first["start_date"], first["end_date"]) == (None, "2015-03-01", "2020-06-30")
    assert owns_step_text(first) == "OWNS 60 %" and owns_step_text(second) == "OWNS 100 %"


def test_the_step_text_says_a_holding_was_not_current() -> None:
    # the label the entity view and any caller giving a holding's state still use
    via = {"pct": 60.0, "ended": "ended 2020-06-30"}
    assert owns_step_text(via) == "OWNS 60 % (ended 2020-06-30: not current)"


def test_a_holding_starting_later_is_kept_but_not_counted(tmp_path: Path) -> None:
    """A GLEIF relationship whose period starts after today loads (was: the file refused), stays
    out of the ownership rules until it begins, is named in the run notes and shown as not current."""
    data = json.loads((FIXTURES / "gleif_rr_periods_derived.json").read_text(encoding="utf-8"))
    for rel in data["relations"]:
        r = rel["RelationshipRecord"]["Relationship"]
        if r["StartNode"]["NodeID"]["$"] == CURRENT.removeprefix("co:gleif:"):
            for period in r["RelationshipPeriods"]["RelationshipPeriod"]:
                if period["PeriodType"]["$"] == "RELATIONSHIP_PERIOD":
                    period["StartDate"] = {"$": "2027-01-01T00:00:00Z"}
    later = tmp_path / "rr_starting_later.json"
    later.write_text(json.dumps(data), encoding="utf-8")
    ws, store = Settings(workspace=tmp_path / "ws"), NetworkxStore()
    ingest_trade_file(ws, "companies", FIXTURES / "gleif_lei2_excerpt_2024-05-05.json", today=DAY)
    ingest_trade_file(ws, "ownership", later, today=DAY)
    write_trade_graph(store, load_trade_tables(ws))
    store.upsert_nodes(NodeKind.LIST_ENTRY, [{"id": SDN, "name": "MAXRETS VENTURES PLC", "list": "US_SDN"}])
    store.upsert_edges(EdgeKind.SAME_AS, [{"source": PARENT, "target": SDN, "score": 0.99}])
    blocked, notes = _blocked(store, DAY)
    assert blocked == set()
    assert (
        "4 ownership records not holding on 2026-11-01 left out of the ownership rules (2 ended before "
        "2026-11-01, 1 not yet begun on 2026-11-01, 1 inactive with no end date; kept in the graph as "
        "history)"
    ) in notes
    (owner,) = entity_report(store, CURRENT).owners
    assert owner["ended"] == "begins 2027-01-01"
    assert "MAXRETS VENTURES PLC 60.0 % (begins 2027-01-01, from 2027-01-01: not current)" in format_report(
        entity_report(store, CURRENT)
    )
    # once it has begun it counts
    assert _blocked(store, dt.date(2027, 1, 1))[0] == {CURRENT}
