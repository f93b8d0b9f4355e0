"""``chipwatch app`` starts Streamlit through ``chipwatch.ui.launch``, which imports the libraries the
pages use before the server listens: the first visit no longer waits for them."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from chipwatch.commands.app import streamlit_command
from chipwatch.settings import PROJECT_ROOT

OWN_LIBRARIES = ("graph", "ingest")


def _library_imports() -> set[str]:
    """Modules of this project's libraries that app.py, the pages and chipwatch/ui import at load."""
    files = [PROJECT_ROOT / "app.py", *(PROJECT_ROOT / "pages").glob("*.py")]
    files += (PROJECT_ROOT / "chipwatch" / "ui").glob("*.py")
    found = set()
    for path in files:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:  # top level: run at import
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            found |= {n for n in names if n.split(".")[0] in OWN_LIBRARIES and n not in OWN_LIBRARIES}
    return found


def test_preload_imports_every_library_module_the_pages_import() -> None:
    wanted = _library_imports()
    assert "graph.risk.entity" in wanted and "graph.screening.run" in wanted
    code = (
        "import json, sys\nfrom chipwatch.ui import launch\nlaunch.preload()\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT
    )
    assert sorted(wanted - set(json.loads(done.stdout.splitlines()[-1]))) == []


def test_the_app_is_served_through_the_launcher() -> None:
    cmd = streamlit_command("127.0.0.1", 8599, 20)
    assert cmd[1:5] == ["-m", "chipwatch.ui.launch", "run", str(PROJECT_ROOT / "app.py")]
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"
