"""chipwatch: export-control screening and chip-diversion analytics."""

__version__ = "0.1.0"
