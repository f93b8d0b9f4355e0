"""Word-by-word alignment of two person names: token order, initials, transliterations.

``align_person("KIM TONG CHOL", "CHOL KIM TONG")`` is 1.0 (order is free),
``"J SMITH"`` vs ``"JOHN SMITH"`` gives the initial near-full credit (and a contraction: MD,
MHD for MOHAMMED, MG for MAUNG), ``"EVGENI BUSHMIN"``
vs ``"EVGENY VIKTOROVICH BUSHMIN"`` is a near match (a variant plus one extra word: a
patronymic or middle name written on one side only), and ``"JOHN SMITH"`` vs
``"JAMES SMITH"`` is low: a given name on one side that matches nothing on the other is
evidence of another person, not noise. An Arabic name in the spelling of another language
(ZIA / DIYA, GHASEM / QASIM, CHERIF / SHARIF: :mod:`graph.resolve.sound_shifts`; the parts of
two ABD elements in Egyptian spelling, MAJID / MEGUID: :mod:`graph.resolve.egyptian_jim`) and the
particles of a name chain in two languages (BEN / OULD: :mod:`graph.resolve.nasab_particles`)
are credited as romanisation variants; a word with the Arabic article glued (ULHAQ / UL-HAQ:
:mod:`graph.resolve.glued_articles`) is the word. Two words of three letters or fewer pair only as
spellings (:data:`SHORT_WORD_SIM`): ALI / ADL, SOE / SWE differ in one letter of three, which
is another name, not a transliteration.

Pure functions on the distinctive tokens of :func:`graph.resolve.names.normalise_name`
(space-joined), cached per distinct pair so a batch evaluates each pair of names once.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from graph.resolve.arabic_compounds import element_part, is_abd_short_form
from graph.resolve.egyptian_jim import same_jim
from graph.resolve.given_names import same_given_name
from graph.resolve.glued_articles import glued_article
from graph.resolve.names import consonant_skeleton
from graph.resolve.nasab_particles import same_particle
from graph.resolve.person_compounds import compound_forms
from graph.resolve.sound_shifts import same_shifted
from graph.resolve.surname_particles import glued_to

#: Credit of an initial against a word that starts with it ("J" ~ "JOHN").
INITIAL_CREDIT = 0.9
#: Credit of two words with the same consonant skeleton ("MUHAMMAD" ~ "MOHAMMED").
SKELETON_CREDIT = 0.92
#: Credit of two words that differ only by romanisation system (CHIN / JIN); 0 disables it.
ROMANISATION_CREDIT = 0.9
#: Below this alignment score compound names are not looked for (they never lift such a pair).
COMPOUND_LOOK = 0.4
#: Below this word similarity two words are not aligned at all.
MIN_WORD_SIM = 0.6
#: A name written together on one side counts only when the letters agree this closely.
JOINED_MIN = 0.95
#: Words of at most SHORT_WORD letters pair only at this similarity or more (equal, an initial,
#: a contraction, a romanisation variant: ALI / ALY): one letter in three apart (ALI / ADL, SOE /
#: SWE, SAM / NAM) is another short name, and the edit ratio alone would pair them at 0.67.
SHORT_WORD = 3
SHORT_WORD_SIM = 0.8
#: Cost per word of the longer name left without a partner (a middle name, another given name).
EXTRA_WORD_COST = 0.03
#: The same for a patronymic (IVANOVICH, PETROVNA), often left out of a name.
EXTRA_PATRONYMIC_COST = 0.02
_PATRONYMIC_ENDINGS = ("OVICH", "EVICH", "OVNA", "EVNA", "ICHNA", "OGLU", "OGLY", "ZADE")


#: Name elements so common on the lists that sharing them says little (MUHAMMAD, AHMAD, ABD …):
#: they weigh like an initial in the alignment. None: weigh every word by its length.
COMMON_WEIGHT: float | None = 2.0
_COMMON_NAME_WORDS = """
MUHAMMAD MOHAMMAD MOHAMMED MUHAMMED MOHAMED MOHAMAD MOHD AHMAD AHMED ALI ABD ABDUL ABDEL ABU BIN
IBN BINT HAJI HAJJI HASAN HASSAN HUSAIN HUSSAIN HUSSEIN HUSAYN IBRAHIM YUSUF OMAR UMAR MAHMOUD
MAHMUD KHALID KHALED SAYED SAYYID SAID SAYID ABDULLAH ABDALLAH RAHMAN
"""
COMMON_NAME_WORDS = frozenset(_COMMON_NAME_WORDS.split())


@lru_cache(maxsize=100_000)
def _weight(word: str) -> float:
    part = element_part(word)
    if part is not word:  # ABD-RAHMAN weighs as ABD and RAHMAN written apart did
        return _weight("ABD") + _weight(part)
    if COMMON_WEIGHT is not None and word in COMMON_NAME_WORDS:
        return COMMON_WEIGHT
    return max(2, len(word))


def _extra_cost(word: str) -> float:
    return EXTRA_PATRONYMIC_COST if word.endswith(_PATRONYMIC_ENDINGS) else EXTRA_WORD_COST


#: Letters written differently by romanisation systems (Korean McCune-Reischauer vs Revised,
#: Wade-Giles vs pinyin, Thai, Arabic): CH/J, K/G, P/B, T/D, PH/F, KH/H, Q/K, W/V, EE/I, OO/U.
#: Somali spelling writes the Arabic ḥāʾ as X (MAXAMED, AXMED, BEENAX for MOHAMED, AHMED,
#: BAYNAH). After the first letter only: a leading X is mostly pinyin's, and XU / HU, XIONG /
#: HONG are two surnames.
_ROMAN_PAIRS = (("PH", "F"), ("KH", "H"), ("CH", "J"), ("EE", "I"), ("OO", "U"), ("OU", "U"))
_ROMAN_LETTERS = str.maketrans({"Q": "K", "G": "K", "B": "P", "D": "T", "W": "V", "Y": "I"})


@lru_cache(maxsize=200_000)
def romanisation_key(word: str) -> str:
    """``CHIN`` and ``JIN``, ``TONG`` and ``DONG``, ``VAREE`` and ``WARI``, ``UBAYDAH`` and
    ``OBEIDAH``, ``BEENAX`` and ``BAYNAH`` share a key: romanisation folds, then the consonant
    skeleton (a leading vowel written A, a leading AL- article dropped)."""
    for old, new in _ROMAN_PAIRS:
        word = word.replace(old, new)
    word = word.translate(_ROMAN_LETTERS)
    if len(word) >= 3:
        word = word[0] + word[1:].replace("X", "H")  # Somali X: MAXAMED / MAHAMED
        if len(word) >= 5 and word.startswith("AL"):
            word = word[2:]  # ALAGHA / AL-AGHA
        head = "A" if word[0] in "AEIOU" else word[0]  # UBAYDAH / OBEIDAH
        return consonant_skeleton(head + word[1:])
    out = [c for i, c in enumerate(word) if i == 0 or c != word[i - 1]]
    return "".join(out)


#: Credit factor of an Arabic ABD element against its part written alone (ABD-RAHIM / RAHIM) or
#: against a short form of any ABD element (ABD-RAHIM / ABDO).
ABD_DROPPED_CREDIT = 0.85


# Cached per distinct pair of words: the names of a batch share most of their words (MUHAMMAD,
# ALI …), and each of the rules below (Arabic elements, contractions, given-name forms,
# skeletons, romanisation keys) is a pure function of the two words.
@lru_cache(maxsize=100_000)
def word_similarity(a: str, b: str) -> float:
    """Similarity of two name words in [0, 1]: equal, initial, consonant skeleton, romanisation
    variant, edit ratio; Arabic ABD elements by their parts (:mod:`graph.resolve.arabic_compounds`)."""
    if a == b:
        return 1.0
    part_a, part_b = element_part(a), element_part(b)
    if part_a is not a or part_b is not b:
        if is_abd_short_form(part_a) or is_abd_short_form(part_b):
            return ABD_DROPPED_CREDIT  # ABDO for ABD-RAHIM
        both = (part_a is not a) and (part_b is not b)
        factor = 1.0 if both or (part_a is a and part_b is b) else ABD_DROPPED_CREDIT
        sim = _plain_similarity(part_a, part_b)
        if both and sim < ROMANISATION_CREDIT and same_jim(part_a, part_b):
            sim = ROMANISATION_CREDIT  # ABD AL-MAJID / ABDEL MEGUID: the jīm written G in Egypt
        return factor * sim
    return _plain_similarity(a, b)


def is_contraction(short: str, long_: str) -> bool:
    """``short`` is ``long_`` contracted: first and last letters kept, some consonants between
    and no vowel, as MD, MHD for MOHAMMED, MG for MAUNG, WM for WILLIAM."""
    if not 2 <= len(short) <= 4 or len(long_) < len(short) + 2:
        return False
    if short[0] != long_[0] or short[-1] != long_[-1] or any(c in "AEIOUY" for c in short[1:]):
        return False
    letters = iter(long_)
    return all(c in letters for c in short)  # a subsequence


def _plain_similarity(a: str, b: str) -> float:
    sim = _spelling_similarity(a, b)
    if sim < SHORT_WORD_SIM and min(len(a), len(b)) <= SHORT_WORD:
        return 0.0  # see short_words_apart
    return sim


def short_words_apart(a: str, b: str) -> bool:
    """``a`` and ``b`` are short words (SHORT_WORD letters or fewer) alike in spelling, ALI /
    ADL, that the alignment does not pair: one letter apart in three is another name."""
    if not 1 < min(len(a), len(b)) <= SHORT_WORD:
        return False
    return MIN_WORD_SIM <= _spelling_similarity(a, b) < SHORT_WORD_SIM


def _spelling_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return INITIAL_CREDIT if a[0] == b[0] else 0.0
    if is_contraction(a, b) or is_contraction(b, a):
        return INITIAL_CREDIT
    if same_particle(a, b):
        return ROMANISATION_CREDIT  # BEN / OULD, IBN / BIN: one "son of" in two languages
    if glued_to(a, b) or glued_to(b, a):
        return 1.0  # VANDERBERG / BERG: one surname, its particles written apart on one side
    if glued_article(a, b) or glued_article(b, a):
        return 1.0  # ULHAQ / UL-HAQ: the Arabic article written apart on one side
    if same_given_name(a, b):
        return SKELETON_CREDIT  # MYKOLA / NIKOLAI, YAUGENAVICH / YEVGENEVICH: one name
    best = fuzz.ratio(a, b) / 100.0
    if len(a) >= 4 and len(b) >= 4 and consonant_skeleton(a) == consonant_skeleton(b):
        best = max(best, SKELETON_CREDIT)
    if ROMANISATION_CREDIT and romanisation_key(a) == romanisation_key(b):
        best = max(best, ROMANISATION_CREDIT)
    if best < ROMANISATION_CREDIT and same_shifted(a, b):
        best = ROMANISATION_CREDIT  # ZIA / DIYA, FAZL / FADL: Persian or Turkish letters for Arabic ones
    return best


def align_words(core_a: str, core_b: str) -> tuple[tuple[str, str, float], ...]:
    """The word pairs of the alignment, best first: ``(word of a, word of b, similarity)``;
    a word left without a partner is paired with ``""`` and similarity 0."""
    ta, tb = core_a.split(), core_b.split()
    cells = sorted(
        ((word_similarity(s, t), i, j) for i, s in enumerate(ta) for j, t in enumerate(tb)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[tuple[str, str, float]] = []
    for sim, i, j in cells:
        if sim < MIN_WORD_SIM:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((ta[i], tb[j], sim))
    out += [(t, "", 0.0) for i, t in enumerate(ta) if i not in used_a]
    out += [("", t, 0.0) for j, t in enumerate(tb) if j not in used_b]
    return tuple(out)


@lru_cache(maxsize=200_000)
def align_person(core_a: str, core_b: str) -> float:
    """Alignment score in [0, 1] of two space-joined token lists (symmetric); a compound given
    name joined on one side and split on the other (MOHAMMADREZA / MOHAMMAD REZA) is compared
    as one word when that aligns better (see :mod:`graph.resolve.person_compounds`)."""
    score = _align_score(core_a, core_b)
    if score < COMPOUND_LOOK or score >= 1.0:
        return score  # nothing a compound could change (most pairs of a batch stop here)
    merged_a, merged_b, merges = compound_forms(core_a, core_b)
    if merges:
        score = max(score, _align_score(merged_a, merged_b))
    return score


def _align_score(core_a: str, core_b: str) -> float:
    if core_a > core_b:
        core_a, core_b = core_b, core_a
    ta, tb = core_a.split(), core_b.split()
    if not ta or not tb:
        return 0.0
    joined = fuzz.ratio("".join(sorted(ta)), "".join(sorted(tb))) / 100.0
    if len(ta) > len(tb):
        core_a, core_b, ta, tb = core_b, core_a, tb, ta
    # ta is the shorter name: every one of its words should find a partner.
    pairs = align_words(core_a, core_b)
    # Each word of ta appears once in pairs (with its partner or alone); initials weigh
    # like two letters.
    score = sum(_weight(w) * sim for w, _, sim in pairs if w) / sum(_weight(w) for w in ta)
    score -= sum(_extra_cost(t) for w, t, _ in pairs if not w)
    if len(ta) == 1 and len(tb) > 1:
        score -= 0.1  # one word found inside a longer name is weak evidence
    # Names written together on one side ("ABDULRAHMAN" vs "ABDUL RAHMAN").
    if len(ta) != len(tb) and joined >= JOINED_MIN:
        score = max(score, joined)
    return max(0.0, min(1.0, score))


def compounds_used(core_a: str, core_b: str) -> list[tuple[str, str, str]]:
    """The compound merges (joined word, first half, second half) that :func:`align_person`
    used for these names: empty when comparing the words as written scored as well."""
    score = _align_score(core_a, core_b)
    if score < COMPOUND_LOOK or score >= 1.0:
        return []
    merged_a, merged_b, merges = compound_forms(core_a, core_b)
    if merges and _align_score(merged_a, merged_b) > score:
        return merges
    return []


def describe_alignment(core_a: str, core_b: str) -> str:
    """The alignment in words: ``EVGENI / EVGENY 0.92 alike, BUSHMIN=BUSHMIN, VIKTOROVICH (no partner)``.

    Words are joined into compounds only where the scorer joined them: :func:`align_person` reads
    the words sorted, and merging in another order can join words it never joined (ALI HUSSEINI /
    ALI HUSSEIN in the written order gave HUSSEINIALI, a word of neither name)."""
    parts = []
    if compounds_used(" ".join(sorted(core_a.split())), " ".join(sorted(core_b.split()))):
        core_a, core_b, _ = compound_forms(core_a, core_b)
    pairs = align_words(core_a, core_b)
    for a, b, sim in pairs:
        if a and b:
            parts.append(f"{a}={b}" if a == b else f"{a} / {b} {sim:.2f} alike")
        else:
            parts.append(f"{a or b} (no partner)")
    lone_a = [a for a, b, _ in pairs if a and not b]
    lone_b = [b for a, b, _ in pairs if b and not a]
    apart = [f"{a} / {b}" for a in lone_a for b in lone_b if short_words_apart(a, b)]
    if apart:
        # ALI / ADL are one letter apart, DALIPI / ALI no closer: what they share is that a word
        # this short pairs only with one spelt almost alike (_plain_similarity).
        parts.append(
            f"not paired: {', '.join(apart)} (a word of {SHORT_WORD} letters or fewer pairs only with one "
            "spelt almost alike: these are other names)"
        )
    return ", ".join(parts)
