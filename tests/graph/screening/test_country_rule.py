"""The counterparty's country against a name that only resembles a listed one (issue #6: IEEE firms
MICRON, NOVATEC, JASCO … against Russian list names MIKRON, NOVATEK, IASCO)."""

from __future__ import annotations

import pandas as pd

from graph.screening.index import build_index
from graph.screening.scoring import TWO_DIFFERENCES_CAP, approximate_abroad
from graph.screening.screen import Screener

RULE = "approximate name and country differs"


def _mikron() -> pd.DataFrame:
    # SDN 35936 (data/lists/ofac/sdn.csv): listed with two addresses in Russia, no nationality field
    return pd.DataFrame(
        {
            "id": ["list:US_SDN:SDN:35936"],
            "name": ["JOINT STOCK COMPANY MIKRON"],
            "list": ["US_SDN"],
            "aliases": [["MIKRON JSC", "PJSC MIKRON"]],
            "alias_kinds": [["aka", "aka"]],
            "countries": [[]],
            "addresses": [["1st Zapadny Proezd 12/1, Zelenograd", "Moscow"]],
            "address_countries": [["RU", "RU"]],
        }
    )


def test_an_entry_listed_at_an_address_has_that_country() -> None:
    assert build_index(_mikron()).countries == [["RU"]]


def test_a_transliteration_variant_in_another_country_stays_below_review() -> None:
    screener = Screener(build_index(_mikron()))
    queries = pd.DataFrame(
        {
            # the IEEE's Micron Technology (US); the same without a country; the listed name written
            # in Cyrillic from Hong Kong; the listed name itself from Hong Kong (the diversion case)
            "name": ["Micron Technology, Inc.", "Micron Technology, Inc.", "МИКРОН", "Mikron JSC"],
            "country": ["US", "", "HK", "HK"],
        }
    )
    out = screener.screen(queries)
    assert out["disposition"].tolist()[:3] == ["clear", "review", "review"]
    assert out["disposition"].iat[3] != "clear"  # review or block: the listed name itself
    capped = out["matches"].iat[0][0]
    assert capped["score"] == TWO_DIFFERENCES_CAP
    assert any(r.startswith("country differs") for r in capped["reasons"])
    assert any(r.startswith(RULE) for r in capped["reasons"])
    for i in (1, 2, 3):
        assert not any(r.startswith(RULE) for r in out["matches"].iat[i][0]["reasons"])


def test_the_rule_needs_a_known_differing_country_and_transliteration_letters_only() -> None:
    assert (approximate_abroad("NOVATEC", "NOVATEK", -1) or "").startswith(RULE)
    assert (approximate_abroad("JASCO Corporation", "IASCO", -1) or "").startswith(RULE)
    assert approximate_abroad("NOVATEC", "NOVATEK", 0) is None  # country unknown
    assert approximate_abroad("NOVATEC", "NOVATEK", 1) is None  # country agrees
    assert approximate_abroad("NOVATEK LLC", "NOVATEK", -1) is None  # equal names: the diversion case
    assert approximate_abroad("НОВАТЕК", "NOVATEC", -1) is None  # our romanisation, not their spelling
    assert approximate_abroad("ALAMR", "ALAMIR", -1) is None  # an edit: the score decides
