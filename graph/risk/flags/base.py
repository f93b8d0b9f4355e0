"""What every flag function receives and returns.

A flag function takes a :class:`FlagContext` and returns a frame with one row per (cluster,
flag): ``cluster``, ``flag``, ``evidence_json`` (what fired it: shipments, addresses, owners …).
Functions are vectorised over the context's tables; evidence lists are capped at
``MAX_EVIDENCE`` items (with the full count) so a party with 100,000 shipments stays small.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from graph.model import NodeKind
from graph.risk.frames import RiskFrames, group_lists
from graph.risk.ownership import OwnershipResult
from graph.risk.reference import Reference

MAX_EVIDENCE = 10
FLAG_COLUMNS = ["cluster", "flag", "evidence_json"]


@dataclass
class FlagContext:
    frames: RiskFrames
    ref: Reference
    ownership: OwnershipResult
    cache: dict[str, Any] = field(default_factory=dict)
    #: ownership status under the regimes suspended on the as-of date (same columns as
    #: ``ownership.status``); empty when none is suspended
    suspended: pd.DataFrame = field(default_factory=pd.DataFrame)

    def params(self, flag: str) -> dict[str, Any]:
        return self.ref.flag_params(flag)

    @cached_property
    def country(self) -> pd.Series:
        """Cluster → country."""
        c = self.frames.clusters
        return pd.Series(c["country"].to_numpy(), index=c["cluster"].to_numpy())

    @cached_property
    def companies(self) -> pd.DataFrame:
        e = self.frames.entities
        return e[e["kind"] == NodeKind.COMPANY.value]

    @cached_property
    def listed_clusters(self) -> pd.Series:
        """Cluster → sorted lists it is on (active entries only)."""
        return group_lists(self.frames.listings["cluster"], self.frames.listings["list"])

    @cached_property
    def shipments(self) -> pd.DataFrame:
        """Shipments with ``tier`` (CHPL tier or None), ``restricted`` destination and ``day`` (date)."""
        s = self.frames.shipments.copy()
        s["tier"] = s["hs6"].map(self.ref.chpl_tier)
        dest = s["destination_country"].fillna(s["consignee"].map(self.country))
        s["restricted"] = dest.isin(self.ref.restricted)
        s["day"] = pd.to_datetime(s["date"], errors="coerce")
        return s

    @cached_property
    def chpl(self) -> pd.DataFrame:
        s = self.shipments
        return s[s["tier"].notna()]


def evidence(items: Iterable[Any], **extra: Any) -> str:
    listed = list(items)
    body: dict[str, Any] = {**extra, "items": listed[:MAX_EVIDENCE]}
    if len(listed) > MAX_EVIDENCE:
        body["total"] = len(listed)
    return json.dumps(body, ensure_ascii=False, default=str)


def shipment_items(frame: pd.DataFrame) -> list[dict[str, Any]]:
    cols = [
        c for c in ("id", "date", "hs6", "destination_country", "value_usd", "quantity") if c in frame.columns
    ]
    # column lists of the first rows, not head()/to_dict: this runs once per flagged party
    n = min(len(frame), MAX_EVIDENCE)
    values = [frame[c].to_numpy()[:n].tolist() for c in cols]
    return [dict(zip(cols, row, strict=True)) for row in zip(*values, strict=True)]


def per_cluster(
    flag: str, grouped: pd.DataFrame, by: str, make: Callable[[pd.DataFrame], str]
) -> pd.DataFrame:
    """One flag row per value of ``by`` in ``grouped`` with evidence built from its rows."""
    if grouped.empty:
        return empty()
    # What ``groupby(by, sort=True)`` yields (keys sorted, NaN keys dropped, rows in their order),
    # as slices of one stably sorted frame: a groupby takes a copy of every group. Arrow-backed
    # text becomes Python objects once, so each group's columns are cheap numpy views.
    g = grouped[grouped[by].notna()].sort_values(by, kind="stable")
    g = g.astype({c: object for c in g.columns if isinstance(g[c].dtype, pd.StringDtype)})
    keys = g[by].to_numpy()
    if len(keys) == 0:
        return empty()
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    rows = [(keys[a], flag, make(g.iloc[a:b])) for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
    return pd.DataFrame(rows, columns=FLAG_COLUMNS)


def empty() -> pd.DataFrame:
    return pd.DataFrame(columns=FLAG_COLUMNS)
