"""A review decision about a list entry stands until a list version changes the entry, on both stores.

The decision records the entry's fingerprint (graph.list_fingerprint). Resolution used to apply a
decision forever: a company cleared against an entry stayed cleared after the list renamed the
entry, and a confirmed link stayed confirmed whatever the entry came to say.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from chipwatch.settings import Settings
from graph.model import EdgeKind
from graph.resolve.review import counterparty_id, decide, pending_queue
from graph.resolve.run import resolve
from graph.stores import open_store
from ingest.lists.pipeline import ingest_list_files
from ingest.trade.graph_sync import sync_trade_graph
from ingest.trade.load import ingest_trade_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "lists_pipeline"
V1 = FIXTURES / "csl_v1.csv"
ATLAS = "list:US_UVL:UVL:1b5979e8fd3920a1a0985bf5088dad930a6a5562d1513f9e4b015e42"
ATLAS_CO = "co:walk:1"
SINO_CO = "co:walk:2"
COMPANIES = "company_id,name,country\n1,Atlas Sanatgaran,AM\n2,Sinobright Import and Export Company,CN\n"


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    if request.param == "neo4j":
        settings = request.getfixturevalue("neo4j_settings").with_(workspace=tmp_path / "ws")
        store = open_store(settings)
        try:
            store.clear()
        finally:
            store.close()
    else:
        settings = Settings(workspace=tmp_path / "ws")
    companies = tmp_path / "companies.csv"
    companies.write_text(COMPANIES, encoding="utf-8")
    ingest_list_files(settings, [V1])
    ingest_trade_file(settings, "companies", companies, source="walk")
    sync_trade_graph(settings)
    yield settings


def _queued(settings: Settings) -> dict[tuple[str, str], list[str]]:
    q = pending_queue(settings)
    return {
        (s, t): json.loads(r) for s, t, r in zip(q["source"], q["target"], q["reasons_json"], strict=True)
    }


def _same_as(settings: Settings) -> dict[tuple[str, str], str]:
    store = open_store(settings)
    try:
        e = store.edges_frame(EdgeKind.SAME_AS)
        return {(s, t): d for s, t, d in zip(e["source"], e["target"], e["decision"], strict=True)}
    finally:
        store.close()


def test_a_decision_is_asked_again_when_the_list_changes_its_entry(
    settings: Settings, tmp_path: Path
) -> None:
    resolve(settings)
    sino = next(t if s == SINO_CO else s for s, t in _same_as(settings) if SINO_CO in (s, t))
    decide(settings, ATLAS_CO, ATLAS, "reject", note="our Atlas is a different firm")
    decide(settings, SINO_CO, sino, "confirm", note="same firm")
    hit = counterparty_id("Atlas Sanatgaran", "AM")  # a screening hit: the next screening asks again
    decide(settings, hit, ATLAS, "reject", note="different firm")
    resolve(settings)
    assert (ATLAS_CO, ATLAS) not in _queued(settings)
    assert _same_as(settings)[(ATLAS_CO, ATLAS)] == "rejected"
    # the list renames Atlas; Sinobright's entry is unchanged
    renamed = tmp_path / "csl_renamed.csv"
    text = V1.read_text(encoding="utf-8")
    renamed.write_text(text.replace('"Atlas Sanatgaran"', '"Atlas Sanatgaran Trading"', 1), encoding="utf-8")
    ingest_list_files(settings, [renamed])
    resolve(settings)
    queued = _queued(settings)
    assert queued[(ATLAS_CO, ATLAS)][0].startswith("asked again: rejected by ")
    assert f"the list entry {ATLAS} has changed since" in queued[(ATLAS_CO, ATLAS)][0]
    assert (ATLAS_CO, ATLAS) not in _same_as(settings)  # no longer held apart by the old decision
    assert not [pair for pair in queued if hit in pair]
    assert _same_as(settings)[tuple(sorted((SINO_CO, sino)))] == "confirmed"  # stands: unchanged
    # decided again, on the entry as it is now: it stands
    decide(settings, ATLAS_CO, ATLAS, "reject", note="still a different firm")
    assert (ATLAS_CO, ATLAS) not in _queued(settings)
    resolve(settings)
    assert (ATLAS_CO, ATLAS) not in _queued(settings)
    assert _same_as(settings)[(ATLAS_CO, ATLAS)] == "rejected"
