"""Build ``data/reference/census_given_names.csv``: the given names of the 1990 US Census.

    pip install 'names==0.3.0'   # MIT; ships the Census Bureau's name frequency files
    PYTHONPATH=. .venv/bin/python scripts/build_census_given_names.py

The U.S. Census Bureau published, from the 1990 census, the first names of men (1,219) and women
(4,275) with their frequency (``dist.male.first``, ``dist.female.first``; a work of the US
government, in the public domain). The ``names`` package (Trey Hunner, MIT) ships both files
unchanged; this script copies the names, with the share of people bearing each, into one table
the product reads (:mod:`graph.resolve.census_given_names`), so nothing is downloaded at run time.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.resolve.census_given_names import CENSUS_TABLE  # noqa: E402

FILES = {"male": "dist.male.first", "female": "dist.female.first"}


def census_rows(folder: Path) -> dict[str, dict[str, float]]:
    """name → {sex: per cent of people of that sex with the name}."""
    out: dict[str, dict[str, float]] = {}
    for sex, file in FILES.items():
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            name, share, *_ = line.split()
            out.setdefault(name, {})[sex] = float(share)
    return out


def main() -> None:
    import names  # the build's only use of the package

    rows = census_rows(Path(names.__file__).parent)
    with CENSUS_TABLE.open("w", newline="", encoding="utf-8") as fh:
        fh.write("# US Census 1990 first names (public domain), via the names package 0.3.0 (MIT)\n")
        writer = csv.writer(fh)
        writer.writerow(["name", "male_pct", "female_pct"])
        for name in sorted(rows):
            writer.writerow([name, rows[name].get("male", 0.0), rows[name].get("female", 0.0)])
    print(f"{CENSUS_TABLE}: {len(rows)} given names")


if __name__ == "__main__":
    main()
