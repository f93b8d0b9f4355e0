"""chipwatch Streamlit app: builds the navigation only; pages live in ``pages/``."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="chipwatch", layout="wide")

st.title("chipwatch")
st.write("Export-control screening and chip-diversion analytics.")
