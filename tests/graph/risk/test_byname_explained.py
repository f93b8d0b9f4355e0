"""Every place that explains a list hit gives a by-name owner's hit with the by-name facts.

The risk run joins an owner known only by name in ownership records (``co:byname:…``) to the
listed entry of that name (:mod:`graph.risk.joins`); no SAME_AS edge holds the pair. The risk-list
export, the Lists page's newly exposed parties and ``chipwatch paths`` must not explain such a hit
by some other stored link, nor miss it, on both stores.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from graph.export.formats import write_csv, write_json, write_xlsx
from graph.export.ftm import ftm_records
from graph.export.list_hits import listed_name_description
from graph.export.risk_list import build_risk_list
from graph.export.risk_table import RiskFilter
from graph.risk.frames import BYNAME_METHOD
from graph.risk.joins import BYNAME
from graph.risk.paths import PathIndex, diversion_paths
from graph.risk.reference import load_reference
from graph.store import GraphStore
from tests.graph.risk.conftest import BYNAME_OWNER, SCORED_AS_OF

ENTRY = "list:US_SDN:O1"  # OMEGA INDUSTRIES (IR), the by-name owner's entry
NAMES = "ownership records name the owner only as 'Omega Industries': the entry's name 'OMEGA INDUSTRIES'"
SOURCE = "owns 60 % of Omega Trading FZE (co:t:OWNED)"
WRONG_WAY = "resolved to the same party through other records"
BIND = "an active list entry joined by a by-name owner link, not resolved by SAME_AS"


def _owner(store: GraphStore) -> dict:
    rl = build_risk_list(store, RiskFilter())
    [entity] = [e for e in rl.entities if e["id"] == BYNAME_OWNER]
    return entity


def test_export_explains_a_by_name_hit_by_its_facts(scored: GraphStore) -> None:
    [hit] = _owner(scored)["list_hits"]
    m = hit["match"]
    assert (hit["entry_id"], m["method"], m["score"], m["via"]) == (ENTRY, BYNAME_METHOD, 1.0, None)
    [reason] = m["reasons"]
    assert reason.startswith(f"{BYNAME} to {ENTRY}") and NAMES in reason and SOURCE in reason
    assert [(j["from"], j["to"], j["link"]) for j in m["chain"]] == [(BYNAME_OWNER, ENTRY, BYNAME)]
    assert NAMES in _owner(scored)["reasons"][0]


def test_every_format_carries_the_by_name_facts(scored: GraphStore, tmp_path: Path) -> None:
    rl = build_risk_list(scored, RiskFilter())
    write_csv(rl, tmp_path / "r.csv")
    row = pd.read_csv(tmp_path / "r.csv", dtype=str).set_index("id").loc[BYNAME_OWNER]
    for column in ("reasons", "list_hits", "list_hits_json"):
        assert NAMES in row[column] and WRONG_WAY not in row[column], column
    write_xlsx(rl, tmp_path / "r.xlsx")
    hits = pd.read_excel(tmp_path / "r.xlsx", sheet_name="list_hits", dtype=str)
    [xl] = hits[hits["entity_id"] == BYNAME_OWNER].to_dict("records")
    assert xl["match_method"] == BYNAME_METHOD
    assert NAMES in xl["match_reasons"] and SOURCE in xl["match_reasons"]
    entities = pd.read_excel(tmp_path / "r.xlsx", sheet_name="entities", dtype=str).set_index("id")
    assert NAMES in entities.loc[BYNAME_OWNER, "reasons"]
    write_json(rl, tmp_path / "r.json")
    doc = json.loads((tmp_path / "r.json").read_text())
    [entity] = [e for e in doc["entities"] if e["id"] == BYNAME_OWNER]
    assert entity["list_hits"][0]["match"]["chain"][0]["source"] == [SOURCE]
    sanction = next(
        r
        for r in ftm_records(rl)
        if r["schema"] == "Sanction"
        and ENTRY in r["referents"]
        and r["properties"]["entity"][0] != r["id"]
        and NAMES in r["properties"]["summary"][0]
    )
    assert SOURCE in sanction["properties"]["summary"][0]


def _listed_name_flag(store: GraphStore, entity_id: str) -> dict:
    rl = build_risk_list(store, RiskFilter())
    [entity] = [e for e in rl.entities if e["id"] == entity_id]
    [flag] = [f for f in entity["flags"] if f["flag"] == "LISTED_NAME_MATCH"]
    return flag


def test_the_listed_name_flag_says_a_by_name_hit_was_not_resolved(scored: GraphStore, tmp_path: Path) -> None:
    """The flag's reference text ("resolved (SAME_AS …)") is wrong for a by-name hit: the owner's and
    the entry's flag say how the hit was found instead, in the words of the hit's links."""
    owner = _listed_name_flag(scored, BYNAME_OWNER)["description"]
    assert owner.startswith(f"{BIND}: {BYNAME} to {ENTRY} (byname_exact 1.00)") and NAMES in owner
    assert SOURCE in owner and "SAME_AS, auto" not in owner
    entry = _listed_name_flag(scored, ENTRY)["description"]
    assert entry == f"{BIND}: {BYNAME} to {BYNAME_OWNER} (byname_exact 1.00)"
    # a hit resolved by a SAME_AS edge keeps the reference text
    resolved = _listed_name_flag(scored, "co:t:X")["description"]
    assert resolved.startswith("resolved (SAME_AS, auto or confirmed)")
    write_csv(build_risk_list(scored, RiskFilter()), tmp_path / "r.csv")
    row = pd.read_csv(tmp_path / "r.csv", dtype=str).set_index("id").loc[BYNAME_OWNER]
    assert f"flag LISTED_NAME_MATCH: {BIND}" in row["reasons"] and "SAME_AS, auto" not in row["reasons"]


def test_the_listed_name_flag_keeps_the_reference_text_first_when_an_entry_is_also_resolved() -> None:
    evidence = {
        "items": [
            {"entry": "list:A", "links": [{"other": "co:byname:x", "score": 1.0, "method": BYNAME_METHOD}]},
            {"entry": "list:B", "links": [{"other": "co:t:Y", "score": 0.97, "method": "name"}]},
        ]
    }
    text = listed_name_description("resolved (SAME_AS …)", [], evidence)
    assert text == f"resolved (SAME_AS …); also {BIND}: {BYNAME} to co:byname:x (byname_exact 1.00)"
    assert listed_name_description("resolved (SAME_AS …)", [], {"items": evidence["items"][1:]}) == (
        "resolved (SAME_AS …)"
    )


def test_a_path_ending_at_a_by_name_owner_says_how_it_is_listed(scored: GraphStore) -> None:
    index = PathIndex.build(scored, load_reference(SCORED_AS_OF))
    assert BYNAME_OWNER in index.listed
    [why] = [w for w in index.why[BYNAME_OWNER] if ENTRY in w]
    assert why.startswith(f"{BYNAME} to {ENTRY} (byname_exact 1.00)") and NAMES in why and SOURCE in why
    assert "resolved to a list entry" not in index.why[BYNAME_OWNER]


def test_paths_from_a_listed_entry_start_at_its_by_name_owner_too(scored: GraphStore) -> None:
    """The entry and its by-name owner are one party for the risk run: the owner's stakes are the
    entry's routes."""
    index = PathIndex.build(scored, load_reference(SCORED_AS_OF))
    paths = diversion_paths(index, source=ENTRY, to="any")
    assert [p.hops[0]["node_id"] for p in paths][:1] == [BYNAME_OWNER]
    assert [p.hops[-1]["node_id"] for p in paths if len(p.hops) == 2][:1] == ["co:t:OWNED"]


@pytest.mark.parametrize("change", ["added", "changed"])
def test_lists_page_exposes_a_by_name_owner(scored: GraphStore, change: str) -> None:
    from chipwatch.ui.lists import newly_exposed

    diff = pd.DataFrame([{"node_id": ENTRY, "name": "OMEGA INDUSTRIES", "change": change}])
    exposed = newly_exposed(scored, diff)
    [row] = exposed[exposed["id"] == BYNAME_OWNER].to_dict("records")
    assert (row["entry_id"], row["change"], row["found"]) == (ENTRY, change, BYNAME)
