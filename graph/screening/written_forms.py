"""A legal form written out in words is a legal form to screening, as it is to resolution.

Screening's generic words hold the abbreviated forms (OOO, AO, CJSC, S.A.), but lists spell many
a form in full, and in transliteration: "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU 'GAZ-OIL'"
(an OOO), "AKTSIONERNOE OBSHCHESTVO 'AGROKREDIT-INFORM'" (an AO), "RUST CLOSED JOINT-STOCK COMPANY"
(a CJSC), "TROPPO SOCIEDAD ANONIMA" (an S.A.). Those words then counted as the name's own, and the
listed "GAZ-OIL, OOO" came out 0.24 against its other name, "CJSC RUST" 0.30 against "RUST CLOSED
JOINT-STOCK COMPANY", where resolution matches them. Resolution cuts a name's legal forms from its
edges by the ISO 20275 table (:meth:`graph.resolve.legal_forms.LegalForms.split`); screening cuts
them with that reading, imported, not copied.

A pair is compared without its written-out forms only where the other name holds none of the
form's words: where both names write the form ("… PUBLIC JOINT STOCK COMPANY" and "… PUBLIC JOINT
STOCK CO", or its words reordered or mistyped, "OPEN JONT STOCK"), the form's words agree as
letters, and a cut on one side only (the table reads a form as spelt, at a name's edge) would leave
the other side's words without partner. Unless the words both write are a form stacked on one
form written two ways ("РОМАШКА AL-COOPERATIVA LLC" / "РОМАШКА AL-COOPERATIVA LIMITED LIABILITY
COMPANY": COOPERATIVA is cut with either, LIABILITY was left as the name's, review at 0.72): such a
pair (:func:`form_written_otherwise`) is compared without every form of either name. The form's
class, where it is a generic word (LIMITED, CORPORATION), stands in for it, so the name is still
read as a firm's.

Only a form of two words or more is cut, holding a word of three letters or more that is not
already generic to screening: a single word at a name's edge is the name's as often as a form's
(the Korean given name SE, a European SE), letters are initials (T E G), and a run of generic words
changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from rapidfuzz import fuzz

from graph.resolve.names import legal_forms
from graph.screening.name_text import name_text

#: Fewest words of a form written out that screening cuts.
MIN_FORM_WORDS = 2
#: Fewest letters of a form's word that makes it the form's, not an initial.
MIN_WORD_CHARS = 3
#: Similarity (0-100) at which a word of one name is a form's word of the other, mistyped.
WORD_MATCH_MIN = 80


@cache
def _form_words() -> frozenset[str]:
    """The words of the legal forms of two words or more (written first or last)."""
    forms = legal_forms()
    keys = [*forms.table, *forms.writings, *forms.prefixes]
    return frozenset(word for key in keys if len(key) >= MIN_FORM_WORDS for word in key)


@lru_cache(maxsize=200_000)
def _cut(name: str, generic: Callable[[str], bool]) -> tuple[str, frozenset[str]] | None:
    """The name without the legal form written out at its edges (its class word in its place, when
    generic), and the form's own words; None where no such form is cut."""
    tokens = name_text(name).split()
    own = [t for t in tokens if t in _form_words() and len(t) >= MIN_WORD_CHARS and not generic(t)]
    if not own:
        return None  # most names: no form written out
    kept, form_class, _ = legal_forms().split(tokens)
    n = len(kept)
    start = next((i for i in range(len(tokens) - n + 1) if tuple(tokens[i : i + n]) == kept), None)
    if not kept or start is None:
        return None  # nothing left, or a form read in another writing: left to the generic words
    cut = [*tokens[:start], *tokens[start + n :]]
    words = frozenset(t for t in cut if len(t) >= MIN_WORD_CHARS and not generic(t))
    if len(cut) < MIN_FORM_WORDS or not words:
        return None
    stand_in = [form_class] if form_class and generic(form_class) else []
    return " ".join([*kept, *stand_in]), words


def _written_without(reading: tuple[tuple[str, ...], str | None], generic: Callable[[str], bool]) -> str:
    """A name's words without its legal forms, its outermost form's class in their place when
    generic (as :func:`_cut` puts it)."""
    kept, form_class = reading
    return " ".join([*kept, *([form_class] if form_class and generic(form_class) else [])])


def _shared(form_words: frozenset[str], other: set[str]) -> bool:
    """A word of the form is in the other name, spelt alike or mistyped or romanised otherwise
    (LIABIILTI, SOKIEDAD: a word matches at :data:`WORD_MATCH_MIN`, as screening's words do)."""
    if form_words & other:
        return True
    return any(
        fuzz.ratio(w, v) >= WORD_MATCH_MIN for w in form_words for v in other if len(v) >= MIN_WORD_CHARS
    )


def written_forms_cut(
    query_names: Sequence[str], target_names: Sequence[str], generic: Callable[[str], bool]
) -> tuple[list[str], list[str]]:
    """The aligned pairs of names, a name without its legal form written out in words where the other
    name of its pair holds none of the form's words (see the module's docstring)."""
    queries, targets = list(query_names), list(target_names)
    for k, (q, t) in enumerate(zip(query_names, target_names, strict=True)):
        cut_q, cut_t = _cut(q, generic), _cut(t, generic)
        if cut_q is None and cut_t is None:
            continue
        reading = _shared_reading(q, t)
        if reading is not None:
            # One name with its form written two ways, maybe stacked on another form both write
            # ("РОМАШКА AL-COOPERATIVA LLC" / "… LIMITED LIABILITY COMPANY", "科技 (PVT.) LLC" / "科技
            # (PVT.) LIMITED LIABILITY COMPANY"): read without their forms, the two are one name,
            # where the words left by cutting one side only would differ (LIABILITY, PVT).
            queries[k] = targets[k] = _written_without(reading, generic)
            continue
        words_q = set(name_text(q).split())
        words_t = set(name_text(t).split())
        if (cut_q is not None and _shared(cut_q[1], words_t)) or (
            cut_t is not None and _shared(cut_t[1], words_q)
        ):
            continue  # both names write the form: its words agree as letters
        queries[k] = cut_q[0] if cut_q else q
        targets[k] = cut_t[0] if cut_t else t
    return queries, targets


@lru_cache(maxsize=200_000)
def _readings(name: str) -> tuple[tuple[tuple[str, ...], str | None], ...]:
    """The name's words without its legal forms, with the class of its outermost form (None where
    it has none); and where the form cut ends in a shorter form of that class, the reading with the
    words before that form kept as the name's: "ROMASHKA BUSINESS LIMITED LIABILITY COMPANY" is
    ROMASHKA under the form BUSINESS LIMITED LIABILITY COMPANY (ISO 20275) or ROMASHKA BUSINESS
    under LIMITED LIABILITY COMPANY, as the clerk's "ROMASHKA BUSINESS L.L.C." reads it."""
    forms = legal_forms()
    kept, form_class, cut = forms.split(name_text(name).split())
    readings = [(tuple(kept), form_class)]
    run = cut.split()
    for i in range(1, len(run)):
        tail = tuple(run[i:])
        if form_class is not None and forms.table.get(forms.writings.get(tail, tail)) == form_class:
            readings.append(((*kept, *run[:i]), form_class))
    return tuple(readings)


def _shared_reading(query_name: str, target_name: str) -> tuple[tuple[str, ...], str | None] | None:
    """The reading of two names (:func:`_readings`) that makes them one name with a legal form of
    one class written two ways; None where none does."""
    target = set(_readings(target_name))
    return next((r for r in _readings(query_name) if r[0] and r[1] is not None and r in target), None)


def form_written_otherwise(query_name: str, target_name: str) -> bool:
    """The two names are one name with a legal form of one class written two ways ("ROMASHKA
    L.L.C." / "ROMASHKA LIMITED LIABILITY COMPANY", "… CO., LTD." / "… COMPANY LIMITED"): the forms'
    words differ, the name does not. Names without a form, or of forms of two classes, are not."""
    return _shared_reading(query_name, target_name) is not None
