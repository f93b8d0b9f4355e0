"""One OFAC entry read from the CSL and from OFAC's own files is one identity, linked as such."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from chipwatch.settings import Settings
from graph.resolve.guard import ConstrainedClusters
from graph.resolve.link import link
from graph.resolve.run import clusters_path, resolve
from graph.resolve.shared_entries import entry_of, shared_entry_pairs
from ingest.lists.pipeline import ingest_list_files
from ingest.lists.read import read_list_file
from ingest.trade.load import ingest_trade_file
from tests.ingest.lists.ofac_edits import SDN, SHARED, cons_with_shared_copy

CSL_COPY, OFAC_COPY = "list:US_SDN:SDN:22696", "list:US_SDN:22696"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "lists"
#: Real CSL rows (May 2022) of OFAC entries on several lists, and OFAC's own consolidated rows.
CSL_FIXTURE = FIXTURES / "csl" / "csl_2022-05_ofac_sources.csv"
CONS_FIXTURE = FIXTURES / "ofac" / "cons_small"


def _all_alike(pairs: object) -> list[float]:
    return [1.0] * len(pairs)  # type: ignore[arg-type]


def test_the_csl_copy_of_an_sdn_entry_is_the_ofac_entry() -> None:
    assert entry_of(CSL_COPY) == entry_of(OFAC_COPY) == "ofac:22696"


def test_the_csl_copies_of_non_sdn_entries_are_ofacs_consolidated_entries() -> None:
    # OFAC numbers all its lists from one sequence, and the CSL keeps that number for each of
    # OFAC's sources: SSI, FSE, NS-PLC, CAPTA, NS-CMIC and NS-MBS rows are OFAC's own entries.
    consolidated = entry_of("list:US_NONSDN:18723")
    for csl_copy in (
        "list:US_SSI:SSI:18723",
        "list:US_CAP:CAP:18723",
        "list:US_MBS:MBS:18723",
        "list:US_PLC:PLC:18723",
        "list:US_CMIC:CMIC:18723",
        "list:US_FSE:FSE:18723",
        "list:US_SDN:SDN:18723",
        "list:US_SDN:18723",
    ):
        assert entry_of(csl_copy) == consolidated, csl_copy


def test_only_the_source_lists_own_number_makes_one_entry() -> None:
    # A CSL Entity List key, a CSL key that is no number (an _id) and a duplicate row's
    # key are not OFAC's entry number: each stays its own entry.
    assert entry_of("list:US_EL:EL:22696") == "list:US_EL:EL:22696"
    assert entry_of("list:US_SDN:SDN:5f2a9c") == "list:US_SDN:SDN:5f2a9c"
    assert entry_of("list:US_SDN:SDN:22696#12") == "list:US_SDN:SDN:22696#12"
    # The same number on another CSL source of another list is another entry.
    assert entry_of("list:US_DPL:DPL:22696") != entry_of(OFAC_COPY)
    # A list code with another source code than its own is not OFAC's numbering either.
    assert entry_of("list:US_SSI:CAP:22696") == "list:US_SSI:CAP:22696"
    assert entry_of("list:US_NONSDN:SSI:22696") == "list:US_NONSDN:SSI:22696"


def test_pairs_link_the_two_copies_naming_number_and_feeds() -> None:
    pairs = shared_entry_pairs(
        [CSL_COPY, OFAC_COPY, "list:US_SDN:SDN:7006", "list:US_EL:EL:22696"],
        ["csl", "ofac-sdn", "csl", "csl"],
    )
    assert pairs[["source", "target", "score", "method"]].values.tolist() == [
        [CSL_COPY, OFAC_COPY, 1.0, "same-entry"]
    ]
    reason = json.loads(pairs.iloc[0]["reasons_json"])[0]
    assert "OFAC entry, number 22696" in reason
    assert "(feed csl)" in reason and "(feed ofac-sdn)" in reason


def test_one_node_id_from_two_feeds_is_not_paired_with_itself() -> None:
    # CONS_ENHANCED.XML files its SDN entities as US_SDN: the same node id as sdn.csv's.
    pairs = shared_entry_pairs([OFAC_COPY, OFAC_COPY, CSL_COPY], ["ofac-sdn", "ofac-nonsdn", "csl"])
    assert pairs[["source", "target"]].values.tolist() == [[OFAC_COPY, CSL_COPY]]


def test_the_real_csl_and_consolidated_files_pair_every_copy_of_an_ofac_entry() -> None:
    csl = read_list_file(CSL_FIXTURE, None).entries
    cons = read_list_file(CONS_FIXTURE, None).entries
    ids = [e.node_id for e in csl] + [e.node_id for e in cons]
    pairs = shared_entry_pairs(ids, ["csl"] * len(csl) + ["ofac-nonsdn"] * len(cons))
    linked = {frozenset((s, t)) for s, t in zip(pairs["source"], pairs["target"], strict=True)}
    assert len(linked) == len(pairs) == 13
    # Bank VTB Kazakhstan: CSL rows on the CAPTA, SDN and SSI lists, and OFAC's consolidated row.
    vtb = ["list:US_CAP:CAP:18723", "list:US_SDN:SDN:18723", "list:US_SSI:SSI:18723", "list:US_NONSDN:18723"]
    assert {frozenset((a, b)) for a in vtb for b in vtb if a < b} <= linked
    # Renamed since (the CSL's "ROSTEC" is OFAC's "STATE CORPORATION ROSTEC"): one entry still.
    assert frozenset(("list:US_SSI:SSI:17260", "list:US_NONSDN:17260")) in linked
    for csl_copy, number in (("list:US_PLC:PLC:", 9651), ("list:US_CMIC:CMIC:", 30902)):
        assert frozenset((f"{csl_copy}{number}", f"list:US_NONSDN:{number}")) in linked
    assert {frozenset(("list:US_MBS:MBS:17016", "list:US_NONSDN:17016"))} <= linked
    # An FSE evader also on the SDN list: the CSL's two rows are one entry.
    assert frozenset(("list:US_FSE:FSE:17526", "list:US_SDN:SDN:17526")) in linked
    # The Entity List row carries no OFAC number: never paired.
    assert not any(e.node_id in pair for e in csl if e.list.value == "US_EL" for pair in linked)
    reason = json.loads(pairs.loc[pairs["source"] == "list:US_SSI:SSI:17260", "reasons_json"].iloc[0])[0]
    assert "list:US_SSI:SSI:17260 (feed csl)" in reason
    assert "list:US_NONSDN:17260 (feed ofac-nonsdn)" in reason


def test_guard_takes_two_copies_of_one_entry_as_one_identity() -> None:
    guard = ConstrainedClusters(_all_alike, 0.45)
    assert guard.union("co:acme", CSL_COPY) is None
    assert guard.union("co:acme", OFAC_COPY) is None
    # Another entry of the list is still kept apart from both.
    assert "two entries of the same list" in str(guard.union("co:acme", "list:US_SDN:SDN:7006"))


def test_guard_takes_the_csl_and_consolidated_copies_of_a_non_sdn_entry_as_one() -> None:
    guard = ConstrainedClusters(_all_alike, 0.45)
    assert guard.union("list:US_SSI:SSI:18723", "list:US_NONSDN:18723") is None
    assert guard.union("list:US_CAP:CAP:18723", "list:US_SDN:SDN:18723") is None
    assert guard.union("list:US_SSI:SSI:18723", "list:US_CAP:CAP:18723") is None
    # An SDN entity in CONS_ENHANCED.XML (list:US_SDN:18723) is the CSL's SDN row.
    assert guard.union("list:US_SDN:18723", "list:US_NONSDN:18723") is None
    # Another consolidated entry (and another SSI entry) is still kept apart.
    for a, b in (
        ("list:US_NONSDN:18723", "list:US_NONSDN:17016"),
        ("list:US_SSI:SSI:18723", "list:US_SSI:SSI:17016"),
    ):
        assert "two entries of the same list" in str(guard.union(a, b))


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


def test_resolution_reads_one_id_two_feeds_list_once_as_the_copy_the_node_shows(tmp_path: Path) -> None:
    # OFAC's consolidated list files its copy of an SDN entity under the SDN id; here that copy has
    # another name. The node shows the SDN feed's copy: a company named as the other copy is no
    # match for it, and the id is one record.
    settings = Settings(workspace=tmp_path / "ws")
    renamed = ("PETRO SWISS TRADING COMPANY", "Rue du Rhone 8")
    cons = cons_with_shared_copy(tmp_path / "CONS_ENHANCED.XML", *renamed)
    t0 = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    for n, path in enumerate((SDN, cons)):
        ingest_list_files(settings, [path], now=t0 + dt.timedelta(hours=n))
    companies = tmp_path / "companies.csv"
    companies.write_text(
        "company_id,name,country\nC1,TNK Trading International SA,CH\nC2,Petro Swiss Trading Company,CH\n",
        encoding="utf-8",
    )
    ingest_trade_file(settings, "companies", companies, today=dt.date(2026, 11, 1))
    summary = resolve(settings)
    clusters = pd.read_parquet(clusters_path(settings))
    shared = clusters.loc[clusters["id"] == SHARED, "canonical_id"].iloc[0]
    members = set(clusters.loc[clusters["canonical_id"] == shared, "id"])
    assert "co:csv:C1" in members
    assert "co:csv:C2" not in members
    assert summary.records["list_entries"] == 17 + 443 - 1
