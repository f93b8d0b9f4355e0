"""The scoring model: per-pair features computed column-wise, and their one combination.

Both :func:`graph.resolve.compare.compare` (one pair, with reasons) and
:func:`graph.resolve.batch.score_pairs` (millions of pairs) call :func:`pair_features` and
:func:`contributions` (``score = sigmoid(total)``), so a batch score is the same number as
the explained score, by construction.

The score is a logistic function of a sum of evidence (log-odds):

* **name** — the best-aligned pair of names (every name of A against every name of B):
  the fuzzy similarity of their *distinctive* tokens (legal forms, generic and stop-words
  removed), the best of: token-sorted ratio, ratio of the tokens written together
  (``SHENZHENHUAXIN`` vs ``SHENZHEN HUAXIN``), and a slightly discounted ratio of their
  metaphone keys (transliteration variants). Mapped through ``slope * (sim - centre)``
  per kind; a name with no distinctive word contributes strong counter-evidence.
* **legal form** — same class (+), clearly different classes (−), unknown (0).
* **country** — same (+), different (−), unknown (0).
* **identifiers** — an equal LEI / IMO / tax id is strong evidence; a different value for
  the same scheme is strong counter-evidence.
* **address** — similar normalised addresses (+).
* **kind** — two records of different kinds (−). A record of unknown kind (a shipment party, a
  list row of no published type) is compared with a person as a person when its name may be
  one, and as a company otherwise (:mod:`graph.resolve.unknown_kinds`).
* **generic words** — both have line-of-business words and share none (−, small).
* **generic names** (companies) — two names made only of the same two or more line-of-business
  words (HIGH TECHNOLOGY LTD / HIGH TECHNOLOGIES LTD), whose legal forms do not conflict: the name
  counts enough for review, never for a match (:mod:`graph.resolve.generic_names`).
* **short names** — a distinctive part of three letters or fewer is weak evidence (−), unless it
  is a longer name mistyped (WAVE / WVE: a keying slip, below).
* **unpaired words** (companies, vessels) — the names share a distinctive word but each keeps
  one with no counterpart on the other side (GAZPROM TRANSGAZ SAMARA / … SURGUT): sibling
  entities, not two spellings of one (−).
* **person rules** (persons) — aligned words that start with sounds no romanisation confuses
  (RADIC / TADIC), a given name against the surname derived from it (BAGHER / BAGHERI), Korean
  or Chinese names with another syllable (KYONG HAK / KYONG HYOK), one family part with two
  first given names (BASHAR / AYMAN SABAWI IBRAHIM …), an Arabic chain with a child's name in
  front (UDAY / SADDAM HUSSEIN AL-TIKRITI), surnames of one root with two suffixes or two roots
  with one (PETRIC / PETROVIC, IVANOVIC / MARIJANOVIC): two people (−); see
  :mod:`graph.resolve.person_rules`. Person words are compared with Arabic compound elements
  whole (:mod:`graph.resolve.arabic_compounds`), given names in their other forms
  (:mod:`graph.resolve.given_names`), and Korean / Chinese names of the same syllables in two
  romanisations are one name (:mod:`graph.resolve.syllable_names`).
* **keying slip** (companies, vessels) — the names are the same but for one slip in one word
  (a letter dropped, neighbours swapped, a neighbouring key: IFDK / IGDK) and have the same
  line-of-business words: the name similarity is lifted to ``SLIP_SIM``
  (:mod:`graph.resolve.typo_words`).
* **respelt words** (companies, vessels) — words written another way (other vowels: KRASNOE /
  KRASNOYE, YASMEEEN / JASMINE; joined or split: KALA NAFT / KALANAFT; the Arabic article
  written on; one keying slip: KASHANE / KASHANEH; one organisational word: FACTORY / PLANT)
  are read in the other name's spelling and the words compared again: the same words give
  ``RESPELT_SIM``, one name's words all among the other's the subset credit
  (:mod:`graph.resolve.respelt_words`); a word must agree as written, unless both names write
  the Arabic article and their words are Arabic romanised two ways
  (:mod:`graph.resolve.arabic_spellings`: LAJNAT AL DAAWA / LAJNA ALDAWA).
* **place conflict** (companies) — each name writes a place and they differ (VTB BANK (KIEV) /
  VTB BANK (MOSCOW)): two bodies (−). A name is also compared without the places it writes
  (:mod:`graph.resolve.place_qualifiers`, a reading of :mod:`graph.resolve.readings`).
* **sibling words** (companies) — one name alone keeps a word rare in the bundled lists next to
  a shared stem common there, or both keep coined words that differ by a swapped part
  (:mod:`graph.resolve.siblings`, which reads a static table of list word counts) (−). Korean
  or Chinese names a whole syllable apart (JINSONG / JINMYONG JOINT BANK) are held at review
  (:mod:`graph.resolve.syllable_companies`).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from graph.resolve import (
    arabic_spellings,
    common_stem,
    interning,
    letterless,
    org_symbols,
    person_parts,
    place_initials,
    place_qualifiers,
    readings,
    russian_compounds,
    russian_initials,
    self_acronyms,
    siblings,
    sound_lengths,
    unknown_kinds,
    written_together,
)
from graph.resolve.acronym_parts import best_part
from graph.resolve.acronyms import (
    MAX_ACRONYM,
    MIN_ACRONYM,
    MIN_ALONE,
    best_collapse,
    run_words,
)
from graph.resolve.align import align_person
from graph.resolve.body_kinds import same_kind
from graph.resolve.corporatisation import has_group
from graph.resolve.countries import country_code
from graph.resolve.cut_words import marked_core
from graph.resolve.form_variants import form_variant, with_run_words
from graph.resolve.generational_suffixes import generation
from graph.resolve.generic_names import GENERIC_CEILING, GENERIC_NAME_WEIGHT, is_generic_name
from graph.resolve.interning import Interner
from graph.resolve.legal_forms import agreement, family
from graph.resolve.letter_masks import letter_mask as _letters
from graph.resolve.marked_parts import is_marked, marked_conflict
from graph.resolve.middle_initials import middle_initial_similarity
from graph.resolve.name_clauses import readings as clause_readings
from graph.resolve.names import GENERIC_WORDS, fold, legal_forms, normalise_address, normalise_name
from graph.resolve.org_translate import OrgView, org_view, same_by_translation
from graph.resolve.parent_names import refuses, subsidiary_key
from graph.resolve.person_rules import (
    GENDERED_FORMS,
    GENERATION_DIFFERS,
    RULE_FEATURES,
    person_conflicts,
    written_order,
)
from graph.resolve.private_limited import private_and_limited
from graph.resolve.register_forms import one_form_in
from graph.resolve.reregistration import MIN_NAME_LETTERS, MIN_NAME_WORDS
from graph.resolve.respelt_words import RESPELT_SIM, respelt_similarity
from graph.resolve.romanise import roman_key
from graph.resolve.syllable_names import is_syllabic_name, same_syllables
from graph.resolve.typo_words import is_single_slip, swapped_form
from graph.resolve.word_partners import WORD_PARTNER, partners

#: Aliases per record kept for scoring (OFAC entries can carry dozens).
MAX_NAMES_PER_RECORD = 24
#: Writings without a name's own acronym added per record at most (see scored_names).
MAX_DERIVED_NAMES = 8


@dataclass(frozen=True)
class Record:
    """One entity as a source wrote it. ``names[0]`` is the primary name, the rest aliases.

    ``weak`` holds the indexes in ``names`` of weak aliases. ``kind`` may be ``unknown`` (a
    shipment party, a list row of no published type: :mod:`graph.resolve.unknown_kinds`).
    """

    id: str
    kind: str = "company"
    names: tuple[str, ...] = ()
    country: str | None = None
    address: str | None = None
    identifiers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    weak: frozenset[int] = frozenset()


@dataclass(frozen=True)
class KindParams:
    slope: float  # log-odds per unit of name similarity
    centre: float  # name similarity at which, alone, the odds are even


#: Per-kind calibration (fitted on the dev split of benchmarks/resolution_eval.py): the name
#: similarity at which the odds are even differs per kind (person names are short and
#: aligned word by word), so that a score means the same probability whatever the kind.
KIND_PARAMS: dict[str, KindParams] = {
    "company": KindParams(slope=18.0, centre=0.72),
    "person": KindParams(slope=15.0, centre=0.64),
    "vessel": KindParams(slope=15.0, centre=0.72),
}
DEFAULT_PARAMS = KindParams(slope=22.0, centre=0.86)
#: The name similarity two company names of the same line-of-business words alone
#: (graph.resolve.generic_names) rank at among a record pair's name pairs: where a name pair's own
#: contribution reaches theirs, so that names that agree better are the pair read, worse ones not.
GENERIC_RANK = KIND_PARAMS["company"].centre + GENERIC_NAME_WEIGHT / KIND_PARAMS["company"].slope

#: Log-odds contributions of the non-name features.
WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "empty_name": -8.0,  # no distinctive word on one side
        "short_name": -1.5,  # distinctive part of <= 3 letters
        "legal_same": 0.3,  # the same legal form, however written (LTD / LIMITED, OOO / LLC)
        "legal_agree": 0.3,
        "legal_family": -5.0,  # two written forms of different families (LLC vs FZE): two legal persons
        "legal_conflict": -1.0,
        "legal_variant": 0.0,  # two written forms that are one (OOO / LLC, CORPORATION LIMITED / CORPORATION)
        "jurisdiction_conflict": -7.0,  # legal forms of disjoint jurisdictions (GmbH vs Sdn Bhd)
        "number_conflict": -7.0,  # different numbers ("… II CORP" vs "… III CORP")
        "number_missing": -6.0,  # a number on one side only
        "country_agree": 0.5,
        "country_conflict": -1.5,
        "identifier_agree": 7.0,
        "identifier_conflict": -8.0,
        "address_max": 1.5,  # at address similarity 1.0, linear from 0.7
        "generic_conflict": -1.0,
        "kind_conflict": -3.0,
        "unpaired_words": -3.0,  # each name keeps a distinctive word the other lacks
        "sibling_words": -3.0,  # a rare extra word, or a coined word swapped (graph.resolve.siblings)
        # two codes of 2-3 letters or initials that differ, every other word the same (AQ / BQ
        # WIDGETWORKS): the near-1 similarity plus an agreeing country must not reach a match
        "short_code_sibling": -4.0,
        # Korean / Chinese company names a syllable apart (JINSONG / JINMYONG: syllable_companies):
        # not a weight but the most the name may count (see syllable_cut), so the pair lands in
        # review, not in no: a slip of one letter at a word's start (YONGJIN / PYONGJIN) does the same
        "syllable_sibling": 1.0,
        "common_business": -3.0,  # one common word each, no line of business shared (common_stem)
        "weak_alias_cap": 1.0,  # a weak-alias name contribution never exceeds this
        "person_onset": -4.0,  # aligned person-name words start with different sounds (RADIC / TADIC)
        "derived_surname": -4.0,  # a given name vs the surname made from it (BAGHER / BAGHERI)
        "syllable_conflict": -4.0,  # Korean / Chinese names with another syllable (KYONG HAK / KYONG HYOK)
        "first_name_differs": -4.0,  # one family part, two first given names (BASHAR / AYMAN SABAWI …)
        "child_chain": -4.0,  # an Arabic chain with a child's given name in front (UDAY / SADDAM HUSSEIN …)
        "surname_morphology": -4.0,  # one root, two surname suffixes (PETRIC / PETROVIC), or the reverse
        "distinct_given_names": -4.0,  # two given names a few letters apart (HASSAN / HUSAYN, JAVIER / JAIME)
        "place_conflict": -3.0,  # each name writes a place, and they differ (graph.resolve.place_qualifiers)
        "common_names_only": -4.0,  # only common given names agree, the rest weakly (ALI ASWAD / ALI ATWA)
        "one_common_name": -4.0,  # one common name element alone (AHMED, AHMED) in a longer name
        "other_surname": -4.0,  # one given name and patronymic, two surnames (POLONSKY / BELIK)
        "crossed_pair": -4.0,  # a surname paired with a given name on a few letters (LJUBO / LAURO)
        # a man's and a woman's form of one given name (ALEKSANDR / ALEKSANDRA): not a weight but
        # the most the name may count (see gendered_cut), so the pair lands in review, not in no
        "gendered_forms": 1.0,
        # JR / SR, II / III: a father and his son. -5 takes a full agreement (+5.4) below a match,
        # to review: the rest of the record (birth date) tells them apart, not the name.
        "generation_differs": -5.0,
        "marked_body": -4.0,  # a parent vs its affiliate, or two affiliates, by marker (marked_parts)
    }
)
SHORT_NAME_CHARS = 3
PHONETIC_DISCOUNT = 0.9
#: Two romanisations of one name (:mod:`graph.resolve.romanise`: HSIN / XIN, FAKTORING /
#: FACTORING), i.e. equal romanisation keys, have this similarity.
ROMAN_DISCOUNT = 0.95
#: One name in two languages (:mod:`graph.resolve.org_translate`: every organisational word
#: paired after translation, the names proper agreeing on their own) has this similarity.
TRANSLATION_SIM = 0.95
#: Organisational words paired by rigour symbol (:mod:`graph.resolve.org_symbols`) count as a
#: translation; the rule is only read from SYMBOL_LOOK on (the names proper must agree already).
SYMBOL_LOOK = 0.5
#: A name compared without the places it writes (:mod:`graph.resolve.place_qualifiers`) has at
#: most this similarity.
PLACE_SIM = 0.95
#: Korean or Chinese person names of the same syllables in two romanisations
#: (:func:`graph.resolve.syllable_names.same_syllables`) have this similarity.
SYLLABLE_SIM = 0.95
#: The subset ratio (rapidfuzz ``token_set_ratio``: 1.0 when one name's distinctive words are
#: all among the other's, "OLEG USACHEV" in "OLEG LEONIDOVICH USACHEV") counts at this discount.
SUBSET_DISCOUNT = 0.94
#: Below this token-sorted ratio the joined and phonetic views are not computed (they never
#: lift such a pair to a match), nor, below SUBSET_LOOK, the subset view.
SECOND_LOOK = 0.3
SUBSET_LOOK = 0.2
#: Similarity factor of two one-word names whose first letters differ (C / K / Q count as one).
FIRST_LETTER_FACTOR = 0.5
#: Two names the same but for one keying slip in one word (:mod:`graph.resolve.typo_words`)
#: have at least this similarity; the rule is only tried from SLIP_LOOK on.
SLIP_SIM = 0.85
SLIP_LOOK = 0.5
ADDRESS_FLOOR = 0.7
#: Two written forms that are one form (see :mod:`graph.resolve.form_variants`) lift a family
#: conflict only when the distinctive words written together agree at least this much.
FORM_VARIANT_NAME_RATIO = 0.9
#: Below this name similarity the unpaired-words check is skipped: it can only lower a score,
#: and such a pair is already "no" at every threshold (and "clearly different" for the
#: linking guard), so the per-pair Python work is spent only where it can change a decision.
UNPAIRED_LOOK = 0.7
#: The same for the person-name rules of :mod:`graph.resolve.person_rules`.
PERSON_LOOK = 0.6
#: One name's acronym in place of the other's words it initials, the other words agreeing
#: (:mod:`graph.resolve.acronyms`), counts at this discount of the collapsed names' ratio.
ACRONYM_DISCOUNT = 0.95
#: The acronym rule reads name pairs of at least this similarity, or where one name has at most
#: ACRONYM_ALONE_WORDS distinctive words (it may be acronyms alone): the rest never agree.
ACRONYM_LOOK = 0.4
ACRONYM_ALONE_WORDS = 2
#: Words per name kept as possible acronyms for the cheap letters test of :func:`_acronym_sims`.
ACRONYM_SLOTS = 4
#: Words of a name read as possible Russian initialisms (graph.resolve.russian_initials), at most.
RU_SLOTS = 3
#: Words respelt or joined (:mod:`graph.resolve.respelt_words`) are looked for in name pairs of
#: this similarity up to RESPELT_SIM (below, the names share too little to be one name written
#: another way; the rule's subset needs the pair to agree somewhat already).
RESPELT_LOOK = 0.5


@dataclass(frozen=True)
class PreparedRecords:
    """Records normalised once, stored column-wise. Names are flattened; record ``r`` owns
    names ``start[r] : start[r] + count[r]``."""

    records: tuple[Record, ...]
    kind: np.ndarray  # object, per record
    country: np.ndarray  # object, per record ('' when unknown)
    address: np.ndarray  # object, per record ('' when unknown)
    has_ids: np.ndarray  # bool, per record
    start: np.ndarray  # int64, per record
    count: np.ndarray  # int64, per record
    core: np.ndarray  # object, per name: distinctive tokens sorted, space-joined
    cut_core: (
        np.ndarray
    )  # object, per name: ``core`` with the words written cut with a dot marked (cut_words)
    phon: np.ndarray  # object, per name: metaphone keys sorted, space-joined
    joined: np.ndarray  # object, per name: distinctive tokens as written, no spaces
    roman: np.ndarray  # object, per name: romanisation keys of the sorted distinctive words
    org: np.ndarray  # object, per name: OrgView (organisational words translated, the rest)
    org_trans: np.ndarray  # bool, per name: a word of the name was translated
    org_initials: np.ndarray  # int64, per name: bits of the types a word may be read as (place_initials)
    org_types: np.ndarray  # int64, per name: bits of the types the name writes (place_initials)
    ru_acro: np.ndarray  # int32 (names, RU_SLOTS): letters of the words that may be Russian acronyms
    ru_inits: np.ndarray  # int32, per name: letters its words may give as Russian or English initials
    ru_parts: np.ndarray  # int64, per name: the parts its Russian compounds are written of (bits)
    ru_words: np.ndarray  # int64, per name: the compound parts its words may write (bits)
    org_text: np.ndarray  # object, per name: the words (legal form cut) space-joined ('' for persons)
    ordered: np.ndarray  # object, per name: person names only, distinctive tokens given names first
    generic: np.ndarray  # int64, per name: interned id of the sorted generic words
    legal: np.ndarray  # int64, per name: interned id of "class|form as written" ('' → 0)
    legal_run: np.ndarray  # int64, per name: interned id of "form as written|every form word cut"
    numbers: np.ndarray  # int64, per name: interned id of the sorted numbers (roman ones as digits)
    ntok: np.ndarray  # int64, per name: number of distinctive tokens
    weak: np.ndarray  # bool, per name
    empty: np.ndarray  # bool, per name: no distinctive word
    generic_only: np.ndarray  # bool, per name: line-of-business words alone (graph.resolve.generic_names)
    short: np.ndarray  # bool, per name: distinctive part <= SHORT_NAME_CHARS letters
    first: np.ndarray  # <U1, per name: first letter of the romanisation key (C, Q written K …)
    words: np.ndarray  # object, per name: every word as written (siblings.other_words)
    syllabic: np.ndarray  # bool, per name: a Korean or Chinese person name in romanised syllables
    acro_key: np.ndarray  # object, per name: "core<TAB>tokens in order" (companies, vessels; acronyms)
    acro_mask: np.ndarray  # int32 (names, ACRONYM_SLOTS): letters of the words that may be acronyms
    init_mask: np.ndarray  # int32, per name: the first letters of its words
    acro_len: np.ndarray  # int8 (names, ACRONYM_SLOTS): letters of the words that may be acronyms
    nwords: np.ndarray  # int8, per name: words in which an acronym's run is looked for (127 at most)
    origin: np.ndarray  # int64, per name: index in its record's ``names`` of the name it was read from
    how: np.ndarray  # int8, per name: how the writing was read from its name (graph.resolve.readings)
    marks: np.ndarray  # int8, per name: readings.WRITES_PARENT | WRITES_BRACKET of the name it was read from
    parent_words: np.ndarray  # object, per name: parent_names.subsidiary_key of a subsidiary writing ('')
    places: np.ndarray  # object, per name: the published name when it writes a place ('' otherwise)
    generation: np.ndarray  # int8, per name: the generation its suffix names (JR 2 …; 0: none, non-persons)
    written: np.ndarray  # object, per name: the published name of a company name read as written ('')
    marked: np.ndarray  # bool, per name: written is a name with a marker (graph.resolve.marked_parts)
    # Columns that only make the batch faster (the same values, compared as ints or bits):
    org_key_id: np.ndarray  # int64, per name: interned id of OrgView.org ('' for persons)
    org_core_id: np.ndarray  # int64, per name: interned id of OrgView.core (org less the words it may omit)
    spelled_id: np.ndarray  # int64, per name: interned id of written_together.spelled ('' → 0)
    word_bits: np.ndarray  # uint64, per name: the distinctive words hashed to bits (_word_stats)
    plain_words: np.ndarray  # bool, per name: distinctive words all distinct and ASCII (_word_stats)
    nset: np.ndarray  # int64, per name: number of distinct distinctive words
    joined_len: np.ndarray  # int64, per name: letters of ``joined`` (sound_lengths reads them)
    arabic: np.ndarray  # int8, per name: arabic_spellings.article_writing bits (Arabic article)
    first_written: np.ndarray  # <U1, per name: first letter of ``core`` as written (C, Q written K)
    acro_heads: np.ndarray  # int32, per name: one letter of each acro_mask slot (see _acronym_sims)
    kind_id: np.ndarray  # int64, per record: id of ``kind`` in _KINDS
    person_twin: np.ndarray  # int64, per record: its row in ``as_person`` (unknown_kinds), -1 none
    country_id: np.ndarray  # int64, per record: interned id of ``country`` (0: unknown)
    has_address: np.ndarray  # bool, per record: ``address`` is known
    #: the generation of the interned-id columns (INTERNED_COLUMNS; graph.resolve.interning)
    interner: Interner = field(repr=False, compare=False)
    #: this side moved into a later generation (_one_generation), the last one asked for
    moves: list[PreparedRecords] = field(default_factory=list, repr=False, compare=False)
    #: the records of unknown kind whose names may be a person's, prepared as persons: scored so
    #: against a person (graph.resolve.unknown_kinds); None when there are none
    as_person: PreparedRecords | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.records)


# Strings compared as wholes (generic words, legal forms, numbers) are interned to ints so that
# a batch compares ints and evaluates each distinct combination once, in bounded generations
# (graph.resolve.interning). Id 0 is the empty string.

#: Values of the ``_per_distinct`` functions per pair of interned ids are kept across calls (in
#: the generation's ``Interner.values``): the functions are pure and the interned strings (legal
#: forms, generic words, numbers) few, so a chunk of a batch mostly meets combinations an
#: earlier chunk evaluated. Cleared when large.
_DISTINCT_MAX = 200_000
#: PreparedRecords columns of interned ids (moved together into one generation: _one_generation).
INTERNED_COLUMNS = (
    "generic",
    "legal",
    "legal_run",
    "numbers",
    "org_key_id",
    "org_core_id",
    "spelled_id",
    "country_id",
)
#: PreparedRecords columns with one row per record; every other array column has one per name.
RECORD_COLUMNS = (
    "kind",
    "country",
    "address",
    "has_ids",
    "start",
    "count",
    "kind_id",
    "person_twin",
    "country_id",
    "has_address",
)
#: Below this many rows a dict finds the distinct pairs faster than pandas' factorize (whose
#: set-up costs tens of microseconds a call: the linking guard scores many tiny batches).
_HASH_MIN_ROWS = 2_000


#: Interned id of "" (no generic words) in every generation.
_NO_WORDS = 0

#: Record kinds by id (0 is ""): pair_features compares kinds as ints and looks the names up.
#: A table of its own, never a new generation: the kinds are a handful.
_KINDS = Interner()
_KIND_NAMES = _KINDS.strings
_kind_id = _KINDS.intern


def kind_ids(kinds: Sequence[str]) -> np.ndarray:
    """The ``kind_id`` column of records of these kinds, in this process's kind table."""
    return np.array([_kind_id(k) for k in kinds], dtype=np.int64)


def _per_distinct(
    ids_a: np.ndarray, ids_b: np.ndarray, func: Callable[[str, str], float], strings: Interner
) -> np.ndarray:
    """``func(string_a, string_b)`` for every pair, evaluated once per distinct pair of ids
    (interned in ``strings``)."""
    if len(ids_a) == 0:
        return np.zeros(0, dtype=np.float64)
    code = (ids_a.astype(np.int64) << 32) | ids_b.astype(np.int64)
    # Hashing (factorize) finds the distinct pairs without the sort np.unique does.
    small = len(code) < _HASH_MIN_ROWS
    codes, uniq = (code, code) if small else pd.factorize(code)
    cache = strings.values.setdefault(func, {})
    if len(cache) > _DISTINCT_MAX:
        cache.clear()
    values = np.empty(len(uniq), dtype=np.float64)
    for j, u in enumerate(uniq.tolist()):
        got = cache.get(u)
        if got is None:
            got = cache[u] = func(strings.strings[u >> 32], strings.strings[u & 0xFFFFFFFF])
        values[j] = got
    return values if small else values[codes]


def _per_distinct_text(a: np.ndarray, b: np.ndarray, func: Callable[[str, str], float]) -> np.ndarray:
    """``func(a[i], b[i])`` for object arrays of strings, once per distinct pair (float32)."""
    if len(a) < _HASH_MIN_ROWS:
        seen: dict[tuple[str, str], float] = {}
        out = np.empty(len(a), dtype=np.float32)
        for i, key in enumerate(zip(a.tolist(), b.tolist(), strict=True)):
            got = seen.get(key)
            if got is None:
                got = seen[key] = func(key[0], key[1])
            out[i] = got
        return out
    # Distinct pairs by hashing (factorize, in C) rather than a Python loop over every row; codes
    # are numbered in order of first appearance, so a code's first row is where it first shows.
    code_a, _ = pd.factorize(a, use_na_sentinel=False)
    code_b, uniq_b = pd.factorize(b, use_na_sentinel=False)
    codes, _ = pd.factorize(code_a.astype(np.int64) * max(len(uniq_b), 1) + code_b)
    first = np.flatnonzero(np.diff(np.maximum.accumulate(codes), prepend=-1) > 0)
    values = np.array([func(a[i], b[i]) for i in first.tolist()], dtype=np.float64).astype(np.float32)
    return values[codes]


def _first_letter(word: str) -> str:
    head = word[:1]
    return "K" if head in ("C", "Q") else head


def _legal_agreement(a: str, b: str) -> float:
    """+2 same form (family), +1 same class, 0, -1 other class, -2 disjoint jurisdictions,
    -3 two different written forms (LLC vs FZE, PLC vs SAS: two legal persons)."""
    if not a or not b:
        return 0.0
    (cls_a, _, text_a), (cls_b, _, text_b) = a.partition("|"), b.partition("|")
    if swapped_form(text_a, text_b):  # SA / AS: a keying slip (graph.resolve.typo_words)
        return 0.0
    if legal_forms().jurisdiction_conflict(text_a, text_b):
        return -2.0
    if private_and_limited(text_a, text_b):  # PVT LTD / LTD: one limited company (private_limited)
        return 1.0
    fam_a, fam_b = family(text_a), family(text_b)
    if fam_a is not None and fam_b is not None:
        return 2.0 if fam_a == fam_b else -3.0
    return float(agreement(cls_a or None, cls_b or None))


def _generic_conflict(a: str, b: str) -> float:
    return float(bool(a) and bool(b) and not (set(a.split()) & set(b.split())))


def lone_words(core_a: str, core_b: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The distinctive words of each name with no counterpart on the other side, when the names
    share a distinctive word and *each* keeps such a word ("HUAWEI CLOUD PERU" / "HUAWEI CLOUD
    RUSSIA" → ``(("PERU",), ("RUSSIA",))``); ``((), ())`` otherwise.

    Counterparts are found by :func:`graph.resolve.word_partners.partners`; words of one or two
    letters (initials, particles) never count, nor do the leftovers when written together they
    agree ("XI AN" / "XIAN"). One name's words all found in the other (a shortened name) is not this."""
    words_a, words_b = set(core_a.split()), set(core_b.split())
    shared = words_a & words_b
    rest_a, rest_b = sorted(words_a - shared), sorted(words_b - shared)
    if not shared or not rest_a or not rest_b:
        return (), ()
    if fuzz.ratio("".join(rest_a), "".join(rest_b)) >= WORD_PARTNER * 100:
        return (), ()
    alone_a = tuple(w for w in rest_a if len(w) > 2 and not any(partners(w, o) for o in rest_b))
    alone_b = tuple(w for w in rest_b if len(w) > 2 and not any(partners(w, o) for o in rest_a))
    return (alone_a, alone_b) if alone_a and alone_b else ((), ())


def _unpaired_words(core_a: str, core_b: str) -> float:
    """1.0 when each name keeps a distinctive word the other lacks (see :func:`lone_words`): a
    shared stem with different distinguishing words names sibling entities ("GAZPROM TRANSGAZ
    SAMARA" / "… SURGUT", "KHORASAN STEEL" / "KHOUZESTAN STEEL"), not two spellings of one —
    unless those words only say what kind of body each is (:mod:`graph.resolve.body_kinds`)."""
    lone_a, lone_b = lone_words(core_a, core_b)
    return float(bool(lone_a) and same_kind(lone_a, lone_b) is None)


#: Codes of :func:`_form_variant` (why two written forms are one).
_TRANSLATION, _REREGISTRATION, _IN_FULL, _CORPORATISATION, _FREE_ZONE = 1.0, 2.0, 3.0, 4.0, 5.0
_HOW_CODES = {
    "translation": _TRANSLATION,
    "re-registration": _REREGISTRATION,
    "written in full": _IN_FULL,
    "corporatisation": _CORPORATISATION,
    "free zone": _FREE_ZONE,
}


def _form_variant(a: str, b: str) -> float:
    """The code of why two written forms are one (:data:`_HOW_CODES`), 0.0 when they are not."""
    (form_a, _, run_a), (form_b, _, run_b) = a.partition("|"), b.partition("|")
    return _HOW_CODES.get(form_variant(form_a, run_a, form_b, run_b), 0.0)


def _run_words_agree(
    left: PreparedRecords, right: PreparedRecords, name_a: np.ndarray, name_b: np.ndarray
) -> np.ndarray:
    """Per pair: the line-of-business words agree once each side's run of form words gives back
    the words it absorbed (:func:`graph.resolve.form_variants.with_run_words`)."""
    strings = left.interner.strings

    def widened(records: PreparedRecords, names: np.ndarray) -> list[str]:
        return [
            with_run_words(strings[g], strings[r].partition("|")[2])
            for g, r in zip(records.generic[names].tolist(), records.legal_run[names].tolist(), strict=True)
        ]

    return np.array(
        [x == y for x, y in zip(widened(left, name_a), widened(right, name_b), strict=True)], dtype=bool
    )


def _lift_form_variants(
    left: PreparedRecords,
    right: PreparedRecords,
    name_a: np.ndarray,
    name_b: np.ndarray,
    legal: np.ndarray,
    translation: np.ndarray,
) -> np.ndarray:
    """``legal`` with the family conflicts (-3) of one form written two ways (a translation, or
    the form written in full: :mod:`graph.resolve.form_variants`) set to +3 — only where the
    names agree: the same line-of-business words and the distinctive words written together at
    least ``FORM_VARIANT_NAME_RATIO`` alike (no subset credit: "OPTIMA, OOO" is not
    "Optima Components Co., Ltd."). One name in two languages (``translation``) agrees already."""
    agree = (left.generic[name_a] == right.generic[name_b]) | translation
    conflict = legal == -3
    # A form written in full may have absorbed a line-of-business word of the name ("… DEVELOPMENT
    # CORPORATION S.A." / "… DEVELOPMENT CORP."): looked at only where the names proper agree.
    maybe = np.flatnonzero(conflict & ~agree)
    if len(maybe):
        maybe = maybe[
            _ratio(left.joined[name_a[maybe]], right.joined[name_b[maybe]]) >= FORM_VARIANT_NAME_RATIO
        ]
    absorbed = np.zeros(len(legal), dtype=bool)
    if len(maybe):
        absorbed[maybe] = _run_words_agree(left, right, name_a[maybe], name_b[maybe])
    todo = np.flatnonzero(conflict & (agree | absorbed))
    if len(todo) == 0:
        return legal
    how = _per_distinct(
        left.legal_run[name_a[todo]], right.legal_run[name_b[todo]], _form_variant, left.interner
    )
    keep = (how > 0) & (agree[todo] | (how == _IN_FULL))
    todo, how = todo[keep], how[keep]
    close = _ratio(left.joined[name_a[todo]], right.joined[name_b[todo]]) >= FORM_VARIANT_NAME_RATIO
    close |= translation[todo]
    # A re-registration joins only names that cannot be shared by chance (reregistration): every
    # distinctive word paired (equal romanisation keys), at least two of them, enough letters.
    rereg = np.flatnonzero(how == _REREGISTRATION)
    if len(rereg):
        ra, rb = name_a[todo[rereg]], name_b[todo[rereg]]
        close[rereg] = (
            (left.roman[ra] == right.roman[rb])
            & (left.ntok[ra] >= MIN_NAME_WORDS)
            & np.array([len(j) >= MIN_NAME_LETTERS for j in left.joined[ra].tolist()], dtype=bool)
        )
    # Corporatisation renamed *group* enterprises: both names carry GROUP (equal generic words).
    group = np.flatnonzero(how == _CORPORATISATION)
    if len(group):
        strings = left.interner.strings
        close[group] &= np.array(
            [has_group(strings[g]) for g in left.generic[name_a[todo[group]]].tolist()], dtype=bool
        )
    out = legal.copy()
    out[todo[close]] = 3
    return out


def _lift_register_forms(
    left: PreparedRecords,
    right: PreparedRecords,
    ia: np.ndarray,
    ib: np.ndarray,
    name_a: np.ndarray,
    name_b: np.ndarray,
    legal: np.ndarray,
) -> np.ndarray:
    """``legal`` with the family conflicts (-3) of two records of one country whose register
    gives both written forms for the same legal forms (:mod:`graph.resolve.register_forms`:
    Belgium's NV / SA, Finland's OY / AB) set to +3, one form written two ways."""
    todo = np.flatnonzero(legal == -3)
    if len(todo) == 0:
        return legal
    countries_a, countries_b = left.country[ia[todo]], right.country[ib[todo]]
    same = np.flatnonzero((countries_a == countries_b) & (countries_a != ""))
    if len(same) == 0:
        return legal
    todo = todo[same]
    strings = left.interner.strings
    one = [
        one_form_in(country, strings[x].partition("|")[2], strings[y].partition("|")[2])
        for country, x, y in zip(
            left.country[ia[todo]].tolist(),
            left.legal[name_a[todo]].tolist(),
            right.legal[name_b[todo]].tolist(),
            strict=True,
        )
    ]
    out = legal.copy()
    out[todo[np.array(one, dtype=bool)]] = 3
    return out


def _number_agreement(a: str, b: str) -> float:
    if a == b:
        return 0.0
    return -2.0 if a and b else -1.0


def _objects(items: list[OrgView]) -> np.ndarray:
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _translations(
    left: PreparedRecords, right: PreparedRecords, name_a: np.ndarray, name_b: np.ndarray
) -> np.ndarray:
    """Per name pair: one name in two languages (:func:`org_translate.same_by_translation`).
    Equal organisational words after translation are tested column-wise first; the names
    proper only on those few pairs."""
    # Interned ids compare as the strings do (id 0 is ""), and fast.
    key_a, key_b = left.org_key_id[name_a], right.org_key_id[name_b]
    some = left.org_trans[name_a] | right.org_trans[name_b]
    # Or one name leaves out optional organisational words of the other (equal cores).
    left_out = (key_a != key_b) & (left.org_core_id[name_a] == right.org_core_id[name_b])
    todo = np.flatnonzero(((key_a == key_b) & (key_a != 0) & some) | left_out)
    out = np.zeros(len(name_a), dtype=bool)
    for k in todo:
        out[k] = same_by_translation(left.org[name_a[k]], right.org[name_b[k]])
    # A place's initials in a type abbreviation (OMPO = OMSK PO): the few names with such a word.
    # Only where the other name writes the type a word may be read as (bit masks, no Python per pair).
    maybe = ((left.org_initials[name_a] & right.org_types[name_b]) != 0) | (
        (right.org_initials[name_b] & left.org_types[name_a]) != 0
    )
    initials = np.flatnonzero(~out & maybe)
    for k in initials:
        out[k] = place_initials.same_by_initials(left.org[name_a[k]], right.org[name_b[k]])
    # A Russian initialism of the other name's English words (VIT = MILITARY INNOVATIVE
    # TECHNOPOLIS): only where some candidate word's letters are all among the other name's
    # possible initials (bit masks, no Python per pair), then once per distinct pair of names.
    # The other name must write a word of the table (ru_inits 0 otherwise: about one in eight
    # names), tested first so that the slots are gathered for those pairs only.
    fits = np.zeros(len(name_a), dtype=bool)
    for x, nx, y, ny in ((left, name_a, right, name_b), (right, name_b, left, name_a)):
        inits = y.ru_inits[ny]
        some = np.flatnonzero(inits != 0)
        slots = x.ru_acro[nx[some]]
        fits[some[((slots != 0) & ((slots & ~inits[some, None]) == 0)).any(axis=1)]] = True
    todo = np.flatnonzero(~out & fits)
    if len(todo):
        out[todo] = (
            _per_distinct_text(
                left.org_text[name_a[todo]],
                right.org_text[name_b[todo]],
                russian_initials.same_by_russian_initials,
            )
            > 0
        )
    # A Russian compound word of the other name's words (ROSOBORONEKSPORT = RUSSIAN DEFENSE EXPORT):
    # only where one name has a compound whose parts are all among the other's words (bit masks).
    # Few names have a compound: the other side's words are gathered for those pairs only.
    fits = np.zeros(len(name_a), dtype=bool)
    for x, nx, y, ny in ((left, name_a, right, name_b), (right, name_b, left, name_a)):
        parts = x.ru_parts[nx]
        some = np.flatnonzero(parts != 0)
        fits[some[(parts[some] & ~y.ru_words[ny[some]]) == 0]] = True
    todo = np.flatnonzero(~out & fits)
    if len(todo):
        out[todo] = (
            _per_distinct_text(
                left.org_text[name_a[todo]], right.org_text[name_b[todo]], russian_compounds.same_by_compound
            )
            > 0
        )
    return out


def _symbol_pairs(
    left: PreparedRecords,
    right: PreparedRecords,
    name_a: np.ndarray,
    name_b: np.ndarray,
    sim: np.ndarray,
    translated: np.ndarray,
) -> np.ndarray:
    """Per name pair: organisational words paired by rigour symbol, the names proper agreeing
    (:func:`graph.resolve.org_symbols.same_by_symbols`). Only pairs it could lift — from
    SYMBOL_LOOK to below TRANSLATION_SIM, not a translation already — reach the rule, once per
    distinct pair of names (rigour reads each distinct name once, cached)."""
    out = np.zeros(len(name_a), dtype=bool)
    todo = np.flatnonzero((sim >= SYMBOL_LOOK) & (sim < TRANSLATION_SIM) & ~translated)
    # Strings compared only on those few pairs: an object-array comparison over every pair costs.
    todo = todo[(left.org_text[name_a[todo]] != "") & (right.org_text[name_b[todo]] != "")]
    if len(todo):
        out[todo] = (
            _per_distinct_text(
                left.org_text[name_a[todo]], right.org_text[name_b[todo]], org_symbols.same_by_symbols
            )
            > 0
        )
    return out


@lru_cache(maxsize=200_000)
def _word_bit(word: str) -> int:
    """One of 64 bits for a word (CRC-32: the same in every process, unlike ``hash``)."""
    return 1 << (zlib.crc32(word.encode("utf-8")) & 63)


@lru_cache(maxsize=200_000)
def _word_stats(core: str) -> tuple[int, bool, int]:
    """Of the distinctive words of a name (``core``): their bit mask (two names whose masks share
    no bit share no word), whether they are distinct and ASCII (so that rapidfuzz splits and sorts
    them as Python does; see the subset view of :func:`_name_similarity`, whose shortcut holds for
    such names only), and how many distinct words there are."""
    words = core.split()
    mask = 0
    for word in words:
        mask |= _word_bit(word)
    distinct = len(set(words))
    return mask, distinct == len(words) and core.isascii(), distinct


def _heads(slots: Sequence[str]) -> int:
    """One letter of each acronym slot (its first, or else the lowest of its mask), ORed: an
    acronym all of whose letters are among a name's initials has that letter among them too."""
    out = 0
    for word in slots:
        mask = _letters(word)
        out |= _letters(word[:1]) or (mask & -mask)
    return out


def _acronym_slots(distinctive: Sequence[str]) -> list[str]:
    """The distinctive words that may be acronyms, ACRONYM_SLOTS at most ("" fills)."""
    words = [w for w in distinctive if MIN_ACRONYM <= len(w) <= MAX_ACRONYM and w.isalpha()]
    return (words + [""] * ACRONYM_SLOTS)[:ACRONYM_SLOTS]


def _collapsed(key_a: str, key_b: str) -> float:
    (core_a, seq_a), (core_b, seq_b) = key_a.split("\t"), key_b.split("\t")
    # An acronym of part of the other name, its other words shortened (graph.resolve.acronym_parts).
    hit = best_collapse(core_a, seq_a, core_b, seq_b) or best_part(core_a, seq_a, core_b, seq_b)
    return ACRONYM_DISCOUNT * hit.similarity if hit is not None else 0.0


def _spelled_beside_words(key_a: str, key_b: str) -> float:
    """1.0 when one name's acronyms stand for words of the other and their other distinctive
    words agree, some on each side (:func:`graph.resolve.acronyms.best_collapse`: not an acronym
    alone, nor one of part of the other name)."""
    (core_a, seq_a), (core_b, seq_b) = key_a.split("\t"), key_b.split("\t")
    hit = best_collapse(core_a, seq_a, core_b, seq_b)
    return float(hit is not None and bool(hit.rest[0]))


def _acronym_fits(
    x: PreparedRecords, nx: np.ndarray, y: PreparedRecords, ny: np.ndarray, high: np.ndarray
) -> np.ndarray:
    """Per name pair: some possible acronym of name ``x[nx]`` has all its letters among the
    initials of ``y[ny]`` and no more letters than it has words —
    necessary for :func:`graph.resolve.acronyms.collapse`, tested column-wise."""
    masks, lengths = x.acro_mask[nx], x.acro_len[nx]
    outside = ~y.init_mask[ny]
    inside = (masks != 0) & ((masks & outside[:, None]) == 0) & (lengths <= y.nwords[ny][:, None])
    alone = (x.ntok[nx] <= ACRONYM_ALONE_WORDS)[:, None] & (lengths >= MIN_ALONE)
    return np.any(inside & (high[:, None] | alone), axis=1)


def _acronym_sims(
    left: PreparedRecords, right: PreparedRecords, name_a: np.ndarray, name_b: np.ndarray, sim: np.ndarray
) -> np.ndarray:
    """Per name pair: the similarity of the names with one's acronyms in place of the other's
    words they initial (:func:`graph.resolve.acronyms.best_collapse`), 0 where there is none.
    Only pairs it could lift are read, and of those only pairs where some possible acronym of one
    name has all its letters among the other's initials (a necessary condition, tested
    column-wise) reach the Python rule."""
    out = np.zeros(len(name_a), dtype=np.float32)
    look = np.flatnonzero(sim < ACRONYM_DISCOUNT)
    if len(look) == 0:
        return out
    # A necessary condition of _acronym_fits, on one column each way: some slot's letter (acro_heads)
    # among the other name's initials. About half of random pairs fail it; the per-slot test runs
    # on the rest.
    la, lb = name_a[look], name_b[look]
    maybe = ((left.acro_heads[la] & right.init_mask[lb]) != 0) | (
        (right.acro_heads[lb] & left.init_mask[la]) != 0
    )
    look = look[maybe]
    la, lb = la[maybe], lb[maybe]
    # Names that agree but for an acronym share their other words already (ACRONYM_LOOK); below
    # that, only a name of acronyms alone ("FDLR", "IRGC QF") can agree, and one needs MIN_ALONE
    # letters.
    high = sim[look] >= ACRONYM_LOOK
    fits = _acronym_fits(left, la, right, lb, high) | _acronym_fits(right, lb, left, la, high)
    todo = look[fits]
    if len(todo):
        out[todo] = _per_distinct_text(left.acro_key[name_a[todo]], right.acro_key[name_b[todo]], _collapsed)
    return out


def _blocked_pairs(
    left: PreparedRecords,
    right: PreparedRecords,
    name_a: np.ndarray,
    name_b: np.ndarray,
    initialled: np.ndarray,
) -> np.ndarray:
    """Per name pair: a reading compared with a name it must not be (:func:`readings.blocked`),
    or a subsidiary writing with a name that writes a word of its parent
    or lacks the anchor of a subsidiary named after a marker
    (:func:`graph.resolve.parent_names.refuses`: "TACTICAL MISSILE ANPP TEMP AVIA" is compared
    with the name as written). ``initialled``: per pair, one name's acronym stands for words of
    the other (:func:`_acronym_sims`)."""
    how_a, how_b = left.how[name_a], right.how[name_b]
    blocked = readings.blocked(how_a, left.marks[name_a], how_b, right.marks[name_b])
    for sub, sub_names, other, other_names in (
        (left, name_a, right, name_b),
        (right, name_b, left, name_a),
    ):
        todo = np.flatnonzero((sub.how[sub_names] == readings.SUBSIDIARY) & ~blocked)
        if len(todo):
            words, core = sub.parent_words[sub_names[todo]], other.core[other_names[todo]]
            blocked[todo] = _per_distinct_text(words, core, refuses) > 0
    # A place-free writing (graph.resolve.place_qualifiers) says the place was all that differed:
    # not where the line-of-business words differ too (BEIJING HUAWEI DIGITAL TECHNOLOGIES /
    # HUAWEI TECHNOLOGIES), one name naming none; and two only of names of the same places.
    # Nor where the other name has more distinctive words than what is left (NATIONAL
    # SUPERCOMPUTING CENTER JINAN read without JINAN is not … CENTER WUXI).
    place_free = (how_a == readings.PLACE_FREE) | (how_b == readings.PLACE_FREE)
    gen_a, gen_b = left.generic[name_a], right.generic[name_b]
    differ = np.flatnonzero(place_free & (gen_a != gen_b) & (gen_a != _NO_WORDS) & (gen_b != _NO_WORDS))
    # A branch's body written in full may name its line of business more fully (TAIBAH
    # INTERNATIONAL : BOSNIA BRANCH / TAIBAH INTERNATIONAL AID AGENCY): the branch's words among it.
    fuller = np.zeros(len(differ), dtype=bool)
    for free, branch, own, other in (
        (how_a[differ] == readings.PLACE_FREE, _branch(left, name_a[differ]), gen_a[differ], gen_b[differ]),
        (how_b[differ] == readings.PLACE_FREE, _branch(right, name_b[differ]), gen_b[differ], gen_a[differ]),
    ):
        some = np.flatnonzero(free & branch)
        if len(some):
            fuller[some] |= _per_distinct(own[some], other[some], _among, left.interner) > 0
    blocked[differ[~fuller]] = True
    # A line-of-business word read from another form of it (graph.resolve.generic_forms) says the
    # names write one line of business two ways: only where they then write the same words.
    generic_form = (how_a == readings.GENERIC_FORM) | (how_b == readings.GENERIC_FORM)
    blocked |= generic_form & (gen_a != gen_b)
    nta, ntb = left.ntok[name_a], right.ntok[name_b]
    # A branch ("TAIBAH INTERNATIONAL : BOSNIA BRANCH") is the branch of a body that may be
    # written in full (TAIBAH INTERNATIONAL AID ASSOCIATION): more words there do not block it.
    branch_a, branch_b = _branch(left, name_a), _branch(right, name_b)
    fewer = ((how_a == readings.PLACE_FREE) & (ntb > nta) & ~branch_a) | (
        (how_b == readings.PLACE_FREE) & (nta > ntb) & ~branch_b
    )
    # … unless an acronym accounts for the other name's extra words: one name's acronym in place
    # of the words it initials and the other words of the two agreeing, some distinctive word
    # among them (acronyms.best_collapse; "MSP KALA NAFT CO. TEHRAN" read without TEHRAN is
    # "MANUFACTURING SUPPORT AND PROCUREMENT KALA NAFT COMPANY"). Not an acronym alone: two
    # readings stacked (the place dropped, the acronym spelled out) with no word both names write
    # take "SMIC Beijing" for its parent SEMICONDUCTOR MANUFACTURING INTERNATIONAL CORPORATION.
    # Nor an acronym of part of the other name (acronym_parts), which leaves it more words.
    spelled = np.flatnonzero(fewer & initialled)
    if len(spelled):
        keys_a, keys_b = left.acro_key[name_a[spelled]], right.acro_key[name_b[spelled]]
        fewer[spelled[_per_distinct_text(keys_a, keys_b, _spelled_beside_words) > 0]] = False
    blocked |= fewer
    todo = np.flatnonzero((how_a == readings.PLACE_FREE) & (how_b == readings.PLACE_FREE) & ~blocked)
    if len(todo):
        blocked[todo] = (
            _per_distinct_text(left.places[name_a[todo]], right.places[name_b[todo]], _other_places) > 0
        )
    return blocked


def _branch_body(
    left: PreparedRecords, right: PreparedRecords, name_a: np.ndarray, name_b: np.ndarray
) -> np.ndarray:
    """Per name pair: one side is the place-free writing of a branch (its body), the other a name
    as written (no place-free writing)."""
    free_a, free_b = left.how[name_a] == readings.PLACE_FREE, right.how[name_b] == readings.PLACE_FREE
    return (free_a & ~free_b & _branch(left, name_a)) | (free_b & ~free_a & _branch(right, name_b))


def _branch(prep: PreparedRecords, names: np.ndarray) -> np.ndarray:
    """Per name: it was read from a name whose place is a branch's (readings.BRANCH)."""
    return (prep.marks[names] & readings.BRANCH) > 0


def _among(words: str, other: str) -> float:
    """1.0 when every word of ``words`` is among ``other``'s (space-separated)."""
    return float(set(words.split()) <= set(other.split()))


def _other_places(text_a: str, text_b: str) -> float:
    """1.0 unless the two names write the same places (:func:`place_qualifiers.same_places`)."""
    return float(not place_qualifiers.same_places(text_a, text_b))


def _marked(text_a: str, text_b: str) -> float:
    return float(marked_conflict(text_a, text_b))


def _place_conflict(text_a: str, text_b: str) -> float:
    return float(place_qualifiers.place_conflict(text_a, text_b))


def scored_names(rec: Record) -> list[tuple[str, int, int]]:
    """The writings a record is compared by, as ``(text, index in rec.names, how read)``: its
    names (MAX_NAMES_PER_RECORD at most, ``readings.AS_WRITTEN``), then, for companies and
    vessels, those that write their own acronym (in brackets or as a word) once more without it
    (``OWN_ACRONYM``, :func:`graph.resolve.self_acronyms.without_own`) and their other readings
    (:func:`graph.resolve.readings.other_readings`: the subsidiary after a parent group, the
    name without a foreign acronym, an acronym's short form), MAX_DERIVED_NAMES at most of
    each. Both writings are kept: a noisy copy of the name may garble the acronym so that only
    the writing with it still agrees."""
    names = tuple(rec.names[:MAX_NAMES_PER_RECORD]) or ("",)
    # A name carrying list prose (a leading "and ", an "f.k.a." clause) is read as the names it
    # holds (graph.resolve.name_clauses), each a writing of the name it was read from.
    out = [
        (text, i, readings.AS_WRITTEN) for i, name in enumerate(names) for text in clause_readings(name or "")
    ]
    if rec.kind == "person":
        # Several spellings in one text, or a name with prose after it (graph.resolve.person_parts).
        out = [
            (part, i, how if part == text else readings.PERSON_PART)
            for text, i, how in out
            for part in person_parts.parts(text)
        ]
    else:
        own = [(self_acronyms.without_own(text), i) for text, i, _ in out]
        extra = [(kept, i, readings.OWN_ACRONYM) for kept, i in own if kept]
        other = [(text, i, how) for name, i, _ in out for text, how in readings.other_readings(name)]
        out.extend(extra[:MAX_DERIVED_NAMES] + other[:MAX_DERIVED_NAMES])
    return out


def prepare(records: Sequence[Record]) -> PreparedRecords:
    """Normalise every name of every record once and lay the results out column-wise. A record
    of unknown kind is read as a company, and as a person too when its name may be one
    (``as_person``, :mod:`graph.resolve.unknown_kinds`)."""
    published = tuple(records)
    records = [unknown_kinds.as_scored(r, unknown_kinds.COMPANY) for r in published]
    twins = [i for i, r in enumerate(published) if unknown_kinds.may_be_person(r)]
    person_twin = np.full(len(published), -1, dtype=np.int64)
    person_twin[twins] = np.arange(len(twins), dtype=np.int64)
    interner = interning.current()
    intern = interner.intern  # ids of this generation (the batch's own)
    core: list[str] = []
    cut_core: list[str] = []
    phon: list[str] = []
    joined: list[str] = []
    ordered: list[str] = []
    generic: list[int] = []
    legal: list[int] = []
    legal_run: list[int] = []
    numbers: list[int] = []
    weak: list[bool] = []
    org: list[OrgView] = []
    org_text: list[str] = []
    words: list[str] = []
    acro_key: list[str] = []
    acro_mask: list[list[int]] = []
    ru_acro: list[tuple[int, ...]] = []
    ru_inits: list[int] = []
    compound_parts: list[int] = []
    compound_words: list[int] = []
    init_mask: list[int] = []
    acro_len: list[list[int]] = []
    heads: list[int] = []
    nwords: list[int] = []
    origin: list[int] = []
    how_read: list[int] = []
    marks: list[int] = []
    parents: list[str] = []
    places: list[str] = []
    generations: list[int] = []
    written: list[str] = []
    spelled: list[int] = []
    arabic: list[int] = []
    no_letter: list[bool] = []
    generic_only: list[bool] = []
    start = np.zeros(len(records), dtype=np.int64)
    count = np.zeros(len(records), dtype=np.int64)
    for r, rec in enumerate(records):
        start[r] = len(core)
        for text, i, how in scored_names(rec):
            form = normalise_name(text, rec.kind)
            name = rec.names[i] if rec.names else ""  # as published: its marks and parent group
            order = written_order(text) if rec.kind == "person" else ""
            core.append(" ".join(sorted(order.split() if rec.kind == "person" else form.distinctive)))
            cut_core.append(core[-1] if rec.kind == "person" else marked_core(text, form.distinctive))
            phon.append(" ".join(sorted(form.phonetic)))
            joined.append("".join(form.distinctive))
            no_letter.append(letterless.is_no_name(text, rec.kind))
            generic_only.append(is_generic_name(form))
            ordered.append(order)
            generic.append(intern(" ".join(sorted(set(form.generic)))))
            legal.append(intern(f"{form.legal_form}|{form.legal_form_text}" if form.legal_form else ""))
            legal_run.append(intern(f"{form.legal_form_text}|{form.legal_run}" if form.legal_form else ""))
            numbers.append(intern(" ".join(form.number_values)))
            weak.append(i in rec.weak)
            org.append(org_view(form.tokens if rec.kind != "person" else (), GENERIC_WORDS))
            org_text.append(" ".join(form.tokens) if rec.kind != "person" else "")
            ru_words = form.tokens if rec.kind != "person" else ()
            ru_acro.append(russian_initials.candidate_masks(org[-1], RU_SLOTS))
            ru_inits.append(russian_initials.initial_mask(ru_words))
            compound_parts.append(russian_compounds.part_bits(ru_words))
            compound_words.append(russian_compounds.word_bits(ru_words))
            words.append(siblings.other_words(form))
            person = rec.kind == "person"
            seq = run_words(form.folded) if not person else ()
            acro_key.append("\t" if person else f"{core[-1]}\t{' '.join(seq)}")
            slots = [""] * ACRONYM_SLOTS if person else _acronym_slots(form.distinctive)
            acro_mask.append([_letters(w) for w in slots])
            heads.append(_heads(slots))
            acro_len.append([len(w) for w in slots])
            init_mask.append(_letters("".join(t[0] for t in seq)))
            nwords.append(len(seq))
            origin.append(i)
            how_read.append(how)
            marks.append(0 if person else readings.marks(name or ""))
            parents.append(subsidiary_key(name) if how == readings.SUBSIDIARY else "")
            places.append(name if marks[-1] & readings.WRITES_PLACE else "")
            generations.append(generation(text) if rec.kind == "person" else 0)
            # The published name of a company writing read as written (marked_parts reads it).
            as_written = rec.kind == "company" and how in (readings.AS_WRITTEN, readings.OWN_ACRONYM)
            written.append(name if as_written else "")
            spelled.append(0 if person else intern(written_together.spelled(form.folded, form.legal_run)))
            arabic.append(0 if person else arabic_spellings.article_writing(form.tokens))
        count[r] = len(core) - start[r]
    joined_arr = np.array(joined, dtype=object)
    countries = [country_code(r.country) for r in records]
    addresses = [normalise_address(r.address) if r.address else "" for r in records]
    roman = [" ".join(sorted(roman_key(t) for t in c.split())) for c in core]
    stats = [_word_stats(c) for c in core]
    persons = [unknown_kinds.as_scored(published[i], unknown_kinds.PERSON) for i in twins]
    as_person = prepare(persons) if persons else None
    return PreparedRecords(
        records=published,
        kind=np.array([r.kind for r in records], dtype=object),
        country=np.array(countries, dtype=object),
        address=np.array(addresses, dtype=object),
        has_ids=np.array([bool(r.identifiers) for r in records], dtype=bool),
        start=start,
        count=count,
        core=np.array(core, dtype=object),
        cut_core=np.array(cut_core, dtype=object),
        phon=np.array(phon, dtype=object),
        joined=joined_arr,
        roman=np.array(roman, dtype=object),
        org=_objects(org),
        org_trans=np.array([v.translated for v in org], dtype=bool),
        org_initials=np.array([place_initials.candidate_bits(v) for v in org], dtype=np.int64),
        org_types=np.array([place_initials.type_bits(v) for v in org], dtype=np.int64),
        ru_acro=np.array(ru_acro, dtype=np.int32).reshape(-1, RU_SLOTS),
        ru_inits=np.array(ru_inits, dtype=np.int32),
        ru_parts=np.array(compound_parts, dtype=np.int64),
        ru_words=np.array(compound_words, dtype=np.int64),
        org_text=np.array(org_text, dtype=object),
        ordered=np.array(ordered, dtype=object),
        generic=np.array(generic, dtype=np.int64),
        legal=np.array(legal, dtype=np.int64),
        legal_run=np.array(legal_run, dtype=np.int64),
        numbers=np.array(numbers, dtype=np.int64),
        ntok=np.array([len(c.split()) for c in core], dtype=np.int64),
        weak=np.array(weak, dtype=bool),
        # nothing, one character, or no letter at all (graph.resolve.letterless)
        empty=np.array([len(j) < 2 or no for j, no in zip(joined, no_letter, strict=True)], dtype=bool),
        generic_only=np.array(generic_only, dtype=bool),
        short=np.array([0 < len(j) <= SHORT_NAME_CHARS for j in joined], dtype=bool),
        first=np.array([_first_letter(r) for r in roman], dtype="<U1"),
        words=np.array(words, dtype=object),
        syllabic=np.array([bool(o) and is_syllabic_name(o) for o in ordered], dtype=bool),
        acro_key=np.array(acro_key, dtype=object),
        acro_mask=np.array(acro_mask, dtype=np.int32).reshape(-1, ACRONYM_SLOTS),
        init_mask=np.array(init_mask, dtype=np.int32),
        acro_len=np.array(acro_len, dtype=np.int8).reshape(-1, ACRONYM_SLOTS),
        nwords=np.array(np.minimum(nwords, 127), dtype=np.int8),
        origin=np.array(origin, dtype=np.int64),
        how=np.array(how_read, dtype=np.int8),
        marks=np.array(marks, dtype=np.int8),
        parent_words=np.array(parents, dtype=object),
        places=np.array(places, dtype=object),
        generation=np.array(generations, dtype=np.int8),
        written=np.array(written, dtype=object),
        marked=np.array([is_marked(w) for w in written], dtype=bool),
        org_key_id=np.array([intern(v.org) for v in org], dtype=np.int64),
        org_core_id=np.array([intern(v.core) for v in org], dtype=np.int64),
        spelled_id=np.array(spelled, dtype=np.int64),
        word_bits=np.array([st[0] for st in stats], dtype=np.uint64),
        plain_words=np.array([st[1] for st in stats], dtype=bool),
        nset=np.array([st[2] for st in stats], dtype=np.int64),
        joined_len=sound_lengths.lengths(joined_arr),
        arabic=np.array(arabic, dtype=np.int8),
        first_written=np.array([_first_letter(c) for c in core], dtype="<U1"),
        acro_heads=np.array(heads, dtype=np.int32),
        kind_id=kind_ids([r.kind for r in records]),
        country_id=np.array([intern(c) for c in countries], dtype=np.int64),
        has_address=np.array([a != "" for a in addresses], dtype=bool),
        person_twin=person_twin,
        interner=interner,
        as_person=as_person,
    )


@dataclass(frozen=True)
class PairFeatures:
    """Feature columns for ``n`` record pairs (see the module docstring)."""

    name_sim: np.ndarray  # float32 best name similarity in [0, 1]
    best_a: np.ndarray  # int64 index of the aligned name within record a's names
    best_b: np.ndarray  # int64
    writing_a: np.ndarray  # int64 index of the aligned writing within scored_names(record a)
    writing_b: np.ndarray  # int64
    weak: np.ndarray  # bool: the aligned pair uses a weak alias
    empty: np.ndarray  # bool: aligned names have no distinctive word on one side
    # bool: the aligned names are both line-of-business words alone, the same words
    # (graph.resolve.generic_names); ``empty`` too
    generic_name: np.ndarray
    short: np.ndarray  # bool
    legal: np.ndarray  # int8 +3 one form written two ways, +2 same form, +1 same class, 0, -1 other
    # class, -2 jurisdictions, -3 forms
    generic_conflict: np.ndarray  # bool
    numbers: np.ndarray  # int8 0 same or none / -1 on one side only / -2 different
    country: np.ndarray  # int8 +1 / 0 / -1
    identifiers: np.ndarray  # int8 +1 / 0 / -1
    address_sim: np.ndarray  # float32, 0 when either address is unknown
    kind_conflict: np.ndarray  # bool
    kind: np.ndarray  # object: kind whose calibration applies
    unpaired: np.ndarray  # bool: each side keeps a distinctive word unmatched on the other
    person: np.ndarray  # int16: bits of graph.resolve.person_rules.person_conflicts (persons only)
    translation: np.ndarray  # bool: the aligned names are one name in two languages (org_translate)
    org_symbols: np.ndarray  # bool: … by organisational words paired by rigour symbol (org_symbols)
    sibling: np.ndarray  # int8: which sibling evidence (siblings.NO_SIBLING, RARE_SIBLING, …)
    acronym: np.ndarray  # bool: one aligned name initials words of the other (graph.resolve.acronyms)
    slip: np.ndarray  # bool: the aligned names differ by one keying slip (graph.resolve.typo_words)
    respelt: np.ndarray  # bool: words written another way read as one (graph.resolve.respelt_words)
    common_stem: np.ndarray  # bool: subset credit withheld, one common word (graph.resolve.common_stem)
    common_business: np.ndarray  # bool: one common word each, no line of business shared
    place_conflict: np.ndarray  # bool: each aligned name writes a place, and they differ (place_qualifiers)
    marked_body: np.ndarray  # bool: a parent vs its affiliate, or two affiliates, by marker (marked_parts)
    sound_lengths: np.ndarray  # bool: the names sound alike but differ in length, not read by sound
    spelled: np.ndarray  # bool: the names are the same letters with other word breaks (written_together)


#: Below this many pairs ``cpdist`` runs on the calling thread: starting its worker threads costs
#: ~0.1 ms a call on an idle machine and far more on a busy one, and the anti-chaining guard scores
#: tens of thousands of tiny batches (that overhead was most of the link stage's time).
PARALLEL_MIN_PAIRS = 20_000


def cpdist_workers(n: int) -> int:
    """rapidfuzz ``workers`` for ``n`` pairs: every core for big batches, one thread for small ones."""
    return -1 if n >= PARALLEL_MIN_PAIRS else 1


def _ratio(a: np.ndarray, b: np.ndarray, scorer: Callable[..., float] = fuzz.ratio) -> np.ndarray:
    if len(a) == 0:
        return np.zeros(0, dtype=np.float32)
    out = process.cpdist(a, b, scorer=scorer, workers=cpdist_workers(len(a)), dtype=np.float32)
    return np.asarray(out, dtype=np.float32) / np.float32(100.0)


def _params_columns(kinds: np.ndarray) -> dict[str, np.ndarray]:
    """Per-pair calibration columns (slope, centre)."""
    n = len(kinds)
    cols: dict[str, np.ndarray] = {
        "slope": np.full(n, DEFAULT_PARAMS.slope, dtype=np.float32),
        "centre": np.full(n, DEFAULT_PARAMS.centre, dtype=np.float32),
    }
    for kind, params in KIND_PARAMS.items():
        mask = kinds == kind
        if mask.any():
            for key, col in cols.items():
                col[mask] = getattr(params, key)
    return cols


def _identifier_agreement(a: Mapping[str, str], b: Mapping[str, str]) -> int:
    """+1 an equal value under one scheme, -1 only different values under shared schemes."""
    norm_a = {fold(k): fold(v).replace(" ", "") for k, v in a.items() if v}
    norm_b = {fold(k): fold(v).replace(" ", "") for k, v in b.items() if v}
    shared = set(norm_a) & set(norm_b)
    if any(norm_a[k] == norm_b[k] for k in shared):
        return 1
    if shared:
        return -1
    return 0


def _name_similarity(
    left: PreparedRecords, right: PreparedRecords, name_a: np.ndarray, name_b: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Companies, vessels: the best of the token-sorted ratio of the distinctive words, the
    ratio of the words written together (SHENZHENHUAXIN vs SHENZHEN HUAXIN), a discounted
    ratio of their metaphone keys (transliterations; names of comparable length only, else the
    third array holds the credit not given: :mod:`graph.resolve.sound_lengths`) and, when the
    word counts differ, a discounted subset ratio (one name's words all among the other's) —
    withheld when the shorter name is one common word (:mod:`graph.resolve.common_stem`;
    second array)."""
    sim = _ratio(left.core[name_a], right.core[name_b])
    unheard = np.zeros(len(name_a), dtype=np.float32)
    # The other views can only lift pairs whose sorted words already agree somewhat; most
    # candidate pairs from blocking (and all random ones) stop here, which keeps the batch fast.
    look = np.flatnonzero(sim >= SECOND_LOOK)
    if len(look):
        la, lb = name_a[look], name_b[look]
        joined = _ratio(left.joined[la], right.joined[lb])
        phonetic = np.float32(PHONETIC_DISCOUNT) * _ratio(left.phon[la], right.phon[lb])
        # A short name shares its consonant skeleton with many longer ones (RDIF / REDVIEW: RTF):
        # sound counts only between names of comparable length (graph.resolve.sound_lengths),
        # read only where sound would lift the pair (lengths counted once per name by prepare).
        sounded = np.flatnonzero(phonetic > joined)
        if len(sounded):
            fits = sound_lengths.comparable(left.joined_len[la[sounded]], right.joined_len[lb[sounded]])
            unheard[look[sounded[~fits]]] = phonetic[sounded[~fits]]
            phonetic[sounded[~fits]] = 0.0
        other = np.maximum(joined, phonetic)
        # One romanisation key (HSENONVISION / XENONVISION): equal keys only — a ratio of keys
        # over a smaller alphabet would lift unrelated short names (YU LONG / ION LONG).
        same_key = (left.roman[la] == right.roman[lb]) & (left.roman[la] != "")
        other = np.maximum(other, np.where(same_key, np.float32(ROMAN_DISCOUNT), np.float32(0.0)))
        sim[look] = np.maximum(sim[look], other)
    nta, ntb = left.ntok[name_a], right.ntok[name_b]
    withheld = np.zeros(len(name_a), dtype=bool)
    # Names that share no word (no common bit: see _word_stats) are skipped: token_set_ratio of two
    # sets of distinct words with none in common is the ratio of the sorted words (rapidfuzz
    # compares only the two differences then), already in ``sim``, so its discounted credit never
    # lifts (0.94 x <= x). The same subset, cheaper: the pairs left out were never lifted.
    plain = left.plain_words[name_a] & right.plain_words[name_b]
    shares = ((left.word_bits[name_a] & right.word_bits[name_b]) != 0) | ~plain
    # A place-free writing (graph.resolve.place_qualifiers) agrees whole or not at all: the place
    # was the one difference, so a name with words beyond it names another body (HUAWEI CLOUD
    # SHANGHAI read HUAWEI CLOUD is not HUAWEI CLOUD SHENZHEN) — unless the place was a branch's:
    # a branch is its body, compared as the body's name written plainly, which may be written in
    # full (TAIBAH INTERNATIONAL : BOSNIA BRANCH / TAIBAH INTERNATIONAL AID AGENCY).
    whole = (left.how[name_a] != readings.PLACE_FREE) & (right.how[name_b] != readings.PLACE_FREE)
    whole |= _branch_body(left, right, name_a, name_b)
    subset = np.flatnonzero(
        (nta != ntb) & (np.minimum(nta, ntb) >= 1) & (sim >= SUBSET_LOOK) & shares & whole
    )
    if len(subset):
        credit = np.float32(SUBSET_DISCOUNT) * _ratio(
            left.core[name_a[subset]], right.core[name_b[subset]], fuzz.token_set_ratio
        )
        lifts = credit > sim[subset]
        subset, credit = subset[lifts], credit[lifts]
        # "MICROPOWER DAEHAN MANUFACTURING" ⊃ "MICROPOWER TECHNOLOGY" is a sibling, not a
        # shortened name: no subset credit when the line-of-business words disagree.
        conflict = _per_distinct(
            left.generic[name_a[subset]], right.generic[name_b[subset]], _generic_conflict, left.interner
        )
        agree = conflict == 0
        subset, credit = subset[agree], credit[agree]
        # common_stem needs the name of fewer distinct words to have one (a set of one): only those
        # pairs are read; for the others it finds nothing and they keep their credit.
        common = np.zeros(len(subset), dtype=bool)
        one = np.flatnonzero(np.minimum(left.nset[name_a[subset]], right.nset[name_b[subset]]) == 1)
        if len(one):
            one_a, one_b = name_a[subset[one]], name_b[subset[one]]
            common[one] = (
                _per_distinct_text(_packed(left, one_a), _packed(right, one_b), common_stem.is_common_stem)
                > 0
            )
        sim[subset[~common]] = credit[~common]
        withheld[subset[common]] = True
    # One-word names that differ in their first letter are other names, not typos (KAMAL /
    # JAMAL): typos rarely hit the first letter. C, K and Q count as one (transliteration).
    one_word = (nta == 1) & (ntb == 1)
    first_differs = one_word & (left.first[name_a] != right.first[name_b])
    # The letters compared are those of the romanisation keys, but a key can move the first
    # letter (KH → H: KOHAS / KHOAS): the words as written starting alike is no "other name".
    moved = np.flatnonzero(first_differs)
    if len(moved):
        as_written = left.first_written[name_a[moved]] == right.first_written[name_b[moved]]
        first_differs[moved[as_written]] = False
    factor = np.where(first_differs, np.float32(FIRST_LETTER_FACTOR), np.float32(1.0))
    return (sim * factor).astype(np.float32), withheld, (unheard * factor).astype(np.float32)


def _slips(
    left: PreparedRecords, right: PreparedRecords, name_a: np.ndarray, name_b: np.ndarray, sim: np.ndarray
) -> np.ndarray:
    """Per name pair: the same distinctive words but for one keying slip in one word
    (:func:`graph.resolve.typo_words.single_slip`) and the same line-of-business words.

    Read above SLIP_SIM too where one name alone is short: a slip that drops a letter of a
    four-letter name (WAVE / WVE) leaves a short name, which is a mistyped longer one, not
    the weak evidence of a short name (pair_features lifts the short-name penalty there)."""
    out = np.zeros(len(name_a), dtype=bool)
    todo = np.flatnonzero(
        (sim >= SLIP_LOOK)
        & ((sim < SLIP_SIM) | (left.short[name_a] != right.short[name_b]))
        & (left.ntok[name_a] == right.ntok[name_b])
        & (left.generic[name_a] == right.generic[name_b])
    )
    if len(todo):
        out[todo] = _per_distinct_text(left.core[name_a[todo]], right.core[name_b[todo]], is_single_slip) > 0
    return out


def _respellings(
    left: PreparedRecords, right: PreparedRecords, name_a: np.ndarray, name_b: np.ndarray, sim: np.ndarray
) -> np.ndarray:
    """Per name pair: the similarity of the names once words written another way (other vowels,
    written together or apart) are read as the other name writes them
    (:func:`graph.resolve.respelt_words.respelt_similarity`), 0 where that does not lift the pair.
    Not where the line-of-business words disagree (the subset view's guard)."""
    out = np.zeros(len(name_a), dtype=np.float32)
    # The rule needs a word agreeing as written: names sharing no word (no common bit, see
    # _word_stats) are skipped before any per-pair Python work — unless both write the Arabic
    # article, whose romanisations may respell every word (graph.resolve.arabic_spellings).
    plain = left.plain_words[name_a] & right.plain_words[name_b]
    shares = ((left.word_bits[name_a] & right.word_bits[name_b]) != 0) | ~plain
    art_a, art_b = left.arabic[name_a], right.arabic[name_b]
    arabic = (art_a != 0) & (art_b != 0) & (((art_a | art_b) & arabic_spellings.APART) != 0)
    todo = np.flatnonzero((sim >= RESPELT_LOOK) & (sim < RESPELT_SIM) & (shares | arabic))
    if len(todo):
        ta, tb = name_a[todo], name_b[todo]
        todo = todo[_per_distinct(left.generic[ta], right.generic[tb], _generic_conflict, left.interner) == 0]
    for both, func in ((False, respelt_similarity), (True, _arabic_respelt_similarity)):
        some = todo[arabic[todo] == both]
        if len(some):
            # The cores with their dotted cuts marked (CON.: graph.resolve.cut_words).
            out[some] = _per_distinct_text(left.cut_core[name_a[some]], right.cut_core[name_b[some]], func)
    return np.where(out > sim, out, np.float32(0.0)).astype(np.float32)


def _arabic_respelt_similarity(core_a: str, core_b: str) -> float:
    """:func:`respelt_similarity` of two names that both write the Arabic article."""
    return respelt_similarity(core_a, core_b, arabic=True)


def pair_features(left: PreparedRecords, right: PreparedRecords, pairs: np.ndarray) -> PairFeatures:
    """Feature columns for record pairs ``(left[pairs[:, 0]], right[pairs[:, 1]])``. A record of
    unknown kind whose name may be a person's is compared with a person as a person (its
    ``as_person`` reading: :mod:`graph.resolve.unknown_kinds`)."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    f = _pair_features(left, right, pairs)
    ia, ib = pairs[:, 0], pairs[:, 1]
    person = _kind_id("person")
    # Only a side with records of unknown kind read as persons has twins (most batches: neither),
    # so the twin columns are not gathered for every pair when there are none.
    if left.as_person is not None:
        rows = np.flatnonzero((left.person_twin[ia] >= 0) & (right.kind_id[ib] == person))
        if len(rows):
            twin = np.column_stack([left.person_twin[ia[rows]], ib[rows]])
            f = unknown_kinds.merged(f, _pair_features(left.as_person, right, twin), rows)
    if right.as_person is not None:
        rows = np.flatnonzero((right.person_twin[ib] >= 0) & (left.kind_id[ia] == person))
        if len(rows):
            twin = np.column_stack([ia[rows], right.person_twin[ib[rows]]])
            f = unknown_kinds.merged(f, _pair_features(left, right.as_person, twin), rows)
    return f


def _pair_features(left: PreparedRecords, right: PreparedRecords, pairs: np.ndarray) -> PairFeatures:
    left, right = _one_generation(left, right)
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    n = pairs.shape[0]
    ia, ib = pairs[:, 0], pairs[:, 1]
    na, nb = left.count[ia], right.count[ib]
    tot = na * nb
    offsets = np.cumsum(tot) - tot
    owner = np.repeat(np.arange(n, dtype=np.int64), tot)
    within = np.arange(int(tot.sum()), dtype=np.int64) - offsets[owner]
    nb_o = nb[owner]
    local_a = within // nb_o
    local_b = within % nb_o
    name_a = left.start[ia][owner] + local_a
    name_b = right.start[ib][owner] + local_b

    # Kinds compared as ids (int compares, not string compares of object columns).
    ka, kb = left.kind_id[ia], right.kind_id[ib]
    pair_kind = np.array(_KIND_NAMES, dtype=object)[np.where(ka != kb, 0, ka)]
    # Companies, vessels: whole-string similarities of the distinctive words.
    is_person = ((ka == kb) & (ka == _kind_id("person")))[owner]
    other = np.flatnonzero(~is_person)
    sim = np.zeros(len(name_a), dtype=np.float32)
    translated = np.zeros(len(name_a), dtype=bool)
    symbolic = np.zeros(len(name_a), dtype=bool)
    withheld = np.zeros(len(name_a), dtype=bool)
    unheard = np.zeros(len(name_a), dtype=np.float32)
    initialled = np.zeros(len(name_a), dtype=bool)
    slipped = np.zeros(len(name_a), dtype=bool)
    respelt = np.zeros(len(name_a), dtype=bool)
    together = np.zeros(len(name_a), dtype=bool)
    if len(other):
        # The company rows' names, gathered once (every rule below reads them).
        oa, ob = name_a[other], name_b[other]
        sim[other], withheld[other], unheard[other] = _name_similarity(left, right, oa, ob)
        # The same letters with other word breaks, line-of-business words included (DIVETECHNOSERVICES
        # / DIVE TECHNO SERVICES): interned ids compared, no per-pair Python (written_together).
        # Gathered for the company rows only, and sim raised in place (no full-length copies).
        spelled_a, spelled_b = left.spelled_id[oa], right.spelled_id[ob]
        together[other] = (
            (spelled_a == spelled_b) & (spelled_a != 0) & (sim[other] < written_together.SPELLED_SIM)
        )
        sim[together] = np.float32(written_together.SPELLED_SIM)
        slipped[other] = _slips(left, right, oa, ob, sim[other])
        sim = np.where(slipped, np.maximum(sim, np.float32(SLIP_SIM)), sim).astype(np.float32)
        translated[other] = _translations(left, right, oa, ob)
        symbolic[other] = _symbol_pairs(left, right, oa, ob, sim[other], translated[other])
        translated |= symbolic
        sim = np.where(translated, np.maximum(sim, np.float32(TRANSLATION_SIM)), sim).astype(np.float32)
        acr = _acronym_sims(left, right, oa, ob, sim[other])
        initialled[other] = acr > sim[other]
        sim[other] = np.maximum(sim[other], acr)
        withheld[other] &= ~initialled[other]  # an acronym reading, not a shortened name
        lifted = _respellings(left, right, oa, ob, sim[other])
        respelt[other] = lifted > 0
        sim[other] = np.maximum(sim[other], lifted)
        withheld[other] &= ~respelt[other]
        # A reading compared with a name it must not be (a subsidiary writing with a name that
        # writes a parent too …: graph.resolve.readings) is not read at all.
        blocked = other[_blocked_pairs(left, right, oa, ob, initialled[other])]
        sim[blocked] = 0.0
        unheard[blocked] = 0.0
        for flags in (translated, initialled, slipped, withheld, respelt, together):
            flags[blocked] = False
    # Persons: word-by-word alignment (order, initials, skeletons, extra words) replaces the
    # whole-string similarities, which cannot tell JOHN SMITH from JAMES SMITH.
    person = np.flatnonzero(is_person)
    if len(person):
        sim[person] = _per_distinct_text(left.core[name_a[person]], right.core[name_b[person]], align_person)
        # A middle initial on one side only is a middle name the other leaves out, not a word
        # without a partner (graph.resolve.middle_initials): read in written order.
        middle = _per_distinct_text(
            left.ordered[name_a[person]], right.ordered[name_b[person]], middle_initial_similarity
        )
        sim[person] = np.maximum(sim[person], middle)
        # Korean / Chinese names of the same syllables in two romanisations (ZHOU JIANGUO / CHOU
        # CHIEN-KUO): one name, however the words are split (graph.resolve.syllable_names).
        syl = person[left.syllabic[name_a[person]] & right.syllabic[name_b[person]]]
        if len(syl):
            same = (
                _per_distinct_text(left.ordered[name_a[syl]], right.ordered[name_b[syl]], same_syllables) > 0
            )
            sim[syl] = np.where(same, np.maximum(sim[syl], np.float32(SYLLABLE_SIM)), sim[syl])
    # A name read without its places (graph.resolve.place_qualifiers) is the other name written
    # two ways, like a translation: never above PLACE_SIM, so a reading of the names as written
    # that agrees as well is the one explained.
    place_free = (left.how[name_a] == readings.PLACE_FREE) | (right.how[name_b] == readings.PLACE_FREE)
    sim = np.where(place_free, np.minimum(sim, np.float32(PLACE_SIM)), sim).astype(np.float32)
    empty = left.empty[name_a] | right.empty[name_b]
    sim = np.where(empty, np.float32(0.0), sim).astype(np.float32)
    weak = left.weak[name_a] | right.weak[name_b]
    # Rank name pairs: strong pairs first at equal similarity, so a weak alias only wins
    # when it is strictly better — and its contribution is capped in contributions().
    rank = sim - np.where(weak, np.float32(1e-4), np.float32(0.0))
    # Two company names of the same line-of-business words alone (HIGH TECHNOLOGY LTD / HIGH
    # TECHNOLOGIES LTD: graph.resolve.generic_names) rank where their contribution is reached.
    # Such names are rare: the columns are gathered for the name pairs of two of them only.
    generic_pair = left.generic_only[name_a] & right.generic_only[name_b]
    rows = np.flatnonzero(generic_pair)
    if len(rows):
        company = (ka == kb) & (ka == _kind_id("company"))
        same = left.generic[name_a[rows]] == right.generic[name_b[rows]]
        generic_pair[rows] = same & company[owner[rows]]
        rows = rows[generic_pair[rows]]
        rank[rows] = np.float32(GENERIC_RANK) + (rank[rows] - sim[rows])
    # A branch's body agreeing as well as the branch as written is the pair read: the branch's
    # words (ALBU KAMAL of "… (BRANCH LOCATED IN ALBU KAMAL, …)") are its place, not a sibling's.
    rank += np.where(_branch_body(left, right, name_a, name_b), np.float32(1e-5), np.float32(0.0))
    if n:
        best_rank = np.maximum.reduceat(rank, offsets) if len(rank) else np.zeros(n, dtype=np.float32)
        is_best = rank == best_rank[owner]
        # First best name pair per record pair.
        first = np.full(n, -1, dtype=np.int64)
        cand = np.flatnonzero(is_best)
        first_pos = np.unique(owner[cand], return_index=True)
        first[first_pos[0]] = cand[first_pos[1]]
    else:
        first = np.zeros(0, dtype=np.int64)
    best_name_a = name_a[first]
    best_name_b = name_b[first]

    legal = _per_distinct(
        left.legal[best_name_a], right.legal[best_name_b], _legal_agreement, left.interner
    ).astype(np.int8)
    translation = translated[first] & ~empty[first]
    acronym = initialled[first] & ~empty[first]
    legal = _lift_form_variants(left, right, best_name_a, best_name_b, legal, translation)
    legal = _lift_register_forms(left, right, ia, ib, best_name_a, best_name_b, legal)
    generic_conflict = (
        _per_distinct(
            left.generic[best_name_a], right.generic[best_name_b], _generic_conflict, left.interner
        ).astype(bool)
        & ~translation
    )
    # Names that are one common word each identify by their line of business alone.
    business = np.zeros(n, dtype=bool)
    check = np.flatnonzero(generic_conflict & ~empty[first] & (left.ntok[best_name_a] == 1))
    check = check[left.core[best_name_a[check]] == right.core[best_name_b[check]]]
    if len(check):
        business[check] = (
            _per_distinct_text(
                _with_generic(left, best_name_a[check]),
                _with_generic(right, best_name_b[check]),
                common_stem.common_business,
            )
            > 0
        )
    numbers = _per_distinct(
        left.numbers[best_name_a], right.numbers[best_name_b], _number_agreement, left.interner
    ).astype(np.int8)

    ca, cb = left.country_id[ia], right.country_id[ib]  # interned: 0 is unknown
    known = (ca != 0) & (cb != 0)
    country = np.where(known, np.where(ca == cb, 1, -1), 0).astype(np.int8)

    identifiers = np.zeros(n, dtype=np.int8)
    for k in np.flatnonzero(left.has_ids[ia] & right.has_ids[ib]):
        identifiers[k] = _identifier_agreement(
            left.records[ia[k]].identifiers, right.records[ib[k]].identifiers
        )

    address_sim = np.zeros(n, dtype=np.float32)
    both = np.flatnonzero(left.has_address[ia] & right.has_address[ib])
    if len(both):
        address_sim[both] = (
            process.cpdist(
                left.address[ia[both]],
                right.address[ib[both]],
                scorer=fuzz.token_set_ratio,
                workers=cpdist_workers(len(both)),
                dtype=np.float32,
            )
            / 100.0
        )

    best_sim = sim[first] if n else np.zeros(0, dtype=np.float32)
    best_empty = empty[first]
    # Companies, vessels (persons are aligned word by word already): only pairs that could
    # still be linked are checked, once per distinct pair of names.
    unpaired = np.zeros(n, dtype=bool)
    # A translation pairs every word already (GLOBALNYE RESURSY / GLOBAL RESOURCES), and so does
    # an acronym in place of the words it initials (the other words agree: acronyms.collapse).
    check = np.flatnonzero(
        (pair_kind != "person") & ~best_empty & ~translation & ~acronym & (best_sim >= UNPAIRED_LOOK)
    )
    if len(check):
        unpaired[check] = (
            _per_distinct_text(left.core[best_name_a[check]], right.core[best_name_b[check]], _unpaired_words)
            > 0
        )
    # Words read in the other name's spelling (graph.resolve.respelt_words) pair every word of the
    # name of fewer words, as a translation does (PLANT / FACTORY are not look-alike partners).
    unpaired &= ~respelt[first]

    sibling = np.zeros(n, dtype=np.int8)  # siblings.NO_SIBLING / RARE_SIBLING / SHORT_CODE_SIBLING
    # Companies only: the word counts come from the lists' company entries.
    check = check[~unpaired[check] & (pair_kind[check] == "company")]
    if len(check):
        sibling[check] = _per_distinct_text(
            _packed(left, best_name_a[check]), _packed(right, best_name_b[check]), siblings.is_sibling
        ).astype(np.int8)

    # Companies: two places that differ, where the unpaired words do not say so already.
    places = np.zeros(n, dtype=bool)
    check = np.flatnonzero((pair_kind == "company") & ~best_empty & ~unpaired & (best_sim >= UNPAIRED_LOOK))
    check = check[(left.places[best_name_a[check]] != "") & (right.places[best_name_b[check]] != "")]
    if len(check):
        places[check] = (
            _per_distinct_text(
                left.places[best_name_a[check]], right.places[best_name_b[check]], _place_conflict
            )
            > 0
        )

    # Companies: a marker ("Affiliated Entity:") says the names are a parent and its affiliate,
    # or two affiliates of one parent (graph.resolve.marked_parts); only marked pairs are read.
    marked = np.zeros(n, dtype=bool)
    check = np.flatnonzero(left.marked[best_name_a] | right.marked[best_name_b])
    check = check[(left.written[best_name_a[check]] != "") & (right.written[best_name_b[check]] != "")]
    if len(check):
        marked[check] = (
            _per_distinct_text(left.written[best_name_a[check]], right.written[best_name_b[check]], _marked)
            > 0
        )

    person_rules = np.zeros(n, dtype=np.int16)
    check = np.flatnonzero((pair_kind == "person") & ~best_empty & (best_sim >= PERSON_LOOK))
    if len(check):
        person_rules[check] = _per_distinct_text(
            left.ordered[best_name_a[check]], right.ordered[best_name_b[check]], person_conflicts
        ).astype(np.int16)
    # JR / SR, II / III: father and son (graph.resolve.generational_suffixes), whatever the words.
    gen_a, gen_b = left.generation[best_name_a], right.generation[best_name_b]
    two_generations = (pair_kind == "person") & (gen_a > 0) & (gen_b > 0) & (gen_a != gen_b)
    person_rules[two_generations] |= GENERATION_DIFFERS

    kind_conflict = ka != kb
    kind = pair_kind
    return PairFeatures(
        name_sim=best_sim,
        best_a=left.origin[best_name_a],
        best_b=right.origin[best_name_b],
        writing_a=best_name_a - left.start[ia],
        writing_b=best_name_b - right.start[ib],
        weak=weak[first],
        empty=best_empty,
        # … whose legal forms do not conflict (a conflict leaves them empty names)
        generic_name=generic_pair[first] & (legal >= 0),
        # A slip has a name of four letters or more on one side (typo_words.MIN_LETTERS).
        # … nor names spelled alike (written_together: M.A.G. TECH / MAGTECH, six letters or more).
        short=(left.short[best_name_a] | right.short[best_name_b]) & ~slipped[first] & ~together[first],
        legal=legal,
        generic_conflict=generic_conflict,
        numbers=numbers,
        country=country,
        identifiers=identifiers,
        address_sim=address_sim,
        kind_conflict=np.asarray(kind_conflict, dtype=bool),
        kind=kind,
        unpaired=unpaired,
        person=person_rules,
        translation=translation,
        org_symbols=symbolic[first] & translation,
        sibling=sibling,
        acronym=acronym,
        slip=slipped[first] & ~best_empty,
        respelt=respelt[first] & ~best_empty,
        common_stem=withheld[first] & ~translation if n else np.zeros(0, dtype=bool),
        common_business=business,
        place_conflict=places,
        marked_body=marked,
        sound_lengths=(unheard[first] > best_sim) & ~best_empty if n else np.zeros(0, dtype=bool),
        spelled=together[first] & ~best_empty,
    )


def _one_generation(left: PreparedRecords, right: PreparedRecords) -> tuple[PreparedRecords, PreparedRecords]:
    """Both sides with their interned ids in one generation: as they are when they share one
    (always, within a batch prepared at once), else the older side moved into the newer one."""
    if left.interner is right.interner:
        return left, right
    target = max(left.interner, right.interner, key=lambda g: g.serial)
    return moved_to(left, target), moved_to(right, target)


def moved_to(prep: PreparedRecords, target: Interner) -> PreparedRecords:
    """``prep`` with its interned ids in ``target``'s generation; the copy is kept on ``prep``
    (a long-lived index compared with many later batches moves once per generation)."""
    if prep.interner is target:
        return prep
    if prep.moves and prep.moves[0].interner is target:
        return prep.moves[0]
    cols: dict[str, Any] = {c: prep.interner.moved(getattr(prep, c), target) for c in INTERNED_COLUMNS}
    moved = replace(prep, interner=target, moves=[], **cols)
    prep.moves[:] = [moved]
    return moved


def _with_generic(prep: PreparedRecords, names: np.ndarray) -> np.ndarray:
    """Names as :func:`graph.resolve.common_stem.common_business` reads them: sorted distinctive
    words, then sorted generic words."""
    return np.array(
        [siblings.pack(prep.core[k], prep.interner.strings[int(prep.generic[k])]) for k in names.tolist()],
        dtype=object,
    )


def _packed(prep: PreparedRecords, names: np.ndarray) -> np.ndarray:
    """Names as :func:`graph.resolve.siblings.pack` lays them out."""
    return np.array(
        [
            siblings.pack(c, w)
            for c, w in zip(prep.core[names].tolist(), prep.words[names].tolist(), strict=True)
        ],
        dtype=object,
    )


@dataclass(frozen=True)
class Contributions:
    """Log-odds contribution of each feature, per pair; ``score = sigmoid(sum)``."""

    name: np.ndarray
    short: np.ndarray
    legal: np.ndarray
    generic: np.ndarray
    numbers: np.ndarray
    country: np.ndarray
    identifiers: np.ndarray
    address: np.ndarray
    kind: np.ndarray
    unpaired: np.ndarray
    person: np.ndarray
    sibling: np.ndarray
    business: np.ndarray
    place: np.ndarray
    marked: np.ndarray

    def total(self) -> np.ndarray:
        return (
            self.name
            + self.unpaired
            + self.person
            + self.sibling
            + self.business
            + self.place
            + self.marked
            + self.short
            + self.legal
            + self.generic
            + self.numbers
            + self.country
            + self.identifiers
            + self.address
            + self.kind
        )


def gendered_cut(name: np.ndarray) -> np.ndarray:
    """The contribution of the ``gendered_forms`` person rule given the name's: what brings the
    name down to ``WEIGHTS["gendered_forms"]``. A man's and a woman's form of one given name are
    two relatives or a slip of one letter, so the pair goes to review however alike the rest of
    the names are — and not below review: a fixed weight would send the pairs whose names are
    spelt a little apart too (ALEXANDER IVANOV / ALEKSANDRA IVANOVA) to no."""
    return np.minimum(0.0, WEIGHTS["gendered_forms"] - name)


def syllable_cut(name: np.ndarray) -> np.ndarray:
    """The contribution of a swapped syllable (``siblings.SYLLABLE_SIBLING``) given the name's:
    what brings the name down to ``WEIGHTS["syllable_sibling"]``, so that the pair goes to review
    however alike the letters are, and not below it (see :func:`gendered_cut`)."""
    return np.minimum(0.0, WEIGHTS["syllable_sibling"] - name)


def contributions(f: PairFeatures) -> Contributions:
    """Turn feature columns into log-odds contributions (the one place weights apply)."""
    params = _params_columns(f.kind)
    slope, centre = params["slope"], params["centre"]
    name = slope * (f.name_sim - centre)
    name = np.where(f.weak, np.minimum(name, WEIGHTS["weak_alias_cap"]), name)
    name = np.where(f.empty, np.float32(WEIGHTS["empty_name"]), name)
    w = WEIGHTS
    legal = np.select(
        [f.legal == 3, f.legal == 2, f.legal == 1, f.legal == -1, f.legal == -2, f.legal == -3],
        [
            w["legal_variant"],
            w["legal_same"],
            w["legal_agree"],
            w["legal_conflict"],
            w["jurisdiction_conflict"],
            w["legal_family"],
        ],
        0.0,
    )
    numbers = np.select([f.numbers == -1, f.numbers < -1], [w["number_missing"], w["number_conflict"]], 0.0)
    country = np.select([f.country > 0, f.country < 0], [w["country_agree"], w["country_conflict"]], 0.0)
    ids = np.select(
        [f.identifiers > 0, f.identifiers < 0], [w["identifier_agree"], w["identifier_conflict"]], 0.0
    )
    address = w["address_max"] * np.clip((f.address_sim - ADDRESS_FLOOR) / (1.0 - ADDRESS_FLOOR), 0.0, 1.0)
    # Companies of one group told apart by a short code (AQ / BQ WIDGETWORKS) are registered in one
    # country and often at one address (one group, one building): agreeing there is no evidence that
    # the two codes are one company, so it cannot lift such a pair to a match. A country that
    # differs still counts against. (Not for a rare extra word: "HUAWEI" / "HUAWEI CLOUD" may be
    # one company's short and full names, which an agreeing address does speak for.)
    code_sibling = f.sibling == siblings.SHORT_CODE_SIBLING
    # A man and a woman of one family (gendered_forms) share a country and often an address too.
    gendered = (f.person & GENDERED_FORMS) > 0
    # Two companies of Korean (or Chinese) names are mostly of one country: agreeing there says
    # nothing of whether the syllables are one (an agreeing address still counts).
    syllabic = f.sibling == siblings.SYLLABLE_SIBLING
    country = np.where(code_sibling | gendered | syllabic, np.minimum(country, 0.0), country)
    address = np.where(code_sibling | gendered, 0.0, address)
    # The same line-of-business words alone (graph.resolve.generic_names): review, never a match on
    # the name, legal form, country and address — only an equal identifier makes one.
    # A weak alias counts no more than it would otherwise (weak_alias_cap).
    generic_name = np.minimum(GENERIC_NAME_WEIGHT, GENERIC_CEILING - (legal + country + address))
    generic_name = np.where(f.weak, np.minimum(generic_name, w["weak_alias_cap"]), generic_name)
    name = np.where(f.generic_name, generic_name, name)
    return Contributions(
        name=name.astype(np.float64),
        short=np.where(f.short & ~f.empty, w["short_name"], 0.0),
        legal=legal,
        generic=np.where(f.generic_conflict & ~f.empty, w["generic_conflict"], 0.0),
        numbers=np.where(f.empty, 0.0, numbers),
        country=country,
        identifiers=ids,
        address=address.astype(np.float64),
        kind=np.where(f.kind_conflict, w["kind_conflict"], 0.0),
        unpaired=np.where(f.unpaired, w["unpaired_words"], 0.0),
        person=sum(
            (
                np.where((f.person & bit) > 0, w[name], 0.0)
                for bit, name in RULE_FEATURES.items()
                if bit != GENDERED_FORMS
            ),
            np.where(gendered, gendered_cut(name.astype(np.float64)), 0.0),
        ),
        sibling=np.select(
            [f.sibling == siblings.RARE_SIBLING, f.sibling == siblings.SHORT_CODE_SIBLING, syllabic],
            [w["sibling_words"], w["short_code_sibling"], syllable_cut(name.astype(np.float64))],
            0.0,
        ),
        business=np.where(f.common_business, w["common_business"], 0.0),
        place=np.where(f.place_conflict, w["place_conflict"], 0.0),
        marked=np.where(f.marked_body, w["marked_body"], 0.0),
    )
