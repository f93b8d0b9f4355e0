"""The graph: model, stores, resolution, risk, screening and export.

Never imports ``ingest``, Streamlit or the CLI framework.
"""
