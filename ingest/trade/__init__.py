"""Readers for company registries, ownership, officers and shipments into the canonical trade
tables (``graph.tables.trade``). Canonical CSV/XLSX/Parquet with optional column mapping, GLEIF
golden copy (LEI-CDF JSON and CSV, RR-CDF relationships) and UK Companies House BasicCompanyData.
"""
