"""List versions and the differences between them, computed from the canonical list tables."""
