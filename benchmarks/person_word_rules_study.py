"""Candidate person-name word rules, counted on the dev split before any is written.

    PYTHONPATH=. .venv/bin/python benchmarks/person_word_rules_study.py          # counts per rule
    PYTHONPATH=. .venv/bin/python benchmarks/person_word_rules_study.py --show   # and the word pairs

Every dev person pair of ``eval_pairs/pairs.csv`` that ``resolution_eval.py`` scores (the
negatives and the name-variant positives) is scored, and its names aligned word by word as the
person rules see them (:func:`graph.resolve.person_rules.written_order`, compounds joined). Each
aligned pair of two different words is tagged with what credited it in
:func:`graph.resolve.align.word_similarity` (skeleton, romanisation key, sound shift, edit ratio
…), and each candidate rule below is asked of it. A rule is worth writing only when the pairs it
would turn down are clearly more false than true: the counts are of pairs now matched (score at
or above the match threshold), false / true.

The candidates are the readings of dev false matches that looked like a general rule:

* ``doubled_vs_cluster`` — a consonant doubled on one side and, on the other, followed at once
  by another consonant (ABBUD / ABDU): two changes at one place of one skeleton.
* ``edit_below_0.7`` — a pair credited by the edit ratio alone below 0.7 (CHAD / HAMID).
* ``extra_consonant`` — an edit-ratio pair whose skeletons differ by one consonant
  (SEDAGHATI / SADEGHI: S-D-G-H-T / S-D-G-H).
* ``other_ending`` — an edit-ratio pair below 0.75 of one stem (3 letters or more) and two
  endings, neither word a prefix of the other (DRAGAN / DRAGO, MILICA / MILANKA).
* ``nothing_agrees`` (per name pair) — no word of the two names is equal and the best aligned
  word pair is below 0.8 (Aping JUNTARAPRAPORN / Arin JANPRAPAPORN).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.resolve import DEFAULT_THRESHOLDS, score_pairs
from graph.resolve import align as al
from graph.resolve.arabic_compounds import element_part
from graph.resolve.names import consonant_skeleton
from graph.resolve.person_compounds import compound_forms
from graph.resolve.person_rules import written_order

#: Letters the consonant skeleton drops (graph.resolve.names).
_VOWELS = frozenset("AEIOUYW")


def credited_by(a: str, b: str) -> str:
    """What credits two different name words in :func:`graph.resolve.align.word_similarity`."""
    if element_part(a) is not a or element_part(b) is not b:
        return "abd"
    if len(a) == 1 or len(b) == 1:
        return "initial"
    if al.is_contraction(a, b) or al.is_contraction(b, a):
        return "contraction"
    if al.same_particle(a, b):
        return "particle"
    if al.glued_to(a, b) or al.glued_to(b, a) or al.glued_article(a, b) or al.glued_article(b, a):
        return "glued"
    if al.same_given_name(a, b):
        return "given_name"
    ratio = fuzz.ratio(a, b) / 100.0
    tags = []
    if len(a) >= 4 and len(b) >= 4 and consonant_skeleton(a) == consonant_skeleton(b):
        tags.append("skeleton")
    if al.romanisation_key(a) == al.romanisation_key(b):
        tags.append("roman")
    if ratio < al.ROMANISATION_CREDIT and al.same_shifted(a, b):
        tags.append("shift")
    return "+".join(tags) if tags and ratio < al.SKELETON_CREDIT else "edit"


def _consonants(word: str) -> list[tuple[str, bool, bool]]:
    """``(letter, doubled, a consonant follows)`` per consonant run after the first letter."""
    runs: list[tuple[str, int]] = []
    i = 0
    while i < len(word):
        j = i
        while j < len(word) and word[j] == word[i]:
            j += 1
        runs.append((word[i], j - i))
        i = j
    out = []
    for k, (letter, n) in enumerate(runs):
        if k == 0 or letter in _VOWELS:
            continue
        after = runs[k + 1][0] if k + 1 < len(runs) else None
        out.append((letter, n > 1, after is not None and after not in _VOWELS))
    return out


def doubled_vs_cluster(a: str, b: str) -> bool:
    """ABBUD / ABDU: one consonant doubled on one side, followed at once by another on the other."""
    ca, cb = _consonants(a), _consonants(b)
    if [c for c, _, _ in ca] != [c for c, _, _ in cb]:
        return False
    return any(
        (da and not db and cluster_b) or (db and not da and cluster_a)
        for (_, da, cluster_a), (_, db, cluster_b) in zip(ca, cb, strict=True)
    )


def extra_consonant(a: str, b: str) -> bool:
    """SEDAGHATI / SADEGHI: the skeletons differ by one consonant after the first letter."""
    sa, sb = consonant_skeleton(a), consonant_skeleton(b)
    short, long_ = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(long_) == len(short) + 1 and any(
        long_[:i] + long_[i + 1 :] == short for i in range(1, len(long_))
    )


def other_ending(a: str, b: str) -> bool:
    """DRAGAN / DRAGO: one stem of three letters or more, two endings, neither word a prefix."""
    n = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return 3 <= n < min(len(a), len(b))


#: name → (tags the rule is asked of (None: any), the rule on the words and their similarity)
WORD_RULES: dict[str, tuple[frozenset[str] | None, Callable[[str, str, float], bool]]] = {
    "doubled_vs_cluster": (
        frozenset(["skeleton", "roman", "skeleton+roman"]),
        lambda a, b, _: doubled_vs_cluster(a, b),
    ),
    "edit_below_0.7": (frozenset(["edit"]), lambda _a, _b, sim: sim < 0.7),
    "extra_consonant": (frozenset(["edit"]), lambda a, b, _: extra_consonant(a, b)),
    "other_ending": (frozenset(["edit"]), lambda a, b, sim: sim < 0.75 and other_ending(a, b)),
}


def dev_person_pairs() -> pd.DataFrame:
    """The dev person pairs ``resolution_eval.py`` scores in its name-variant table, with scores."""
    from benchmarks.resolution_eval import load_pairs, sides

    df = load_pairs()
    df = df[(df.split == "dev") & (df.kind == "person")]
    df = df[(df.label == 0) | (df.relation != "alias")].reset_index(drop=True)
    df["score"] = score_pairs(*sides(df)).score
    return df


def aligned_words(name_a: str, name_b: str) -> list[tuple[str, str, float]]:
    """The aligned word pairs of two names (both words present), as the person rules align them."""
    ordered_a, ordered_b, _ = compound_forms(written_order(name_a), written_order(name_b), keep_order=True)
    return [(a, b, s) for a, b, s in al.align_words(ordered_a, ordered_b) if a and b]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--show", action="store_true", help="print the matched word pairs each rule turns down"
    )
    args = parser.parse_args()
    df = dev_person_pairs()
    matched = df[df.score >= DEFAULT_THRESHOLDS.match]
    rows = []
    nothing_agrees: dict[int, int] = {0: 0, 1: 0}
    for pair in matched.itertuples():
        words = aligned_words(pair.name_a, pair.name_b)
        if words and all(a != b for a, b, _ in words) and max(s for *_, s in words) < 0.8:
            nothing_agrees[int(pair.label)] += 1
        for a, b, sim in words:
            if a != b:
                rows.append((pair.Index, int(pair.label), a, b, sim, credited_by(a, b)))
    pairs = pd.DataFrame(rows, columns=["pair", "label", "a", "b", "sim", "credited_by"])
    print(f"dev person pairs matched: {len(matched)} ({int((matched.label == 0).sum())} false)")
    print(pairs.groupby(["credited_by", "label"]).size().unstack(fill_value=0).to_string())
    print(f"\n{'rule':<20} {'false':>5} {'true':>5}")
    for name, (tags, rule) in WORD_RULES.items():
        asked = pairs if tags is None else pairs[pairs.credited_by.isin(tags)]
        hit = asked[[rule(a, b, s) for a, b, s in zip(asked.a, asked.b, asked.sim, strict=True)]]
        false, true = (hit[hit.label == lab].pair.nunique() for lab in (0, 1))
        print(f"{name:<20} {false:>5} {true:>5}")
        if args.show:
            for row in hit.itertuples():
                print(f"    {row.label} {row.a} / {row.b} {row.sim:.2f}")
    print(f"{'nothing_agrees':<20} {nothing_agrees[0]:>5} {nothing_agrees[1]:>5}")


if __name__ == "__main__":
    main()
