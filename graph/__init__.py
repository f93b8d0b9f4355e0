"""The graph: model, stores, resolution, risk, screening and export.

Never imports ``ingest`` (``tests/graph/test_layering.py`` checks it, lazy imports too), Streamlit
or the CLI framework.
"""
