"""Name-structure rules for persons, each seen on pairs from the dev split of
benchmarks/resolution_eval.py: Korean and Chinese names compared syllable by syllable
(graph.resolve.syllable_names), Arabic compound name elements (graph.resolve.arabic_compounds),
siblings that share the family part of their names, and contractions (MD, MHD, MG). Each pair
flips with its rule, the rule says so in the reasons of ``compare``, and the batch scorer gives
the same number."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.align import is_contraction
from graph.resolve.arabic_compounds import compound_words
from graph.resolve.given_names import same_given_name, slavic_key
from graph.resolve.names import normalise_name
from graph.resolve.syllable_names import is_syllabic_name, syllable_conflict, word_readings
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person, reasons


def words(name: str) -> tuple[str, ...]:
    return compound_words(normalise_name(name, "person").tokens)


# --- Korean and Chinese syllables -------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        ("Kyong Hak KIM", "Kyong Hyok KIM", "HAK / HYOK"),  # one syllable, another vowel
        ("Min Chol KIM", "Mun Chol KIM", "MIN / MUN"),
        ("Chol KIM", "Min Chol KIM", "(none) / MIN"),  # a syllable more
        ("Mingguo CHEN", "Mingfu CHEN", "MINGGUO / MINGFU"),  # syllables written together
        ("CHO YON CHUN", "CHOE CHUN YONG", "CHO / CHOE"),  # two surnames
    ],
)
def test_korean_and_chinese_names_with_another_syllable_are_two_people(a: str, b: str, words: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision != Decision.MATCH
    assert words in reasons(m)["syllable_conflict"]
    assert next(r.contribution for r in m.reasons if r.feature == "syllable_conflict") < 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kyong Nam KIM", "Kyo'ng-Nam KIM"),  # McCune-Reischauer apostrophes
        ("KIM YONG CHOL", "Kim Young-Cheol"),  # Revised / informal vowels
        ("Su-Kwang KIM", "Sou-gwang KIM"),  # K / G, U / OU
        ("RI PYONG CHUL", "Ri Pyong Chol"),
        ("Chang-Ho PAEK", "Chang-Ho PAK"),
        ("Lin Na WEI", "Linna WEI"),  # syllables joined
        ("HAN JANG SU", "Chang-Su Han"),  # surname first or last
        ("Yung Yuan TSANG", "Yun Yuan TSANG"),  # N / NG
    ],
)
def test_romanisations_of_one_korean_or_chinese_name_match(a: str, b: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision == Decision.MATCH
    assert "syllable_conflict" not in reasons(m)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jianguo ZHOU", "Chien-kuo CHOU"),  # pinyin / Wade-Giles, syllables split otherwise
        ("Qinghua XU", "Ching-hua HSU"),
        ("Xiaoming ZHANG", "Hsiao-ming CHANG"),
    ],
)
def test_one_chinese_name_in_two_romanisations_matches(a: str, b: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision == Decision.MATCH
    assert "same syllables" in reasons(m)["same_syllables"]


@pytest.mark.parametrize(("a", "b"), [("Wei CHEN", "Wei ZHANG"), ("Wei SUN", "Wei SONG")])
def test_other_chinese_surnames_are_no_romanisation(a: str, b: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision == Decision.NO
    assert "same_syllables" not in reasons(m)


def test_syllable_readings() -> None:
    def key(word: str) -> tuple[str, ...]:
        return word_readings(word)[0]  # read as one syllable

    assert key("HYOK") == key("HYEOK")
    assert key("CHOL") == key("CHEOL") == key("CHUL")
    assert key("CHOE") == key("CHOI") != key("CHO")
    assert key("HAK") != key("HYOK")
    assert ("MIN", "KWO") in word_readings("MINGGUO")  # MIN-GGUO and MING-GUO are both read
    assert word_readings("ERIC") == ()  # no romanised syllable: the rule stays silent
    assert is_syllabic_name("KYONG HAK KIM")
    assert not is_syllabic_name("JOHN KIM")
    # Names that are not Korean or Chinese are left alone, however alike.
    assert not syllable_conflict("ALI HASAN", "ALI HUSAN")


# --- Arabic compound name elements ------------------------------------------------------------


def test_arabic_compound_elements_are_one_word() -> None:
    assert words("Abd al-Baset AZZOUZ") == ("ABD-BASET", "AZZOUZ")
    assert words("Abdelbassed AZOUZ") == ("ABD-BASSED", "AZOUZ")
    assert words("Abdurrahman BA'ASYIR") == ("ABD-RAHMAN", "BAASYIR")  # assimilated article
    assert words("Hamdi ZAHER EL DINE") == ("HAMDI", "ZAHERDIN")
    assert words("Hamdi ZAHREDDINE") == ("HAMDI", "ZAHRDIN")
    assert words("Noor ud Din Turabi") == words("NOORUDDIN TURABI") == ("NOORDIN", "TURABI")
    assert words("Seif Allah") == ("SEIFULLAH",)
    assert words("ZIA-UR-RAHMAN MADANI") == ("ZIA", "RAHMAN", "MADANI")  # a linking article
    # 'Abd Allah is one name, written as one plain word.
    assert words("Abdullah Abdulahi") == ("ABDULLAH", "ABDULAHI")
    assert words("Abdou DIOUF") == ("ABDOU", "DIOUF")  # ABDOU is a name of its own


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Abd al-Baset AZZOUZ", "Abdelbassed AZOUZ"),
        ("Hamdi ZAHER EL DINE", "Hamdi ZAHREDDINE"),
        ("Najmuddin Faraj AHMAD", "Fateh Najm Eddine FARRAJ"),
        ("NOORUDDIN TURABI MUHAMMAD QASIM", "Noor ud Din Turabi"),
        ("Abdul Rahim AL-TALHI", "Abdulrheem Hammad A ALTALHI"),
    ],
)
def test_one_compound_element_written_two_ways_matches(a: str, b: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision == Decision.MATCH
    assert "Arabic compound name elements" in reasons(m)["arabic_compound"]


def test_abd_elements_are_compared_by_their_parts() -> None:
    # JAMAL-AL-DIN / HUSAM-AL-DIN, JALAL / HASAN: two people once the elements are whole.
    m = compare(person("Husam-al-Din JALAL"), person("Hasan JAMAL-AL-DIN"))
    assert m.decision == Decision.NO
    # The shared ABD proves nothing: ABD-MALIK / ABD-KHALIQ differ as MALIK / KHALIQ do.
    for a, b in [
        ("Abdul Malik AL HOUTHI", "Abd al-Khaliq AL-HUTHI"),
        ("ABDUL RAHMAN AGHA", "ABDUL MANAN AGHA"),
    ]:
        assert compare(person(a), person(b)).decision == Decision.NO
    # A dropped ABD is a short form, at a discount: ABDUL AZIZ / AZIZ alone is no match.
    m = compare(person("Tariq AZIZ"), person("Abdul AZIZ"))
    assert m.decision != Decision.MATCH


# --- siblings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        ("Bashar Sabawi Ibrahim Hasan AL-TIKRITI", "Ayman Sabawi Ibrahim Hasan AL-TIKRITI", "BASHAR / AYMAN"),
        ("Artem Viktorovich YAKUBETS", "Maksim Viktorovich YAKUBETS", "ARTEM / MAKSIM"),
        ("Diosde GONZALEZ RODRIGUEZ", "Dimas GONZALEZ RODRIGUEZ", "DIOSDE / DIMAS"),
        ("Ali GHOLAMI", "Mohammad GHOLAMI", "ALI / MOHAMMAD"),
    ],
)
def test_one_family_part_with_two_first_names_is_two_people(a: str, b: str, words: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision != Decision.MATCH
    assert words in reasons(m)["first_name_differs"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("J SMITH", "John SMITH"),  # an initial is no other given name
        ("Jose Miguel DOMINGUEZ RAMIREZ", "Miguel DOMINGUEZ"),  # a first name left out
        ("AWEYS, Hassan Dahir", "Hassan Dahir AWEYS"),  # surname written first
    ],
)
def test_first_name_rule_needs_two_different_first_names(a: str, b: str) -> None:
    assert "first_name_differs" not in reasons(compare(person(a), person(b)))


# --- contractions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        ("Khin Maung YI", "Khin Mg YEE", "MAUNG / MG"),
        ("Mhd Amer ALCHWIKI", "Mohammad Amer SHWEIKI", "MHD / MOHAMMAD"),
        ("Md Rafiqul ISLAM", "Mohammed Rafiqul ISLAM", "MD / MOHAMMED"),
    ],
)
def test_a_contraction_is_the_word_it_shortens(a: str, b: str, words: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision == Decision.MATCH
    assert words in reasons(m)["contraction"]


def test_contraction_word_rule() -> None:
    assert is_contraction("MG", "MAUNG")
    assert is_contraction("WM", "WILLIAM")
    assert not is_contraction("ALI", "ALAVI")  # a vowel inside: a name, not a contraction
    assert not is_contraction("MD", "MAHMUT")  # the last letter differs
    assert not is_contraction("MD", "MAD")  # too close in length to be shortened


def test_structure_rules_are_the_same_in_the_batch() -> None:
    pairs = [
        ("Kyong Hak KIM", "Kyong Hyok KIM"),
        ("Abd al-Baset AZZOUZ", "Abdelbassed AZOUZ"),
        ("Artem Viktorovich YAKUBETS", "Maksim Viktorovich YAKUBETS"),
        ("Khin Maung YI", "Khin Mg YEE"),
        ("HADI, Abdul", "Abdul HADI"),
    ]
    scored = batch_equals_compare(pairs)
    assert scored.score[4] > 0.99  # "SURNAME, Given" is read in written order before compounds


# --- East Slavic given names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        ("Igor Nikolayevich BEZLER", "Igor Mykolaiovych BEZLER", "NIKOLAYEVICH / MYKOLAIOVYCH"),
        ("Sergei Yevgenevich ZUBKOV", "Siarhei Yaugenavich ZUBKOU", "SERGEI / SIARHEI"),
        ("Mykola Yanovych AZAROV", "Nikolai Yanovich AZAROV", "MYKOLA / NIKOLAI"),
        ("Vladimir Anatolyevich TYURIN", "Volodya TYURIN", "VLADIMIR / VOLODYA"),  # a familiar form
        ("Eduardo GONZALEZ QUIRARTE", "Lalo GONZALEZ QUIRARTE", "EDUARDO / LALO"),
        ("Yusuf FINYANUS", "Joseph FENYANUS", "YUSUF / JOSEPH"),  # Arabic and European forms
    ],
)
def test_one_given_name_in_two_forms_matches(a: str, b: str, words: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision == Decision.MATCH
    assert words in reasons(m)["given_name_forms"]
    assert "person_onset" not in reasons(m)


def test_slavic_keys() -> None:
    assert slavic_key("RYHORAVICH") == slavic_key("GRIGORYEVICH") == slavic_key("HRYHOROVYCH") == "GRIGORY+P"
    assert slavic_key("IHAR") == slavic_key("IGOR")
    assert slavic_key("SERGEYEVICH") != slavic_key("SERGEI")  # a patronymic is not the given name
    assert slavic_key("MAGOMEDOVICH") == ""  # not in the table: left to the spelling rules
    assert same_given_name("BETO", "ALBERTO") and same_given_name("BETO", "ROBERTO")
    assert not same_given_name("ALBERTO", "ROBERTO")
    m = compare(person("Igor Sergeyevich IVANOV"), person("Igor Nikolayevich IVANOV"))
    assert m.decision == Decision.NO  # two patronymics: two fathers
