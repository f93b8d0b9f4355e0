"""Bundled list person names against the ways a clerk or another list writes the same person.

    PYTHONPATH=. .venv/bin/python benchmarks/person_writings_scan.py           # counts, groups, examples
    PYTHONPATH=. .venv/bin/python benchmarks/person_writings_scan.py --counts  # counts per writing only
    PYTHONPATH=. .venv/bin/python benchmarks/person_writings_scan.py --all     # every failure, not examples

The person counterpart of ``self_match_scan.py --writings``. Every distinct primary name and
alias of the person entries of ``data/lists/`` that matches itself is scored against each
writing below (one batch per writing). A pair below the match threshold is a listed person
missed because a clerk swapped the name order, dropped the accents or the hyphen, or cut a
middle name to its initial. Failures are grouped by their most negative reason.

Which writings should match and which may only reach review:

* *match*: name order ("SURNAME, Given" / "Given SURNAME", and "SURNAME Given" without the
  comma as registers write it), upper and lower case, diacritics stripped (JOSÉ / JOSE;
  the madda of Persian آ, آغا / اغا), German umlauts as E (MÜLLER / MUELLER), hyphens as spaces or dropped
  (AL-HAKIM / AL HAKIM / ALHAKIM), apostrophes and ʿayn dropped ('ABD / ABD): the same
  letters of the same name, written as another list or keyboard writes them.
* *review at least*: a middle given name cut to its initial (Juan Carlos PEREZ / Juan C.
  PEREZ). An initial is one letter of evidence: it may stand for another middle name, so a
  pair that reaches review is not a failure (the count below match is printed beside). A
  plain Western middle name cut still matches; what stays at review is the second syllable of
  a Korean or Chinese given name (Chong Ok / Chong O.), the part of an ABD element ('Abd
  al-Rahim / 'Abd A.) and a short name with little else to go on (Daniel Yi HE). A cut that
  falls below review is a failure, unless it is by design: the initial stands for half of a
  compound given name (Nur al-Din / Nur A.), or the first given word is a title (Sheikh
  Ahmed / Sheikh A.).

The "surname first, no comma" writing ("RAHIM Abdul" for "RAHIM, Abdul") may move a word that
is both a title and a name (HAFIZ, SAHIB) to where titles are read: reported as by design; so is
a compound given name split by the comma ("ALDEEN, Mohammed Amad Az": AZ AL-DIN), whose halves
the writing puts at the two ends of the name. A hyphen dropped glues the Arabic article to its
word (UL-HAQ / ULHAQ, AL-ID / ALID: read as one, :mod:`graph.resolve.glued_articles`); by design
stay a one-word name of two short halves (SA-ID / SAID, one common given name alone) and a lone
"a-" glued to its word (a-Sahykh / aSahykh, no article any romanisation writes: review). A middle
initial that cuts the first half of a compound whose DIN is the surname ("UDIN, Mohamad Rafi":
RAFI UD-DIN / R. UDIN) is by design as the second half cut is.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.self_match_scan import match_scores, print_failure_groups, score_writing, worst_reason  # noqa: E402
from graph.resolve.compare import DEFAULT_THRESHOLDS  # noqa: E402
from graph.resolve.features import Record  # noqa: E402
from graph.resolve.names import (  # noqa: E402
    PERSON_HONORIFICS_AFTER,
    PERSON_HONORIFICS_BEFORE,
    PERSON_TITLES,
    fold,
)
from ingest.lists.pipeline import bundled_list_paths  # noqa: E402
from ingest.lists.read import read_list_file  # noqa: E402


def list_person_names() -> list[str]:
    """Every distinct primary name and alias of the bundled lists' person entries."""
    names: set[str] = set()
    for path in bundled_list_paths():
        for entry in read_list_file(path).entries:
            if entry.kind.value == "person":
                names.update(n for n in (entry.name, *(a.name for a in entry.aliases)) if n and n.strip())
    return sorted(names)


def _is_surname_word(word: str) -> bool:
    """A word written in capitals among mixed-case words: how OFAC and the UN mark the surname."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def swap_order(name: str) -> str:
    """ "SURNAME, Given" as "Given SURNAME", and "Given SURNAME" (capitals mark it) as "SURNAME, Given"."""
    if name.count(",") == 1:
        surname, given = (p.strip() for p in name.split(","))
        return f"{given} {surname}" if surname and given else name
    words = name.split()
    marked = [_is_surname_word(w) for w in words]
    if len(words) < 2 or all(marked) or not any(marked):
        return name
    # Given names first, then the capitalised surname words to the end.
    cut = marked.index(True)
    if not all(marked[cut:]):
        return name
    return f"{' '.join(words[cut:])}, {' '.join(words[:cut])}"


def strip_marks(name: str) -> str:
    """Accents and other combining marks dropped: JOSÉ → JOSE, MÜLLER → MULLER."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "ss"})


def umlauts_as_e(name: str) -> str:
    """German umlauts written with E (MÜLLER → MUELLER), other marks dropped."""
    return strip_marks(unicodedata.normalize("NFC", name).translate(_UMLAUTS))


#: Apostrophes, ʿayn and hamza signs a transliteration writes and a clerk leaves out.
_APOSTROPHES = re.compile("['’‘`´ʿʾʻʼ]")


def middle_initial(name: str) -> str:
    """The second of two or more given names cut to its initial: Juan Carlos PEREZ → Juan C. PEREZ.

    Only for names whose given names can be told from the surname: by the comma ("PEREZ, Juan
    Carlos") or by the capitals of the surname ("Juan Carlos PEREZ").
    """
    if name.count(",") == 1:
        surname, given = (p.strip() for p in name.split(","))
        words = given.split()
        if len(words) < 2 or not words[1][:1].isalpha() or len(words[1]) < 2:
            return name
        return f"{surname}, {' '.join([words[0], words[1][0] + '.', *words[2:]])}"
    words = name.split()
    marked = [_is_surname_word(w) for w in words]
    if any(marked) and not all(marked):
        cut = marked.index(True)
        if cut >= 2 and all(marked[cut:]) and words[1][:1].isalpha() and len(words[1]) > 1:
            return " ".join([words[0], words[1][0] + ".", *words[2:]])
    return name


def surname_first(name: str) -> str:
    """ "SURNAME, Given" as a register writes it without the comma: "SURNAME Given"."""
    if name.count(",") != 1:
        return name
    return " ".join(name.replace(",", " ").split())


#: How clerks and other lists rewrite a person's name: each writing is a function of the listed name.
WRITINGS: dict[str, Callable[[str], str]] = {
    "name order": swap_order,
    "surname first, no comma": surname_first,
    "upper case": str.upper,
    "lower case": str.lower,
    "diacritics stripped": strip_marks,
    "umlauts as E": umlauts_as_e,
    "upper, no diacritics": lambda s: strip_marks(s).upper(),
    "hyphens as spaces": lambda s: " ".join(s.replace("-", " ").split()),
    "hyphens dropped": lambda s: s.replace("-", ""),
    "apostrophes dropped": lambda s: " ".join(_APOSTROPHES.sub("", s).split()),
    "middle initial": middle_initial,
}
#: Writings that need only reach review (see the module doc): the pair fails below review.
REVIEW_ENOUGH = {"middle initial"}


#: The Arabic article and the linking articles that open the second part of a compound given
#: name (Nur al-Din, Zaki ur-Rehman, Hassan el-Hajj).
_ARTICLE_LED = re.compile(r"^(?:al|el|ul|ur|ud|us|uz|ad|ar|as|ash|at|az|ed|er|es|et)\b", re.IGNORECASE)


def _given_words(name: str) -> list[str]:
    """The given names of a name whose given names can be told (see :func:`middle_initial`)."""
    if name.count(",") == 1:
        return name.split(",")[1].split()
    words = name.split()
    marked = [_is_surname_word(w) for w in words]
    return words[: marked.index(True)] if any(marked) else words


#: A word that is the article and DIN of a compound given name glued (UDIN, ALDEEN, EDDINE): the
#: second half of RAFI UD-DIN, AZ AL-DIN, whose first half is the word before it.
_GLUED_DIN = re.compile(r"^(?:al|el|ul|ud|ed|u|e)d?(?:din|deen|dine)$", re.IGNORECASE)


def _hyphens_dropped_by_design(name: str) -> str | None:
    words = name.replace(",", " ").split()
    if len(words) == 1 and len(name.split("-")) == 2 and all(len(p) <= 3 for p in name.split("-")):
        return (
            "by design: one word of two short halves (SA-ID for SA'ID) is two short words apart, and "
            "the name is one common given name alone (SAID), no evidence of anyone"
        )
    if any(re.fullmatch(r"[aA]-\w{3,}", w) for w in words):
        return (
            "by design: a one-letter A glued to a word (a-Sahykh → aSahykh) is no article any "
            "romanisation writes, and its word now starts with another sound (review)"
        )
    return None


def by_design(label: str, name: str) -> str | None:
    """Why the writing ``label`` of ``name`` is rightly no match (a group of its own), or None."""
    if label == "hyphens dropped":
        return _hyphens_dropped_by_design(name)
    if label == "surname first, no comma":
        words = [fold(w) for w in surname_first(name).split()]
        titles = PERSON_TITLES | PERSON_HONORIFICS_BEFORE | PERSON_HONORIFICS_AFTER
        if words and (words[0] in titles or words[-1] in titles):
            return (
                "by design: a word that is a title and a name (HAFIZ, SAHIB) is read as the title where "
                "a title stands, and moved there or away from there by the order, the one name left "
                "(ABDALLAH, MUHAMMAD, SAID) is a common name alone"
            )
        surname = name.split(",")[0].split()
        if len(surname) == 1 and _GLUED_DIN.match(surname[0]):
            return (
                "by design: the comma splits a compound given name (AZ / ALDEEN, Izz al-Din): written "
                "without it, the DIN half opens the name and its first half closes it, two words apart"
            )
        return None
    if label != "middle initial":
        return None
    given = _given_words(name)
    surname = name.split(",")[0].split() if name.count(",") == 1 else []
    if len(given) >= 2 and len(surname) == 1 and _GLUED_DIN.match(surname[0]):
        return (
            "by design: the cut word is the first half of a compound given name with the DIN of the "
            "surname (Rafi Udin, Rafi ud-Din): R. UDIN keeps half a name"
        )
    if len(given) >= 2 and fold(given[0]) in PERSON_TITLES | PERSON_HONORIFICS_BEFORE:
        return (
            "by design: the first given word is a title (Sheikh, Haji, Dr.), so the cut word is the "
            "given name itself — a title, an initial and a surname name nobody"
        )
    abd = fold(given[0]).startswith("ABD") if given else False
    if len(given) >= 2 and (abd or _ARTICLE_LED.match(given[1]) or "-" in given[1] or "'" in given[1]):
        return (
            "by design: the cut word is the second half of a compound given name (Nur al-Din, Zaki "
            "Ur-Rehman, Abdul Aziz): NUR A. keeps half a name, which is another given name (NUR / NURDIN)"
        )
    return None


def _cause(name: str, other: str) -> str:
    return worst_reason(name, other, "person")


def writings_report(names: list[str], counts_only: bool, examples: int) -> None:
    """Names that match themselves but not a writing of themselves (see the module doc)."""
    records = [Record(str(i), "person", (n,)) for i, n in enumerate(names)]
    itself = match_scores(records, records) >= DEFAULT_THRESHOLDS.match
    print(f"{len(names)} list person names, {int(itself.sum())} match themselves")
    for label, rewrite in WRITINGS.items():
        threshold = DEFAULT_THRESHOLDS.possible if label in REVIEW_ENOUGH else DEFAULT_THRESHOLDS.match
        pairs, scores = score_writing(names, records, itself, rewrite, "person")
        if not pairs:
            print(f"{label:24s} no name changes")
            continue
        failed = [(a, b, float(x)) for (a, b), x in zip(pairs, scores, strict=True) if x < threshold]
        need = "possible" if label in REVIEW_ENOUGH else "match"
        designed = sum(by_design(label, name) is not None for name, _, _ in failed)
        line = f"{label:24s} {len(pairs):6d} names written otherwise, {len(failed):4d} below {need}"
        if label in REVIEW_ENOUGH:
            below_match = int((scores < DEFAULT_THRESHOLDS.match).sum())
            line += f" ({below_match} below match)"
        print(line + (f", {designed} of them by design" if designed else ""))
        if counts_only or not failed:
            continue
        print_failure_groups(
            failed, lambda name, other, label=label: by_design(label, name) or _cause(name, other), examples
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", action="store_true", help="print the counts per writing only")
    parser.add_argument("--all", action="store_true", help="list every failure, not three per group")
    args = parser.parse_args()
    writings_report(list_person_names(), counts_only=args.counts, examples=10**9 if args.all else 3)


if __name__ == "__main__":
    main()
