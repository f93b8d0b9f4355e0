"""A Chinese state group before and after corporatisation: "… GROUP CORPORATION" / "… GROUP CO., LTD.".

China's central state enterprises were registered under the 1988 law on enterprises owned by the
whole people ("…集团公司", published in English as "… Group Corporation"); the 2017 State Council
plan made every one of them re-register under the Company Law ("…集团有限公司", "… Group Co.,
Ltd."), keeping the enterprise and its name. The lists keep both names as aliases of one entry
("CHINA SOUTH INDUSTRIES GROUP CORPORATION" / "… GROUP CO., LTD."), which
:mod:`graph.resolve.legal_forms` read as two forms of different families (CORP vs LTD): two
legal persons.

Only that shape is read this way: a corporation written CORP / CORPORATION (not INC) against a
limited *company* (CO LTD, COMPANY LIMITED …), and the caller (``features._lift_form_variants``)
requires both names to carry GROUP and to agree as for any form variant (the same
line-of-business words, the distinctive words written together ``FORM_VARIANT_NAME_RATIO``
alike). A corporation against a limited company of one name without GROUP stays two legal
persons: "Granitenet Automotive Electronics Corp." / "Granite … Co., Ltd.", "SMIC … Co., Ltd." /
"Semiconductor Manufacturing International Corporation" are parent and subsidiary.
"""

from __future__ import annotations

#: The word both names must carry: the reform renamed *group* enterprises (集团公司).
GROUP_WORD = "GROUP"

#: The state enterprise's form as the lists write it in English (spaces removed).
_CORPORATION = frozenset({"CORP", "CORPORATION"})
#: The Company Law's limited company as written in English (spaces removed).
_LIMITED_COMPANY = frozenset({"COLTD", "COLIMITED", "COMPANYLTD", "COMPANYLIMITED"})

#: Why the two forms are one enterprise (said in ``compare()``'s legal-form reason).
REASON = "a Chinese group corporation re-registered as a limited company by the 2017 corporatisation"


def corporatised(form_a: str, form_b: str) -> bool:
    """``form_a`` / ``form_b`` (written legal forms, folded) are a corporation and a limited company,
    the two forms of a Chinese group before and after corporatisation."""
    a, b = form_a.replace(" ", ""), form_b.replace(" ", "")
    return (a in _CORPORATION and b in _LIMITED_COMPANY) or (b in _CORPORATION and a in _LIMITED_COMPANY)


def has_group(generic: str) -> bool:
    """The line-of-business words ``generic`` (space-joined) include GROUP."""
    return GROUP_WORD in generic.split()
