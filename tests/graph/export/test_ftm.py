"""The FollowTheMoney export: every line an entity valid under the published FtM schema (extract in
tests/fixtures/export/ftm_schema.yaml), topics from FtM's vocabulary, stable ids, Sanction links."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry
import pytest
import yaml

from chipwatch.settings import Settings
from graph.export.ftm import ftm_id
from graph.export.risk_table import RiskFilter
from graph.export.run import export_risk_list
from tests.graph.export.conftest import FIXTURES, HOSTILE_NAME, LISTED_COMPANY, MEU_ENTRY, OWNED_COMPANY

MODEL = yaml.safe_load((FIXTURES / "ftm_schema.yaml").read_text(encoding="utf-8"))
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def properties(schema: str) -> set[str]:
    spec = MODEL["schemata"][schema]
    props = set(spec["properties"])
    for parent in spec.get("extends", []):
        props |= properties(parent)
    return props


@pytest.fixture(scope="module")
def lines(export_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    out: Path = tmp_path_factory.mktemp("ftm") / "risk.ftm.jsonl"
    summary = export_risk_list(export_settings, RiskFilter(min_score=1), out, "ftm")
    text = out.read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines()]
    assert summary.lines == len(records) and summary.rows < len(records)
    again = tmp_path_factory.mktemp("ftm2") / "again.jsonl"
    export_risk_list(export_settings, RiskFilter(min_score=1), again, "ftm")
    assert again.read_text(encoding="utf-8") == text  # ids and content stable across exports
    return records


def test_every_line_is_valid_under_the_ftm_schema(lines) -> None:
    ids = {r["id"] for r in lines}
    assert len(ids) == len(lines)
    types = MODEL["types"]
    for r in lines:
        schema = r["schema"]
        assert schema in MODEL["schemata"] and not MODEL["schemata"][schema].get("abstract"), schema
        props = r["properties"]
        unknown = set(props) - properties(schema)
        assert not unknown, f"{schema} has no {unknown}"
        for name, values in props.items():
            assert isinstance(values, list) and values and all(isinstance(v, str) and v for v in values)
            if name in types["country"] or name == "country":
                assert all(pycountry.countries.get(alpha_2=v.upper()) and v == v.lower() for v in values)
            if name in types["date"]:
                assert all(DATE.match(v) for v in values), (name, values)
            if name in types["entity"]:
                assert all(v in ids for v in values)  # references resolve inside the file
        assert set(props.get("topics", [])) <= set(MODEL["topics"])
        for required in MODEL["schemata"][schema].get("required", ["name"] if schema != "Sanction" else []):
            assert required in props


def test_entities_carry_names_topics_and_risk_notes(lines) -> None:
    by_ref = {r["referents"][0]: r for r in lines if r["schema"] != "Sanction"}
    listed = by_ref[LISTED_COMPANY]
    assert listed["schema"] == "Company" and listed["id"] == ftm_id(LISTED_COMPANY)
    # Listed (export.control) and, as the CN parent of a HK company, flagged D5_PARENT_OF_FOREIGN.
    assert listed["properties"]["topics"] == ["export.control", "export.risk"] and listed["target"] is True
    assert "flag:D5_PARENT_OF_FOREIGN" in listed["properties"]["keywords"]
    assert "chipwatch risk score 100" in listed["properties"]["notes"][0]
    owned = by_ref[OWNED_COMPANY]
    assert "export.control.linked" in owned["properties"]["topics"]  # BIS Affiliates rule
    assert "flag:OWNED_BY_LISTED" in owned["properties"]["keywords"]
    assert any("OWNED_BY_LISTED" in n for n in owned["properties"]["notes"])
    hostile = by_ref["list:CUSTOM:HOSTILE-1"]
    assert hostile["properties"]["name"] == [HOSTILE_NAME] and hostile["schema"] == "LegalEntity"
    person = next(r for r in lines if r["schema"] == "Person")
    assert person["properties"]["name"]


def test_list_hits_become_sanction_entities(lines) -> None:
    sanction = next(
        r
        for r in lines
        if r["schema"] == "Sanction" and r["properties"]["entity"] == [ftm_id(LISTED_COMPANY)]
    )
    p = sanction["properties"]
    assert p["recordId"] == [MEU_ENTRY] and p["reason"] == ["85 FR 83799"]
    assert p["authority"] == ["US Department of Commerce, Bureau of Industry and Security"]
    assert p["startDate"] == ["2020-12-23"] and p["provisions"][0].startswith("For any item")
