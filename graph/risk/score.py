"""The 0–100 risk score: a noisy-OR of list status and fired flags, weighted by ``risk_weights.toml``.

``score = 100 * (1 - prod(1 - w_i))`` over the contributions ``i`` of one entity: each list it
is on (``[lists]`` weights, one per list) and each flag that fired (``[flags]`` weights). Every
contribution is reported with its weight, so a score can always be explained and recomputed.
Levels: ``block`` at or above ``[levels] block``, ``review`` at or above ``review``, else ``clear``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from graph.risk.frames import join_groups
from graph.score_text import score_text


@dataclass(frozen=True)
class Score:
    score: float
    level: str
    breakdown: tuple[dict[str, Any], ...]  # {"source": "list:US_SDN"|"flag:NAME", "weight": w}


def level_for(score: float, levels: Mapping[str, float]) -> str:
    if score >= float(levels.get("block", 80)):
        return "block"
    if score >= float(levels.get("review", 40)):
        return "review"
    return "clear"


def risk_score_text(score: float, levels: Mapping[str, float]) -> str:
    """A 0–100 risk score as text: one decimal, or more where one would read across a level's
    threshold (79.96 is not "80.0", a block) or as 100."""
    bounds = (float(levels.get("block", 80)), float(levels.get("review", 40)))
    return score_text(score, bounds, digits=1, top=100.0)


def risk_score(lists: Sequence[str], flags: Sequence[str], weights: Mapping[str, Any]) -> Score:
    """One entity's score from the lists it is on and the flags that fired, with the breakdown."""
    list_w = weights.get("lists", {})
    flag_w = weights.get("flags", {})
    parts = [
        {"source": f"list:{name}", "weight": float(list_w.get(name, list_w.get("default", 0.6)))}
        for name in sorted(set(lists))
    ]
    parts += [
        {"source": f"flag:{name}", "weight": float(flag_w.get(name, 0.0))} for name in sorted(set(flags))
    ]
    keep = 1.0
    for p in parts:
        keep *= 1.0 - min(max(float(str(p["weight"])), 0.0), 1.0)
    value = round(100.0 * (1.0 - keep), 1)
    return Score(value, level_for(value, weights.get("levels", {})), tuple(parts))


def score_frame(
    listed: pd.Series, flags: pd.DataFrame, clusters: pd.Index, weights: Mapping[str, Any]
) -> pd.DataFrame:
    """Vectorised :func:`risk_score` for every cluster: cluster, risk_score, risk_level, breakdown_json.

    ``listed``: cluster → list names; ``flags``: cluster, flag rows (one per fired flag).
    """
    list_w = weights.get("lists", {})
    flag_w = weights.get("flags", {})
    default = float(list_w.get("default", 0.6))
    lrows = [
        (c, f"list:{name}", float(list_w.get(name, default))) for c, names in listed.items() for name in names
    ]
    contrib = pd.concat(
        [
            pd.DataFrame(lrows, columns=["cluster", "source", "weight"]),
            pd.DataFrame(
                {
                    "cluster": flags["cluster"].to_numpy(),
                    "source": ("flag:" + flags["flag"].astype(str)).to_numpy(),
                    "weight": flags["flag"].map(lambda f: float(flag_w.get(f, 0.0))).to_numpy(dtype=float),
                }
            ),
        ],
        ignore_index=True,
    ).drop_duplicates(["cluster", "source"])
    # float even when empty: a workspace with no listing and no fired flag has no contribution
    contrib["log_keep"] = np.log1p(-contrib["weight"].astype(float).clip(0.0, 0.999999))
    keep = contrib.groupby("cluster")["log_keep"].sum()
    score = (100.0 * (1.0 - np.exp(keep))).round(1).reindex(clusters, fill_value=0.0)
    levels = weights.get("levels", {})
    contrib = contrib.sort_values(["cluster", "source"])
    # the JSON of each item built column-wise (sources are list codes and flag names: plain
    # ASCII; json.dumps keeps the escaping honest should one ever need it)
    source = contrib["source"].astype(object).map(json.dumps)
    item = '{"source": ' + source + ', "weight": ' + contrib["weight"].map(repr) + "}"
    breakdown = "[" + join_groups(contrib["cluster"], item) + "]"
    return pd.DataFrame(
        {
            "cluster": clusters,
            "risk_score": score.to_numpy(),
            "risk_level": [level_for(float(s), levels) for s in score.to_numpy()],
            "breakdown_json": breakdown.reindex(clusters, fill_value="[]").to_numpy(),
        }
    )
