"""The layers of the packages: which may import which (an AST walk, so lazy imports count too).

* ``graph`` never imports ``ingest``: ingest reads files into the graph's model, so it sits
  above; a lazy import inside a function (once used to dodge a circular import) hides the same
  cycle, and a change in a list reader could alter resolution unseen. How a *name* reads (person
  or organisation) is a resolution concept (:mod:`graph.resolve.name_kind_reading`); only the
  mapping of a list row to an ``EntityKind`` is ingest's.
* ``graph.resolve`` sits below ``graph.screening``: screening may use resolve, never the other way
  round. A cycle between the two would let a change in the screening rules alter entity
  resolution (and its scores) unseen; the word table and the list-entry helpers both use live in
  neutral modules instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

import graph
import graph.resolve

GRAPH_DIR = Path(graph.__file__).parent
RESOLVE_DIR = Path(graph.resolve.__file__).parent
ROOT = GRAPH_DIR.parent  # the directory holding the ``graph`` package


def _imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    """Every module a file imports (module level or inside functions), with its line number."""
    package = path.relative_to(root).with_suffix("").parts[:-1]
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import: resolve against this file's package
                parent = list(package[: len(package) - (node.level - 1)])
                base = ".".join([*parent, base] if base else parent)
            out.append((node.lineno, base))
            # ``from graph import screening`` names the package as an imported attribute
            out += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return out


def _offences(path: Path, root: Path, forbidden: str) -> list[str]:
    """``file:line imports module`` for each line importing ``forbidden`` or one of its modules
    (one entry per line)."""
    found = {
        line: module
        for line, module in reversed(_imported_modules(path, root))
        if module == forbidden or module.startswith(forbidden + ".")
    }
    return [f"{path.relative_to(root)}:{line} imports {found[line]}" for line in sorted(found)]


def _package_offences(directory: Path, forbidden: str) -> list[str]:
    files = sorted(directory.rglob("*.py"))
    assert len(files) > 5  # the walk really found the package's modules
    return [o for f in files for o in _offences(f, ROOT, forbidden)]


def test_graph_does_not_import_ingest() -> None:
    assert _package_offences(GRAPH_DIR, "ingest") == []


def test_resolve_does_not_import_screening() -> None:
    assert _package_offences(RESOLVE_DIR, "graph.screening") == []


def test_the_check_sees_every_import_form(tmp_path: Path) -> None:
    # the detector itself, on a throwaway module laid out as graph/resolve/fake.py
    fake = tmp_path / "graph" / "resolve" / "fake.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(
        "import graph.screening.index\n"
        "from graph.screening.words import zipf\n"
        "from graph import screening\n"
        "def f():\n"
        "    from ..screening import scoring\n"
        "from graph.tables.lists import latest_entries\n"
        "from . import names\n",
        encoding="utf-8",
    )
    assert _offences(fake, tmp_path, "graph.screening") == [
        "graph/resolve/fake.py:1 imports graph.screening.index",
        "graph/resolve/fake.py:2 imports graph.screening.words",
        "graph/resolve/fake.py:3 imports graph.screening",
        "graph/resolve/fake.py:5 imports graph.screening",
    ]


def test_the_check_sees_ingest_imported_at_the_top_or_inside_a_function(tmp_path: Path) -> None:
    fake = tmp_path / "graph" / "resolve" / "fake.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(
        "import ingest\n"
        "import ingest.lists.model as model\n"
        "from ingest import lists\n"
        "def _organisation(names):\n"
        "    # the lazy import graph.resolve.unknown_kinds once made\n"
        "    from ingest.lists.name_kind import organisation_reading\n"
        "    return organisation_reading(names[0])\n"
        "from graph.resolve.name_kind_reading import read_kind\n"
        "import ingestion_helpers\n",  # another package whose name starts alike
        encoding="utf-8",
    )
    assert _offences(fake, tmp_path, "ingest") == [
        "graph/resolve/fake.py:1 imports ingest",
        "graph/resolve/fake.py:2 imports ingest.lists.model",
        "graph/resolve/fake.py:3 imports ingest",
        "graph/resolve/fake.py:6 imports ingest.lists.name_kind",
    ]
