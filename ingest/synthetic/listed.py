"""Real listed parties (Entity List / SDN entities from the bundled CSL) and the ways shipping
clerks write their names: abbreviations, reordered tokens, typos, other romanisations, legal
form dropped, and original scripts — Russian names keyed in Cyrillic, Chinese names as the
original-script aliases the bundled UN list publishes. The planted schemes use them so
resolution is tested on real list names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ingest.lists.model import EntityKind
from ingest.lists.readers import un_xml
from ingest.normalize.countries import to_iso2

CSL_PATH = Path(__file__).resolve().parents[2] / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz"
UN_PATH = Path(__file__).resolve().parents[2] / "data" / "lists" / "un" / "UN_consolidated.xml"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

#: CSL ``source`` prefix → ListSource value used in ``list:{ListSource}:{source_id}`` ids.
CSL_SOURCES = {
    "Entity List (EL)": "US_EL",
    "Specially Designated Nationals (SDN)": "US_SDN",
    "Military End User (MEU)": "US_MEU",
}

#: Words clerks shorten (regex on upper-case text) — order matters: long phrases first.
ABBREVIATE: tuple[tuple[str, str], ...] = (
    (r"\bCOMPANY LIMITED\b", "CO LTD"),
    (r"\bCO\.?,? LTD\.?", "CO LTD"),
    (r"\bLIMITED LIABILITY COMPANY\b", "LLC"),
    (r"\bJOINT STOCK COMPANY\b", "JSC"),
    (r"\bLIMITED\b", "LTD"),
    (r"\bCOMPANY\b", "CO"),
    (r"\bCORPORATION\b", "CORP"),
    (r"\bTECHNOLOGY\b|\bTECHNOLOGIES\b", "TECH"),
    (r"\bELECTRONICS?\b", "ELEC"),
    (r"\bGROUP\b", "GRP"),
    (r"\bINTERNATIONAL\b", "INTL"),
    (r"\bINDUSTRIAL\b|\bINDUSTRY\b", "IND"),
    (r"\bTRADING\b", "TRDG"),
    (r"\bDEVELOPMENT\b", "DEV"),
    (r"\bENGINEERING\b", "ENGG"),
    (r"\bRESEARCH INSTITUTE\b", "RES INST"),
    (r"\bMANUFACTURING\b", "MFG"),
)
LEGAL_FORMS = re.compile(
    r"\b(CO\.?,? ?LTD\.?|COMPANY LIMITED|LIMITED|LTD\.?|LLC|L\.L\.C\.|OOO|AO|ZAO|OAO|JSC|PJSC|"
    r"INC\.?|CORP\.?|CORPORATION|GMBH|FZE|FZCO|LLP|TOO)\b"
)
#: Alternative romanisations: Russian (BGN vs. passport/German-style) and Chinese (pinyin vs Wade-Giles).
ROMANISE_RU: tuple[tuple[str, str], ...] = (
    ("SHCH", "SCH"),
    ("KH", "H"),
    ("YA", "IA"),
    ("YU", "IU"),
    ("ZH", "J"),
    ("TS", "C"),
    ("IY ", "II "),
    ("YY", "II"),
    ("YE", "E"),
    ("V ", "W "),
    ("OOO ", "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU "),
)
ROMANISE_ZH: tuple[tuple[str, str], ...] = (
    ("ZH", "CH"),
    ("XI", "HSI"),
    ("QI", "CHI"),
    ("X", "HS"),
    ("Q", "CH"),
    ("ONG", "UNG"),
    ("BEIJING", "PEKING"),
    ("GUANGZHOU", "CANTON"),
    ("Z", "TS"),
)
RU_LIKE = {"RU", "BY", "KZ", "AM", "KG", "UA", "UZ", "GE"}


#: Latin (BGN-style romanisation, as the lists publish Russian names) → Cyrillic, longest first.
#: Legal forms become their Russian abbreviations; letters Russian lacks get their usual stand-ins.
TO_CYRILLIC_WORDS: dict[str, str] = {
    "LIMITED LIABILITY COMPANY": "ООО",
    "JOINT STOCK COMPANY": "АО",
    "LLC": "ООО",
    "JSC": "АО",
    "OJSC": "ОАО",
    "CJSC": "ЗАО",
    "PJSC": "ПАО",
}
#: Context rules applied before the letter table (patterns on the upper-case Latin text).
TO_CYRILLIC_CONTEXT: tuple[tuple[str, str], ...] = (
    (r"YY\b", "ЫЙ"),  # NOVYY
    (r"(?<=[AEIOU])Y(?![AEIOU])", "Й"),  # ROSSIYSKIY
    (r"\bE", "Э"),  # a word-initial E is Э: ELKOMTEKH
    (r"TECH", "ТЕХ"),  # English loan words as Russian writes them: TECHNOMAR → ТЕХНОМАР
    (r"\bCOMPANY\b", "КОМПАНИ"),
)
TO_CYRILLIC: tuple[tuple[str, str], ...] = (
    ("SHCH", "Щ"),
    ("KH", "Х"),
    ("ZH", "Ж"),
    ("TS", "Ц"),
    ("CH", "Ч"),
    ("SH", "Ш"),
    ("YU", "Ю"),
    ("YA", "Я"),
    ("YE", "Е"),
    ("YO", "Ё"),
    ("A", "А"),
    ("B", "Б"),
    ("V", "В"),
    ("G", "Г"),
    ("D", "Д"),
    ("E", "Е"),
    ("Z", "З"),
    ("I", "И"),
    ("Y", "Ы"),
    ("K", "К"),
    ("L", "Л"),
    ("M", "М"),
    ("N", "Н"),
    ("O", "О"),
    ("P", "П"),
    ("R", "Р"),
    ("S", "С"),
    ("T", "Т"),
    ("U", "У"),
    ("F", "Ф"),
    ("C", "К"),
    ("H", "Х"),
    ("J", "ДЖ"),
    ("Q", "К"),
    ("W", "В"),
    ("X", "КС"),
)


def _first_address(addresses: str) -> tuple[str | None, str | None]:
    first = addresses.split(";")[0].strip() if addresses else ""
    if not first:
        return None, None
    tail = first.rsplit(",", 1)[-1].strip()
    return first, to_iso2(tail) if len(tail) <= 3 else None


def load_listed_pool(path: Path = CSL_PATH) -> pd.DataFrame:
    """Listed companies (EL, SDN entities, MEU) with a first address and its country."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, compression="gzip")
    src = pd.Series("", index=frame.index, dtype=object)
    for prefix, code in CSL_SOURCES.items():
        src[frame["source"].str.startswith(prefix)] = code
    keep = (src != "") & frame["type"].isin(["", "Entity"]) & (frame["name"].str.len() >= 6)
    frame = frame[keep].copy()
    frame["list_source"] = src[keep]
    frame["entry_id"] = "list:" + frame["list_source"] + ":" + frame["_id"]
    parsed = frame["addresses"].map(_first_address)
    frame["address"] = parsed.map(lambda t: t[0])
    frame["country"] = parsed.map(lambda t: t[1])
    frame = frame[frame["country"].notna()]
    # Individuals-like SDN records without a legal form still pass; stable order for determinism.
    return (
        frame[["entry_id", "list_source", "name", "country", "address"]]
        .sort_values("entry_id")
        .reset_index(drop=True)
    )


def to_cyrillic(name: str) -> str:
    """A romanised Russian name written back in Cyrillic, the way a Russian clerk keys it.

    ``"OOO TEKHNOLOGII"`` → ``"ООО ТЕХНОЛОГИИ"``; legal forms become Russian abbreviations
    (``LLC`` → ``ООО``). Transliterating it back (e.g. ``anyascii``) gives the BGN spelling again.
    """
    text = " ".join(re.sub(r"[.,\"']", " ", name.upper()).split())
    for latin, cyr in TO_CYRILLIC_WORDS.items():
        text = re.sub(rf"\b{latin}\b", cyr, text)
    for pattern, cyr in TO_CYRILLIC_CONTEXT:
        text = re.sub(pattern, cyr, text)
    out: list[str] = []
    i = 0
    while i < len(text):
        for latin, cyr in TO_CYRILLIC:
            if text.startswith(latin, i):
                out.append(cyr)
                i += len(latin)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class ScriptAlias:
    """A listed entity with an alias published in Chinese script (bundled UN list)."""

    entry_id: str
    name: str  # primary (Latin) list name
    alias: str  # the alias in Han characters, as published
    address: str | None
    country: str | None


@lru_cache(maxsize=2)
def load_han_aliases(path: Path = UN_PATH) -> tuple[ScriptAlias, ...]:
    """Entities of the bundled UN list with a Chinese-script alias, in list order."""
    found = []
    for entry in un_xml.read(path).entries:
        if entry.kind is not EntityKind.COMPANY:
            continue
        address = entry.addresses[0] if entry.addresses else None
        country = address.country if address else (entry.countries[0] if entry.countries else None)
        if address and "HONG KONG" in address.raw.upper():
            country = "HK"
        for alias in entry.aliases:
            if _HAN.search(alias.name):
                found.append(
                    ScriptAlias(
                        entry.node_id, entry.name, alias.name, address.raw if address else None, country
                    )
                )
    return tuple(sorted(found, key=lambda a: a.entry_id))


def _typo(text: str, rng: np.random.Generator) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 6:
        return text
    i = letters[int(rng.integers(1, len(letters) - 1))]
    op = int(rng.integers(0, 3))
    if op == 0:  # drop a letter
        return text[:i] + text[i + 1 :]
    if op == 1 and i + 1 < len(text) and text[i + 1].isalpha():  # swap neighbours
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    near = "QWERTYUIOPASDFGHJKLZXCVBNM"
    return text[:i] + near[(near.index(text[i].upper()) + 1) % len(near)] + text[i + 1 :]


def _abbreviate(text: str) -> str:
    for pattern, short in ABBREVIATE:
        text = re.sub(pattern, short, text)
    return text


def _reorder(text: str) -> str:
    tokens = text.split()
    if len(tokens) < 4:
        return text
    # "SHENZHEN ABC TECH CO LTD" → "ABC TECH (SHENZHEN) CO LTD": the city moves behind the trade name.
    head, rest = tokens[0], tokens[1:]
    legal: list[str] = []
    while rest and LEGAL_FORMS.fullmatch(rest[-1]):
        legal.insert(0, rest.pop())
    if len(rest) < 2:
        return " ".join([*rest, head, *legal])
    return " ".join([*rest, f"({head})", *legal])


def _romanise(text: str, country: str | None) -> str:
    table = ROMANISE_RU if country in RU_LIKE else ROMANISE_ZH
    for a, b in table:
        if a in text:
            return text.replace(a, b)
    return text


def clerk_variant(name: str, country: str | None, rng: np.random.Generator) -> tuple[str, list[str]]:
    """A listed name as a clerk would key it, and the operations applied (for ground truth)."""
    text = re.sub(r"[.,\"']", " ", name.upper())
    text = " ".join(text.split())
    ops: list[str] = ["uppercase"]
    steps = ["abbreviate", "drop_legal_form", "reorder", "typo", "romanise"]
    chosen = rng.choice(len(steps), size=int(rng.integers(1, 3)), replace=False)
    for k in sorted(int(c) for c in chosen):
        step = steps[k]
        before = text
        if step == "abbreviate":
            text = _abbreviate(text)
        elif step == "drop_legal_form":
            text = " ".join(LEGAL_FORMS.sub(" ", text).split()) or text
        elif step == "reorder":
            text = _reorder(text)
        elif step == "typo":
            text = _typo(text, rng)
        else:
            text = _romanise(text, country)
        if text != before:
            ops.append(step)
    if len(ops) == 1:  # nothing applied: guarantee at least one clerk's change
        if _abbreviate(text) != text:
            text = _abbreviate(text)
            ops.append("abbreviate")
        else:
            text = _typo(text, rng)
            ops.append("typo")
    return text, ops


def clerk_address(address: str, rng: np.random.Generator) -> str:
    """An address re-keyed: upper case, short street words, punctuation dropped."""
    text = address.upper()
    for long, short in (
        ("ROAD", "RD"),
        ("STREET", "ST"),
        ("DISTRICT", "DIST"),
        ("BUILDING", "BLDG"),
        ("FLOOR", "FL"),
        ("ROOM", "RM"),
        ("AVENUE", "AVE"),
    ):
        if rng.random() < 0.7:
            text = re.sub(rf"\b{long}\b", short, text)
    return " ".join(text.replace(",", " ").split())
