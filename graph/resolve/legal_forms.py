"""Legal forms ("LLC", "OOO", "Co., Ltd.", "有限公司", "GmbH" …) recognised as ONE token of a type.

The vocabulary is the real ISO 20275 Entity Legal Form table published by GLEIF
(``data/reference/elf-codes-1.4.1.csv``): every local and transliterated abbreviation,
folded exactly as names are folded, plus the English long forms. The ELF table carries no
abbreviations for some jurisdictions that matter for export control (Russia's OOO / AO /
PAO, free-zone FZE / FZCO, Chinese pinyin "YOUXIAN GONGSI"), so a short supplement below
adds them. Each form maps to a coarse *class* (LIMITED, CORPORATION, PARTNERSHIP …) so that
"OOO" and "LLC" agree, derived from the ELF long names by keywords.

A form is only taken from the *edges* of a name (suffix anywhere in the table, prefix only
for forms written first, such as OOO or PT), never from its middle, and never when it would
leave the name empty of anything but another form.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import cache
from itertools import groupby
from pathlib import Path

from graph.resolve import post_soviet_forms, qualified_forms
from graph.resolve.dotted_initials import continues_initials
from graph.resolve.form_pieces import form_pieces
from graph.resolve.form_writings import form_writings

ELF_TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "elf-codes-1.4.1.csv"
#: The record kinds whose names carry a legal form (a person's or a vessel's name has none).
FORM_KINDS = frozenset({"company", "organization", "organisation", "entity", "party"})

LIMITED = "LIMITED"
CORPORATION = "CORPORATION"
PARTNERSHIP = "PARTNERSHIP"
COOPERATIVE = "COOPERATIVE"
NONPROFIT = "NONPROFIT"
STATE = "STATE"
SOLE = "SOLE"
GENERIC = "COMPANY"  # "CO", "COMPANY": compatible with every class
VESSEL = "VESSEL"  # ship prefixes MV / MT / SS, used for vessels only
OTHER = "OTHER"

#: Classes that are often written interchangeably for one company ("Co., Ltd." vs "Corp.").
COMPATIBLE: frozenset[frozenset[str]] = frozenset({frozenset({LIMITED, CORPORATION})})

# Keyword → class, tried in order on the ELF long names (local + transliterated, lower-case).
_CLASS_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        PARTNERSHIP,
        (
            "partnership",
            "kommandit",
            "commandite",
            "comandita",
            "collectif",
            "offene handels",
            "onder firma",
            "spolka jawna",
            "tovarishch",
            "合夥",
            "合伙",
        ),
    ),
    (COOPERATIVE, ("cooperat", "co-operat", "genossenschaft", "kooperativ", "合作社")),
    (
        NONPROFIT,
        (
            "foundation",
            "stiftung",
            "association",
            "verein",
            "nonprofit",
            "non-profit",
            "charit",
            "fondation",
            "fundacion",
            "assotsiats",
            "fond",
        ),
    ),
    (STATE, ("unitary", "unitarn", "state enterprise", "gosudarstv", "federal'n", "kazenn")),
    (SOLE, ("sole ", "individual entrepreneur", "einzel", "sole trader", "sole proprietor")),
    (
        CORPORATION,
        (
            "stock",
            "aktie",
            "aktsioner",
            "anonim",
            "anonyme",
            "anonima",
            "corporat",
            "incorporat",
            "public limited",
            "股份",
            "kabushiki",
        ),
    ),
    (
        LIMITED,
        (
            "limited",
            "ogranichenn",
            "beschr",
            "responsabilidad limitada",
            "responsabilite limitee",
            "responsabilità limitata",
            "responsabilita limitata",
            "ograniczon",
            "limitada",
            "limitee",
            "有限",
            "you xian",
        ),
    ),
)

#: Forms the ELF table lacks or spells differently, folded text → class.
_SUPPLEMENT: dict[str, str] = {
    "CO": GENERIC,
    "COMPANY": GENERIC,
    "CO LTD": LIMITED,
    "CO LIMITED": LIMITED,
    "COMPANY LIMITED": LIMITED,
    "COMPANY LTD": LIMITED,
    "CO INC": CORPORATION,
    "CORP LTD": LIMITED,
    "PTE LTD": LIMITED,
    "PTE LIMITED": LIMITED,
    "PVT LTD": LIMITED,
    "PRIVATE LIMITED": LIMITED,
    "PTY LTD": LIMITED,
    # Mexico's rural production company of limited liability (S.P.R. de R.L., also written
    # S. de P.R. de R.L.): not in ELF, and read letter by letter its initials were the name's.
    "S P R DE R L": LIMITED,
    "S DE P R DE R L": LIMITED,
    "SDN BHD": LIMITED,
    "BHD": CORPORATION,
    # The Malaysian public company written in full, as the Sdn Bhd is ("SENDIRIAN BERHAD").
    "BERHAD": CORPORATION,
    # The Gulf "W.L.L." (Bahrain, Kuwait, Qatar) written in full.
    "WITH LIMITED LIABILITY": LIMITED,
    "WLL": LIMITED,
    "W L L": LIMITED,
    "LLC": LIMITED,
    "L L C": LIMITED,
    "LTD": LIMITED,
    "LIMITED": LIMITED,
    "LIMITED LIABILITY COMPANY": LIMITED,
    "LIMITED LIABILITY CO": LIMITED,
    "INC": CORPORATION,
    "CORP": CORPORATION,
    # CORPORATION as bills of lading cut it (names.ABBREVIATIONS reads it so inside a name): read
    # as a word, "PJSC IRKUT CORPN" kept only its PJSC, against CORPORATION written in full.
    "CORPN": CORPORATION,
    "CORPORATION": CORPORATION,
    "JSC": CORPORATION,
    "OJSC": CORPORATION,
    "CJSC": CORPORATION,
    "PJSC": CORPORATION,
    # JSC with two letters swapped, as list clerks write it ("NPO HIGH PRECISION SYSTEMS JCS"):
    # unread, the form stays a word of the name on that side only.
    "JCS": CORPORATION,
    # The abbreviated "PRIVATE JOINT STOCK COMPANY" (Syria, Ukraine): PRIVATE is the form's word
    # on both sides, not a name word where the form is abbreviated.
    "PRIVATE JSC": CORPORATION,
    "JOINT STOCK COMPANY": CORPORATION,
    "JOINT STOCK CO": CORPORATION,
    "OPEN JOINT STOCK COMPANY": CORPORATION,
    "CLOSED JOINT STOCK COMPANY": CORPORATION,
    "PUBLIC JOINT STOCK COMPANY": CORPORATION,
    "OOO": LIMITED,
    "TOO": LIMITED,
    "AO": CORPORATION,
    "ZAO": CORPORATION,
    "OAO": CORPORATION,
    "PAO": CORPORATION,
    "CHAO": CORPORATION,
    "NAO": CORPORATION,
    "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU": LIMITED,
    "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU": LIMITED,
    "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU": LIMITED,  # the CSL's romanisation
    "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTIU": LIMITED,
    "AKTSIONERNOE OBSHCHESTVO": CORPORATION,
    "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO": CORPORATION,
    "OTKRYTOE AKTSIONERNOE OBSHCHESTVO": CORPORATION,
    "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO": CORPORATION,
    "FGUP": STATE,
    "GUP": STATE,
    "FGUE": STATE,
    "FSUE": STATE,
    # The English renderings of the Russian / Belarusian state unitary enterprise, written out
    # and as initials ("Belspetsvneshtechnika SFTUE": State Foreign Trade Unitary Enterprise).
    "SFTUE": STATE,
    "STATE UNITARY ENTERPRISE": STATE,
    "FEDERAL STATE UNITARY ENTERPRISE": STATE,
    "STATE OWNED FOREIGN TRADE UNITARY ENTERPRISE": STATE,
    # A subsidiary ("daughter") joint-stock company: "DJSC Factory Krasnoe Znamya".
    "DJSC": CORPORATION,
    # The one-person limited company of Syrian, Chinese and Indian registers, in English.
    "ONE PERSON CO LTD": LIMITED,
    "ONE PERSON COMPANY LIMITED": LIMITED,
    "ONE PERSON LIMITED LIABILITY COMPANY": LIMITED,
    "ONE PERSON LLC": LIMITED,
    "IP": SOLE,
    "FZE": LIMITED,
    "FZCO": LIMITED,
    "FZC": LIMITED,
    "FZ LLC": LIMITED,
    # The free-zone LLC written as one word, or dotted in pieces ("F.Z.-L.L.C.", joined by
    # graph.resolve.dotted_initials.join_dotted_forms).
    "FZLLC": LIMITED,
    "YOUXIANGONGSI": LIMITED,
    "YOUXIAN GONGSI": LIMITED,
    "YOU XIAN GONG SI": LIMITED,
    "YOUXIANZERENGONGSI": LIMITED,
    "YOUXIAN ZEREN GONGSI": LIMITED,
    # 有限责任公司 romanised as the romaniser cuts it (YOUXIANZEREN GONGSI).
    "YOUXIANZEREN GONGSI": LIMITED,
    "GUFENYOUXIANGONGSI": CORPORATION,
    "GUFEN YOUXIAN GONGSI": CORPORATION,
    "GONGSI": GENERIC,
    "KABUSHIKI KAISHA": CORPORATION,
    # The Korean 주식회사 as the lists romanise it (the ELF table has JUSIGHOESA).
    "JUSIK HOESA": CORPORATION,
    "JUSIKHOESA": CORPORATION,
    "CHUSIK HOESA": CORPORATION,
    "KABUSHIKIGAISHA": CORPORATION,
    "KK": CORPORATION,
    # "K.K." folds to two letters, as "S.A." does.
    "K K": CORPORATION,
    "PT": CORPORATION,
    "TBK": CORPORATION,
    "SA": CORPORATION,
    "S A": CORPORATION,
    "SAS": CORPORATION,
    "SARL": LIMITED,
    # The Mexican S.A.P.I. de C.V. (sociedad anónima promotora de inversión), which the ELF table
    # lacks; letters_run_together adds "SAPI DE CV".
    "S A P I DE C V": CORPORATION,
    # The Mexican S. de R.L. de C.V.: a limited-liability company (S. de R.L.) of variable capital
    # (de C.V.), one legal person whether the capital clause is written or not. The ELF table holds
    # only its parts, so the cutter took "DE C V" (an Honduran form of no family) as the form and
    # then the S. de R.L. before it, and the name written "S DE RL" read as another legal form.
    "S DE R L DE C V": LIMITED,
    # … written as the S.R.L. of other Spanish-speaking countries ("S.R.L. de C.V."): the same
    # Mexican company, which the typo corrector read as the cooperative S.C.L. de C.V.
    "S R L DE C V": LIMITED,
    # … and the rural production company of variable capital (S.P.R. de R.L. de C.V.).
    "S P R DE R L DE C V": LIMITED,
    "S DE P R DE R L DE C V": LIMITED,
    "SRL": LIMITED,
    "GMBH": LIMITED,
    "AG": CORPORATION,
    "PLC": CORPORATION,
    "LLP": PARTNERSHIP,
    "LP": PARTNERSHIP,
    "DOO": LIMITED,
    "EOOD": LIMITED,
    "OOD": LIMITED,
    "SP Z O O": LIMITED,
    "AS": CORPORATION,
    "AB": CORPORATION,
    "BV": LIMITED,
    "NV": CORPORATION,
    # Turkish forms as the lists write them (the ELF table has "LIMITED SIRKET", "A S"): the
    # possessive -I of "… Ticaret Limited Sirketi", and "Sirketi" alone ("company").
    "LIMITED SIRKETI": LIMITED,
    "LTD SIRKETI": LIMITED,
    "ANONIM SIRKETI": CORPORATION,
    "SIRKETI": GENERIC,
}
#: The lists also romanise ОБЩЕСТВО as OBSCHESTVO ("AKTSIONERNOE OBSCHESTVO 'YALTINSKAYA
#: KINOSTUDIYA'"): every Russian form is read in that spelling too.
_SCH = {k.replace("OBSHCHESTVO", "OBSCHESTVO"): v for k, v in _SUPPLEMENT.items() if "OBSHCHESTVO" in k}
_SUPPLEMENT.update(_SCH)
#: The Ukrainian, Belarusian and Azerbaijani forms written in full (TOVARYSTVO Z OBMEZHENOYU …).
_SUPPLEMENT.update({form: cls for form, (cls, _, _, _) in post_soviet_forms.FORMS.items()})
#: Forms written with their qualifier (PRIVATE LTD, OPEN JSC: graph.resolve.qualified_forms).
_SUPPLEMENT.update({form: cls for form, (cls, _, _) in qualified_forms.FORMS.items()})

#: Forms written before the name ("OOO ROMASHKA", "PT KRAKATAU"), folded.
PREFIX_FORMS: frozenset[str] = frozenset(
    {
        "OOO",
        "AO",
        "ZAO",
        "OAO",
        "PAO",
        "CHAO",
        "NAO",
        "TOO",
        "IP",
        "FGUP",
        "GUP",
        "FGUE",
        "FSUE",
        "SFTUE",
        "STATE UNITARY ENTERPRISE",
        "FEDERAL STATE UNITARY ENTERPRISE",
        "STATE OWNED FOREIGN TRADE UNITARY ENTERPRISE",
        "DJSC",
        "JSC",
        "OJSC",
        "CJSC",
        "PJSC",
        "PT",
        "CV",
        "KK",
        "KABUSHIKI KAISHA",
        "KABUSHIKIGAISHA",
        "LLC",
        "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU",
        "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU",
        "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU",
        "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTIU",
        "AKTSIONERNOE OBSHCHESTVO",
        "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO",
        "OTKRYTOE AKTSIONERNOE OBSHCHESTVO",
        "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO",
        "JOINT STOCK COMPANY",
        "OPEN JOINT STOCK COMPANY",
        "CLOSED JOINT STOCK COMPANY",
        "PUBLIC JOINT STOCK COMPANY",
        "LIMITED LIABILITY COMPANY",
        *_SCH,
        *(form for form, (_, _, _, first) in post_soviet_forms.FORMS.items() if first),
        *(form for form, (_, _, first) in qualified_forms.FORMS.items() if first),
    }
)

#: Vessel prefixes (vessels only): "MV OCEAN STAR" → OCEAN STAR.
VESSEL_FORMS: frozenset[str] = frozenset({"MV", "M V", "MT", "M T", "SS", "MS", "M S", "FV", "RV", "MY"})

MAX_FORM_TOKENS = 6

#: ELF forms that are a bank followed by its form ("BANK LLC", "BANK CORPORATION", "BANKA A S")
#: are left out: BANK there is a word of the name, which the same bank written with another form
#: keeps ("CETELEM BANK LLC" / "SETELEM BANK LIMITED LIABILITY COMPANY"), and the form after it
#: is still read. Forms that are a kind of bank ("NATIONAL BANK", "COMMERCIAL BANK") stay forms:
#: read as names they would be the one word BANK, the same for every bank.
_BANK_WORDS = frozenset(["BANK", "BANKA"])

#: ELF long names that are ordinary words in business names, not forms.
_NOT_FORMS = frozenset(
    [
        "BUSINESS",
        "DISTRICT",
        "MUNICIPAL",
        "RAILROAD",
        "METROPOLE",
        "COMUNIDAD",
        "CONFEDERATION",
        "MUNICIPIO",
        "DEPARTEMENT",
    ]
)

#: Forms used the world over (and the English renderings of local forms): never a jurisdiction.
INTERNATIONAL: frozenset[str] = frozenset(
    [
        "CO",
        "COMPANY",
        "LTD",
        "LIMITED",
        "LLC",
        "INC",
        "CORP",
        "CORPN",
        "CORPORATION",
        "JSC",
        "OJSC",
        "CJSC",
        "PJSC",
        "PLC",
        "SA",
        "COLTD",
        "COLIMITED",
        "LLP",
        "LP",
        "COMPANYLIMITED",
        "COINC",
        "CORPLTD",
        "JOINTSTOCKCOMPANY",
        "LIMITEDLIABILITYCOMPANY",
    ]
)
_SOVIET = frozenset(["RU", "BY", "KZ", "UA", "KG", "UZ", "AM", "TJ", "TM", "AZ", "MD", "GE"])
#: The post-Soviet states, whose forms (OOO, TOO, TOV …) say where a company is registered.
POST_SOVIET = _SOVIET
#: Jurisdictions of supplement forms (ELF gives the rest).
_SUPPLEMENT_COUNTRIES: dict[str, frozenset[str]] = {
    **{
        f: _SOVIET
        for f in ("OOO", "ZAO", "OAO", "PAO", "AO", "CHAO", "NAO", "TOO", "FGUP", "GUP", "FGUE", "FSUE")
    },
    **{f: frozenset({"AE"}) for f in ("FZE", "FZCO", "FZC", "FZLLC")},
    **{form.replace(" ", ""): where for form, (_, _, where, _) in post_soviet_forms.FORMS.items()},
    "SPRDERL": frozenset({"MX"}),
    "SDEPRDERL": frozenset({"MX"}),
    "SDERLDECV": frozenset({"MX"}),
    "SRLDECV": frozenset({"MX"}),
    "SPRDERLDECV": frozenset({"MX"}),
    "SDEPRDERLDECV": frozenset({"MX"}),
    "SDNBHD": frozenset({"MY"}),
    "BHD": frozenset({"MY"}),
    "BERHAD": frozenset({"MY"}),
    "PTELTD": frozenset({"SG", "MY"}),
    "PTELIMITED": frozenset({"SG", "MY"}),
    "PVTLTD": frozenset({"IN", "PK", "LK", "NP", "BD"}),
    # Singapore's "Pte. Ltd." is its Private Limited written short (Companies Act s.27).
    "PRIVATELIMITED": frozenset({"IN", "PK", "LK", "NP", "BD", "SG", "MY"}),
    "PTYLTD": frozenset({"AU", "ZA"}),
    **{f: frozenset({"JP"}) for f in ("KK", "KABUSHIKIKAISHA", "KABUSHIKIGAISHA")},
    **{f: frozenset({"ID"}) for f in ("PT", "TBK")},
    **{f: frozenset({"KR"}) for f in ("JUSIKHOESA", "CHUSIKHOESA")},
    **{
        f: frozenset({"CN", "HK", "TW", "MO"})
        for f in ("YOUXIANGONGSI", "YOUXIANZERENGONGSI", "GUFENYOUXIANGONGSI", "GONGSI")
    },
}
#: Countries where a form is written as lists write it but the ELF table abbreviates it otherwise
#: or not at all: added to the ELF's. The Czech and Slovak "a.s." (akciová společnost /
#: spoločnosť) has no abbreviation there, and read from the Danish, Norwegian, Turkish … A/S
#: alone it was a form of other jurisdictions than its own name written in full.
_ABBREVIATION_COUNTRIES: dict[str, frozenset[str]] = {"AS": frozenset({"CZ", "SK"})}
#: The word of forms that says nothing of where a company is registered (see LegalForms.jurisdictions).
_COMPANY_WORDS = frozenset(["COMPANY", "CO"])
#: A form used in at most this many jurisdictions says where a company is registered.
MAX_SPECIFIC_COUNTRIES = 6


def _classify(long_names: str) -> str:
    # Accents stripped: the keywords are written without them ("anonima" of "Sociedad anónima").
    decomposed = unicodedata.normalize("NFD", long_names.lower())
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    for cls, words in _CLASS_KEYWORDS:
        if any(w in text for w in words):
            return cls
    return OTHER


def _classify_row(long_names: Sequence[str]) -> str:
    """The class of one ELF row from its long names (local, transliterated). A name written
    "<form>, <line of business>" is of its form's class: the Mexican "Sociedad anónima de capital
    variable, administradora de fondos para el retiro" is a stock corporation that manages funds,
    not a foundation (the FOND of "fondos"), and outvoted the plain S.A. de C.V. of its
    abbreviation. The whole name decides when the part before the comma says nothing."""
    heads = [name.split(",")[0] for name in long_names if "," in name]
    if heads:
        head_cls = _classify(" ".join(heads))
        if head_cls != OTHER:
            return head_cls
    return _classify(" ".join(long_names))


def letters_run_together(key: tuple[str, ...]) -> tuple[str, ...]:
    """A form's words with each run of its one-letter words written as one word: "S.A. de C.V."
    is written "SA DE CV" as often as "S.A. DE C.V.", and "S. de R.L." "S DE RL". Keys made only
    of letters are left as they are ("P C" run together would be a new one-word form, PC, cut
    from names that end in that word)."""
    if all(len(w) == 1 for w in key):
        return key
    out: list[str] = []
    for single, run in groupby(key, key=lambda w: len(w) == 1):
        words = list(run)
        out.extend(["".join(words)] if single else words)
    return tuple(out)


@cache
def _load(folder: Callable[[str], str]) -> tuple[dict[tuple[str, ...], str], dict[str, frozenset[str]]]:
    """(folded form (token tuple) → class, squeezed form → countries), from ELF plus the supplement."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    countries: dict[str, set[str]] = defaultdict(set)
    with ELF_TABLE.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("ELF Status ACTV/INAC") != "ACTV":
                continue
            cls = _classify_row(
                (
                    row.get("Entity Legal Form name Local name") or "",
                    row.get("Entity Legal Form name Transliterated name (per ISO 01-140-10)") or "",
                )
            )
            forms: list[str] = []
            for field in ("Abbreviations Local language", "Abbreviations transliterated"):
                for part in (row.get(field) or "").replace(",", ";").split(";"):
                    forms.append(part)
            for field in (
                "Entity Legal Form name Local name",
                "Entity Legal Form name Transliterated name (per ISO 01-140-10)",
            ):
                long_name = folder(row.get(field) or "")
                # Long names as forms ("AKTIENGESELLSCHAFT"), but not short words that name
                # businesses as often as they name forms (BANK, FUND).
                if long_name and (" " in long_name or len(long_name) >= 8) and long_name not in _NOT_FORMS:
                    forms.append(long_name)
            for form in forms:
                key = tuple(folder(form).split())
                if key and len(key) <= MAX_FORM_TOKENS:
                    votes[key][cls] += 1
                    if row.get("Country Code (ISO 3166-1)"):
                        countries["".join(key)].add(row["Country Code (ISO 3166-1)"])
    # Roman numerals are numbers of the name ("… II CORP"), never a form.
    romans = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
    table = {
        key: counts.most_common(1)[0][0]
        for key, counts in votes.items()
        if "".join(key) not in romans and not (len(key) > 1 and key[0] in _BANK_WORDS)
    }
    for text, cls in _SUPPLEMENT.items():
        table[tuple(folder(text).split())] = cls
    for key, cls in list(table.items()):
        table.setdefault(letters_run_together(key), cls)
    for squeezed, extra in _ABBREVIATION_COUNTRIES.items():
        countries[squeezed] |= extra
    where = {k: frozenset(v) for k, v in countries.items()}
    where.update(_SUPPLEMENT_COUNTRIES)
    return table, where


class LegalForms:
    """Finds legal forms at the edges of a folded token sequence."""

    def __init__(self, folder: Callable[[str], str], business: frozenset[str] = frozenset()):
        """``business``: the line-of-business words, which no form given other writings holds
        (:mod:`graph.resolve.form_writings`)."""
        self.table, self.countries = _load(folder)
        # The supplement may hold a form longer than the ELF ones (S DE P R DE R L).
        self.longest = max(len(key) for key in self.table)
        # Each form by its letters without spaces, for a run of forms cut that spells one
        # (:meth:`split`); the longest key of a spelling decides its class, as the table does.
        self.spelled: dict[str, str] = {}
        for key in sorted(self.table, key=len, reverse=True):
            self.spelled.setdefault("".join(key), self.table[key])
        self.prefixes = {tuple(folder(p).split()) for p in PREFIX_FORMS}
        self.vessel = {tuple(folder(p).split()) for p in VESSEL_FORMS}
        self._where: dict[str, frozenset[str] | None] = {}
        # "GMBH & COMPANY KG" is GMBH AND CO KG: read as the form of the table it writes. Built
        # after the rest, so that ``split`` gives the reading a writing has without this rule.
        self.writings: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.writings = form_writings(
            self.table, business | _NOT_FORMS, family, lambda key: self.split(("X", *key))[2]
        )
        self.longest = max([self.longest, *(len(w) for w in self.writings)])

    def split(self, tokens: Sequence[str], kind: str = "company") -> tuple[tuple[str, ...], str | None, str]:
        """``(remaining tokens, class of the outermost form or None, form as written)``.

        Strips every form at the end (``HUAXIN CO LTD`` → ``HUAXIN``) and the known prefix
        forms at the start (``OOO ROMASHKA``). A name made only of forms keeps nothing. The form
        reported is the outermost one cut, or the whole run cut from the end when its letters
        spell one form ("S DE R L DE CV", cut as S DE R L and DE CV, is the S. de R.L. de C.V.).
        """
        toks = tuple(tokens)
        found_cls: str | None = None
        found_text = ""
        ending: tuple[str, ...] = ()  # every word cut from the end, in order
        if kind == "vessel":
            for n in (2, 1):
                if len(toks) > n and toks[:n] in self.vessel:
                    return toks[n:], VESSEL, " ".join(toks[:n])
            return toks, None, ""
        if kind not in FORM_KINDS:
            return toks, None, ""
        changed = True
        while changed and toks:
            changed = False
            # A second form never takes the last word: "NPC INTERNATIONAL COMPANY" is the
            # company NPC under the form INTERNATIONAL COMPANY, not a name made of two forms.
            room = len(toks) if found_cls is None else len(toks) - 1
            for n in range(min(self.longest, room), 0, -1):
                tail = toks[-n:]
                form = self.writings.get(tail, tail) if n > 1 else tail
                # "T E G LIMITED": after the form, letters after a letter are the name's initials.
                if form in self.table and not (found_cls is not None and continues_initials(toks, n)):
                    cls = self.table[form]
                    if found_cls is None or found_cls == GENERIC:
                        found_cls, found_text = cls, " ".join(form)
                    toks = toks[:-n]
                    ending = tail + ending
                    if len(ending) > n and (whole := self.spelled.get("".join(ending))) is not None:
                        # "SPR DE R L DE CV": forms cut one after another that spell one form
                        # (S.P.R. de R.L. de C.V.) are that form, not the last one cut (DE CV).
                        found_cls, found_text = whole, " ".join(ending)
                    changed = True
                    break
            if not changed and ending and (pieces := form_pieces(toks, ending, self.spelled)):
                # "SADE CV", "SPR DE R L DE CV": the words before the forms cut are pieces of
                # one form with them, written together or apart otherwise than the table.
                toks, ending = toks[:-pieces], toks[-pieces:] + ending
                found_cls, found_text = self.spelled["".join(ending)], " ".join(ending)
                changed = True
            room = len(toks) if found_cls is None else len(toks) - 1
            for n in range(min(MAX_FORM_TOKENS, room), 0, -1):
                head = self.writings.get(toks[:n], toks[:n])
                if head in self.prefixes:
                    if found_cls is None or found_cls == GENERIC:
                        found_cls, found_text = self.table.get(head, OTHER), " ".join(head)
                    toks = toks[n:]
                    changed = True
                    break
        return toks, found_cls, found_text

    def prefix_length(self, tokens: Sequence[str]) -> int:
        """Number of words of the prefix form that starts ``tokens`` and leaves a word (0: none)."""
        toks = tuple(tokens)
        for n in range(min(MAX_FORM_TOKENS, len(toks) - 1), 0, -1):
            if self.writings.get(toks[:n], toks[:n]) in self.prefixes:
                return n
        return 0

    def jurisdictions(self, form_text: str) -> frozenset[str] | None:
        """Countries where a form is used, when that says something (None: used everywhere).

        A form that is another form followed by COMPANY is used where that form is, too: COMPANY
        says nothing of where ("COOPERATIVE COMPANY" is New Zealand's in the ELF table, but
        "… COOPERATIVE CO" is the COOPERATIVE of "… COOPERATIVE" written with it, and "LIMITED
        COMPANY" the LIMITED used the world over)."""
        if form_text not in self._where:
            self._where[form_text] = self._jurisdictions(form_text)
        return self._where[form_text]

    def _jurisdictions(self, form_text: str) -> frozenset[str] | None:
        key = form_text.replace(" ", "")
        if not key or key in INTERNATIONAL:
            return None
        where = self.countries.get(key)
        *rest, last = form_text.split()
        if rest and last in _COMPANY_WORDS:
            before = "".join(rest)
            if before in INTERNATIONAL:
                return None
            where = (where or frozenset()) | self.countries.get(before, frozenset())
        if not where or len(where) > MAX_SPECIFIC_COUNTRIES:
            return None
        return where

    def jurisdiction_conflict(self, form_a: str, form_b: str) -> bool:
        """Both forms belong to specific jurisdictions and share none (GmbH vs Sdn Bhd)."""
        a, b = self.jurisdictions(form_a), self.jurisdictions(form_b)
        return a is not None and b is not None and not (a & b)


def agreement(a: str | None, b: str | None) -> int:
    """+1 same legal-form class, -1 clearly different classes, 0 unknown or compatible."""
    if not a or not b or GENERIC in (a, b) or OTHER in (a, b):
        return 0
    if a == b:
        return 1
    if frozenset({a, b}) in COMPATIBLE:
        return 0
    return -1


#: Legal forms that are one form written differently or translated ("LLC" = "OOO" = "Limited
#: Liability Company"; "AO" = "JSC" = "OAO" after a re-registration). Keys are the folded form
#: with spaces removed. Two *written* forms of different families say "two legal persons"
#: (the sibling "ADOON GENERAL TRADING LLC" and "… FZE"); a clerk drops or abbreviates a form,
#: he does not turn a GmbH into a PLC. Forms not listed (CO, COMPANY, nonprofit words …) have
#: no family and never conflict. A form written short or in full is in its family either way
#: (JOINT STOCK CO as JOINT STOCK COMPANY; tests/graph/resolve/test_form_writings.py checks it).
FAMILIES: dict[str, str] = {
    form: family
    for family, forms in {
        "LTD": "LTD LIMITED COLTD COLIMITED COMPANYLIMITED COMPANYLTD LTDCO LIMITEDCOMPANY ONEPERSONCOLTD "
        "ONEPERSONCOMPANYLIMITED",
        "PRIVATE": "PVTLTD PRIVATELIMITED PVT PVTLIMITED",
        "PTE": "PTELTD PTE PTELIMITED",
        "LLC": "LLC ONEPERSONLLC ONEPERSONLIMITEDLIABILITYCOMPANY "
        "LIMITEDLIABILITYCOMPANY LIMITEDLIABILITYCO LTDLIABILITYCO LTDLIABILITYCOMPANY OOO "
        "OBSHCHESTVOSOGRANICHENNOIOTVETSTVENNOSTYU "
        "OBSHCHESTVOSOGRANICHENNOYOTVETSTVENNOSTYU TOO TOV FLLC",
        "JSC": "JSC AO OAO OJSC ZAO CJSC PAO PJSC NAO JOINTSTOCKCOMPANY JOINTSTOCKCO OPENJOINTSTOCKCOMPANY "
        "CLOSEDJOINTSTOCKCOMPANY PUBLICJOINTSTOCKCOMPANY AKTSIONERNOEOBSHCHESTVO "
        "OTKRYTOEAKTSIONERNOEOBSHCHESTVO ZAKRYTOEAKTSIONERNOEOBSHCHESTVO "
        "PUBLICHNOEAKTSIONERNOEOBSHCHESTVO JCS DJSC",
        "CORP": "CORP CORPN CORPORATION INC INCORPORATED",
        "SA": "SA SAS SADECV DECV SAL SAC CA SAPIDECV SOCIEDADANONIMA SPA",
        "LTDA": "LTDA CIALTDA SRL SARL SDERL SDERLDECV SPRDERL SDEPRDERL SPRDERLDECV SDEPRDERLDECV",
        "GMBH": "GMBH GMBHANDCOKG GMBHCOKG ANDCOKG KG",
        "AG": "AG",
        "BV": "BV",
        "NV": "NV",
        "SDNBHD": "SDNBHD",
        "BHD": "BHD BERHAD",
        "FREEZONE": "FZE FZCO FZC FZLLC",
        "PLC": "PLC PUBLICLIMITEDCOMPANY",
        "AB": "AB",
        "AS": "AS APS",
        "OY": "OY OYJ",
        "SPZOO": "SPZOO",
        "OOD": "OOD EOOD",
        "LLP": "LLP",
        "LP": "LP",
        "LTDSTI": "LTDSTI",
        "KK": "KK KABUSHIKIKAISHA KABUSHIKIGAISHA",
    }.items()
    for form in forms.split()
}
#: "Limited Sirketi" is "Limited Company" word for word; "Anonim Sirketi" is the A.S.
FAMILIES.update({"LIMITEDSIRKETI": "LTD", "LTDSIRKETI": "LTD", "ANONIMSIRKETI": "AS"})
#: The Czech / Slovak a.s. written in full.
FAMILIES.update({"AKCIOVASPOLECNOST": "AS", "AKCIOVASPOLOCNOST": "AS"})
#: The OBSCHESTVO spellings of the Russian forms are in their families.
FAMILIES.update(
    {k.replace("OBSHCHESTVO", "OBSCHESTVO"): v for k, v in FAMILIES.items() if "OBSHCHESTVO" in k}
)
FAMILIES.update({f.replace(" ", ""): fam for f, (_, fam, _, _) in post_soviet_forms.FORMS.items() if fam})
FAMILIES.update({f.replace(" ", ""): fam for f, (_, fam, _) in qualified_forms.FORMS.items()})


def is_common_form(form_text: str) -> bool:
    """A form of a family (LLC, GMBH) or one used the world over (CO, CO INC): never a registry's
    code that is as often a company's initials (graph.resolve.bare_names)."""
    return family(form_text) is not None or form_text.replace(" ", "") in INTERNATIONAL


def family(form_text: str) -> str | None:
    """The family of a written legal form (see :data:`FAMILIES`), None when it has none."""
    return FAMILIES.get(form_text.replace(" ", "")) if form_text else None
