"""Readers: turn published files into canonical records with provenance.

``ingest`` knows file formats; nothing else does.
"""
