"""``chipwatch compare``: one pair (text and JSON) and the bulk CSV mode on real pairs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from chipwatch.cli import cli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "resolve" / "pairs_sample.csv"


def test_compare_prints_score_decision_reasons() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "compare",
            "Shenzhen Huaxin Electronic Technology Co., Ltd.",
            "SHENZHEN HUAXIN ELEC TECH CO",
            "--country-a",
            "CN",
            "--country-b",
            "CN",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "decision  match" in result.output
    assert "country" in result.output and "name" in result.output


def test_compare_json() -> None:
    result = CliRunner().invoke(cli, ["compare", "LLC", "Trading Company", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["decision"] == "no"
    assert 0 <= data["score"] < 0.5
    assert data["reasons"][0]["feature"] == "name"


def test_compare_bulk(tmp_path: Path) -> None:
    src = tmp_path / "pairs.csv"
    with FIXTURE.open(encoding="utf-8", newline="") as fh, src.open("w", encoding="utf-8", newline="") as out:
        rows = list(csv.DictReader(fh))
        w = csv.writer(out)
        w.writerow(["name_a", "name_b", "kind"])
        for r in rows:
            w.writerow([r["name_a"], r["name_b"], r["kind"]])
    dest = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["compare", "--pairs", str(src), "--out", str(dest)])
    assert result.exit_code == 0, result.output
    with dest.open(encoding="utf-8", newline="") as fh:
        got = list(csv.DictReader(fh))
    assert len(got) == len(rows)
    assert {g["decision"] for g in got} <= {"match", "possible", "no"}
    assert all(0.0 <= float(g["score"]) <= 1.0 and g["reasons"] for g in got)


def test_compare_bulk_bad_kind_names_row_and_field(tmp_path: Path) -> None:
    src = tmp_path / "pairs.csv"
    src.write_text("name_a,name_b,kind\nAcme,Acme Ltd,company\nX,Y,planet\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", "--pairs", str(src), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code != 0
    assert "row 2 (line 3), field 'kind'" in str(result.exception)


def test_compare_a_record_of_unknown_kind_with_a_person() -> None:
    # a bill-of-lading consignee (no kind published) against an Entity List person
    args = ["compare", "Feroz Khan", "FREOZ KHAN", "--kind-a", "person", "--kind-b", "unknown", "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["decision"] == "match"
    features = {r["feature"]: r["detail"] for r in data["reasons"]}
    assert "kind" not in features
    assert "'FREOZ KHAN' is unknown" in features["kind_unknown"]


def test_compare_bulk_kind_per_side(tmp_path: Path) -> None:
    src = tmp_path / "pairs.csv"
    src.write_text(
        "name_a,name_b,kind_a,kind_b\n"
        "Feroz Khan,FREOZ KHAN,person,unknown\n"
        "Feroz Khan,FREOZ KHAN,person,company\n",
        encoding="utf-8",
    )
    dest = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["compare", "--pairs", str(src), "--out", str(dest)])
    assert result.exit_code == 0, result.output
    with dest.open(encoding="utf-8", newline="") as fh:
        got = list(csv.DictReader(fh))
    assert [g["decision"] for g in got] == ["match", "no"]
    assert [g["kind_b"] for g in got] == ["unknown", "company"]
    assert "kind_unknown" in got[0]["reasons"] and "different kinds" in got[1]["reasons"]


def test_compare_bulk_writes_only_csv(tmp_path: Path) -> None:
    src = tmp_path / "pairs.csv"
    src.write_text("name_a,name_b\nAcme,Acme Ltd\n", encoding="utf-8")
    dest = tmp_path / "scored.xlsx"
    result = CliRunner().invoke(cli, ["compare", "--pairs", str(src), "--out", str(dest)])
    assert result.exit_code != 0 and "must end in .csv" in str(result.exception)
    assert not dest.exists()


def test_compare_bulk_mis_encoded_pairs_name_row_and_field(tmp_path: Path) -> None:
    src = tmp_path / "pairs.csv"
    src.write_bytes("name_a,name_b\nAcme,Acme Ltd\nMüller GmbH,Mueller GmbH\n".encode("cp1252"))
    result = CliRunner().invoke(cli, ["compare", "--pairs", str(src), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code != 0
    assert (result.exception.row, result.exception.field) == (2, "name_a")
    assert "row 2 (line 3), field 'name_a'" in str(result.exception)


def test_compare_bulk_names_a_semicolon_separated_file(tmp_path: Path) -> None:
    src = tmp_path / "pairs.csv"
    src.write_text('name_a;name_b;kind\n"Acme, Inc";Acme Inc;company\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", "--pairs", str(src), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code != 0
    message = str(result.exception)
    assert "the header reads as one column 'name_a;name_b;kind'" in message
    assert "separated by semicolons (;)" in message and "save it as a CSV separated by commas" in message


def test_compare_never_shows_a_score_as_a_threshold_it_is_below(monkeypatch) -> None:
    import chipwatch.commands.compare as command
    from graph.resolve.compare import Decision, Match

    monkeypatch.setattr(command, "compare", lambda a, b: Match(0.79996, Decision.POSSIBLE, ()))
    result = CliRunner().invoke(cli, ["compare", "A", "B"])
    assert result.exit_code == 0, result.output
    assert "score     0.79996\ndecision  possible\n" in result.output  # not "0.800" (match)
    assert command.compare_score_text(0.9973) == "0.997"  # nor a possible pair as certain
    assert command.compare_score_text(0.91996, digits=4) == "0.91996"  # nor at resolve's link


def test_bulk_reasons_say_which_way_each_pushes(tmp_path: Path) -> None:
    src, dest = tmp_path / "pairs.csv", tmp_path / "out.csv"
    rows = ["name_a,name_b", "TARIQ GIDAR GROUP (TGG),TARIQ GIDAR AFRIDI GROUP", "BLUE AIRWAYS,DENA AIRWAYS"]
    src.write_text("\n".join(rows) + "\n")
    result = CliRunner().invoke(cli, ["compare", "--pairs", str(src), "--out", str(dest)])
    assert result.exit_code == 0, result.output
    with dest.open(encoding="utf-8", newline="") as fh:
        match, siblings = (row["reasons"] for row in csv.DictReader(fh))
    assert match.startswith("name (+3.96 towards a match): ")
    assert "own_acronym (no weight of its own): " in match
    assert "unpaired_words (-3.00 against a match): " in siblings


def test_text_reasons_say_what_their_numbers_are() -> None:
    result = CliRunner().invoke(cli, ["compare", "BLUE AIRWAYS", "DENA AIRWAYS"])
    assert result.exit_code == 0, result.output
    assert "reasons   (log-odds points for (+) or against (-) a match" in result.output
