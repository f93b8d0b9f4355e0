"""A workspace whose SDN feed an older chipwatch filled with OFAC's consolidated list is put right."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from chipwatch.cli import cli
from chipwatch.settings import Settings
from graph import audit
from graph.lists.versions import current_versions
from graph.model import ListSource, NodeKind
from graph.stores import open_store
from graph.tables.lists import load_list_tables
from ingest.lists import pipeline
from ingest.lists.model import ReadResult
from ingest.lists.pipeline import ingest_list_files
from ingest.lists.provenance import misfiled, slug

OFAC = Path(__file__).resolve().parents[2] / "fixtures" / "lists" / "ofac"
SDN = OFAC / "tiny"  # OFAC's SDN legacy CSV set: 17 SDN entries
CONS = OFAC / "non_sdn" / "CONS_ENHANCED.XML.gz"  # 443 entities: 366 non-SDN, 77 also on the SDN list
CONS_CSV = OFAC / "cons_small"  # the consolidated legacy CSV: 5 non-SDN entries
T0 = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


def _old_feed_rule(result: ReadResult) -> str:
    """``feed_for`` up to 2026-12 (before 599f05e): any OFAC file with an SDN entity was ofac-sdn."""
    lists = sorted({e.list for e in result.entries})
    if result.format.lower().startswith("ofac"):
        return "ofac-sdn" if ListSource.US_SDN in lists else "ofac-nonsdn"
    return "+".join(slug(x.value) for x in lists)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(workspace=tmp_path / "ws")


def _at(hours: int, minutes: int = 0) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours, minutes=minutes)


def _old_ingest(settings: Settings, monkeypatch: pytest.MonkeyPatch, path: Path, hours: int) -> None:
    """Load ``path`` as the older chipwatch did (its feed rule, and no repair)."""
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "feed_for", _old_feed_rule)
        patch.setattr(pipeline, "_refile", lambda _pending, _at: [])
        ingest_list_files(settings, [path], now=_at(hours))


def _feed_ids(settings: Settings) -> dict[str, set[str]]:
    """The node ids each feed's current version lists (an id two feeds list is in both)."""
    tables = load_list_tables(settings)
    latest = set(current_versions(tables.versions)["version_id"])
    current = tables.entries[tables.entries["version_id"].isin(latest)]
    return {str(f): set(rows["node_id"]) for f, rows in current.groupby("feed")}


def _graph_entries(settings: Settings) -> pd.DataFrame:
    store = open_store(settings)
    try:
        return store.nodes_frame(NodeKind.LIST_ENTRY).set_index("id")
    finally:
        store.close()


def test_reingesting_the_sdn_file_puts_back_the_sdn_list_and_files_the_consolidated_list(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_ingest(settings, monkeypatch, SDN, 0)
    sdn_ids = _feed_ids(settings)["ofac-sdn"]
    _old_ingest(settings, monkeypatch, CONS, 1)
    # The broken state: the SDN feed is the consolidated list, its own entries diffed as removed.
    broken = _feed_ids(settings)
    assert set(broken) == {"ofac-sdn"} and len(broken["ofac-sdn"]) == 443
    gone = sorted(sdn_ids - broken["ofac-sdn"])  # the SDN entries not among CONS's 77
    assert len(gone) == 16
    assert (_graph_entries(settings).loc[gone, "status"] == "removed").all()

    report = ingest_list_files(settings, [SDN], now=_at(2))

    restored, moved, again = report.files
    assert (restored.feed, restored.status, restored.seq) == ("ofac-sdn", "new", 3)
    assert restored.changes == {"added": 16, "removed": 442, "changed": 1}  # one entity on both
    assert "restored ofac-sdn@" in str(restored.note) and "CONS_ENHANCED.XML.gz" in str(restored.note)
    assert "by an older chipwatch" in str(restored.note)
    assert (moved.feed, moved.seq, moved.rows_accepted) == ("ofac-nonsdn", 1, 443)
    assert (again.status, again.version_id) == ("unchanged", restored.version_id)
    fixed = _feed_ids(settings)
    assert fixed["ofac-sdn"] == sdn_ids and len(sdn_ids) == 17
    assert fixed["ofac-nonsdn"] == broken["ofac-sdn"]
    graph = _graph_entries(settings)
    assert (graph.loc[sorted(sdn_ids), "status"] == "active").all()
    # (the one SDN entity CONS_ENHANCED.XML carries too is one node: the SDN feed's copy)
    assert (graph.loc[[*gone, "list:US_SDN:28603"], "feed"] == "ofac-sdn").all()
    nonsdn = sorted(i for i in fixed["ofac-nonsdn"] if i.startswith("list:US_NONSDN:"))
    assert len(nonsdn) == 366
    assert (graph.loc[nonsdn, "status"] == "active").all() and (
        graph.loc[nonsdn, "feed"] == "ofac-nonsdn"
    ).all()
    # Put right once: the next ingest changes nothing.
    assert not ingest_list_files(settings, [SDN, CONS], now=_at(3)).changed


def test_an_sdn_feed_that_only_ever_held_the_consolidated_list_is_emptied_and_says_what_to_load(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_ingest(settings, monkeypatch, CONS, 0)
    report = ingest_list_files(settings, [CONS], now=_at(1))
    emptied, moved, again = report.files
    assert (emptied.feed, emptied.rows_accepted, emptied.changes["removed"]) == ("ofac-sdn", 0, 443)
    assert "load ofac-sdn's own file" in emptied.line()
    assert (moved.feed, moved.rows_accepted) == ("ofac-nonsdn", 443)
    assert again.status == "unchanged"
    assert set(_feed_ids(settings)) == {"ofac-nonsdn"}
    # The emptied version names the misfiled file, but is no loading of it.
    again = ingest_list_files(settings, [CONS], now=_at(1, minutes=30)).files
    assert [(f.feed, f.status) for f in again] == [("ofac-nonsdn", "unchanged")]
    # Loading the SDN file then fills the feed.
    sdn = ingest_list_files(settings, [SDN], now=_at(2)).files[0]
    assert (sdn.feed, sdn.rows_accepted, sdn.previous_version_id) == ("ofac-sdn", 17, emptied.version_id)
    assert len(_feed_ids(settings)["ofac-sdn"]) == 17


def test_a_consolidated_list_loaded_after_the_misfiled_one_is_not_replaced_by_it(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_ingest(settings, monkeypatch, SDN, 0)
    _old_ingest(settings, monkeypatch, CONS, 1)
    _old_ingest(settings, monkeypatch, CONS_CSV, 2)  # all non-SDN: ofac-nonsdn under either rule
    report = ingest_list_files(settings, [SDN], now=_at(3))
    assert [(f.feed, f.status) for f in report.files] == [("ofac-sdn", "new"), ("ofac-sdn", "unchanged")]
    feeds = _feed_ids(settings)
    assert len(feeds["ofac-sdn"]) == 17
    assert feeds["ofac-nonsdn"] == {f"list:US_NONSDN:{n}" for n in (9651, 17016, 17260, 18723, 30902)}


def test_a_file_known_only_as_a_misfiled_older_version_is_read_again_into_its_feed(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The SDN file loaded after the consolidated one made the SDN feed right again by itself, but
    # the consolidated list is in no feed, and loading it again must not say "already loaded".
    _old_ingest(settings, monkeypatch, CONS, 0)
    _old_ingest(settings, monkeypatch, SDN, 1)
    assert set(_feed_ids(settings)) == {"ofac-sdn"}
    again = ingest_list_files(settings, [CONS], now=_at(2)).files
    assert [(f.feed, f.status) for f in again] == [("ofac-nonsdn", "new")]
    assert "filed under ofac-sdn by an older chipwatch" in str(again[0].note)
    assert len(_feed_ids(settings)["ofac-nonsdn"]) == 443
    versions = load_list_tables(settings).versions
    assert versions.loc[versions["feed"] == "ofac-nonsdn", "note"].str.contains("read again").all()


def test_only_an_ofac_feed_holding_the_other_ofac_feeds_list_is_misfiled() -> None:
    cons = ["US_NONSDN", "US_SDN"]
    assert misfiled("ofac-sdn", "ofac-enhanced-xml", cons) == "ofac-nonsdn"
    assert misfiled("ofac-nonsdn", "ofac-csv", ["US_SDN"]) == "ofac-sdn"
    assert misfiled("ofac-sdn", "ofac-csv", ["US_SDN"]) is None
    assert misfiled("ofac-nonsdn", "ofac-enhanced-xml", cons) is None
    # a feed of the user's own naming, a non-OFAC file, an emptied feed: left as they are
    assert misfiled("my-ofac", "ofac-enhanced-xml", cons) is None
    assert misfiled("ofac-sdn", "csl-csv", ["US_SDN", "US_SSI"]) is None
    assert misfiled("ofac-sdn", "ofac-enhanced-xml", []) is None


def test_screening_against_a_misfiled_sdn_feed_warns_and_names_the_repair(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _old_ingest(settings, monkeypatch, SDN, 0)
    _old_ingest(settings, monkeypatch, CONS, 1)  # the broken state: ofac-sdn holds the consolidated list
    src = tmp_path / "counterparties.csv"
    src.write_text("name,country\nAcme Widgets Ltd,GB\n", encoding="utf-8")
    out = tmp_path / "result.json"
    env = {"CHIPWATCH_WORKSPACE": str(settings.workspace)}
    result = CliRunner().invoke(cli, ["screen", str(src), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    [warning] = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert "the ofac-sdn feed holds ofac-nonsdn's list (CONS_ENHANCED.XML.gz" in warning
    assert "not ofac-sdn's own list" in warning and "`chipwatch ingest bundled-lists`" in warning
    assert "warning" not in result.stdout  # said once, on stderr
    notes = json.loads(out.read_text(encoding="utf-8"))["run"]["notes"]
    assert notes[0] == warning.removeprefix("warning: ")
    assert notes[1].startswith("CSV columns separated by commas")  # how the input was read, still said
    assert audit.read(settings)[-1].payload["notes"][0] == notes[0]
    # rescreen says the same, on stderr, in its run record and in the audit log
    rescreened = tmp_path / "exposures.json"
    result = CliRunner().invoke(cli, ["rescreen", "--out", str(rescreened)], env=env)
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if line.startswith("warning: ")] == [warning]
    assert json.loads(rescreened.read_text(encoding="utf-8"))["run"]["notes"] == [notes[0]]
    assert audit.read(settings)[-1].payload["notes"] == [notes[0]]
    # repaired by the next ingest: no warning any more
    ingest_list_files(settings, [SDN], now=_at(2))
    again = CliRunner().invoke(cli, ["screen", str(src), "--out", str(out)], env=env)
    assert again.exit_code == 0 and "warning" not in again.stderr
    assert not any("ofac-sdn" in n for n in json.loads(out.read_text(encoding="utf-8"))["run"]["notes"])
