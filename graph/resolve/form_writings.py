"""A legal form of several words with its form words written short or in full: one form.

The ISO 20275 table writes each form of several words one way ("GmbH & Co. KG", New Zealand's
"Cooperative Company"), and the lists write its form words the other way: "… GMBH & COMPANY
KG", "QESHM MADKANDALOO SHIPBUILDING COOPERATIVE CO". Read as written, such a tail is no form of
the table, and :meth:`graph.resolve.legal_forms.LegalForms.split` cut a shorter one: "ALPHA GMBH
& COMPANY KG" was the form KG with GMBH a word of the name, and "ALPHA COOPERATIVE CO" the form
COOPERATIVE, of other jurisdictions than "ALPHA COOPERATIVE COMPANY" (0.12, "two legal persons").

:func:`form_writings` gives each such form its other writings, read as the form itself. Two
limits keep the family conflicts that tell two legal persons apart ("X CORP" / "X LTD"):

* **only forms of legal words.** The ELF table also names forms by the business they do:
  "Development Corporation" (US), "International Company" (Cook Islands), "Insurance Company".
  Written short ("TOVASE DEVELOPMENT CORP") that is a company's name word and its CORP; read as
  the form DEVELOPMENT CORPORATION, which has no family, the CORP / LTD conflict with "TOVASE
  DEVELOPMENT LTD" was gone (a reverted attempt did this). A form is given writings only when
  each of its words is a legal word: a form word written short or in full (:data:`SHORT`), a
  qualifier of a form (:data:`QUALIFIERS`), or a form of the table on its own that is no
  line-of-business word (GMBH, KG, COOPERATIVE). The co-operative's "CO OP" is no company.
* **no family lost.** A writing the table reads, without this rule, as a form of a family ("X
  PUBLIC CORP" as CORP, family CORP) keeps that reading when the form it writes has no family
  (the US / Swiss "Public Corporation"): the writing never leaves the family conflicts. It may
  change family to the one of the form it writes in full ("X PUBLIC LTD CO", without this rule
  the US "LTD CO", is the PUBLIC LIMITED COMPANY of the PLC family).

A writing that two forms of the table give ("JT ST CO": JOINT STOCK CO, JOINT STOCK COMPANY)
is read as the one written most in full when they are one form (one class and one family), and
as neither otherwise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping

Key = tuple[str, ...]

#: Form words written in full and short, as the lists write them (folded).
SHORT: tuple[tuple[Key, Key], ...] = (
    (("COMPANY",), ("CO",)),
    # COMP as a bill of lading writes COMPANY ("OPEN JOINT STOCK COMP"; names.ABBREVIATIONS).
    (("COMPANY",), ("COMP",)),
    (("CORPORATION",), ("CORP",)),
    (("CORPORATION",), ("CORPN",)),
    (("LIMITED",), ("LTD",)),
    (("INCORPORATED",), ("INC",)),
    (("PRIVATE",), ("PVT",)),
    (("PROPRIETARY",), ("PTY",)),
    (("JOINT", "STOCK"), ("JT", "ST")),
)

#: Words that qualify a form and name no business ("PUBLIC LIMITED COMPANY", "OPEN JOINT STOCK
#: COMPANY", the "ONE PERSON COMPANY" of a sole owner, which lists also write "ONE-PERSON CO"),
#: and the AND that "&" folds to ("GMBH AND CO KG").
QUALIFIERS: frozenset[str] = frozenset({"PUBLIC", "OPEN", "CLOSED", "JOINT", "STOCK", "AND", "ONE", "PERSON"})

#: The co-operative written in two words: its CO is not COMPANY.
_CO_OP = ("CO", "OP")

_SHORT_WORDS = frozenset(w for pair in SHORT for side in pair for w in side)
_SHORT_ONLY = frozenset(w for _, short in SHORT for w in short)


def other_writings(key: Key) -> set[Key]:
    """Every other writing of ``key`` with its :data:`SHORT` words written short or in full."""
    seen, todo = {key}, [key]
    while todo:
        current = todo.pop()
        for full, short in SHORT:
            for old, new in ((full, short), (short, full)):
                n = len(old)
                for i in range(len(current) - n + 1):
                    if current[i : i + n] == old:
                        written = (*current[:i], *new, *current[i + n :])
                        if written not in seen:
                            seen.add(written)
                            todo.append(written)
    return seen - {key}


def _has_co_op(key: Key) -> bool:
    return any(key[i : i + 2] == _CO_OP for i in range(len(key) - 1))


def legal_words_only(key: Key, table: Collection[Key], business: Collection[str]) -> bool:
    """Every word of ``key`` is a legal word (module docstring), and it is no "CO OP"."""
    return not _has_co_op(key) and all(
        w in _SHORT_WORDS or w in QUALIFIERS or ((w,) in table and w not in business) for w in key
    )


def form_writings(
    table: Mapping[Key, str],
    business: Collection[str],
    family: Callable[[str], str | None],
    read_without: Callable[[Key], str],
) -> dict[Key, Key]:
    """Writing → the form of ``table`` (form → class) it writes, for the forms of several legal
    words.

    ``business`` are the line-of-business words; ``family`` gives a written form's family
    (:func:`graph.resolve.legal_forms.family`); ``read_without`` the form a writing is read as
    without this rule (space-joined, "" for none)."""
    found: dict[Key, set[Key]] = defaultdict(set)
    for key in table:
        if len(key) < 2 or not legal_words_only(key, table, business):
            continue
        for written in other_writings(key):
            if written not in table:
                found[written].add(key)
    out: dict[Key, Key] = {}
    for written, forms in found.items():
        if len({(table[k], family(" ".join(k))) for k in forms}) != 1:
            continue
        key = min(forms, key=lambda k: (sum(w in _SHORT_ONLY for w in k), k))
        if family(read_without(written)) is None or family(" ".join(key)) is not None:
            out[written] = key
    return out
