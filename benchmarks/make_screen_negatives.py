"""Build ``data/fixtures/screen_negatives/real_company_names.csv``: real company names for the
screening benchmark's clean negatives (see ``SOURCE.md`` beside the file).

    python benchmarks/make_screen_negatives.py --ieee DIR --gleif FILE --companies-house FILE

``DIR`` holds the IEEE Registration Authority public listings (``oui.csv``, ``mam.csv``,
``oui36.csv``, ``iab.csv``) as Debian's ``ieee-data`` package ships them in
``/usr/share/ieee-data``; ``FILE`` are the GLEIF golden-copy LEI-CDF JSON and the Companies House
BasicCompanyData CSV. Names are written once each (the first source that has a name up to case,
punctuation and spacing keeps it), sorted, so the file is the same on every run. Nothing is
checked against the lists here: the benchmark does that, against the lists it ingests.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import pandas as pd

from graph.ids import normalise_key_text

OUT = Path(__file__).resolve().parents[1] / "data/fixtures/screen_negatives/real_company_names.csv"
IEEE_FILES = ("oui.csv", "mam.csv", "oui36.csv", "iab.csv")


def ieee_names(folder: Path) -> list[str]:
    names: list[str] = []
    for file in IEEE_FILES:
        frame = pd.read_csv(folder / file, dtype=str, keep_default_na=False)
        names += frame["Organization Name"].str.strip().tolist()
    return names


def gleif_names(path: Path) -> list[str]:
    """Legal names, other names and transliterated other names of every LEI-CDF record."""
    data = json.loads(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for rec in data.get("records", data) if isinstance(data, dict) else data:
        entity = rec.get("Entity", {})
        names.append(str(entity.get("LegalName", {}).get("$", "")))
        for key, inner in (
            ("OtherEntityNames", "OtherEntityName"),
            ("TransliteratedOtherEntityNames", "TransliteratedOtherEntityName"),
        ):
            block = entity.get(key) or {}
            values = block.get(inner, []) if isinstance(block, dict) else []
            for value in values if isinstance(values, list) else [values]:
                if isinstance(value, dict) and value.get("$"):
                    names.append(str(value["$"]))
    return names


def companies_house_names(path: Path) -> list[str]:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return frame["CompanyName"].str.strip().tolist()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ieee", type=Path, required=True)
    ap.add_argument("--gleif", type=Path, required=True)
    ap.add_argument("--companies-house", type=Path, required=True)
    args = ap.parse_args()
    rows: dict[str, tuple[str, str]] = {}
    for source, names in (
        ("companies-house", companies_house_names(args.companies_house)),
        ("gleif", gleif_names(args.gleif)),
        ("ieee-ra", ieee_names(args.ieee)),
    ):
        for name in names:
            key = normalise_key_text(name)
            # A name of one or two letters, or of digits only, is no company name to screen.
            if len(key.replace(" ", "")) >= 3 and not key.replace(" ", "").isdigit():
                rows.setdefault(key, (source, " ".join(name.split())))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "name"])
        writer.writerows(sorted(rows.values(), key=lambda r: (r[1], r[0])))
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
