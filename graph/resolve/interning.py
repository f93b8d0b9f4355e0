"""Interned strings of the scorer, in generations so that a long-lived process stays bounded.

:func:`graph.resolve.features.prepare` interns the strings it compares as wholes (generic words,
legal forms, numbers, organisation keys, countries) to ints, so that a batch compares ints and
evaluates each distinct combination once (:attr:`Interner.values`). One table for the life of
the process would grow with every name ever prepared: the Streamlit app screens new names for
days. So the table is a generation: once it holds :data:`MAX_STRINGS` strings, the next
``prepare`` starts a fresh one (:func:`current`). Records prepared earlier keep a reference to
their own generation, which is freed with the last of them; two prepared sides of different
generations are compared after moving the older side's ids into the newer generation
(:meth:`Interner.moved`), so a score never depends on when its records were prepared.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

import numpy as np

#: Strings per generation (~10 MB). The full resolution of the 100k world interns 2,958 for its
#: 261,078 names (most names have no organisation key), so a batch stays in one generation; a
#: generation never ends inside one ``prepare``, only between them.
MAX_STRINGS = 100_000
_SERIALS = itertools.count()


class Interner:
    """One generation: strings ↔ ids (id 0 is the empty string) and the values of pure
    functions per pair of ids (``graph.resolve.features._per_distinct``)."""

    __slots__ = ("__weakref__", "ids", "serial", "strings", "values")

    def __init__(self) -> None:
        self.serial = next(_SERIALS)  # later generations have higher serials
        self.ids: dict[str, int] = {"": 0}
        self.strings: list[str] = [""]
        self.values: dict[Callable[[str, str], float], dict[int, float]] = {}

    def __len__(self) -> int:
        return len(self.strings)

    def intern(self, text: str) -> int:
        got = self.ids.get(text)
        if got is None:
            got = self.ids[text] = len(self.strings)
            self.strings.append(text)
        return got

    def moved(self, ids: np.ndarray, to: Interner) -> np.ndarray:
        """``ids`` of this generation as ids of ``to`` (their strings interned there)."""
        if to is self:
            return ids
        if len(ids) == 0:
            return ids.copy()
        distinct, inverse = np.unique(ids, return_inverse=True)
        strings = self.strings
        mapped = np.fromiter(
            (to.intern(strings[i]) for i in distinct.tolist()), dtype=np.int64, count=len(distinct)
        )
        return mapped[inverse].reshape(ids.shape)


_current = Interner()
_lock = threading.Lock()


def current() -> Interner:
    """The generation new strings go to: a fresh one once the last holds :data:`MAX_STRINGS`."""
    global _current
    with _lock:
        if len(_current) >= MAX_STRINGS:
            _current = Interner()
        return _current
