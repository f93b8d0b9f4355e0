"""A trade party whose name is exactly a registry company's must meet that company (issue 7:
at 100k companies, planted parties were left unlinked to their registry records, so the flags
of the record never reached the trade edges)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from graph.resolve.candidates import BlockingConfig, CandidateIndex, exact_key_pairs
from graph.resolve.run import Records, score_task
from tests.graph.resolve.one_party_world import one_party_world


def _registry() -> pd.DataFrame:
    # 60 fillers make NETWORKS, JSC, CO and LTD too common to block on (min_max_df = 50), so every
    # "Sakura Networks …" ties on SAKURA alone and the tie goes to the lowest rows: the three
    # foreign namesakes come first, the Vietnamese company itself last.
    names = [(f"Filler{i} Networks JSC Co Ltd", "GB") for i in range(60)]
    names += [
        ("Sakura Networks Co Ltd", "TW"),
        ("Sakura Networks Ltd", "GB"),
        ("Sakura Networks Co", "KR"),
        ("Sakura Networks JSC", "VN"),
    ]
    return pd.DataFrame(
        {
            "node_id": [f"co:t:{i}" for i in range(len(names))],
            "name": [n for n, _ in names],
            "countries": [[c] for _, c in names],
            "source": "t",
        }
    )


def test_identical_names_are_always_candidates() -> None:
    q, t = exact_key_pairs(["SAKURA NETWORKS JSC", "Unknown Name"], ["Sakura Networks JSC", "Other"])
    assert list(zip(q.tolist(), t.tolist(), strict=True)) == [(0, 0)]


def test_party_meets_its_registry_company_beyond_the_top_k_ties() -> None:
    comps = Records.build(_registry(), "node_id", "source")
    party = pd.DataFrame({"party_id": ["party:vn"], "name": ["SAKURA NETWORKS JSC"], "countries": [["VN"]]})
    prts = Records.build(party, "party_id", None)
    index = CandidateIndex(comps.names, comps.owner, BlockingConfig(top_k=5))
    top = index.query(prts.names, top_k=3)
    assert 63 not in set(top.target.tolist())  # the tie really hides it from the top 3
    pairs = score_task(prts, comps, index, "party-company", 0.75, cross_group=False, top_k=3)
    best = pairs.sort_values("score", ascending=False).iloc[0]
    assert (best["target"], best["score"] >= 0.92) == ("co:t:63", True)


def test_a_bill_of_lading_party_written_as_a_listed_name_resolves_to_the_entry(tmp_path: Path) -> None:
    """A consignee written as the UN list's Chinese-script alias of CHANG AN SHIPPING &
    TECHNOLOGY, with no registry record behind it: resolution pairs trade parties with list
    entries too (party-list), so the party is the listed party for risk and paths."""
    from graph.resolve.run import clusters_path, resolve
    from graph.tables.trade import load_trade_tables

    settings = one_party_world(tmp_path, "長安海連技術有限公司", "Hong Kong", "HK")
    resolve(settings)
    parties = load_trade_tables(settings).parties
    party = str(parties.loc[parties["name"] == "長安海連技術有限公司", "party_id"].iloc[0])
    clusters = pd.read_parquet(clusters_path(settings))
    canonical = clusters.loc[clusters["id"] == party, "canonical_id"]
    assert not canonical.empty, "the party was linked to nothing"
    members = set(clusters.loc[clusters["canonical_id"] == canonical.iloc[0], "id"])
    assert any(m.startswith("list:UN:") for m in members), members
