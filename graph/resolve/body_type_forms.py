"""A Russian legal form written before the body type that ends the name: "… SYSTEMS JSC NPO".

The lists write a Russian company's legal form, its body type (NPO, OKB, NII …: the table of
:mod:`graph.resolve.org_abbrev`) and its name in any order: "JSC NPO HIGH PRECISION SYSTEMS",
"HIGH PRECISION SYSTEMS NPO JSC" and "HIGH PRECISION SYSTEMS JSC NPO" are one company. The form
cutter of :mod:`graph.resolve.legal_forms` takes forms from the name's edges only, so in the
last writing JSC stayed a word of the name (the pair scored 0.0), and in "HIGH PRECISION WEAPONS
JOINT STOCK COMPANY SCIENTIFIC PRODUCTION ASSOCIATION" JOINT and STOCK were distinctive words.

A form separated from the name's end by body-type words only is the name's legal form and is
cut, the body type staying a word of the name as it does when the form ends the name. Only the
forms of the Russian families, JSC and LLC (AO, OAO, ZAO, PAO, OOO, TOO … and those written
out: JOINT STOCK COMPANY), are read so: a body type of :mod:`graph.resolve.org_abbrev` is a
Russian one, and a word like AG, SA or COMPANY before it may well be the name's own. The form
must leave a word of the name before it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from graph.resolve import org_abbrev

#: The legal-form families written before a Russian body type (graph.resolve.legal_forms.FAMILIES).
RUSSIAN_FAMILIES = frozenset({"JSC", "LLC"})
#: Concepts of the org_abbrev table that name a line of business or an owner, not a body type.
_NOT_BODY_TYPES = frozenset({"MASH", "EST"})


def body_type_start(tokens: Sequence[str], english: Callable[[str], str]) -> int:
    """Where the run of body-type phrases that ends ``tokens`` starts (``len(tokens)``: none).

    ``english`` reads a word as the org_abbrev table writes it (SCIENTIFIC → SCIENCE)."""
    # Imported here: org_translate imports graph.resolve.names, which imports this module.
    from graph.resolve.org_translate import translate

    words = [(translate(e) or e, t) for t in tokens for e in (english(t),)]
    start = len(tokens)
    for match in reversed(org_abbrev.find(words)):
        phrase = match.phrase
        body = phrase.concept and not phrase.form and phrase.concept not in _NOT_BODY_TYPES
        if match.end != start or not body:
            break
        start = match.start
    return start


def form_before_body_type(
    tokens: Sequence[str],
    table: Mapping[tuple[str, ...], str],
    writings: Mapping[tuple[str, ...], tuple[str, ...]],
    family: Callable[[str], str | None],
    english: Callable[[str], str],
    longest: int,
) -> tuple[int, int, str, str] | None:
    """``(start, end, class, form)`` of a Russian legal form that only body-type words follow
    in ``tokens``, None when there is none. ``table`` and ``writings`` are those of
    :class:`graph.resolve.legal_forms.LegalForms`, ``longest`` its longest form."""
    end = body_type_start(tokens, english)
    if end == len(tokens):
        return None
    # The longest form first ("OPEN JOINT STOCK COMPANY", not COMPANY), leaving a word before it.
    for n in range(min(longest, end - 1), 0, -1):
        written = tuple(tokens[end - n : end])
        form = writings.get(written, written)
        if form in table and family(" ".join(form)) in RUSSIAN_FAMILIES:
            return end - n, end, table[form], " ".join(form)
    return None
