"""Resolution is a function of the records, not of the order their rows were stored in: a new
version of a feed writes its rows after the others', and must not change the links, the queue,
the guard's refusals or the clusters (graph.resolve.run.in_id_order, graph.resolve.link)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.settings import Settings
from graph.resolve import run
from graph.resolve.link import LinkResult, link
from ingest.trade.graph_sync import ingest_demo_world
from tests.graph.resolve.test_run import _small_world

SEEDS = (0, 1, 2, 3)


def _frames(result: LinkResult) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, int]:
    return result.same_as, result.queue, result.clusters, result.refused


def _assert_same(a: LinkResult, b: LinkResult) -> None:
    for x, y in zip(_frames(a)[:3], _frames(b)[:3], strict=True):
        pd.testing.assert_frame_equal(x.reset_index(drop=True), y.reset_index(drop=True))
    assert a.refused == b.refused


def test_two_equal_links_to_entries_of_one_list_are_decided_by_ids_not_by_row_order() -> None:
    # A party scores 0.95 against two entries of one list: one link merges, the other is refused
    # ("two entries of the same list"). Which one must not follow the rows' order.
    rows = [
        ("party:p1", "list:US_EL:b", 0.95),
        ("party:p1", "list:US_EL:a", 0.95),
        ("party:p1", "co:x", 0.95),
    ]
    frame = pd.DataFrame(
        [
            {"source": s, "target": t, "score": sc, "method": "test", "reasons_json": json.dumps(["r"])}
            for s, t, sc in rows
        ]
    )
    results = [
        link(frame.iloc[order].reset_index(drop=True), lambda pairs: [1.0] * len(pairs))
        for order in ([0, 1, 2], [1, 0, 2], [2, 1, 0])
    ]
    for other in results[1:]:
        _assert_same(results[0], other)
    canon = results[0].clusters.set_index("id")["canonical_id"]
    assert canon["party:p1"] == canon["list:US_EL:a"] != canon["list:US_EL:b"]  # the smaller id first
    assert results[0].refused == 1


#: Listed names that tie for blocking (one distinctive shared word, each with one word of its own)
#: on two lists, so that a party keeps 5 of 8 equally similar candidates and the guard meets
#: equal-score links to entries of one list.
ENTRIES = pd.DataFrame(
    {
        "id": [f"list:{code}:{n}" for code in ("US_EL", "US_DPL") for n in range(4)],
        "name": [f"QUANTERRA {w} COMPANY" for w in ("ALPHA", "BRAVO", "DELTA", "OMEGA")] * 2,
        "list": ["US_EL"] * 4 + ["US_DPL"] * 4,
        "feed": ["csl"] * 4 + ["bis-dpl"] * 4,
        "aliases": [[] for _ in range(8)],
        "countries": [["CN"] for _ in range(8)],
        "entity_kind": ["company"] * 8,
        "kind_source": ["type"] * 8,
    }
)
WORLD = {
    "ownership": "",
    "officers": "",
    "companies": (
        '"C1","Quanterra Company","","CN","1 Road","Shenzhen","","2001-01-01","","","",'
        '"electronic components distributor","","","","synthetic"\n'
        '"C2","Quanterra Alpha Company","","CN","2 Road","Shenzhen","","2002-01-01","","","",'
        '"electronic components distributor","","","","synthetic"\n'
    ),
    "shipments": (
        '"S1","2024-03-01","QUANTERRA COMPANY","1 ROAD, SHENZHEN","CN",'
        '"Quanterra Alpha Company","2 Road, Shenzhen","CN","","","",'
        '"8542.31","CHIPS","Quanterra Company","CN","CN","CN","Shenzhen","Hong Kong",'
        "1000,1,10,FOB\n"
    ),
}


def test_resolution_is_the_same_whichever_order_the_rows_are_stored_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    ingest_demo_world(settings, directory=_small_world(tmp_path / "world", WORLD))
    companies, parties = run._companies(settings)

    def resolved(seed: int | None) -> LinkResult:
        def shuffled(frame: pd.DataFrame) -> pd.DataFrame:
            return frame if seed is None else frame.sample(frac=1, random_state=seed)

        monkeypatch.setattr(run, "_list_entries", lambda _s: shuffled(ENTRIES))
        monkeypatch.setattr(run, "_companies", lambda _s: (shuffled(companies), shuffled(parties)))
        return run._link_records(settings, run.LinkThresholds(), lambda _stage: None)[2]

    stored = resolved(None)
    assert len(stored.same_as) + len(stored.queue) > 0
    for seed in SEEDS:
        _assert_same(stored, resolved(seed))
