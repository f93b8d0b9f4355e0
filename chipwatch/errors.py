"""The project's exception hierarchy: one root, errors at boundaries carry context."""

from __future__ import annotations


class ChipwatchError(Exception):
    """Root of every error chipwatch raises on purpose."""


class SettingsError(ChipwatchError):
    """A CHIPWATCH_* setting is missing or malformed."""


class StoreError(ChipwatchError):
    """A graph store failed; carries the query (never its credentials) that failed."""

    def __init__(self, message: str, *, query: str | None = None, store: str | None = None):
        self.query = query
        self.store = store
        detail = message
        if store:
            detail = f"[{store}] {detail}"
        if query:
            compact = " ".join(query.split())
            detail = f"{detail}\n  while running: {compact[:500]}"
        super().__init__(detail)


class WorkspaceCorruptError(StoreError):
    """A file in the workspace cannot be read back."""


class InputFileError(ChipwatchError):
    """An input file is malformed, truncated, mis-encoded or hostile.

    The message names the file, the place and the field so that a user can fix it, in the words
    of docs/inputs.md ("Where a message points"): ``row`` is the data row (1 = the first row
    under the header; blank lines are not rows), ``line`` the file line where the record starts
    (what a text editor shows). Given both, the message reads "row 5 (line 6)".
    """

    def __init__(
        self,
        path: object,
        reason: str,
        *,
        row: int | None = None,
        line: int | None = None,
        field: str | None = None,
    ):
        self.path = str(path)
        self.reason = reason
        self.row = row
        self.line = line
        self.field = field
        where = self.path + place(row, line, sep=", ")
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {reason}")


def place(row: int | None, line: int | None, *, sep: str = "") -> str:
    """``row 5 (line 6)``, ``row 5``, ``line 6`` or nothing, after ``sep`` when not nothing."""
    if row is not None:
        return f"{sep}row {row}" + (f" (line {line})" if line is not None else "")
    return f"{sep}line {line}" if line is not None else ""


class Neo4jServerError(ChipwatchError):
    """The workspace's local Neo4j could not be built, started or stopped."""


class JavaNotFoundError(Neo4jServerError):
    """No suitable Java runtime (17+) to run the local Neo4j."""


class Neo4jAuthError(StoreError):
    """Neo4j refused the user name or password (the message says where they came from, never them)."""
