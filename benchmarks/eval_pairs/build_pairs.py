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

Labelling rules (by evidence, applied before any method is run; the same labels for every
method). Two *different entries* of the lists are not always two different parties: the
same company is listed twice (the Entity List names "Huawei Tech Investment" once per
country; a CSL source repeats an entry after a re-designation). A candidate negative is
therefore labelled by what the two entries say about themselves:

  N1  the entries share an identifier (the CSL ``ids`` column: tax id, registration
      number, USCC, LEI … — same scheme and same value) → label 1, source ``*_same_party``;
  N2  their names are the same after normalisation (:func:`name_key`: case, punctuation,
      word order and the spelling of the legal form — LTD / LIMITED, CO / COMPANY …) and
      their countries are compatible (equal, or unknown on a side) → label 1, ``*_same_party``;
  N3  otherwise → label 0. Same-name entries in *different* countries stay 0 (the Entity
      List's "Huawei Tech Investment Co., Ltd." in Argentina and "… Co., Limited" in Hong
      Kong are two subsidiaries); no name-only method can separate them, and they stay in.
Synthetic-world negatives are ground truth (two company ids of the generator) and are never
relabelled.

Each positive also gets a ``relation`` (same rule for every method):

  * ``variant`` — the two names share an *informative* word: a folded word of 3+ characters
    that is not among the most common words of the corpus (held by more than
    ``COMMON_WORD_SHARE`` of all list names: LTD, COMPANY, TRADING, RESEARCH, INSTITUTE,
    AND …), equal or within one edit per five letters (rapidfuzz ratio >= 80); or the two
    names written without spaces are that close (``SHENZHENHUAXIN``). Planted clerk noise
    is a variant by construction.
  * ``alias`` — anything else: an acronym, a nickname, a translation, a former vessel name
    ("ROSNEFT TRADE LIMITED" / "TNK TRADE LIMITED"). No name matcher can be expected to find
    those from spelling alone; they are reported separately and kept in the all-pairs table.
Negatives get ``relation=negative``. ``country_a`` / ``country_b`` hold the entries' first
country (ISO alpha-2 where known) for the rule N2 and for ``resolution_eval.py --countries``.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
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
COMMON_WORD_SHARE = 0.003  # a word in more than this share of all list names is not informative
VARIANT_WORD_RATIO = 80  # two informative words "agree" at this rapidfuzz ratio (one edit in five)

sys.path.insert(0, str(ROOT))
from graph.resolve.countries import country_code  # noqa: E402  (ISO lookup only)
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


@dataclass
class Entry:
    """One list entry: its group id, kind, names (primary first) and the evidence it carries."""

    group: str
    kind: str
    names: list[str]
    countries: set[str] = field(default_factory=set)  # ISO alpha-2 (or folded name when unknown)
    ids: set[str] = field(default_factory=set)  # "SCHEME:VALUE", folded
    #: Negatives from this source are generator ground truth, never relabelled.
    ground_truth: bool = False

    def __iter__(self) -> Iterator[object]:  # group, kind, names = entry
        return iter((self.group, self.kind, self.names))


def _countries(*values: str) -> set[str]:
    return {country_code(v) for v in values if v and v.strip() and v.strip() != "-0-"} - {""}


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
            entries[row[0].strip()] = Entry(f"ofac:{row[0].strip()}", kind, [_null(row[1])])
    with (folder / "alt.csv").open(encoding="latin-1", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 4 or row[0].strip() not in entries:
                continue
            alias = _null(row[3])
            if alias:
                entries[row[0].strip()].names.append(alias)
    with (folder / "add.csv").open(encoding="latin-1", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) >= 5 and row[0].strip() in entries:
                entries[row[0].strip()].countries |= _countries(_null(row[4]))
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


_ID_TYPES = re.compile(r"(NO\.?|NUMBER|CODE|\bID\b|LEI|IMO|REGISTRATION|IDENTIFICATION)", re.IGNORECASE)


def csl_ids(value: str) -> set[str]:
    """Identifiers of a CSL row ("CN, 91110000100001043E, Unified Social Credit Code (USCC); …"):
    only numbered schemes (tax id, registration number, USCC, LEI, IMO …), not gender or dates."""
    out: set[str] = set()
    for part in value.split(";"):
        bits = [b.strip() for b in part.split(",")]
        if len(bits) < 2:
            continue
        scheme, number = bits[-1], bits[-2]
        digits = sum(ch.isdigit() for ch in number)
        if _ID_TYPES.search(scheme) and digits >= 4 and len(number) >= 5:
            out.add(f"{_fold(scheme)}:{_fold(number).replace(' ', '')}")
    return out


def _csl_countries(addresses: str) -> set[str]:
    # Each address ends with its ISO alpha-2 code: "…, Beijing, 100010, CN; Iquique, CL".
    return _countries(*(a.rsplit(",", 1)[-1] for a in addresses.split(";") if a.strip()))


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
        out.append(
            Entry(
                f"csl:{src.split(' ')[0]}:{row['_id']}",
                kind,
                names,
                _csl_countries(row["addresses"]),
                csl_ids(row.get("ids", "")),
            )
        )
    return out


def csl_ofac_cross(rows: list[dict[str, str]], ofac: list[Entry]) -> list[tuple[str, str, str, str]]:
    """(group, kind, csl name, ofac name): one SDN entity in two publications, written differently."""
    by_num = {e.group.split(":")[1]: (e.kind, e.names[0]) for e in ofac}
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
            countries = _countries(*((c.text or "") for c in node.iter("COUNTRY")))
            names = [name] + [a for a in aliases if a]
            out.append(Entry(f"un:{node.findtext('DATAID')}", kind, names, countries))
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
        country = ((ent.get("LegalAddress") or {}).get("Country") or {}).get("$", "")
        lei = rec["LEI"]["$"]
        out.append(Entry(f"lei:{lei}", "company", names, _countries(country), {f"LEI:{lei}"}))
    return out


def synthetic_companies() -> list[Entry]:
    path = ROOT / "data" / "demo_world" / "companies.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Entry(f"syn:{r['company_id']}", "company", [r["name"]], _countries(r["country"]), set(), True)
            for r in csv.DictReader(fh)
        ]


# --- pair generation -----------------------------------------------------------------------

Pair = tuple[str, str, str, int, str, str, str]  # kind, a, b, label, source, group, group of b


def alias_positives(entries: list[Entry], source: str) -> Iterator[Pair]:
    for group, kind, names in entries:
        primary = _ofac_person_display(names[0]) if source == "ofac" and kind == "person" else names[0]
        for alias in names[1:]:
            alias = _ofac_person_display(alias) if source == "ofac" and kind == "person" else alias
            yield kind, primary, alias, 1, f"{source}_alias", group, group


def noise_positives(entries: list[Entry], source: str, n: int, rng: np.random.Generator) -> Iterator[Pair]:
    picks = rng.choice(len(entries), size=min(n, len(entries)), replace=False)
    for i in sorted(int(p) for p in picks):
        group, kind, names = entries[i]
        variant, _ops = clerk_variant(names[0], None, rng)
        yield kind, names[0], variant, 1, f"{source}_noise", group, group


def nearest_negatives(entries: list[Entry], source: str, rng: np.random.Generator) -> Iterator[Pair]:
    """Each entry's primary name ↔ the most similar primary name of a *different* entry
    (labelled 0 here; :func:`label_by_evidence` relabels the same party listed twice)."""
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
                    yield kind, items[i][1], items[j][1], 0, f"{source}_nearest", items[i][0], items[j][0]
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
                        yield kind, items[i][1], items[j][1], 0, f"{source}_surname", items[i][0], items[j][0]


# --- labelling by evidence (rules N1-N3 and the relation, see the module docstring) ---------

#: Spellings of one legal form (and "&"): rule N2 compares names with these made equal.
_LEGAL_SPELLINGS = {
    "LIMITED": "LTD",
    "COMPANY": "CO",
    "CORPORATION": "CORP",
    "INCORPORATED": "INC",
    "AND": "&",
    "TECHNOLOGY": "TECH",
    "TECHNOLOGIES": "TECH",
    "INTERNATIONAL": "INTL",
}


def name_key(name: str) -> tuple[str, ...]:
    """Case, punctuation, word order and legal-form spelling removed: the N2 "same name"."""
    words = " ".join("".join(c if c.isalnum() or c == "&" else " " for c in name.upper()).split()).split()
    return tuple(sorted(_LEGAL_SPELLINGS.get(w, w) for w in words))


def _compatible(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


def same_party(a: Entry, b: Entry, name_a: str, name_b: str) -> str:
    """Why two different entries are one party ("id" / "name+country"), or "" (rules N1-N3)."""
    if a.ground_truth or b.ground_truth:
        return ""
    if a.ids & b.ids:
        return "id"
    if a.kind != "person" and name_key(name_a) == name_key(name_b) and _compatible(a.countries, b.countries):
        return "name+country"
    return ""


def common_words(entries: list[Entry]) -> frozenset[str]:
    """Folded words held by more than ``COMMON_WORD_SHARE`` of all names (not informative)."""
    counts: Counter[str] = Counter()
    total = 0
    for e in entries:
        for n in e.names:
            counts.update(set(_fold(n).upper().split()))
            total += 1
    return frozenset(w for w, c in counts.items() if c > COMMON_WORD_SHARE * total)


def is_variant(a: str, b: str, common: frozenset[str]) -> bool:
    """The two names share an informative word (equal or one edit in five), or are the same
    letters written together: a spelling variant rather than an unrelated alias."""
    wa = [w for w in _fold(a).upper().split() if len(w) >= 3 and w not in common]
    wb = [w for w in _fold(b).upper().split() if len(w) >= 3 and w not in common]
    if any(fuzz.ratio(x, y) >= VARIANT_WORD_RATIO for x in wa for y in wb):
        return True
    ja, jb = _fold(a).replace(" ", ""), _fold(b).replace(" ", "")
    return fuzz.ratio(ja, jb) >= VARIANT_WORD_RATIO


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
    for src in sorted({e.group.split(":")[1] for e in csl}):
        pairs += nearest_negatives([e for e in csl if e.group.split(":")[1] == src], "csl", rng)
    for group, kind, a, b in csl_ofac_cross(rows, ofac):
        pairs.append(
            (kind, a, _ofac_person_display(b) if kind == "person" else b, 1, "csl_ofac_cross", group, group)
        )
    companies_ofac = [e for e in ofac if e.kind == "company"]
    vessels = [e for e in ofac if e.kind == "vessel"]
    pairs += noise_positives(companies_ofac, "ofac", 1500, rng)
    pairs += noise_positives([e for e in csl if e.kind == "company"], "csl", 1500, rng)
    pairs += noise_positives(vessels, "ofac_vessel", 400, rng)
    pairs += noise_positives(syn, "synthetic", 1500, rng)
    pairs += nearest_negatives(syn, "synthetic", rng)

    seen: set[tuple[str, str, str]] = set()
    buckets: dict[tuple[str, str, int], list[Pair]] = defaultdict(list)
    for p in pairs:
        kind, a, b, label, source, group, _group_b = p
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
    # Labels by evidence, after sampling: the pairs are the same whatever the rules say.
    by_group = {e.group: e for e in (*ofac, *csl, *un, *gleif, *syn)}
    common = common_words([*ofac, *csl, *un, *gleif])
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                *("pair_id", "kind", "name_a", "name_b", "label", "source", "group", "split"),
                *("relation", "evidence", "country_a", "country_b"),
            ]
        )
        for n, (kind, a, b, label, source, group, group_b) in enumerate(out_rows):
            ea, eb = by_group.get(group), by_group.get(group_b)
            evidence = ""
            if label == 0 and ea is not None and eb is not None:
                evidence = same_party(ea, eb, a, b)
                if evidence:
                    label, source = 1, source.rsplit("_", 1)[0] + "_same_party"
            if label == 0:
                relation = "negative"
            elif source.endswith("_noise") or is_variant(a, b, common):
                relation = "variant"
            else:
                relation = "alias"
            ca = min(ea.countries) if ea is not None and ea.countries else ""
            cb = min(eb.countries) if eb is not None and eb.countries else ""
            w.writerow([n, kind, a, b, label, source, group, _split(group), relation, evidence, ca, cb])
    return len(out_rows)


if __name__ == "__main__":
    count = build()
    print(f"wrote {count} pairs to {OUT}")
