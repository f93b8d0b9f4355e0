"""One common word is not a shortened name: no subset credit for it.

The subset view of :func:`graph.resolve.features._name_similarity` reads a name whose
distinctive words are all among the other's as a shortened form of it ("OLEG USACHEV" in
"OLEG LEONIDOVICH USACHEV") and gives the pair a high similarity. That reading needs the
shorter name to identify something. When its distinctive part is a **single common word** —
an English dictionary word (``graph.words``: UNITY, EAGLE, FUSION, TITAN, SECURITY)
or a word that many entries of the bundled lists use (``siblings.token_df``: IRAN, GHADIR,
PETROCHEMICAL) — and the longer name keeps distinctive words of its own, the shared word only
says that both names contain it: "UNITY ELECTRONICS PTE LTD" is not "THE UNITY OF ISLAMIC
YOUTH" shortened, nor "DIGITAL SECURITY" "MILITARY SECURITY COMMAND". Such a pair is compared
on its whole distinctive words instead (the token-sorted ratio), without the credit.

The same holds when both names are that one common word and only their line-of-business
words differ: "HANA SEMICONDUCTOR CO LTD" and "HANA ELECTRONIC JV COMPANY" share no line of
business, and with a common word that is all that sets two companies apart. The small
generic-words penalty of the scorer then gets the weight of a conflict
(:func:`common_business`, feature ``common_business``).

Words the longer name keeps count only when they are not another writing of one of the
shorter name's words, generic and legal-form words included (a typo, a cut word, an initial:
``siblings`` decides, as for its own rule): "HANSEN TECNOLOGIES" keeps TECNOLOGIES, a typo of
the other name's TECHNOLOGIES, and "ATLAS ATLAS DEVICES PTE" keeps PTE, the other's legal form;
both stay shortened names.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph import words
from graph.resolve import siblings
from graph.resolve.names import legal_forms
from graph.resolve.word_partners import partners
from graph.words import zipf

#: A word at least this frequent in English is a common word: the screening rules' threshold
#: (about once in 300,000 words: UNITY 4.2, FUSION 4.0, EVEREST 3.4 is not). Names of that
#: frequency (AMIN, SIRIUS, HAITIAN) still identify often enough in the lists' aliases.
COMMON_ZIPF = words.COMMON_ZIPF
#: A word in at least this many company entries of the bundled lists is common there: the
#: sibling rule's family stem (IRAN, GHADIR, PETROCHEMICAL).
COMMON_ENTRIES = siblings.COMMON_STEM


@dataclass(frozen=True)
class CommonStem:
    """Why a pair gets no subset credit: the shorter name's one word and the longer's own words."""

    word: str
    zipf: float
    entries: int
    extra: tuple[str, ...]

    def describe(self) -> str:
        why = []
        if self.zipf >= COMMON_ZIPF:
            why.append(f"an English word of Zipf frequency {self.zipf:.1f}")
        if self.entries >= COMMON_ENTRIES:
            why.append(f"in {self.entries} entries of the bundled lists")
        return (
            f"the shorter name's only distinctive word {self.word!r} is a common word "
            f"({' and '.join(why)}) and the other name adds {' '.join(self.extra)!r}: one common "
            "word does not identify a shortened name, so the names are compared whole"
        )


def _own_words(words: set[str], core: set[str], written: set[str]) -> list[str]:
    """The words of ``words`` (three letters or more) that are no other writing of a word of the
    shorter name: neither a counterpart of its distinctive words (``word_partners.partners``) nor a
    typo or cut of, or equal to, any word it writes (``siblings._typo_of``): CLOSED of "CLOSED
    JOINT STOCK COMPANY" is in the other name's legal form."""
    return sorted(
        w
        for w in words
        if len(w) >= siblings.MIN_EXTRA_LETTERS
        and w not in written
        and (w,) not in legal_forms().table  # LIMITED left inside a name: a form, not a name
        and not any(partners(w, o) for o in core)
        and not any(siblings._typo_of(w, o) for o in written - core)
    )


def common_stem(packed_a: str, packed_b: str) -> CommonStem | None:
    """The evidence that withholds the subset credit of two names packed as
    :func:`graph.resolve.siblings.pack` lays them out, or None."""
    core_a, _, rest_a = packed_a.partition(siblings.SEP)
    core_b, _, rest_b = packed_b.partition(siblings.SEP)
    words_a, words_b = set(core_a.split()), set(core_b.split())
    if len(words_a) == len(words_b):
        return None
    (short, short_rest), (long_, _) = sorted(((words_a, rest_a), (words_b, rest_b)), key=lambda p: len(p[0]))
    if len(short) != 1 or not short <= long_:
        return None
    (word,) = short
    if not is_common(word):
        return None
    freq, entries = zipf(word), siblings.token_df().get(word, 0)
    extra = _own_words(long_ - short, short, set(short_rest.split()))
    # A rare extra word beside a family stem is the sibling rule's evidence (it says more).
    if not extra or siblings.rare_extra(packed_a, packed_b) is not None:
        return None
    return CommonStem(word, freq, entries, tuple(extra))


def is_common_stem(packed_a: str, packed_b: str) -> float:
    """1.0 when :func:`common_stem` finds evidence (the batch column)."""
    return float(common_stem(packed_a, packed_b) is not None)


def is_common(word: str) -> bool:
    """A common English word or a word many list entries use (see the thresholds above)."""
    return zipf(word) >= COMMON_ZIPF or siblings.token_df().get(word, 0) >= COMMON_ENTRIES


def common_business(packed_a: str, packed_b: str) -> float:
    """1.0 when both names are the same one common word and their line-of-business words
    (``packed_*``: the sorted distinctive words, then the sorted generic words, as
    :func:`graph.resolve.siblings.pack` lays them out) share none, not even as a typo of each
    other ("HANA SEMICONDUCTOR CO LTD" / "HANA ELECTRONIC JV COMPANY", "FALCON MANUFACTURING PTE
    LTD" / "FALCON SYSTEMS"; but "TECHNICAL SERVICES" / "TECHNICAL DERVICES" is one business)."""
    core_a, _, generic_a = packed_a.partition(siblings.SEP)
    core_b, _, generic_b = packed_b.partition(siblings.SEP)
    if core_a != core_b or " " in core_a or not core_a or not is_common(core_a):
        return 0.0
    mine, theirs = generic_a.split(), generic_b.split()
    return float(bool(mine) and bool(theirs) and not any(partners(w, o) for w in mine for o in theirs))
