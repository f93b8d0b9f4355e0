"""Rules that keep a pair below ``review`` when its names agree only in a way two different firms do.

Each rule looks at the distinctive words of a scored pair (as spelt, generic words left out) and
returns the reason a user sees, or None. A pair a rule fires on is capped below the default
``review`` threshold (see :data:`graph.screening.scoring.TWO_DIFFERENCES_CAP`) and stays listed.

- :func:`short_name_differs`: a listed name of four letters or fewer (a screened one of three:
  AAJ, CSC, ELN) is an acronym or a short brand; one letter more, less or different (AAI, CSK,
  ELNO) makes another name, where in a long name it is a typo.
- :func:`common_word_respelt`: a common English word (FUSION, GREEN) stands where the listed name
  has a near-miss spelling that is no English word (FUSSION, GURGEN): a typo seldom turns a coined
  name into a correct dictionary word, so the two are likelier different names. Spellings that differ
  only by transliteration convention (ELECTRON / ELEKTRON, ALCON / ALKON) are exempt: that is how
  Cyrillic names come back to Latin letters; and so is a pair that shares a rare word spelt alike
  (PETRO RAND / PETRO GRAND), where the rare word carries the match and the other one is a typo.
- :func:`common_word_name_extended`: the listed name is one common English word (COSMOS) and the
  screened name holds it beside words of its own (COSMOS WEB).
- :func:`only_common_words_agree`: what both names hold is dictionary words or places
  (COMMUNICATIONS, SHENZHEN, NINGBO) and their own words differ outright (SOCKET / SCOTT COMMUNICATIONS).
- :func:`prefixed`: one one-word name is the other with a letter or two in front (ANDES / BANDES).

No rule applies to names that hold the same letters with a space moved (SIN OZIM / SINO ZIM):
the caller checks that first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from graph.resolve.place_qualifiers import gazetteer
from graph.words import COMMON_ZIPF, is_common_word, zipf

SHORT_NAME_MAX = 4
#: In the frequency table at all (once per million words): a dictionary word or a famous place
#: (SHENZHEN). Places that English text seldom writes (NINGBO, DONGGUAN) are read from resolution's
#: gazetteer instead (:func:`place_words`).
WORD_ZIPF = 3.0
#: The most words of a gazetteer phrase looked for in a name (ISLAMIC REPUBLIC OF IRAN).
PLACE_MAX_WORDS = 4
#: Two differing words this alike (0-100) may be one word with a typo (the scorer's word match).
SAME_WORD_RATIO = 80.0
#: Two words pair up (the query's word stands for the listed one) from this similarity (0-100).
RESPELT_MIN_RATIO = 70.0
#: Letters that transliteration swaps without a change of name (Cyrillic К, В, Й back to Latin as K, V, I).
_ACRONYM_SWAPS = str.maketrans({"C": "K", "Q": "K", "W": "V", "Y": "I"})
#: In a longer word J too (Я, Ю come back as YA, IA or JA).
_TRANSLIT_SWAPS = str.maketrans({"C": "K", "Q": "K", "W": "V", "Y": "I", "J": "I"})


def place_words(words: list[str]) -> frozenset[str]:
    """The words of a name that make up a place of resolution's gazetteer
    (:func:`graph.resolve.place_qualifiers.gazetteer`: rigour's territories and GeoNames' cities of a
    million people), longest phrase first: NINGBO, DONGGUAN, HONG KONG. One list of places for both
    the resolver and the screener, so a city is a place to both or to neither."""
    places = gazetteer()
    out: set[str] = set()
    i = 0
    while i < len(words):
        for n in range(min(PLACE_MAX_WORDS, len(words) - i), 0, -1):
            if " ".join(words[i : i + n]) in places:
                out.update(words[i : i + n])
                i += n
                break
        else:
            i += 1
    return frozenset(out)


def _word_or_place(word: str, places: frozenset[str]) -> bool:
    """A dictionary word or a place (``places`` from :func:`place_words`): a trade or a city, no name."""
    return word in places or zipf(word) >= WORD_ZIPF


def _places_note(words: list[str], places: frozenset[str]) -> str:
    """The places among ``words`` named for the user (empty when there are none)."""
    named = [w for w in words if w in places]
    return f" ({', '.join(named)}: {'a place' if len(named) == 1 else 'places'})" if named else ""


def translit_form(word: str) -> str:
    """The scorer's :func:`~graph.screening.scoring.skeleton` without its doubled-letter folding:
    these rules must keep FUSSION apart from FUSION, which the skeleton makes one word."""
    return word.replace("KH", "H").replace("PH", "F").replace("X", "KS").translate(_TRANSLIT_SWAPS)


def acronym_key(word: str) -> str:
    """A short word with only transliteration swaps folded (CSC / КСК, HK / ХК): no doubled letters
    merged and no vowels ignored, since in three letters each letter is a third of the name."""
    return word.replace("KH", "H").replace("X", "KS").translate(_ACRONYM_SWAPS)


def short_name_differs(
    query_words: list[str],
    list_words: list[str],
    query_head: str = "",
    key: Callable[[str], str] = acronym_key,
) -> str | None:
    """One side's distinctive name is a single word of four letters or fewer, and the other side has no
    word spelt the same (up to transliteration swaps; ``key`` folds them)."""
    for short, other, side, most in (
        (list_words, query_words, "listed", SHORT_NAME_MAX),
        # A screened word of four letters may be a five-letter listed word with a letter dropped (SOLID /
        # SLID); from three letters down it is an acronym of its own.
        (query_words, list_words, "screened", SHORT_NAME_MAX - 1),
    ):
        if len(short) != 1 or len(short[0]) > most:
            continue
        word = short[0]
        if key(word) not in {key(w) for w in other}:
            return (
                f"short name: the {side} name is the {len(word)}-letter word '{word}' and the other has no "
                f"word spelt so ('{' '.join(other)}'); at this length one letter more, less or different "
                "makes another name"
            )
    return None


def short_name_spelt_otherwise(
    query_words: list[str], list_words: list[str], query_head: str = ""
) -> str | None:
    """:func:`short_name_differs` where only a transliteration swap joins the two short names (MIC / MYC,
    CEM / KEM, YSI / ISI, MAX / MACS). The caller applies it to a screened name written in Latin letters:
    its C or K is then the firm's own choice, not this tool's romanisation of К, and in a name of three
    or four letters one letter is a third or a quarter of it."""
    if short_name_differs(query_words, list_words) is not None:
        return None  # the plain rule already says so
    if short_name_differs(query_words, list_words, key=str) is None:
        return None  # the same letters: the listed short name itself
    return (
        f"short name spelt otherwise: '{' '.join(query_words)}' and '{' '.join(list_words)}' are short names "
        "that agree only up to letters a transliteration swaps (C/K, Y/I, X/KS …); the screened name is "
        "written in Latin letters, so its spelling is the firm's own and one letter makes another name"
    )


def common_word_respelt(query_words: list[str], list_words: list[str], query_head: str = "") -> str | None:
    """A word of the query is a common English word, and the listed word it stands for is spelt otherwise
    and is no common word itself (or is another one)."""
    query_set = set(query_words)
    if any(len(w) >= 3 and not is_common_word(w) for w in query_set.intersection(list_words)):
        return None  # a rare word spelt alike on both sides (PETRO RAND / PETRO GRAND): a typo is likelier
    for listed in list_words:
        if listed in query_set or len(listed) < 3:
            continue
        best = max(query_words, key=lambda w: fuzz.ratio(w, listed), default=None)
        if best is None or fuzz.ratio(best, listed) < RESPELT_MIN_RATIO or best in list_words:
            continue
        if not is_common_word(best) or translit_form(best) == translit_form(listed):
            continue
        other = "another common word" if is_common_word(listed) else "not a common English word"
        return (
            f"common word respelt: '{best}' is a common English word (Zipf ≥ {COMMON_ZIPF}) and the listed "
            f"'{listed}' is {other}; a typo seldom makes a dictionary word, so the names likelier differ"
        )
    return None


def common_word_name_extended(
    query_words: list[str], list_words: list[str], query_head: str = ""
) -> str | None:
    """The listed name's only distinctive word is a common English word (COSMOS, MOTION, BUILDING), and
    the screened name holds it beside words of its own (COSMOS WEB): the common word is no identity on
    its own, and what the screened name adds is not in the listed one."""
    if len(list_words) != 1 or len(query_words) < 2:
        return None
    word = list_words[0]
    if word not in query_words or not is_common_word(word):
        return None
    extra = " ".join(w for w in query_words if w != word)
    return (
        f"common word name: the listed name's only distinctive word is the common English word '{word}', "
        f"and the screened name adds '{extra}', which the listed name does not have"
    )


def prefixed(query_words: list[str], list_words: list[str], query_head: str = "") -> str | None:
    """The one word in which two names differ is, in one of them, the other's with one or two letters
    put in front (ANDES / BANDES, ENSIS / GENSIS, SHENZHEN UVISION / SHENZHEN VISION): a typo slips
    inside a word, where a letter in front makes another name. ``query_head`` is the first word of the
    screened name as written (generic words included)."""
    # Words both names hold spelt alike (SHENZHEN UVISION / SHENZHEN VISION) leave the one that differs.
    own_q = [w for w in query_words if w not in list_words]
    own_l = [w for w in list_words if w not in query_words]
    if len(own_q) != 1 or len(own_l) != 1 or len(set(query_words)) != len(set(list_words)):
        return None
    query_word = own_q[0]
    short, long_ = sorted((query_word, own_l[0]), key=len)
    if not 1 <= len(long_) - len(short) <= 2 or len(short) < 3 or not long_.endswith(short):
        return None
    if translit_form(short) == translit_form(long_):
        return None  # Х comes back KH: KHESONG is HESONG
    if long_[0] == long_[1] == short[0]:
        return None  # a doubled first letter (КХАМ comes back KKHAM): no letter put in front
    if short == query_word and query_head != short:
        # Inside a screened name (TECHNOLOGY UTRON for YUTRON TECHNOLOGY) a dropped first letter is a
        # typo like any other; the first letter of the whole name is the one a writer checks.
        return None
    return (
        f"letters in front: '{long_}' is '{short}' with '{long_[: len(long_) - len(short)]}' put in front; "
        "a typo slips inside a word, a prefix makes another name"
    )


def only_common_words_agree(
    query_words: list[str], list_words: list[str], query_head: str = ""
) -> str | None:
    """The words both names hold are dictionary words or places (COMMUNICATIONS, SHENZHEN, NINGBO),
    and the words that would tell the firms apart differ outright (SOCKET / SCOTT, CUDY / DJI): SOCKET
    COMMUNICATIONS and SCOTT COMMUNICATIONS share a trade, not a name; NINGBO CUDY and NINGBO DJI a
    city. Words are compared with transliteration swaps folded, so a Cyrillic spelling of the listed
    name still agrees word for word."""
    qk = {translit_form(w): w for w in query_words}
    lk = {translit_form(w): w for w in list_words}
    shared = [k for k in lk if k in qk]
    own_q = [k for k in qk if k not in lk]
    own_l = [k for k in lk if k not in qk]
    if not shared or not own_q or not own_l:
        return None
    places = place_words(list_words)
    if any(not _word_or_place(lk[k], places) for k in shared):
        return None  # a rare word spelt alike on both sides is a name, not a trade
    if any(fuzz.ratio(x, y) >= SAME_WORD_RATIO for x in own_q for y in own_l):
        return None  # the differing words resemble each other: a typo, not another firm
    agree = [lk[k] for k in shared]
    return (
        f"only common words agree: '{' '.join(agree)}' is common English or a place"
        f"{_places_note(agree, places)}, and the listed '{' '.join(lk[k] for k in own_l)}' is unlike "
        f"the screened '{' '.join(qk[k] for k in own_q)}'"
    )


def listed_word_missing(query_words: list[str], list_words: list[str], query_head: str = "") -> str | None:
    """Every word of the screened name is in the listed one, all of them dictionary words or places, and
    the listed name has a word of its own the screened one lacks (BEIJING CLOUD / HUAWEI CLOUD BEIJING,
    CARE / CAR CARE, DREAM / DREAM II): the shared words name a trade or a city, the missing one is
    what tells the listed firm from others. The caller applies it to firm names only: a person's name
    without a middle name or patronymic is how a listed person is often written."""
    qk = {translit_form(w) for w in query_words}
    lk = {translit_form(w): w for w in list_words}
    missing = [w for k, w in lk.items() if k not in qk]
    if not qk or not qk <= lk.keys() or not missing:
        return None
    places = place_words(list_words)
    if any(not _word_or_place(lk[k], places) for k in qk):
        return None  # a rare word spelt alike on both sides is a name, not a trade
    return (
        f"listed word missing: the screened name's words ('{' '.join(query_words)}') are all common "
        f"English or places{_places_note([lk[k] for k in qk], places)}, and the listed name's "
        f"'{' '.join(missing)}' is not in it"
    )


_DOUBLED = re.compile(r"(.)\1+")


def two_edits(query_words: list[str], list_words: list[str], query_head: str = "") -> str | None:
    """Two one-word names two edits apart or more (a letter inserted, dropped, changed or two swapped),
    counted after transliteration swaps and doubled letters (ORIONSTAR / INSTAR, CADCO / ADCOM,
    OPTIUM / OPTIMA): a typo is one slip in a word; two in one name make another name. Like
    ``two differences`` across words, within one word. The caller applies it to a screened name written
    in Latin letters: this tool's romanisation of a Cyrillic one (КХ → KKH) adds differences of its own."""
    if len(query_words) != 1 or len(list_words) != 1:
        return None
    q, listed = (translit_form(w) for w in (query_words[0], list_words[0]))
    # A doubled letter dropped or added is one slip (SIBUGLEMET / SIBUGLEET), not one to count twice.
    edits = min(OSA.distance(q, listed), OSA.distance(_DOUBLED.sub(r"\1", q), _DOUBLED.sub(r"\1", listed)))
    if edits < 2:
        return None
    return (
        f"two edits: '{query_words[0]}' and '{list_words[0]}' are {edits} edits apart (transliteration "
        "letters and doubled letters aside); a typo is one slip in a word, two make another name"
    )
