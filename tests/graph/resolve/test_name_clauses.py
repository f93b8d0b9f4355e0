"""Names carrying list prose reach the scorer as published (shipment parties, ``chipwatch
compare`` input, evaluation pairs): an "X (f.k.a., Y)" is read as two names of the record and a
leading enumerating "and " as noise, and compare() says so (pairs from the dev split)."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, Record, compare
from graph.resolve.name_clauses import readings
from tests.graph.resolve.scoring_pairs import batch_equals_compare, reasons

RESORT = (
    "Resort Nizhnyaya Oreanda (f.k.a., Federalnoe Gosudarstvennoe Byudzhetnoe Uchrezhdenie Sanatori "
    "Nizhnyaya Oreanda Upravleniya)"
)
PAIRS = [
    # the Entity List's "…; FT Ltd; …; and OOO Forss Teknologii", kept as published
    ("Forss Technology Ltd.", "and OOO Forss Teknologii"),
    (
        RESORT,
        "Federalnoe Gosudarstvennoe Byudzhetnoe Uchrezhdenie Sanatori Nizhnyaya Oreanda Upravleniya "
        "Delami Prezidenta Rossiskoi Fe",
    ),
    ("Gazprominvestarena OOO", "Gazprom Sotsinvest, OOO (f.k.a., Gazprominvestarena OOO)"),
    (
        "Thermal Processing Technology Research Institute, a.k.a., Hot Working Technology "
        "Research Institute.",
        "Hot Working Technology Research Institute",
    ),
]


def company(name: str) -> Record:
    return Record(id=name[:20], kind="company", names=(name,), country="RU")


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_a_name_with_list_prose_matches_the_name_it_holds(a: str, b: str) -> None:
    got = compare(company(a), company(b))
    assert got.decision is Decision.MATCH
    assert "name_clause" in reasons(got)
    assert next(r for r in got.reasons if r.feature == "name_clause").contribution == 0.0


def test_the_reason_says_what_was_read_and_which_name_was_compared() -> None:
    got = reasons(compare(company(PAIRS[0][0]), company(PAIRS[0][1])))
    assert "enumerating 'and'" in got["name_clause"] and "'OOO Forss Teknologii'" in got["name_clause"]
    got = reasons(compare(company(PAIRS[2][0]), company(PAIRS[2][1])))
    assert "formerly known as 'Gazprominvestarena OOO'" in got["name_clause"]
    assert "compared by a name its clause gives" in got["name_clause"]
    # the name reason still shows the name as published
    assert "'Gazprom Sotsinvest, OOO (f.k.a., Gazprominvestarena OOO)'" in got["name"]
    # its own part is the entity's name too
    got = reasons(compare(company("Gazprom Sotsinvest OOO"), company(PAIRS[2][1])))
    assert "compared by its own part, 'Gazprom Sotsinvest, OOO'" in got["name_clause"]


def test_batch_scorer_reads_clauses_like_compare() -> None:
    scored = batch_equals_compare([*PAIRS, ("Aziz Bahari", "and Aziz Bahari")], "company")
    assert (scored.decision == 2).all()
    batch_equals_compare(
        [("Aziz Bahari", "and Aziz Bahari"), ("PEARL LI", "PEARL (A.K.A. NEI-CHIEN CHU) LI")]
    )


def test_only_list_prose_is_read() -> None:
    assert readings("Johnson and Johnson") == ("Johnson and Johnson",)
    assert readings("AND Systems") == ("AND Systems",)  # a capitalised word is the name's own
    assert readings("Andromeda Trading") == ("Andromeda Trading",)
    assert readings("YK-AKA") == ("YK-AKA",)  # an undotted AKA inside a word is a name
    assert readings("and") == ("and",)
    assert readings("and COSMOS") == ("COSMOS",)
    assert readings(
        "Mexpar International, Inc. (a.k.a. Pasadena Aerospace; Aviation Logistics and Supply)"
    ) == (
        "Mexpar International, Inc.",
        "Pasadena Aerospace",
        "Aviation Logistics and Supply",
    )
