"""Person-name rules that tell two people apart where spelling similarity says "alike".

The word-by-word alignment of :mod:`graph.resolve.align` pairs each word of one name with
its most similar word of the other, and gives the pair credit for its spelling similarity.
That is right for transliterations (MUHAMMAD / MOHAMMED, QADHAFI / GADDAFI) but wrong for
two *different* names a letter apart: RADIC / TADIC, KAMAL / JAMAL, SAM / NAM, YONG / TONG.
Romanisation changes how a sound is written (K, Q, G, C; J, CH, DJ, ZH; T, D, TH; P, B, F,
V, W), rarely which sound a name starts with, so:

* **onset conflict** — an aligned word pair whose first sounds belong to no common class
  (R / T, K / J, S / N, Y / T, S / a vowel) names two people. Exceptions: one word is the
  other with a prefix or a glued article (ABDULRAHMAN / RAHMAN, ELKADDAFI / GADDAFI).
* **derived surname** — a given name and the surname made from it with the suffix -I
  (Persian and Arabic *nisba*): "Mohammad Bagher SHIRINKAR" / "Mohammad BAGHERI", "Muhammad
  EHSAN" / "Ehsan MOHAMMADI". The two words align as spellings of one another, but one closes
  its name (the surname) and the other does not; written in the same place (BEHZAD / BEHZADI,
  both surnames) they are spelling variants and the rule stays silent. Word places come from
  :func:`written_order` ("SURNAME, Given" is read as "Given SURNAME").
* **first name differs** — the first given names find no partner while later words (the
  family part) do: BASHAR / AYMAN SABAWI IBRAHIM HASAN AL-TIKRITI are brothers. See
  :func:`different_first_names`.
* **syllable conflict** — two Korean or Chinese names whose syllables do not pair one to one
  up to romanisation (KYONG HAK / KYONG HYOK, MIN CHOL / CHOL): see
  :mod:`graph.resolve.syllable_names`.
* **child's chain** — an Arabic name chain against the same chain with another given name in
  front (Uday / Saddam Hussein AL-TIKRITI): a son or daughter; see
  :mod:`graph.resolve.name_chain`. The same for given names in front of a compound given name
  in MUHAMMAD (Nik Mohammad / Dost MOHAMMAD): :mod:`graph.resolve.muhammad_compounds`.
* **common names only** — the names agree in full only on common given names (MUHAMMAD,
  ALI …) and pair their other words weakly (Ali ASWAD / Ali ATWA): two people of one common
  first name; see :mod:`graph.resolve.common_names`.
* **one common name** — one name is a single common name element, once or repeated (AHMED /
  AHMED, AHMED), and the other has more words (ATOON, Ahmed Muhamad Ahmed): a name that many
  listed people bear does not identify one of them; see :mod:`graph.resolve.common_names`.
* **surname morphology** — aligned surnames of one root with two suffixes (PETRIC / PETROVIC,
  ZAHID / ZAHEDI) or two roots with one suffix (IVANOVIC / MARIJANOVIC): two families; see
  :mod:`graph.resolve.surname_morphology`.
* **distinct given names** — aligned words that are two Arabic given names a few letters
  apart (HASSAN / HUSAYN, HAMED / HADI, MAHMOUD / MAHDI, ABDU / ABBUD), or two given names of
  the US Census list paired on a few letters (JAVIER / JAIME, OFELIA / ELVIRA), or one of each
  (HAMID / CHAD): relatives or namesakes, not one person; see
  :mod:`graph.resolve.distinct_given_names`.
* **other surname** — two full East Slavic names (given name, patronymic, surname) that pair
  their given names and leave both surnames unpaired (Dmitry Anatolievich POLONSKY / BELIK):
  two people of one common given name and patronymic; see
  :mod:`graph.resolve.patronymic_surnames`.
* **crossed pair** — the surname of one name paired with a given name of the other on a few
  shared letters (LJUBO / LAURO of Ljubo MARICIC / Marco DI LAURO): two people; see
  :mod:`graph.resolve.crossed_names`.
* **gendered forms** — aligned words that are a man's and a woman's form of one given name
  (ALEKSANDR / ALEKSANDRA, MARIO / MARIA, YEVGENY / YEVGENIA) or a son's and a daughter's
  patronymic (BORISOVICH / BORISOVNA): relatives designated together, or a slip of a letter —
  a pair to review, not a match; see :mod:`graph.resolve.gendered_names`.
* **generation differs** — both names carry a generational suffix and the suffixes name two
  generations (John SMITH Jr. / John SMITH Sr.): a father and his son; see
  :mod:`graph.resolve.generational_suffixes`. The scorer reads it from the names as written.

Each rule is a bit in the code returned by :func:`person_conflicts`; the scorer turns a bit
into a log-odds contribution and :func:`describe_conflicts` into words.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from graph.resolve.align import align_words
from graph.resolve.arabic_compounds import allah_form, compound_words, element_part, is_abd_short_form
from graph.resolve.common_names import one_common_name, only_common_shared
from graph.resolve.crossed_names import crossed_pair
from graph.resolve.distinct_given_names import (
    different_given_names,
    table_and_census_names,
    two_census_names,
)
from graph.resolve.first_initials import pairs_without_initials
from graph.resolve.gendered_names import gendered_forms
from graph.resolve.generational_suffixes import without_suffix_commas
from graph.resolve.given_names import same_given_name
from graph.resolve.muhammad_compounds import child_of_compound
from graph.resolve.name_chain import child_of
from graph.resolve.names import NameForm, consonant_skeleton, normalise_name, person_tokens
from graph.resolve.nasab_particles import same_particle
from graph.resolve.onset_slips import onset_slip
from graph.resolve.patronymic_surnames import other_surname
from graph.resolve.person_compounds import compound_forms
from graph.resolve.sound_shifts import same_shifted
from graph.resolve.surname_morphology import surnames_differ
from graph.resolve.syllable_names import same_syllables, syllable_conflict, unpaired_syllables

#: Bits of :func:`person_conflicts`.
ONSET_CONFLICT = 1
DERIVED_SURNAME = 2
SYLLABLE_CONFLICT = 4
FIRST_NAME_DIFFERS = 8
COMMON_NAMES_ONLY = 16
CHILD_CHAIN = 32
SURNAME_MORPHOLOGY = 64
DISTINCT_GIVEN_NAMES = 128
ONE_COMMON_NAME = 256
OTHER_SURNAME = 512
CROSSED_PAIR = 1024
GENDERED_FORMS = 2048
#: Set by the scorer from the names as written (the suffix is no compared word), not by
#: :func:`person_conflicts`: see :mod:`graph.resolve.generational_suffixes`.
GENERATION_DIFFERS = 4096  # the person column is int16 (bits <= 16384)
#: The feature (and weight) name of each bit, as it appears in the reasons of ``compare``.
RULE_FEATURES: dict[int, str] = {
    ONSET_CONFLICT: "person_onset",
    DERIVED_SURNAME: "derived_surname",
    SYLLABLE_CONFLICT: "syllable_conflict",
    FIRST_NAME_DIFFERS: "first_name_differs",
    CHILD_CHAIN: "child_chain",
    SURNAME_MORPHOLOGY: "surname_morphology",
    COMMON_NAMES_ONLY: "common_names_only",
    DISTINCT_GIVEN_NAMES: "distinct_given_names",
    ONE_COMMON_NAME: "one_common_name",
    OTHER_SURNAME: "other_surname",
    CROSSED_PAIR: "crossed_pair",
    GENDERED_FORMS: "gendered_forms",
    GENERATION_DIFFERS: "generation_differs",
}

#: Letter groups that begin a name and are written as one sound (longest first).
_ONSET_DIGRAPHS: dict[str, str] = {
    "TCH": "CH",
    "DZH": "J",
    "DJ": "J",
    "DZ": "J",
    "ZH": "J",
    "CH": "CH",
    "SH": "S",
    "TS": "S",
    "XH": "J",
    "KH": "K",
    "GH": "K",
    "PH": "P",
    "TH": "TH",
    "DH": "T",
    "HS": "S",  # Burmese HSAN / SAN
    "HT": "T",  # Burmese HTUN / TUN
    "NT": "T",  # Kinyarwanda NTAGANDA / TAGANDA
    "ND": "T",
    "MB": "P",
    "MP": "P",
}
#: Sound classes a first letter (or digraph) may stand for in some romanisation.
_ONSET_CLASSES: dict[str, frozenset[str]] = {
    "Y": frozenset("VJ"),  # YELENA / ELENA, YUSUF / JUSUF
    "W": frozenset("VP"),  # WALDEMAR / VALDEMAR, WAEL / OUAEL
    "H": frozenset("VKG"),  # HAMDOUNI / AMDOUNI, KHALID / HALID, HENADZ / GENNADY
    "K": frozenset("K"),
    "Q": frozenset("K"),
    "C": frozenset("KSV"),  # CARLOS / KARLOS, CECILIA / SESILIA, Somali CALI / ALI
    "G": frozenset("KJG"),  # GADDAFI / QADHAFI, GAMAL / JAMAL
    "X": frozenset("SKJ"),
    "J": frozenset("J"),
    "CH": frozenset("JSK"),  # CHANG / JANG, CHAFIQ / SHAFIQ, CHRISTOS / KHRISTOS
    "Z": frozenset("SJ"),  # ZADRAN / JADRAN, ZAKHARY / SACHARY
    "S": frozenset("S"),
    "TH": frozenset("TS"),  # THARWAT / TARWAT, THABIT / SABIT
    "T": frozenset("T"),
    "D": frozenset("T"),
    "B": frozenset("P"),
    "P": frozenset("P"),
    "F": frozenset("P"),
    "V": frozenset("PV"),
    "L": frozenset("L"),
    "R": frozenset("L"),  # Korean RI / LI, Kinyarwanda LUGERERO / RUGERERO
    "M": frozenset("M"),
    "N": frozenset("N"),
}
_VOWELS = frozenset("AEIOU")
#: Articles written glued to a name (ELKADDAFI, ALSAYED, ALOUSTA).
_GLUED_ARTICLES = ("AL", "EL")
#: A word whose tail matches the other word this closely is that word with a prefix
#: (ABDURAZAK / RAZZAK, CHARIAPAPORN / ARPAPORN).
_TAIL_MATCH = 80


def _onset(word: str) -> frozenset[str]:
    for n in (3, 2):
        head = _ONSET_DIGRAPHS.get(word[:n])
        if head is not None:
            return _ONSET_CLASSES.get(head, frozenset(head))
    first = word[0]
    if first in _VOWELS:
        return frozenset("V")
    return _ONSET_CLASSES.get(first, frozenset(first))


def _strip_article(word: str) -> str:
    if len(word) >= 5 and word.startswith(_GLUED_ARTICLES):
        return word[2:]
    return word


def _prefixed(short: str, long_: str) -> bool:
    """``long_`` is ``short`` with something in front: ABDULRAHMAN / RAHMAN, UDDIN / DIN (a
    single letter in front is not a name element: SAMER / AMER, AMIN / MIN)."""
    if len(long_) <= len(short):
        return False
    return fuzz.ratio(long_[-len(short) :], short) >= _TAIL_MATCH


def onset_conflict(a: str, b: str) -> bool:
    """Two name words whose first sounds can never be one romanised sound (RADIC / TADIC)."""
    if a == b or len(a) == 1 or len(b) == 1 or a[0] == b[0]:
        return False
    a, b = _strip_article(a), _strip_article(b)
    if a[0] == b[0] or onset_slip(a, b):  # LASHA / IASHA, BRAHIM / IBRAHIM: one word
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 3 and len(long_) - len(short) >= 2 and _prefixed(short, long_):
        return False
    return not (_onset(a) & _onset(b))


def derived_surname(a: str, b: str) -> bool:
    """``b`` is ``a`` with the suffix -I (or the reverse): BAGHER / BAGHERI, MUHAMMAD / MOHAMMADI."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 3 or len(long_) <= len(short) or long_[-1] not in "IY" or short[-1] in "IY":
        return False
    stem = long_[:-1]
    if allah_form(short, long_):
        return False  # ABDULLAH / ABDULLAHI: one given name in two forms
    if stem == short:
        return True
    return (
        len(short) >= 4
        and abs(len(stem) - len(short)) <= 1
        and consonant_skeleton(stem) == consonant_skeleton(short)
    )


def person_words(form: NameForm) -> tuple[str, ...]:
    """The distinctive words of a person name as the person rules and the alignment compare
    them: each Arabic compound element as one word (:mod:`graph.resolve.arabic_compounds`)."""
    return compound_words(form.tokens)


def written_order(name: str) -> str:
    """The distinctive words of a person name (:func:`person_words`), space-joined, given names
    first: a name written "SURNAME, Given" (lists and registries do) is read as "Given SURNAME"."""
    return " ".join(compound_words(written_tokens(name)))


def written_tokens(name: str) -> tuple[str, ...]:
    """The words of a person name (``NameForm.tokens``), given names first (see :func:`written_order`)."""
    # "SMITH, John, Jr.": the comma before a suffix is no surname-first comma.
    unsuffixed = without_suffix_commas(name)
    _, comma, tail = unsuffixed.partition(",")
    if comma and tail.strip():
        # the titles read as written, where the comma tells the given names (graph.resolve.name_titles)
        return person_tokens(unsuffixed, given_first=True)
    return normalise_name(name, "person").tokens


def _conflicts(ordered_a: str, ordered_b: str) -> tuple[tuple[int, str, str], ...]:
    out: list[tuple[int, str, str]] = []
    if same_syllables(ordered_a, ordered_b):
        return ()  # one Korean or Chinese name in two romanisations, however split
    if syllable_conflict(ordered_a, ordered_b):
        out.append((SYLLABLE_CONFLICT, *unpaired_syllables(ordered_a, ordered_b)))
    # Compound names are compared as one word, as the alignment does (ABU BAKR / ABUBAKER).
    ordered_a, ordered_b, _ = compound_forms(ordered_a, ordered_b, keep_order=True)
    last_a, last_b = ordered_a.rpartition(" ")[2], ordered_b.rpartition(" ")[2]
    pairs = align_words(ordered_a, ordered_b)
    for word_a, word_b, sim in pairs:
        if not word_a or not word_b or word_a == word_b:
            continue
        # ABD-RAHMAN / ABD-MANAN differ as RAHMAN / MANAN do; ABDO is short for any ABD element.
        a, b = element_part(word_a), element_part(word_b)
        if (a is not word_a and is_abd_short_form(b)) or (b is not word_b and is_abd_short_form(a)):
            continue
        if a == b:
            continue
        if gendered_forms(a, b):  # ALEKSANDR / ALEKSANDRA: a man and a woman of one family
            out.append((GENDERED_FORMS, a, b))
            continue
        if same_given_name(a, b):  # MYKOLA / NIKOLAI: one name in two languages
            continue
        if different_given_names(a, b):  # HASSAN / HUSAYN: one skeleton, two names
            out.append((DISTINCT_GIVEN_NAMES, a, b))
            continue
        if same_shifted(a, b) or same_particle(a, b):  # ZIA / DIYA, BEN / OULD: one word
            continue
        # JAVIER / JAIME: two census given names, both in the place of a given name.
        if word_a != last_a and word_b != last_b and two_census_names(a, b, sim):
            out.append((DISTINCT_GIVEN_NAMES, a, b))
            continue
        if table_and_census_names(a, b, sim):  # HAMID / CHAD: an Arabic and an English name
            out.append((DISTINCT_GIVEN_NAMES, a, b))
            continue
        if onset_conflict(a, b):
            out.append((ONSET_CONFLICT, a, b))
        elif derived_surname(a, b) and (word_a == last_a) != (word_b == last_b):
            out.append((DERIVED_SURNAME, a, b))
    words_a, words_b = ordered_a.split(), ordered_b.split()
    first = different_first_names(words_a, words_b, pairs)
    if first is None and (full := pairs_without_initials(words_a, words_b, pairs)) is not None:
        first = different_first_names(words_a, words_b, full)
    if first is not None:
        out.append((FIRST_NAME_DIFFERS, *first))
    child = child_of(words_a, words_b, pairs) or child_of_compound(words_a, words_b)
    if child is not None:
        out.append((CHILD_CHAIN, *child))
    surnames = surnames_differ(words_a, words_b, pairs)
    if surnames is not None:
        out.append((SURNAME_MORPHOLOGY, *surnames))
    common = only_common_shared(pairs)
    if common is not None:
        out.append((COMMON_NAMES_ONLY, *common))
    alone = one_common_name(words_a, words_b)
    if alone is not None:
        out.append((ONE_COMMON_NAME, *alone))
    surname = other_surname(words_a, words_b, pairs)
    if surname is not None:
        out.append((OTHER_SURNAME, *surname))
    crossed = crossed_pair(words_a, words_b, pairs)
    if crossed is not None:
        out.append((CROSSED_PAIR, *crossed))
    return tuple(out)


def different_first_names(
    words_a: list[str], words_b: list[str], pairs: tuple[tuple[str, str, float], ...]
) -> tuple[str, str] | None:
    """The first words of two person names (in :func:`written_order`) when neither found a
    partner in the alignment ``pairs`` but some later word did: the names share the family part
    (surname, patronymic, father's and grandfather's names) and differ in the bearer's own given
    name — siblings (Bashar / Ayman SABAWI IBRAHIM HASAN AL-TIKRITI, Artem / Maksim VIKTOROVICH
    YAKUBETS, Diosde / Dimas GONZALEZ RODRIGUEZ), not one person. Initials are no given name.
    (A first name paired only with the other's middle initial counts as unpaired too:
    :mod:`graph.resolve.first_initials`.)"""
    if len(words_a) < 2 or len(words_b) < 2:
        return None
    first_a, first_b = words_a[0], words_b[0]
    if len(first_a) == 1 or len(first_b) == 1:
        return None
    paired = [(a, b) for a, b, _ in pairs if a and b]
    if not paired or any(first_a == a or first_b == b for a, b in paired):
        return None
    return first_a, first_b


@lru_cache(maxsize=200_000)
def person_conflicts(ordered_a: str, ordered_b: str) -> int:
    """Bit code of the rules that fire on two person names (distinctive words in
    :func:`written_order`, space-joined)."""
    code = 0
    for bit, _, _ in _conflicts(ordered_a, ordered_b):
        code |= bit
    return code


_RULE_WORDS = {
    ONSET_CONFLICT: (
        "aligned words start with sounds no romanisation confuses ({}): two different names, "
        "not two spellings of one"
    ),
    DERIVED_SURNAME: (
        "a given name on one side is the surname made from it on the other ({}): a relative "
        "or namesake, not the same person"
    ),
    SYLLABLE_CONFLICT: (
        "Korean or Chinese names whose syllables differ beyond romanisation ({}): each syllable "
        "is a name element, so these are two given names"
    ),
    FIRST_NAME_DIFFERS: (
        "the names share their family part but not the first given name ({}): siblings or "
        "other relatives, not one person"
    ),
    CHILD_CHAIN: (
        "one Arabic name chain is the other's with more given names in front ({}): the bearer's "
        "own name before the parent's chain, a son or daughter, not the same person"
    ),
    COMMON_NAMES_ONLY: (
        "the names agree only on common given names and their other words are alike in a few "
        "letters ({}): two people who share a common first name, not two spellings of one name"
    ),
    SURNAME_MORPHOLOGY: (
        "the surnames are one root with two surname suffixes, or two roots with one suffix "
        "({}): two family names, not two spellings of one"
    ),
    DISTINCT_GIVEN_NAMES: (
        "aligned words are two given names a few letters apart ({}): each a name of its "
        "own (brothers are named Hasan and Husayn), not two spellings of one"
    ),
    ONE_COMMON_NAME: (
        "one name is a single common name element, once or repeated, and the other has words "
        "beside it ({}): a name that many listed people bear does not identify one of them, "
        "however fully a longer name holds it"
    ),
    OTHER_SURNAME: (
        "both names are given name, patronymic and surname, and agree on the given name but not "
        "on the surname ({}): two people of one given name and patronymic, not one person"
    ),
    CROSSED_PAIR: (
        "the surname of one name pairs with a given name of the other only on a few shared "
        "letters ({}): a guess of the word alignment, not a spelling of one name"
    ),
    GENDERED_FORMS: (
        "aligned words are a man's and a woman's form of one given name, or a son's and a "
        "daughter's patronymic ({}): relatives designated together (a husband and wife, a "
        "brother and sister), or a slip of one letter — to review, not one person for sure"
    ),
}


def describe_conflicts(ordered_a: str, ordered_b: str) -> list[tuple[int, str]]:
    """``(bit, words)`` per rule that fires, for the reasons of :func:`graph.resolve.compare.compare`."""
    found = _conflicts(ordered_a, ordered_b)
    out = []
    for bit, template in _RULE_WORDS.items():
        words = ", ".join(f"{a or '(none)'} / {b or '(none)'}" for b_, a, b in found if b_ == bit)
        if words:
            out.append((bit, template.format(words)))
    return out
