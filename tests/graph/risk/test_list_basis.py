"""What a risk run says about the lists it rests on: versions resolution has not linked yet, and
versions newer than ``--as-of`` (graph.lists.basis). Without it a risk run right after a list
update scored every party against the old links, silently, and ``--as-of`` read as if it took the
lists back to that date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from chipwatch.settings import Settings
from graph.resolve.run import resolve
from graph.risk.run import compute_risk
from ingest.lists.pipeline import ingest_list_files
from ingest.trade.graph_sync import sync_trade_graph
from ingest.trade.load import ingest_trade_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "lists_pipeline"


def _list_notes(settings: Settings, as_of: dt.date | None = None) -> list[str]:
    return [n for n in compute_risk(settings, as_of).notes if "lists" in n]


def test_risk_says_when_the_lists_moved_since_resolve_and_past_as_of(tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    companies = tmp_path / "companies.csv"
    companies.write_text("company_id,name,country\n1,Atlas Sanatgaran,AM\n", encoding="utf-8")
    ingest_trade_file(settings, "companies", companies, source="walk")
    sync_trade_graph(settings)
    ingest_list_files(settings, [FIXTURES / "csl_v1.csv"])
    resolve(settings)
    assert _list_notes(settings) == []
    v2 = ingest_list_files(settings, [FIXTURES / "csl_v2.csv"]).files[0].version_id
    (note,) = _list_notes(settings)
    assert note.startswith(f"the lists changed since the last `chipwatch resolve` (csl v2 ({v2}, ingested ")
    assert "run `chipwatch resolve`, then `chipwatch risk`" in note
    resolve(settings)
    assert _list_notes(settings) == []
    yesterday = dt.date.today() - dt.timedelta(days=1)
    (note,) = _list_notes(settings, yesterday)
    assert note.startswith(f"as of {yesterday.isoformat()}: the lists are the versions in force now")
    assert f"csl v2 ({v2}, ingested " in note
