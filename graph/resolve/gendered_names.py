"""A man's and a woman's form of one given name: two relatives, not one person.

Sanctions programmes designate families together: a man and his wife or sister, whose names
differ only in the gendered form of the given name, often of the surname too ("Aleksandr
Borisovich ROTENBERG" / "Aleksandra ROTENBERG", "Mario PETROV" / "Maria PETROVA", "Yevgeny
IVANOV" / "Yevgenia IVANOVA", "Robert X" / "Roberta X"). The word alignment credits such words
as spellings of one name (ALEKSANDR / ALEKSANDRA 0.95), so the pair scored a match: a wrong
merge of two designated people. A letter slip can look the same, so the rule of
:mod:`graph.resolve.person_rules` weighs the pair down to review, not to a non-match.

:func:`gendered_forms` reads two words as the forms of one name when the woman's form is the
man's made feminine the usual way — a final -A (ROBERT / ROBERTA, ALEKSANDR / ALEKSANDRA), -O
for -A (MARIO / MARIA), -Y or -I for -IA / -IYA (YEVGENY / YEVGENIA, VIKTOR / VIKTORIA), -ER
for -RA (ALEXANDER / ALEXANDRA), a doubled consonant and -E (DANIEL / DANIELLE) — up to the
name's other forms (ALEXANDER / ALEKSANDRA: :func:`graph.resolve.given_names.same_given_name`),
or the East Slavic patronymics of one name (BORISOVICH / BORISOVNA). The ending alone proves
nothing: many men's names end in -A or -O (Italian ANDREA, West African IBRAHIMA and ISMAILA,
Tajik YAHYO and MUSO, Russian NIKITA). So each side's sex must be known as well:

* a man's name: a man's name of the East Slavic table (:func:`graph.resolve.given_names.slavic_male`,
  :data:`_SLAVIC_MEN`), or a census name borne mostly by men (:mod:`graph.resolve.census_given_names`);
* a woman's name: the feminine of such an East Slavic name (ALEKSANDRA, YEVGENIA), or a census
  name borne mostly by women — unless it is a man's name elsewhere (:data:`_MEN_ELSEWHERE`:
  the US census counts ANDREA, NICOLA, VALERY as women's names).

Surname forms alone (IVANOV / IVANOVA, ASTREIKO / ASTREIKA) say nothing here: with one given
name on both sides they are one person written with and without the feminine ending as often
as a man and a woman (the given name's sex tells which side wrote it wrong, not that there are
two people).
"""

from __future__ import annotations

from functools import lru_cache

from graph.resolve.census_given_names import census_shares
from graph.resolve.given_names import same_given_name, slavic_key, slavic_male

#: Men's East Slavic given names the table of :mod:`graph.resolve.given_names` lacks, whose
#: feminine is a name of its own (VALERIYA, STANISLAVA, BOGDANA).
_SLAVIC_MEN_NAMES = """
    VALERY VALERIY VALERII VITALY VITALIY VITALII STANISLAV VLADISLAV YAROSLAV VYACHESLAV
    BOGDAN BOHDAN RUSLAN ROMAN ARKADY ARKADIY ARKADII YEVGENI EVGENI
"""
_SLAVIC_MEN = frozenset(_SLAVIC_MEN_NAMES.split())
#: Men's names the census counts as women's, or that end like a woman's form of another name:
#: Italian (ANDREA, NICOLA, LUCA, ELIA, MATTIA, SIMONE), West African (IBRAHIMA, ISMAILA),
#: Arabic and Tajik (ISA, MUSA, YAHYA), East Slavic and Balkan (NIKITA, ILYA, DANILA, NIKOLA).
_MEN_ELSEWHERE_NAMES = """
    ANDREA NICOLA LUCA ELIA MATTIA SIMONE MICHELE DANIELE GABRIELE ENEA
    IBRAHIMA ISMAILA ISA MUSA YAHYA TAHA HAMZA OSAMA USAMA MUSTAFA ZAKARIYA
    NIKITA ILYA ILIA DANILA GAVRILA SAVVA FOMA KUZMA NIKOLA LUKA ILIJA SASHA MIRCEA
"""
_MEN_ELSEWHERE = frozenset(_MEN_ELSEWHERE_NAMES.split())
#: A name counts as one sex's when that sex bears it this many times as often as the other.
SEX_RATIO = 2.0
#: East Slavic patronymic endings of a son (-OVICH, -YOVYCH) and a daughter (-OVNA, -IVNA).
_SON, _DAUGHTER = ("ICH", "YCH"), ("NA",)


def _census_sex(word: str) -> str:
    """ "M" or "F" when the census shows the name borne mostly by one sex, else ""."""
    men, women = census_shares().get(word, (0.0, 0.0))
    if men > 0 and men >= SEX_RATIO * women:
        return "M"
    if women > 0 and women >= SEX_RATIO * men:
        return "F"
    return ""


def _slavic_man(word: str) -> bool:
    return slavic_male(word) or word in _SLAVIC_MEN


def _man(word: str) -> bool:
    return _slavic_man(word) or _census_sex(word) == "M"


def _masculines(word: str) -> list[str]:
    """The men's names ``word`` would be the usual feminine of (ROBERTA: ROBERT, ROBERTO)."""
    out: list[str] = []
    if word.endswith("A"):
        out += [word[:-1], word[:-1] + "O"]  # ROBERT-A, MARI-O / MARI-A
        for ending in ("IYA", "IJA", "IA", "YA"):  # YEVGENY / YEVGENIA, VIKTOR / VIKTORIYA
            if word.endswith(ending):
                stem = word[: -len(ending)]
                out += [stem, stem + "Y", stem + "I", stem + "IY", stem + "II"]
                break
        if word.endswith("RA") and len(word) > 3 and word[-3] not in "AEIOUY":
            out.append(word[:-2] + "ER")  # ALEXANDER / ALEXANDRA, PETER / PETRA
    elif word.endswith(("LLE", "NNE")):
        out.append(word[:-2])  # DANIEL / DANIELLE, JEAN / JEANNE
    return [w for w in out if len(w) >= 3]


def _woman_of(man: str, woman: str) -> bool:
    """``woman`` is a woman's name made from ``man`` (or from another form of his name)."""
    if woman in _MEN_ELSEWHERE or _man(woman):
        return False
    bases = [w for w in _masculines(woman) if w == man or same_given_name(w, man)]
    if not bases:
        return False
    return _census_sex(woman) == "F" or any(_slavic_man(w) for w in bases)


def _patronymics(a: str, b: str) -> bool:
    """A son's and a daughter's patronymic of one father's name (BORISOVICH / BORISOVNA)."""
    key = slavic_key(a)
    if not key.endswith("+P") or key != slavic_key(b):
        return False
    return (a.endswith(_SON) and b.endswith(_DAUGHTER)) or (a.endswith(_DAUGHTER) and b.endswith(_SON))


@lru_cache(maxsize=50_000)
def gendered_forms(a: str, b: str) -> bool:
    """``a`` and ``b`` (folded name words) are a man's and a woman's form of one given name, or
    a son's and a daughter's patronymic of one (see the module docstring)."""
    if a == b or len(a) < 3 or len(b) < 3:
        return False
    if _patronymics(a, b):
        return True
    return (_man(a) and _woman_of(a, b)) or (_man(b) and _woman_of(b, a))
