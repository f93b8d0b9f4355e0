"""Counterparties bearing a listed name made only of line-of-business words (graph.screening.generic_names).

The workspace is the bundled CSL of May 2022 ingested as ``chipwatch ingest lists`` does, so the
entries carry their address countries (the Entity List's "High Technology, Ltd" and "Engineering
Solutions Pvt. Ltd." are in Pakistan, PK).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from chipwatch.cli import cli
from chipwatch.settings import Settings
from graph.screening.index import build_index
from graph.screening.screen import Screener
from ingest.lists.pipeline import ingest_list_files

ROOT = Path(__file__).resolve().parents[3]
FULL_CSL = ROOT / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz"
GENERIC_REASON = "made only of the line-of-business words"
CHECK_REASON = "check the address, the country and the identifiers"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("generic-ws")
    ingest_list_files(Settings(workspace=ws), [FULL_CSL])
    return ws


@pytest.fixture(scope="module")
def screener(workspace: Path) -> Screener:
    return Screener.for_settings(Settings(workspace=workspace))


def _screen(screener: Screener, rows: list[tuple[str, str]]) -> pd.DataFrame:
    return screener.screen(pd.DataFrame({"name": [n for n, _ in rows], "country": [c for _, c in rows]}))


def test_a_listed_generic_name_goes_to_review_with_the_reason(screener: Screener) -> None:
    # Before: ENGINEERING SOLUTIONS PVT LTD was a block (1.0) and HIGH TECHNOLOGIES LTD a review
    # without a word about the name being generic.
    high, engineering = "HIGH TECHNOLOGIES LTD", "ENGINEERING SOLUTIONS PVT LTD"
    rows = [(high, "PK"), (engineering, "PK"), (high, "")]
    out = _screen(screener, rows)
    assert out["disposition"].tolist() == ["review"] * 3
    for _, row in out.iterrows():
        assert GENERIC_REASON in row["top_match_reasons"] and CHECK_REASON in row["top_match_reasons"]
    assert out["top_match_name"].tolist()[0] == "High Technology, Ltd"
    assert "Engineering" in out["top_match_name"].tolist()[1]


def test_a_generic_name_is_found_where_the_blocking_drops_its_words(screener: Screener) -> None:
    # RESEARCH and SCIENTIFIC are too common to block on: the main index never paired them.
    # TECHNO LAB shares few keys with TECHNOLOGY LABORATORY, which resolution reads as its words.
    out = _screen(screener, [("SCIENCE RESEARCH AO", ""), ("TECHNOLOGY LABORATORY", "")])
    assert out["disposition"].tolist() == ["review", "review"]
    assert out["top_match_name"].tolist() == ["AO Scientific Research", "TECHNO LAB"]
    assert all(GENERIC_REASON in r for r in out["top_match_reasons"])


def test_a_generic_name_in_another_country_is_not_review(screener: Screener) -> None:
    # Before: review (0.84) and block (0.95).
    out = _screen(screener, [("HIGH TECHNOLOGIES LTD", "DE"), ("ENGINEERING SOLUTIONS PVT LTD", "IN")])
    assert out["disposition"].tolist() == ["clear", "clear"]
    assert all("country is none of the entry's" in r for r in out["top_match_reasons"])


def test_a_generic_name_of_a_conflicting_legal_form_is_not_review(screener: Screener) -> None:
    # JSC and LLC are two legal persons (LTD and LLC are one form written two ways: review).
    # Before: DIGITAL TECHNOLOGIES JSC was a block (0.93) against the SDN's DIGITAL TECHNOLOGIES LLC.
    out = _screen(screener, [("DIGITAL TECHNOLOGIES JSC", ""), ("DIGITAL TECHNOLOGIES LTD", "")])
    assert out["disposition"].tolist() == ["clear", "review"]
    assert "legal forms conflict" in out.iloc[0]["top_match_reasons"]


def test_one_line_of_business_word_stays_clear(screener: Screener) -> None:
    out = _screen(screener, [("TRADING COMPANY", ""), ("TRADING COMPANY LTD", "PK")])
    assert out["disposition"].tolist() == ["clear", "clear"]


def _one_word_screener() -> Screener:
    # The SDN's "UNITED COMPANY OJSC" (COMPANY is its form's: one line-of-business word, UNITED).
    entry = {"id": "sdn:0", "name": "UNITED COMPANY OJSC", "list": "US_SDN", "aliases": []}
    return Screener(build_index(pd.DataFrame([{**entry, "entity_kind": "company", "countries": ["RU"]}])))


def test_one_line_of_business_word_with_its_form_written_otherwise_is_review() -> None:
    # Before: the name as listed was a block (1.0), and with its form written out no candidate at
    # all (the blocking drops UNITED's common key), UNITED OJSC clear.
    rows = [
        ("UNITED COMPANY OJSC", ""),
        ("UNITED COMPANY OPEN JOINT STOCK COMPANY", ""),
        ("UNITED OJSC", "RU"),
    ]
    out = _screen(_one_word_screener(), rows)
    assert out["disposition"].tolist() == ["review"] * 3
    assert out["top_match_id"].tolist() == ["sdn:0"] * 3
    for reasons in out["top_match_reasons"]:
        assert GENERIC_REASON in reasons and CHECK_REASON in reasons and "never for a match" in reasons


def test_one_line_of_business_word_of_a_conflicting_form_or_abroad_is_not_review() -> None:
    # An LLC is another legal person than an OJSC (resolution's legal_form: a conflict).
    out = _screen(_one_word_screener(), [("UNITED LLC", ""), ("UNITED COMPANY OJSC", "DE")])
    assert out["disposition"].tolist() == ["clear", "clear"]
    assert "country is none of the entry's" in out.iloc[1]["top_match_reasons"]


def test_chipwatch_screen_reports_a_generic_name_for_review(workspace: Path, tmp_path: Path) -> None:
    source = tmp_path / "parties.csv"
    pd.DataFrame(
        {"name": ["ENGINEERING SOLUTIONS PVT LTD", "ENGINEERING SOLUTIONS PVT LTD"], "country": ["PK", "IN"]}
    ).to_csv(source, index=False)
    out = tmp_path / "result.csv"
    result = CliRunner().invoke(
        cli,
        ["screen", str(source), "--out", str(out)],
        env={"CHIPWATCH_WORKSPACE": str(workspace)},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert frame["disposition"].tolist() == ["review", "clear"]
    assert CHECK_REASON in frame.iloc[0]["top_match_reasons"]
