"""graph.resolve sits below graph.screening: screening may use resolve, never the other way round.

A cycle between the two would let a change in the screening rules alter entity resolution (and its
scores) unseen; the word table and the list-entry helpers both use live in neutral modules instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

import graph.resolve

RESOLVE_DIR = Path(graph.resolve.__file__).parent
ROOT = RESOLVE_DIR.parent.parent  # the directory holding the ``graph`` package
FORBIDDEN = "graph.screening"


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


def _offences(path: Path, root: Path) -> list[str]:
    """``file:line imports module`` for each line importing graph.screening (one entry per line)."""
    found = {
        line: module
        for line, module in reversed(_imported_modules(path, root))
        if module == FORBIDDEN or module.startswith(FORBIDDEN + ".")
    }
    return [f"{path.relative_to(root)}:{line} imports {found[line]}" for line in sorted(found)]


def test_resolve_does_not_import_screening() -> None:
    files = sorted(RESOLVE_DIR.rglob("*.py"))
    assert len(files) > 5  # the walk really found the package's modules
    offences = [o for f in files for o in _offences(f, ROOT)]
    assert offences == []


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
    assert _offences(fake, tmp_path) == [
        "graph/resolve/fake.py:1 imports graph.screening.index",
        "graph/resolve/fake.py:2 imports graph.screening.words",
        "graph/resolve/fake.py:3 imports graph.screening",
        "graph/resolve/fake.py:5 imports graph.screening",
    ]
