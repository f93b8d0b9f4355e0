"""Study: looser acronym and clerk-noise rules for company names — what each would gain and cost.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_pairs/acronym_clerk_study.py   # about 5 minutes

Each candidate rule is tried twice, on the names as the scorer reads them (the distinctive words
and the words in order of ``PreparedRecords``), not through the scorer, so it is counted wherever
it fires:

* on the **dev** company pairs of ``pairs.csv`` (never the test split): the pairs it would read
  as one name, with their labels and today's scores;
* on the **bundled lists** (every company name of ``data/lists/``): the pairs of list names it
  would read as one name, split into names of one list entry (one party) and names of two
  entries (a chance likeness, or one party listed twice on two lists: an upper bound). The dev
  negatives are the nearest names of one publication by token-sort ratio: they almost never pair
  an acronym with a name written out, or two one-word names a first letter apart, so a rule of
  that shape shows no false pair on dev whatever it costs. The list pairs show the cost.

The rules:

A. **three-letter acronym alone** — :func:`graph.resolve.acronyms.collapse` with ``MIN_ALONE``
   at 3 (it is 4): a name that is a three-letter acronym of all the other's distinctive words
   ("EEZ SDN" / "ELECRONIC ENGINEERING ZONE SDN BHD"). Also split by what else the names share:
   the same legal form, a form of specific jurisdictions (GMBH, LTDA; not LTD), and a word of a
   legal form that one name reads as a name word (SDN without its BHD).
B. **first-letter slip of a one-word name** — the one distinctive word of each name, both of
   four letters or more, one edit apart (Damerau: a swap is one) at the first letter (OPTIMA /
   PPTIMA, SOLID / OLID; STAR / TAR, three letters on one side, is C), which the scorer reads
   as two names (``features.FIRST_LETTER_FACTOR``, KAMAL / JAMAL;
   screening's ``name_rules.prefixed``, ANDES / BANDES).
C. **slip in a short name** — the one distinctive word of each name, three letters or fewer on
   one side, one edit apart (CLC / CZC, PLM / PML, DSK / DDK; screening's
   ``name_rules.short_name_differs``, AAJ / AAI).

Findings, session 31 (dev: 7307 name-variant company pairs, 8301 with the aliases; lists:
17,703 company names, 3,092 of one distinctive word):

A. dev: 23 pairs, all true, 22 of them aliases (KRT / KING ROYAL TECHNOLOGIES, MEC / MYANMAR
   ECONOMIC CORPORATION, ADF / ALLIED DEMOCRATIC FORCES) and one name variant (EEZ SDN).
   ``MIN_ALONE`` at 3 in the scorer: dev company P/R/F1 0.970/0.890/0.929 unchanged at three
   decimals (0.9286 → 0.9288: one false negative fewer), all pairs 0.8339 → 0.8370, no new false
   positive; screening dev false alerts unchanged (60 name only, 26 with country) — blocking has
   no acronym keys, so the screening benchmark never meets this shape and cannot vouch for it.
   Lists: a name of three letters alone spells a name of its own entry 284 times and a name of
   another entry 663 times (AAB / AO ALFA-BANK, AAH / AL ALI AND AL HAMZA LLC); at four letters
   (the rule today) 227 / 69. With the same legal form on both sides: 22 / 5 (AGR INTERNATIONAL
   LIMITED / AFRICAN GOLD REFINERY LIMITED, B R C S.A. / BIENES RAICES DEL CARIBE, S.A.).
   Not made a rule: at three letters most spellings are chance, and the scorer would call each
   a match (0.93–0.98). The narrowest variant — a word of a legal form both write, read as a
   name word by one ("SDN" without its BHD) — fires on EEZ SDN alone (dev F1 0.9286 → 0.9288, no
   false pair), but would match "EEZ SDN" while "EEZ SDN BHD", which says the same, stays
   refused: it rests on a misreading of the form, not on evidence. Not made either.
B. dev: 2 pairs, both true (OLID / SOLID, OPTIMA / PPTIMA), none false.
   ``FIRST_LETTER_FACTOR`` at 1.0 in the scorer (one-word names a first letter apart read as
   one): dev company F1 0.9286 → 0.9289, 3 true pairs won (ONERBANK / HONORBANK twice, OPTIMA /
   PPTIMA) and 1 false (ZORSECURITY / DIGITAL SECURITY), screening dev false alerts unchanged.
   Lists: 21 pairs of one entry, 92 of two entries (AKHTAR / BAKHTAR, AMAN / RAMAN, AMEC / EMEC):
   a first letter changed, added or dropped makes another listed name four times as often as
   it writes one name twice. Not made a rule.
C. dev: 8 pairs, all true, 6 missed today (CLC / CZC, PLM / PML, DSK / DDK, STAR / TAR, VTK /
   BTK, JET / JE). Lists: 27 pairs of one entry, 970 of two (AA / AAB, AAB / ACB): a short name
   one letter apart is another listed name some thirty-five times as often as the same one.
   Not made a rule (screening refuses the shape for the same reason:
   ``name_rules.short_name_differs``).

So no rule here is clean: the acronym and clerk-noise misses of the dev error table that a
spelling rule could reach have the shapes that, on the lists, far more often belong to two
different parties. The scorer is unchanged.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.resolution_eval import load_pairs, ours, sides  # noqa: E402
from graph.resolve import Record, acronyms, prepare  # noqa: E402
from graph.resolve.names import legal_forms, normalise_name  # noqa: E402
from ingest.lists.pipeline import bundled_list_paths  # noqa: E402
from ingest.lists.read import read_list_file  # noqa: E402

THRESHOLD = 0.8
#: Letters of the acronym rule A tries (the scorer's MIN_ALONE is one more).
TRIED_ALONE = 3
#: Rule C: a name of this many letters or fewer on one side.
SHORT = 3


def dev_company_pairs() -> pd.DataFrame:
    """The dev company pairs with today's scores and the first name of each side as read."""
    df = load_pairs()
    df = df[(df.split == "dev") & (df.kind == "company")].reset_index(drop=True)
    scores, _, _ = ours(df)
    left, right, _ = sides(df)
    first_a, first_b = left.start[: len(df)], right.start[: len(df)]
    return df.assign(
        score=scores,
        key_a=[left.acro_key[i] for i in first_a],
        key_b=[right.acro_key[i] for i in first_b],
        core_a=[left.core[i] for i in first_a],
        core_b=[right.core[i] for i in first_b],
    )


def acronym_alone(key_x: str, key_y: str, letters: int = TRIED_ALONE) -> acronyms.Collapse | None:
    """Rule A: name x (an ``acro_key``, "core<TAB>words") is an acronym of ``letters`` letters
    or more of all of name y's distinctive words, nothing else left on either side."""
    (core_x, seq_x), (core_y, seq_y) = key_x.split("\t"), key_y.split("\t")
    saved = acronyms.MIN_ALONE
    acronyms.MIN_ALONE = letters
    try:
        hit = acronyms.collapse(core_x, core_y, seq_y, seq_x)
    finally:
        acronyms.MIN_ALONE = saved
    return hit if hit is not None and hit.rest == ("", "") else None


def _same_form(name_a: str, name_b: str) -> tuple[bool, bool]:
    """(the same legal form written by both, and it is a form of specific jurisdictions)."""
    fa, fb = normalise_name(name_a), normalise_name(name_b)
    same = fa.legal_form_text != "" and fa.legal_form_text == fb.legal_form_text
    return same, same and legal_forms().jurisdictions(fa.legal_form_text) is not None


def study_a(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for r in df.itertuples():
        hit = acronym_alone(r.key_a, r.key_b) or acronym_alone(r.key_b, r.key_a)
        if hit is None or max(len(a) for a in hit.acronyms) != TRIED_ALONE:
            continue  # four letters and more: the rule of today
        same, specific = _same_form(r.name_a, r.name_b)
        rows.append(
            {
                "label": r.label,
                "relation": r.relation,
                "score": round(r.score, 3),
                "acronym": hit.acronyms[0],
                "same_form": same,
                "specific_form": specific,
                "form_word_as_name": bool(hit.written),
                "name_a": r.name_a,
                "name_b": r.name_b,
            }
        )
    return pd.DataFrame(rows)


def slip_shape(a: str, b: str) -> str | None:
    """ "B" / "C" when two one-word cores are one edit apart in the shape of rule B / C."""
    if not a or not b or a == b or " " in a or " " in b or DamerauLevenshtein.distance(a, b) != 1:
        return None
    if a[0] != b[0] and min(len(a), len(b)) > SHORT:
        return "B"
    if min(len(a), len(b)) <= SHORT:
        return "C"
    return None


def study_slips(df: pd.DataFrame, shape: str) -> pd.DataFrame:
    hit = [slip_shape(a, b) == shape for a, b in zip(df.core_a, df.core_b, strict=True)]
    return df[hit][["label", "relation", "score", "core_a", "core_b", "name_a", "name_b"]]


def list_names() -> dict[str, set[str]]:
    """Every company name of the bundled lists → the entries (file:row) that write it."""
    owner: dict[str, set[str]] = defaultdict(set)
    for path in bundled_list_paths():
        for k, entry in enumerate(read_list_file(path).entries):
            if entry.kind.value == "company":
                for name in (entry.name, *(a.name for a in entry.aliases)):
                    if name and name.strip():
                        owner[name].add(f"{path.name}:{k}")
    return owner


def list_acronyms(owner: dict[str, set[str]], names: list[str], keys: list[str]) -> None:
    """Rule A on the lists: each name that is one distinctive word of three or four letters
    against every list name whose distinctive words it spells."""
    cores = [key.split("\t")[0].split() for key in keys]
    short: dict[str, list[int]] = defaultdict(list)
    for i, core in enumerate(cores):
        if len(core) == 1 and TRIED_ALONE <= len(core[0]) <= TRIED_ALONE + 1 and core[0].isalpha():
            short[core[0]].append(i)
    counts: dict[tuple[int, bool], int] = defaultdict(int)
    same_form: dict[bool, int] = defaultdict(int)
    examples: list[tuple[str, str]] = []
    for acro, idxs in sorted(short.items()):
        letters = set(acro)
        for j, core in enumerate(cores):
            if not 2 <= len(core) <= len(acro) or not all(w[0] in letters for w in core):
                continue
            if acronym_alone(keys[idxs[0]], keys[j]) is None:
                continue
            own = any(owner[names[k]] & owner[names[j]] for k in idxs)
            counts[(len(acro), own)] += 1
            if len(acro) == TRIED_ALONE:
                same_form[own] += _same_form(names[idxs[0]], names[j])[0]
                if not own and len(examples) < 10:
                    examples.append((names[idxs[0]], names[j]))
    print("\nA on the lists (pairs: acronym name / name it spells)")
    for n in (TRIED_ALONE, TRIED_ALONE + 1):
        print(f"  {n} letters: one entry {counts[(n, True)]}, two entries {counts[(n, False)]}")
    print(
        f"  {TRIED_ALONE} letters, the same legal form: one entry {same_form[True]}, two {same_form[False]}"
    )
    for a, b in examples:
        print(f"    {a!r} / {b!r}")


def list_slips(owner: dict[str, set[str]], names: list[str], cores: list[str]) -> None:
    """Rules B and C on the lists: pairs of one-word list names in their shapes."""
    word_owners: dict[str, set[str]] = defaultdict(set)
    for name, core in zip(names, cores, strict=True):
        if core and " " not in core and core.isalpha():
            word_owners[core] |= owner[name]
    words = sorted(word_owners)
    dist = process.cdist(words, words, scorer=DamerauLevenshtein.distance, score_cutoff=1, dtype=np.int32)
    counts: dict[tuple[str, bool], int] = defaultdict(int)
    examples: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for i, j in zip(*np.nonzero(dist == 1), strict=True):
        shape = slip_shape(words[i], words[j]) if i < j else None
        if shape is None:
            continue
        own = bool(word_owners[words[i]] & word_owners[words[j]])
        counts[(shape, own)] += 1
        if not own and len(examples[shape]) < 10:
            examples[shape].append((words[i], words[j]))
    for shape in ("B", "C"):
        print(
            f"\n{shape} on the lists ({len(words)} one-word names): one entry {counts[(shape, True)]}, "
            f"two entries {counts[(shape, False)]}; e.g. {examples[shape]}"
        )


def _summary(title: str, table: pd.DataFrame) -> None:
    print(f"\n{title}: {len(table)} dev pairs")
    if not len(table):
        return
    missed = table.score < THRESHOLD
    print(
        f"  true {int((table.label == 1).sum())} (missed today {int(((table.label == 1) & missed).sum())}), "
        f"false {int((table.label == 0).sum())} (refused today {int(((table.label == 0) & missed).sum())})"
    )
    with pd.option_context("display.width", 250, "display.max_colwidth", 60):
        print(table.to_string(index=False))


def main() -> None:
    df = dev_company_pairs()
    print(f"dev company pairs: {len(df)}")
    a = study_a(df)
    _summary("A. three-letter acronym alone", a)
    for col in ("same_form", "specific_form", "form_word_as_name"):
        sub = a[a[col]] if len(a) else a
        print(f"  … with {col}: true {int((sub.label == 1).sum())}, false {int((sub.label == 0).sum())}")
    _summary("B. first-letter slip of a one-word name", study_slips(df, "B"))
    _summary("C. slip in a short name", study_slips(df, "C"))
    owner = list_names()
    names = sorted(owner)
    prep = prepare([Record(str(i), "company", (n,)) for i, n in enumerate(names)])
    first = prep.start[: len(names)]
    list_acronyms(owner, names, [prep.acro_key[i] for i in first])
    list_slips(owner, names, [prep.core[i] for i in first])


if __name__ == "__main__":
    main()
