"""Shared pieces of the trade readers: the result type, warnings, id look-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from graph.ids import byname_company_id
from ingest.normalize.countries import countries_to_iso2
from ingest.normalize.values import future_dates, parse_dates
from ingest.trade.reader import fail_on

MAX_WARNINGS = 10_000


@dataclass
class Canonical:
    """What one input file contributes: rows per canonical table, plus warnings."""

    kind: str
    path: Path
    rows_read: int
    tables: dict[str, pd.DataFrame]
    warnings: list[pd.DataFrame] = field(default_factory=list)

    def warn(
        self, mask: pd.Series, field_name: str, reason: str | pd.Series | Callable[[pd.Series], pd.Series]
    ) -> None:
        """Warn about the rows in ``mask``. ``reason`` may be a function giving the texts of just
        those rows (called with ``mask``), so no per-row text is built when no row needs one."""
        rows = mask.to_numpy().nonzero()[0]
        if len(rows) == 0:
            return
        reasons: np.ndarray | str
        if callable(reason):
            reasons = reason(mask).to_numpy()
        else:
            reasons = reason[mask].to_numpy() if isinstance(reason, pd.Series) else reason
        self.warnings.append(pd.DataFrame({"row": rows + 1, "field": field_name, "reason": reasons}))

    def warnings_frame(self) -> pd.DataFrame:
        if not self.warnings:
            return pd.DataFrame(columns=["row", "field", "reason"])
        frame = pd.concat(self.warnings, ignore_index=True).sort_values(["row", "field"], kind="stable")
        if len(frame) > MAX_WARNINGS:
            extra = len(frame) - MAX_WARNINGS
            frame = pd.concat(
                [
                    frame.head(MAX_WARNINGS),
                    pd.DataFrame(
                        {"row": [0], "field": [""], "reason": [f"{extra} more warnings not stored"]}
                    ),
                ]
            )
        return frame.reset_index(drop=True)


def required_text(path: Path, frame: pd.DataFrame, column: str) -> None:
    fail_on(path, frame[column] == "", column, f"'{column}' is required but empty")


def strict_dates(
    path: Path, values: pd.Series, column: str, today: dt.date, *, dayfirst: bool = False
) -> pd.Series:
    """ISO dates; impossible or future dates are errors naming row and field."""
    iso, bad = parse_dates(values.where(values != "", None), dayfirst=dayfirst)
    fail_on(path, bad, column, "not a valid date", values)
    fail_on(path, future_dates(iso, today), column, f"date is in the future (today is {today})", values)
    return iso


def strict_country(path: Path, values: pd.Series, column: str) -> pd.Series:
    iso, unknown = countries_to_iso2(values.where(values != "", None))
    fail_on(path, unknown, column, "unknown country", values)
    return iso


def lenient_country(out: Canonical, values: pd.Series, column: str) -> pd.Series:
    iso, unknown = countries_to_iso2(values.where(values != "", None))
    out.warn(unknown, column, lambda rows: "unknown country: " + values[rows].astype(str))
    return iso


def resolve_company_ids(
    ids: pd.Series, names: pd.Series, countries: pd.Series, companies: pd.DataFrame, source: str
) -> pd.Series:
    """Node ids for the company side of an ownership/officer row.

    By id: the company of that id already ingested (preferring ``source``), else
    ``co:{source}:{id}``. By name only: ``co:byname:{sha1(name|country)}`` — a name-only record
    that resolution links to registry and list records later.
    """
    lookup: dict[str, str] = {}
    if len(companies):
        known = companies[["company_id", "source", "node_id"]].dropna(subset=["company_id"])
        preferred = known[known["source"] == source]
        for frame in (known.drop_duplicates("company_id", keep=False), preferred):
            lookup.update(zip(frame["company_id"].astype(str), frame["node_id"], strict=True))
    # Plain lists: iterating Arrow-backed pandas strings element by element is several times slower.
    id_list, name_list, country_list = ids.tolist(), names.tolist(), countries.tolist()
    pairs = list(zip(name_list, country_list, strict=True))
    distinct = {pair: byname_company_id(*pair) for pair in dict.fromkeys(pairs)}
    resolved = [
        distinct[pair] if v == "" else (lookup.get(v, f"co:{source}:{v}") if v else None)
        for v, pair in zip(id_list, pairs, strict=True)
    ]
    return pd.Series(resolved, index=ids.index, dtype="object")
