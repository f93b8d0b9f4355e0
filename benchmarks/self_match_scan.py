"""Bundled list company names compared with themselves: those that do not match, by cause.

    PYTHONPATH=. .venv/bin/python benchmarks/self_match_scan.py           # counts and names
    PYTHONPATH=. .venv/bin/python benchmarks/self_match_scan.py --counts  # counts only
    PYTHONPATH=. .venv/bin/python benchmarks/self_match_scan.py --writings  # re-punctuated writings

A listed name that does not match itself is a screening hit missed on the exact listed name.
Every distinct primary name and alias of the company entries of ``data/lists/`` is scored
against itself (one batch); the names below the match threshold are grouped by their most
negative reason. Names of no distinctive word are split by what they are made of: generic words
and legal forms are never a match by design (two or more agreeing line-of-business words,
"Engineering Solutions Pvt. Ltd.", reach review; one, "TRADING COMPANY", is refused); single
letters or a whole name read as one legal-form code deserve a look.

``--writings`` asks the next question: does each name that matches itself still match when it
is written as a bill of lading or a registry writes it — without dots, dots as spaces, without
commas, in upper or lower case, "&" as AND? Every name a writing changes is scored against that
writing (one batch per writing), and the pairs below the match threshold are listed. A failure
there is a listed company missed because a clerk left out the dots ("S.A. DE C.V." / "SA DE
CV" failed for 255 list names until the form table read letters run together; "S.A.DE C.V." /
"SADE CV" until the cutter read a form's pieces, :mod:`graph.resolve.form_pieces`). By design:
dotted letters that end a name written apart without dots ("D.U.A.S.A." / "D U A S A") are read
as the legal form they spell (A S A), as a clerk's "K A S" is; and "Power S.A.L" / "Power SAL"
(SAL without dots is a word, and POWER one common word beside it) reaches review.

The last writings are a bill of lading's ("SHENZHEN HUAXIN ELEC TECH CO" for "Shenzhen Huaxin
Electronic Technology Co., Ltd."): every line-of-business word written short (the scorer's own
``names.ABBREVIATIONS`` read backwards, :func:`short_forms`), the same with a dot, with the
table's second abbreviation where it has one (CORPN, ENGG, SRVCES), "Co., Ltd." as
"CO LTD" and as "CO", and a bracketed place left out ("X (HK) CO LTD" as "X CO LTD"). The
failures of a writing are grouped by the most negative reason of the pair. The failures left are
by design. A LIMITED dropped from the middle of a name changes what the name says ("ALFA COMPANY
LIMITED FOR …" / "ALFA CO FOR …": review). A bracketed place names a subsidiary or branch listed
on its own ("VTB BANK (AUSTRIA) AG", "Huawei Technologies (Australia) Pty Ltd.": review), or is
all that stands beside one common word ("Leader (Hong Kong) International Trading Limited",
refused by the common-word rule) or beside generic words only ("Semiconductor Manufacturing
International (Beijing) Corporation"). GROUP's second abbreviation GP is the general
partnership's legal form, so "GLOBAL TRD GP" keeps two generic words and names no one.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.resolve.compare import DEFAULT_THRESHOLDS, Decision, compare  # noqa: E402
from graph.resolve.features import Record, contributions, pair_features, prepare  # noqa: E402
from graph.resolve.generic_names import is_generic_name  # noqa: E402
from graph.resolve.names import ABBREVIATIONS, fold, normalise_name  # noqa: E402
from graph.resolve.place_qualifiers import gazetteer  # noqa: E402
from graph.words import zipf  # noqa: E402
from ingest.lists.pipeline import bundled_list_paths  # noqa: E402
from ingest.lists.read import read_list_file  # noqa: E402


def list_company_names() -> list[str]:
    """Every distinct primary name and alias of the bundled lists' company entries."""
    names: set[str] = set()
    for path in bundled_list_paths():
        for entry in read_list_file(path).entries:
            if entry.kind.value == "company":
                names.update(n for n in (entry.name, *(a.name for a in entry.aliases)) if n and n.strip())
    return sorted(names)


def _cause(name: str) -> tuple[str, float, str]:
    """(cause, score, detail) of a name that does not match itself."""
    m = compare(Record("a", "company", (name,)), Record("b", "company", (name,)))
    form = normalise_name(name, "company")
    if is_generic_name(form) and m.decision is Decision.POSSIBLE:
        # graph.resolve.generic_names: agreeing line-of-business words reach review, never a match.
        return "no distinctive word: generic words, review (by design)", m.score, " ".join(form.tokens)
    worst = min(m.reasons, key=lambda r: r.contribution)
    if worst.feature != "name" or "no distinctive word" not in worst.detail:
        return worst.feature, m.score, worst.detail
    if not form.tokens:
        return "no distinctive word: the whole name is a legal form", m.score, form.legal_form_text
    if any(len(t) == 1 for t in form.tokens):
        return "no distinctive word: single letters or digits", m.score, " ".join(form.tokens)
    return "no distinctive word: one generic word (by design)", m.score, " ".join(form.tokens)


def _is_short_for(short: str, word: str) -> bool:
    """``short`` is ``word`` written short: its first letter, then letters of ``word`` in order,
    at least two letters fewer (MFG / MANUFACTURING, TRDG / TRADING; not ELECTRONIC / ELECTRONICS)."""
    rest = iter(word[1:])
    return short[:1] == word[:1] and len(short) <= len(word) - 2 and all(c in rest for c in short[1:])


@cache
def short_forms(rank: int = 0) -> dict[str, str]:
    """Full word → the abbreviation a clerk writes, read backwards from the scorer's own table
    (``names.ABBREVIATIONS``): each canonical word takes its first abbreviation in the table
    (``rank`` 1: its second, for the words that have one: CORPN, ENGG, SRVCES …), and so do its
    English variant spellings there (TECHNOLOGIES, INDUSTRIAL → TECH, IND; a translation such as
    SERVICOS is no spelling of SERVICES and keeps its word)."""
    every: dict[str, list[str]] = {}
    for short, word in ABBREVIATIONS.items():
        if _is_short_for(short, word):
            every.setdefault(word, []).append(short)
    first = {word: shorts[rank] for word, shorts in every.items() if len(shorts) > rank}
    out = dict(first)
    for variant, word in ABBREVIATIONS.items():
        english = zipf(variant) > 0 or variant == word + "S"  # SEMICONDUCTORS is in no word table
        spelling = variant[:4] == word[:4] and len(variant) >= 6 and english
        if word in first and variant not in out and spelling and not _is_short_for(variant, word):
            out[variant] = first[word]
    return out


_WORD = re.compile(r"[^\W\d_]+")


def _shorten(name: str, mark: str, rank: int = 0) -> str:
    """Every word of ``name`` that has an abbreviation written short (:func:`short_forms`),
    followed by ``mark``."""
    table = short_forms(rank)
    return _WORD.sub(lambda m: table[w] + mark if (w := fold(m.group(0))) in table else m.group(0), name)


# "Co., Ltd.", "Co Ltd", "Company Limited" at a word boundary.
_CO_LTD = re.compile(r"\b(?:CO|COMPANY)\b\.?,?\s*\b(?:LTD|LIMITED)\b\.?", re.IGNORECASE)
_BRACKET = re.compile(r"\s*\(([^()]*)\)")


@cache
def _country_codes() -> frozenset[str]:
    from rigour.territories import get_territories

    return frozenset(t.code.upper() for t in get_territories() if "-" not in t.code)


def _is_place(text: str) -> bool:
    """A bracket's text names a place: a gazetteer phrase (HONG KONG, CHINA) or a country code (HK)."""
    folded = fold(text)
    return folded in gazetteer() or folded in _country_codes()


def _drop_place_brackets(name: str) -> str:
    """``name`` without a bracketed place ("X (HK) CO LTD" → "X CO LTD")."""
    return " ".join(_BRACKET.sub(lambda m: " " if _is_place(m.group(1)) else m.group(0), name).split())


#: How clerks rewrite a name: each writing is a function of the listed name.
WRITINGS: dict[str, Callable[[str], str]] = {
    "without dots": lambda s: s.replace(".", ""),
    "dots as spaces": lambda s: " ".join(s.replace(".", " ").split()),
    "without commas": lambda s: s.replace(",", ""),
    "upper case": str.upper,
    "lower case": str.lower,
    "& as AND": lambda s: " ".join(s.replace("&", " AND ").split()),
    # A bill of lading's trade abbreviations ("SHENZHEN HUAXIN ELEC TECH CO").
    "words short": lambda s: _shorten(s, ""),
    "words short dot": lambda s: _shorten(s, "."),
    "words short, 2nd": lambda s: _shorten(s, "", rank=1),
    "Co., Ltd. as CO LTD": lambda s: _CO_LTD.sub("CO LTD", s),
    "Co., Ltd. as CO": lambda s: _CO_LTD.sub("CO", s),
    "no place bracket": _drop_place_brackets,
}


def match_scores(left: list[Record], right: list[Record]) -> np.ndarray:
    """Match probability of each ``left[i]`` against ``right[i]`` (one batch)."""
    idx = np.arange(len(left))
    z = contributions(pair_features(prepare(left), prepare(right), np.stack([idx, idx], axis=1))).total()
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


def score_writing(
    names: list[str], records: list[Record], itself: np.ndarray, rewrite: Callable[[str], str], kind: str
) -> tuple[list[tuple[str, str]], np.ndarray]:
    """(name, its writing) of each name that matches itself (``itself``) and that ``rewrite``
    changes, and the score of each such pair against ``records`` (one batch; the company, person
    and vessel scans)."""
    changed = [i for i, n in enumerate(names) if itself[i] and rewrite(n) != n]
    written = [Record(str(i), kind, (rewrite(names[i]),)) for i in changed]
    scores = match_scores([records[i] for i in changed], written) if changed else np.zeros(0)
    return [(names[i], w.names[0]) for i, w in zip(changed, written, strict=True)], scores


def worst_reason(name: str, other: str, kind: str) -> str:
    """The most negative reason of a failed pair, without the names it quotes (for grouping)."""
    m = compare(Record("a", kind, (name,)), Record("b", kind, (other,)))
    worst = min(m.reasons, key=lambda r: r.contribution)
    detail = re.sub(r"'[^']*'|\"[^\"]*\"", "…", worst.detail)
    return f"{worst.feature}: {detail[:90]}"


def _writing_cause(name: str, other: str) -> str:
    """The most negative reason of a name against its writing: the feature, and for the name
    feature whether a side kept no distinctive word."""
    m = compare(Record("a", "company", (name,)), Record("b", "company", (other,)))
    worst = min(m.reasons, key=lambda r: r.contribution)
    if worst.feature == "name" and "no distinctive word" in worst.detail:
        return "name: no distinctive word"
    return worst.feature


#: Letters joined by dots that end a name ("D.U.A.S.A.", "F.S.S.A.L").
_DOTTED_END = re.compile(r"(?:^|\s)[A-Za-z]{1,2}(?:\.[A-Za-z])+\.?$")


def _writing_by_design(label: str, name: str, other: str) -> str | None:
    """Why the writing ``label`` of ``name`` (``other``) is rightly no match, or None."""
    if label == "dots as spaces" and _DOTTED_END.search(name):
        return (
            "by design: letters written apart without dots that end a name are read as the legal form "
            "they spell (a clerk's K A S, D U A S A: the form A S A), as the dots read them as initials"
        )
    if label == "without dots" and len(other.split()) == 2 and other.split()[-1].upper() == "SAL":
        return (
            "by design: without its dots S.A.L is SAL, a word (salt, a name), and what is left beside it "
            "is one common word (POWER): review"
        )
    return None


def writings_report(names: list[str], show: bool) -> None:
    """Names that match themselves but not a clerk's writing of themselves (see the module doc)."""
    threshold = DEFAULT_THRESHOLDS.match
    records = [Record(str(i), "company", (n,)) for i, n in enumerate(names)]
    itself = match_scores(records, records) >= threshold
    for label, rewrite in WRITINGS.items():
        pairs, scores = score_writing(names, records, itself, rewrite, "company")
        if not pairs:
            print(f"{label:20s} no name changes")
            continue
        failed = [(a, b, float(x)) for (a, b), x in zip(pairs, scores, strict=True) if x < threshold]
        designed = sum(_writing_by_design(label, a, b) is not None for a, b, _ in failed)
        line = f"{label:20s} {len(pairs):6d} names written otherwise, {len(failed):4d} no longer match"
        print(line + (f", {designed} of them by design" if designed else ""))
        print_failure_groups(
            failed,
            lambda name, other, label=label: (
                _writing_by_design(label, name, other) or _writing_cause(name, other)
            ),
            len(failed) if show else 0,
        )


def print_failure_groups(
    failed: list[tuple[str, str, float]], cause_of: Callable[[str, str], str], examples: int
) -> None:
    """The failed (name, writing, score) rows of one writing, grouped by ``cause_of(name, writing)``,
    largest group first, with up to ``examples`` rows of each (the company, person and vessel scans)."""
    groups: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for name, other, score in failed:
        groups[cause_of(name, other)].append((name, other, score))
    for cause, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"    {len(rows):5d}  {cause}")
        for name, other, score in rows[:examples]:
            print(f"              {name!r} / {other!r}  score {score:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", action="store_true", help="print the counts only")
    parser.add_argument(
        "--writings",
        action="store_true",
        help="names that do not match their own writing without dots, commas …",
    )
    args = parser.parse_args()
    names = list_company_names()
    if args.writings:
        writings_report(names, show=not args.counts)
        return
    prepared = prepare([Record(str(i), "company", (n,)) for i, n in enumerate(names)])
    idx = np.arange(len(names))
    z = contributions(pair_features(prepared, prepared, np.stack([idx, idx], axis=1))).total()
    below = np.flatnonzero(1.0 / (1.0 + np.exp(-z)) < DEFAULT_THRESHOLDS.match)
    groups: dict[str, list[tuple[str, float, str]]] = defaultdict(list)
    for i in below:
        cause, score, detail = _cause(names[int(i)])
        groups[cause].append((names[int(i)], score, detail))
    print(f"{len(names)} list company names, {len(below)} do not match themselves")
    for cause, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(rows):6d}  {cause}")
        if not args.counts:
            for name, score, detail in rows:
                print(f"          {name!r}  score {score:.3f}  ({detail})")


if __name__ == "__main__":
    main()
