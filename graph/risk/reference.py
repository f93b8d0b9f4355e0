"""The reference tables in ``data/reference/`` (data, not code), filtered for an ``as_of`` date.

Each row of a dated table carries ``effective_from`` / ``effective_to`` (inclusive, ISO dates,
empty = open) and its legal ``source``; :func:`load_reference` keeps the rows in force on the
given date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from chipwatch.errors import InputFileError
from chipwatch.settings import PROJECT_ROOT
from graph.csv_lines import line_of_row

REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"
#: between programme tags in one text: "] [" (OFAC sdn.csv), ";" (CSL), ","
PROGRAM_SEPARATORS = re.compile(r"[\[\];,]")


@dataclass(frozen=True)
class Regime:
    """One ownership regime as in force on the ``as_of`` date."""

    name: str
    status: str  # in_force | suspended
    threshold_pct: float
    strict: bool  # True: stake > threshold (UK); False: stake >= threshold
    aggregate: bool  # sum the stakes of all blocked owners (True) or take the largest (False)
    owner_lists: tuple[str, ...]
    source: str
    #: list → the programmes whose entries count as owners (a list absent here counts whole): the
    #: BIS Affiliates rule counts SDN owners only as designated under the 15 CFR 744.8 programmes
    owner_programs: dict[str, frozenset[str]] = field(default_factory=dict)

    def counts(self, lst: str, programs: object) -> bool:
        """Whether an entry of ``lst`` with these ``programs`` is an owner this regime counts."""
        if lst not in self.owner_lists:
            return False
        allowed = self.owner_programs.get(lst)
        if allowed is None:
            return True
        return not allowed.isdisjoint(program_keys(programs))

    def reached(self, pct: float) -> bool:
        # 1e-9: summed stakes (30.1 + 19.9) carry float noise either side of the threshold
        return pct > self.threshold_pct + 1e-9 if self.strict else pct >= self.threshold_pct - 1e-9


def program_key(program: object) -> str:
    """A sanctions programme as the lists write it ("[NPWMD]", "npwmd ") → "NPWMD"."""
    return str(program).strip().strip("[]").strip().upper()


def program_keys(programs: object) -> set[str]:
    """Every programme tag an entry gives, however the list writes them: a list of tags, or one
    text as OFAC's sdn.csv (``UKRAINE-EO13662] [RUSSIA-EO14024``, outer brackets eaten by the CSV
    quoting) or the CSL (``UKRAINE-EO13662; RUSSIA-EO14024``) write several."""
    if isinstance(programs, str):
        items: Iterable[object] = [programs]
    elif isinstance(programs, list | tuple | np.ndarray):
        items = programs
    else:
        return set()
    keys = (program_key(part) for p in items for part in PROGRAM_SEPARATORS.split(str(p)))
    return {k for k in keys if k}


def parse_owner_programs(text: str) -> dict[str, frozenset[str]]:
    """``US_SDN:NPWMD|SDGT;US_X:Y`` → {"US_SDN": {"NPWMD", "SDGT"}, "US_X": {"Y"}}."""
    out: dict[str, frozenset[str]] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        lst, _, programs = part.partition(":")
        out[lst.strip()] = frozenset(program_key(p) for p in programs.split("|") if p.strip())
    return out


@dataclass(frozen=True)
class FlagSpec:
    name: str
    family: str
    legal_source: str
    params: dict[str, Any]
    description: str

    def in_force(self, as_of: dt.date) -> bool:
        """Whether the rule behind the flag applies on ``as_of``: a flag whose parameters carry an
        ``effective_from`` date (the rule that created the test, cited in its legal source) does
        not fire before it."""
        start = self.params.get("effective_from")
        return not start or as_of >= dt.date.fromisoformat(str(start))


@dataclass(frozen=True)
class Reference:
    as_of: dt.date
    chpl_tier: dict[str, str]  # HS-6 -> tier
    country_groups: dict[str, frozenset[str]]  # "D:5" -> ISO-2 codes (applies_to all)
    advanced_computing_d5: frozenset[str]  # D:5 plus Macau (advanced computing)
    hubs: dict[str, frozenset[str]]  # hub country -> destinations it is a hub for
    regimes: tuple[Regime, ...]  # only regimes in force on as_of
    regimes_all: tuple[Regime, ...]  # every regime row valid on as_of, suspended included
    flags: dict[str, FlagSpec]
    weights: dict[str, Any] = field(default_factory=dict)

    @property
    def restricted(self) -> frozenset[str]:
        """Destinations a diversion path ends in: D:5, E:1, E:2 and Macau."""
        return (
            self.advanced_computing_d5
            | self.country_groups.get("E:1", frozenset())
            | self.country_groups.get("E:2", frozenset())
        )

    def flag_in_force(self, name: str) -> bool:
        spec = self.flags.get(name)
        return spec is None or spec.in_force(self.as_of)

    def flag_params(self, name: str) -> dict[str, Any]:
        return self.flags[name].params


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError) as exc:
        raise InputFileError(path, f"cannot read reference table: {exc}") from exc


def _in_force(frame: pd.DataFrame, as_of: dt.date, path: Path) -> pd.DataFrame:
    day = as_of.isoformat()
    for i, (start, end) in enumerate(zip(frame["effective_from"], frame["effective_to"], strict=True)):
        for fld, value in (("effective_from", start), ("effective_to", end)):
            if value:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise InputFileError(
                        path,
                        f"not an ISO date: {value!r}",
                        row=i + 1,
                        line=line_of_row(path, i + 1),
                        field=fld,
                    ) from None
    mask = (frame["effective_from"] <= day) & ((frame["effective_to"] == "") | (frame["effective_to"] >= day))
    return frame[mask]


def earliest_date(directory: Path = REFERENCE_DIR) -> dt.date:
    """The first date for which the dated tables assert anything."""
    dates = [
        min(_read_csv(directory / name)["effective_from"])
        for name in ("ear_country_groups.csv", "ownership_regimes.csv")
    ]
    return dt.date.fromisoformat(min(dates))


def load_weights(path: Path | None = None) -> dict[str, Any]:
    path = path or REFERENCE_DIR / "risk_weights.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputFileError(path, f"cannot read risk weights: {exc}") from exc


def reference_on(as_of: str | None) -> Reference | None:
    """The reference in force on a stored ``risk_as_of`` date; ``None`` for no date or a bad one."""
    try:
        return load_reference(dt.date.fromisoformat(str(as_of)))
    except (ValueError, TypeError):
        return None


def load_reference(as_of: dt.date, directory: Path = REFERENCE_DIR, weights: Path | None = None) -> Reference:
    chpl = _read_csv(directory / "chpl.csv")
    groups_path = directory / "ear_country_groups.csv"
    groups = _in_force(_read_csv(groups_path), as_of, groups_path)
    general = groups[groups["applies_to"] == "all"]
    country_groups = {str(g): frozenset(map(str, rows["country"])) for g, rows in general.groupby("group")}
    adv = groups[(groups["group"] == "D:5")]
    hubs_path = directory / "transshipment_hubs.csv"
    hubs = _in_force(_read_csv(hubs_path), as_of, hubs_path)
    regimes_path = directory / "ownership_regimes.csv"
    reg = _in_force(_read_csv(regimes_path), as_of, regimes_path)
    regimes_all = tuple(
        Regime(
            name=r["regime"],
            status=r["status"],
            threshold_pct=float(r["threshold_pct"]),
            strict=r["comparison"] == "gt",
            aggregate=r["aggregate"].lower() == "true",
            owner_lists=tuple(x for x in r["owner_lists"].split(";") if x),
            source=r["source"],
            owner_programs=parse_owner_programs(r.get("owner_programs", "")),
        )
        for r in reg.to_dict("records")
    )
    flags_path = directory / "red_flags.csv"
    flags: dict[str, FlagSpec] = {}
    for i, r in enumerate(_read_csv(flags_path).to_dict("records")):
        try:
            params = json.loads(r["parameters"] or "{}")
        except ValueError as exc:
            raise InputFileError(
                flags_path,
                f"parameters are not JSON: {exc}",
                row=i + 1,
                line=line_of_row(flags_path, i + 1),
                field="parameters",
            ) from exc
        flags[r["flag"]] = FlagSpec(r["flag"], r["family"], r["legal_source"], params, r["description"])
    return Reference(
        as_of=as_of,
        chpl_tier=dict(zip(chpl["hs6"], chpl["tier"], strict=True)),
        country_groups=country_groups,
        advanced_computing_d5=frozenset(adv["country"]),
        hubs={c: frozenset(t.split(";")) for c, t in zip(hubs["country"], hubs["target"], strict=True)},
        regimes=tuple(r for r in regimes_all if r.status == "in_force"),
        regimes_all=regimes_all,
        flags=flags,
        weights=load_weights(weights),
    )
