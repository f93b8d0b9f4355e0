"""Both stores give the same answers, end to end: one small generated world built through the CLI
on networkx and on Neo4j, then every read verb's output compared.

The store contract suite checks the protocol call by call; this checks what an analyst sees: the
review queue, ``paths`` under several option sets, ``entity`` reports, a screened file and the
exported risk list must be byte-identical once the fields that legitimately differ (the time a
file was made, the store's name, where the workspace is) are set aside.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections.abc import Iterator, Mapping
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chipwatch.cli import cli
from chipwatch.settings import PROJECT_ROOT, Settings, StoreKind
from graph.stores import open_store
from ingest.synthetic import write_world

BUNDLED_CSL = PROJECT_ROOT / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz"
DPL = PROJECT_ROOT / "tests" / "fixtures" / "lists_pipeline" / "dpl_2023-11_excerpt.txt"
AS_OF = "2026-06-01"
#: Every DISTRACTOR_EVERY-th row of the bundled CSL joins the rows the world plants, so resolution
#: and screening also meet list entries that are nobody's match.
DISTRACTOR_EVERY = 50
#: (option set) for ``chipwatch paths``: each target, an HS filter, a start country, --as-of.
PATH_QUERIES: tuple[tuple[str, ...], ...] = (
    ("--to", "restricted", "--hs", "8542", "--top", "15"),
    ("--to", "listed", "--top", "25", "--max-hops", "4"),
    ("--to", "flagged", "--top", "25", "--as-of", "2025-10-15"),
    ("--to", "any", "--top", "40", "--max-hops", "3"),
)
#: Fields that differ between two builds of one world on any store, and the store's own name.
VOLATILE_KEYS = frozenset({"generated_at", "ingested_at", "started", "finished", "store"})
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?\+00:00")


def _planted_csl(world: Path, out: Path) -> Path:
    """The bundled CSL rows the world's schemes name (by ``_id`` or entity number), plus distractors."""
    planted = set(re.findall(r'"list:US_[A-Z]+:([^"]+)"', (world / "ground_truth.json").read_text()))
    with gzip.open(BUNDLED_CSL, "rt", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = [
            r
            for i, r in enumerate(reader)
            if r["_id"] in planted or r["entity_number"] in planted or i % DISTRACTOR_EVERY == 0
        ]
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields)
        writer.writeheader()
        writer.writerows(rows)
    return out


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parity-world")
    write_world(200, 600, 5, out)
    _planted_csl(out, out / "csl_planted.csv")
    return out


def _screen_input(world: Path, out: Path) -> Path:
    """Names as a counterparty file would carry them: as written on shipments, and cleaned up."""
    truth = json.loads((world / "ground_truth.json").read_text())
    names = sorted(
        {
            p[k]
            for s in truth["schemes"]
            for p in s["parties"]
            for k in ("name", "name_as_written")
            if p.get(k)
        }
    )
    with (world / "companies.csv").open(encoding="utf-8", newline="") as fh:
        names += [r["name"] for r, _ in zip(csv.DictReader(fh), range(40), strict=False)]
    with (world / "csl_planted.csv").open(encoding="utf-8", newline="") as fh:
        listed = [r["name"] for r, _ in zip(csv.DictReader(fh), range(60), strict=False)]
    names += listed + [n.upper().replace(",", "") for n in listed]  # and keyed in less carefully
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name"])
        writer.writerows([n] for n in names)
    return out


def _report_subjects(entities: list[dict[str, Any]]) -> list[str]:
    """Ids worth an ``entity`` report: per flag and per kind the first entity carrying it, the first
    records resolved to a list entry, the first owned ones, and a clear one."""
    picked: dict[str, str] = {}
    for e in entities:
        for f in e["flags"]:
            picked.setdefault(f"flag {f['flag']}", e["id"])
        if e["list_hits"] and e["kind"] != "ListEntry":
            picked.setdefault(f"resolved {e['kind']}", e["id"])
        if any(not s.startswith(("clear", "listed")) for s in e["ownership_status"].values()):
            picked.setdefault("owned", e["id"])
        picked.setdefault(f"{e['kind']} {e['risk_level']}", e["id"])
    return sorted(set(picked.values()))


def _normalise(value: Any, workspace: Path) -> Any:
    if isinstance(value, Mapping):
        return {k: _normalise(v, workspace) for k, v in value.items() if k not in VOLATILE_KEYS}
    if isinstance(value, list):
        return [_normalise(v, workspace) for v in value]
    if isinstance(value, str):
        return _STAMP.sub("<time>", value.replace(str(workspace), "<workspace>"))
    return value


def _answers(workspace: Path, env: dict[str, str], world: Path) -> dict[str, Any]:
    """Build the workspace from ``world`` through the CLI, then every read verb's answer, by verb."""
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, list(args), env=env, catch_exceptions=False)
        assert result.exit_code == 0, (args, result.output)
        return result.stdout

    run("ingest", "lists", str(world / "csl_planted.csv"), str(DPL))
    for kind in ("companies", "ownership", "officers", "shipments"):
        run("ingest", kind, str(world / f"{kind}.csv"))
    run("resolve")
    run("risk", "--as-of", AS_OF)
    answers: dict[str, Any] = {
        "review": [json.loads(line) for line in run("review", "--limit", "5000", "--json").splitlines()]
    }
    for query in PATH_QUERIES:
        for country in ("US", "DE", "TW"):
            found = json.loads(run("paths", "--from-country", country, *query, "--json"))
            answers[f"paths {country} {' '.join(query)}"] = found
    risk = workspace / "risk.json"
    run("export", "risk-list", "--min-score", "0", "--out", str(risk))
    exported = json.loads(risk.read_text())
    answers["export"] = exported
    for query in [*_report_subjects(exported["entities"]), "Ltd"]:  # "Ltd": a name query
        answers[f"entity {query}"] = json.loads(run("entity", query, "--json"))
    screened = workspace / "screened.json"
    run("screen", str(_screen_input(world, workspace / "names.csv")), "--out", str(screened))
    answers["screen"] = json.loads(screened.read_text())
    ftm = workspace / "risk.ftm"
    run("export", "risk-list", "--min-score", "20", "--format", "ftm", "--out", str(ftm))
    answers["ftm"] = [json.loads(line) for line in ftm.read_text().splitlines()]
    # a reviewer's decisions reach the graph at once: reports, scores and paths before `resolve`
    (confirm, reject) = answers["review"][:2]
    run("review", "decide", confirm["a"], confirm["b"], "confirm")
    run("review", "decide", reject["a"], reject["b"], "reject")
    run("risk", "--as-of", AS_OF)
    for pair in (confirm, reject):
        for record in (pair["a"], pair["b"]):
            answers[f"entity {record} decided"] = json.loads(run("entity", record, "--json"))
    answers["paths decided"] = json.loads(run("paths", "--from-country", "US", "--to", "listed", "--json"))
    return _normalise(answers, workspace)


@pytest.fixture
def neo4j_env(neo4j_settings: Settings, tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A workspace of its own on the session's Neo4j, its graph cleared before and after."""
    workspace = tmp_path / "neo4j"
    neo = neo4j_settings.with_(workspace=workspace)
    assert neo.neo4j_uri
    with closing(open_store(neo)) as store:
        store.clear()
    env = {
        "CHIPWATCH_WORKSPACE": str(workspace),
        "CHIPWATCH_STORE": StoreKind.NEO4J.value,
        "CHIPWATCH_NEO4J_URI": neo.neo4j_uri,
        "CHIPWATCH_NEO4J_USER": neo.neo4j_user,
        "CHIPWATCH_NEO4J_PASSWORD": neo.neo4j_password.reveal(),
    }
    try:
        yield workspace, env
    finally:
        with closing(open_store(neo)) as store:
            store.clear()


def test_every_read_verb_answers_the_same_on_networkx_and_neo4j(
    world: Path, neo4j_env: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    nx_workspace = tmp_path / "networkx"
    on_networkx = _answers(
        nx_workspace, {"CHIPWATCH_WORKSPACE": str(nx_workspace), "CHIPWATCH_STORE": "networkx"}, world
    )
    on_neo4j = _answers(*neo4j_env, world)
    # the world is rich enough for the comparison to mean something
    assert len(on_networkx["review"]) >= 2 and len(on_networkx["screen"]["results"]) > 50
    assert any(on_networkx[k] for k in on_networkx if k.startswith("paths"))
    levels = {e["risk_level"] for e in on_networkx["export"]["entities"]}
    assert {"block", "review", "clear"} <= levels
    assert on_neo4j.keys() == on_networkx.keys()
    differing = [k for k in on_networkx if on_neo4j[k] != on_networkx[k]]
    assert not differing, differing
