"""A list file loaded by an older version of the product's reading is read again, once."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.errors import InputFileError
from chipwatch.settings import Settings
from graph.lists.versions import resolve_version
from graph.model import NodeKind
from graph.stores import open_store
from graph.tables.lists import list_table_path, load_list_tables
from ingest.lists.model import EntityKind, ReadResult
from ingest.lists.pipeline import ingest_list_files
from ingest.lists.provenance import READ_VERSION
from ingest.lists.read import read_list_file
from tests.ingest.lists.list_state import table_bytes as _table_bytes

TYPELESS = Path(__file__).resolve().parents[2] / "fixtures" / "lists_pipeline" / "csl_typeless_people.csv"
HAQQANI = "Jalaluddin Haqqani"  # Entity List row with no type: a company before name_kind, a person now
#: The note of a version read again by the current reader from a version 1 reading.
REREAD = f"re-read: reader version 1 → {READ_VERSION}"
#: CSL sources whose typeless rows the reader before name_kind took as companies (csl_csv._ORG_SOURCES).
ORG_LISTS = {"US_EL", "US_MEU", "US_MIEU", "US_UVL", "US_ISN", "US_CMIC"}


def _reader_v1(path: Path, fmt: str | None) -> ReadResult:
    """The reading of version 1: a typeless row kept its list's default kind, whatever its name."""
    result = read_list_file(path, fmt)
    result.entries = [
        dataclasses.replace(
            e,
            kind=EntityKind.COMPANY if e.list.value in ORG_LISTS else EntityKind.UNKNOWN,
            kind_source="default",
            kind_evidence="",
        )
        if e.kind_source == "name"
        else e
        for e in result.entries
    ]
    return result


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(workspace=tmp_path / "ws")


def _graph_kinds(settings: Settings) -> dict[str, str]:
    store = open_store(settings)
    try:
        frame = store.nodes_frame(NodeKind.LIST_ENTRY)
        return dict(zip(frame["name"], frame["entity_kind"], strict=True))
    finally:
        store.close()


def _load_as_version_1(settings: Settings) -> None:
    first = ingest_list_files(settings, [TYPELESS], reader=_reader_v1, reader_version=1)
    assert first.files[0].status == "new"
    assert _graph_kinds(settings)[HAQQANI] == "company"


def test_the_current_reading_includes_the_name_kind_the_list_prose_and_quotes_changes() -> None:
    # 2: name_kind (below); 3: the list prose's connective "and" (test_and_prose.py);
    # 4: names written wholly in quotes read without them (test_quoted_names.py)
    assert READ_VERSION == 4


def test_same_reader_version_is_unchanged(settings: Settings) -> None:
    _load_as_version_1(settings)
    before = _table_bytes(settings)
    again = ingest_list_files(settings, [TYPELESS], reader=_reader_v1, reader_version=1)
    assert [f.status for f in again.files] == ["unchanged"]
    assert _table_bytes(settings) == before


def test_a_newer_reader_reads_the_file_again_once_and_diffs_the_kind(settings: Settings) -> None:
    _load_as_version_1(settings)
    reread = ingest_list_files(settings, [TYPELESS])
    out = reread.files[0]
    assert (out.status, out.feed, out.seq) == ("new", "csl", 2)
    assert out.note == REREAD
    assert REREAD in reread.summary()
    assert out.version_id != out.previous_version_id  # version ids stay unique keys

    changed = reread.diffs[reread.diffs["change"] == "changed"]
    haqqani = changed[changed["name"] == HAQQANI]
    assert len(haqqani) == 1 and json.loads(haqqani.iloc[0]["fields_json"]) == ["kind"]
    # only the rows read differently changed: the typed and the organisation rows did not
    assert set(changed["name"]) == {
        "Jalaluddin Haqqani",
        "Khalil Zadran",
        "Sergey Nikolayevich Sanaev",
    }
    assert set(reread.diffs["change"]) == {"changed"}

    versions = load_list_tables(settings).versions.sort_values("seq")
    assert list(versions["reader_version"]) == [1.0, float(READ_VERSION)]
    assert list(versions["note"]) == [None, REREAD]
    assert versions.iloc[0]["sha256"] == versions.iloc[1]["sha256"]
    # the file's SHA-256 prefix names its latest reading
    assert resolve_version(versions, "csl", versions.iloc[0]["sha256"][:12])["seq"] == 2
    assert _graph_kinds(settings)[HAQQANI] == "person"

    before = _table_bytes(settings)
    second = ingest_list_files(settings, [TYPELESS])
    assert [f.status for f in second.files] == ["unchanged"] and not second.changed
    assert _table_bytes(settings) == before


def test_rows_written_before_the_reader_version_count_as_version_1(settings: Settings) -> None:
    _load_as_version_1(settings)
    path = list_table_path(settings, "list_versions")
    pd.read_parquet(path).drop(columns=["reader_version", "note"]).to_parquet(path, index=False)
    assert ingest_list_files(settings, [TYPELESS], reader=_reader_v1, reader_version=1).files[0].status == (
        "unchanged"
    )
    assert ingest_list_files(settings, [TYPELESS]).files[0].note == REREAD


def test_an_older_file_of_the_feed_is_not_read_back_over_a_newer_one(
    settings: Settings, tmp_path: Path
) -> None:
    _load_as_version_1(settings)
    newer = tmp_path / "csl_newer.csv"
    lines = TYPELESS.read_text(encoding="utf-8").splitlines(keepends=True)
    newer.write_text("".join(lines[:-1]), encoding="utf-8")  # the next publication drops a row
    ingest_list_files(settings, [newer], reader=_reader_v1, reader_version=1)
    before = _table_bytes(settings)
    assert ingest_list_files(settings, [TYPELESS]).files[0].status == "unchanged"
    assert _table_bytes(settings) == before


def test_a_failed_reread_leaves_the_previous_state(settings: Settings, tmp_path: Path) -> None:
    _load_as_version_1(settings)
    before_tables, before_kinds = _table_bytes(settings), _graph_kinds(settings)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError):
        ingest_list_files(settings, [TYPELESS, empty])
    assert _table_bytes(settings) == before_tables
    assert _graph_kinds(settings) == before_kinds
    assert not list(settings.tables_dir.glob(".*.tmp"))
    # and the re-read then goes through
    assert ingest_list_files(settings, [TYPELESS]).files[0].note == REREAD


def test_the_commands_say_why_a_file_was_read_again(settings: Settings) -> None:
    from click.testing import CliRunner

    from chipwatch.cli import cli

    _load_as_version_1(settings)
    env = {"CHIPWATCH_WORKSPACE": str(settings.workspace), "CHIPWATCH_STORE": "networkx"}

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    out = run("ingest", "lists", str(TYPELESS))
    assert "version 2" in out and f"({REREAD})" in out
    assert REREAD in run("lists")
    assert f"~ list:US_EL:EL:3f97deaf31b9b6cf89c58c3a2140f649fb94130e  {HAQQANI}  [kind]" in run(
        "lists", "diff", "csl"
    )
    assert "nothing changed" in run("ingest", "lists", str(TYPELESS))


def test_neo4j_store_gets_the_new_reading(neo4j_settings: Settings, tmp_path: Path) -> None:
    neo = neo4j_settings.with_(workspace=tmp_path / "neo")
    store = open_store(neo)
    try:
        store.clear()
    finally:
        store.close()
    _load_as_version_1(neo)
    assert ingest_list_files(neo, [TYPELESS]).files[0].note == REREAD
    assert not ingest_list_files(neo, [TYPELESS]).changed
    kinds = _graph_kinds(neo)
    assert kinds[HAQQANI] == "person" and kinds["Fast Aviation"] == "company"
