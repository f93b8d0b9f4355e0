"""OFAC's weak a.k.a.s reach resolution and screening through the CSL's copy of an entry too
(graph.lists.weak_aliases): real rows of SDN entries 6916 and 8159, OFAC's own and the CSL's."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from graph.list_graph import list_graph_frames
from graph.lists.weak_aliases import share_weak_aliases
from graph.model import NodeKind
from graph.resolve import Decision, Record, compare, prepare, score_pairs
from graph.resolve.run import Records
from graph.screening.index import build_index
from graph.screening.screen import Screener
from graph.tables.lists import ListTables, empty_list_table, shown_entries
from ingest.lists.provenance import entry_rows
from ingest.lists.read import read_list_file

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
OFAC_COPY, CSL_COPY = "list:US_SDN:6916", "list:US_SDN:SDN:6916"
#: the a.k.a.s sdn.csv's remarks quote for 6916: OFAC's weak ones
WEAK_6916 = {"ABU FATIMA", "ABU ISLAM", "ABU KHADIIJAH", "AHMED HAMED", "AHMED THE EGYPTIAN", "SHUAIB"}


def _rows() -> pd.DataFrame:
    """``list_entries`` rows of both feeds' current versions (without the decoded twins)."""
    ofac = read_list_file(FIX / "ofac" / "weak_akas" / "sdn.csv").entries
    csl = read_list_file(FIX / "csl" / "csl_2022-05_weak_akas.csv").entries
    frames = [entry_rows(ofac, version="o1", feed="ofac-sdn"), entry_rows(csl, version="c1", feed="csl")]
    rows = pd.concat(frames, ignore_index=True)
    return rows.drop(columns=[c for c in rows.columns if c.startswith("_")])


def _kinds(rows: pd.DataFrame, node_id: str) -> dict[str, str]:
    value = rows.loc[rows["node_id"] == node_id, "aliases_json"].iloc[0]
    return {name: kind for name, kind in json.loads(value)}


def _shown() -> pd.DataFrame:
    versions = pd.DataFrame(
        {
            "version_id": ["o1", "c1"],
            "feed": ["ofac-sdn", "csl"],
            "seq": [1, 2],
            "lists_json": [json.dumps(["US_SDN"]), json.dumps(["US_SDN", "US_PLC"])],
        }
    )
    empty = {n: empty_list_table(n) for n in ("list_relations", "list_rejected", "list_diffs")}
    tables = ListTables(
        _rows(), empty["list_relations"], versions, empty["list_rejected"], empty["list_diffs"]
    )
    return list_graph_frames(shown_entries(tables).reset_index(drop=True)).nodes[NodeKind.LIST_ENTRY]


def test_the_csl_publishes_ofacs_weak_akas_as_plain_ones() -> None:
    rows = _rows()
    assert {n for n, k in _kinds(rows, OFAC_COPY).items() if k == "weak"} == WEAK_6916
    assert set(_kinds(rows, CSL_COPY).values()) == {"aka"}  # why the sharing is needed


def test_an_alias_ofacs_copy_marks_weak_is_weak_on_the_csl_copy() -> None:
    shared = share_weak_aliases(_rows())
    kinds = _kinds(shared, CSL_COPY)
    assert {n for n, k in kinds.items() if k == "weak"} == WEAK_6916
    assert kinds["AHMED, Ahmed"] == "aka"  # alt.csv's: strong on every copy
    assert set(_kinds(shared, "list:US_PLC:PLC:9692").values()) == {"aka"}  # another entry: untouched


def test_nothing_to_share_leaves_the_rows_as_they_are() -> None:
    rows = _rows()
    csl_only = rows[rows["feed"] == "csl"].reset_index(drop=True)
    assert share_weak_aliases(csl_only) is csl_only


def test_resolution_reads_the_csl_copys_weak_alias_as_weak() -> None:
    csl = next(r for r in Records.build(_shown(), "id", "list").records if r.id == CSL_COPY)
    assert {csl.names[i] for i in csl.weak} == WEAK_6916
    match = compare(Record("q", "unknown", ("Abu Fatima",)), csl)
    assert match.decision != Decision.MATCH
    name = next(r for r in match.reasons if r.feature == "name")
    assert "'ABU FATIMA' is a weak alias" in name.detail


@pytest.mark.parametrize("query", ["Abu Fatima", "Ahmed Hamed"])
def test_screening_never_blocks_on_the_csl_copys_weak_alias(query: str) -> None:
    index = build_index(_shown())
    csl = index.entries.index[index.entries["id"] == CSL_COPY][0]
    owned = zip(index.names, index.alias_kinds, index.owner, strict=True)
    assert {n for n, k, o in owned if o == csl and k == "weak"} == WEAK_6916
    result = Screener(index).screen(pd.DataFrame({"name": [query]}))
    assert result["disposition"].iloc[0] != "block"


def test_the_batch_reasons_name_the_weak_alias_too() -> None:
    csl = next(r for r in Records.build(_shown(), "id", "list").records if r.id == CSL_COPY)
    scored = score_pairs(prepare([Record("q", "unknown", ("Shuaib",))]), prepare([csl]), np.array([[0, 0]]))
    assert any("'SHUAIB' is a weak alias" in line for line in scored.brief(0))


def test_fresh_rows_keep_their_decoded_twin_in_step() -> None:
    # rows of a fresh ingest carry the decoded ``_aliases`` list_graph_frames reads before the JSON
    ofac = entry_rows(
        read_list_file(FIX / "ofac" / "weak_akas" / "sdn.csv").entries, version="o1", feed="ofac-sdn"
    )
    csl = entry_rows(
        read_list_file(FIX / "csl" / "csl_2022-05_weak_akas.csv").entries, version="c1", feed="csl"
    )
    nodes = list_graph_frames(share_weak_aliases(pd.concat([ofac, csl], ignore_index=True))).nodes
    row = nodes[NodeKind.LIST_ENTRY].set_index("id").loc[CSL_COPY]
    assert {a for a, k in zip(row["aliases"], row["alias_kinds"], strict=True) if k == "weak"} == WEAK_6916


def test_a_weak_aka_the_csl_writes_surname_first_is_weak_too() -> None:
    # OFAC's remarks: a.k.a. 'IVAN MARQUES'; a.k.a. 'IVAN  MARQUEZ' — the CSL: MARQUES, Ivan; MARQUEZ, Ivan
    kinds = _kinds(share_weak_aliases(_rows()), "list:US_SDN:SDN:8159")
    assert kinds == {"MARQUES, Ivan": "weak", "MARQUEZ, Ivan": "weak"}


def test_ofacs_own_copy_keeps_a_strong_alias_its_remarks_also_quote() -> None:
    # entry 11271's aliases as the readers give them: sdn.csv/alt.csv "HSING, Su" (alt.csv, strong)
    # and remarks a.k.a. 'U LI MYINT', 'SU HSING' (weak); the CSL 2022 alt_names "U LI MYINT;
    # HSING, Su; SU HSING". 'SU HSING' is 'HSING, Su', which OFAC lists strong: it stays strong.
    ofac = ["list:US_SDN:11271", '[["HSING, Su","aka"],["U LI MYINT","weak"],["SU HSING","weak"]]']
    csl = ["list:US_SDN:SDN:11271", '[["U LI MYINT","aka"],["HSING, Su","aka"],["SU HSING","aka"]]']
    shared = share_weak_aliases(pd.DataFrame([ofac, csl], columns=["node_id", "aliases_json"]))
    assert _kinds(shared, "list:US_SDN:11271") == {
        "HSING, Su": "aka",
        "U LI MYINT": "weak",
        "SU HSING": "weak",
    }
    assert _kinds(shared, "list:US_SDN:SDN:11271") == {
        "U LI MYINT": "weak",
        "HSING, Su": "aka",
        "SU HSING": "aka",
    }


#: SDN entry 6925: OFAC's remarks quote three weak a.k.a.s in doubled apostrophes (a.k.a.
#: ''FOOPIE''), the CSL's alt_names in double quotes ("FOOPIE"); read without the quotes
#: (ingest.lists.quotes), they are one name on both copies.
QUOTED_OFAC, QUOTED_CSL = (
    FIX / "ofac" / "quoted_akas" / "sdn.csv",
    FIX / "csl" / "csl_2022-05_quoted_names.csv",
)
WEAK_6925 = {"AHMED, A.", "KHABAR, Abu", "BAKR, Abu", "FOOPIE", "FUPI", "AHMED THE TANZANIAN"}


def _quoted_rows() -> pd.DataFrame:
    ofac = entry_rows(read_list_file(QUOTED_OFAC).entries, version="o1", feed="ofac-sdn")
    csl = entry_rows(read_list_file(QUOTED_CSL).entries, version="c1", feed="csl")
    return share_weak_aliases(pd.concat([ofac, csl], ignore_index=True))


def test_a_weak_aka_each_copy_quotes_its_own_way_is_weak_on_the_csl_copy() -> None:
    rows = _quoted_rows()
    assert {n for n, k in _kinds(rows, "list:US_SDN:6925").items() if k == "weak"} == WEAK_6925
    assert {n for n, k in _kinds(rows, "list:US_SDN:SDN:6925").items() if k == "weak"} == WEAK_6925
    # 22504's alt.csv a.k.a. in apostrophes is a strong alias, unquoted on both copies
    assert (
        _kinds(rows, "list:US_SDN:22504")[
            "CHERNOMORSKI BANK RAZVITIYA I REKONSTRUKTSII, OTKRYTOE AKTSIONERNOE OBSHCHESTVO"
        ]
        == "aka"
    )


def test_screening_never_blocks_on_a_weak_aka_the_csl_quotes() -> None:
    nodes = list_graph_frames(_quoted_rows()).nodes[NodeKind.LIST_ENTRY]
    result = Screener(build_index(nodes)).screen(pd.DataFrame({"name": ["Foopie"]}))
    assert result["top_match_id"].iloc[0] in {"list:US_SDN:6925", "list:US_SDN:SDN:6925"}
    assert result["disposition"].iloc[0] != "block"
