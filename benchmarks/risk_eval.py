"""Risk engine evaluation on the synthetic world (issue 7).

Usage: CHIPWATCH_WORKSPACE=<ws with the world ingested, lists ingested, `chipwatch resolve` run>
       .venv/bin/python benchmarks/risk_eval.py GROUND_TRUTH.json [--as-of 2026-11-01]

Reads the results ``chipwatch risk --as-of`` stored in the workspace (computes them first, and
prints the time, when they are missing or of another date, or with ``--recompute``), then per
typology (n = planted schemes):

* ``path top-20`` — share of schemes whose planted path (supplier → … → end, as in the ground
  truth) is the start of one of the top-20 diversion paths of its supplier (``to="any"``: listed,
  restricted or flagged ends, one ranking). Path nodes are compared as resolved parties
  (SAME_AS clusters; a planted party counts under its registry node or its bill-of-lading
  party); a SAME_AS hop inside one party is not a step;
* ``listed|restricted`` — the same with only listed or restricted ends (the two rankings
  ``--to listed`` and ``--to restricted``; found in either), for comparison;
* ``parties flagged`` — share of planted non-supplier parties with at least one flag;

then the share of legitimate companies at ``review`` or ``block``, path query (``to="any"``)
median and p95 over every scheme's supplier, and peak RSS (resource.getrusage).

``--misses FILE`` writes what fell short, as JSON, and prints a summary of it: per missed
scheme the planted path, its rank among the supplier's paths (or why it was not found) and
the top paths that outrank it with their score components; per unflagged planted party the
flags the generator planted and the flags its cluster does carry; per legitimate company at
``review`` or above its score and the flags that put it there (with the flag combinations
counted).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from chipwatch.settings import load_settings
from graph.risk.paths import ENTITY_KINDS, PathIndex, ScoredPath, diversion_paths
from graph.risk.reference import load_reference
from graph.risk.run import RiskResult, compute_risk_on
from graph.store import GraphStore
from graph.stores import open_store


def _ids(party: Mapping[str, Any]) -> list[str]:
    return [x for x in (party.get("node_id"), party.get("party_id")) if x]


def planted_steps(scheme: Mapping[str, Any], cmap: Mapping[str, str]) -> list[set[str]]:
    """Per planted path element, the clusters it may appear as."""
    steps = []
    for element in scheme["path"]:
        party: Mapping[str, Any] = next((p for p in scheme["parties"] if element in _ids(p)), {})
        steps.append({c for c in (cmap.get(x) for x in {element, *_ids(party)}) if c})
    return steps


def collapsed(path: ScoredPath, cmap: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    for hop in path.hops:
        c = cmap.get(hop["node_id"], hop["node_id"])
        if not out or out[-1] != c:
            out.append(c)
    return out


def contains(paths: Iterable[ScoredPath], steps: list[set[str]], cmap: Mapping[str, str]) -> bool:
    for p in paths:
        seq = collapsed(p, cmap)
        if len(seq) >= len(steps) and all(seq[i] in s for i, s in enumerate(steps)):
            return True
    return False


def rank_of(paths: list[ScoredPath], steps: list[set[str]], cmap: Mapping[str, str]) -> int | None:
    """1-based rank of the first path that starts with the planted steps, else None."""
    for i, p in enumerate(paths, start=1):
        if contains([p], steps, cmap):
            return i
    return None


def _brief(path: ScoredPath, cmap: Mapping[str, str]) -> dict[str, Any]:
    return {
        "score": path.score,
        "components": path.components,
        "nodes": [
            f"{h.get('name')} [{h.get('country')}] risk={h.get('risk_score')}"
            + (f" via {h['via'].get('edge')} {h['via'].get('hs6', '')}" if "via" in h else "")
            for h in path.hops
        ],
        "clusters": collapsed(path, cmap),
        "target": path.hops[-1].get("target"),
    }


def missed_path(
    index: PathIndex,
    source: str,
    scheme: Mapping[str, Any],
    steps: list[set[str]],
    cmap: Mapping[str, str],
    as_of: dt.date,
    top: int,
) -> dict[str, Any]:
    """Why a planted path is not in the top K: its rank in a long ranking and what outranks it."""
    ranking = diversion_paths(index, source=source, to="any", max_hops=5, top=2000, as_of=as_of)
    rank = rank_of(ranking, steps, cmap)
    return {
        "scheme": scheme["scheme_id"],
        "typology": scheme["typology"],
        "planted": [p.get("name") for p in scheme.get("path_parties", [])],
        "planted_clusters": [sorted(s) for s in steps],
        "rank": rank,
        "paths_ranked": len(ranking),
        "truncated": bool(ranking and ranking[0].truncated),
        "planted_path": _brief(ranking[rank - 1], cmap) if rank else None,
        "above": [_brief(p, cmap) for p in ranking[: min(top, 10)]],
    }


@dataclass(frozen=True)
class Results:
    cmap: dict[str, str]  # entity node → cluster
    flagged: set[str]  # clusters with a flag
    level: dict[str, str]  # cluster → risk level
    score: dict[str, float]  # cluster → risk score
    flags_of: dict[str, list[str]]  # cluster → its flags, sorted (only with --misses when stored)


def computed(res: RiskResult) -> Results:
    return Results(
        dict(zip(res.frames.entities["id"], res.frames.entities["cluster"], strict=True)),
        set(res.flags["cluster"]),
        dict(zip(res.scores["cluster"], res.scores["risk_level"], strict=True)),
        dict(zip(res.scores["cluster"], res.scores["risk_score"], strict=True)),
        {str(c): list(f) for c, f in res.flags.groupby("cluster")["flag"].agg(sorted).items()},
    )


def stored_results(store: GraphStore, as_of: dt.date, flag_names: bool) -> Results | None:
    """What ``chipwatch risk`` stored for ``as_of`` (the same as :func:`computed`), or None when
    some entity holds no result for that date (then the eval computes them)."""
    cols = ["risk_cluster", "risk_level", "risk_score", "flags_json", "risk_as_of"]
    out = Results({}, set(), {}, {}, {})
    for kind in ENTITY_KINDS:
        frame = store.nodes_frame(kind, cols)
        for col in cols:
            if col not in frame.columns:
                frame[col] = None
        if not frame.empty and not (frame["risk_as_of"] == as_of.isoformat()).all():
            return None
        out.cmap.update(zip(frame["id"], frame["risk_cluster"], strict=True))
        some = frame[frame["flags_json"] != "[]"]
        out.flagged.update(some["risk_cluster"])
        out.level.update(zip(frame["risk_cluster"], frame["risk_level"], strict=True))
        out.score.update(zip(frame["risk_cluster"], frame["risk_score"], strict=True))
        if flag_names:
            for c, text in zip(some["risk_cluster"], some["flags_json"], strict=True):
                out.flags_of[c] = sorted(f["flag"] for f in json.loads(text))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("ground_truth")
    ap.add_argument("--as-of", default="2026-11-01")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument(
        "--recompute",
        action="store_true",
        help="compute risk even when the workspace holds results as of --as-of",
    )
    ap.add_argument(
        "--no-strict",
        action="store_true",
        help="skip the listed|restricted column (two more queries a scheme)",
    )
    ap.add_argument("--misses", help="write the missed paths, unflagged parties and legitimate reviews here")
    args = ap.parse_args()
    with open(args.ground_truth, encoding="utf-8") as fh:
        truth = json.load(fh)
    as_of = dt.date.fromisoformat(args.as_of)
    store = open_store(load_settings())
    got = None if args.recompute else stored_results(store, as_of, bool(args.misses))
    if got is None:
        t = time.perf_counter()
        summary, res = compute_risk_on(store, as_of)
        print(f"risk computation: {time.perf_counter() - t:.1f} s; {summary.clusters} clusters")
        got = computed(res)
        del res, summary  # the frames are not needed for the path queries
    else:
        print(f"risk results as of {as_of} read from the store (chipwatch risk ran; --recompute to redo)")
    cmap, flagged, level = got.cmap, got.flagged, got.level
    t = time.perf_counter()
    index = PathIndex.build(store, load_reference(as_of))
    print(f"path index: {time.perf_counter() - t:.1f} s")
    found: dict[str, list[bool]] = defaultdict(list)
    strict: dict[str, list[bool]] = defaultdict(list)
    parties: dict[str, int] = defaultdict(int)
    hit_parties: dict[str, int] = defaultdict(int)
    timings: list[float] = []
    flags_of = got.flags_of
    misses: dict[str, list[dict[str, Any]]] = {"paths": [], "unflagged": [], "legitimate": []}
    for scheme in truth["schemes"]:
        typ = scheme["typology"]
        for p in scheme["parties"]:
            if p["role"] == "supplier":
                continue
            parties[typ] += 1
            hit = any(cmap.get(i) in flagged for i in _ids(p))
            hit_parties[typ] += hit
            if args.misses and not hit:
                misses["unflagged"].append(
                    {
                        "scheme": scheme["scheme_id"],
                        "typology": typ,
                        "role": p["role"],
                        "name": p.get("name"),
                        "ids": _ids(p),
                        "clusters": sorted({c for c in (cmap.get(i) for i in _ids(p)) if c}),
                        "planted_flags": scheme["flags"],
                    }
                )
        supplier = next(p for p in scheme["parties"] if p["role"] == "supplier")
        source = next(
            (i for i in (supplier.get("party_id"), supplier.get("node_id")) if i and store.node(i)), None
        )
        if source is None:
            found[typ].append(False)
            strict[typ].append(False)
            continue
        steps = planted_steps(scheme, cmap)
        t = time.perf_counter()
        paths = diversion_paths(index, source=source, to="any", max_hops=5, top=args.top, as_of=as_of)
        timings.append(time.perf_counter() - t)
        found[typ].append(contains(paths, steps, cmap))
        if args.misses and not found[typ][-1]:
            misses["paths"].append(missed_path(index, source, scheme, steps, cmap, as_of, args.top))
        strict[typ].append(
            not args.no_strict
            and any(
                contains(
                    diversion_paths(index, source=source, to=to, max_hops=5, top=args.top, as_of=as_of),
                    steps,
                    cmap,
                )
                for to in ("listed", "restricted")
            )
        )
    legit = [cmap.get(n) for n in truth["legitimate"]["node_ids"]]
    above = sum(level.get(c) in ("review", "block") for c in legit if c)
    if args.misses:
        score = got.score
        for n, c in zip(truth["legitimate"]["node_ids"], legit, strict=True):
            if c and level.get(c) in ("review", "block"):
                misses["legitimate"].append(
                    {"node_id": n, "cluster": c, "score": score.get(c), "flags": flags_of.get(c, [])}
                )
        with open(args.misses, "w", encoding="utf-8") as fh:
            json.dump(misses, fh, indent=1, ensure_ascii=False, default=str)
        combos = Counter(" + ".join(m["flags"]) or "(lists only)" for m in misses["legitimate"])
        print(f"misses written to {args.misses}; legitimate at review, by flag combination:")
        for combo, n in combos.most_common(15):
            print(f"  {n:5d}  {combo}")
        print("missed paths by typology and rank (None: not among the supplier's ranked paths):")
        for m in misses["paths"]:
            print(f"  {m['typology']:20s} {m['scheme']} rank={m['rank']} of {m['paths_ranked']}")
        print("unflagged planted parties by typology and role:")
        for (t, r), n in Counter((m["typology"], m["role"]) for m in misses["unflagged"]).most_common():
            print(f"  {n:5d}  {t} / {r}")
    print(
        f"{'typology':22s} {'n':>4s} {'path top-20':>12s} {'listed|restricted':>18s} {'parties flagged':>16s}"
    )
    for typ in sorted(parties):
        n = len(found[typ])
        print(
            f"{typ:22s} {n:4d} {sum(found[typ]) / max(n, 1):12.1%} {sum(strict[typ]) / max(n, 1):18.1%} "
            f"{hit_parties[typ] / parties[typ]:16.1%}"
        )
    print(
        f"legitimate companies at review or above: {above / max(len(legit), 1):.2%} ({above} of {len(legit)})"
    )
    if timings:
        timings.sort()
        p95 = timings[int(0.95 * (len(timings) - 1))] * 1000
        print(
            f"path query (to=any, top {args.top}, 5 hops) over {len(timings)} suppliers: "
            f"median {statistics.median(timings) * 1000:.0f} ms, p95 {p95:.0f} ms"
        )
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
