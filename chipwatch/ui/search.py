"""Explore's search for a misspelt name: the closest names in the graph when no name contains it.

``find_entity`` matches an id, or names that contain the query; an officer types names as they
arrive — "Truesemi Semicondutor Suply Ltd" — and got "no company … with id or name". The
fallback compares the query with every company, trade party and list entry name by rapidfuzz's
``token_sort_ratio`` on their distinctive words (screening's :func:`distinctive`: upper-case
ASCII, legal forms and generic trade words dropped, so "Co" / "Company" or a shared
"TRADING" neither make nor break a match) and offers the names at or above
``SIMILARITY_CUTOFF``, each with its similarity so the officer sees it is a guess. Equal
similarities are ordered by the whole names' (Keystonetek *Microsystems* before Keystonetek
*Supplies* for "Keystontek Microsytems").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from graph.risk.entity import EntityNotFoundError, find_entity
from graph.risk.paths import ENTITY_KINDS
from graph.screening.scoring import distinctive, folded
from graph.store import GraphStore

#: 0–100: a letter or two dropped from a two-word name still matches (97 for "atlas sanatgarn");
#: names that share only generic words score nothing, having none left to compare.
SIMILARITY_CUTOFF = 85.0
MAX_SUGGESTIONS = 10


@dataclass(frozen=True)
class NameIndex:
    """Node ids, their distinctive words and their whole folded names (one entry per node)."""

    ids: tuple[str, ...]
    keys: tuple[str, ...]
    names: tuple[str, ...]


def name_index(store: GraphStore) -> NameIndex:
    ids: list[str] = []
    names: list[str] = []
    for kind in ENTITY_KINDS:
        frame = store.nodes_frame(kind, ["name"])
        for node_id, name in zip(frame["id"], frame["name"], strict=True):
            if isinstance(name, str) and name.strip():
                ids.append(str(node_id))
                names.append(name)
    return NameIndex(tuple(ids), tuple(map(distinctive, names)), tuple(map(folded, names)))


def closest_names(
    index: NameIndex, query: str, limit: int = MAX_SUGGESTIONS, cutoff: float = SIMILARITY_CUTOFF
) -> list[tuple[str, float]]:
    """(node id, similarity 0–100) of the names closest to ``query``, best first."""
    key = distinctive(query)
    if not key:
        return []
    found = process.extract(
        key, index.keys, scorer=fuzz.token_sort_ratio, limit=limit * 3, score_cutoff=cutoff
    )
    whole = folded(query)
    ranked = sorted(
        found,
        key=lambda hit: (-hit[1], -fuzz.token_sort_ratio(whole, index.names[hit[2]]), index.ids[hit[2]]),
    )
    return [(index.ids[position], round(float(score), 1)) for _, score, position in ranked[:limit]]


def entity_options(
    store: GraphStore, query: str, names: Callable[[], NameIndex]
) -> tuple[list[str], dict[str, float]]:
    """The ids ``query`` picks, best first, and the similarity of each when they are only close names.

    ``find_entity``'s answer (the id, or the names containing the query) when it has one; else the
    closest names from ``names()`` (built only then). ``EntityNotFoundError`` when neither.
    """
    try:
        first, others = find_entity(store, query)
    except EntityNotFoundError:
        similar = dict(closest_names(names(), query))
        if not similar:
            raise
        return list(similar), similar
    return [first, *others], {}
