"""What a list ingest leaves in a workspace, to compare before and after (shared by the list tests)."""

from __future__ import annotations

from chipwatch.settings import Settings
from graph.tables.lists import LIST_SCHEMAS, list_table_path


def table_bytes(settings: Settings) -> dict[str, bytes]:
    """The bytes of every list table file of the workspace (a write of any of them shows)."""
    return {
        name: list_table_path(settings, name).read_bytes()
        for name in LIST_SCHEMAS
        if list_table_path(settings, name).exists()
    }
