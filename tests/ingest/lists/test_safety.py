"""Bad and hostile list files: each is refused with an error naming file, row/line and field."""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from chipwatch.errors import ChipwatchError, InputFileError
from ingest.lists import safe
from ingest.lists.read import detect_format, read_list_file

ROOT = Path(__file__).resolve().parents[3]
FIX = ROOT / "tests" / "fixtures" / "lists"
CSL_2025 = FIX / "csl" / "consolidated_2025_tiny.csv"
CSL_2025_JSON = FIX / "csl" / "consolidated_2025_tiny.json"
OFAC_TINY = FIX / "ofac" / "tiny"
SDN_XML = FIX / "ofac" / "non_sdn" / "consolidated_sdnlist_schema_2018-05.xml.gz"
UN = ROOT / "data" / "lists" / "un" / "UN_consolidated.xml"
DPL = ROOT / "data" / "lists" / "bis" / "dpl_2023-11.txt"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&lol9;</FIRST_NAME>
</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def refused(path: Path, fmt: str | None = None) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        read_list_file(path, fmt)
    assert str(path) in str(info.value)
    assert isinstance(info.value, ChipwatchError)
    return info.value


@pytest.fixture
def limit() -> Iterator[None]:
    yield
    safe.set_max_bytes(safe.DEFAULT_MAX_BYTES)


# --- empty, truncated, missing columns, encoding ---------------------------------------------


@pytest.mark.parametrize("name", ["consolidated.csv", "sdn.csv", "UN_consolidated.xml", "list.json"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    err = refused(write(tmp_path / name, b""))
    assert err.reason == "file is empty"


def test_whitespace_only_file_with_format(tmp_path: Path) -> None:
    err = refused(write(tmp_path / "blank.csv", b"\n\n  \n"), "csl-csv")
    assert err.reason == "file is empty"


def test_truncated_csv_names_the_line(tmp_path: Path) -> None:
    data = CSL_2025.read_bytes()
    cut = data.rfind(b'"Entity List') + 5  # inside the quoted source of the last record
    err = refused(write(tmp_path / "consolidated.csv", data[:cut]))
    assert err.line == 13
    assert "unterminated quote" in err.reason


def test_truncated_csv_inside_a_gzip_is_refused(tmp_path: Path) -> None:
    data = gzip.compress(CSL_2025.read_bytes())
    err = refused(write(tmp_path / "consolidated.csv.gz", data[: len(data) // 2]), "csl-csv")
    assert "decompress" in err.reason


def test_missing_required_column(tmp_path: Path) -> None:
    text = CSL_2025.read_text(encoding="utf-8").replace(",name,", ",nom,", 1)
    err = refused(write(tmp_path / "consolidated.csv", text.encode()))
    assert (err.line, err.field) == (1, "name")
    assert f"{tmp_path / 'consolidated.csv'}, line 1, field 'name'" in str(err)


def test_missing_column_in_dpl(tmp_path: Path) -> None:
    text = DPL.read_text(encoding="utf-8").replace('\t"FR_Citation"', '\t"Citation"', 1)
    err = refused(write(tmp_path / "dpl.txt", text.encode()), "bis-dpl")
    assert err.field == "FR_Citation"


def test_wrong_encoding_names_line_and_byte_offset(tmp_path: Path) -> None:
    text = CSL_2025.read_text(encoding="utf-8")
    data = text.encode("cp1252", errors="replace")
    bad = next(i for i, b in enumerate(data) if b >= 0x80)
    err = refused(write(tmp_path / "consolidated.csv", data))
    assert err.line == data.count(b"\n", 0, bad) + 1 == 4
    assert f"byte offset {bad}" in err.reason and "utf-8" in err.reason


def test_ofac_row_with_wrong_field_count(tmp_path: Path) -> None:
    for name in ("sdn.csv", "add.csv", "alt.csv"):
        (tmp_path / name).write_bytes((OFAC_TINY / name).read_bytes())
    lines = (tmp_path / "add.csv").read_bytes().splitlines(keepends=True)
    lines[2] = b'999,1,"just a street"\r\n'
    (tmp_path / "add.csv").write_bytes(b"".join(lines))
    err = refused(tmp_path)
    assert err.path == str(tmp_path / "add.csv") and err.line == 3
    assert "expected 6 fields" in err.reason


def test_unparseable_rows_are_rejected_not_fatal(tmp_path: Path) -> None:
    lines = CSL_2025.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace("Unverified List (UVL)", "Some Other List (XYZ)", 1)
    lines[3] = lines[3].replace('"Academy of Aerospace Solid Propulsion Technology (AASPT)"', '""', 1)
    result = read_list_file(write(tmp_path / "consolidated.csv", "".join(lines).encode()))
    assert result.rows_read == 13 and len(result.entries) == 11
    by_line = {r.line: r for r in result.rejected}
    assert by_line[3].field == "source" and "XYZ" in by_line[3].reason
    assert by_line[4].field == "name"


# --- JSON / XML schema -------------------------------------------------------------------------


def test_json_not_the_csl_schema(tmp_path: Path) -> None:
    path = write(tmp_path / "list.json", json.dumps({"data": [{"name": "x"}]}).encode())
    assert "not a recognised list format" in refused(path).reason
    err = refused(path, "csl-json")
    assert err.field == "results"


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    text = CSL_2025_JSON.read_text(encoding="utf-8")
    err = refused(write(tmp_path / "list.json", text[: len(text) // 2].encode()))
    assert err.line is not None and err.line > 100 and "not valid JSON" in err.reason


@pytest.mark.parametrize(
    ("source", "fmt", "expected"),
    [
        (SDN_XML, "un-xml", "CONSOLIDATED_LIST"),
        (UN, "ofac-xml", "sdnList"),
        (UN, "ofac-enhanced-xml", "sanctionsData"),
    ],
)
def test_xml_not_the_expected_schema(source: Path, fmt: str, expected: str) -> None:
    err = refused(source, fmt)
    assert err.field == expected and f"expected <{expected}>" in err.reason


def test_truncated_xml_names_the_line(tmp_path: Path) -> None:
    data = UN.read_bytes()
    err = refused(write(tmp_path / "UN_consolidated.xml", data[: len(data) // 2]))
    assert err.line is not None and err.line > 1000 and "not well-formed" in err.reason


def test_non_xml_read_as_xml(tmp_path: Path) -> None:
    err = refused(CSL_2025, "un-xml")
    assert err.line == 1


# --- hostile XML -------------------------------------------------------------------------------


def test_doctype_refused(tmp_path: Path) -> None:
    data = UN.read_bytes().replace(b"?>", b"?>\n<!DOCTYPE CONSOLIDATED_LIST>", 1)
    err = refused(write(tmp_path / "un.xml", data))
    assert "DOCTYPE" in err.reason


def test_external_entity_refused_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE sdnList [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        "<sdnList><sdnEntry><uid>1</uid><lastName>&xxe;</lastName></sdnEntry></sdnList>"
    ).encode()
    err = refused(write(tmp_path / "sdn.xml", data))
    assert "refused" in err.reason and "TOP-SECRET" not in str(err)


def test_billion_laughs_refused_quickly(tmp_path: Path) -> None:
    start = time.perf_counter()
    err = refused(write(tmp_path / "un.xml", BILLION_LAUGHS))
    assert time.perf_counter() - start < 2
    assert "refused" in err.reason


def test_streaming_reader_refuses_entities_too(tmp_path: Path) -> None:
    data = BILLION_LAUGHS.replace(b"CONSOLIDATED_LIST", b"sanctionsData")
    err = refused(write(tmp_path / "SDN_ENHANCED.XML", data), "ofac-enhanced-xml")
    assert "refused" in err.reason


# --- ZIP, huge garbage, unknown format ---------------------------------------------------------


def test_zip_that_is_not_a_list(tmp_path: Path) -> None:
    archive = tmp_path / "lists.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("README.txt", "nothing to see here\n")
        zf.writestr("logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(InputFileError) as info:
        detect_format(archive)
    assert "ZIP holds no list" in info.value.reason and "README.txt" in info.value.reason
    refused(archive)


def test_zip_with_a_list_is_read(tmp_path: Path) -> None:
    archive = tmp_path / "un.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(UN, "UN_consolidated.xml")
    assert detect_format(archive) == "un-xml"
    assert len(read_list_file(archive).entries) == 1003


def test_zip_bomb_refused(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("sdn.csv", bytes(40 * 2**20))
    err = refused(archive)
    assert "zip bomb" in err.reason


def test_one_gigabyte_of_garbage_refused_quickly(tmp_path: Path, limit: None) -> None:
    huge = tmp_path / "sdn.csv"
    with huge.open("wb") as fh:
        fh.truncate(2**30)  # sparse: 1 GiB of NUL bytes without writing them
    tracemalloc.start()
    start = time.perf_counter()
    err = refused(huge)
    assert "larger than the 512 MiB limit" in err.reason
    safe.set_max_bytes(2**31)  # even when allowed by size, detection reads only the head
    garbage = tmp_path / "garbage.bin"
    with garbage.open("wb") as fh:
        fh.truncate(2**30)
    err = refused(garbage)
    assert "not a recognised list format" in err.reason and "csl-csv" in err.reason
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 2
    assert peak < 16 * 2**20


def test_unknown_format_lists_the_known_ones() -> None:
    err = refused(DPL, "nope")
    assert err.field == "format"
    for fmt in ("csl-csv", "csl-json", "ofac-csv", "ofac-xml", "ofac-enhanced-xml", "un-xml", "bis-dpl"):
        assert fmt in err.reason


def test_missing_file(tmp_path: Path) -> None:
    assert refused(tmp_path / "nothing.csv").reason == "file not found"


def test_format_override_beats_detection(tmp_path: Path) -> None:
    renamed = write(tmp_path / "export.dat", DPL.read_bytes())
    assert detect_format(renamed) == "bis-dpl"
    assert len(read_list_file(renamed, "bis-dpl").entries) == 663


def test_truncated_xml_gzip_is_refused_naming_the_file(tmp_path: Path) -> None:
    # Streamed: the cut-off gzip stream ends in EOFError, which the CLI showed as a bare "Aborted."
    enhanced = FIX / "ofac" / "non_sdn" / "CONS_ENHANCED.XML.gz"
    path = write(tmp_path / "cons_cut.xml.gz", enhanced.read_bytes()[:20_000])
    with pytest.raises(InputFileError, match="cannot decompress") as err:
        read_list_file(path)
    assert "cons_cut.xml.gz" in str(err.value)


def test_csl_json_rejections_name_the_result_not_a_line(tmp_path: Path) -> None:
    # A JSON result's place is its index in "results": the reason says it, no "line" is invented.
    doc = json.loads((FIX / "csl" / "consolidated_2025_tiny.json").read_text(encoding="utf-8"))
    n = len(doc["results"])
    doc["results"] += [3, {**doc["results"][0], "name": "", "source": "Some Other List (XYZ)"}]
    path = tmp_path / "csl.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = read_list_file(path)
    assert [(r.line, r.reason) for r in result.rejected] == [
        (None, f"results[{n}] is not an object"),
        (None, f"results[{n + 1}]: unknown CSL source 'Some Other List (XYZ)'"),
    ]
    assert result.entries[0].raw_ref == "csl.json:results[0]"
