"""Person names that carry more than one name, or notes about the person, in one text.

UN and OFAC alias fields, and names copied from them into shipment records or typed into
``chipwatch compare``, sometimes hold several spellings in one text joined by semicolons
("Mohammad Bakr Zolqadr; Mohammad Baqer Zolqadir"), or a name followed by biographical prose
("Khirullah Said Wali Khairkhwa, born in Kandahar on 01 Jan.1967") or a bracketed note on what
kind of name it is ("Encep Nurjaman (birth name)"). Compared whole, the other spellings and the
prose are words without a partner, which the alignment counts against the pair. So
:func:`parts` reads such a text as the names it holds — each spelling on its own, without the
prose and the note — and ``features.scored_names`` compares each as one writing of the name
(the best pair of writings wins, as for aliases). A name without any of these is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Biographical prose after a name: from the comma (or space) before "born", "DOB" … on.
_PROSE = re.compile(
    r"[,;]?\s+(?:born|dob|d\.o\.b|date of birth|place of birth|nationality|passport)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
#: A bracketed note saying what kind of name the text is, not a name.
_NOTE = re.compile(
    r"\s*[(\[]\s*(?:birth name|maiden name|true name|real name|original name|previous name|"
    r"former name|nickname|alias|n[ée]e)\s*[)\]]",
    re.IGNORECASE,
)
#: Cheap test first: most names hold none of these.
_HINTS = (";", "born", "dob", "d.o.b", "date of", "place of", "nationality", "passport", "(", "[")


@lru_cache(maxsize=100_000)
def parts(name: str) -> tuple[str, ...]:
    """The names ``name`` holds, without prose and notes: ``(name,)`` when it is one plain name."""
    low = name.lower()
    if not any(hint in low for hint in _HINTS):
        return (name,)
    out: list[str] = []
    for piece in name.split(";"):
        piece = _PROSE.sub("", _NOTE.sub("", piece)).strip(" ,;")
        if piece:
            out.append(piece)
    found = tuple(dict.fromkeys(out))
    return found if found else (name,)


def describe(name: str, reading: str) -> str:
    """Why ``reading`` was compared for the person name published as ``name``, in words."""
    held = parts(name)
    if len(held) > 1:
        return (
            f"{name!r} holds {len(held)} spellings of the name joined by semicolons: each compared on "
            f"its own, the best one {reading!r}"
        )
    return f"{name!r} carries notes or biographical prose that are no name: compared as {reading!r}"
