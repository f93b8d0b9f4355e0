"""A score shown never rounds across a decision threshold."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from graph.score_text import score_text


def test_a_score_below_certainty_never_reads_as_certain() -> None:
    assert score_text(0.9973) == "0.997"  # queued, not linked: not "1.00"
    assert score_text(0.99996) == "0.99996"
    assert score_text(1.0) == "1.00"


def test_a_score_just_below_a_threshold_never_reads_as_it() -> None:
    assert score_text(0.9196, (0.92, 0.75)) == "0.9196"  # below link, not "0.92"
    assert score_text(0.7496, (0.92, 0.75)) == "0.7496"
    assert score_text(0.92, (0.92,)) == "0.92"  # at the threshold: reads as it
    assert score_text(0.9204, (0.92,)) == "0.92"  # above it: two decimals are honest
    assert score_text(0.8123, (0.92, 0.75)) == "0.81"


def test_other_scales_and_precisions() -> None:
    assert score_text(79.96, (80, 40), digits=1, top=100) == "79.96"  # risk: not "80.0" (review)
    assert score_text(99.97, (80, 40), digits=1, top=100) == "99.97"
    assert score_text(0.79996, (0.8,), digits=4) == "0.79996"


@given(
    st.floats(0, 1, allow_nan=False),
    st.lists(st.floats(0, 1, allow_nan=False), max_size=3),
)
def test_the_text_is_on_the_score_side_of_every_threshold(score: float, thresholds: list[float]) -> None:
    shown = float(score_text(score, thresholds))
    assert all((shown >= t) == (score >= t) for t in [*thresholds, 1.0])


# Every place a score is shown goes through it.


def test_a_queued_pair_s_score_reads_neither_certain_nor_linked() -> None:
    from graph.resolve.link import link_score_text

    assert link_score_text(0.9973) == "0.997"
    assert link_score_text(0.9196) == "0.9196"
    assert link_score_text(0.7496) == "0.7496"


def test_a_refusal_s_chain_shows_an_automatic_link_below_certainty_as_such() -> None:
    from graph.resolve.refusals import link_text

    links = {("list:UN:1", "list:US_SDN:2"): ("list-list", 0.9973, "auto")}
    assert link_text(links, "list:US_SDN:2", "list:UN:1") == "list-list 0.997"  # not "1.00"


def test_an_entity_s_found_by_link_shows_its_score_below_certainty_as_such() -> None:
    from graph.risk.joins import link_text

    link = {"link": "SAME_AS", "to": "list:US_SDN:X1", "method": "name", "score": 0.9973}
    assert link_text(link) == "SAME_AS to list:US_SDN:X1 (name 0.997)"


def test_a_risk_score_never_reads_as_the_level_it_is_below() -> None:
    from graph.risk.score import level_for, risk_score_text

    levels = {"review": 45, "block": 80}
    assert level_for(79.96, levels) == "review"
    assert risk_score_text(79.96, levels) == "79.96"  # not "80.0 (review)"
    assert risk_score_text(44.97, levels) == "44.97"
    assert risk_score_text(63.04, levels) == "63.0"


def test_the_entity_report_shows_a_risk_score_at_the_levels_of_the_weights_file() -> None:
    from graph.risk.entity import risk_score_shown

    assert risk_score_shown({"risk_score": 79.96}) == "79.96"  # block is 80 in risk_weights.toml
    assert risk_score_shown({"risk_score": 100.0}) == "100.0"
