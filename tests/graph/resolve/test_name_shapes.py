"""People of the typeless lists read from the shape of their name or a census given name.

(:mod:`graph.resolve.name_shapes`, :mod:`graph.resolve.census_given_names`, as
:mod:`graph.resolve.name_kind_reading` weighs them.)"""

from __future__ import annotations

import pytest

from graph.resolve.census_given_names import CENSUS_TABLE, census_given_names
from graph.resolve.name_kind_reading import read_kind
from graph.resolve.name_shapes import family_name_ending, middle_initials, patronymic, syllable_name

# --- the shapes ---------------------------------------------------------------------------------


def test_patronymics_and_family_name_endings() -> None:
    assert patronymic(("RAMIL", "YARULLOVICH", "MAGZHANOV")) == "YARULLOVICH"
    assert patronymic(("VOLHA", "LIEANIDAWNA")) == "LIEANIDAWNA"  # Belarusian
    assert patronymic(("SABIROV", "OGLU")) == "OGLU"
    assert patronymic(("SAMUSEV", "IGOR")) == ""
    for surname in ("SAMUSEV", "ANDREEV", "SOLDATENKOVA", "PONOMARENKO", "KHARABADZE", "KOBAKHIDZE"):
        assert family_name_ending(surname), surname
    for word in ("OV", "AVIATION", "IRANIAN", "YAN"):  # too short, or another ending
        assert not family_name_ending(word), word


def test_korean_and_chinese_syllable_names() -> None:
    assert syllable_name(("YIP", "KUM", "KUAN")) == "YIP"
    assert syllable_name(("YONG", "NAM", "LIM")) == "LIM"  # surname last
    assert syllable_name(("KUM", "KUAN")) == ""  # no surname of the closed set at either end
    assert syllable_name(("WANG", "ERIC")) == ""  # ERIC is no romanised syllable
    assert syllable_name(("KIM", "JONG", "UN", "HAK")) == ""  # four words: not a name


def test_middle_initials_are_single_letters_between_two_words() -> None:
    assert middle_initials("Ronald J. Hoffman", ("RONALD", "J", "HOFFMAN")) == ("J",)
    assert middle_initials("Andrey V Gromadskih", ("ANDREY", "V", "GROMADSKIH")) == ("V",)
    assert middle_initials("Daniel A. Malloy", ("DANIEL", "A", "MALLOY")) == ("A",)
    # a vowel without a full stop is the "and" of Spanish, Italian, Slavic names of firms
    assert middle_initials("TODOBOLSAS Y COLSOBRES", ("TODOBOLSAS", "Y", "COLSOBRES")) == ()
    # letters that spell a legal form
    assert middle_initials("KARNER D.O.O. LJUBLJANA", ("KARNER", "D", "O", "O", "LJUBLJANA")) == ()
    assert middle_initials("PIELES S.A. BOGOTA", ("PIELES", "S", "A", "BOGOTA")) == ()
    assert middle_initials("V.V. Ivanov", ("V", "V", "IVANOV")) == ()  # not between two words


# --- the reading: people the word table alone missed (Entity List, DPL, DTC rows) ----------------


@pytest.mark.parametrize(
    ("name", "shape"),
    [
        ("Ronald J. Hoffman", "middle initial J"),
        ("Yevgeniy L Biryukov", "middle initial L"),  # L: 238 company entries ("L L C")
        ("Ramil Yarullovich Magzhanov", "patronymic YARULLOVICH"),
        ("Zhelyaz Andreev", "family-name ending ANDREEV"),
        ("TENGIZ SYDYKOV", "family-name ending SYDYKOV"),
        ("Yip Kum Kuan", "syllable name, surname YIP"),
        ("Wei Sun", "syllable name, surname WEI"),  # SUN is in company names too
        ("Brian Keith Bishop", "census given name BRIAN"),
        ("Graham Avery", "census given name GRAHAM"),
        ("Michael Shapovalov", "census given name MICHAEL"),  # MICHAEL 6 person / 2 company entries
    ],
)
def test_people_read_from_the_shape_of_their_name(name: str, shape: str) -> None:
    reading = read_kind(name)
    assert reading.person, reading.evidence
    assert shape in reading.evidence


@pytest.mark.parametrize(
    "name",
    [
        "Maximo de los Santos",  # DE: 600 company entries ("S.A. DE C.V."), a particle here
        "Shawn Hugo De Villiers",
        "Manuel Valencia-Hermosillo",  # HERMOSILLO 2 company / 0 person: outvoted by two person words
        "MUHAMMAD ISAM MUHAMMAD ANWAR NUR SHAMMOUT",  # six words, four person words
    ],
)
def test_particles_rare_company_words_and_long_names_do_not_hide_a_person(name: str) -> None:
    reading = read_kind(name)
    assert reading.person, reading.evidence


def test_a_census_name_counts_only_in_the_given_names_place_and_in_no_company_name() -> None:
    table: dict[str, tuple[int, int]] = {"BULGARIAN": (0, 1)}
    assert read_kind("Page Galeria", table=table).person
    assert read_kind("ZAREK, Page", table=table).person  # the OFAC order
    assert not read_kind("Galeria Page", table=table).person  # "GALERIA PAGE" of the SDN
    assert not read_kind("Summer Bulgarian", table=table).person  # BULGARIAN is in a company name
    assert not read_kind("Summer Galeria", table={"SUMMER": (0, 1)}).person


def test_organisations_stay_organisations() -> None:
    firms = ("TODOBOLSAS Y COLSOBRES", "KARNER D.O.O. LJUBLJANA", "Huawei Technologies", "Hong Kong Trading")
    for name in firms:
        assert not read_kind(name).person, name
    # a long name needs nearly all its words to be person words
    assert not read_kind("Abdul Qader Khan Research Laboratories Kahuta").person


def test_the_census_table_holds_the_given_names() -> None:
    given = census_given_names()
    assert {"BRIAN", "GRAHAM", "MARYANNE"} <= given
    assert "AL" not in given  # two letters: a word of every language
    assert CENSUS_TABLE.read_text(encoding="utf-8").startswith("# US Census 1990 first names")


def test_the_census_table_matches_a_fresh_build() -> None:
    names = pytest.importorskip("names")
    from pathlib import Path

    from scripts.build_census_given_names import census_rows

    fresh = {n for n in census_rows(Path(names.__file__).parent) if len(n) >= 3}
    assert fresh == census_given_names()


# --- the held-out benchmark ----------------------------------------------------------------------


def test_held_out_precision_and_recall() -> None:
    # benchmarks/name_kind_eval.py: typed rows read with the word table of the other folds
    from benchmarks.name_kind_eval import held_out
    from ingest.lists.model import EntityKind
    from ingest.lists.pipeline import bundled_list_paths
    from scripts.build_name_kind_words import typed_entries

    rows = held_out(typed_entries(bundled_list_paths()), 5)
    read = [e for e, person in rows if person]
    true = sum(e.kind is EntityKind.PERSON for e in read)
    persons = sum(e.kind is EntityKind.PERSON for e, _ in rows)
    assert true / len(read) >= 0.999
    assert true / persons >= 0.84  # 0.742 with the word table alone
