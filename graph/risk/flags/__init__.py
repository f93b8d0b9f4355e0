"""Red flags that can be computed from data, one module per family.

:data:`FLAGS` maps each flag name (as in ``data/reference/red_flags.csv``, which holds its legal
source and default parameters) to the function computing it; :func:`compute_flags` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from graph.risk.flags import activity, address, contact, lists, ownership, routes, trade
from graph.risk.flags.base import FLAG_COLUMNS, FlagContext

FLAGS: dict[str, Callable[[FlagContext], pd.DataFrame]] = {
    "LISTED_NAME_MATCH": lists.listed_name_match,
    "LISTED_ADDRESS_MATCH": lists.listed_address_match,
    "UVL_PARTY": lists.uvl_party,
    "LISTED_WITHIN_N_HOPS": lists.listed_within_n_hops,
    "MASS_REGISTRATION_ADDRESS": address.mass_registration_address,
    "NEW_COMPANY_CHPL": trade.new_company_chpl,
    "POST_CONTROL_BUYER": trade.post_control_buyer,
    "FORWARDER_CONSIGNEE": trade.forwarder_consignee,
    "FORWARDER_DELIVERED": trade.forwarder_delivered,
    "LINE_OF_BUSINESS": trade.line_of_business,
    "TRANSSHIPMENT_ROUTE": routes.transshipment_route,
    "TRANSSHIPMENT_CONSIGNEE": routes.transshipment_consignee,
    "PASS_THROUGH_REEXPORT": routes.pass_through_reexport,
    "PASS_THROUGH_CONSIGNEE": routes.pass_through_consignee,
    "SUDDEN_CHANGE": activity.sudden_change,
    "PRICE_ANOMALY": activity.price_anomaly,
    "OWNED_BY_LISTED": ownership.owned_by_listed,
    "OWNED_BY_LISTED_SUSPENDED_RULE": ownership.owned_by_listed_suspended_rule,
    "LISTED_MINORITY_STAKE": ownership.listed_minority_stake,
    "SHARED_OFFICER": ownership.shared_officer,
    "ULTIMATE_PARENT_D5": ownership.ultimate_parent_d5,
    "D5_PARENT_OF_FOREIGN": ownership.d5_parent_of_foreign,
    "FREEMAIL_OR_NO_WEB": contact.freemail_or_no_web,
    "PHONE_COUNTRY_MISMATCH": contact.phone_country_mismatch,
}


def compute_flags(ctx: FlagContext, only: Callable[[str], bool] = lambda _n: True) -> pd.DataFrame:
    """Every flag that fired: cluster, flag, evidence_json, legal_source, parameters_json."""
    import json

    # a flag whose rule took effect after the as-of date does not fire (FlagSpec.in_force)
    parts = [FLAGS[name](ctx) for name in FLAGS if only(name) and ctx.ref.flag_in_force(name)]
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=[*FLAG_COLUMNS, "legal_source", "parameters_json"])
    out = pd.concat(parts, ignore_index=True)
    out["legal_source"] = out["flag"].map(lambda f: ctx.ref.flags[f].legal_source)
    out["parameters_json"] = out["flag"].map(lambda f: json.dumps(ctx.ref.flags[f].params))
    return out
