"""Two written legal forms that are one form: a translation, or the same form written in full.

:mod:`graph.resolve.legal_forms` treats two written forms of different families as two legal
persons ("ADOON GENERAL TRADING LLC" / "… FZE", "HARBOR NETWORKS LLC" / "… PTE LTD"). Two
cases are not that, and the lists are full of them:

* **translation** — the Russian / Bulgarian limited-liability company (OOO, TOO, OOD,
  "Obshchestvo s ogranichennoi otvetstvennostyu") and the Romance one (SARL, SRL, LTDA, S. de
  R.L.) are published in English as "LLC" or "Ltd" ("VTB FAKTORING OOO" / "VTB FACTORING LTD",
  "ATRILOR LLC" / "ATRILOR, LTD", the Lebanese "TAJCO SARL" / "TAJCO LTD" of one OFAC entry);
* **written in full** — one side's run of form words contains the other's ("CHINA STATE
  SHIPBUILDING CORPORATION LIMITED" / "… CORPORATION");
* **re-registration** — two Russian forms of one company before and after it re-registered
  ("OOO SHIPYARD 'ZALIV'" / "AO SHIPYARD 'ZALIV'", :mod:`graph.resolve.reregistration`);
* **corporatisation** — a Chinese group corporation re-registered as a limited company
  ("… GROUP CORPORATION" / "… GROUP CO., LTD.", :mod:`graph.resolve.corporatisation`);
* **free zone** — a trading house's UAE free-zone company and its limited company elsewhere
  ("GURGEN HOUSE FZCO" / "GURGEN HOUSE OOO", :mod:`graph.resolve.free_zones`).

A sixth case needs the records' country, which these written forms do not carry: one form of a
country's register in two of its languages ("X NV" / "X SA" of two Belgian records), read by
:mod:`graph.resolve.register_forms` from the ISO 20275 table.

Either only says "no conflict": the caller (``features.pair_features``) still requires the
names themselves to agree (see ``FORM_VARIANT_NAME_RATIO``) and their line-of-business words
to be the same, so that a one-word list name ("OPTIMA, OOO") does not absorb a registry
company with more words ("Optima Components Co., Ltd.").
"""

from __future__ import annotations

from functools import lru_cache

from graph.resolve.corporatisation import corporatised
from graph.resolve.form_writings import SHORT
from graph.resolve.free_zones import free_zone_pair
from graph.resolve.legal_forms import family
from graph.resolve.names import GENERIC_WORDS, legal_forms
from graph.resolve.reregistration import reregistered

#: Families that are one limited-liability company in different languages.
LIMITED_LIABILITY: frozenset[str] = frozenset({"LTD", "LLC", "OOD", "LTDA"})

#: Spellings of one form word, so that "CORP." is found in "CORPORATION LIMITED": the one-word
#: short writings of :data:`graph.resolve.form_writings.SHORT`, and two more. PTE is PRIVATE
#: written short as PVT is; "PTE LTD" and "PVT LTD" still differ in their jurisdictions
#: (Singapore, India), which the family rule does not lift (form_writings leaves PTE out so that
#: the two are never one form). The Turkish "Ltd. Şti." is "Limited Şirketi" written short.
_SPELLING = {short[0]: full[0] for full, short in SHORT if len(short) == 1} | {
    "PTE": "PRIVATE",
    "STI": "SIRKETI",
}


#: Local forms and the English form they are published under that the families keep apart: the
#: Kazakh TOO (tovarishchestvo s ogranichennoi otvetstvennostyu) is word for word a "limited
#: liability partnership", and Kazakh registers write it LLP ("X TOO" / "X LLP").
_TRANSLATED_AS: frozenset[frozenset[str]] = frozenset({frozenset({"TOO", "LLP"})})


def _words(run: str) -> tuple[str, ...]:
    return tuple(_SPELLING.get(w, w) for w in run.split())


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return 0 < n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


@lru_cache(maxsize=65_536)
def form_variant(form_a: str, run_a: str, form_b: str, run_b: str) -> str:
    """Why the written forms ``form_a`` / ``form_b`` (with the runs of form words they were cut
    from) are one legal form (or one listed entity): ``"translation"``, ``"written in full"``,
    ``"re-registration"``, ``"corporatisation"``, ``"free zone"``, or ``""``."""
    fam_a, fam_b = family(form_a), family(form_b)
    if fam_a in LIMITED_LIABILITY and fam_b in LIMITED_LIABILITY:
        return "translation"
    if frozenset({form_a.replace(" ", ""), form_b.replace(" ", "")}) in _TRANSLATED_AS:
        return "translation"
    words_a, words_b = _words(run_a), _words(run_b)
    if words_a == words_b or _contains(words_a, words_b) or _contains(words_b, words_a):
        return "written in full"
    if reregistered(form_a, form_b):
        return "re-registration"
    if corporatised(form_a, form_b):
        return "corporatisation"
    if free_zone_pair(form_a, form_b):
        return "free zone"
    return ""


def absorbed_words(run: str) -> frozenset[str]:
    """The line-of-business words a run of form words absorbed: "DEVELOPMENT CORPORATION S A"
    (a US form, "Development Corporation", then S.A.) holds DEVELOPMENT, which "… DEVELOPMENT
    CORP." keeps as the name's word. A word that is a form on its own (CORPORATION) is the form's."""
    table = legal_forms().table
    return frozenset(w for w in run.split() if w in GENERIC_WORDS and (w,) not in table)


def with_run_words(generic: str, run: str) -> str:
    """The line-of-business words ``generic`` (space-joined, sorted) with those the name's run of
    form words ``run`` absorbed (:func:`absorbed_words`), to compare two names whose forms are
    one form written in full."""
    absorbed = absorbed_words(run)
    if not absorbed:
        return generic
    return " ".join(sorted(set(generic.split()) | absorbed))
