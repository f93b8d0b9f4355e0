"""Name normalisation: one :class:`NameForm` per name, computed once and compared many times.

``normalise_name("Shenzhen Huaxin Electronic Technology Co., Ltd.")`` and
``normalise_name("SHENZHEN HUAXIN ELEC TECH CO")`` share the distinctive tokens
``("SHENZHEN", "HUAXIN")``: case, accents and punctuation are folded, the legal form is
taken out as one typed token (see :mod:`graph.resolve.legal_forms`), abbreviations are
expanded to one spelling and generic words (TRADING, TECHNOLOGY, ELECTRONICS …) are kept
apart so that they never carry a match on their own.

Transliteration of Cyrillic, Greek, Arabic, Chinese … uses ``anyascii`` (maintained, covers
all of Unicode). Chinese legal forms and generic words are cut out in the native script
first so that ``深圳华信电子科技有限公司`` gives ``SHENZHENHUAXIN`` + generic
``DIANZI KEJI`` + the LIMITED form rather than one unreadable token.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from graph.addresses import normalise_address as _normalise_address
from graph.resolve.bare_names import keeps_no_name
from graph.resolve.body_type_forms import form_before_body_type
from graph.resolve.dedications import drop_dedication
from graph.resolve.dotted_initials import dotted_groups, join_dotted_forms, join_split_groups
from graph.resolve.form_names import form_words
from graph.resolve.form_typos import FormTypos
from graph.resolve.initial_runs import joined_runs
from graph.resolve.legal_forms import FORM_KINDS, GENERIC, MAX_FORM_TOKENS, LegalForms, family, is_common_form
from graph.resolve.name_articles import stop_words_of
from graph.resolve.name_titles import titles_dropped
from graph.resolve.ordinals import (
    ORDINAL_SUFFIXES,
    ROMAN_ONE_TO_TWENTY,
    canonical_numbers,
    number_value,
    rewrites,
)
from graph.resolve.place_names import place_name
from graph.resolve.qualified_forms import unbracket
from graph.resolve.romanise import roman_key
from graph.resolve.slashed_words import join_slashed
from graph.resolve.surname_particles import PERSON_PARTICLES
from graph.resolve.vessel_numbers import hull_numbers_apart, ship_number
from graph.words import is_common_word

#: A name made only of generic words identifies an entity from this many distinct words on.
GENERIC_NAME_WORDS = 3

#: Names longer than this are cut (a 10,000-character "name" is an error, not a company).
MAX_NAME_CHARS = 400

#: Abbreviations and variant spellings → one canonical word.
ABBREVIATIONS: dict[str, str] = {
    "COMP": "COMPANY",
    "COS": "COMPANY",
    "CORP": "CORPORATION",
    "CORPN": "CORPORATION",
    "TECH": "TECHNOLOGY",
    "TECHN": "TECHNOLOGY",
    "TECHNO": "TECHNOLOGY",
    "TECHNOLOGIES": "TECHNOLOGY",
    "TECHNOLOGICAL": "TECHNOLOGY",
    "TEK": "TECHNOLOGY",
    "TECHS": "TECHNOLOGY",
    "ELEC": "ELECTRONICS",
    "ELECT": "ELECTRONICS",
    "ELECTR": "ELECTRONICS",
    "ELECTRONIC": "ELECTRONICS",
    "ELECTRO": "ELECTRONICS",
    "ELECS": "ELECTRONICS",
    "ELCTRONICS": "ELECTRONICS",
    "INTL": "INTERNATIONAL",
    "INTERNATL": "INTERNATIONAL",
    "INTNL": "INTERNATIONAL",
    "INT": "INTERNATIONAL",
    "GRP": "GROUP",
    "GP": "GROUP",
    "SVCS": "SERVICES",
    "SRVCES": "SERVICES",
    "SVC": "SERVICES",
    "SERVICE": "SERVICES",
    "SERV": "SERVICES",
    "SRVCS": "SERVICES",
    "MFG": "MANUFACTURING",
    "MFRS": "MANUFACTURING",
    "MFR": "MANUFACTURING",
    "MANUF": "MANUFACTURING",
    "MANUFACTURE": "MANUFACTURING",
    "MANUFACTURER": "MANUFACTURING",
    "MANUFACTURERS": "MANUFACTURING",
    # Who does the business, read as the business as MANUFACTURERS is: these common words were
    # read so only as typos (one or two edits), which correct_generic no longer makes of a word.
    "PRODUCER": "PRODUCTION",
    "PRODUCERS": "PRODUCTION",
    "DISTRIBUTOR": "DISTRIBUTION",
    "DISTRIBUTORS": "DISTRIBUTION",
    "CONSULTANT": "CONSULTING",
    "CONSULTANTS": "CONSULTING",
    "IND": "INDUSTRIES",
    "INDS": "INDUSTRIES",
    "INDUSTRY": "INDUSTRIES",
    "INDUSTRIAL": "INDUSTRIES",
    "ENT": "ENTERPRISES",
    "ENTERPRISE": "ENTERPRISES",
    "ENTPR": "ENTERPRISES",
    "HLDGS": "HOLDINGS",
    "HLDG": "HOLDINGS",
    "HOLDING": "HOLDINGS",
    "DEV": "DEVELOPMENT",
    "DEVT": "DEVELOPMENT",
    "SCI": "SCIENCE",
    "SCIENTIFIC": "SCIENCE",
    "SEMI": "SEMICONDUCTOR",
    "SEMICON": "SEMICONDUCTOR",
    "SEMICONDUCTORS": "SEMICONDUCTOR",
    "TRDG": "TRADING",
    "TRD": "TRADING",
    "TRADE": "TRADING",
    "TRADERS": "TRADING",
    "LOGISTIC": "LOGISTICS",
    "LOG": "LOGISTICS",
    "ENG": "ENGINEERING",
    "ENGG": "ENGINEERING",
    "EQUIP": "EQUIPMENT",
    "EQPT": "EQUIPMENT",
    "INST": "INSTITUTE",
    "UNIV": "UNIVERSITY",
    "LAB": "LABORATORY",
    "LABS": "LABORATORY",
    "LABORATORIES": "LABORATORY",
    "NATL": "NATIONAL",
    "ASSOC": "ASSOCIATION",
    "BROS": "BROTHERS",
    "MGMT": "MANAGEMENT",
    "INV": "INVESTMENT",
    "INVESTMENTS": "INVESTMENT",
    "SYS": "SYSTEMS",
    "SYSTEM": "SYSTEMS",
    "SOLN": "SOLUTIONS",
    "SOLNS": "SOLUTIONS",
    "SOLUTION": "SOLUTIONS",
    "PRODS": "PRODUCTS",
    "PRODUCT": "PRODUCTS",
    "COMPONENT": "COMPONENTS",
    "IMP": "IMPORT",
    "EXP": "EXPORT",
    "MICROELEC": "MICROELECTRONICS",
    "MICROELECTRONIC": "MICROELECTRONICS",
    "DISTR": "DISTRIBUTION",
    "ORGANISATION": "ORGANIZATION",
    "DIST": "DISTRIBUTION",
    "SHIPPING": "SHIPPING",
    "SHPG": "SHIPPING",
    # Trade spellings that write EX- as X ("AYASH XCHANGE", "XPRESS FREIGHT").
    "XCHANGE": "EXCHANGE",
    "XPRESS": "EXPRESS",
    "XPORT": "EXPORT",
    # Portuguese and Spanish line-of-business words, read as the English ones (a Brazilian holding
    # is "... EMPREENDIMENTOS E PARTICIPACOES", ventures and holdings).
    "EMPREENDIMENTOS": "ENTERPRISES",
    "PARTICIPACOES": "HOLDINGS",
    "INVESTIMENTOS": "INVESTMENT",
    "SERVICOS": "SERVICES",
    "SERVICIOS": "SERVICES",
    "INVERSIONES": "INVESTMENT",
}

#: Words that describe a line of business, not an identity (after abbreviation expansion).
GENERIC_WORDS: frozenset[str] = frozenset(
    [
        "COMPANY",
        "CORPORATION",
        "TRADING",
        "GROUP",
        "INTERNATIONAL",
        "TECHNOLOGY",
        "ELECTRONICS",
        "INDUSTRIES",
        "SERVICES",
        "MANUFACTURING",
        "HOLDINGS",
        "ENTERPRISES",
        "DEVELOPMENT",
        "SCIENCE",
        "SEMICONDUCTOR",
        "LOGISTICS",
        "ENGINEERING",
        "EQUIPMENT",
        "SYSTEMS",
        "SOLUTIONS",
        "PRODUCTS",
        "COMPONENTS",
        "IMPORT",
        "EXPORT",
        "GLOBAL",
        "WORLDWIDE",
        "COMMERCIAL",
        "INVESTMENT",
        "MANAGEMENT",
        "SUPPLY",
        "SUPPLIES",
        "MICROELECTRONICS",
        "DISTRIBUTION",
        "SHIPPING",
        "INSTITUTE",
        "LABORATORY",
        "NATIONAL",
        "GENERAL",
        "UNITED",
        "PARTNERS",
        "ASSOCIATES",
        "AGENCY",
        "FIRM",
        "BUSINESS",
        "NETWORK",
        "NETWORKS",
        "CONSULTING",
        "RESEARCH",
        "PRODUCTION",
        "INDUSTRIAL",
        "MACHINERY",
        "DEVICES",
        "DEVICE",
        "INSTRUMENTS",
        "PRECISION",
        "ENERGY",
        "HIGH",
        "NEW",
        "OPTICAL",
        "DIGITAL",
        "SMART",
        "BRANCH",
        "OFFICE",
        "TRANSPORT",
        "FREIGHT",
        "FORWARDING",
        "EXPRESS",
        "CHEMICAL",
        "CHEMICALS",
        "KEJI",
        "DIANZI",
        "MAOYI",
        "JITUAN",
        "GUOJI",
        "SHIYE",
        "FAZHAN",
        "GONGYE",
        "WULIU",
        "JINCHUKOU",
        "SHANGMAO",
        "YOUXIAN",
        "GONGSI",
        "TORGOVYY",
        "TORGOVYI",
        "DOM",
        "KOMPANIYA",
        "GRUPPA",
        "NPO",
        "NPP",
        "NPK",
        "ZAVOD",
        "TEKHNOLOGII",
        "ELEKTRONIKA",
        "OBEDINENIE",
        "NAUCHNO",
        "PROIZVODSTVENNOE",
        "PREDPRIYATIE",
    ]
)

#: Function words and name particles (never distinctive, for any kind).
STOP_WORDS: frozenset[str] = frozenset(
    [
        "THE",
        "AND",
        "OF",
        "FOR",
        "A",
        "AN",
        "DE",
        "DEL",
        "DELLA",
        "DA",
        "DI",
        "DU",
        "DES",
        "LA",
        "LE",
        "LES",
        "EL",
        "AL",
        "Y",
        "ET",
        "UND",
        "VON",
        "VAN",
        "DER",
        "DEN",
        "TEN",
        "TER",
    ]
)

#: Roman numerals read as numbers in any name: I, V and X alone are initials far more often.
ROMAN_NUMERALS: frozenset[str] = frozenset(ROMAN_ONE_TO_TWENTY) - {"I", "V", "X"}

#: Titles and honorifics dropped from person names.
PERSON_TITLES: frozenset[str] = frozenset(
    [
        "MR",
        "MRS",
        "MS",
        "MISS",
        "DR",
        "PROF",
        "SIR",
        "GEN",
        "COL",
        "MAJ",
        "CAPT",
        "LT",
        "ADM",
        "SHEIKH",
        "SHAIKH",
        "HAJI",
        "HAJJI",
        "MULLAH",
        "MAULANA",
        "IMAM",
        "JR",
        "SR",
        "II",
        "III",
        "IV",
    ]
)

#: Honorifics that open a person name (religious, military, customary): dropped only in front of
#: the name, where they are titles ("Qari Saifullah", "General Taganda"), never inside it, where
#: some are name elements ("Isma'il Hafiz AL LAMI"); the suffix SAHIB (sir) only at the end.
PERSON_HONORIFICS_BEFORE: frozenset[str] = frozenset(
    [
        "GENERAL",
        "CHIEF",
        "QARI",
        "HAFIZ",
        "HAFEZ",
        "MAWLAWI",
        "MAULAWI",
        "MAULVI",
        "MAWLANA",
        "MUFTI",
        "USTAD",
        "USTADZ",
        "ALHAJ",
        "ALHAJJ",
        "HADJ",
    ]
)
PERSON_HONORIFICS_AFTER: frozenset[str] = frozenset(["SAHIB", "SAHEB", "SAHAB"])


def _honorific_bounds(tokens: tuple[str, ...]) -> tuple[int, int]:
    start, end = 0, len(tokens)
    while end - start > 1 and tokens[start] in PERSON_HONORIFICS_BEFORE:
        start += 1
    while end - start > 1 and tokens[end - 1] in PERSON_HONORIFICS_AFTER:
        end -= 1
    return start, end


def _drop_honorifics(tokens: tuple[str, ...]) -> tuple[str, ...]:
    start, end = _honorific_bounds(tokens)
    return tokens[start:end]


def _untitled(text: str, given_first: bool) -> tuple[str, ...]:
    """The words of a person name without its titles (graph.resolve.name_titles); with
    ``given_first``, the parts after "SURNAME," go before it ("Given SURNAME")."""
    parts = titles_dropped(text, fold(text).split(), fold, PERSON_TITLES, PERSON_HONORIFICS_BEFORE)
    if given_first and len(parts) == 1 and "," in text:
        # read word by word (a fold across words): the parts are moved as written
        head, _, tail = text.partition(",")
        return _untitled(f"{tail} {head}", False)
    if given_first and len(parts) > 1:
        parts = [*parts[1:], parts[0]]
    return tuple(t for part in parts for t in part)


@lru_cache(maxsize=200_000)
def person_tokens(text: str, given_first: bool = False) -> tuple[str, ...]:
    """``normalise_name(text, "person").tokens``; with ``given_first``, read as "Given SURNAME"
    when written "SURNAME, Given": the titles are those of the name as written, where the
    comma tells the given names (IMAM of "BAZINJO, Imam" is one), the honorifics those that
    open the given names."""
    return _drop_honorifics(_untitled(text, given_first))


def person_honorifics(text: str) -> tuple[str, ...]:
    """The honorifics :func:`normalise_name` drops from a person name ("General Taganda" → GENERAL)."""
    tokens = _untitled(text, False)
    start, end = _honorific_bounds(tokens)
    return tokens[:start] + tokens[end:]


# Chinese legal forms / generic words cut out in the native script (longest first).
_CJK_WORDS: tuple[str, ...] = tuple(
    sorted(
        [
            "股份有限公司",
            "有限责任公司",
            "有限責任公司",
            "有限公司",
            "无限公司",
            "無限公司",
            "集团",
            "集團",
            "公司",
            "科技",
            "技术",
            "技術",
            "电子",
            "電子",
            "贸易",
            "貿易",
            "国际",
            "國際",
            "实业",
            "實業",
            "发展",
            "發展",
            "工业",
            "工業",
            "物流",
            "进出口",
            "進出口",
            "商贸",
            "商貿",
            "半导体",
            "半導體",
            "微电子",
            "微電子",
            "株式会社",
            "有限会社",
            "合同会社",
        ],
        key=len,
        reverse=True,
    )
)
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xAC00, 0xD7AF))
_NON_ALNUM = re.compile(r"[^0-9A-Z]+")
_APOSTROPHES = re.compile(r"['`\u2019\u2018\u02bc]")
_MARKS = str.maketrans("", "", "\u2122\u2120")  # ™ ℠
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "So", "Sk", "Mn", "Me"})


class _UnreadTable(dict[int, str | None]):
    """drop_unread's rule as a ``str.translate`` table, filled per code point on first sight: a
    whitespace character is a space, a character of _DROP_CATEGORIES is dropped, any other is
    kept. The table is read in C, where the rule was a Python test per character of every name."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        read = " " if ch.isspace() else None if unicodedata.category(ch) in _DROP_CATEGORIES else ch
        if len(self) < _UNREAD_KEPT:  # a hostile file of every code point fills no more than this
            self[code] = read
        return read


_UNREAD_KEPT = 65_536
_UNREAD = _UnreadTable()

#: ALEF WITH MADDA ABOVE (آ) read as the bare alef (ا): the madda is a mark that Persian and
#: Arabic typists often leave out (آخوند / اخوند, آغا / اغا). ``anyascii`` writes آ as A but the
#: bare alef, and the alef with hamza (أ / إ), as nothing, so the two writings of one name folded
#: to AKHWND / KHWND and the person rules read two names of other first sounds. Every alef now
#: folds alike (a madda typed apart, ا + U+0653, is composed to آ by NFKC first).
_ALEF_MADDA = str.maketrans({"\u0622": "\u0627"})


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


def detect_script(text: str) -> str:
    """The script of the letters of ``text``: LATIN, CYRILLIC, GREEK, ARABIC, CJK, HANGUL …; MIXED; NONE."""
    text = text[:MAX_NAME_CHARS]
    if text.isascii():  # most names: every ASCII letter is Latin, so skip the per-character lookups
        return "LATIN" if any(ch.isalpha() for ch in text) else "NONE"
    scripts: set[str] = set()
    for ch in text:
        if not ch.isalpha():
            continue
        if _is_cjk(ch):
            scripts.add("HANGUL" if 0xAC00 <= ord(ch) <= 0xD7AF else "CJK")
            continue
        name = unicodedata.name(ch, "")
        scripts.add(name.split(" ")[0] if name else "UNKNOWN")
    if not scripts:
        return "NONE"
    return scripts.pop() if len(scripts) == 1 else "MIXED"


def drop_unread(text: str) -> str:
    """``text`` in NFKC without the characters no name is spelt with: control and format characters
    (NUL, zero-width spaces, right-to-left marks), private-use and unassigned code points, symbols
    (emoji, ©) and combining marks; a tab or a line break is a space. ``anyascii`` would write an
    emoji as its name (😀 as GRINNING), a word of the name to every comparison. Trade and service
    marks go before NFKC, which would spell them TM and SM, glued to the word they mark ("ROMASHKA™"
    as ROMASHKATM)."""
    if not text.isascii():  # NFKC leaves ASCII as it is, and no mark is ASCII
        text = unicodedata.normalize("NFKC", text.translate(_MARKS))
    # A tab or a line break (control characters) parts two words as a space does: not dropped.
    return text.translate(_UNREAD)


@lru_cache(maxsize=500_000)
def fold(text: str) -> str:
    """Upper-case ASCII words: NFKC, control/format/emoji characters dropped, transliterated.

    ``fold("ООО «Ромашка»")`` → ``"OOO ROMASHKA"``; ``fold("S.A.")`` → ``"S A"``.
    """
    text = drop_unread(text[:MAX_NAME_CHARS])
    if not text.isascii():
        text = text.translate(_ALEF_MADDA)
    if not text.isascii() and any(_is_cjk(ch) for ch in text):
        for word in _CJK_WORDS:
            text = text.replace(word, f" {word} ")
        # Each run of CJK characters is one word; transliterate runs without inner spaces.
        text = " ".join(anyascii(part) for part in text.split())
    text = anyascii(text).upper().replace("&", " AND ")
    text = _APOSTROPHES.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


@dataclass(frozen=True)
class NameForm:
    """A normalised name: what was written, and the parts that are compared."""

    original: str
    folded: str  # upper-case ASCII words
    tokens: tuple[str, ...]  # canonical words without the legal form
    distinctive: tuple[str, ...]  # tokens without legal forms, stop-words and generic words
    legal_form: str | None  # class of the legal form (LIMITED, CORPORATION …) or None
    phonetic: tuple[str, ...]  # metaphone key per distinctive token
    script: str  # detected script of the original (LATIN, CYRILLIC, CJK, MIXED …)
    kind: str = "company"
    legal_form_text: str = ""  # the form as written, folded ("CO LTD", "OOO")
    legal_run: str = ""  # every legal-form word cut from the edges, in order ("CORPORATION LIMITED")
    truncated: bool = False  # the original was longer than MAX_NAME_CHARS

    @property
    def numbers(self) -> tuple[str, ...]:
        """Numbers in the name (digits, roman numerals): "… II CORP" is another company than "… CORP"."""
        if self.kind == "person":
            return ()
        last = len(self.tokens) - 1
        out = []
        for i, t in enumerate(self.tokens):
            ordinal = _ORDINAL.fullmatch(t)
            if ordinal:  # "760TH", "2ND": the 760th institute is not the 726th
                out.append(ordinal.group(1))
            elif glued := _CODE_NUMBER.fullmatch(t):
                # "KPE018": a code's number written without the dot or hyphen of "KPE.018",
                # "KPE-018", which part it from its letters; read as the number it is there.
                out.append(glued.group(1))
            elif (
                t in ROMAN_NUMERALS
                and (t not in SYLLABLE_NUMERALS or i == last)
                and not (i == 0 and i < last and len(t) == 2)
            ) or (t in ("I", "V", "X") and i == last and i > 0 and len(self.tokens[i - 1]) > 1):
                # A lone I / V / X after single letters is debris of a legal form ("S A DE C V"),
                # and XI inside a name is a Chinese syllable (XI AN), not a number. Two letters
                # opening a longer name are initials written together ("VI LENIN PLANT" for
                # V.I. Lenin, "IV" for I.V.): a number closes a name (PETER II) or is written
                # longer than a pair of initials ("III MILLENIUM").
                out.append(t)
        return tuple(sorted(out))

    @property
    def number_values(self) -> tuple[str, ...]:
        """:attr:`numbers` as the numbers check compares them: a roman numeral as its digits, so
        that "HOLDING II" and "HOLDING 2" write one number (:func:`graph.resolve.ordinals.number_value`)."""
        return tuple(sorted(number_value(n) for n in self.numbers))

    @property
    def generic(self) -> tuple[str, ...]:
        """Generic words of the name (TRADING, TECHNOLOGY …): weak context, never a match."""
        return tuple(t for t in self.tokens if t in GENERIC_WORDS)


#: Roman numerals that are also syllables of romanised names: numbers only at the end.
SYLLABLE_NUMERALS = frozenset(["XI"])
_ORDINAL = re.compile(rf"0*(\d+)(?:{ORDINAL_SUFFIXES})?")
#: A code of letters then digits written as one word (KPE018, GP21): its number.
_CODE_NUMBER = re.compile(r"[A-Z]+0*(\d+)")
_LEGAL_WORDS = frozenset(["LIMITED", "COMPANY", "CORPORATION", "INCORPORATED"])
_PARENS = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
#: A bracketed part that ends the name.
_LAST_PARENS = re.compile(r"[(\[]([^()\[\]]*)[)\]]\s*$")


def _unbracket_form_end(read: str) -> str:
    """``read`` without the brackets of a part that ends it and ends a legal form with the words
    before it: the German "UG (haftungsbeschränkt)" is one form (the ELF's UG HAFTUNGSBESCHRANKT),
    which moved to the front like a bracketed name part ("TIAN DEVICES S A DE C V (SAPPHIRE)")
    left the name a word HAFTUNGSBESCHRANKT and no form."""
    last = _LAST_PARENS.search(read)
    if last is None:
        return read
    inner = fold(last.group(1)).split()
    joined = fold(f"{read[: last.start()]} {last.group(1)}").split()
    table = legal_forms().table
    top = min(MAX_FORM_TOKENS, len(joined) - 1)
    if inner and any(tuple(joined[-n:]) in table for n in range(len(inner) + 1, top + 1)):
        return f"{read[: last.start()]} {last.group(1)}"
    return read


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, ...]:
    """Long generic and legal words whose misspellings (TECHNOLOHY, LIITED) are corrected."""
    words = GENERIC_WORDS | _LEGAL_WORDS | frozenset(ABBREVIATIONS.values())
    return tuple(sorted(w for w in words if len(w) >= 6))


@lru_cache(maxsize=1)
def _roman_vocabulary() -> dict[str, str]:
    """Romanisation key (:func:`graph.resolve.romanise.roman_key`) → the generic / legal word."""
    out: dict[str, str] = {}
    for word in _vocabulary():
        out.setdefault(roman_key(word), word)
    return out


#: A token of this many letters is corrected only when it is one of these six-letter English
#: line-of-business words with a letter dropped, not the first ("ENERG", "IMPOR"): one edit in
#: general would turn real names into generic words (RANCH is not BRANCH, GRUPP is a Russian
#: spelling of its own), a cut ENERGY / IMPORT / GLOBAL is no name.
CUT_WORD_LETTERS = 5
CUT_WORDS: tuple[str, ...] = ("ENERGY", "IMPORT", "EXPORT", "GLOBAL", "AGENCY", "OFFICE", "SUPPLY", "UNITED")


@lru_cache(maxsize=1)
def _one_letter_dropped() -> dict[str, str]:
    """:data:`CUT_WORDS` with one letter after the first dropped → the word."""
    return {word[:i] + word[i + 1 :]: word for word in CUT_WORDS for i in range(1, len(word))}


@lru_cache(maxsize=500_000)
def correct_generic(token: str) -> str:
    """A long token one edit (two for 9+ letters) from a generic/legal word becomes that word;
    a five-letter token only when it is a six-letter one with a letter dropped."""
    if len(token) == CUT_WORD_LETTERS and token not in GENERIC_WORDS:
        return _one_letter_dropped().get(token, token)
    if len(token) < 6 or token in GENERIC_WORDS or token in _LEGAL_WORDS or not token.isalpha():
        return token
    romanised = _roman_vocabulary().get(roman_key(token))
    if romanised is not None:  # EHSPORT, EKSPORT: EXPORT romanised letter by letter
        return romanised if _may_read_as(token, romanised) else token
    allowed = 1 if len(token) < 9 else 2
    hit = process.extractOne(token, _vocabulary(), scorer=Levenshtein.distance, score_cutoff=allowed)
    return hit[0] if hit is not None and _may_read_as(token, hit[0]) else token


def _may_read_as(token: str, word: str) -> bool:
    """``token`` may be read as the generic / legal ``word`` it is an edit or two from: it is no
    common English word (:func:`graph.words.is_common_word`), or it is ``word`` in another form of
    its own: singular or plural, or the British S for the Z (SYSTEM / SYSTEMS, ORGANISATION /
    ORGANIZATION). A common word that is another word is no typo: COOPERATION is not CORPORATION,
    nor PROTECTION PRODUCTION, SHOPPING SHIPPING, UNLIMITED LIMITED or DIVERSITY UNIVERSITY."""
    if not is_common_word(token):
        return True
    a, b = token.replace("Z", "S"), word.replace("Z", "S")
    return a.startswith(b) or b.startswith(a)


@lru_cache(maxsize=1)
def legal_forms() -> LegalForms:
    """The legal-form table, loaded once."""
    return LegalForms(fold, GENERIC_WORDS)


@lru_cache(maxsize=1)
def form_typos() -> FormTypos:
    """The legal-form typo corrector (over the same table), built once; a word written short for a
    line-of-business word (IND, ENG) is the name's, never a form's letter mistyped."""
    return FormTypos(legal_forms(), frozenset(ABBREVIATIONS))


_SKELETON_DROP = str.maketrans({c: None for c in "AEIOUYW"})


@lru_cache(maxsize=200_000)
def consonant_skeleton(token: str) -> str:
    """First letter plus the consonants, repeats collapsed: MUHAMMAD, MOHAMMED → MHMD.

    Romanisations of Arabic and Cyrillic names mostly differ in their vowels (EVGENI / EVGENY,
    LADIN / LADEN); Q is written K.
    """
    if not token:
        return token
    rest = token[1:].replace("Q", "K").translate(_SKELETON_DROP)
    out = [token[0].replace("Q", "K")]
    for ch in rest:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def _phonetic(token: str) -> str:
    if token.isdigit() or len(token) < 2:
        return token
    return jellyfish.metaphone(token) or token


def forms_as_written(
    raw: list[str], kind: str, groups: Sequence[tuple[str, ...]] = ()
) -> tuple[tuple[str, ...], str | None, str, str]:
    """``(tokens left, form class, form as written, every form word cut)`` of a company name.

    The forms are cut from the name's edges (:func:`edge_forms_as_written`), and a Russian form
    that only body-type words follow from its middle ("HIGH PRECISION SYSTEMS JSC NPO": JSC, NPO
    staying; :mod:`graph.resolve.body_type_forms`). That form is reported unless another one was
    cut from the edges that is no part of the body type: in "… JOINT STOCK COMPANY SCIENTIFIC
    PRODUCTION ASSOCIATION" the ASSOCIATION cut from the end closes the body type, and the
    name's form is the joint-stock company."""
    if kind not in FORM_KINDS:
        return edge_forms_as_written(raw, kind, groups)
    forms = legal_forms()
    spelled = [correct_generic(t) for t in raw]
    found = form_before_body_type(spelled, forms.table, forms.writings, family, _canonical, forms.longest)
    if found is None:
        return edge_forms_as_written(raw, kind, groups)
    start, end, found_cls, found_text = found
    kept, cls, text, run = edge_forms_as_written([*raw[:start], *raw[end:]], kind, groups)
    body = set(spelled[end:]) | set(raw[end:])
    if cls is None or cls == GENERIC or set(run.split()) <= body:
        cls, text = found_cls, found_text
    return kept, cls, text, " ".join([*raw[start:end], *run.split()])


def edge_forms_as_written(
    raw: list[str], kind: str, groups: Sequence[tuple[str, ...]] = ()
) -> tuple[tuple[str, ...], str | None, str, str]:
    """``(tokens left, form class, form as written, every form word cut)``: the forms cut from
    the edges of a company name.

    Generic words are spelled right (:func:`correct_generic`) and a mistyped form corrected
    (:mod:`graph.resolve.form_typos`) before the form is cut, but a legal form is read as its
    words are written: the speller would turn the Mexican "ASOCIACION CIVIL" into "ASSOCIATION
    CIVIL", a name's words rather than a form. When the words as written lose more to a form,
    that form is cut and the words left are then spelled right. No form is cut from the name's
    initials, ``groups`` being its dotted ones (:mod:`graph.resolve.dotted_initials`)."""
    written = raw
    # "S.A.R.L." is the one form SARL, not A R L after an S (graph.resolve.dotted_initials).
    raw = join_dotted_forms(raw, groups, legal_forms().table.__contains__)
    corrected = form_typos().repair([correct_generic(t) for t in raw], groups)
    stripped, cls, text = legal_forms().split(corrected, kind)
    cut = stripped, cls, text, _cut_words(corrected, stripped)
    if corrected != raw:
        kept, cls_written, text_written = legal_forms().split(raw, kind)
        if cls_written is not None and len(kept) < len(stripped):
            cut = tuple(correct_generic(t) for t in kept), cls_written, text_written, _cut_words(raw, kept)
    # "K.A.S.": the forms cut took part of a dotted group, which is one word (KAS); cut again.
    joined = join_split_groups(raw, cut[0], cut[3], groups)
    if joined is not None:
        cut = forms_as_written(joined, kind)
    if cut[1] is not None and keeps_no_name(written, cut[0], is_common_form(cut[2])):
        # "CTR", "C T R": the name's own word or initials, no form (graph.resolve.bare_names).
        return tuple(correct_generic(t) for t in written), None, "", ""
    return cut


def _cut_words(raw: list[str], kept: tuple[str, ...]) -> str:
    """The words :meth:`LegalForms.split` cut from the edges of ``raw`` (it keeps one slice)."""
    n = len(kept)
    for i in range(len(raw) - n + 1):
        if tuple(raw[i : i + n]) == kept:
            return " ".join([*raw[:i], *raw[i + n :]])
    return ""


@lru_cache(maxsize=500_000)
def normalise_name(text: str, kind: str = "company") -> NameForm:
    """Normalise one name of an entity of ``kind`` (company, person, vessel …).

    Never raises on odd input: an empty, emoji-only or legal-form-only name gives a form
    with no distinctive tokens, which can never match on its own.
    """
    text = text if isinstance(text, str) else ("" if text is None else str(text))
    # "J/V" is JOINT VENTURE, before folding makes it two letters (graph.resolve.slashed_words).
    read = join_slashed(text) if kind != "person" else text
    # "UEC (Pvt.) Ltd.": a bracketed qualifier of the form is the form's (graph.resolve.qualified_forms).
    read = unbracket(read) if kind != "person" else read
    read = _unbracket_form_end(read) if kind not in ("person", "vessel") else read
    folded = fold(read)
    if kind != "person" and ("(" in read or "[" in read):
        # "TIAN DEVICES S A DE C V (SAPPHIRE)": a bracketed part moves to the front so that the
        # legal form ends the name again (word order is not compared for companies).
        head = fold(" ".join(_PARENS.findall(read[:MAX_NAME_CHARS]))).split()
        rest = fold(_PARENS.sub(" ", read)).split()
        # … but after a form written first, which must start the name to be read as one
        # ("PJSC VTB BANK (KIEV)": PJSC KIEV VTB BANK, not KIEV PJSC VTB BANK).
        lead = legal_forms().prefix_length(rest) if kind != "vessel" else 0
        raw_tokens = [*rest[:lead], *head, *rest[lead:]]
    else:
        raw_tokens = folded.split()
    if kind == "vessel":
        # "GP21" is GP 21, as "GP-21" is (graph.resolve.vessel_numbers).
        raw_tokens = hull_numbers_apart(raw_tokens)
    if kind == "person":
        # A title word inside a hyphenated name (GEN of "Wang-gen") or standing for the given
        # names ("BAZINJO, Imam") is a name, not a title (graph.resolve.name_titles).
        tokens = person_tokens(read)
        legal_cls, legal_text = None, ""
        legal_run = ""
    else:
        # "K.A.S.": no form is cut from the name's initials (graph.resolve.dotted_initials).
        groups = dotted_groups(read, fold)
        stripped, legal_cls, legal_text, legal_run = forms_as_written(raw_tokens, kind, groups)
        # "12TH" and "TWELFTH INSTITUTE" are 12 (graph.resolve.ordinals).
        tokens = canonical_numbers(
            drop_dedication(tuple(place_name(ABBREVIATIONS.get(t, t)) for t in stripped))
        )
        if kind == "vessel":
            # "NAVE II" and "NAVE TWO" are NAVE 2 (graph.resolve.vessel_numbers).
            tokens = ship_number(tokens)
    if kind == "person":
        # DELOS, VANDER, LOS: surname particles too (graph.resolve.surname_particles).
        distinctive = tuple(t for t in tokens if t not in STOP_WORDS and t not in PERSON_PARTICLES)
    else:
        # "S.M.G." and "SMG": a run of initials is one word, however written, and the A of
        # "A.C. INTERNATIONAL" is no stop-word but an initial (graph.resolve.initial_runs).
        # … and DES INTERNATIONAL is named DES, not the French article (graph.resolve.name_articles).
        words = joined_runs(tokens, stop_words_of(tokens, STOP_WORDS, GENERIC_WORDS), groups)
        distinctive = tuple(t for t in words if t not in GENERIC_WORDS)
        if not distinctive and len(set(words)) >= GENERIC_NAME_WORDS:
            # "SEMICONDUCTOR MANUFACTURING INTERNATIONAL CORPORATION": a name made only of
            # line-of-business words is still a name when it has enough of them; it is then
            # compared whole (one or two such words, "TRADING COMPANY", still identify nobody;
            # two names of the same two go to review: graph.resolve.generic_names).
            distinctive = words
        elif not tokens and legal_text:
            # A name that is all legal form may still name someone (INDUSTRIAL BANK), compared
            # whole (graph.resolve.form_names).
            distinctive = form_words(legal_text, _canonical, GENERIC_WORDS, _LEGAL_WORDS, STOP_WORDS)
    return NameForm(
        original=text,
        folded=folded,
        tokens=tokens,
        distinctive=distinctive,
        legal_form=legal_cls,
        phonetic=tuple(_phonetic(t) for t in distinctive),
        script=detect_script(text),
        kind=kind,
        legal_form_text=legal_text,
        legal_run=legal_run,
        truncated=len(text) > MAX_NAME_CHARS,
    )


def _canonical(word: str) -> str:
    """A word as :func:`normalise_name` reads it: spelled right, abbreviation expanded."""
    corrected = correct_generic(word)
    return ABBREVIATIONS.get(corrected, corrected)


def number_rewrites(form: NameForm) -> tuple[tuple[str, str], ...]:
    """The ordinals :func:`normalise_name` wrote as digits in ``form`` (12TH → 12, FIRST ACADEMY
    → 1 ACADEMY), as ``(written, digits)``; see :mod:`graph.resolve.ordinals`."""
    if form.kind == "person" or not any(t.isdigit() for t in form.tokens):
        return ()
    return rewrites(tuple(ABBREVIATIONS.get(t, t) for t in form.folded.split()))


def normalise_address(raw: str | None, country: str | None = None) -> str:
    """Canonical address key; the one implementation lives in :mod:`graph.addresses`."""
    return _normalise_address(fold(raw) if raw else raw, country)
