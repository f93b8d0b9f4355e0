"""Linking: thresholds, human decisions overriding scores, clusters and the anti-chaining guard."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from graph.resolve import Record
from graph.resolve.link import ConstrainedClusters, LinkThresholds, link
from graph.resolve.review import Decision, Judgement
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
