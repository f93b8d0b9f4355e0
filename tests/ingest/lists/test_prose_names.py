"""Names the CSL copies from Federal Register prose: the enumerating "and" and embedded
a.k.a. / f.k.a. clauses are read out at ingest (real rows of the 2022-05 CSL)."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

from ingest.lists.model import Alias, AliasKind, ListEntry
from ingest.lists.read import read_list_file
from ingest.lists.readers._clauses import clean_names

ROOT = Path(__file__).resolve().parents[3]
PROSE = ROOT / "tests" / "fixtures" / "lists" / "csl" / "csl_2022-05_prose_names.csv"
CSL_2022 = ROOT / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz"
DPL = ROOT / "data" / "lists" / "bis" / "dpl_2023-11.txt"


@cache
def entries(path: Path = PROSE) -> dict[str, ListEntry]:
    return {e.name: e for e in read_list_file(path).entries}


def names(entry: ListEntry) -> list[str]:
    return [a.name for a in entry.aliases]


def test_enumerating_and_is_not_part_of_an_alias() -> None:
    got = entries()
    assert names(got["Mahdi Keivan Bahari"]) == ["Mehdi Keivan", "M. Aziz", "Aziz Bahari"]
    assert names(got["Special Design Bureau Salute JSC"]) == ["OKB Salute JSC", "OKB Salyut JSC"]
    assert names(got["Forss Technology Ltd."])[-1] == "OOO Forss Teknologii"
    # "HPSTAR; and; Beijing …": a bare conjunction is no alias at all
    hpstar = got["Center for High Pressure Science and Technology Advanced Research"]
    assert names(hpstar) == ["HPSTAR", "Beijing High Voltage Science Research Center"]


def test_fka_clause_of_the_primary_name_is_a_former_name() -> None:
    got = entries()
    sotsinvest = got["Gazprom Sotsinvest, OOO"]
    assert sotsinvest.aliases[0] == Alias("Gazprominvestarena OOO", AliasKind.FKA)
    assert "Gazprom Sotsinvest" in names(sotsinvest)  # the published aliases follow
    resort = got["Resort Nizhnyaya Oreanda"]
    fka = Alias(
        "Federalnoe Gosudarstvennoe Byudzhetnoe Uchrezhdenie Sanatori Nizhnyaya Oreanda Upravleniya",
        AliasKind.FKA,
    )
    assert resort.aliases[0] == fka
    # an a.k.a. clause listing two names (";" inside the bracket): two aliases, kind AKA
    mexpar = got["Mexpar International, Inc."]
    assert names(mexpar) == ["Pasadena Aerospace", "Aviation Logistics and Supply"]
    assert {a.kind for a in mexpar.aliases} == {AliasKind.AKA}


def test_clause_inside_an_alias_splits_it_in_two() -> None:
    got = entries()
    almaz = got["Almaz-Antey Air Defense Concern Main System Design Bureau, JSC"]
    assert Alias("JSC ?Almaz-Antey? MSDB", AliasKind.AKA) in almaz.aliases
    former = (
        "Otkrytoe Aktsionernoe Obshchestvo Nauchno Proizvodstvennoe Obedinenie Almaz Imeni "
        "Akademika A.A. Raspletina"
    )
    assert Alias(former, AliasKind.FKA) in almaz.aliases
    assert not any(".k.a." in n for n in names(almaz))
    ifdk = got["IFDK, ZAO"]
    assert Alias("Zakrytoe Aktsionernoe Obshchestvo 'IFD Kapital'", AliasKind.AKA) in ifdk.aliases
    assert Alias("Zakrytoe Aktsionernoe Obshchestvo IFD Karital", AliasKind.FKA) in ifdk.aliases
    # an alias that is only a clause ("f.k.a. Sibirskaya …") is that name, a former one
    neft = got["Gazprom Neft"]
    assert Alias("Sibirskaya Neftyanaya Kompaniya OAO", AliasKind.FKA) in neft.aliases


def test_the_lists_trailing_comma_is_not_part_of_the_name() -> None:
    leon = entries()["Leon Technology Co., Ltd."]
    assert leon.raw_ref.startswith("csl_2022-05_prose_names.csv:line ")  # provenance: the published row


def test_cleaning_is_idempotent_and_ids_stay_the_published_names() -> None:
    first, again = read_list_file(PROSE).entries, read_list_file(PROSE).entries
    assert first == again
    for entry in first:
        name, aliases = clean_names(entry.name, list(entry.aliases))
        assert (name, tuple(aliases)) == (entry.name, entry.aliases)


def test_csl_json_arrays_are_cleaned_like_the_csv(tmp_path: Path) -> None:
    with PROSE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["alt_names"] = [p.strip() for p in row["alt_names"].split(";")]  # type: ignore[assignment]
    path = tmp_path / "csl.json"
    path.write_text(json.dumps({"results": rows}), encoding="utf-8")
    from_json = {e.name: e for e in read_list_file(path).entries}
    assert from_json.keys() == entries().keys()
    for name, entry in entries().items():
        assert from_json[name].aliases == entry.aliases


def test_full_2022_snapshot_has_no_prose_left_in_names() -> None:
    result = read_list_file(CSL_2022)
    all_names = [n for e in result.entries for n in (e.name, *names(e))]
    assert not [n for n in all_names if n.split(" ", 1)[0] in ("and", "&")]
    assert not [n for n in all_names if ".k.a" in n.lower()]
    fka = [a.name for e in result.entries for a in e.aliases if a.kind is AliasKind.FKA]
    assert len(fka) == 18 and "Gazprominvestarena OOO" in fka


def test_denied_persons_name_with_an_aka_clause() -> None:
    pearl = next(e for e in read_list_file(DPL).entries if "NEI-CHIEN" in str(e.aliases))
    assert pearl.name == "PEARL LI"
    assert pearl.aliases == (Alias("NEI-CHIEN CHU", AliasKind.AKA),)
