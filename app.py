"""chipwatch Streamlit app: page config, optional sign-in and the navigation over ``pages/``."""

from __future__ import annotations

import streamlit as st

# Imported with the app, not on the first visit to Screening: the screening engine's import
# (rapidfuzz, the Excel writer, ~0.6 s) belongs to loading the app, not to rendering a page.
import chipwatch.ui.screening  # noqa: F401
from chipwatch.errors import ChipwatchError
from chipwatch.ui import keys
from chipwatch.ui.auth import check_password, sign_in_required
from chipwatch.ui.store import settings

st.set_page_config(page_title="chipwatch", layout="wide")


def _sign_in() -> None:
    st.title("chipwatch — sign in")
    with st.form("signin"):
        password = st.text_input("Password", type="password", key=keys.PASSWORD)
        submitted = st.form_submit_button("Sign in", key=keys.SIGNIN_BUTTON)
    if submitted:
        if check_password(settings(), password):
            st.session_state[keys.SIGNED_IN] = True
            st.rerun()
        st.error("Wrong password.")
    st.stop()


try:
    _settings = settings()
except ChipwatchError as exc:
    st.error(str(exc))
    st.stop()

if sign_in_required(_settings) and not st.session_state.get(keys.SIGNED_IN):
    _sign_in()

nav = st.navigation(
    [
        st.Page("pages/overview.py", title="Overview", default=True),
        st.Page("pages/explore.py", title="Explore"),
        st.Page("pages/paths.py", title="Diversion paths"),
        st.Page("pages/screening.py", title="Screening"),
        st.Page("pages/risk_list.py", title="Risk list"),
        st.Page("pages/review.py", title="Review"),
        st.Page("pages/lists.py", title="Lists"),
    ]
)
nav.run()
