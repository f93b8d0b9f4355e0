"""An Arabic name chain with one more given name in front: the parent's child, not the parent.

An Arabic full name is a chain (*nasab*): the bearer's own name, the father's, the
grandfather's, then a family or tribal name, often a *nisba* in -I: Uday Saddam Hussein
AL-TIKRITI is Uday, son of Saddam, son of Hussein, of Tikrit. A father's chain is the tail of
each of his children's, so "Saddam Hussein AL-TIKRITI" against "Uday (Rana, Ali) Saddam
Hussein AL-TIKRITI", or "Muammar Mohammed Abu Minyar QADHAFI" against "Aisha Muammar …", is a
parent against a son or daughter — and every word of the shorter name is found, in order, in
the longer one, which the word alignment reads as a near match (one word more).

Lists do drop leading words of one person's name too, so the rule reads only this shape:

* the longer name is one or more full given names (no initial) followed by the whole shorter
  name, word for word in order;
* the shorter name opens with a given name, not a kunya: "Abu Walid AL-SAHRAWI" is a byname
  of Adnan Abu Walid AL-SAHRAOUI himself ("father of Walid"), not his father's chain;
* the shorter name has at least three words (own name, father's name, family name: a chain
  of its own, not a name cut short — "Arif QASMANI" for "Muhammad Arif QASMANI" is);
* the shorter name is an Arabic chain: it ends in a nisba (-I, -Y: AL-TIKRITI, QADHAFI) or
  holds ABU / BIN / IBN. Hispanic names of one given name and two surnames (Juan Gabriel /
  Gabriel MONTES SERMENO, Maria Guadalupe / Guadalupe FERNANDEZ VALENCIA) have the same shape
  and are one person: the first of two given names is dropped;
* the words in front are none of the shorter name's (Da'oud Kamal DA'OUD ABU SAIR / Da'oud
  ABU SEIR: the grandfather bears the bearer's name, the alignment may pair either), and no
  prefix name or descent honorific that lists put before a person's own name (MUHAMMAD,
  AHMAD, SAYYID, SEYED, MIR, AMIR, MALIK).
"""

from __future__ import annotations

#: Name elements written in front of a person's own name (South Asian and Persian usage) and
#: descent or rank honorifics: "Muhammad Arif QASMANI" is Arif QASMANI, "Seyed Hossein" Hossein.
_PREFIX_NAMES = """
MUHAMMAD MOHAMMAD MOHAMMED MUHAMMED MOHAMED MOHAMAD MOHD MD MHD
AHMAD AHMED SAYYID SAYYED SAYED SAYID SYED SEYED SEYYED SEYYID SIDI SHARIF MIR AMIR EMIR
MALIK SHAH KHAN SHEIKH SHAYKH SHAIKH HAJI HAJJI U DAW
"""
PREFIX_NAMES = frozenset(_PREFIX_NAMES.split())
#: Kunya and nasab particles: a name holding one is an Arabic chain.
CHAIN_PARTICLES = frozenset(["ABU", "ABOU", "BIN", "IBN", "BINT", "BEN"])
#: A kunya ("father of", "mother of") opening the shorter name is the bearer's own byname.
KUNYA = frozenset(["ABU", "ABOU", "ABO", "UMM", "UM", "OM"])
#: The shorter name has at least this many words.
MIN_CHAIN = 3
_MIN_NISBA = 4


def is_arabic_chain(words: list[str]) -> bool:
    """A name that ends in a nisba (-I, -Y: TIKRITI) or holds ABU / BIN / IBN."""
    last = words[-1]
    nisba = len(last) >= _MIN_NISBA and last[-1] in "IY"
    return nisba or any(w in CHAIN_PARTICLES for w in words)


def child_of(
    words_a: list[str], words_b: list[str], pairs: tuple[tuple[str, str, float], ...]
) -> tuple[str, str] | None:
    """``(the given names in front, the shorter name)`` when the longer of two person names (in
    :func:`graph.resolve.person_rules.written_order`) is given names followed by the whole
    shorter name, an Arabic chain of three words or more, each word paired in ``pairs`` with its
    counterpart in order: the child of the person the shorter name names."""
    if len(words_a) == len(words_b):
        return None
    a_shorter = len(words_a) < len(words_b)
    short, long_ = (words_a, words_b) if a_shorter else (words_b, words_a)
    if len(short) < MIN_CHAIN or not is_arabic_chain(short) or short[0] in KUNYA:
        return None
    front, tail = long_[: len(long_) - len(short)], long_[len(long_) - len(short) :]
    if any(len(w) < 2 or w in PREFIX_NAMES for w in front):
        return None
    # "Da'oud Kamal DA'OUD ABU SAIR" / "Da'oud ABU SEIR": the bearer's own name is in front too
    # (the shorter chain is cut after it, the grandfather repeating it): one person.
    if any(w in short for w in front):
        return None
    paired = {(x, y) for x, y, _ in pairs if x and y}
    order = zip(short, tail, strict=True) if a_shorter else zip(tail, short, strict=True)
    if not all(pair in paired for pair in order):
        return None
    return " ".join(front), " ".join(short)
