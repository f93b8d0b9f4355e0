"""Hypothesis strategies for realistic list names, shared by the property tests of resolution
(tests/graph/resolve/test_compare_properties.py) and screening
(tests/graph/screening/test_screen_properties.py).

Random text rarely reaches the scorers' machinery; the names here are built from the parts list
names are made of: words of the bundled lists (data/reference/list_token_df.csv, read once), given
names, line-of-business words, legal forms (with and without dots, in front or behind), brackets,
ampersands, hyphens, digits, Roman numerals, Arabic particles, and now and then a Cyrillic,
Chinese or Arabic word.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from hypothesis import strategies as st

from graph.resolve.names import GENERIC_WORDS

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
KINDS = ("company", "person", "vessel")


def _list_words() -> list[str]:
    """Words of three or more letters that stand in two or more list entries."""
    with (REFERENCE / "list_token_df.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return [
            r["word"] for r in rows if r["word"].isalpha() and len(r["word"]) >= 3 and int(r["entries"]) >= 2
        ]


def _given_names() -> list[str]:
    with (REFERENCE / "census_given_names.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return [r["name"] for r in rows][:600]


LIST_WORDS = _list_words()
GIVEN_NAMES = _given_names()
GENERIC = sorted(GENERIC_WORDS)
LEGAL_FORMS = [
    "LLC",
    "L.L.C.",
    "OOO",
    "OAO",
    "ZAO",
    "JSC",
    "CJSC",
    "PJSC",
    "CO.",
    "CO",
    "LTD",
    "LTD.",
    "CO., LTD.",
    "Co Ltd",
    "LIMITED",
    "COMPANY LIMITED",
    "Corp.",
    "CORPORATION",
    "Inc.",
    "S.A.",
    "SA",
    "S.A. DE C.V.",
    "SA DE CV",
    "S.R.L.",
    "S.A.S.",
    "GMBH",
    "GmbH & Co. KG",
    "AG",
    "B.V.",
    "N.V.",
    "PTE. LTD.",
    "Pvt. Ltd.",
    "SDN. BHD.",
    "FZE",
    "FZCO",
    "PLC",
    "Sp. z o.o.",
    "A.S.",
]
WRITTEN_STOP_WORDS = ["THE", "OF", "AND", "FOR", "&"]
PARTICLES = ["AL-", "AL ", "EL-", "BIN ", "BEN ", "ABU ", "ABD AL-", "IBN "]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XII"]
OTHER_SCRIPTS = [
    "Ромашка",
    "Лютик",
    "Восток",
    "Север",
    "华信",
    "深圳",
    "科技",
    "中兴",
    "النور",
    "الفجر",
    "محمد",
    "پارس",
]
PLACES = ["(HK)", "(HONG KONG)", "(BEIJING)", "(SHENZHEN)", "(UAE)", "(MOSCOW)", "(Pvt.)", "(FZE)"]

list_word = st.sampled_from(LIST_WORDS)
case = st.sampled_from([str.upper, str.title, str.lower, str.upper, str.upper])


@st.composite
def dotted_initials(draw: st.DrawFn) -> str:
    letters = draw(st.lists(st.sampled_from("ABCDEFGHIKLMNOPRSTVZ"), min_size=2, max_size=4))
    return ".".join(letters) + draw(st.sampled_from([".", ""]))


@st.composite
def distinctive_word(draw: st.DrawFn) -> str:
    """A word that names someone: a list word, now and then with a particle, initials, a
    hyphenated pair, a number or a word of another script."""
    choice = draw(st.integers(0, 19))
    if choice == 0:
        return draw(dotted_initials())
    if choice == 1:
        return draw(st.sampled_from(OTHER_SCRIPTS))
    if choice == 2:
        return draw(st.sampled_from(PARTICLES)) + draw(list_word)
    if choice == 3:
        return draw(list_word) + "-" + draw(list_word)
    if choice == 4:
        return str(draw(st.integers(1, 999)))
    return draw(list_word)


@st.composite
def company_names(draw: st.DrawFn, forms: Sequence[str] = tuple(LEGAL_FORMS)) -> str:
    """A firm's name; its legal form, if any, one of ``forms`` (none when ``forms`` is empty)."""
    words = draw(st.lists(distinctive_word(), min_size=1, max_size=3))
    if draw(st.booleans()):
        words.insert(draw(st.integers(0, len(words))), "&")
    words += draw(st.lists(st.sampled_from(GENERIC), max_size=2))
    if draw(st.integers(0, 5)) == 0:
        words.append(draw(st.sampled_from(PLACES)))
    if draw(st.integers(0, 5)) == 0:
        words.append(draw(st.sampled_from(ROMAN)))
    form = draw(st.sampled_from(["", "", *forms]))
    if form and draw(st.integers(0, 3)) == 0:
        name = f"{form} «{' '.join(words)}»"  # OOO «Ромашка»
    elif form:
        name = " ".join(words) + draw(st.sampled_from([" ", ", "])) + form
    else:
        name = " ".join(words)
    return draw(case)(name)


@st.composite
def person_names(draw: st.DrawFn) -> str:
    given_names = draw(st.lists(st.sampled_from(GIVEN_NAMES), min_size=1, max_size=2))
    if draw(st.integers(0, 4)) == 0:
        given_names[0] = given_names[0][0] + "."
    surname = draw(st.sampled_from(["", "", "", *PARTICLES])) + draw(list_word)
    given = draw(case)(" ".join(given_names))
    if draw(st.integers(0, 3)) == 0:
        return f"{surname}, {given}"
    return f"{given} {surname}"


@st.composite
def vessel_names(draw: st.DrawFn) -> str:
    words = draw(st.lists(distinctive_word(), min_size=1, max_size=2))
    if draw(st.booleans()):
        words.insert(0, draw(st.sampled_from(["MV", "M/V", "M.V.", "MT"])))
    if draw(st.integers(0, 3)) == 0:
        words.append(draw(st.sampled_from([*ROMAN, "1", "2", "7", "88"])))
    return draw(case)(" ".join(words))


NAMES = {"company": company_names(), "person": person_names(), "vessel": vessel_names()}


@st.composite
def form_only_names(draw: st.DrawFn) -> str:
    """One legal form after stop-words ("THE LLC", "OF CO."). The form cutter takes a form from
    an edge of the name, and a form inside it is read as a word of the name ("ALFA LIMITED FOR
    TRADING"), by design: so not a form stacked on another ("LLC CO") nor one followed by a
    stop-word ("LTD OF"); no listed name is written so."""
    words = draw(st.lists(st.sampled_from(WRITTEN_STOP_WORDS), max_size=2))
    return draw(case)(" ".join([*words, draw(st.sampled_from(LEGAL_FORMS))]))
