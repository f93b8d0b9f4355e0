"""Snapshot of everything ``chipwatch risk`` produces, to check that a speed-up changed nothing.

Usage: CHIPWATCH_WORKSPACE=<ws> .venv/bin/python benchmarks/risk_snapshot.py OUT.jsonl
           [--as-of 2026-11-01] [--ground-truth GT.json] [--suppliers 40] [--compare BASE.jsonl]

Runs the whole risk computation over the workspace (writing it to the store like
``chipwatch risk``), reopens the store and writes, one JSON line each and sorted: every entity
node's stored risk properties (score, level, flags with evidence, ownership, breakdown, cluster),
the run's summary, and the diversion paths (``any``, ``listed``, ``restricted``; top 20, 5 hops,
every hop with its evidence) of the first ``--suppliers`` planted suppliers of the ground truth.
``--no-run`` only reads what an earlier run stored. ``--compare`` then names the first lines
that differ from an earlier snapshot and exits 1.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from chipwatch.settings import load_settings
from graph.model import NodeKind
from graph.risk.context import RISK_PROPS
from graph.risk.paths import PathIndex, diversion_paths
from graph.risk.reference import load_reference
from graph.risk.run import compute_risk_on
from graph.stores import open_store

KINDS = (NodeKind.COMPANY, NodeKind.TRADE_PARTY, NodeKind.LIST_ENTRY)


def _line(kind: str, key: str, body: Any) -> str:
    return json.dumps({"k": kind, "id": key, "v": body}, sort_keys=True, ensure_ascii=False, default=str)


def snapshot(as_of: dt.date, truth: Path | None, suppliers: int, run: bool = True) -> list[str]:
    settings = load_settings()
    lines = []
    if run:
        store = open_store(settings)
        t = time.perf_counter()
        summary, _ = compute_risk_on(store, as_of)
        print(f"risk: {time.perf_counter() - t:.1f} s", file=sys.stderr)
        store.close()
        lines.append(_line("summary", "", {**dataclasses.asdict(summary), "seconds": None}))
    store = open_store(settings)  # what was written, as the app and the exports read it
    for kind in KINDS:
        frame = store.nodes_frame(kind, [*RISK_PROPS, "risk_cluster"])
        for row in frame.to_dict("records"):
            lines.append(_line(kind.value, str(row.pop("id")), row))
    if truth is not None:
        schemes = json.loads(truth.read_text(encoding="utf-8"))["schemes"][:suppliers]
        index = PathIndex.build(store, load_reference(as_of))
        for scheme in schemes:
            sup = next(p for p in scheme["parties"] if p["role"] == "supplier")
            source = next((i for i in (sup.get("party_id"), sup.get("node_id")) if i and store.node(i)), None)
            if source is None:
                continue
            for to in ("any", "listed", "restricted"):
                paths = diversion_paths(index, source=source, to=to, max_hops=5, top=20, as_of=as_of)
                lines.append(_line(f"paths:{to}", source, [p.as_dict() for p in paths]))
    store.close()
    return sorted(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--as-of", default="2026-11-01")
    ap.add_argument("--ground-truth")
    ap.add_argument("--suppliers", type=int, default=40)
    ap.add_argument("--compare")
    ap.add_argument("--no-run", action="store_true", help="only read what an earlier run stored")
    args = ap.parse_args()
    truth = Path(args.ground_truth) if args.ground_truth else None
    lines = snapshot(dt.date.fromisoformat(args.as_of), truth, args.suppliers, not args.no_run)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines written to {args.out}", file=sys.stderr)
    if args.compare:
        base = Path(args.compare).read_text(encoding="utf-8").splitlines()
        if base == lines:
            print("identical to", args.compare)
            return
        print(f"DIFFERENT from {args.compare}: {len(base)} vs {len(lines)} lines")
        shown = 0
        for a, b in zip(base, lines, strict=False):
            if a != b and shown < 5:
                print("-", a[:600])
                print("+", b[:600])
                shown += 1
        sys.exit(1)


if __name__ == "__main__":
    main()
