"""Two Russian legal forms of one company: a re-registration, not two legal persons.

Russia's 2014 Civil Code reform made open and closed joint-stock companies (OAO, ZAO) re-register
as public or non-public ones (PAO, AO, NAO), and limited-liability companies (OOO) often convert
to joint-stock companies (AO) as they grow. A sanctions list keeps every name a company was
published under, so one entity's aliases carry two Russian forms ("OOO SHIPYARD 'ZALIV'" /
"AO SHIPYARD 'ZALIV'", "GAZ-OIL, OOO" / "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO GAZ OIL").

Only the *Russian* forms, as Russian writes them (the transliterated abbreviations and long
forms), are read this way: an English LLC against a JSC, or forms of other jurisdictions
(LLC vs FZE, GmbH vs PLC), still say "two legal persons". The caller
(``features._lift_form_variants``) requires the names to agree more strictly than for other
variants: the same line-of-business words, every distinctive word paired (equal romanisation keys,
no subset), at least ``MIN_NAME_WORDS`` of them and ``MIN_NAME_LETTERS`` letters, so that a
one-word or short name ("OPTIMA, OOO" / "AO OPTIMA", "NOVATEK-PERM, OOO" / "OAO NOVATEK") is
not joined by its form alone.
"""

from __future__ import annotations

#: Russian legal forms as the lists transliterate them (spaces removed): the limited-liability
#: company and the joint-stock companies before and after the 2014 reform.
RUSSIAN_FORMS: frozenset[str] = frozenset(
    [
        "OOO",
        "OBSHCHESTVOSOGRANICHENNOIOTVETSTVENNOSTIU",
        "OBSHCHESTVOSOGRANICHENNOYOTVETSTVENNOSTYU",
        "OBSHCHESTVOSOGRANICHENNOIOTVETSTVENNOSTYU",
        "OBSHCHESTVOSOGRANICHENNOYOTVETSTVENNOSTIU",
        "AO",
        "OAO",
        "ZAO",
        "PAO",
        "NAO",
        "CHAO",
        "AKTSIONERNOEOBSHCHESTVO",
        "OTKRYTOEAKTSIONERNOEOBSHCHESTVO",
        "ZAKRYTOEAKTSIONERNOEOBSHCHESTVO",
        "PUBLICHNOEAKTSIONERNOEOBSHCHESTVO",
    ]
)
_ALL_FORMS = RUSSIAN_FORMS | {f.replace("OBSHCHESTVO", "OBSCHESTVO") for f in RUSSIAN_FORMS}

#: A re-registration joins names whose distinctive words, written together, have at least this
#: many letters ("GAZOIL", "SHIPYARDZALIV"): a short name is shared by unrelated companies.
MIN_NAME_LETTERS = 6
#: … and at least this many distinctive words: one word ("OPTIMA") names many companies.
MIN_NAME_WORDS = 2


def is_russian_form(form_text: str) -> bool:
    """``form_text`` (a written legal form, folded) is a Russian form as Russian writes it."""
    return form_text.replace(" ", "") in _ALL_FORMS


def reregistered(form_a: str, form_b: str) -> bool:
    """Two different written Russian forms (OOO / AO, OAO / PAO): one company re-registered."""
    a, b = form_a.replace(" ", ""), form_b.replace(" ", "")
    return a != b and a in _ALL_FORMS and b in _ALL_FORMS
