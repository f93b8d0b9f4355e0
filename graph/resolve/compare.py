"""``compare(a, b)``: the explainable score of one pair of records.

Pure and symmetric: the same two records always give the same :class:`Match`, whichever
comes first. The number comes from the same feature columns and weights as the batch
scorer (:mod:`graph.resolve.features`); this module adds the words — a :class:`Reason`
per feature with its log-odds contribution and what was compared.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

import numpy as np

from graph.resolve import (
    corporatisation,
    free_zones,
    letterless,
    marked_parts,
    org_symbols,
    place_initials,
    place_qualifiers,
    private_limited,
    register_forms,
    sound_lengths,
    unknown_kinds,
)
from graph.resolve.acronym_parts import best_part
from graph.resolve.acronym_parts import describe as describe_part
from graph.resolve.acronyms import best_collapse, describe_collapse, run_words
from graph.resolve.align import align_person, align_words, compounds_used, describe_alignment, is_contraction
from graph.resolve.arabic_compounds import allah_form, element_part, rewritten
from graph.resolve.arabic_spellings import article_writing, both_write_article
from graph.resolve.body_kinds import describe as describe_kinds
from graph.resolve.body_kinds import same_kind
from graph.resolve.common_stem import common_stem
from graph.resolve.countries import country_code
from graph.resolve.cut_words import marked_core
from graph.resolve.dedications import dedication
from graph.resolve.egyptian_jim import same_jim
from graph.resolve.features import (
    FORM_VARIANT_NAME_RATIO,
    SHORT_NAME_CHARS,
    WEIGHTS,
    KindParams,
    PairFeatures,
    Record,
    contributions,
    gendered_cut,
    lone_words,
    pair_features,
    prepare,
    scored_names,
)
from graph.resolve.form_names import describe as describe_form_name
from graph.resolve.form_typos import keyed_as_written
from graph.resolve.form_variants import absorbed_words, form_variant
from graph.resolve.gendered_names import gendered_forms
from graph.resolve.generational_suffixes import suffix_word
from graph.resolve.generic_names import describe as describe_generic_name
from graph.resolve.generic_names import describe_conflict as describe_generic_conflict
from graph.resolve.generic_names import same_generic_name
from graph.resolve.given_names import same_given_name
from graph.resolve.middle_initials import middle_initial_similarity, middle_initials
from graph.resolve.name_clauses import describe as describe_clauses
from graph.resolve.names import (
    GENERIC_WORDS,
    NameForm,
    correct_generic,
    normalise_name,
    number_rewrites,
    person_honorifics,
)
from graph.resolve.nasab_particles import same_particle
from graph.resolve.onset_slips import describe as describe_slips
from graph.resolve.onset_slips import onset_slip
from graph.resolve.ordinals import describe as describe_numbers
from graph.resolve.org_translate import explain, org_view, same_by_translation
from graph.resolve.person_rules import (
    GENDERED_FORMS,
    GENERATION_DIFFERS,
    RULE_FEATURES,
    describe_conflicts,
    written_order,
    written_tokens,
)
from graph.resolve.place_names import renamed
from graph.resolve.readings import AS_WRITTEN, OWN_ACRONYM, PERSON_PART, part_reason, reading_base, reason
from graph.resolve.reregistration import MIN_NAME_LETTERS, MIN_NAME_WORDS
from graph.resolve.respelt_words import describe as describe_respelt
from graph.resolve.russian_compounds import compound_reading
from graph.resolve.russian_compounds import describe as describe_compound
from graph.resolve.russian_initials import describe as describe_russian
from graph.resolve.russian_initials import russian_initialism
from graph.resolve.self_acronyms import describe as describe_own_acronyms
from graph.resolve.siblings import SHORT_CODE_SIBLING, SYLLABLE_SIBLING, other_words, pack, sibling_evidence
from graph.resolve.sound_shifts import same_shifted
from graph.resolve.sun_articles import articles
from graph.resolve.syllable_names import same_syllables
from graph.resolve.typo_words import single_slip, swapped_form
from graph.resolve.written_together import describe as describe_spelled
from graph.resolve.written_together import spelled

__all__ = [
    "DEFAULT_THRESHOLDS",
    "Decision",
    "KindParams",
    "Match",
    "Reason",
    "Record",
    "Thresholds",
    "compare",
    "decide",
]


class Decision(StrEnum):
    MATCH = "match"
    POSSIBLE = "possible"
    NO = "no"


@dataclass(frozen=True)
class Thresholds:
    match: float
    possible: float


#: The default decision thresholds — the one place they are set.
DEFAULT_THRESHOLDS = Thresholds(match=0.8, possible=0.5)


@dataclass(frozen=True)
class Reason:
    """One piece of evidence: the feature, its value, its log-odds contribution, in words."""

    feature: str
    value: float
    contribution: float
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Match:
    score: float
    decision: Decision
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "decision": self.decision.value,
            "reasons": [r.to_dict() for r in self.reasons],
        }


#: The legal-form feature's values in words (see ``features._legal_agreement``).
LEGAL_WORDS: dict[int, str] = {
    3: "one legal form written two ways",
    2: "the same legal form",
    1: "same legal-form type",
    0: "compatible legal forms",
    -1: "different legal-form types",
    -2: "legal forms of different jurisdictions",
    -3: "different legal forms (two legal persons, such as sibling companies)",
}

#: What two names must share for one form written two ways (``features._lift_form_variants``)
#: to lift a conflict, said when the forms are such a variant but the names fall short: the
#: conflict then stands because the names differ, not because the forms are foreign to each other.
_VARIANT_NEEDS = (
    f"the same line-of-business words and the distinctive words {FORM_VARIANT_NAME_RATIO:.2f} alike"
)
VARIANT_NEEDS: dict[str, str] = {
    "translation": _VARIANT_NEEDS,
    "written in full": _VARIANT_NEEDS,
    "free zone": _VARIANT_NEEDS,
    "corporatisation": f"GROUP in both names, {_VARIANT_NEEDS}",
    "re-registration": (
        f"every distinctive word paired, at least {MIN_NAME_WORDS} of them and {MIN_NAME_LETTERS} letters"
    ),
}


def decide(score: float, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> Decision:
    if score >= thresholds.match:
        return Decision.MATCH
    if score >= thresholds.possible:
        return Decision.POSSIBLE
    return Decision.NO


def _aligned_text(rec: Record, writing: np.ndarray) -> str:
    """The writing of a name the scorer aligned (``features.scored_names``: a name written with
    its own bracketed acronym may have been read without it, a name carrying list prose as the
    names it holds)."""
    return scored_names(rec)[int(writing[0])][0]


#: Scripts as an officer names them (``names.detect_script`` gives the Unicode names).
_SCRIPT_NAMES = {"CJK": "Chinese or Japanese", "HANGUL": "Korean (Hangul)"}


def _romanised_from(form: NameForm, quote: bool = False) -> str:
    """Where the words of a name written in another script than the Latin one come from ("" for
    a Latin name): 'JMH HL LSNH' alone cannot be checked against the list. ``quote``: with the
    name as published, for a reason that does not quote it already."""
    if form.script in ("LATIN", "NONE"):
        return ""
    where = f" {form.original!r}" if quote else ""
    if form.script == "MIXED":
        return f"partly romanised from another script{where}"
    script = _SCRIPT_NAMES.get(form.script, form.script.title())
    return f"romanised from the {script} script{' of' + where if quote else ''}"


def _words_shown(form: NameForm) -> str:
    """The distinctive words of ``form`` quoted, said to be romanised when they are."""
    source = _romanised_from(form)
    return repr(" ".join(form.distinctive)) + (f" ({source})" if source else "")


def _aligned_forms(a: Record, b: Record, f: PairFeatures) -> tuple[NameForm, NameForm]:
    """The forms of the aligned names as the scorer read them."""
    return normalise_name(_aligned_text(a, f.writing_a), a.kind), normalise_name(
        _aligned_text(b, f.writing_b), b.kind
    )


def _clause_reasons(a: Record, b: Record, f: PairFeatures) -> list[Reason]:
    """A name read as the names its list prose holds (:mod:`graph.resolve.name_clauses`):
    evidence already in the name similarity, so no contribution of its own."""
    out = []
    for rec, best, writing in ((a, f.best_a, f.writing_a), (b, f.best_b, f.writing_b)):
        published = (rec.names or ("",))[int(best[0])]
        text, _, how = scored_names(rec)[int(writing[0])]
        if how == AS_WRITTEN and text != published:
            out.append(Reason("name_clause", 1.0, 0.0, describe_clauses(published, text)))
    return out


def weak_alias_detail(a: Record, b: Record, ia: int, ib: int) -> str:
    """Which of the aligned names (``a.names[ia]``, ``b.names[ib]``) is a weak alias, and why it
    weighs little: the officer sees the name the list itself calls weak."""
    weak = [repr(rec.names[i]) for rec, i in ((a, ia), (b, ib)) if i in rec.weak and i < len(rec.names)]
    which = " and ".join(weak) if weak else "the name"
    verb = "are weak aliases" if len(weak) > 1 else "is a weak alias"
    return f"{which} {verb} (the list's low-quality a.k.a.), which cannot make a match on its own"


def _name_reason(a: Record, b: Record, f: PairFeatures, contribution: float) -> Reason:
    ia, ib = int(f.best_a[0]), int(f.best_b[0])
    names_a = a.names or ("",)
    names_b = b.names or ("",)
    name_a, name_b = names_a[ia], names_b[ib]
    form_a, form_b = _aligned_forms(a, b, f)
    sim = float(f.name_sim[0])
    # Empty for want of a distinctive word (either side), else for want of a letter.
    wordless = len("".join(form_a.distinctive)) < 2 or len("".join(form_b.distinctive)) < 2
    if bool(f.generic_name[0]):
        detail = describe_generic_name(name_a, name_b, form_a.generic)
    elif bool(f.empty[0]) and a.kind == b.kind == "company" and same_generic_name(form_a, form_b):
        detail = describe_generic_conflict(name_a, name_b, form_a.generic)  # legal forms conflict
    elif bool(f.empty[0]) and not wordless:
        detail = letterless.describe(name_a if letterless.is_no_name(name_a, a.kind) else name_b)
    elif bool(f.empty[0]):
        empty_side = name_a if not form_a.distinctive else name_b
        detail = (
            f"{empty_side!r} has no distinctive word (only legal forms, generic or stop-words, "
            "or nothing readable): a name like that cannot identify anyone"
        )
    else:
        detail = (
            f"aligned {name_a!r} with {name_b!r}: distinctive words "
            f"{_words_shown(form_a)} vs {_words_shown(form_b)}, "
            f"similarity {sim:.2f}"
        )
        if a.kind == "person" and b.kind == "person":
            words = describe_alignment(
                written_order(_aligned_text(a, f.writing_a)), written_order(_aligned_text(b, f.writing_b))
            )
            detail += f"; words aligned: {words}"
        if bool(f.weak[0]):
            detail += "; " + weak_alias_detail(a, b, ia, ib)
        if form_a.truncated or form_b.truncated:
            detail += "; an over-long name was cut before comparison"
    return Reason("name", round(sim, 4), round(contribution, 3), detail)


def _initialism_reasons(
    a: Record, b: Record, f: PairFeatures, form_a: NameForm, form_b: NameForm
) -> list[Reason]:
    """Own bracketed acronyms, acronyms across the names and ordinals read as numbers
    (:mod:`graph.resolve.acronyms`, :mod:`graph.resolve.ordinals`): evidence already in the name
    similarity, so no contribution of their own."""
    out = []
    for rec, best, writing in ((a, f.best_a, f.writing_a), (b, f.best_b, f.writing_b)):
        # How the aligned writing was read follows from its place in scored_names.
        text, _, how = scored_names(rec)[int(writing[0])]
        if how == PERSON_PART:
            feature, detail = part_reason((rec.names or ("",))[int(best[0])], text)
            out.append(Reason(feature, 1.0, 0.0, detail))
        published = (rec.names or ("",))[int(best[0])]
        # Another reading may have been read from the name without its own acronym (readings).
        base = reading_base(published, text, how) if how not in (AS_WRITTEN, OWN_ACRONYM) else published
        if how == OWN_ACRONYM or base != published:
            out.append(Reason("own_acronym", 1.0, 0.0, describe_own_acronyms(published)))
        read = reason(base, how)
        if read is not None:  # a subsidiary, a name without a foreign acronym … (graph.resolve.readings)
            out.append(Reason(read[0], 1.0, 0.0, read[1]))
    if f.acronym[0]:
        core_a, core_b = " ".join(sorted(form_a.distinctive)), " ".join(sorted(form_b.distinctive))
        seq_a, seq_b = " ".join(run_words(form_a.folded)), " ".join(run_words(form_b.folded))
        part = (
            None if best_collapse(core_a, seq_a, core_b, seq_b) else best_part(core_a, seq_a, core_b, seq_b)
        )
        detail = (
            describe_part(part) if part else describe_collapse(core_a, form_a.folded, core_b, form_b.folded)
        )
        out.append(Reason("acronym", 1.0, 0.0, detail))
    if a.kind != "person" and b.kind != "person" and not bool(f.empty[0]):
        numbered = number_rewrites(form_a) + number_rewrites(form_b)
        if numbered:
            out.append(Reason("ordinal", 1.0, 0.0, describe_numbers(numbered)))
    return out


def _generic_spelling_details(form_a: NameForm, form_b: NameForm) -> list[str]:
    """How each name's line-of-business and legal words were read (``names.correct_generic``):
    one detail per name, or one for both when they write the same words the same way."""
    read: dict[str, list[str]] = {}
    for form in (form_a, form_b):
        fixed = [f"{t} as {correct_generic(t)}" for t in form.folded.split() if correct_generic(t) != t]
        if fixed:
            read.setdefault(", ".join(fixed), []).append(repr(form.original))
    return [
        f"{' and '.join(names)} {'write' if len(names) > 1 else 'writes'} line-of-business or legal words "
        f"in another form (singular or plural, another language's spelling, a romanisation, a cut or a "
        f"misspelling), read {fixed}"
        for fixed, names in read.items()
    ]


def _word_pairs_reason(feature: str, pairs: list[tuple[str, str]], why: str) -> list[Reason]:
    """One reason listing the aligned word pairs a rule read as one name (none when no pair)."""
    if not pairs:
        return []
    return [Reason(feature, 1.0, 0.0, ", ".join(f"{x} / {y}" for x, y in pairs) + f": {why}")]


#: Person rules that read two aligned words as one name: (reason, rule, why), one reason each.
_PERSON_WORD_RULES: tuple[tuple[str, Callable[[str, str], bool], str], ...] = (
    (
        "given_name_forms",
        # a son's and a daughter's patronymic of one name are the gendered_forms rule's
        lambda x, y: same_given_name(x, y) and not gendered_forms(x, y),
        "one given name in two forms (Russian, Ukrainian or Belarusian; Arabic or European; a "
        "familiar form) or patronymics of one, not two names",
    ),
    (
        "allah_form",
        allah_form,
        "one ALLAH name, once in the form with a final I that West African and Somali spelling "
        "give it, not a surname made from the given name",
    ),
    (
        "nasab_particle",
        same_particle,
        "one particle of an Arabic name chain (son or daughter of) in two languages (BIN, IBN, "
        "BEN, OULD, AG; BINT, MINT), not two names",
    ),
    (
        "egyptian_jim",
        lambda x, y: (
            element_part(x) is not x
            and element_part(y) is not y
            and same_jim(element_part(x), element_part(y))
        ),
        "one ABD name element in Egyptian spelling, which writes the Arabic letter jim as G (GU before "
        "E or I: ABDEL MEGUID for ABD AL-MAJID), not two names",
    ),
    (
        "sound_shift",
        lambda x, y: same_shifted(element_part(x), element_part(y)),
        "one Arabic name in the spelling of two languages (Persian, Urdu, Turkish: Z for D / DH, "
        "S for TH, GH for Q; French: OU for W, CH for SH; Malay: SY for SH; Russian: G for H), "
        "not two names",
    ),
)


def _reasons(a: Record, b: Record, f: PairFeatures) -> tuple[Reason, ...]:
    c = contributions(f)
    reasons = [_name_reason(a, b, f, float(c.name[0])), *_clause_reasons(a, b, f)]
    if c.short[0]:
        reasons.append(
            Reason(
                "short_name", 1.0, float(c.short[0]), "distinctive part of 3 letters or fewer: weak evidence"
            )
        )
    form_a, form_b = _aligned_forms(a, b, f)
    if form_a.legal_form and form_b.legal_form:
        legal = int(f.legal[0])
        word = LEGAL_WORDS[legal]
        detail = (
            f"{word}: {form_a.legal_form_text} ({form_a.legal_form}) vs "
            f"{form_b.legal_form_text} ({form_b.legal_form})"
        )
        if legal == -3 and (
            how := form_variant(
                form_a.legal_form_text, form_a.legal_run, form_b.legal_form_text, form_b.legal_run
            )
        ):
            detail += (
                f"; {form_a.legal_form_text} and {form_b.legal_form_text} can be one form ({how}), relied"
                f" on only where the names agree closely ({VARIANT_NEEDS[how]}): these names do not,"
                " so the conflict stands"
            )
        if legal == 3:
            how = form_variant(
                form_a.legal_form_text, form_a.legal_run, form_b.legal_form_text, form_b.legal_run
            )
            if how:
                detail += f" ({how}: no conflict, the names agree)"
            else:  # one form of the records' country (graph.resolve.register_forms)
                detail += f" (no conflict: {register_forms.reason(country_code(a.country))})"
            if how == "re-registration":
                detail += "; Russian companies re-register (OAO to PAO, ZAO to AO, OOO to AO)"
            elif how == "written in full":
                for form in (form_a, form_b):
                    if words := sorted(absorbed_words(form.legal_run) - set(form.generic)):
                        detail += f"; {form.original!r} writes {' '.join(words)} within its legal form"
            elif how == "corporatisation":
                detail += f"; {corporatisation.REASON}"
            elif how == "free zone":
                detail += f"; {free_zones.REASON}"
        if private_limited.private_and_limited(form_a.legal_form_text, form_b.legal_form_text):
            detail += f"; {private_limited.REASON}"
        if swapped_form(form_a.legal_form_text, form_b.legal_form_text):
            detail += " (one form with two neighbouring letters swapped: a keying slip, no conflict)"
        for form in (form_a, form_b):
            if form.legal_run and not keyed_as_written(form.legal_run, form.folded):
                detail += f"; {form.original!r} keys its form with a typo, read as {form.legal_run!r}"
        reasons.append(Reason("legal_form", float(legal), float(c.legal[0]), detail))
    if f.numbers[0]:
        nums_a, nums_b = " ".join(form_a.numbers) or "(none)", " ".join(form_b.numbers) or "(none)"
        detail = f"numbers differ: {nums_a} vs {nums_b}"
        reasons.append(Reason("numbers", float(f.numbers[0]), float(c.numbers[0]), detail))
    elif form_a.numbers != form_b.numbers:
        nums_a, nums_b = " ".join(form_a.numbers), " ".join(form_b.numbers)
        detail = f"numbers {nums_a} and {nums_b} are one number: a roman numeral compared by its value"
        reasons.append(Reason("roman_numeral", 1.0, 0.0, detail))
    if f.org_symbols[0]:
        detail = org_symbols.explain(" ".join(form_a.tokens), " ".join(form_b.tokens))
        reasons.append(Reason("org_symbols", 1.0, 0.0, detail))
    elif f.translation[0]:
        view_a, view_b = org_view(form_a.tokens, GENERIC_WORDS), org_view(form_b.tokens, GENERIC_WORDS)
        # One name in two languages, or once a place's initials in a type abbreviation are read.
        same = same_by_translation(view_a, view_b)
        read = explain(view_a, view_b) if same else place_initials.explain(view_a, view_b)
        if not read and (hit := russian_initialism(form_a.tokens, form_b.tokens)) is not None:
            read = [("russian_initials", describe_russian(hit))]  # VIT = MILITARY INNOVATIVE …
        if not read and (compound := compound_reading(form_a.tokens, form_b.tokens)) is not None:
            read = [("russian_compound", describe_compound(compound))]  # ROSOBORONEKSPORT = RUSSIAN …
        reasons.extend(Reason(feature, 1.0, 0.0, detail) for feature, detail in read)
    reasons.extend(_initialism_reasons(a, b, f, form_a, form_b))
    for variant, name in renamed(tuple(form_a.folded.split())) + renamed(tuple(form_b.folded.split())):
        if name in form_a.tokens and name in form_b.tokens:
            detail = (
                f"{variant} is {name}: one city under two names (data/reference/place_names.csv), "
                "compared under one spelling in the name similarity above"
            )
            reasons.append(Reason("place_name", 1.0, 0.0, detail))
    if a.kind != "person" and not bool(f.empty[0]):
        reasons.extend(
            Reason("generic_spelling", 1.0, 0.0, d) for d in _generic_spelling_details(form_a, form_b)
        )
    if f.spelled[0]:
        text = spelled(form_a.folded, form_a.legal_run)
        reasons.append(
            Reason("written_together", 1.0, 0.0, describe_spelled(form_a.original, form_b.original, text))
        )
    for form in (form_a, form_b):
        # A name that is all legal form, read as its words (graph.resolve.form_names).
        if form.distinctive and not form.tokens and form.legal_form_text and a.kind != "person":
            detail = describe_form_name(form.original, form.legal_form_text, form.distinctive)
            reasons.append(Reason("form_name", 1.0, 0.0, detail))
    for form in (form_a, form_b):
        dropped = dedication(tuple(form.folded.split()))
        if dropped and not bool(f.empty[0]):
            detail = (
                f"{form.original!r} carries a dedication: {' '.join(dropped)} (marker, initials, title) "
                "not compared, the namesake's surname compared in the nominative"
            )
            reasons.append(Reason("dedication", 1.0, 0.0, detail))
    if f.slip[0]:
        core_a, core_b = " ".join(sorted(form_a.distinctive)), " ".join(sorted(form_b.distinctive))
        x, y = single_slip(core_a, core_b) or ("?", "?")
        detail = (
            f"the names differ only by one keying slip in one word ({x} vs {y}: a letter dropped, "
            "neighbours swapped or a neighbouring key), with the same line-of-business words: "
            "one name mistyped, counted in the name similarity above"
        )
        if min(len(core_a.replace(" ", "")), len(core_b.replace(" ", ""))) <= SHORT_NAME_CHARS:
            detail += f"; {min(x, y, key=len)} is the longer name mistyped, not a short name"
        reasons.append(Reason("keying_slip", 1.0, 0.0, detail))
    if f.respelt[0]:
        # as the scorer read them: a word cut short with a dot marked (graph.resolve.cut_words)
        core_a, core_b = (
            marked_core(form_a.original, form_a.distinctive),
            marked_core(form_b.original, form_b.distinctive),
        )
        arabic = both_write_article(article_writing(form_a.tokens), article_writing(form_b.tokens))
        detail = (
            f"words written another way read as one: {describe_respelt(core_a, core_b, arabic)}; the names' "
            "words compared again in one spelling, counted in the name similarity above"
        )
        if arabic:
            detail += (
                "; both names write the Arabic article, so Arabic romanisations are read and no "
                "word need be spelt alike"
            )
        reasons.append(Reason("respelt_words", 1.0, 0.0, detail))
    if f.unpaired[0]:
        core_a, core_b = " ".join(sorted(form_a.distinctive)), " ".join(sorted(form_b.distinctive))
        lone_a, lone_b = lone_words(core_a, core_b)
        detail = (
            f"each name keeps a distinctive word the other lacks ({' '.join(lone_a)} vs "
            f"{' '.join(lone_b)}): a shared stem with different distinguishing words names "
            "sibling entities, not two spellings of one"
        )
        if a.kind == b.kind == "company":
            # The scorer counts two places that differ once, as these words (features): say so.
            names_a, names_b = a.names or ("",), b.names or ("",)
            text_a, text_b = names_a[int(f.best_a[0])], names_b[int(f.best_b[0])]
            if place_qualifiers.place_conflict(text_a, text_b):
                detail += f"; {place_qualifiers.describe_conflict(text_a, text_b)}"
        reasons.append(Reason("unpaired_words", -1.0, float(c.unpaired[0]), detail))
    elif a.kind != "person" and b.kind != "person" and not bool(f.empty[0]):
        core_a, core_b = " ".join(sorted(form_a.distinctive)), " ".join(sorted(form_b.distinctive))
        lone_a, lone_b = lone_words(core_a, core_b)
        if lone_a and same_kind(lone_a, lone_b):
            reasons.append(Reason("body_kind", 1.0, 0.0, describe_kinds(lone_a, lone_b)))
    if a.kind == "person" and b.kind == "person" and not bool(f.empty[0]):
        titles = person_honorifics(form_a.original) + person_honorifics(form_b.original)
        if titles:
            detail = f"honorifics are titles, not names: {' '.join(titles)} not compared"
            reasons.append(Reason("honorific", 1.0, 0.0, detail))
        rewrites = rewritten(form_a.tokens) + rewritten(form_b.tokens)
        if rewrites:
            detail = ", ".join(f"{was} as {word}" for was, word in rewrites) + (
                ": Arabic compound name elements (ABD AL-X, X AL-DIN, X ALLAH) are one word, "
                "however their article is written or where they are split; an ABD element is "
                "compared by its part"
            )
            reasons.append(Reason("arabic_compound", 1.0, 0.0, detail))
        text_a, text_b = _aligned_text(a, f.writing_a), _aligned_text(b, f.writing_b)
        sun = articles(written_tokens(text_a)) + articles(written_tokens(text_b))
        if sun:
            detail = ", ".join(sun) + (
                ": the Arabic article AL written as the sun letter it assimilates to (AS-SAYED, "
                "AR-RASHID), an article like AL, not a name"
            )
            reasons.append(Reason("sun_article", 1.0, 0.0, detail))
        order_a, order_b = written_order(text_a), written_order(text_b)
        core_a, core_b = " ".join(sorted(order_a.split())), " ".join(sorted(order_b.split()))
        if same_syllables(order_a, order_b) and order_a != order_b:
            detail = (
                f"{order_a} / {order_b}: Korean or Chinese names of the same syllables in two "
                "romanisations (pinyin / Wade-Giles, McCune-Reischauer / Revised), however the "
                "words are split: one name (in the name similarity above)"
            )
            reasons.append(Reason("same_syllables", 1.0, 0.0, detail))
        aligned = [(x, y) for x, y, _ in align_words(order_a, order_b) if x and y and x != y]
        for feature, one_name, why in _PERSON_WORD_RULES:
            reasons += _word_pairs_reason(feature, [(x, y) for x, y in aligned if one_name(x, y)], why)
        slips = [(x, y, kind) for x, y in aligned if (kind := onset_slip(element_part(x), element_part(y)))]
        if slips:
            reasons.append(Reason("onset_slip", 1.0, 0.0, describe_slips(slips)))
        reasons += _word_pairs_reason(
            "contraction",
            [(x, y) for x, y in aligned if is_contraction(x, y) or is_contraction(y, x)],
            "a contraction (first and last letters kept, no vowel between) is the word it shortens, "
            "credited like an initial",
        )
        for word, x, y in compounds_used(core_a, core_b):
            detail = (
                f"{word} is {x} {y} written as one word (name elements are joined or split "
                "at will): compared as one word, in the name similarity above"
            )
            reasons.append(Reason("compound_name", 1.0, 0.0, detail))
        middle = middle_initials(order_a.split(), order_b.split())
        if middle is not None and middle_initial_similarity(order_a, order_b) > align_person(core_a, core_b):
            side, letters = middle
            detail = (
                f"{' '.join(letters)} of {(text_a, text_b)[side]!r}: a middle initial the other name "
                "leaves out, between words both names write (Spanish names write the mother's "
                "surname where another writing has a middle initial), costing what an extra word "
                "costs, in the name similarity above"
            )
            reasons.append(Reason("middle_initial", 1.0, 0.0, detail))
    if f.person[0]:
        order_a = written_order(_aligned_text(a, f.writing_a))
        order_b = written_order(_aligned_text(b, f.writing_b))
        for bit, detail in describe_conflicts(order_a, order_b):
            name = RULE_FEATURES[bit]
            weight = float(gendered_cut(c.name)[0]) if bit == GENDERED_FORMS else WEIGHTS[name]
            reasons.append(Reason(name, -1.0, weight, detail))
    if f.person[0] & GENERATION_DIFFERS:
        text_a, text_b = _aligned_text(a, f.writing_a), _aligned_text(b, f.writing_b)
        detail = (
            f"the names carry the generational suffixes {suffix_word(text_a)} / {suffix_word(text_b)}: "
            "two bearers of one name a generation apart (a father and his son), not one person by "
            "the name alone"
        )
        reasons.append(Reason("generation_differs", -1.0, WEIGHTS["generation_differs"], detail))
    packed_a = pack(" ".join(sorted(form_a.distinctive)), other_words(form_a))
    packed_b = pack(" ".join(sorted(form_b.distinctive)), other_words(form_b))
    if f.sibling[0]:
        found = sibling_evidence(packed_a, packed_b)
        detail = found.describe() if found else "sibling entities by the rarity of their words"
        feature = {SHORT_CODE_SIBLING: "short_code_sibling", SYLLABLE_SIBLING: "syllable_sibling"}.get(
            float(f.sibling[0]), "sibling_words"
        )
        reasons.append(Reason(feature, -1.0, float(c.sibling[0]), detail))
    if f.common_stem[0]:
        stem = common_stem(packed_a, packed_b)
        detail = stem.describe() if stem else "one common word does not identify a shortened name"
        reasons.append(Reason("common_word", 1.0, 0.0, detail))
    if f.sound_lengths[0]:
        joined_a, joined_b = "".join(form_a.distinctive), "".join(form_b.distinctive)
        key_a, key_b = " ".join(sorted(form_a.phonetic)), " ".join(sorted(form_b.phonetic))
        detail = sound_lengths.SoundLengths(
            joined_a,
            joined_b,
            key_a,
            key_b,
            " ".join(form_a.distinctive),
            " ".join(form_b.distinctive),
            _romanised_from(form_a, quote=True),
            _romanised_from(form_b, quote=True),
        ).describe()
        reasons.append(Reason("sound_lengths", 1.0, 0.0, detail))
    if f.common_business[0]:
        detail = (
            f"both names are the one common word {' '.join(form_a.distinctive)!r} and name no line of "
            f"business in common ({' '.join(form_a.generic)} vs {' '.join(form_b.generic)}): with a "
            "common word, the line of business is what tells two companies apart"
        )
        reasons.append(Reason("common_business", -1.0, float(c.business[0]), detail))
    if f.place_conflict[0]:
        names_a, names_b = a.names or ("",), b.names or ("",)
        detail = place_qualifiers.describe_conflict(names_a[int(f.best_a[0])], names_b[int(f.best_b[0])])
        reasons.append(Reason("place_conflict", -1.0, float(c.place[0]), detail))
    if f.marked_body[0]:
        names_a, names_b = a.names or ("",), b.names or ("",)
        detail = marked_parts.describe(names_a[int(f.best_a[0])], names_b[int(f.best_b[0])])
        reasons.append(Reason("marked_body", -1.0, float(c.marked[0]), detail))
    if c.generic[0]:
        reasons.append(
            Reason("generic_words", -1.0, float(c.generic[0]), "line-of-business words differ, none shared")
        )
    code_sibling = f.sibling[0] == SHORT_CODE_SIBLING
    gendered = bool(f.person[0] & GENDERED_FORMS)
    if f.country[0]:
        agree = int(f.country[0]) > 0
        detail = f"country {'agrees' if agree else 'differs'}: {a.country} vs {b.country}"
        if agree and code_sibling:
            detail += f" (not counted: {_GROUP_SHARES})"
        elif agree and f.sibling[0] == SYLLABLE_SIBLING:
            detail += f" (not counted: {_ONE_LANGUAGE})"
        elif agree and gendered:
            detail += f" (not counted: {_FAMILY_SHARES})"
        reasons.append(Reason("country", float(f.country[0]), float(c.country[0]), detail))
    if f.identifiers[0]:
        agree = int(f.identifiers[0]) > 0
        detail = (
            "an identifier is equal (strong evidence of the same entity)"
            if agree
            else "identifiers of the same scheme differ (strong evidence of different entities)"
        )
        reasons.append(Reason("identifiers", float(f.identifiers[0]), float(c.identifiers[0]), detail))
    if f.address_sim[0] > 0:
        detail = f"addresses compared: similarity {float(f.address_sim[0]):.2f}"
        if code_sibling:
            detail += f" (not counted: {_GROUP_SHARES})"
        elif gendered:
            detail += f" (not counted: {_FAMILY_SHARES})"
        reasons.append(Reason("address", round(float(f.address_sim[0]), 4), float(c.address[0]), detail))
    if f.kind_conflict[0]:
        reasons.append(Reason("kind", -1.0, float(c.kind[0]), f"different kinds: {a.kind} vs {b.kind}"))
    return tuple(reasons)


#: Why an agreeing country or address does not count for names that differ in a short code.
_GROUP_SHARES = (
    "companies of one group told apart by a short code share a country and often an address, "
    "so agreeing there does not make the two codes one company"
)

#: Why an agreeing country does not count for company names a syllable apart.
_ONE_LANGUAGE = (
    "companies named in Korean or Chinese syllables are mostly of one country, so agreeing there "
    "does not make two syllables one"
)

#: Why an agreeing country or address does not count for a man's and a woman's form of one name.
_FAMILY_SHARES = (
    "a man and a woman of one family, designated together, share a country and often an address, "
    "so agreeing there does not make them one person"
)


def _unknown_kind_reasons(a: Record, b: Record) -> list[Reason]:
    """How a record of unknown kind was read for the pair (:mod:`graph.resolve.unknown_kinds`):
    its contribution is the kind conflict's (or the conflict it avoided), so none of its own."""
    return [
        Reason("kind_unknown", 0.0, 0.0, unknown_kinds.describe(rec, other))
        for rec, other in ((a, b), (b, a))
        if rec.kind == unknown_kinds.UNKNOWN
    ]


def compare(a: Record, b: Record) -> Match:
    """Score two records in [0, 1], decide at :data:`DEFAULT_THRESHOLDS` and say why."""
    f = pair_features(prepare([a]), prepare([b]), np.zeros((1, 2), dtype=np.int64))
    z = float(contributions(f).total()[0])
    score = 1.0 / (1.0 + math.exp(-z))
    # A record of unknown kind is explained as it was scored: a person or a company.
    scored_a, scored_b = unknown_kinds.scored_pair(a, b)
    reasons = _said_once((*_reasons(scored_a, scored_b, f), *_unknown_kind_reasons(a, b)))
    return Match(score=score, decision=decide(score), reasons=reasons)


def _said_once(reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    """``reasons`` without the repeats of a reading both names share (both write KIEV, read as
    KYIV; both write ISIL): said once. Only reasons of no contribution of their own are dropped,
    so that the contributions still add up to the score."""
    seen: set[Reason] = set()
    out = []
    for r in reasons:
        if r.contribution == 0 and r in seen:
            continue
        seen.add(r)
        out.append(r)
    return tuple(out)
