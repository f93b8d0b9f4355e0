"""Linking: thresholds, human decisions overriding scores, clusters and the anti-chaining guard."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from graph.resolve import Record
from graph.resolve.link import ConstrainedClusters, LinkThresholds, link
from graph.resolve.review import Decision, Judgement, pair_key
from graph.resolve.run import Records, _similarity

# Real names: Entity List / SDN entries of the May 2022 CSL and look-alike trade spellings.
NAMES = {
    "list:US_EL:huawei": ["HUAWEI TECHNOLOGIES CO., LTD."],
    "list:US_SDN:huawei": ["HUAWEI TECHNOLOGIES CO LTD"],
    "co:gleif:huawei": ["Huawei Technologies Co., Ltd."],
    "party:p1": ["HUAWEI TECH CO"],
    "party:p2": ["HUAWEI MARINE NETWORKS"],
    "list:US_EL:hikvision": ["Hangzhou Hikvision Digital Technology Co., Ltd."],
    "list:US_EL:dahua": ["Zhejiang Dahua Technology Co., Ltd."],
    "co:registry:hikvision": ["Hangzhou Hikvision Digital Technology Co., Ltd."],
}


def _pairs(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"source": a, "target": b, "score": s, "method": "test", "reasons_json": json.dumps(["r"])}
            for a, b, s in rows
        ]
    )


@pytest.fixture()
def sim():
    records = [Record(i, "company", tuple(names)) for i, names in NAMES.items()]
    return _similarity([Records(ids=list(NAMES), group=[""] * len(NAMES), records=records)])


def test_thresholds_split_links_queue_and_nothing(sim) -> None:
    result = link(
        _pairs(
            [
                ("co:gleif:huawei", "list:US_EL:huawei", 0.97),
                ("party:p1", "co:gleif:huawei", 0.8),
                ("party:p2", "co:gleif:huawei", 0.5),
            ]
        ),
        sim,
    )
    assert result.same_as[["source", "target", "decision"]].values.tolist() == [
        ["co:gleif:huawei", "list:US_EL:huawei", "auto"]
    ]
    assert result.queue[["source", "target"]].values.tolist() == [["co:gleif:huawei", "party:p1"]]
    assert set(result.same_as.columns) >= {"score", "method", "reasons_json", "decision"}


def test_anti_chaining_guard_keeps_clearly_different_records_apart(sim) -> None:
    # huawei ~ p1 and p1 ~ hikvision both score high (a bad scorer), but Huawei and Hikvision differ clearly.
    result = link(
        _pairs([("list:US_EL:huawei", "party:p1", 0.96), ("party:p1", "co:registry:hikvision", 0.95)]), sim
    )
    canon = dict(zip(result.clusters["id"], result.clusters["canonical_id"], strict=True))
    assert canon["list:US_EL:huawei"] != canon["co:registry:hikvision"]
    assert result.refused == 1
    demoted = result.queue.iloc[0]
    assert "compare as clearly different" in json.loads(demoted["reasons_json"])[-1]


def test_two_entries_of_one_list_never_cluster(sim) -> None:
    result = link(
        _pairs(
            [("list:US_EL:hikvision", "co:gleif:huawei", 0.99), ("co:gleif:huawei", "list:US_EL:dahua", 0.99)]
        ),
        lambda pairs: [1.0] * len(pairs),
    )
    canon = dict(zip(result.clusters["id"], result.clusters["canonical_id"], strict=True))
    assert canon["list:US_EL:hikvision"] != canon["list:US_EL:dahua"]
    assert "same list" in json.loads(result.queue.iloc[0]["reasons_json"])[-1]


def test_cross_list_cluster_has_list_entry_as_canonical_id(sim) -> None:
    result = link(
        _pairs(
            [
                ("list:US_EL:huawei", "list:US_SDN:huawei", 0.99),
                ("co:gleif:huawei", "list:US_SDN:huawei", 0.95),
                ("party:p1", "co:gleif:huawei", 0.93),
            ]
        ),
        sim,
    )
    cl = result.clusters.set_index("id")
    members = ["list:US_EL:huawei", "list:US_SDN:huawei", "co:gleif:huawei", "party:p1"]
    assert set(cl.loc[members, "canonical_id"]) == {"list:US_EL:huawei"}
    assert (cl.loc[members, "size"] == 4).all()


def test_human_decisions_override_scores(sim) -> None:
    decisions = {
        ("co:gleif:huawei", "list:US_EL:huawei"): Judgement(
            "co:gleif:huawei", "list:US_EL:huawei", Decision.REJECT
        ),
        ("co:gleif:huawei", "party:p2"): Judgement("co:gleif:huawei", "party:p2", Decision.CONFIRM),
    }
    result = link(
        _pairs([("list:US_EL:huawei", "co:gleif:huawei", 0.99), ("party:p2", "co:gleif:huawei", 0.3)]),
        sim,
        decisions,
    )
    got = {(r.source, r.target): r.decision for r in result.same_as.itertuples()}
    assert got == {
        ("co:gleif:huawei", "list:US_EL:huawei"): "rejected",
        ("co:gleif:huawei", "party:p2"): "confirmed",
    }
    canon = dict(zip(result.clusters["id"], result.clusters["canonical_id"], strict=True))
    assert canon["co:gleif:huawei"] == canon["party:p2"] != canon["list:US_EL:huawei"]


def test_rejected_pair_blocks_a_chain_through_a_third_record(sim) -> None:
    decisions = {
        ("co:gleif:huawei", "list:US_EL:huawei"): Judgement(
            "co:gleif:huawei", "list:US_EL:huawei", Decision.REJECT
        )
    }
    result = link(
        _pairs([("co:gleif:huawei", "party:p1", 0.97), ("party:p1", "list:US_EL:huawei", 0.96)]),
        sim,
        decisions,
    )
    canon = dict(zip(result.clusters["id"], result.clusters["canonical_id"], strict=True))
    assert canon["co:gleif:huawei"] != canon["list:US_EL:huawei"]


def test_union_find_is_order_independent_for_compatible_links() -> None:
    uf = ConstrainedClusters(lambda pairs: [1.0] * len(pairs), 0.5)
    for a, b in [("co:a", "co:b"), ("co:c", "co:d"), ("co:b", "co:c")]:
        assert uf.union(a, b) is None
    assert len({uf.find(x) for x in ("co:a", "co:b", "co:c", "co:d")}) == 1
    assert LinkThresholds().review < LinkThresholds().link


def _refusal(result) -> str:  # type: ignore[no-untyped-def]
    [row] = result.queue.itertuples()
    return str(json.loads(row.reasons_json)[-1])


def test_a_refusal_names_the_link_that_holds_the_pair_back() -> None:
    # The demo's review queue: the UN entry is already one with SDN 11311, the CSL's SDN 11746 is
    # one with OFAC's own 11746; linking the two would put 11311 and 11746 in one cluster.
    def pairs(rows: list[tuple[str, str, float, str]]) -> pd.DataFrame:
        return pd.DataFrame(
            [{"source": a, "target": b, "score": s, "method": m, "reasons_json": "[]"} for a, b, s, m in rows]
        )

    result = link(
        pairs(
            [
                ("list:UN:SOi.004", "list:US_SDN:11311", 0.99, "list-list"),
                ("list:US_SDN:SDN:11746", "list:US_SDN:11746", 1.0, "same-entry"),
                ("list:US_SDN:SDN:11746", "party:p", 0.97, "party-list"),
                ("list:UN:SOi.004", "list:US_SDN:SDN:11746", 0.95, "list-list"),
            ]
        ),
        lambda pairs: [1.0] * len(pairs),
    )
    assert result.refused == 1
    assert _refusal(result) == (
        "not linked automatically: list:UN:SOi.004 is already linked to list:US_SDN:11311 (list-list 0.99) "
        "and list:US_SDN:SDN:11746 to list:US_SDN:11746 (same-entry 1.00): "
        "list:US_SDN:11311 and list:US_SDN:11746 are two entries of the same list"
    )


def test_a_refusal_names_a_reviewer_s_confirmation_as_the_link(sim) -> None:
    # the registry's hikvision is confirmed as hikvision's entry: linking it to huawei's entry
    # (a strong but wrong score) would put two Entity List entries in one cluster
    decisions = {
        ("co:registry:hikvision", "list:US_EL:hikvision"): Judgement(
            "co:registry:hikvision", "list:US_EL:hikvision", Decision.CONFIRM
        )
    }
    result = link(
        _pairs(
            [
                ("list:US_EL:huawei", "co:gleif:huawei", 0.99),
                ("co:registry:hikvision", "list:US_EL:hikvision", 0.8),
                ("list:US_EL:huawei", "co:registry:hikvision", 0.95),
            ]
        ),
        sim,
        decisions,
    )
    assert _refusal(result) == (
        "not linked automatically: co:registry:hikvision is already linked to list:US_EL:hikvision "
        "(confirmed by a reviewer): list:US_EL:hikvision and list:US_EL:huawei are two entries of the "
        "same list"
    )


def test_a_refusal_through_a_chain_names_the_records_between() -> None:
    # a - m - x linked; b's link to a would join x with y, a different entry of x's list
    rows = [("co:a", "party:m", 0.99), ("party:m", "list:US_EL:x", 0.98), ("co:b", "list:US_EL:y", 0.97)]
    rows.append(("co:a", "co:b", 0.96))
    result = link(_pairs(rows), lambda pairs: [1.0] * len(pairs))
    assert _refusal(result) == (
        "not linked automatically: co:a is already linked to list:US_EL:x through party:m (test 0.99, then "
        "test 0.98) and co:b to list:US_EL:y (test 0.97): list:US_EL:x and list:US_EL:y are two entries "
        "of the same list"
    )


def test_a_confirmed_link_the_guard_refuses_stands_with_a_warning(sim) -> None:
    # a reviewer confirmed the registry's hikvision as huawei's entry too: that joins two Entity
    # List entries. A human decision overrides the automatic checks, so the link stays confirmed
    # (the risk run joins it) and is not queued, but its reasons say what it joins.
    decisions = {
        pair_key(a, b): Judgement(a, b, Decision.CONFIRM)
        for a, b in [
            ("co:registry:hikvision", "list:US_EL:hikvision"),
            ("co:registry:hikvision", "list:US_EL:huawei"),
        ]
    }
    result = link(_pairs([("co:registry:hikvision", "list:US_EL:hikvision", 0.99)]), sim, decisions)
    got = {(r.source, r.target): r.decision for r in result.same_as.itertuples()}
    assert got[pair_key("co:registry:hikvision", "list:US_EL:huawei")] == "confirmed"
    assert result.queue.empty and result.refused == 0
    [(a, b, reason)] = result.confirmed_over_guard.itertuples(index=False, name=None)
    assert (a, b) == pair_key("co:registry:hikvision", "list:US_EL:huawei")
    assert reason.startswith("confirmed by a reviewer although the anti-chaining guard would keep it apart: ")
    assert "list:US_EL:hikvision and list:US_EL:huawei are two entries of the same list" in reason
    edge = result.same_as.set_index(["source", "target"]).loc[(a, b)]
    assert json.loads(edge["reasons_json"])[-1] == reason


def test_the_clusters_join_a_confirmation_over_the_guard_as_the_risk_run_does(sim) -> None:
    # the risk run joins every accepted link (graph.risk.frames), so the confirmed hikvision →
    # huawei link makes one party of the three records; clusters.parquet must show that party,
    # marked as joined against the guard, not two clusters the scores never saw
    decisions = {
        pair_key(a, b): Judgement(a, b, Decision.CONFIRM)
        for a, b in [
            ("co:registry:hikvision", "list:US_EL:hikvision"),
            ("co:registry:hikvision", "list:US_EL:huawei"),
        ]
    }
    rows = [("co:registry:hikvision", "list:US_EL:hikvision", 0.99), ("co:other", "co:other2", 0.99)]
    result = link(_pairs(rows), sim, decisions)
    c = result.clusters.set_index("id")
    joined = ["co:registry:hikvision", "list:US_EL:hikvision", "list:US_EL:huawei"]
    assert set(c.loc[joined, "canonical_id"]) == {"list:US_EL:hikvision"}
    assert c.loc[joined, "size"].tolist() == [3, 3, 3] and c.loc[joined, "over_guard"].all()
    assert not c.loc[["co:other", "co:other2"], "over_guard"].any()
    assert result.clusters["over_guard"].dtype == bool
