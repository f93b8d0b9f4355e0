"""Person names alike in spelling that name relatives or namesakes, each seen as a false match
on the dev split of benchmarks/resolution_eval.py: an Arabic name chain with a child's given
name in front (graph.resolve.name_chain), and surnames of one root with two suffixes or two
roots with one suffix (graph.resolve.surname_morphology). Each pair flips with its rule, the rule
says so in the reasons of ``compare``, the batch scorer gives the same number, and known-same
pairs of the same shape (aliases from the lists) stay matches."""

from __future__ import annotations

import pytest

from graph.resolve import DEFAULT_THRESHOLDS, Decision, compare
from graph.resolve.name_chain import child_of, is_arabic_chain
from graph.resolve.surname_morphology import surname_morphology
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person, reasons

CHILDREN = [
    ("Uday Saddam Hussein AL-TIKRITI", "Saddam Hussein AL-TIKRITI", "UDAY / SADDAM HUSSEIN TIKRITI"),
    ("Saddam Hussein AL-TIKRITI", "Rana Saddam Hussein AL-TIKRITI", "RANA / SADDAM HUSSEIN TIKRITI"),
    (
        "AISHA MUAMMAR MUHAMMED ABU MINYAR QADHAFI",
        "MUAMMAR MOHAMMED ABU MINYAR QADHAFI",
        "AISHA / MUAMMAR MOHAMMED ABU MINYAR QADHAFI",
    ),
    ("SAB'AWI IBRAHIM HASSAN AL-TIKRITI", "AYMAN SABAWI IBRAHIM HASAN AL-TIKRITI", "AYMAN / SABAWI"),
]
#: One person each (aliases on the lists) of the same shape: given names in front of a whole
#: shorter name.
ONE_PERSON_CHAINS = [
    ("Juan Gabriel MONTES SERMENO", "Gabriel MONTES SERMENO"),  # Hispanic: no nisba, no ABU
    ("Maria Guadalupe FERNANDEZ VALENCIA", "Guadalupe FERNANDEZ VALENCIA"),
    ("Muhammad Arif QASMANI", "Arif QASMANI"),  # a prefix name, two words
    ("Amir Muhammad Sa'id Abdal-Rahman AL-MAWLA", "Muhammad Sa'id 'Abd-al-Rahman AL-MAWLA"),
    ("ABU SEIR, Daoud", "ABU SAIR, Da'oud Kamal Da'oud"),  # the bearer's name in front too
    ("Hannibal GADDAFI", "Hannibal Muammar QADHAFI"),  # the father's name inserted, not in front
    ("ADNAN ABOU WALID AL-SAHRAOUI", "Abu Walid al Sahrawi"),  # a kunya: the bearer's byname
]
SURNAMES = [
    ("Zoran PETRIC", "Zoran PETROVIC", "PETRIC / PETROVIC"),  # one root, -IC / -OVIC
    ("Milan IVANOVIC", "Milovan MARIJANOVIC", "IVANOVIC / MARIJANOVIC"),  # two roots, -OVIC
    ("Oleksandr ONYSHCHENKO", "Aleksander OMELCHENKO", "ONYSHCHENKO / OMELCHENKO"),  # -ENKO
    ("MOHAMMAD REZA ZAHEDI", "MOHAMMAD ZAHID", "ZAHEDI / ZAHID"),  # nisba, root respelt
    ("Mohsen REZA'I", "Mohsin RAZA", "REZAI / RAZA"),
]
#: One surname each, written two ways on the lists.
ONE_SURNAME = [
    ("Morteza Ahmadali BEHZAD", "Morteza BEHZADI"),  # nisba, root spelt alike
    ("Mostafa SEDAGHATI", "Mostafa SEDAGHAT"),
    ("Bilal Mohsen WEHBE", "Bilal Muhsin WAHBI"),  # last vowel respelt, no letter added
    ("Soliman AL-BUTHE", "Soliman AL-BATHI"),
    ("Vlastimir DJORDJEVIC", "Vlastimir DORDEVIC"),  # one root transliterated
    ("Dzmitry Valeryevich PAULICHENKA", "Dmitri Valeryevich PAVLICHENKO"),
]


@pytest.mark.parametrize(
    ("rule", "a", "b", "words"),
    [("child_chain", *pair) for pair in CHILDREN] + [("surname_morphology", *pair) for pair in SURNAMES],
)
def test_relatives_alike_in_spelling_are_two_people(rule: str, a: str, b: str, words: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision != Decision.MATCH
    assert words in reasons(m)[rule]
    assert next(r.contribution for r in m.reasons if r.feature == rule) < 0


@pytest.mark.parametrize(
    ("rule", "a", "b"),
    [("child_chain", *pair) for pair in ONE_PERSON_CHAINS]
    + [("surname_morphology", *pair) for pair in ONE_SURNAME],
)
def test_one_person_of_the_same_shape_still_matches(rule: str, a: str, b: str) -> None:
    """Leading given names dropped (not a child), one surname written two ways (not two)."""
    m = compare(person(a), person(b))
    assert m.decision == Decision.MATCH
    assert rule not in reasons(m)


def test_child_of_reads_only_arabic_chains_of_three_words() -> None:
    saddam = ["SADDAM", "HUSSEIN", "TIKRITI"]
    pairs = (*tuple((w, w, 1.0) for w in saddam), ("UDAY", "", 0.0))
    assert child_of(["UDAY", *saddam], saddam, pairs) == ("UDAY", "SADDAM HUSSEIN TIKRITI")
    assert child_of(saddam, ["UDAY", *saddam], tuple((b, a, s) for a, b, s in pairs)) is not None
    assert child_of(["MUHAMMAD", *saddam], saddam, pairs) is None  # a prefix name
    assert child_of(["U", *saddam], saddam, pairs) is None  # an initial
    assert is_arabic_chain(["MUAMMAR", "ABU", "MINYAR"])
    assert not is_arabic_chain(["GABRIEL", "MONTES", "SERMENO"])


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("PETRIC", "PETROVIC", True),
        ("MARKOVICH", "MARKICH", True),
        ("LALOVIC", "ZELENOVIC", True),
        ("HASNAIN", "HOSSEINI", True),
        ("PETROVIC", "PETROVICH", False),
        ("PAVLIUCHENKO", "PAVLICHENKO", False),
        ("BEHZAD", "BEHZADI", False),
        ("WEHBE", "WAHBI", False),
        ("PETROVIC", "PETROVIC", False),
    ],
)
def test_surname_morphology_words(a: str, b: str, expected: bool) -> None:
    assert surname_morphology(a, b) is expected
    assert surname_morphology(b, a) is expected


def test_batch_scores_equal_compare_for_lineage_pairs() -> None:
    pairs = [(a, b) for a, b, _ in CHILDREN + SURNAMES] + ONE_PERSON_CHAINS + ONE_SURNAME
    scored = batch_equals_compare(pairs)
    flipped = len(CHILDREN) + len(SURNAMES)
    assert (scored.score[:flipped] < DEFAULT_THRESHOLDS.match).all()
    assert (scored.score[flipped:] >= DEFAULT_THRESHOLDS.match).all()
