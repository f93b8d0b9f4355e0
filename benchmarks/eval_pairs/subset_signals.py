"""Do the names tell a shortened name from a sibling? — the "subset + extra words" pairs, side by side.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_pairs/subset_signals.py     # dev split only
    PYTHONPATH=. .venv/bin/python benchmarks/eval_pairs/subset_signals.py --dump /tmp/subset.csv

Reads the company pairs of the dev name-variant table (``resolution_eval.py --variants-only``:
every negative, the positives of relation ``variant``), scores them with the product and keeps
every pair of **subset shape**, whatever its decision: the aligned names share a distinctive
word and only one of them keeps distinctive words with no counterpart on the other side
(``siblings._extra``: not a typo, cut or initial of any of the other name's words); pairs with
no distinctive word, or with unpaired words on both sides, are left out. ``--dump`` writes them
all with label, score, decision and the extra words.

The pairs decided a match are those a new penalty could take back: each negative it catches is
a false positive removed (FP column), each positive a true positive lost (TP). The pairs not
decided a match (TN, FN) are those a new credit could lift. At the dev figures (company P 0.970
R 0.890 F1 0.928: 3,491 TP, 107 FP, 432 FN) one lost true positive costs about as much F1 as
1.16 false positives removed (:data:`FP_PER_TP`), so a reading is worth a penalty only where its
FP outnumber its TP by more than that.

For each candidate reading of the names (what the extra words are, where they stand, how many,
how common in the bundled lists and in English, whether they stand in brackets or name a
place, the legal forms, the line-of-business words of each side, by the product's generic words
and by rigour's ``DOMAIN`` organisation symbols) the table prints FP / TP / TN / FN among the
pairs it holds for, then every conjunction of two readings (or their negations) worth a rule.

Result at 64346f2 (dev; subset shape: 57 FP, 409 TP decided a match; 188 TN, 67 FN not): no
reading separates them, alone or two together.

* A sibling line of business ("HONG PANG GENERAL TRADING" / "HONG PANG TEXTILE"): by the
  product's generic words, the shorter name keeping line-of-business words the longer lacks,
  12 FP / 53 TP; by rigour's maintained ``DOMAIN`` symbols, each side a line of business the
  other lacks, 0 FP / 7 TP (TEXTILE, GEM, COFFEE carry no domain there, nor GENERAL TRADING or
  HOLDING; the positives it holds for are list aliases: FORSS TECHNOLOGY / FORSS MARINE,
  ORIENTAL LOGISTICS / ORIENTAL AIR TRANSPORT, … INSTITUTE OF APPLIED CHEMISTRY / FEDERAL
  RESEARCH AND PRODUCTION CENTER …); the longer name adding a line of business,
  12 / 118. The lists reword the line of business of one body as often as siblings differ by
  it (AL HARAM COMMERCIAL / AL HARAM FOREIGN EXCHANGE, RAZAVI OIL AND GAS DEVELOPMENT /
  … SECURITY are one body each).
* A bracketed location ("WUXI BIOLOGICS (SHANGHAI)", "PEACEFUL VISION (LIANYUNGANG)
  ELECTRONIC"): extra words all in brackets 3 / 15; a gazetteer place in brackets 1 / 1 (WUXI
  BIOLOGICS (SHANGHAI) against CHINA UNICOM (HONG KONG)); by hand, counting the places the
  gazetteer lacks (LIANYUNGANG, JIANGYIN, YANJIAO, USA), 3 / 4 (CHINA UNICOM (HONG KONG), SJ
  SEMICONDUCTOR (JIANGYIN), KUNHAI (YANJIAO), AERO CONTINENTE (USA) INC. / AERO CONTINENTE, INC.
  are aliases; the same (USA) name against AERO CONTINENTE E.I.R.L. is a negative). An extra word
  that is a place at all: 7 / 24; a place of no country where the other name's legal form is
  used (``LegalForms.jurisdictions``: "… DE PANAMA, S.A." / "… S.A. DE C.V."), 1 / 2 (the
  form tables read SOCIETY as Canadian and INVESTMENT COMPANY as American).
* Which side is the shorter, and how short: the shorter name one distinctive word 22 / 131;
  one extra word 44 / 272; extra words leading 12 / 136, inside 15 / 75, following 30 / 191.
* The shared part's rarity (``data/reference/list_token_df.csv``): least shared word in at most
  5 entries 24 / 284, in at least 20 entries 8 / 38; extra word in 20 entries or more 22 / 168;
  extra word in at most 9 entries next to a stem in 10-19 (the sibling rule's band just below
  its stem threshold) 11 / 15.
* The extra word a kind of body or an organisational word (GRUPO, BUREAU, ZAVOD; a reading
  that would *keep* the credit): 7 / 51, and its negation 50 / 358.
* Two readings together: the best conjunctions hold for 4 FP / 3 TP (both names writing a legal
  form and an extra word that is a place: WUXI BIOLOGICS (SHANGHAI), MYANMAR WANBAO MINING
  COPPER, two … DE PANAMA, S.A. against KOREA DAESONG GENERAL TRADING CORPORATION, KOREA
  RUNGRADO …, BEHSAZ KASHANE TEHRAN CONSTRUCTION CO.), 6 / 5,
  5 / 3 (both a legal form and the sibling rule's band lowered to stems in 10-19 entries),
  3 / 1, 3 / 2 — slices of a few pairs with no reason a regulator would accept, worth at most
  one false positive's F1 on dev; fitted to it, not a rule.

The negatives left are subsidiaries named by a place, a trade, a brand or a kind of body
(KAVE COFFEE S.A. / KAVE, S.A., ELEMENTO OIL & GAS LTD / ELEMENTO LIMITED, CASA GRAJALES S.A.,
BANDAR IMAM BESPARAN PETROCHEMICAL) that the lists also write as aliases of one body in exactly
that shape (BELSHINA TYRE WORKS OAO / BELSHINA OAO, ROSNEFT OIL COMPANY / ROSNEFT, SEGUROS LA
VITALICIA / LA VITALICIA, SHAFAGH SENOBAR YAZD COMPANY): the names alone do not say which, and
no rule was made. The false negatives of subset shape are mostly other writings as well as a
subset (spelling, translation, a clause naming a parent body) or pairs the sibling rule holds
back on purpose (VTB BANK (KIEV), TIKHOMIROV … INSTITUTE).

An earlier run (9b9496a) read the matches only and tried the reverse reading too: a kind of
body among the line-of-business words (GROUP, HOLDING, COMPANY) naming no business, so that
"SHAHID MEISAMI GROUP" keeps the subset credit against "… RESEARCH COMPLEX". It gains 3 dev
positives and loses none, but among dev names of *different* list entries sharing their first
word it makes 20 new matches, nearly all a group or holding against its subsidiary (ASCOTEC
HOLDING / ASCOTEC STEEL TRADING, TADBIR GROUP / TADBIR CONSTRUCTION DEVELOPMENT COMPANY): GROUP
and HOLDING name a parent, not no business. It was not kept.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.resolution_eval import load_pairs, sides  # noqa: E402
from graph.resolve import DEFAULT_THRESHOLDS, score_pairs, siblings  # noqa: E402
from graph.resolve.body_kinds import KINDS  # noqa: E402
from graph.resolve.names import fold, legal_forms, normalise_name  # noqa: E402
from graph.resolve.org_symbols import symbol_view  # noqa: E402
from graph.resolve.org_translate import translate  # noqa: E402
from graph.resolve.place_qualifiers import gazetteer, place_split  # noqa: E402
from graph.words import COMMON_ZIPF, zipf  # noqa: E402

_WORD = re.compile(r"[A-Z0-9]+")
_BRACKET = re.compile(r"\(([^()]*)\)")
#: One true positive lost costs about as much dev company F1 as this many false positives removed
#: (module docstring): a reading that takes matches back must hold for more negatives than this
#: times its positives.
FP_PER_TP = 1.16
#: The least number of false positives a conjunction of two readings must hold for to be listed.
MIN_CONJUNCTION_FP = 3


@dataclass(frozen=True)
class Held:
    """One subset-shaped pair, read as the table needs it."""

    label: int
    score: float
    decided: bool  # decided a match at the default thresholds
    sibling: bool  # the product's sibling evidence already counts against it
    shared: frozenset[str]  # distinctive words both names write
    extra: tuple[str, ...]  # the longer name's distinctive words with no counterpart
    long_name: str  # the name that keeps them, as published
    short_name: str  # the other name, as published
    short_words: int  # distinctive words of the other name
    forms: tuple[str, str]  # the legal forms as written ('' when none)
    generic_long: frozenset[str]
    generic_short: frozenset[str]


def subset_pairs() -> list[Held]:
    """Every dev company pair of subset shape (module docstring), whatever its decision."""
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
            if feats.empty[k] or feats.unpaired[k]:
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
            score = float(scored.score[i])
            common = (
                label,
                score,
                score >= DEFAULT_THRESHOLDS.match,
                bool(feats.sibling[k]),
                frozenset(shared),
            )
            if extra_a:
                held = Held(
                    *common, tuple(extra_a), name_a, name_b, len(words_b), (form_a, form_b), gen_a, gen_b
                )
            else:
                held = Held(
                    *common, tuple(extra_b), name_b, name_a, len(words_a), (form_b, form_a), gen_b, gen_a
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


def in_brackets(long_name: str, extra: tuple[str, ...]) -> bool:
    """Every extra word stands in brackets of the longer name ("WUXI BIOLOGICS (SHANGHAI) CO.,
    LTD.", "PRESTO FREIGHT INTERNATIONAL LLC (PFI)")."""
    inside = {w for b in _BRACKET.findall(long_name) for w in _WORD.findall(fold(b))}
    return bool(extra) and set(extra) <= inside


def bracketed_place(long_name: str, extra: tuple[str, ...], places: Mapping[str, object]) -> bool:
    """:func:`in_brackets`, and a bracket is a place of the gazetteer ("CHINA UNICOM (HONG KONG)
    LIMITED", "AERO CONTINENTE (USA) INC."; the gazetteer lacks most Chinese cities, SHANGHAI)."""
    brackets = [" ".join(_WORD.findall(fold(b))) for b in _BRACKET.findall(long_name)]
    return in_brackets(long_name, extra) and any(b in places for b in brackets)


def foreign_place(long_name: str, short_form: str) -> bool:
    """The longer name writes a place (``place_qualifiers.place_split``) of no country where the
    shorter name's legal form is used (``LegalForms.jurisdictions``): "AERONAUTICA CONDOR DE
    PANAMA, S.A." / "AERONAUTICA CONDOR S.A. DE C.V." (a Mexican form), a foreign subsidiary."""
    where = legal_forms().jurisdictions(short_form) if short_form else None
    split = place_split(long_name)
    if where is None or split is None:
        return False
    countries = {c.upper() for place in split.places for c in place.countries}
    return bool(countries) and not countries & where


def domains(name: str) -> frozenset[str]:
    """The lines of business rigour reads in a name (``DOMAIN:`` organisation symbols, after the
    translation table: ``graph.resolve.org_symbols``)."""
    view = symbol_view(" ".join(normalise_name(name).tokens))
    return frozenset(s for s in view.symbols if s.startswith("DOMAIN:"))


def sibling_business(short_name: str, long_name: str) -> bool:
    """Each name writes a line of business (rigour ``DOMAIN``) the other lacks: "HONG PANG
    GENERAL TRADING" / "HONG PANG TEXTILE", the reading of a sibling by its trade."""
    short, long_ = domains(short_name), domains(long_name)
    return bool(short - long_) and bool(long_ - short)


def kind_of_body(word: str) -> bool:
    """A word saying what kind of body, or an organisational word of the translation table
    (``body_kinds.KINDS``, ``org_translate``): BUREAU, ZAVOD, GRUPO."""
    return word in KINDS or bool(translate(word))


def signals() -> dict[str, Callable[[Held], bool]]:
    places = gazetteer()
    counts = siblings.token_df()

    def stem(h: Held) -> int:
        return min(counts.get(w, 0) for w in h.shared)

    def extra(h: Held) -> int:
        return min(counts.get(w, 0) for w in h.extra)

    return {
        "both names write a legal form": lambda h: all(h.forms),
        "extra word is a place (gazetteer)": lambda h: any(w in places for w in h.extra),
        "extra words all in brackets": lambda h: in_brackets(h.long_name, h.extra),
        "extra words a place in brackets (gazetteer)": lambda h: bracketed_place(
            h.long_name, h.extra, places
        ),
        "a place outside the other's legal-form jurisdictions": lambda h: foreign_place(
            h.long_name, h.forms[1]
        ),
        "extra words lead the shared ones": lambda h: _where(h) == "lead",
        "extra words inside the shared ones": lambda h: _where(h) == "inside",
        "extra words follow the shared ones": lambda h: _where(h) == "trail",
        "one extra word": lambda h: len(h.extra) == 1,
        "shorter name is one distinctive word": lambda h: h.short_words == 1,
        "extra words all common English": lambda h: all(zipf(w) >= COMMON_ZIPF for w in h.extra),
        "extra word a kind of body or org word": lambda h: any(kind_of_body(w) for w in h.extra),
        "shorter name keeps line-of-business words the longer lacks": lambda h: bool(
            h.generic_short - h.generic_long
        ),
        "each side a line of business (rigour) the other lacks": lambda h: sibling_business(
            h.short_name, h.long_name
        ),
        "longer adds a line of business (rigour)": lambda h: bool(
            domains(h.long_name) - domains(h.short_name)
        ),
        "shared words rare (least in <= 5 entries)": lambda h: stem(h) <= 5,
        "shared words common (least in >= 20 entries)": lambda h: stem(h) >= siblings.COMMON_STEM,
        "extra word common in the lists (>= 20 entries)": lambda h: extra(h) >= siblings.COMMON_STEM,
        "extra word in <= 9 entries, stem in 10-19": lambda h: (
            extra(h) <= siblings.RARE_EXTRA and 10 <= stem(h) < siblings.COMMON_STEM
        ),
    }


def cells(hit: np.ndarray, labels: np.ndarray, decided: np.ndarray) -> tuple[int, int, int, int]:
    """(false positives, true positives, true negatives, false negatives) among ``hit``."""
    neg, pos = labels == 0, labels == 1
    return (
        int(np.sum(hit & decided & neg)),
        int(np.sum(hit & decided & pos)),
        int(np.sum(hit & ~decided & neg)),
        int(np.sum(hit & ~decided & pos)),
    )


def worth_a_rule(hits: Mapping[str, np.ndarray], labels: np.ndarray, decided: np.ndarray) -> list[str]:
    """The conjunctions of two readings (or their negations) whose matches are false more than
    :data:`FP_PER_TP` times as often as true, on at least :data:`MIN_CONJUNCTION_FP` pairs."""
    both = dict(hits) | {f"not {k}": ~v for k, v in hits.items()}
    found = []
    for (ka, va), (kb, vb) in itertools.combinations(both.items(), 2):
        fp, tp, _, _ = cells(va & vb, labels, decided)
        if fp >= MIN_CONJUNCTION_FP and fp > FP_PER_TP * tp:
            found.append(f"{fp} / {tp}: {ka} & {kb}")
    return found


def dump(held: list[Held], path: Path) -> None:
    """Every subset-shaped pair with its label, score and decision (for reading, not committing)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["label", "score", "decided", "sibling", "short_name", "long_name", "extra", "shared"])
        for h in sorted(held, key=lambda h: (h.label, h.decided, h.score)):
            row = [h.label, f"{h.score:.3f}", int(h.decided), int(h.sibling), h.short_name, h.long_name]
            out.writerow([*row, " ".join(h.extra), " ".join(sorted(h.shared))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dump", type=Path, help="write every subset-shaped pair to this CSV")
    args = parser.parse_args()
    held = subset_pairs()
    if args.dump:
        dump(held, args.dump)
    labels = np.array([h.label for h in held])
    decided = np.array([h.decided for h in held], dtype=bool)
    fp, tp, tn, fn = cells(np.ones(len(held), dtype=bool), labels, decided)
    print(
        f"dev company pairs of subset shape: decided a match {fp} negatives, {tp} positives; "
        f"not a match {tn} negatives, {fn} positives"
    )
    print(f"{'reading of the names':<62} {'FP':>4} {'TP':>4} {'TN':>4} {'FN':>4}")
    hits = {}
    for title, holds in signals().items():
        hits[title] = np.array([holds(h) for h in held], dtype=bool)
        print(f"{title:<62} " + " ".join(f"{n:>4}" for n in cells(hits[title], labels, decided)))
    found = worth_a_rule(hits, labels, decided)
    print(
        f"conjunctions of two readings worth a rule (FP > {FP_PER_TP} x TP, FP >= {MIN_CONJUNCTION_FP}): "
        + ("; ".join(found) if found else "none")
    )


if __name__ == "__main__":
    main()
