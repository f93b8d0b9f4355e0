"""Screening's reasons say what each part of the score weighs and which way it moved it."""

from __future__ import annotations

from graph.screening.scoring import BLOCK_WEIGHT, COUNTRY_AGREE, COUNTRY_CONFLICT, NAME_WEIGHT, explain


def test_each_part_of_the_score_says_its_share() -> None:
    name, shared = explain(
        "FUNDACION OKCOFFEE COLMBIA", "FUNDACION OKCOFFEE COLOMBIA", "primary", 0.98, 0.89, 0
    )
    assert name.endswith(f"98% similar on distinctive words ({NAME_WEIGHT:.0%} of the score)")
    assert shared.startswith("distinctive words shared: ")
    assert shared.endswith(f"0.89 ({BLOCK_WEIGHT:.0%} of the score)")
    assert "key overlap" not in shared and "rare words shared" not in shared


def test_the_country_says_which_way_it_moved_the_score() -> None:
    agrees = explain("AL-AQSA", "AL-AQSA", "primary", 1.0, 1.0, 1)[-1]
    differs = explain("AL-AQSA", "AL-AQSA", "primary", 1.0, 1.0, -1)[-1]
    assert agrees == f"country agrees (score raised by {COUNTRY_AGREE:.2f})"
    assert differs == f"country differs (score lowered by {-COUNTRY_CONFLICT:.2f})"


def test_a_long_screened_name_is_shown_cut_with_a_mark() -> None:
    long_name = "ACME TRADING " * 30
    (name, *_) = explain(long_name, "ACME TRADING", "aka", 0.9, 0.9, 0)
    assert "…' ~ aka 'ACME TRADING'" in name
    (short, *_) = explain("ACME TRADING", "ACME TRADING", "aka", 1.0, 1.0, 0)
    assert "…" not in short
