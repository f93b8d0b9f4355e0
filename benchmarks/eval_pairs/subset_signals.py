"""Do the names tell a shortened name from a sibling? — the "subset + extra words" pairs, side by side.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_pairs/subset_signals.py     # dev split only

Reads the company pairs of the dev name-variant table (``resolution_eval.py --variants-only``:
every negative, the positives of relation ``variant``), scores them with the product and keeps
the pairs the rules leave to the name similarity: decided a match, no sibling, unpaired-words or
empty-name evidence, the aligned names sharing a distinctive word and only one of them keeping
distinctive words with no counterpart on the other side (``siblings._extra``: not a typo, cut
or initial of any of the other name's words). Those are the matches a new "sibling" penalty
could take back: each negative it catches is a false positive removed, each positive a true
positive lost. At the dev figures (company F1 0.927) one lost true positive costs about as much
F1 as 1.16 false positives removed, so a signal is worth a rule only where its negatives
outnumber its positives by more than that.

For each candidate reading of the names (what the extra words are, where they stand, how many,
how common in the bundled lists and in English, the legal forms, the line-of-business words of
the other side) the table prints ``negatives / positives`` among the pairs it holds for.

Result at 9b9496a (dev; 57 negatives, 402 positives held by the rules to the name similarity):
no reading separates them. The best, both names writing a legal form, holds for 37 negatives
and 92 positives; an extra word that is a place 7 / 23; extra words leading the shared ones
12 / 134, inside them 15 / 74, after them 30 / 190; one extra word 44 / 270; the shorter name one
word 22 / 130; an extra word that is a common English word 35 / 196; the other name keeping a
line-of-business word the longer lacks (TEXTILE / GENERAL TRADING) 12 / 52 (the list aliases
reword the line of business as often: FOREIGN EXCHANGE / COMMERCIAL, MARINE / TECHNOLOGY). The
list word counts do no better than the sibling rule already does (extra word in at most 9 entries
next to a stem in 10-19: 11 / 13). The negatives left are subsidiaries named by a place, a
country or an activity (WUXI BIOLOGICS (SHANGHAI), BANK SADERAT IRAN, KAVE COFFEE S.A.) that the
lists also write as aliases of one body (CHINA UNICOM (HONG KONG), AERO CONTINENTE (USA) INC.,
BELSHINA TYRE WORKS): the names alone do not say which.

The reverse reading was tried too: a kind of body among the line-of-business words (GROUP,
HOLDING, COMPANY) naming no business, so that "SHAHID MEISAMI GROUP" keeps the subset credit
against "… RESEARCH COMPLEX". It gains 3 dev positives and loses none, but among dev names of
*different* list entries sharing their first word it makes 20 new matches, nearly all a group
or holding against its subsidiary (ASCOTEC HOLDING / ASCOTEC STEEL TRADING, TADBIR GROUP /
TADBIR CONSTRUCTION DEVELOPMENT COMPANY): GROUP and HOLDING name a parent, not no business.
It was not kept.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.resolution_eval import load_pairs, sides  # noqa: E402
from graph.resolve import DEFAULT_THRESHOLDS, score_pairs, siblings  # noqa: E402
from graph.resolve.names import fold  # noqa: E402
from graph.resolve.place_qualifiers import gazetteer  # noqa: E402
from graph.words import COMMON_ZIPF, zipf  # noqa: E402

_WORD = re.compile(r"[A-Z0-9]+")


@dataclass(frozen=True)
class Held:
    """One pair left to the name similarity, read as the table needs it."""

    label: int
    shared: frozenset[str]  # distinctive words both names write
    extra: tuple[str, ...]  # the longer name's distinctive words with no counterpart
    long_name: str  # the name that keeps them, as published
    short_words: int  # distinctive words of the other name
    forms: tuple[str, str]  # the legal forms as written ('' when none)
    generic_long: frozenset[str]
    generic_short: frozenset[str]


def held_pairs() -> list[Held]:
    """The dev company pairs decided a match on the name similarity alone (module docstring)."""
    df = load_pairs()
    df = df[(df.split == "dev") & (df.kind == "company") & ((df.label == 0) | (df.relation != "alias"))]
    df = df.reset_index(drop=True)
    left, right, pairs = sides(df)
    scored = score_pairs(left, right, pairs)
    strings = left.interner.strings
    out: list[Held] = []
    for first, feats, _ in scored.chunks:
        for k in range(len(feats.name_sim)):
            i = first + k
            if scored.score[i] < DEFAULT_THRESHOLDS.match or feats.empty[k] or feats.unpaired[k]:
                continue
            if feats.sibling[k]:
                continue
            na = int(left.start[i] + feats.writing_a[k])
            nb = int(right.start[i] + feats.writing_b[k])
            words_a, words_b = set(left.core[na].split()), set(right.core[nb].split())
            shared = words_a & words_b
            if not shared:
                continue
            extra_a = siblings._extra(words_a, shared, words_b, set(right.words[nb].split()))
            extra_b = siblings._extra(words_b, shared, words_a, set(left.words[na].split()))
            if bool(extra_a) == bool(extra_b):
                continue
            gen_a = frozenset(strings[int(left.generic[na])].split())
            gen_b = frozenset(strings[int(right.generic[nb])].split())
            form_a = strings[int(left.legal[na])].partition("|")[2]
            form_b = strings[int(right.legal[nb])].partition("|")[2]
            label, name_a, name_b = int(df.label[i]), str(df.name_a[i]), str(df.name_b[i])
            if extra_a:
                held = Held(
                    label,
                    frozenset(shared),
                    tuple(extra_a),
                    name_a,
                    len(words_b),
                    (form_a, form_b),
                    gen_a,
                    gen_b,
                )
            else:
                held = Held(
                    label,
                    frozenset(shared),
                    tuple(extra_b),
                    name_b,
                    len(words_a),
                    (form_b, form_a),
                    gen_b,
                    gen_a,
                )
            out.append(held)
    return out


def _where(h: Held) -> str:
    """Whether the extra words lead, follow or stand inside the shared ones (as published)."""
    words = _WORD.findall(fold(h.long_name))
    extra = [n for n, w in enumerate(words) if w in h.extra]
    shared = [n for n, w in enumerate(words) if w in h.shared]
    if not extra or not shared:
        return "unknown"
    if max(extra) < min(shared):
        return "lead"
    return "trail" if min(extra) > max(shared) else "inside"


def signals() -> dict[str, Callable[[Held], bool]]:
    places = gazetteer()
    counts = siblings.token_df()
    return {
        "both names write a legal form": lambda h: all(h.forms),
        "extra word is a place (gazetteer)": lambda h: any(w in places for w in h.extra),
        "extra words lead the shared ones": lambda h: _where(h) == "lead",
        "extra words inside the shared ones": lambda h: _where(h) == "inside",
        "extra words follow the shared ones": lambda h: _where(h) == "trail",
        "one extra word": lambda h: len(h.extra) == 1,
        "shorter name is one distinctive word": lambda h: h.short_words == 1,
        "extra words all common English": lambda h: all(zipf(w) >= COMMON_ZIPF for w in h.extra),
        "shorter name keeps line-of-business words the longer lacks": lambda h: bool(
            h.generic_short - h.generic_long
        ),
        "extra word in <= 9 entries, stem in 10-19": lambda h: (
            min(counts.get(w, 0) for w in h.extra) <= siblings.RARE_EXTRA
            and 10 <= min(counts.get(w, 0) for w in h.shared) < siblings.COMMON_STEM
        ),
    }


def main() -> None:
    held = held_pairs()
    labels = np.array([h.label for h in held])
    negatives, positives = np.sum(labels == 0), np.sum(labels == 1)
    print(f"dev company pairs left to the name similarity: {negatives} negatives, {positives} positives")
    print(f"{'reading of the names':<62} {'neg':>4} {'pos':>4}")
    for title, holds in signals().items():
        hit = np.array([holds(h) for h in held], dtype=bool)
        print(f"{title:<62} {np.sum(hit & (labels == 0)):>4} {np.sum(hit & (labels == 1)):>4}")


if __name__ == "__main__":
    main()
