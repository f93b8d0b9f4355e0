"""Review decisions: persisted as JSON lines, newest wins, symmetric, audited, and overriding linking."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.errors import ChipwatchError, WorkspaceCorruptError
from chipwatch.settings import Settings
from graph import audit
from graph.resolve.link import link
from graph.resolve.review import (
    Decision,
    counterparty_id,
    decide,
    decisions_path,
    load_decisions,
    pending_queue,
    queue_path,
)


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(workspace=tmp_path / "ws")


def test_decisions_persist_newest_wins_and_are_symmetric(settings: Settings) -> None:
    decide(settings, "list:US_EL:1", "co:gleif:A", "confirm", note="same LEI in the FR notice")
    decide(settings, "co:gleif:A", "list:US_EL:1", Decision.REJECT, note="different city after all")
    lines = decisions_path(settings).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # append-only
    got = load_decisions(settings)  # read back as a new process would
    assert list(got) == [("co:gleif:A", "list:US_EL:1")]
    judgement = got[("co:gleif:A", "list:US_EL:1")]
    assert judgement.decision is Decision.REJECT and judgement.note == "different city after all"
    assert judgement.user and judgement.time


def test_decisions_are_written_to_the_audit_log(settings: Settings) -> None:
    decide(settings, "party:x", "co:gleif:A", "confirm", note="checked")
    records = audit.read(settings)
    assert [r.event for r in records] == ["review_decision"]
    assert records[0].payload["a"] == "co:gleif:A" and records[0].payload["decision"] == "confirm"
    assert audit.verify(settings).ok


@pytest.mark.parametrize(
    ("a", "b", "decision"), [("x", "x", "confirm"), ("", "y", "reject"), ("x", "y", "maybe")]
)
def test_bad_decisions_are_refused(settings: Settings, a: str, b: str, decision: str) -> None:
    with pytest.raises(ChipwatchError):
        decide(settings, a, b, decision)
    assert not decisions_path(settings).exists()


def test_corrupt_decision_file_names_the_line(settings: Settings) -> None:
    decide(settings, "a:1", "b:2", "confirm")
    with decisions_path(settings).open("a") as fh:
        fh.write("{not json\n")
    with pytest.raises(WorkspaceCorruptError, match="line 2"):
        load_decisions(settings)


def test_decisions_override_automatic_scores_across_reruns(settings: Settings) -> None:
    pairs = pd.DataFrame(
        [
            {
                "source": "co:reg:1",
                "target": "list:US_EL:7",
                "score": 0.99,
                "method": "t",
                "reasons_json": "[]",
            },
            {
                "source": "co:reg:2",
                "target": "list:US_EL:7",
                "score": 0.2,
                "method": "t",
                "reasons_json": "[]",
            },
        ]
    )
    decide(settings, "co:reg:1", "list:US_EL:7", "reject")
    decide(settings, "co:reg:2", "list:US_EL:7", "confirm")
    for _run in range(2):  # a re-run reads the same decisions and gives the same answer
        result = link(pairs, lambda a, b: 1.0, load_decisions(settings))
        got = dict(zip(result.same_as["source"], result.same_as["decision"], strict=True))
        assert got == {"co:reg:1": "rejected", "co:reg:2": "confirmed"}


def test_pending_queue_leaves_out_decided_pairs(settings: Settings) -> None:
    queue = pd.DataFrame(
        [
            {
                "source": "a:1",
                "target": "b:1",
                "score": 0.8,
                "method": "t",
                "reasons_json": json.dumps(["x"]),
            },
            {
                "source": "a:2",
                "target": "b:2",
                "score": 0.8,
                "method": "t",
                "reasons_json": json.dumps(["y"]),
            },
        ]
    )
    queue_path(settings).parent.mkdir(parents=True)
    queue.to_parquet(queue_path(settings))
    decide(settings, "b:1", "a:1", "reject")
    assert pending_queue(settings)["source"].tolist() == ["a:2"]


def test_counterparty_id_ignores_case_and_punctuation() -> None:
    assert counterparty_id("Acme, Ltd.", "gb") == counterparty_id("ACME LTD", "GB")
    assert counterparty_id("Acme Ltd", "GB") != counterparty_id("Acme Ltd", "US")


def test_decision_is_mirrored_onto_the_store_edge(tmp_path: Path) -> None:
    from graph.model import EdgeKind, NodeKind
    from graph.resolve.review import mirror, optional_store
    from ingest.lists.pipeline import ingest_list_files

    settings = Settings(workspace=tmp_path / "ws")
    tiny = Path(__file__).resolve().parents[2] / "fixtures" / "screening" / "consolidated_2025_tiny.csv"
    ingest_list_files(settings, [tiny])
    store = optional_store(settings)
    assert store is not None
    try:
        ids = sorted(store.nodes_frame(NodeKind.LIST_ENTRY)["id"])[:2]
        decide(settings, ids[0], ids[1], "reject", note="two different SSI entities", store=store)
        edges = store.edges_frame(EdgeKind.SAME_AS)
        assert edges[["source", "target", "decision"]].values.tolist() == [[ids[0], ids[1], "rejected"]]
        # a decision on a counterparty that is not a node stays in the decisions file only
        assert mirror(store, load_decisions(settings).values()) == 1
        decide(settings, "cp:abc", ids[0], "reject", store=store)
        assert len(store.edges_frame(EdgeKind.SAME_AS)) == 1
    finally:
        store.close()
