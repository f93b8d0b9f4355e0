"""Entity resolution: normalisation, blocking, scoring, linking and review.

Public scoring API (see :mod:`graph.resolve.compare` and :mod:`graph.resolve.batch`)::

    from graph.resolve import Record, compare, prepare, score_pairs
    a = Record("a", "company", ("Huaxin Elec Tech Co",))
    compare(a, Record("b", "company", ("HUAXIN ELECTRONICS LTD",)))
"""

from graph.resolve.batch import ScoredPairs, score_pairs
from graph.resolve.compare import DEFAULT_THRESHOLDS, Decision, Match, Reason, Thresholds, compare, decide
from graph.resolve.features import PreparedRecords, Record, prepare
from graph.resolve.names import NameForm, normalise_address, normalise_name

__all__ = [
    "DEFAULT_THRESHOLDS",
    "Decision",
    "Match",
    "NameForm",
    "PreparedRecords",
    "Reason",
    "Record",
    "ScoredPairs",
    "Thresholds",
    "compare",
    "decide",
    "normalise_address",
    "normalise_name",
    "prepare",
    "score_pairs",
]
