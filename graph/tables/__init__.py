"""Canonical tables: the one schema every source is read into, persisted as Parquet in the
workspace (``settings.tables_dir``). ``ingest`` writes them; ``graph`` reads them.
"""
