"""Stale risk results: ``chipwatch risk`` records what it read (``risk/run-<store>.json``); when a
list, trade data, resolution or a review decision changes after it, ``entity``, ``paths`` and
``export risk-list`` say so on stderr, naming what changed, and exports carry ``risk_stale``.

One small workspace per test, built through the product's own commands: the CSL excerpt (v1),
two registry companies (one owning the other), resolved and scored."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner, Result

from chipwatch import __version__
from chipwatch.cli import cli
from chipwatch.settings import PROJECT_ROOT, Settings, StoreKind
from graph import audit
from graph.resolve.review import decide
from graph.risk import run as risk_run
from graph.risk.staleness import check, current_basis, run_path, state_stamp

LISTS = PROJECT_ROOT / "tests" / "fixtures" / "lists_pipeline"
EXPORT = PROJECT_ROOT / "tests" / "fixtures" / "export"
AS_OF = "2026-11-15"
COMPANY = "co:export test:EXP001"


def _run(ws: Path, args: list[str], store: str = "networkx") -> Result:
    env = {"CHIPWATCH_WORKSPACE": str(ws), "CHIPWATCH_STORE": store}
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    return result


def _warned(result: Result) -> str:
    """The stale-risk warning printed on stderr ("" when none); stdout never carries it."""
    assert "risk results" not in result.stdout
    return "\n".join(line for line in result.stderr.splitlines() if "risk results" in line)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    _run(ws, ["ingest", "lists", str(LISTS / "csl_v1.csv")])
    for kind in ("companies", "ownership"):
        _run(ws, ["ingest", kind, str(EXPORT / f"{kind}.csv"), "--source", "export test"])
    _run(ws, ["resolve"])
    _run(ws, ["risk", "--as-of", AS_OF])
    return ws


def _export(ws: Path, tmp_path: Path, fmt: str) -> tuple[Path, Result]:
    out = tmp_path / f"risk.{fmt}"
    return out, _run(ws, ["export", "risk-list", "--min-score", "0", "--out", str(out)])


def test_a_fresh_run_is_current_and_says_nothing(ws: Path, tmp_path: Path) -> None:
    settings = Settings(workspace=ws)
    record = json.loads(run_path(settings).read_text(encoding="utf-8"))
    assert record["as_of"] == AS_OF and record["store"] == "networkx"
    assert set(record["lists"]) == {"csl"} and record["trade"]["ownership"]
    assert record["chipwatch_version"] == __version__
    assert check(settings).state == "current"
    assert _warned(_run(ws, ["entity", COMPANY])) == ""
    out, result = _export(ws, tmp_path, "csv")
    assert _warned(result) == ""
    rows = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert len(rows) and set(rows["risk_stale"]) == {"False"} and set(rows["graph_behind"]) == {"False"}


def test_a_new_list_version_makes_every_reader_warn(ws: Path, tmp_path: Path) -> None:
    _run(ws, ["ingest", "lists", str(LISTS / "csl_v2.csv")])
    warned = _warned(_run(ws, ["entity", COMPANY]))
    assert warned.startswith("warning: risk results are stale: computed ")
    assert f"(as of {AS_OF}); since then list csl changed: the run read csl v1 (" in warned
    assert "the workspace now holds csl v2 (" in warned and "run `chipwatch risk` again" in warned
    # the exports: a column per row, the reason in the metadata and the audit record
    out, result = _export(ws, tmp_path, "csv")
    assert "list csl changed" in _warned(result)
    assert set(pd.read_csv(out, dtype=str)["risk_stale"]) == {"True"}
    out = tmp_path / "risk.json"
    _run(ws, ["export", "risk-list", "--min-score", "0", "--out", str(out)])
    doc = json.loads(out.read_text(encoding="utf-8"))
    meta = doc["metadata"]
    assert meta["risk_stale"] is True and "list csl changed" in meta["risk_stale_reason"]
    assert all(e["risk_stale"] is True for e in doc["entities"])
    record = audit.read(Settings(workspace=ws))[-1]
    assert record.payload["risk_stale"] is True and "list csl changed" in record.payload["risk_stale_reason"]
    out = tmp_path / "risk.ftm"
    _run(ws, ["export", "risk-list", "--min-score", "0", "--out", str(out)])
    entities = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    scored = [e for e in entities if e["schema"] != "Sanction"]
    assert scored and all("risk:stale" in e["properties"]["keywords"] for e in scored)
    # running risk again makes them current
    _run(ws, ["risk", "--as-of", AS_OF])
    assert _warned(_run(ws, ["entity", COMPANY])) == ""


def test_each_change_is_named(ws: Path) -> None:
    settings = Settings(workspace=ws)
    # a review decision
    decide(settings, COMPANY, "co:export test:EXP002", "reject", note="two companies")
    assert check(settings).changes == ("1 review decision recorded (0 when the run read them, 1 now)",)
    # ownership data: a stake changed in the registry extract
    own = pd.read_csv(EXPORT / "ownership.csv", dtype=str)
    own["share_pct"] = "40.0"
    changed = ws.parent / "ownership.csv"
    own.to_csv(changed, index=False)
    _run(ws, ["ingest", "ownership", str(changed), "--source", "export test"])
    assert "the ownership data changed (tables/<name>.parquet content differs)" in check(settings).changes
    # ingesting the same file again changes no table: nothing more to say
    before = check(settings).changes
    _run(ws, ["ingest", "ownership", str(changed), "--source", "export test"])
    assert check(settings).changes == before
    _run(ws, ["risk", "--as-of", AS_OF])
    assert check(settings).state == "current"
    # resolution linking differently: a list version adds entries, resolve links them
    _run(ws, ["ingest", "lists", str(LISTS / "csl_v2.csv")])
    _run(ws, ["resolve"])
    found = check(settings).changes
    assert found[0].startswith("list csl changed")
    assert found[1] == "`chipwatch resolve` linked records differently (resolve/clusters.parquet differs)"


def test_the_state_stamp_moves_whenever_the_answer_can(ws: Path) -> None:
    """The app recomputes the warning only when the stamp moves: each change the check names
    moves it, and nothing else does (a re-ingest that rewrites no table, time passing)."""
    settings = Settings(workspace=ws)
    seen = [state_stamp(settings)]
    assert state_stamp(settings) == seen[-1]

    def moved() -> None:
        seen.append(state_stamp(settings))
        assert seen[-1] != seen[-2]

    decide(settings, COMPANY, "co:export test:EXP002", "reject", note="two companies")
    moved()
    own = pd.read_csv(EXPORT / "ownership.csv", dtype=str)
    own["share_pct"] = "40.0"
    changed = ws.parent / "ownership.csv"
    own.to_csv(changed, index=False)
    _run(ws, ["ingest", "ownership", str(changed), "--source", "export test"])
    moved()
    # the same file again rewrites no table (and, without a sync, no journal)
    _run(ws, ["ingest", "ownership", str(changed), "--source", "export test", "--no-graph"])
    assert state_stamp(settings) == seen[-1]
    _run(ws, ["risk", "--as-of", AS_OF])
    moved()
    _run(ws, ["ingest", "lists", str(LISTS / "csl_v2.csv")])
    moved()
    _run(ws, ["resolve"])
    moved()
    # the graph falls behind the tables, and catches up: the journal is read too
    own["share_pct"] = "30.0"
    own.to_csv(changed, index=False)
    _run(ws, ["ingest", "ownership", str(changed), "--source", "export test", "--no-graph"])
    moved()
    _run(ws, ["graph-sync"])
    moved()


def _edit_json(path: Path, **fields: object) -> None:
    """Rewrite a workspace record as another chipwatch would have written it (None: without the field)."""
    record = json.loads(path.read_text(encoding="utf-8"))
    for name, value in fields.items():
        if value is None:
            record.pop(name)
        else:
            record[name] = value
    path.write_text(json.dumps(record), encoding="utf-8")


def _edit_record(ws: Path, **fields: object) -> None:
    """The risk run record, rewritten (:func:`_edit_json`)."""
    _edit_json(run_path(Settings(workspace=ws)), **fields)


def test_a_run_by_another_chipwatch_version_is_stale(ws: Path) -> None:
    # the run was computed by an older chipwatch, whose rules may have scored differently
    _edit_record(ws, chipwatch_version="0.0.9")
    upgraded = f"chipwatch was upgraded from 0.0.9 to {__version__} (its rules may score differently)"
    assert check(Settings(workspace=ws)).changes == (upgraded,)
    warned = _warned(_run(ws, ["entity", COMPANY]))
    assert warned.startswith("warning: risk results are stale: ") and f"since then {upgraded}" in warned
    _edit_record(ws, chipwatch_version="99.0")
    assert check(Settings(workspace=ws)).changes == (
        f"chipwatch was downgraded from 99.0 to {__version__} (its rules may score differently)",
    )
    # running risk again records this version: current
    _run(ws, ["risk", "--as-of", AS_OF])
    assert check(Settings(workspace=ws)).state == "current"


def test_a_record_without_a_version_is_judged_by_the_rest(ws: Path) -> None:
    # written before runs recorded the version: unknown, not a change ...
    _edit_record(ws, chipwatch_version=None)
    assert check(Settings(workspace=ws)).state == "current"
    assert _warned(_run(ws, ["entity", COMPANY])) == ""
    # ... while every other part still counts
    _run(ws, ["ingest", "lists", str(LISTS / "csl_v2.csv")])
    [change] = check(Settings(workspace=ws)).changes
    assert change.startswith("list csl changed")


def test_a_run_record_from_a_newer_chipwatch_is_read(ws: Path) -> None:
    # a newer release recorded more than this one knows: the rest is read, not called damaged
    _edit_record(ws, runtime_s=12.5, inputs={"sbom": "abc"})
    found = check(Settings(workspace=ws))
    assert found.state == "current" and found.problem == ""
    assert _warned(_run(ws, ["entity", COMPANY])) == ""


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        ({"as_of": None}, "field 'as_of' is missing"),
        ({"review_decisions": "3"}, "field 'review_decisions': Input should be a valid integer (found str)"),
        (
            {"review_decisions": True},
            "field 'review_decisions': Input should be a valid integer (found bool)",
        ),
        ({"lists": {"csl": 7}}, "field 'lists.csl': Input should be a valid string (found int)"),
        ({"chipwatch_version": 2}, "field 'chipwatch_version': Input should be a valid string (found int)"),
    ],
)
def test_a_run_record_missing_or_mistyping_a_field_is_damaged(
    ws: Path, edit: dict[str, object], why: str
) -> None:
    _edit_record(ws, **edit)
    found = check(Settings(workspace=ws))
    assert found.state == "unrecorded" and "the risk run record cannot be read (" in found.problem
    assert why in found.problem


def _edit_journal(ws: Path, **fields: object) -> None:
    """The graph-sync record, rewritten (:func:`_edit_json`)."""
    from graph.sync_journal import journal_path

    _edit_json(journal_path(Settings(workspace=ws)), **fields)


def test_a_sync_record_from_a_newer_chipwatch_is_read(ws: Path, tmp_path: Path) -> None:
    from graph.sync_journal import graph_behind_tables, read, status

    _edit_journal(ws, verified_at="2026-12-01T00:00:00+00:00", checksums={"companies": "x"})
    settings = Settings(workspace=ws)
    record = read(settings)
    assert record is not None and record.kinds and isinstance(record.kinds, tuple)
    assert status(settings)[1] == "complete" and graph_behind_tables(settings) is None
    _run(ws, ["entity", COMPANY])  # readers do not refuse it as damaged
    own = pd.read_csv(EXPORT / "ownership.csv", dtype=str).assign(share_pct="40.0")
    own.to_csv(tmp_path / "ownership.csv", index=False)
    _run(
        ws, ["ingest", "ownership", str(tmp_path / "ownership.csv"), "--source", "export test", "--no-graph"]
    )
    assert graph_behind_tables(settings)  # its table hashes are still compared


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        ({"load_id": None}, "field 'load_id' is missing"),
        ({"pid": "123"}, "field 'pid': Input should be a valid integer (found str)"),
        ({"state": "finished"}, "field 'state': Input should be 'running' or 'complete' (found str)"),
        ({"kinds": "companies"}, "field 'kinds': Input should be a valid array (found str)"),
        ({"tables": ["companies"]}, "field 'tables': Input should be an object (found list)"),
    ],
)
def test_a_sync_record_missing_or_mistyping_a_field_is_malformed(
    ws: Path, edit: dict[str, object], why: str
) -> None:
    from chipwatch.errors import ChipwatchError
    from graph.sync_journal import read

    _edit_journal(ws, **edit)
    with pytest.raises(ChipwatchError, match="the graph-sync journal is malformed") as raised:
        read(Settings(workspace=ws))
    assert why in str(raised.value)


def test_a_run_that_did_not_finish_leaves_no_record(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(workspace=ws)

    def fail(*_args: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(risk_run, "write_results", fail)  # the write fails half-way
    with pytest.raises(OSError):
        risk_run.compute_risk(settings, dt.date.fromisoformat(AS_OF))
    state = check(settings)
    assert state.state == "unrecorded" and not run_path(settings).exists()
    assert "no record of what they were computed from" in state.message()
    warned = _warned(CliRunner().invoke(cli, ["entity", COMPANY], env={"CHIPWATCH_WORKSPACE": str(ws)}))
    assert warned.startswith("warning: risk results may be stale: there is no record")


def test_a_workspace_never_scored_warns_of_nothing(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    _run(ws, ["ingest", "lists", str(LISTS / "csl_v1.csv")])
    result = _run(ws, ["entity", "CHINA"])
    assert "risk: not computed yet" in result.stdout and _warned(result) == ""


def test_a_change_during_the_run_shows_as_one_since(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the basis is read before the graph: a decision recorded while the run computes is after it
    settings = Settings(workspace=ws)
    analyse = risk_run.analyse

    def decided_meanwhile(*args: object, **kwargs: object) -> object:
        decide(settings, COMPANY, "co:export test:EXP002", "reject", note="meanwhile")
        return analyse(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(risk_run, "analyse", decided_meanwhile)
    risk_run.compute_risk(settings, dt.date.fromisoformat(AS_OF))
    assert check(settings).changes == ("1 review decision recorded (0 when the run read them, 1 now)",)


def test_paths_as_of_another_date_than_the_risk_run_says_so(ws: Path) -> None:
    result = _run(ws, ["paths", "--from-country", "CN", "--to", "any", "--as-of", "2026-06-01"])
    assert f"targets and the flags component come from the risk run as of {AS_OF}, not 2026-06-01" in (
        result.stderr
    )
    result = _run(ws, ["paths", "--from-country", "CN", "--to", "any", "--as-of", AS_OF])
    assert "come from the risk run" not in result.stderr


def test_a_copied_workspace_stays_current(ws: Path, tmp_path: Path) -> None:
    shutil.copytree(ws, tmp_path / "copy")
    assert check(Settings(workspace=tmp_path / "copy")).state == "current"


def test_the_record_is_per_store_and_names_the_graph(ws: Path) -> None:
    settings = Settings(workspace=ws)
    basis = current_basis(settings, AS_OF)
    assert basis.target == "workspace graph/"  # a copied workspace holds the same graph
    neo = settings.with_(store=StoreKind.NEO4J)
    assert run_path(neo) != run_path(settings) and check(neo).state == "unrecorded"


def test_a_rule_table_change_is_named(ws: Path, tmp_path: Path) -> None:
    from graph.risk import staleness
    from graph.risk.reference import REFERENCE_DIR

    copy = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, copy)
    assert staleness._reference(copy) == staleness._reference()
    weights = copy / "risk_weights.toml"
    weights.write_text(
        weights.read_text(encoding="utf-8") + "\n# block threshold reviewed\n", encoding="utf-8"
    )
    settings = Settings(workspace=ws)
    run = staleness.read_run(settings)
    assert run is not None
    now = staleness.RunBasis(**{**run.__dict__, "reference": staleness._reference(copy)})
    [change] = staleness.changes(settings, run, now)
    assert change.startswith("the reference tables the rules read changed (data/reference: chpl.csv,")


def test_stale_on_neo4j_as_on_networkx(neo4j_settings: Settings, tmp_path: Path) -> None:
    # the record is the workspace's, per store: a Neo4j run is judged by the same inputs
    settings = neo4j_settings.with_(workspace=tmp_path / "ws")
    from graph.stores import open_store

    neo = open_store(settings)
    try:
        neo.clear()
    finally:
        neo.close()
    env = {
        "CHIPWATCH_WORKSPACE": str(settings.workspace),
        "CHIPWATCH_STORE": "neo4j",
        "CHIPWATCH_NEO4J_URI": str(settings.neo4j_uri),
        "CHIPWATCH_NEO4J_USER": settings.neo4j_user,
        "CHIPWATCH_NEO4J_PASSWORD": settings.neo4j_password.reveal(),
    }
    runner = CliRunner()
    try:
        for args in (
            ["ingest", "lists", str(LISTS / "csl_v1.csv")],
            ["ingest", "companies", str(EXPORT / "companies.csv"), "--source", "export test"],
            ["risk", "--as-of", AS_OF],
        ):
            assert runner.invoke(cli, args, env=env).exit_code == 0
        assert run_path(settings).name == "run-neo4j.json" and check(settings).state == "current"
        result = runner.invoke(cli, ["entity", COMPANY], env=env)
        assert result.exit_code == 0 and _warned(result) == ""
        assert runner.invoke(cli, ["ingest", "lists", str(LISTS / "csl_v2.csv")], env=env).exit_code == 0
        warned = _warned(runner.invoke(cli, ["entity", COMPANY], env=env))
        assert "since then list csl changed: the run read csl v1 (" in warned
        # another database is another graph: the run did not write there
        other = settings.with_(neo4j_database="other")
        assert check(other).changes[0].startswith("the store points at another graph (")
    finally:
        neo = open_store(settings)
        try:
            neo.clear()
        finally:
            neo.close()


def test_screen_warns_that_its_risk_columns_are_stale(ws: Path, tmp_path: Path) -> None:
    customers = tmp_path / "customers.csv"
    customers.write_text(
        "name,country\nAcademy of Aerospace Solid Propulsion Technology,CN\n", encoding="utf-8"
    )
    out = tmp_path / "screened.csv"
    assert _warned(_run(ws, ["screen", str(customers), "--out", str(out)])) == ""
    _run(ws, ["ingest", "lists", str(LISTS / "csl_v2.csv")])
    warned = _warned(_run(ws, ["screen", str(customers), "--out", str(out)]))
    assert warned.startswith("warning: risk_score, ownership_status and red_flags: risk results are stale:")
    assert "list csl changed" in warned


def test_risk_refuses_while_the_graph_is_behind_the_tables(ws: Path, tmp_path: Path) -> None:
    # ingest --no-graph changes the ownership table, not the graph: a risk run now would score the
    # old stakes and record the new table as read, so its results would pass as current
    own = pd.read_csv(EXPORT / "ownership.csv", dtype=str)
    own["share_pct"] = "40.0"
    changed = tmp_path / "ownership.csv"
    own.to_csv(changed, index=False)
    _run(ws, ["ingest", "ownership", str(changed), "--source", "export test", "--no-graph"])
    env = {"CHIPWATCH_WORKSPACE": str(ws), "CHIPWATCH_STORE": "networkx"}
    before = run_path(Settings(workspace=ws)).read_bytes()
    result = CliRunner().invoke(cli, ["risk", "--as-of", AS_OF], env=env)
    assert result.exit_code != 0
    message = str(result.exception) if result.exception else result.output
    assert "the networkx graph at " in message
    assert "is behind the tables: the ownership data changed after its last sync (load " in message
    assert message.endswith("Run 'chipwatch graph-sync' first"), message
    # nothing was scored or recorded: the last run's record stands, and says the table changed
    assert run_path(Settings(workspace=ws)).read_bytes() == before
    assert "the ownership data changed" in _warned(_run(ws, ["entity", COMPANY]))
    # graph-sync brings the graph up to the tables; risk runs and is current again
    _run(ws, ["graph-sync"])
    _run(ws, ["risk", "--as-of", AS_OF])
    assert check(Settings(workspace=ws)).state == "current"


def _behind(result: Result) -> str:
    """The graph-behind-the-tables warning printed on stderr ("" when none); stdout never carries it."""
    assert "is behind the tables" not in result.stdout
    return "\n".join(line for line in result.stderr.splitlines() if "is behind the tables" in line)


def test_readers_warn_while_the_graph_is_behind_the_tables(ws: Path, tmp_path: Path) -> None:
    # ingest --no-graph changes the ownership table, not the graph: paths, entity, screen and the
    # exports still read the graph as of its last sync, and say so
    customers = tmp_path / "customers.csv"
    customers.write_text(
        "name,country\nAcademy of Aerospace Solid Propulsion Technology,CN\n", encoding="utf-8"
    )
    readers = {
        "entity": ["entity", COMPANY],
        "paths": ["paths", "--from", COMPANY, "--to", "any"],
        "screen": ["screen", str(customers), "--out", str(tmp_path / "screened.csv")],
    }
    for args in readers.values():
        assert _behind(_run(ws, args)) == ""
    own = pd.read_csv(EXPORT / "ownership.csv", dtype=str).assign(share_pct="40.0")
    own.to_csv(tmp_path / "ownership.csv", index=False)
    _run(
        ws, ["ingest", "ownership", str(tmp_path / "ownership.csv"), "--source", "export test", "--no-graph"]
    )
    for name, args in readers.items():
        warned = _behind(_run(ws, args))
        assert warned.startswith("warning: the networkx graph at "), name
        assert "is behind the tables: the ownership data changed after its last sync (load " in warned, name
        assert warned.endswith("Run 'chipwatch graph-sync' to add them"), name
    # the exports: a column per row, the reason in the metadata and the audit record, stderr
    out, result = _export(ws, tmp_path, "csv")
    assert "the ownership data changed after its last sync" in _behind(result)
    assert set(pd.read_csv(out, dtype=str)["graph_behind"]) == {"True"}
    out = tmp_path / "risk.json"
    _run(ws, ["export", "risk-list", "--min-score", "0", "--out", str(out)])
    doc = json.loads(out.read_text(encoding="utf-8"))
    meta = doc["metadata"]
    assert meta["graph_behind"] is True and "chipwatch graph-sync" in meta["graph_behind_reason"]
    assert all(e["graph_behind"] is True for e in doc["entities"])
    record = audit.read(Settings(workspace=ws))[-1]
    assert record.payload["graph_behind"] is True
    assert record.payload["graph_behind_reason"] == meta["graph_behind_reason"]
    out = tmp_path / "risk.ftm"
    _run(ws, ["export", "risk-list", "--min-score", "0", "--out", str(out)])
    entities = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    scored = [e for e in entities if e["schema"] != "Sanction"]
    assert scored and all("graph:behind" in e["properties"]["keywords"] for e in scored)
    # XLSX: the column on the entities sheet, the reason on the metadata sheet (as text)
    out = tmp_path / "risk.xlsx"
    _run(ws, ["export", "risk-list", "--min-score", "0", "--out", str(out)])
    sheet = pd.read_excel(out, sheet_name="entities")
    assert sheet["graph_behind"].astype(bool).all()
    rows = dict(pd.read_excel(out, sheet_name="metadata", dtype=str).values.tolist())
    assert rows["graph_behind_reason"] == meta["graph_behind_reason"]
    # graph-sync brings the graph up to the tables: no reader warns of it any more
    _run(ws, ["graph-sync"])
    for args in readers.values():
        assert _behind(_run(ws, args)) == ""
    out, result = _export(ws, tmp_path, "csv")
    assert _behind(result) == "" and set(pd.read_csv(out, dtype=str)["graph_behind"]) == {"False"}


def test_a_sync_record_without_table_hashes_is_not_behind(ws: Path, tmp_path: Path) -> None:
    # a journal written before syncs recorded the tables: unknown, so risk runs as before
    from graph.sync_journal import graph_behind_tables, journal_path

    settings = Settings(workspace=ws)
    path = journal_path(settings)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert set(record["tables"]) == {"companies", "ownership", "officers", "parties", "shipments"}
    own = pd.read_csv(EXPORT / "ownership.csv", dtype=str).assign(share_pct="40.0")
    own.to_csv(tmp_path / "ownership.csv", index=False)
    _run(
        ws, ["ingest", "ownership", str(tmp_path / "ownership.csv"), "--source", "export test", "--no-graph"]
    )
    assert graph_behind_tables(settings)
    del record["tables"]
    path.write_text(json.dumps(record), encoding="utf-8")
    assert graph_behind_tables(settings) is None
    _run(ws, ["risk", "--as-of", AS_OF])
