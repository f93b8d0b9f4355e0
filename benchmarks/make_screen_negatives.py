"""Build ``data/fixtures/screen_negatives/real_company_names.csv``: real company names for the
screening benchmark's clean negatives (see ``SOURCE.md`` beside the file).

    python benchmarks/make_screen_negatives.py --ieee DIR --gleif FILE --companies-house FILE

``DIR`` holds the IEEE Registration Authority public listings (``oui.csv``, ``mam.csv``,
``oui36.csv``, ``iab.csv``) as Debian's ``ieee-data`` package ships them in
``/usr/share/ieee-data``; ``FILE`` are the GLEIF golden-copy LEI-CDF JSON and the Companies House
BasicCompanyData CSV. Names are written once each (the first source that has a name up to case,
punctuation and spacing keeps it, with its country), sorted, so the file is the same on every run.
Nothing is checked against the lists here: the benchmark does that, against the lists it ingests —
except :data:`LISTED`, names a check by hand found to be listed parties that the benchmark's check
cannot see (a misspelt word, a listed name without the legal name's city). They are left out here;
``--drop-listed-only`` removes them from the existing file without the sources.

Countries (ISO 3166-1 alpha-2, the ``country`` column): an IEEE organisation's is the last line of
its address block in the ``.txt`` listing beside each ``.csv`` (the CSV runs the address into one
field with the postal code after the country, which is ambiguous for GB or CA postcodes); where one
name is registered in several countries the most frequent wins (ties: the first listed). GLEIF: the
legal address country. Companies House: GB. Unknown countries stay empty.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from graph.ids import normalise_key_text

OUT = Path(__file__).resolve().parents[1] / "data/fixtures/screen_negatives/real_company_names.csv"
IEEE_FILES = ("oui.csv", "mam.csv", "oui36.csv", "iab.csv")
#: Normalised names of listed parties (found by hand, see SOURCE.md) → the list entry that names them.
#: Never a name left out because it scores high: only a party a list names, checked against the list.
LISTED = {
    # "lntelligent" with a lower-case L for the I: DoD 1260H list, us_dod_chinese_milcorps_sanctions.csv
    "AUTEL LNTELLIGENT TECHNOLOGY CORP LTD": "1260H: Autel Intelligent Technology Corp., Ltd.",
    # Entity List 85 FR 34505 (2020-06-05): 'Intellifusion', Shenzhen Dayun Software Town, Longgang
    "SHENZHEN INTELLIFUSION TECHNOLOGIES CO LTD": "Entity List: Intellifusion (Longgang District, Shenzhen)",
}


_COUNTRY = re.compile(r"[A-Z]{2}")


def ieee_countries(txt: Path) -> dict[str, str]:
    """Normalised organisation name → its most frequent registration country, from a ``.txt`` listing:
    records of a ``(hex)`` line, a ``(base 16)`` line with the name, the address lines, the country
    last (address lines may be blank, so a record ends at the next ``(hex)`` line, not a blank one)."""
    seen: dict[str, Counter[str]] = {}
    records: list[tuple[str, list[str]]] = []
    for raw in txt.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if "(base 16)" in line:
            records.append((line.split("(base 16)", 1)[1].strip(), []))
        elif "(hex)" in line:
            records.append(("", []))  # closes the previous record
        elif line and records:
            records[-1][1].append(line)
    for name, address in records:
        if name and address and _COUNTRY.fullmatch(address[-1]):  # "Private" records have no address
            seen.setdefault(normalise_key_text(name), Counter())[address[-1]] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in seen.items()}


def ieee_names(folder: Path) -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = []
    for file in IEEE_FILES:
        frame = pd.read_csv(folder / file, dtype=str, keep_default_na=False)
        countries = ieee_countries(folder / file.replace(".csv", ".txt"))
        for name in frame["Organization Name"].str.strip():
            names.append((name, countries.get(normalise_key_text(name), "")))
    return names


def gleif_names(path: Path) -> list[tuple[str, str]]:
    """Legal names, other names and transliterated other names of every LEI-CDF record, with the
    legal address country."""
    data = json.loads(path.read_text(encoding="utf-8"))
    names: list[tuple[str, str]] = []
    for rec in data.get("records", data) if isinstance(data, dict) else data:
        entity = rec.get("Entity", {})
        country = str((entity.get("LegalAddress") or {}).get("Country", {}).get("$", "")).upper()
        names.append((str(entity.get("LegalName", {}).get("$", "")), country))
        for key, inner in (
            ("OtherEntityNames", "OtherEntityName"),
            ("TransliteratedOtherEntityNames", "TransliteratedOtherEntityName"),
        ):
            block = entity.get(key) or {}
            values = block.get(inner, []) if isinstance(block, dict) else []
            for value in values if isinstance(values, list) else [values]:
                if isinstance(value, dict) and value.get("$"):
                    names.append((str(value["$"]), country))
    return names


def companies_house_names(path: Path) -> list[tuple[str, str]]:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return [(name, "GB") for name in frame["CompanyName"].str.strip()]


def drop_listed(path: Path = OUT) -> int:
    """Remove the :data:`LISTED` names from an existing file; the number of rows removed."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    keep = ~frame["name"].map(normalise_key_text).isin(LISTED)
    frame[keep].to_csv(path, index=False, lineterminator="\r\n")
    return int((~keep).sum())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ieee", type=Path)
    ap.add_argument("--gleif", type=Path)
    ap.add_argument("--companies-house", type=Path)
    ap.add_argument("--drop-listed-only", action="store_true", help="only remove LISTED from the file")
    args = ap.parse_args()
    if args.drop_listed_only:
        print(f"{drop_listed()} listed names removed from {OUT}")
        return
    if not (args.ieee and args.gleif and args.companies_house):
        ap.error("--ieee, --gleif and --companies-house are required to rebuild the file")
    rows: dict[str, tuple[str, str, str]] = {}
    for source, names in (
        ("companies-house", companies_house_names(args.companies_house)),
        ("gleif", gleif_names(args.gleif)),
        ("ieee-ra", ieee_names(args.ieee)),
    ):
        for name, country in names:
            key = normalise_key_text(name)
            # A name of one or two letters, or of digits only, is no company name to screen.
            if key in LISTED:
                continue
            if len(key.replace(" ", "")) >= 3 and not key.replace(" ", "").isdigit():
                rows.setdefault(key, (source, " ".join(name.split()), country))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "name", "country"])
        writer.writerows(sorted(rows.values(), key=lambda r: (r[1], r[0])))
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
