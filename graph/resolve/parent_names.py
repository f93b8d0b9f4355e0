"""A parent group written in front of a subsidiary: "Tactical Missile Corporation, JSC Region" is JSC Region.

The Entity List names many state-group subsidiaries with their group first: "Tactical Missile
Corporation, PJSC ANPP Temp Avia", "United Shipbuilding Corporation JSC “Astrakhan Shipyard”",
"China Aerospace Science and Industry Corporation (CASIC) 3rd Academy's 159 Factory",
"China Electronics Technology Group Corporation 13th Research Institute (CETC 13). Subordinate
Institution - Envoltek". Other lists, and the aliases, name the subsidiary alone ("ANPP TEMP
AIR", "159th Factory", "Hebei Envoltek Electronics"). The parent's words are not the
subsidiary's name: compared whole, the names share too little.

:func:`parent_split` reads such a name as parent and subsidiary; the scorer compares the
subsidiary alone as another writing of the name (``features.scored_names``). The split is taken
only when the writing says so unambiguously:

* the parent part names a group — one of :data:`GROUP_WORDS` (CORPORATION, CONCERN, GROUP,
  HOLDING, ACADEMY) among its words — and has a distinctive word of its own (TACTICAL MISSILE,
  SHIPBUILDING: "State Corporation" alone is a legal form, not a parent);
* the two parts are separated by a comma, a possessive ('s), an opening quote (the subsidiary
  quoted to the end) or a "subordinate institution / entity" marker;
* the subsidiary part is an organisation by its own words: a legal form, a line-of-business or
  unit word (INSTITUTE, FACTORY, BUREAU …), quoted, or introduced by the marker — "XYZ Group,
  Dubai" is a place, not a subsidiary — with a distinctive word or number, and not a branch or
  office (a branch is the parent itself, in one place).

Two subsidiaries of one parent must stay apart, and so must two parents' subsidiaries of one
name: the subsidiary writing is compared only with names that write no parent — none of their
own, nor a word of this one's (:func:`refuses`; ``features.pair_features``), so "Tactical
Missile Corporation, JSC Region" is never "Tactical Missile Corporation, JSC Detal" through
their subsidiary parts, and numbers still conflict ("CETC, 13th Research Institute" / "14th
Research Institute").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from graph.resolve.names import GENERIC_WORDS, fold, normalise_name
from graph.resolve.ordinals import UNIT_WORDS
from graph.words import COMMON_ZIPF, zipf

#: Words that make the part before the separator a parent group.
GROUP_WORDS: frozenset[str] = frozenset(
    {"CORPORATION", "CORP", "CONCERN", "GROUP", "HOLDING", "HOLDINGS", "ACADEMY", "KONTSERN", "KORPORATSIYA"}
)
#: A word of the other name this alike (rapidfuzz ratio) to a word of the parent is that word.
PARENT_WORD_RATIO = 0.8
#: The anchor of a subsidiary named after a marker has this many letters and is no common
#: English word (graph.words.COMMON_ZIPF).
MIN_ANCHOR = 3
#: Words of an organisation's own kind that are not line-of-business words (see ordinals.UNIT_WORDS).
ORG_WORDS: frozenset[str] = UNIT_WORDS | frozenset({"CENTER", "CENTRE", "ENTERPRISE", "ASSOCIATION"})
#: A subsidiary part with one of these words is a branch or office of the parent itself.
BRANCH_WORDS: frozenset[str] = frozenset({"BRANCH", "OFFICE", "REPRESENTATIVE", "REPRESENTATION", "FILIAL"})

_OPEN_QUOTES = '“"«„'
_CLOSE_QUOTES = '”"»“'
#: The words of a "subordinate institution / entity" marker (graph.resolve.marked_parts adds others).
SUBORDINATE_WORDS = r"SUBORDINATE\s+(?:INSTITUTION|ENTITY|UNIT)"


def marker(words: str) -> re.Pattern[str]:
    """A marker of these words as the lists write it: after a separator, an optional "and", then
    an optional dash or colon ("…, and subordinate entity X", "… (CETC 13).  Subordinate
    Institution - X")."""
    return re.compile(rf"[.,;:]?\s*(?:AND\s+)?(?:{words})\s*[-–:]?\s*", re.I)


_MARKER = marker(SUBORDINATE_WORDS)
# A possessive, also with its apostrophe lost to a "?" in a badly converted file ("Academy?s").
_POSSESSIVE = re.compile(r"(?:'|’|\?)S\s+", re.I)
_QUOTE = re.compile(rf"\s*[{_OPEN_QUOTES}]\s*")


@dataclass(frozen=True)
class ParentSplit:
    """A name read as its parent group and its subsidiary, both as written."""

    parent: str
    subsidiary: str
    how: str  # "comma", "possessive", "quotes" or "marker": what separated them


def _is_parent(text: str) -> bool:
    words = fold(text).split()
    return len(words) >= 2 and not GROUP_WORDS.isdisjoint(words) and bool(normalise_name(text).distinctive)


def _is_subsidiary(text: str, vouched: bool) -> bool:
    """An organisation by its own words (``vouched``: quoted or after a marker already)."""
    words = fold(text).split()
    if not words or not BRANCH_WORDS.isdisjoint(words):
        return False
    form = normalise_name(text)
    if not form.distinctive:
        return False
    return vouched or bool(form.legal_form) or any(w in GENERIC_WORDS or w in ORG_WORDS for w in words)


def _strip_quotes(text: str) -> str:
    return text.strip().strip(_OPEN_QUOTES + _CLOSE_QUOTES + " ,.").strip()


@lru_cache(maxsize=200_000)
def parent_split(text: str) -> ParentSplit | None:
    """``text`` as a parent group and its subsidiary (see the module docstring); None when it
    does not read so."""
    if not text:
        return None
    marker = _MARKER.search(text)
    if marker is not None:
        parent, sub = text[: marker.start()], _strip_quotes(text[marker.end() :])
        if parent.strip() and _is_subsidiary(sub, vouched=True):
            return ParentSplit(parent.strip(), sub, "marker")
        return None
    cuts: list[tuple[int, int, str]] = []
    comma = text.find(",")
    if comma > 0:
        cuts.append((comma, comma + 1, "comma"))
    possessive = _POSSESSIVE.search(text)
    if possessive is not None:
        cuts.append((possessive.start(), possessive.end(), "possessive"))
    quote = _QUOTE.search(text)
    if quote is not None and quote.start() > 0:
        cuts.append((quote.start(), quote.end(), "quotes"))
    for start, end, how in sorted(cuts):
        parent, rest = text[:start].strip(), text[end:]
        if how == "quotes" and not rest.rstrip(" ,.").endswith(tuple(_CLOSE_QUOTES)):
            continue  # the quotes close before the end: a quoted word inside one name
        sub = _strip_quotes(rest) if how == "quotes" else rest.strip(" ,.")
        if _is_parent(parent) and _is_subsidiary(sub, vouched=how == "quotes"):
            return ParentSplit(parent, sub, how)
        return None  # only the first separator can end the parent's name
    return None


@lru_cache(maxsize=200_000)
def subsidiary_key(text: str) -> str:
    """What :func:`refuses` needs of ``text``'s subsidiary reading: the distinctive words of the
    parent part that the subsidiary lacks, sorted, then a tab and the subsidiary's anchor word
    (a subsidiary named after a marker only; ``-`` when it has none). "" when ``text`` writes
    no parent."""
    split = parent_split(text)
    if split is None:
        return ""
    own = normalise_name(split.subsidiary).distinctive
    parent = " ".join(sorted(set(normalise_name(split.parent).distinctive) - set(own)))
    anchor = ""
    if split.how == "marker":
        first = own[0] if own else ""
        anchor = first if len(first) >= MIN_ANCHOR and zipf(first) < COMMON_ZIPF else "-"
    return f"{parent}\t{anchor}"


def _alike(word: str, other: str) -> bool:
    """``other`` is ``word`` written alike (:data:`PARENT_WORD_RATIO`)."""
    return word == other or fuzz.ratio(word, other) >= PARENT_WORD_RATIO * 100


def refuses(key: str, core: str) -> bool:
    """The other name (its sorted distinctive words ``core``) may not be compared with the
    subsidiary reading (``key`` from :func:`subsidiary_key`): it writes a word of the parent —
    it names the parent too ("TACTICAL MISISLE ANPP TEMP AVIA") and is compared with the name
    as written — or, for a subsidiary after a marker, it lacks the subsidiary's anchor: the
    Entity List names CETC's subordinate institutions descriptively ("Subordinate Institution -
    Micro Electronic Technology", "- MT Microsystems"), so one only matches on its first
    distinctive word, a rare one (ENVOLTEK, TONGHUI)."""
    parent, _, anchor = key.partition("\t")
    words = core.split()
    if any(_alike(w, o) for w in parent.split() for o in words):
        return True
    return bool(anchor) and (anchor == "-" or not any(_alike(anchor, o) for o in words))


def subsidiary(text: str) -> str:
    """The subsidiary part of ``text`` (``text`` itself when it writes no parent)."""
    split = parent_split(text)
    return split.subsidiary if split is not None else text


def describe(text: str) -> str:
    """Why the scorer read ``text`` as its subsidiary alone, in words."""
    split = parent_split(text)
    if split is None:  # not reached: the scorer read a split of the same text
        return "the name writes its parent group first"
    return (
        f"{split.parent!r} is the parent group written before the subsidiary ({split.how}): the "
        f"name was also compared as the subsidiary alone ({split.subsidiary!r}), against names "
        "that write no parent of their own"
    )
