"""``chipwatch generate`` and ``chipwatch ingest companies|…`` through click."""

from __future__ import annotations

import click
from click.testing import CliRunner

from chipwatch.commands import generate, ingest_trade


def group() -> click.Group:
    root = click.Group("chipwatch")
    generate.register(root)
    ingest = click.Group("ingest")
    ingest_trade.register_ingest(ingest)
    root.add_command(ingest)
    return root


def test_generate_then_ingest(tmp_path):
    runner = CliRunner()
    out = tmp_path / "world"
    result = runner.invoke(
        group(), ["generate", "--companies", "300", "--shipments", "500", "--seed", "3", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "300 companies" in result.output and (out / "ground_truth.json").exists()
    env = {"CHIPWATCH_WORKSPACE": str(tmp_path / "ws")}
    result = runner.invoke(
        group(), ["ingest", "companies", str(out / "companies.csv"), "--no-graph"], env=env
    )
    assert result.exit_code == 0, result.output
    assert "300 companies" in result.output
    result = runner.invoke(
        group(), ["ingest", "companies", str(out / "companies.csv"), "--no-graph"], env=env
    )
    assert "nothing (already loaded)" in result.output


def test_ingest_bad_mapping_names_the_column(tmp_path):
    data = tmp_path / "v.csv"
    data.write_text("Firm,Land\nA Ltd,DE\n")
    mapping = tmp_path / "m.yaml"
    mapping.write_text("name: Company Name\ncountry: Land\n")
    result = CliRunner().invoke(
        group(),
        ["ingest", "companies", str(data), "--mapping", str(mapping), "--no-graph"],
        env={"CHIPWATCH_WORKSPACE": str(tmp_path / "ws")},
    )
    assert result.exit_code != 0
    assert "Company Name" in str(result.exception) and "v.csv" in str(result.exception)
