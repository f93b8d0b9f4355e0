"""An entry's addresses are part of what a review decision was made on (graph.list_fingerprint).

A "no match" stands while the listing is as the officer saw it; a list version that gives the entry
a new address (here one in the screened party's own city) asks again, in screening, rescreen and
resolution alike. Decisions recorded before addresses counted (``legacy_fingerprint``) still
stand while nothing changed; and screen, rescreen and the recorded fingerprint read the entries
one way (graph.list_graph.entry_records), so a decision never looks changed for how it is read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from chipwatch.settings import Settings
from graph.list_fingerprint import (
    current_fingerprints,
    entry_fingerprint,
    fingerprint,
    legacy_fingerprint,
)
from graph.resolve.review import counterparty_id, decide, load_decisions, standing_decisions
from graph.screening.index import load_entries
from graph.screening.rescreen import rescreen
from graph.screening.screen import Screener
from ingest.lists.pipeline import ingest_list_files
from ingest.trade.load import ingest_trade_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "lists_pipeline"
V1 = FIXTURES / "csl_v1.csv"
ATLAS = "list:US_UVL:UVL:1b5979e8fd3920a1a0985bf5088dad930a6a5562d1513f9e4b015e42"
ATLAS_NAME, COUNTRY = "Atlas Sanatgaran", "AM"
ATLAS_ADDRESS = '"Komitas 26, Yerevan, Armenia, AM"'
#: the entry's second address, in Yerevan too (an edit of the real row: no later version publishes one)
NEW_ADDRESS = '"Komitas 26, Yerevan, Armenia, AM; Nalbandyan 10, Yerevan, AM"'
LIST_URL = '"https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/unverified-list"'


def _edit_atlas(settings: Settings, tmp_path: Path, name: str, old: str, new: str) -> None:
    """Ingest a new version of the list in which Atlas's row has ``old`` replaced by ``new``."""
    lines = V1.read_text(encoding="utf-8").splitlines(keepends=True)
    (row,) = [n for n, line in enumerate(lines) if f'"{ATLAS_NAME}"' in line]
    assert old in lines[row]
    lines[row] = lines[row].replace(old, new, 1)
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    ingest_list_files(settings, [path])


def _atlas_hits(settings: Settings) -> list[dict[str, Any]]:
    query = pd.DataFrame({"name": [ATLAS_NAME], "country": [COUNTRY]})
    row = Screener.for_settings(settings).screen(query).iloc[0]
    return [m for m in row["matches"] if m["id"] == ATLAS]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings(workspace=tmp_path / "ws")
    ingest_list_files(settings, [V1])
    return settings


def _reject_the_hit(settings: Settings, context: dict[str, Any] | None = None) -> None:
    """The officer marks the screening hit on Atlas a false positive (``context``: as recorded)."""
    cp = counterparty_id(ATLAS_NAME, COUNTRY)
    decide(settings, cp, ATLAS, "reject", note="our Atlas is another firm", context=context)


def test_the_fingerprint_holds_the_addresses() -> None:
    row = {"id": ATLAS, "name": ATLAS_NAME, "addresses": ["Komitas 26, Yerevan, Armenia, AM"]}
    moved = {**row, "addresses": [*row["addresses"], "Nalbandyan 10, Yerevan, AM"]}
    assert entry_fingerprint(moved) != entry_fingerprint(row)
    assert legacy_fingerprint(moved) == legacy_fingerprint(row)  # why the addresses were added
    # the same lines in another order, or spaced otherwise, are the same addresses
    assert entry_fingerprint({**moved, "addresses": moved["addresses"][::-1]}) == entry_fingerprint(moved)
    assert entry_fingerprint({**row, "addresses": ["Komitas 26,  Yerevan, Armenia, AM"]}) == (
        entry_fingerprint(row)
    )
    # no entry's fingerprint is its legacy one, with or without addresses
    assert entry_fingerprint({**row, "addresses": []}) != legacy_fingerprint({**row, "addresses": []})


def test_the_legacy_fingerprint_is_what_decisions_recorded_before() -> None:
    # the values chipwatch's entry_fingerprint gave these rows before addresses counted (main at
    # 50b0ab4): stored decisions hold them, so they must not move
    row = {
        "id": "x",
        "name": ATLAS_NAME,
        "aliases": ["ATLAS"],
        "list": "US_UVL",
        "countries": [COUNTRY],
        "addresses": ["Komitas 26, Yerevan, Armenia, AM"],
    }
    assert legacy_fingerprint(row) == "04114e91c658145d"
    assert legacy_fingerprint({**row, "status": "context"}) == "f4b1eb3de9ebb3f3"


def test_a_rejected_hit_is_asked_again_when_the_entry_gets_a_new_address(
    settings: Settings, tmp_path: Path
) -> None:
    assert len(_atlas_hits(settings)) == 1
    _reject_the_hit(settings)
    assert _atlas_hits(settings) == []
    _edit_atlas(settings, tmp_path, "csl_v1_new_address.csv", ATLAS_ADDRESS, NEW_ADDRESS)
    (hit,) = _atlas_hits(settings)
    assert "marked a false positive earlier, but the list entry has changed since" in hit["reasons"]
    _, asked = standing_decisions(settings, load_decisions(settings))
    (why,) = asked.values()
    assert f"the list entry {ATLAS} has changed since" in why


def test_a_decision_recorded_before_addresses_counted_stands_while_nothing_changed(
    settings: Settings, tmp_path: Path
) -> None:
    row = load_entries(settings).set_index("id").loc[ATLAS].to_dict()
    old = legacy_fingerprint({"id": ATLAS, **row})
    assert old != entry_fingerprint({"id": ATLAS, **row})
    _reject_the_hit(settings, {"entry_fingerprint": old, "entry_fingerprints": {ATLAS: old}})
    assert _atlas_hits(settings) == []
    standing, asked = standing_decisions(settings, load_decisions(settings))
    assert (len(standing), asked) == (1, {})
    # a change the old fingerprint sees asks again
    _edit_atlas(settings, tmp_path, "csl_v1_renamed.csv", f'"{ATLAS_NAME}"', f'"{ATLAS_NAME} Trading"')
    _, asked = standing_decisions(settings, load_decisions(settings))
    assert len(asked) == 1


def test_screening_and_the_recorded_fingerprint_read_the_entry_alike(settings: Settings) -> None:
    shown = load_entries(settings).set_index("id")
    recorded = current_fingerprints(settings, list(shown.index))
    assert recorded == {i: fingerprint({"id": i, **shown.loc[i].to_dict()}) for i in shown.index}
    assert any(shown["addresses"].map(len))  # the fixture's entries have addresses


def test_rescreen_keeps_a_rejected_hit_when_only_the_remarks_changed(
    settings: Settings, tmp_path: Path
) -> None:
    # the remarks are no part of the fingerprint: the decision stands, and rescreen must read the
    # entry (addresses included) as screen did when the officer decided
    companies = tmp_path / "companies.csv"
    companies.write_text(f"company_id,name,country\n1,{ATLAS_NAME},{COUNTRY}\n", encoding="utf-8")
    ingest_trade_file(settings, "companies", companies, source="walk")
    _reject_the_hit(settings)
    _edit_atlas(settings, tmp_path, "csl_v1_remark.csv", f'"",{LIST_URL}', f'"Address verified",{LIST_URL}')
    out = tmp_path / "exposures.json"
    summary = rescreen(settings, out)
    assert summary.changed_entries == 1
    results = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert [m["id"] for r in results for m in r["matches"]] == []
    # while a new address is an exposure again
    _edit_atlas(settings, tmp_path, "csl_v1_new_address.csv", ATLAS_ADDRESS, NEW_ADDRESS)
    rescreen(settings, out)
    results = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert [m["id"] for r in results for m in r["matches"]] == [ATLAS]
