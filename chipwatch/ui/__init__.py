"""Streamlit helpers for the chipwatch app: cached store, sign-in, tables, graph drawing.

Pages in ``pages/`` stay thin and call these plus the library (``graph.*``).
"""
