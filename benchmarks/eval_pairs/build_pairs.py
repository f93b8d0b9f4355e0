"""Build the labelled name-pair evaluation for entity resolution from real list data.

Writes ``benchmarks/eval_pairs/pairs.csv`` with columns
``pair_id,kind,name_a,name_b,label,source,group,split`` (label 1 = same entity).

Positives
  * OFAC SDN (Jul 2021): primary name ↔ each alias of the same ``ent_num`` (alt.csv).
  * CSL (May 2022): name ↔ each ``alt_names`` value of the same row (Entity List, MEU, UVL,
    SSI, CMIC, CAP …), and CSL SDN rows ↔ the OFAC SDN name of the same entity number
    when the name was written differently (same entity across two publications).
  * UN consolidated list: primary name ↔ each alias (individuals and entities).
  * GLEIF Golden Copy: legal name ↔ other / transliterated names of the same LEI.
  * Planted noise: real list names and synthetic demo-world companies ↔ the clerk's
    variant produced by ``ingest.synthetic.listed.clerk_variant`` (upper-casing,
    abbreviation, dropped legal form, re-ordering, typos, romanisation).
Hard negatives (different entries of one publication, never the same id)
  * nearest other name by rapidfuzz token-sort ratio (sibling "… Co., Ltd.", shared
    generic words), for every source; for persons also a random entry sharing the surname.
Pairs whose names are identical after case folding are dropped (trivial for every
method). The split is by a hash of the entity group: ``dev`` (tune) / ``test`` (report).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from defusedxml import ElementTree
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
OUT = Path(__file__).resolve().parent / "pairs.csv"
SEED = 20_275
MAX_PER_BUCKET = 2_500  # per (kind, source, label): keeps the baselines' run time bounded
CROSS_CAP = 600  # CSL-vs-OFAC person rows differ mostly in name order: keep them from dominating

sys.path.insert(0, str(ROOT))
from ingest.synthetic.listed import clerk_variant  # noqa: E402


def _first(*paths: Path) -> Path:
    for p in paths:
        if p.exists():
            return p
    raise FileNotFoundError(paths[0])


def _fold(s: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in s.casefold()).split())


def _null(v: str | None) -> str:
    v = (v or "").strip()
    return "" if v == "-0-" else v


# --- readers -------------------------------------------------------------------------------

Entry = tuple[str, str, list[str]]  # (group id, kind, names: primary first)


def ofac_entries() -> list[Entry]:
    folder = _first(ROOT / "data" / "lists" / "ofac", SHARED / "lists" / "ofac" / "sdn_2021-07")
    kinds = {"individual": "person", "vessel": "vessel", "": "company"}
    entries: dict[str, Entry] = {}
    with (folder / "sdn.csv").open(encoding="latin-1", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 3 or not row[0].strip().isdigit():
                continue
            kind = kinds.get(_null(row[2]).lower())
            if kind is None:
                continue
            entries[row[0].strip()] = (f"ofac:{row[0].strip()}", kind, [_null(row[1])])
    with (folder / "alt.csv").open(encoding="latin-1", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 4 or row[0].strip() not in entries:
                continue
            alias = _null(row[3])
            if alias:
                entries[row[0].strip()][2].append(alias)
    return list(entries.values())


def _ofac_person_display(name: str) -> str:
    # OFAC writes "SURNAME, Given Names"; lists elsewhere write "Given SURNAME".
    last, sep, first = name.partition(",")
    return f"{first.strip()} {last.strip()}" if sep else name


CSL_KINDS = {"Individual": "person", "Entity": "company", "Vessel": "vessel"}
CSL_COMPANY_SOURCES = (
    "Entity List",
    "Military End User",
    "Unverified List",
    "Non-SDN Chinese",
    "Capta",
    "Sectoral Sanctions",
    "Non-SDN Menu",
)


def csl_rows() -> list[dict[str, str]]:
    path = _first(
        ROOT / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz",
        SHARED / "lists" / "csl" / "consolidated_2022-05.csv.gz",
    )
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def csl_entries(rows: list[dict[str, str]]) -> list[Entry]:
    out: list[Entry] = []
    for row in rows:
        src = row["source"]
        if src.startswith("Specially Designated"):
            continue  # the OFAC files are the source for SDN aliases
        kind = CSL_KINDS.get(row["type"]) or ("company" if src.startswith(CSL_COMPANY_SOURCES) else None)
        if kind is None:
            continue
        names = [row["name"].strip()] + [a.strip() for a in row["alt_names"].split(";") if a.strip()]
        out.append((f"csl:{src.split(' ')[0]}:{row['_id']}", kind, names))
    return out


def csl_ofac_cross(rows: list[dict[str, str]], ofac: list[Entry]) -> list[tuple[str, str, str, str]]:
    """(group, kind, csl name, ofac name): one SDN entity in two publications, written differently."""
    by_num = {g.split(":")[1]: (kind, names[0]) for g, kind, names in ofac}
    out = []
    for row in rows:
        if not row["source"].startswith("Specially Designated") or row["entity_number"] not in by_num:
            continue
        kind, ofac_name = by_num[row["entity_number"]]
        out.append((f"ofac:{row['entity_number']}", kind, row["name"].strip(), ofac_name))
    return out


def un_entries() -> list[Entry]:
    path = _first(
        ROOT / "data" / "lists" / "un" / "UN_consolidated.xml",
        SHARED / "lists" / "un" / "UN_consolidated.xml",
    )
    tree = ElementTree.parse(str(path))
    out: list[Entry] = []
    for tag, kind, alias_tag in (
        ("INDIVIDUAL", "person", "INDIVIDUAL_ALIAS"),
        ("ENTITY", "company", "ENTITY_ALIAS"),
    ):
        for node in tree.iter(tag):
            parts = [
                (node.findtext(t) or "").strip()
                for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
            ]
            name = " ".join(p for p in parts if p)
            aliases = [(a.findtext("ALIAS_NAME") or "").strip() for a in node.iter(alias_tag)]
            out.append((f"un:{node.findtext('DATAID')}", kind, [name] + [a for a in aliases if a]))
    return out


def gleif_entries() -> list[Entry]:
    path = SHARED / "companies" / "golden_copy_lei2_intraday_2024-05-05.json"
    if not path.exists():
        return []
    records = json.loads(path.read_text(encoding="utf-8"))["records"]
    out: list[Entry] = []
    for rec in records:
        ent = rec["Entity"]
        names = [ent["LegalName"]["$"]]
        for key, inner in (
            ("OtherEntityNames", "OtherEntityName"),
            ("TransliteratedOtherEntityNames", "TransliteratedOtherEntityName"),
        ):
            items = (ent.get(key) or {}).get(inner) or []
            items = items if isinstance(items, list) else [items]
            names += [i["$"] for i in items if i.get("$")]
        out.append((f"lei:{rec['LEI']['$']}", "company", names))
    return out


def synthetic_companies() -> list[Entry]:
    path = ROOT / "data" / "demo_world" / "companies.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return [(f"syn:{r['company_id']}", "company", [r["name"]]) for r in csv.DictReader(fh)]


# --- pair generation -----------------------------------------------------------------------

Pair = tuple[str, str, str, int, str, str]  # kind, a, b, label, source, group


def alias_positives(entries: list[Entry], source: str) -> Iterator[Pair]:
    for group, kind, names in entries:
        primary = _ofac_person_display(names[0]) if source == "ofac" and kind == "person" else names[0]
        for alias in names[1:]:
            alias = _ofac_person_display(alias) if source == "ofac" and kind == "person" else alias
            yield kind, primary, alias, 1, f"{source}_alias", group


def noise_positives(entries: list[Entry], source: str, n: int, rng: np.random.Generator) -> Iterator[Pair]:
    picks = rng.choice(len(entries), size=min(n, len(entries)), replace=False)
    for i in sorted(int(p) for p in picks):
        group, kind, names = entries[i]
        variant, _ops = clerk_variant(names[0], None, rng)
        yield kind, names[0], variant, 1, f"{source}_noise", group


def nearest_negatives(entries: list[Entry], source: str, rng: np.random.Generator) -> Iterator[Pair]:
    """Each entry's primary name ↔ the most similar primary name of a *different* entry."""
    by_kind: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for group, kind, names in entries:
        if source == "ofac" and kind == "person":
            by_kind[kind].append((group, _ofac_person_display(names[0])))
        else:
            by_kind[kind].append((group, names[0]))
    for kind, items in by_kind.items():
        folded = [_fold(n) for _, n in items]
        if len(items) < 3:
            continue
        order = rng.permutation(len(items))[:MAX_PER_BUCKET]
        sims = process.cdist(
            [folded[i] for i in order], folded, scorer=fuzz.token_sort_ratio, workers=-1, dtype=np.uint8
        )
        for row, i in enumerate(order):
            sims[row, i] = 0
            for j in np.argsort(sims[row], kind="stable")[::-1][:3]:
                if folded[j] != folded[i] and items[j][0] != items[i][0]:
                    yield kind, items[i][1], items[j][1], 0, f"{source}_nearest", items[i][0]
                    break
        if kind == "person":  # same surname, different person
            surname: dict[str, list[int]] = defaultdict(list)
            for k, f in enumerate(folded):
                if f.split():
                    surname[f.split()[-1]].append(k)
            for members in surname.values():
                if len(members) >= 2:
                    i, j = members[0], members[1 + int(rng.integers(0, len(members) - 1))]
                    if folded[i] != folded[j]:
                        yield kind, items[i][1], items[j][1], 0, f"{source}_surname", items[i][0]


def _split(group: str) -> str:
    digest = hashlib.sha1(group.encode("utf-8"), usedforsecurity=False).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def build(out: Path = OUT) -> int:
    rng = np.random.default_rng(SEED)
    ofac = ofac_entries()
    rows = csl_rows()
    csl = csl_entries(rows)
    un = un_entries()
    gleif = gleif_entries()
    syn = synthetic_companies()
    pairs: list[Pair] = []
    for entries, source in ((ofac, "ofac"), (csl, "csl"), (un, "un"), (gleif, "gleif")):
        pairs += alias_positives(entries, source)
        if source != "csl":
            pairs += nearest_negatives(entries, source, rng)
    # CSL negatives within one source list: the same company is often on two CSL sources.
    for src in sorted({g.split(":")[1] for g, _, _ in csl}):
        pairs += nearest_negatives([e for e in csl if e[0].split(":")[1] == src], "csl", rng)
    for group, kind, a, b in csl_ofac_cross(rows, ofac):
        pairs.append(
            (kind, a, _ofac_person_display(b) if kind == "person" else b, 1, "csl_ofac_cross", group)
        )
    companies_ofac = [e for e in ofac if e[1] == "company"]
    vessels = [e for e in ofac if e[1] == "vessel"]
    pairs += noise_positives(companies_ofac, "ofac", 1500, rng)
    pairs += noise_positives([e for e in csl if e[1] == "company"], "csl", 1500, rng)
    pairs += noise_positives(vessels, "ofac_vessel", 400, rng)
    pairs += noise_positives(syn, "synthetic", 1500, rng)
    pairs += nearest_negatives(syn, "synthetic", rng)

    seen: set[tuple[str, str, str]] = set()
    buckets: dict[tuple[str, str, int], list[Pair]] = defaultdict(list)
    for p in pairs:
        kind, a, b, label, source, group = p
        fa, fb = _fold(a), _fold(b)
        if not fa or not fb or fa == fb:
            continue
        key = (kind, *sorted((fa, fb)))
        if key in seen:
            continue
        seen.add(key)
        buckets[(kind, source, label)].append(p)
    out_rows = []
    for key in sorted(buckets):
        items = buckets[key]
        cap = CROSS_CAP if key[1] == "csl_ofac_cross" else MAX_PER_BUCKET
        if len(items) > cap:
            keep = sorted(int(i) for i in rng.choice(len(items), size=cap, replace=False))
            items = [items[i] for i in keep]
        out_rows += items
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["pair_id", "kind", "name_a", "name_b", "label", "source", "group", "split"])
        for n, (kind, a, b, label, source, group) in enumerate(out_rows):
            w.writerow([n, kind, a, b, label, source, group, _split(group)])
    return len(out_rows)


if __name__ == "__main__":
    count = build()
    print(f"wrote {count} pairs to {OUT}")
