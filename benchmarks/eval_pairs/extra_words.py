"""Study: person pairs where one name is the other plus extra words, by where the extra words sit.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_pairs/extra_words.py [--split dev] [--list]

A labelled person pair (``pairs.csv``) has this shape when every word of the shorter name (in
written order, :func:`graph.resolve.person_rules.written_order`: "HAMSHO, Muhammad" is read as
"Muhammad HAMSHO") is paired by the word alignment (:func:`graph.resolve.align.align_words`) at
spelling-variant strength (:data:`graph.resolve.common_names.WEAK` or more) and the longer name
has words left over. The extra words are placed against the partners of the shorter name's words
in the longer name:

* **leading** — an extra word before the partner of the shorter name's first word: another
  first name in front ("Ali Muhammad HAMSHO" / "Muhammad HAMSHO": in patronymic naming the son of
  Muhammad, or a given name the shorter writing dropped);
* **middle** — an extra word between partners (a middle name, a patronymic, a grandfather);
* **trailing** — an extra word after the last partner (a surname, a second surname, a nisba);
* **reordered** is added when the partners do not keep the shorter name's order (the shorter
  name's first word is found after another shared word: "Muammar Mohammed … QADHAFI" /
  "Mohammed Muammar QADHAFI").

The shared words are **common** when every one is a common name element: one of the lists' most
common Arabic elements (``align.COMMON_NAME_WORDS``), or a word in at least ``--common-df`` person
entries of the bundled lists. The table counts, per place and commonness, the true pairs (label
1) and the other pairs (label 0) and how many of each the scorer calls a match now: a rule that
costs an extra word of one place removes that place's false positives and loses its true
positives. The rule check below the table simulates candidate rules (each as if it put the pairs
it reads below the match threshold) on the headline person table of ``resolution_eval.py``.

**Finding (dev split, December 2026): no clean rule.** An extra given name in front ("Ali
Muhammad HAMSHO" / "Muhammad HAMSHO") is as often the same person with a first name one writing
drops — "Nasir Ali KHAN" / "Ali KHAN", "Farhad Ahmed DOCKRAT" / "Ahmed DOCKRAT", "Salim Nur al-Din
AL-DABSKI" / "Nur Al-Din AL-DIBISKI", "Juan Gabriel MONTES SERMENO" / "Gabriel MONTES SERMENO",
"Oscar Omar TREVINO MORALES" / "Omar …" — as a child or spouse ("Zineb Souma Yahya JAMMEH" is the
wife). Costing it would lose 48 true matches to remove 3 false ones (29 to 2 with nothing but
leading extras, order kept); reading a moved first word, or shared words that are all common
names, is no better (58 to 6, 27 to 3). The relatives the names do tell apart — an Arabic chain
of three words or more with a child's name in front (:mod:`graph.resolve.name_chain`), given
names in front of a compound in MUHAMMAD (:mod:`graph.resolve.muhammad_compounds`) — already
score below the threshold.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.resolve import DEFAULT_THRESHOLDS, Record, prepare, score_pairs  # noqa: E402
from graph.resolve.align import COMMON_NAME_WORDS, align_words  # noqa: E402
from graph.resolve.census_given_names import census_shares  # noqa: E402
from graph.resolve.common_names import WEAK  # noqa: E402
from graph.resolve.name_chain import PREFIX_NAMES  # noqa: E402
from graph.resolve.names import PERSON_HONORIFICS_BEFORE, PERSON_TITLES, normalise_name  # noqa: E402
from graph.resolve.person_rules import written_order  # noqa: E402

PAIRS = Path(__file__).resolve().parent / "pairs.csv"
PLACES = ("leading", "middle", "trailing")
#: Words written in front of a person's own name (Muhammad, Seyed, Haji, U, titles): a leading
#: extra word of these is no other first name.
NOT_OWN_NAME = PREFIX_NAMES | PERSON_HONORIFICS_BEFORE | PERSON_TITLES
#: A US Census given name borne by this per cent of men or women or more is a common name.
CENSUS_COMMON = 0.3


@dataclass(frozen=True)
class ExtraWords:
    """The shape of one pair: the longer name's extra words by place, and the shared words."""

    places: tuple[str, ...]  # of PLACES, in that order, each once
    reordered: bool
    extra: tuple[str, ...]
    leading: tuple[str, ...]  # the extra words in front of the shorter name's first word's partner
    shared: tuple[str, ...]  # words of the shorter name

    @property
    def label(self) -> str:
        return "+".join(self.places) + (" (reordered)" if self.reordered else "")


def extra_words(name_a: str, name_b: str) -> ExtraWords | None:
    """The shape of the pair when one name is the other plus extra words, else None."""
    words_a, words_b = written_order(name_a).split(), written_order(name_b).split()
    if len(words_a) == len(words_b) or not words_a or not words_b:
        return None
    short, long_ = (words_a, words_b) if len(words_a) < len(words_b) else (words_b, words_a)
    pairs = align_words(" ".join(short), " ".join(long_))
    partner: dict[int, int] = {}
    free = set(range(len(long_)))
    for x, y, sim in pairs:
        if not (x and y):
            continue
        if sim < WEAK:
            return None  # a word of the shorter name only weakly paired: not this shape
        i = next(k for k, w in enumerate(short) if w == x and k not in partner)
        j = next(k for k, w in enumerate(long_) if w == y and k in free)
        partner[i] = j
        free.discard(j)
    if len(partner) != len(short) or not free:
        return None
    at = [partner[i] for i in range(len(short))]
    first, hi = at[0], max(at)
    places = set()
    for j in free:
        if j < first:
            places.add("leading")
        elif j > hi:
            places.add("trailing")
        else:
            places.add("middle")
    reordered = at != sorted(at)
    extra = tuple(long_[j] for j in sorted(free))
    leading = tuple(long_[j] for j in sorted(free) if j < first)
    return ExtraWords(tuple(p for p in PLACES if p in places), reordered, extra, leading, tuple(short))


@lru_cache(maxsize=1)
def person_df() -> Counter[str]:
    """Person entries of the bundled lists per name word (primary name and aliases, once per entry)."""
    from ingest.lists.pipeline import bundled_list_paths
    from ingest.lists.read import read_list_file

    df: Counter[str] = Counter()
    for path in bundled_list_paths():
        for entry in read_list_file(path).entries:
            if entry.kind.value != "person":
                continue
            words: set[str] = set()
            for name in (entry.name, *(a.name for a in entry.aliases)):
                words.update(normalise_name(name, "person").tokens)
            df.update(words)
    return df


def all_common(words: tuple[str, ...], min_df: int) -> bool:
    """Every word is a common name: a common Arabic element of the lists, a word of ``min_df``
    person entries or more, or a US Census given name of :data:`CENSUS_COMMON` per cent or more."""
    df, census = person_df(), census_shares()
    return all(
        w in COMMON_NAME_WORDS or df[w] >= min_df or max(census.get(w, (0.0, 0.0))) >= CENSUS_COMMON
        for w in words
    )


def study(pairs: pd.DataFrame, min_df: int) -> pd.DataFrame:
    """Every pair with its score, match and headline-table membership (``variant``: a negative, or a
    positive whose relation is not ``alias``, as ``resolution_eval.py`` counts), and for the pairs
    of the shape (``of_shape``) the place of the extra words and the commonness of the shared ones."""
    rows = []
    for pair_id, name_a, name_b, label, relation in zip(
        pairs.pair_id, pairs.name_a, pairs.name_b, pairs.label.astype(int), pairs.relation, strict=True
    ):
        shape = extra_words(name_a, name_b)
        cols = {
            "pair_id": pair_id,
            "name_a": name_a,
            "name_b": name_b,
            "label": label,
            "variant": label == 0 or relation != "alias",
            "of_shape": shape is not None,
        }
        if shape is not None:
            cols |= {
                "place": shape.label,
                "leading": "leading" in shape.places,
                "pure_leading": shape.places == ("leading",) and not shape.reordered,
                "first_moved": "leading" in shape.places or shape.reordered,
                "common": all_common(shape.shared, min_df),
                "short_words": len(shape.shared),
                "prefix": bool(shape.leading) and all(w in NOT_OWN_NAME for w in shape.leading),
                "extra": " ".join(shape.extra),
            }
        rows.append(cols)
    out = pd.DataFrame(rows)
    left = prepare([Record(f"a{i}", "person", (n,)) for i, n in enumerate(out.name_a)])
    right = prepare([Record(f"b{i}", "person", (n,)) for i, n in enumerate(out.name_b)])
    idx = np.arange(len(out), dtype=np.int64)
    out["score"] = score_pairs(left, right, np.column_stack([idx, idx])).score.round(3)
    out["match"] = out.score >= DEFAULT_THRESHOLDS.match
    return out


def _shaped(out: pd.DataFrame) -> pd.DataFrame:
    """The pairs of the shape, their flags as booleans."""
    shaped = out[out.of_shape].copy()
    for col in ("leading", "pure_leading", "first_moved", "common", "prefix"):
        shaped[col] = shaped[col].astype(bool)
    return shaped


def table(shaped: pd.DataFrame) -> str:
    lines = [
        "| place | shared words | true pairs | true matched now | other pairs | other matched now |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for (place, common), g in shaped.groupby(["place", "common"]):
        pos, neg = g[g.label == 1], g[g.label == 0]
        lines.append(
            f"| {place} | {'all common' if common else 'some rare'} | {len(pos)} | {int(pos.match.sum())} "
            f"| {len(neg)} | {int(neg.match.sum())} |"
        )
    return "\n".join(lines)


def _prf(label: pd.Series, match: pd.Series) -> tuple[float, float, float]:
    tp = int((label.eq(1) & match).sum())
    p = tp / max(1, int(match.sum()))
    r = tp / max(1, int(label.eq(1).sum()))
    return p, r, 2 * p * r / max(1e-9, p + r)


def rule_check(out: pd.DataFrame) -> str:
    """Each candidate rule as if it put the pairs it reads below the match threshold: the true
    matches it would lose, the false matches it would remove, and the headline person P/R/F1."""
    shaped = _shaped(out)
    two = shaped.short_words >= 2
    rules = {
        "extra leading given name (shorter name 2+ words, no prefix name or title in front)": (
            shaped.leading & two & ~shaped.prefix
        ),
        "  … only leading extras, order kept": shaped.pure_leading & two & ~shaped.prefix,
        "  … only leading extras, order kept, shared words all common": (
            shaped.pure_leading & two & ~shaped.prefix & shaped.common
        ),
        "first word moved (a word of either kind in front of it, or order crossed)": (
            shaped.first_moved & two & ~shaped.prefix
        ),
        "shared words all common (any place)": shaped.common & two,
    }
    head = out[out.variant]
    p, r, f = _prf(head.label, head.match)
    lines = [
        "| candidate rule (dev person pairs) | true matches lost | false matches removed "
        "| person P / R / F1 (headline) |",
        "|---|---:|---:|---|",
        f"| none (now) | | | {p:.3f} / {r:.3f} / {f:.3f} |",
    ]
    for name, hit in rules.items():
        touched = shaped.pair_id[hit]
        lost = int((shaped.label.eq(1) & shaped.match & hit).sum())
        removed = int((shaped.label.eq(0) & shaped.match & hit).sum())
        match = head.match & ~head.pair_id.isin(touched)
        p, r, f = _prf(head.label, match)
        lines.append(f"| {name} | {lost} | {removed} | {p:.3f} / {r:.3f} / {f:.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev"], help="tune and study on dev only")
    parser.add_argument("--common-df", type=int, default=30, help="person entries that make a word common")
    parser.add_argument("--list", action="store_true", help="list every pair of the shape")
    args = parser.parse_args()
    pairs = pd.read_csv(PAIRS, dtype={"name_a": str, "name_b": str}, keep_default_na=False)
    pairs = pairs[(pairs.kind == "person") & (pairs.split == args.split)]
    out = study(pairs, args.common_df)
    shaped = _shaped(out)
    print(f"{len(shaped)} of {len(out)} {args.split} person pairs: one name is the other plus extra words\n")
    print(table(shaped))
    print()
    print(rule_check(out))
    if args.list:
        cols = [
            "pair_id",
            "label",
            "score",
            "place",
            "common",
            "short_words",
            "prefix",
            "extra",
            "name_a",
            "name_b",
        ]
        with pd.option_context("display.width", 250, "display.max_rows", None, "display.max_colwidth", 40):
            print()
            print(shaped.sort_values(["place", "label", "score"])[cols].to_string(index=False))


if __name__ == "__main__":
    main()
