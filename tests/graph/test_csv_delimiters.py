"""Telling a CSV's separator from its first lines, and the tell of a file read with the wrong one."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.csv_delimiters import SAMPLE_LINES, file_sample, one_column_reason, sniff_delimiter


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("name;country\nACME;DE\n", ";"),
        ("name\tcountry\nACME\tDE\n", "\t"),
        ("name,country\nACME,DE\n", ","),
        ('id;name\n1;"Müller; Söhne, GmbH"\n2;"A, B"\n', ";"),
        ('id,name\n1,"A; B"\n2,"C; D; E"\n3,"F;G"\n', ","),
        ("id;name;amount\n1;ACME;1,5\n2;Beta, Inc;2,75\n", ";"),  # decimal commas
        # One line holding both: the header alone would be read with commas.
        ("Firma;Land;Anschrift, Ort\nACME;DE;Hauptstr. 1\nBeta;AT;Ring 2\n", ";"),
        ("CompanyName, CompanyNumber,RegAddress.CareOf\nACME,1,\n", ","),  # Companies House
        # One column: pandas' sep=None splits "name" at a letter; semicolons in names split nothing.
        ('name\n"Acme, Inc"\nBeta\n', ","),
        ("name\n" + "A;B\n" * 30, ","),
        ("", ","),
    ],
)
def test_sniff_delimiter(sample: str, expected: str) -> None:
    assert sniff_delimiter(sample) == expected


def test_file_sample_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("name;note\n" + "ACME;" + "x" * 200_000 + "\n" + "B;y\n" * 100, encoding="utf-8")
    assert file_sample(path) == "name;note\n"  # the header always, then whole lines within the budget
    path.write_text("\ufeffname;note\n" + "B;y\n" * 100, encoding="utf-8")
    sample = file_sample(path)
    assert sample.startswith("name;note") and sample.count("\n") == SAMPLE_LINES + 1


def test_one_column_reason_names_the_separator() -> None:
    reason = one_column_reason(["company_id;name;country"], "save it with commas")
    assert (
        reason is not None
        and "separated by semicolons (;)" in reason
        and reason.endswith("save it with commas")
    )
    assert "separated by tabs" in (one_column_reason(["a\tb"], "x") or "")
    assert one_column_reason(["name"], "x") is None and one_column_reason(["a;b", "c"], "x") is None
