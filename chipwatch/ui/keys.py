"""Session-state and widget key constants (one place, so tests find widgets by key)."""

from __future__ import annotations

SIGNED_IN = "signed_in"
PASSWORD = "signin_password"  # noqa: S105 (a widget key, not a secret)
SIGNIN_BUTTON = "signin_button"

SEARCH = "explore_search"
ENTITY_PICK = "explore_pick"
GRAPH_HOPS = "explore_hops"

PATH_SOURCE = "paths_source"
PATH_COUNTRY = "paths_country"
PATH_MODE = "paths_mode"
PATH_HS = "paths_hs"
PATH_TO = "paths_to"
PATH_RUN = "paths_run"

SCREEN_UPLOAD = "screen_upload"
SCREEN_RUN = "screen_run"
SCREEN_FILTER = "screen_filter"
SCREEN_RESULT = "screen_result"
SCREEN_DL_CSV = "screen_dl_csv"
SCREEN_DL_XLSX = "screen_dl_xlsx"

RISK_MIN = "risk_min_score"
RISK_LEVEL = "risk_level"
RISK_COUNTRY = "risk_country"
RISK_FLAG = "risk_flag"
RISK_DL_CSV = "risk_dl_csv"
RISK_DL_XLSX = "risk_dl_xlsx"

REVIEW_PICK = "review_pick"
REVIEW_NOTE = "review_note"
REVIEW_CONFIRM = "review_confirm"
REVIEW_REJECT = "review_reject"
REVIEW_ACTION = "review_action"  # the click of the last render, with the pair it was drawn for
REVIEW_SHOWN = "review_shown"  # the pair the last render showed

LISTS_FEED = "lists_feed"
REVIEW_DONE = "review_done"
LISTS_OLD = "lists_old"
LISTS_NEW = "lists_new"
GRAPH_VIEW = "explore_graph_view"
GRAPH_EXPANDED = "explore_graph_expanded"
GRAPH_COLLAPSE = "explore_graph_collapse"
GRAPH = "explore_graph"
GRAPH_GENERATION = "explore_graph_generation"
