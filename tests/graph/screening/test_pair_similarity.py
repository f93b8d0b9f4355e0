"""The key overlap of a pair formed without the blocking (``TranslitBlocking.pair_similarity``), as the
divergence benchmark scores pairs: the same as the blocking's own where it formed the pair."""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve.candidates import BlockingConfig
from graph.screening.index import JOINED_SIMILARITY, TranslitBlocking

LISTED = ["MIKRON JSC", "PANAKEA TRADING LLC", "MEHR BANK", "ALAMIR ELECTRONICS", "ROSOBORONEXPORT"]


def test_pair_similarity_is_the_blocking_similarity() -> None:
    blocking = TranslitBlocking(LISTED, np.arange(len(LISTED)), BlockingConfig(top_k=len(LISTED)))
    queries = ["MICRON", "PANACEA TRADING", "ALAMAR ELECTRONIC"]
    found = blocking.query(queries)
    assert len(found) > 0
    again = blocking.pair_similarity([queries[int(q)] for q in found.query], found.target)
    np.testing.assert_allclose(again, found.similarity, rtol=1e-5)


def test_pair_similarity_of_a_pair_the_blocking_would_not_form() -> None:
    blocking = TranslitBlocking(LISTED, np.arange(len(LISTED)), BlockingConfig(top_k=1))
    # Not among the query's top 1, or below the blocking's floor: the overlap all the same.
    assert len(blocking.query(["ROSOBORONEXPORT"])) == 1
    assert 0.0 < blocking.pair_similarity(["ROSOBORONEXPORT"], [0])[0] < 0.1
    assert blocking.pair_similarity(["QWYZ"], [0]).tolist() == [0.0]  # no key shared
    # A space lost or moved: the joined-letters credit, as the blocking gives it.
    assert blocking.pair_similarity(["MEHRB ANK"], [2])[0] == pytest.approx(JOINED_SIMILARITY)
    assert blocking.pair_similarity([], []).shape == (0,)
