"""The person sort of benchmarks/eval_pairs/company_misses.py --kind person
(benchmarks.eval_pairs.person_phenomena.phenomenon): each pair below is read as the phenomenon
that makes it hard, the first rule that holds."""

from __future__ import annotations

import pytest

from benchmarks.eval_pairs.person_phenomena import REACHABLE, phenomenon

CASES = [
    ("KIM Jong Un", "Jong Un KIM", "token order"),
    ("PETROV, Ivan", "Ivan PETROV", "token order"),
    ("Ahmed AL-SAYED", "Ahmed SAYED", "particles"),
    ("Johannes VAN DER BERG", "Johannes VANDERBERG", "particles"),
    ("John F KENNEDY", "John Fitzgerald KENNEDY", "initials"),
    ("Evgeny PRIGOZHIN", "Evgeny Viktorovich PRIGOZHIN", "patronymic on one side"),
    ("Abdul Rahman YASIN", "Abdulrahman YASIN", "compound or joined words"),
    ("Ayman AL-ZAWAHIRI", "Ayman Muhammad Rabi AL-ZAWAHIRI", "missing middle name"),
    ("Muammar QADHAFI", "Moammar GADDAFI", "transliteration"),
    ("Eduardo GONZALEZ QUIRARTE", "Jose GONZALEZ QUIRARTE", "another given name"),
    ("Francine Denise LOUIE", "Francine Denise SAWYER", "another surname"),
    ("Hatem QFEISHEH", "ABU ANED, Hadj Hatem", "kunya"),
    ("Samer FOZ", "Samer FAWAZ", "unpaired spelling variant"),
    ("Mukhtar ROBOW", "Mukhtar Abdullahi ALI", "nickname or other name (shares a word)"),
    ("Salih the Mauritanian", "Abd al-Rahman OULD MUHAMMAD", "other name (no word shared)"),
    ("Encep Nurjaman (birth name)", "NURJAMAN RIDUAN ISAMUDDIN", "notes or several names"),
    ("Agha Jan Alizai اغا جان عالیزی", "Agha Jan ALIZAI", "other script"),
]


@pytest.mark.parametrize(("a", "b", "expected"), CASES)
def test_phenomenon(a: str, b: str, expected: str) -> None:
    assert phenomenon(a, b) == expected


def test_reachable_classes_are_the_spelling_ones() -> None:
    assert "transliteration" in REACHABLE and "token order" in REACHABLE
    assert "another surname" not in REACHABLE and "kunya" not in REACHABLE
