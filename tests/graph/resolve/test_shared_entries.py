"""One SDN entry read from the CSL and from OFAC's own file is one identity, linked as such."""

from __future__ import annotations

import json

import pandas as pd

from graph.resolve.guard import ConstrainedClusters
from graph.resolve.link import link
from graph.resolve.shared_entries import entry_of, shared_entry_pairs

CSL_COPY, OFAC_COPY = "list:US_SDN:SDN:22696", "list:US_SDN:22696"


def _all_alike(pairs: object) -> list[float]:
    return [1.0] * len(pairs)  # type: ignore[arg-type]


def test_the_csl_copy_of_an_sdn_entry_is_the_ofac_entry() -> None:
    assert entry_of(CSL_COPY) == entry_of(OFAC_COPY) == OFAC_COPY


def test_only_the_source_lists_own_number_makes_one_entry() -> None:
    # A CSL Entity List number, a CSL key that is no number (an _id) and a duplicate row's
    # key are not the publisher's entry number: each stays its own entry.
    assert entry_of("list:US_EL:EL:22696") == "list:US_EL:EL:22696"
    assert entry_of("list:US_SDN:SDN:5f2a9c") == "list:US_SDN:SDN:5f2a9c"
    assert entry_of("list:US_SDN:SDN:22696#12") == "list:US_SDN:SDN:22696#12"
    # The same number on another CSL source of another list is another entry.
    assert entry_of("list:US_DPL:DPL:22696") != entry_of(OFAC_COPY)


def test_pairs_link_the_two_copies_naming_list_number_and_feeds() -> None:
    pairs = shared_entry_pairs(
        [CSL_COPY, OFAC_COPY, "list:US_SDN:SDN:7006", "list:US_EL:EL:22696"],
        ["csl", "ofac-sdn", "csl", "csl"],
    )
    assert pairs[["source", "target", "score", "method"]].values.tolist() == [
        [CSL_COPY, OFAC_COPY, 1.0, "same-entry"]
    ]
    reason = json.loads(pairs.iloc[0]["reasons_json"])[0]
    assert "US_SDN entry, number 22696" in reason
    assert "(csl)" in reason and "(ofac-sdn)" in reason


def test_guard_takes_two_copies_of_one_entry_as_one_identity() -> None:
    guard = ConstrainedClusters(_all_alike, 0.45)
    assert guard.union("co:acme", CSL_COPY) is None
    assert guard.union("co:acme", OFAC_COPY) is None
    # Another entry of the list is still kept apart from both.
    assert "two entries of the same list" in str(guard.union("co:acme", "list:US_SDN:SDN:7006"))


def test_linking_a_listed_name_to_both_copies_queues_nothing() -> None:
    pairs = pd.concat(
        [
            pd.DataFrame(
                [
                    {
                        "source": "list:US_DPL:x",
                        "target": CSL_COPY,
                        "score": 0.99,
                        "method": "list-list",
                        "reasons_json": "[]",
                    },
                    {
                        "source": "list:US_DPL:x",
                        "target": OFAC_COPY,
                        "score": 0.99,
                        "method": "list-list",
                        "reasons_json": "[]",
                    },
                ]
            ),
            shared_entry_pairs([CSL_COPY, OFAC_COPY], ["csl", "ofac-sdn"]),
        ],
        ignore_index=True,
    )
    result = link(pairs, _all_alike)
    assert result.queue.empty
    assert result.refused == 0
    assert set(result.clusters["canonical_id"]) == {"list:US_DPL:x"}
    assert (result.same_as["decision"] == "auto").all() and len(result.same_as) == 3
