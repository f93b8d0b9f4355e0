"""The screen, rescreen, resolve and review commands end to end on real lists in a temp workspace."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from chipwatch.cli import cli
from chipwatch.settings import Settings
from graph import audit
from graph.model import EdgeKind, NodeKind
from graph.resolve.run import clusters_path
from graph.stores import open_store
from graph.tables.lists import LIST_SCHEMAS, load_list_tables
from ingest.lists.pipeline import ingest_list_files

ROOT = Path(__file__).resolve().parents[2]
TINY_CSL = ROOT / "tests" / "fixtures" / "screening" / "consolidated_2025_tiny.csv"
COMPANIES_HOUSE = ROOT / "tests" / "fixtures" / "companies" / "uk_companies_house_basic_sample_2021-01.csv"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("screen-ws")
    ingest_list_files(Settings(workspace=ws), [TINY_CSL])
    return ws


@pytest.fixture()
def counterparties(tmp_path: Path) -> Path:
    path = tmp_path / "customers.csv"
    ch = pd.read_csv(COMPANIES_HOUSE, dtype=str, keep_default_na=False)["CompanyName"].str.strip().head(5)
    rows = [
        {"Customer": "Rosneft Trade Ltd", "Country": "CY", "Ref": "A1"},
        {
            "Customer": "China Electronics Technology Group Corp 13th Research Institute",
            "Country": "CN",
            "Ref": "A2",
        },
        {"Customer": "SME BANK", "Country": "RU", "Ref": "A3"},
        {"Customer": "", "Country": "", "Ref": "A4"},
        {"Customer": "SME BANK", "Country": "RU", "Ref": "A3"},  # duplicate row
        *({"Customer": name, "Country": "GB", "Ref": f"C{i}"} for i, name in enumerate(ch)),
    ]
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def _run(workspace: Path, args: list[str]):
    return CliRunner().invoke(cli, args, env={"CHIPWATCH_WORKSPACE": str(workspace)}, catch_exceptions=False)


def test_screen_csv_keeps_rows_and_columns_and_audits(
    workspace: Path, counterparties: Path, tmp_path: Path
) -> None:
    out = tmp_path / "result.csv"
    before = len(audit.read(Settings(workspace=workspace)))
    result = _run(workspace, ["screen", str(counterparties), "--out", str(out), "--map", "name=Customer"])
    assert result.exit_code == 0, result.output
    assert "screened 10 rows against 13 list entries" in result.output and "1 duplicate rows" in result.output
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert len(frame) == 10
    required = {
        "disposition",
        "risk_score",
        "top_match_source",
        "top_match_id",
        "top_match_name",
        "top_match_score",
        "top_match_reasons",
    }
    assert {"Customer", "Country", "Ref"} | required <= set(frame.columns)
    by_ref = frame.drop_duplicates("Ref").set_index("Ref")
    assert by_ref.loc["A1", "top_match_name"] == "ROSNEFT TRADE LIMITED"
    assert by_ref.loc["A1", "disposition"] in ("review", "block")
    assert by_ref.loc["A2", "top_match_source"] == "US_EL"
    assert by_ref.loc["A3", "disposition"] == "block"
    assert by_ref.loc["A4", "disposition"] == "review"
    assert (frame[frame["Ref"].str.startswith("C")]["disposition"] == "clear").all()
    records = audit.read(Settings(workspace=workspace))
    assert len(records) == before + 1 and records[-1].event == "screening_run"
    assert records[-1].payload["rows"] == 10 and records[-1].payload["list_versions"]
    assert audit.verify(Settings(workspace=workspace)).ok


def test_screen_xlsx_and_json_outputs(workspace: Path, counterparties: Path, tmp_path: Path) -> None:
    xlsx, js = tmp_path / "r.xlsx", tmp_path / "r.json"
    assert (
        _run(
            workspace, ["screen", str(counterparties), "--out", str(xlsx), "--map", "name=Customer"]
        ).exit_code
        == 0
    )
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["results", "matches", "run"]
    assert wb["matches"].max_row > 1
    assert (
        _run(workspace, ["screen", str(counterparties), "--out", str(js), "--map", "name=Customer"]).exit_code
        == 0
    )
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert len(doc["results"]) == 10 and doc["run"]["rows"] == 10
    assert doc["results"][0]["matches"][0]["reasons"]


def test_bad_input_leaves_no_output_and_no_audit_record(workspace: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Firm,Country\nACME,GB\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    before = len(audit.read(Settings(workspace=workspace)))
    result = CliRunner().invoke(
        cli, ["screen", str(bad), "--out", str(out)], env={"CHIPWATCH_WORKSPACE": str(workspace)}
    )
    assert result.exit_code != 0
    assert "no 'name' column" in str(result.exception)
    assert not out.exists() and not (tmp_path / "out.csv.partial").exists()
    assert len(audit.read(Settings(workspace=workspace))) == before


def test_review_decide_and_resolve(workspace: Path) -> None:
    result = _run(workspace, ["resolve"])
    assert result.exit_code == 0, result.output
    assert "records: 13 list entries" in result.output and "links made" in result.output
    a, b = _list_entry_ids(workspace)[:2]
    result = _run(workspace, ["review", "decide", a, b, "reject", "--note", "different"])
    assert result.exit_code == 0 and "reject" in result.output
    assert _run(workspace, ["review"]).exit_code == 0


def test_review_decide_reaches_the_stored_graph_at_once(workspace: Path) -> None:
    # The decision is mirrored onto the pair's SAME_AS edge. On networkx that write stayed in
    # memory and was dropped on exit, so `entity` (and `risk`, `paths`) kept the pair as before
    # until the next `resolve`, while on Neo4j they saw the decision at once.
    a, b = _list_entry_ids(workspace)[2:4]
    result = _run(workspace, ["review", "decide", a, b, "confirm", "--note", "same vessel"])
    assert result.exit_code == 0, result.output
    report = json.loads(_run(workspace, ["entity", a, "--json"]).output)
    assert b in {m["id"] for m in report["cluster"]}
    assert _run(workspace, ["review", "decide", a, b, "reject", "--note", "two vessels"]).exit_code == 0
    report = json.loads(_run(workspace, ["entity", a, "--json"]).output)
    assert b not in {m["id"] for m in report["cluster"]}


def _list_entry_ids(workspace: Path) -> list[str]:
    store = open_store(Settings(workspace=workspace))
    try:
        return sorted(store.nodes_frame(NodeKind.LIST_ENTRY)["id"])
    finally:
        store.close()


def test_review_decide_refuses_an_id_that_names_no_record(workspace: Path) -> None:
    # A mistyped id was recorded and audited, then never applied: the officer believed it decided.
    (a,) = _list_entry_ids(workspace)[:1]
    before = len(audit.read(Settings(workspace=workspace)))
    result = CliRunner().invoke(
        cli,
        ["review", "decide", a, "list:US_SSI:typo", "confirm"],
        env={"CHIPWATCH_WORKSPACE": str(workspace)},
    )
    assert result.exit_code != 0 and "'list:US_SSI:typo'" in str(result.exception)
    assert len(audit.read(Settings(workspace=workspace))) == before


def test_rescreen_reports_only_exposures_to_new_or_changed_entries(tmp_path: Path) -> None:
    from ingest.trade.load import ingest_trade_file

    ws = tmp_path / "ws"
    settings = Settings(workspace=ws)
    companies = tmp_path / "companies.csv"
    companies.write_text(
        # A name without a letter cannot be screened by name: no exposure to any entry, new or old.
        "company_id,name,country\n1,Rosneft Trade Ltd,CY\n2,Acme Widgets Ltd,GB\n3,SME Bank JSC,RU\n"
        "4,40,MX\n",
        encoding="utf-8",
    )
    ingest_trade_file(settings, "companies", companies)
    ingest_list_files(settings, [ROOT / "tests" / "fixtures" / "screening" / "csl_2019-12_sample.csv"])
    ingest_list_files(settings, [TINY_CSL])  # the newer version: adds ROSNEFT TRADE LIMITED, SME BANK …
    out = tmp_path / "exposures.csv"
    result = _run(ws, ["rescreen", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 counterparties re-screened; 2 new or changed exposures" in result.output
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert sorted(frame["name"]) == ["Rosneft Trade Ltd", "SME Bank JSC"]
    assert set(frame["top_match_source"]) == {"US_SSI"}
    assert audit.read(settings)[-1].event == "rescreen_run"


def test_rescreen_reads_each_list_table_once(tmp_path: Path, table_reads: Counter[str]) -> None:
    """The command's warnings, the versions it records and the changes it screens come from one
    read of the list tables (the versions table was read three times)."""
    ws = tmp_path / "ws"
    settings = Settings(workspace=ws)
    ingest_list_files(settings, [ROOT / "tests" / "fixtures" / "screening" / "csl_2019-12_sample.csv"])
    ingest_list_files(settings, [TINY_CSL])
    table_reads.clear()
    result = _run(ws, ["rescreen", "--out", str(tmp_path / "exposures.csv")])
    assert result.exit_code == 0, result.output
    assert {name: table_reads[name] for name in LIST_SCHEMAS} == {name: 1 for name in LIST_SCHEMAS}


def test_rescreen_screens_owners_known_only_by_name_in_ownership_records(tmp_path: Path) -> None:
    """An owner named only in an ownership record (``co:byname:…``) is a graph node, not a row of
    the companies table: a list version naming it is still a new exposure."""
    from ingest.trade.load import ingest_trade_file

    ws = tmp_path / "ws"
    settings = Settings(workspace=ws)
    companies = "company_id,name,country\n1,Acme Widgets Ltd,GB\n"
    (tmp_path / "companies.csv").write_text(companies, encoding="utf-8")
    (tmp_path / "ownership.csv").write_text(
        "owner_id,owner_name,owner_country,owned_id,owned_name,share_pct\n,SME Bank JSC,RU,1,,30\n",
        encoding="utf-8",
    )
    ingest_trade_file(settings, "companies", tmp_path / "companies.csv")
    ingest_trade_file(settings, "ownership", tmp_path / "ownership.csv")
    ingest_list_files(settings, [ROOT / "tests" / "fixtures" / "screening" / "csl_2019-12_sample.csv"])
    ingest_list_files(settings, [TINY_CSL])  # the newer version adds SME BANK …
    out = tmp_path / "exposures.csv"
    result = _run(ws, ["rescreen", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 counterparties re-screened; 1 new or changed exposures" in result.output
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert frame["name"].tolist() == ["SME Bank JSC"]
    assert frame["id"].str.startswith("co:byname:").all()
    assert frame["role"].tolist() == ["named in ownership records"]


def _audit_count(workspace: Path) -> int:
    return len(audit.read(Settings(workspace=workspace)))


def test_blank_rows_five_megabyte_cells_and_formulas_are_screened_and_reported(
    workspace: Path, tmp_path: Path
) -> None:
    src = tmp_path / "messy.csv"
    big = "SME BANK " + "x" * 5_000_000
    src.write_text(
        "name,country,note\n"
        "\n"  # a blank line
        ",,\n"  # a row of empty cells
        f"{big},RU,huge\n"
        '=HYPERLINK("http://evil";"ROSNEFT TRADE LIMITED"),CY,formula\n'
        "Acme Widgets Ltd,GB,plain\n",
        encoding="utf-8",
    )
    out = tmp_path / "messy-out.csv"
    before = _audit_count(workspace)
    result = _run(workspace, ["screen", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "screened 4 rows" in result.output and "1 without a name" in result.output
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert frame["note"].tolist() == ["", "huge", "formula", "plain"]  # the blank line is not a row
    empty, huge, formula, plain = (frame.iloc[i] for i in range(4))
    assert empty["disposition"] == "review" and "no name" in empty["screen_notes"]
    assert len(huge["name"]) == len(big)  # the cell is kept whole in the output ...
    assert "the first 1000 were screened" in huge["screen_notes"]  # ... and its head was screened
    assert formula["name"].startswith("'=")  # neutralised: opens as text in a spreadsheet
    assert "formula" in formula["screen_notes"]
    assert plain["disposition"] == "clear"
    assert _audit_count(workspace) == before + 1


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("list.pdf", b"%PDF-1.7\n", "unsupported file type .pdf"),
        ("renamed.csv", b"PK\x03\x04" + b"\x00" * 64, "not a text CSV"),
        ("book.xlsm", b"PK\x03\x04", "macros"),
    ],
)
def test_wrong_file_types_fail_clearly_without_output_or_audit(
    workspace: Path, tmp_path: Path, filename: str, content: bytes, message: str
) -> None:
    src = tmp_path / filename
    src.write_bytes(content)
    out = tmp_path / "out.csv"
    before = _audit_count(workspace)
    result = CliRunner().invoke(
        cli, ["screen", str(src), "--out", str(out)], env={"CHIPWATCH_WORKSPACE": str(workspace)}
    )
    assert result.exit_code != 0
    assert message in str(result.exception) and filename in str(result.exception)
    assert not out.exists() and not (tmp_path / "out.csv.partial").exists()
    assert _audit_count(workspace) == before


def test_xlsx_with_external_links_fails_without_output_or_audit(workspace: Path, tmp_path: Path) -> None:
    src = tmp_path / "linked.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["name"])
    wb.active.append(["ACME"])
    wb.save(src)
    with zipfile.ZipFile(src, "a") as zf:
        zf.writestr("xl/externalLinks/externalLink1.xml", b"<externalLink/>")
    out = tmp_path / "out.xlsx"
    before = _audit_count(workspace)
    result = CliRunner().invoke(
        cli, ["screen", str(src), "--out", str(out)], env={"CHIPWATCH_WORKSPACE": str(workspace)}
    )
    assert result.exit_code != 0 and "external links" in str(result.exception)
    assert not out.exists() and _audit_count(workspace) == before


def test_file_that_breaks_after_chunks_were_written_leaves_no_partial_result(
    workspace: Path, tmp_path: Path
) -> None:
    # 250 good rows (two chunks of 100 already screened and written), then a line with a stray field
    src = tmp_path / "broken.csv"
    rows = [f"Customer {i} Ltd,GB" for i in range(250)]
    src.write_text("name,country\n" + "\n".join(rows) + "\nACME,GB,extra,fields\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    before = _audit_count(workspace)
    result = CliRunner().invoke(
        cli,
        ["screen", str(src), "--out", str(out), "--chunk-rows", "100"],
        env={"CHIPWATCH_WORKSPACE": str(workspace)},
    )
    assert result.exit_code != 0
    assert "broken.csv" in str(result.exception) and "line 252" in str(result.exception)
    assert not out.exists() and not (tmp_path / "out.csv.partial").exists()
    assert _audit_count(workspace) == before


def test_duplicate_rows_are_counted_across_chunks(workspace: Path, tmp_path: Path) -> None:
    src = tmp_path / "dups.csv"
    rows = [f"Customer {i} Ltd,GB" for i in range(150)]
    rows[120] = rows[5]  # a duplicate in the second chunk of a row of the first
    rows[7] = rows[6]  # and one within the first chunk
    src.write_text("name,country\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "dups-out.csv"
    result = _run(workspace, ["screen", str(src), "--out", str(out), "--chunk-rows", "100"])
    assert result.exit_code == 0, result.output
    assert "screened 150 rows" in result.output and "(2 duplicate rows" in result.output
    assert len(pd.read_csv(out, dtype=str)) == 150  # counted, never dropped: one result per input row


PREPARING = "preparing the list index"  # printed just before the index is built: the seam observed
GOOD = b"name,country\nACME,GB\n"


@pytest.mark.parametrize(
    ("content", "out_name", "message"),
    [
        # a cp1252 byte in the last row, far past the first chunk the reader would screen
        (b"name,country\n" + b"Acme Ltd,GB\n" * 30_000 + b"M\xfcller GmbH,DE\n", "out.csv", "not UTF-8"),
        (b"Firm,Country\nACME,GB\n", "out.csv", "no 'name' column"),
        (b"", "out.csv", "the file is empty"),
        (b"name,country\n\n", "out.csv", "header only"),
        (GOOD, "out.txt", "output must end in .csv, .xlsx or .json"),
        (GOOD, "a-file/out.xlsx", "cannot write"),
        (GOOD, "in.csv", "would overwrite the input file"),
    ],
)
def test_a_bad_file_is_refused_before_the_list_index_is_built(
    workspace: Path, tmp_path: Path, content: bytes, out_name: str, message: str
) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(content)
    (tmp_path / "a-file").write_text("a file where the output folder should be")
    out = tmp_path / out_name
    before = _audit_count(workspace)
    result = CliRunner().invoke(
        cli, ["screen", str(src), "--out", str(out)], env={"CHIPWATCH_WORKSPACE": str(workspace)}
    )
    assert result.exit_code != 0
    assert message in str(result.exception)
    assert PREPARING not in result.output  # refused before the index was built
    assert src.read_bytes() == content and not out.with_name(out.name + ".partial").exists()
    assert _audit_count(workspace) == before


def test_a_good_file_says_when_the_list_index_is_built(workspace: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(GOOD)
    result = _run(workspace, ["screen", str(src), "--out", str(tmp_path / "out.csv")])
    assert result.exit_code == 0, result.output
    assert PREPARING in result.output  # the seam the test above relies on is there


@pytest.mark.parametrize(("separator", "called"), [(";", "semicolons (;)"), ("\t", "tabs")])
def test_a_semicolon_or_tab_separated_csv_is_screened_and_the_run_says_so(
    workspace: Path, tmp_path: Path, separator: str, called: str
) -> None:
    # Excel's "CSV" in much of Europe: semicolons, and names quoted when they hold the other separators.
    src = tmp_path / "kunden.csv"
    rows = [["Customer", "Country", "Ref"], ["SME BANK", "RU", "A3"], ["Acme; Widgets, Ltd", "GB", "C1"]]
    src.write_text(
        "".join(separator.join(f'"{c}"' if ";" in c or "," in c else c for c in r) + "\n" for r in rows),
        encoding="utf-8",
    )
    out = tmp_path / "kunden.json"
    result = _run(workspace, ["screen", str(src), "--out", str(out), "--map", "name=Customer"])
    assert result.exit_code == 0, result.output
    assert f"note: CSV columns separated by {called}" in result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [r["Customer"] for r in doc["results"]] == ["SME BANK", "Acme; Widgets, Ltd"]
    assert [r["disposition"] for r in doc["results"]] == ["block", "clear"]
    assert doc["run"]["notes"] == [f"CSV columns separated by {called}, as found from the file's first lines"]


def test_a_confirmation_the_guard_would_refuse_stands_with_a_warning(tmp_path: Path) -> None:
    # A reviewer confirms two entries of one list as one party: the guard would keep them apart.
    # The confirmation stands (a human decision overrides the automatic checks), but resolve's
    # summary and the review listing say what it joins, and the SAME_AS edge carries the reason.
    ingest_list_files(Settings(workspace=tmp_path), [TINY_CSL])
    ids = _list_entry_ids(tmp_path)
    by_list: dict[str, list[str]] = {}
    for i in ids:
        by_list.setdefault(i.split(":")[1], []).append(i)
    a, b = next(v for v in by_list.values() if len(v) > 1)[:2]
    assert _run(tmp_path, ["review", "decide", a, b, "confirm", "--note", "one party"]).exit_code == 0
    warning = "warning: 1 confirmed link(s) join records the anti-chaining guard keeps apart"
    why = f"{a} and {b} are two entries of the same list"
    result = _run(tmp_path, ["resolve"])
    assert result.exit_code == 0, result.output
    assert warning in result.output and why in result.output
    # the clusters are the risk run's: the two entries are one, marked as joined over the guard
    assert "1 joined by a reviewer's confirmation the anti-chaining guard would refuse" in result.output
    clusters = pd.read_parquet(clusters_path(Settings(workspace=tmp_path))).set_index("id")
    assert clusters.at[a, "canonical_id"] == clusters.at[b, "canonical_id"]
    assert clusters.at[a, "over_guard"] and clusters.at[b, "over_guard"]
    listed = _run(tmp_path, ["review"])
    assert warning in listed.output and why in listed.output
    store = open_store(Settings(workspace=tmp_path))
    try:
        [edge] = [e for e in store.neighbours(a, [EdgeKind.SAME_AS]) if b in (e.source, e.target)]
    finally:
        store.close()
    assert edge.props["decision"] == "confirmed"
    assert why in json.loads(edge.props["reasons_json"])[-1]
    # withdrawn: no warning any more
    assert _run(tmp_path, ["review", "decide", a, b, "reject"]).exit_code == 0
    assert warning not in _run(tmp_path, ["review"]).output


def test_review_decide_on_a_screening_hit_stands_until_the_entry_changes(tmp_path: Path) -> None:
    """`review decide cp:… list:…` recorded no entry fingerprint, so screening never applied the
    decision: a rejected false positive came back at once, its reason saying the entry "has
    changed since" although nothing had changed."""
    from graph.resolve.review import counterparty_id

    ws = tmp_path / "ws"
    ingest_list_files(Settings(workspace=ws), [TINY_CSL])
    customers = tmp_path / "customers.csv"
    customers.write_text("name,country\nSME BANK,RU\n", encoding="utf-8")

    def top() -> tuple[str, str]:
        out = tmp_path / "out.csv"
        assert _run(ws, ["screen", str(customers), "--out", str(out)]).exit_code == 0
        row = pd.read_csv(out, dtype=str, keep_default_na=False).iloc[0]
        return row["top_match_id"], row["top_match_reasons"]

    entry, _ = top()
    result = _run(ws, ["review", "decide", counterparty_id("SME BANK", "RU"), entry, "reject"])
    assert result.exit_code == 0, result.output
    assert top()[0] != entry  # the false positive stays dismissed while the entry is unchanged
    # the list's next version changes the entry (a further sanctions programme): asked again
    changed = tmp_path / "csl_v2.csv"
    text = TINY_CSL.read_text(encoding="utf-8")
    changed.write_text(text.replace('"UKRAINE-EO13662","SME BANK"', '"RUSSIA-EO14024","SME BANK"', 1))
    ingest_list_files(Settings(workspace=ws), [changed])
    again, reasons = top()
    assert again == entry and "changed since" in reasons


def test_rescreen_says_what_the_list_changed_in_which_version(tmp_path: Path) -> None:
    """An exposure found by rescreen names the change behind it (added, or which fields changed)
    and the list version and its date: a new listing and a changed one needed telling apart."""
    from ingest.trade.load import ingest_trade_file

    ws = tmp_path / "ws"
    settings = Settings(workspace=ws)
    companies = tmp_path / "companies.csv"
    companies.write_text("company_id,name,country\n3,SME Bank JSC,RU\n", encoding="utf-8")
    ingest_trade_file(settings, "companies", companies)
    ingest_list_files(settings, [TINY_CSL])
    changed = tmp_path / "csl_v2.csv"
    text = TINY_CSL.read_text(encoding="utf-8")
    changed.write_text(text.replace('"UKRAINE-EO13662","SME BANK"', '"RUSSIA-EO14024","SME BANK"', 1))
    version = ingest_list_files(settings, [changed]).files[0]
    out = tmp_path / "exposures.csv"
    assert _run(ws, ["rescreen", "--out", str(out)]).exit_code == 0
    row = pd.read_csv(out, dtype=str, keep_default_na=False).iloc[0]
    ingested = load_list_tables(settings).versions.iloc[-1]["ingested_at"]
    assert row["list_change"] == f"changed (programs) in csl v2 ({version.version_id}, ingested {ingested})"
    record = audit.read(settings)[-1]
    assert record.event == "rescreen_run" and record.payload["list_versions"] == [version.version_id]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_rescreen_without_exposures_still_writes_the_table_header(tmp_path: Path, suffix: str) -> None:
    """No exposure (e.g. the update only re-lists an entry nobody matches) wrote a 0-byte CSV,
    which Excel and pandas refuse as no table at all."""
    ws = tmp_path / "ws"
    ingest_list_files(Settings(workspace=ws), [TINY_CSL])
    out = tmp_path / f"exposures{suffix}"
    result = _run(ws, ["rescreen", "--out", str(out)])
    assert result.exit_code == 0 and "0 new or changed exposures" in result.output
    if suffix == ".csv":
        frame = pd.read_csv(out)
        assert frame.empty and {"name", "disposition", "top_match_id", "list_change"} <= set(frame.columns)
    elif suffix == ".xlsx":
        sheet = openpyxl.load_workbook(out, read_only=True)["results"]
        assert "list_change" in next(sheet.iter_rows(values_only=True))
    else:
        assert json.loads(out.read_text(encoding="utf-8"))["results"] == []


def test_two_list_updates_between_rescreens_lose_no_exposure(tmp_path: Path) -> None:
    """rescreen looked only at what each feed's newest version changed: after two updates without a
    rescreen between them, the first update's new listings were never re-screened."""
    from ingest.trade.load import ingest_trade_file

    ws = tmp_path / "ws"
    settings = Settings(workspace=ws)
    companies = tmp_path / "companies.csv"
    companies.write_text("company_id,name,country\n3,SME Bank JSC,RU\n", encoding="utf-8")
    ingest_trade_file(settings, "companies", companies)
    pipeline = ROOT / "tests" / "fixtures" / "lists_pipeline"
    v1 = ingest_list_files(settings, [pipeline / "csl_v1.csv"]).files[0].version_id
    out = tmp_path / "exposures.csv"
    assert _run(ws, ["rescreen", "--out", str(out)]).exit_code == 0
    ingest_list_files(settings, [pipeline / "csl_v2.csv"])  # lists SME BANK
    v3_file = tmp_path / "csl_v3.csv"
    text = (pipeline / "csl_v2.csv").read_text(encoding="utf-8")
    v3_file.write_text(text.replace('"Atlas Sanatgaran"', '"Atlas Sanatgaran Trading"', 1), encoding="utf-8")
    v3 = ingest_list_files(settings, [v3_file]).files[0].version_id  # renames another entry
    for _ in range(2):  # a rerun gives the same answer
        result = _run(ws, ["rescreen", "--out", str(out)])
        assert result.exit_code == 0 and "1 new or changed exposures" in result.output, result.output
        row = pd.read_csv(out, dtype=str, keep_default_na=False).iloc[0]
        assert row["name"] == "SME Bank JSC"
        assert row["list_change"].startswith(f"added since csl v1 ({v1}, ingested ")
        assert f", now csl v3 ({v3}, ingested " in row["list_change"]
