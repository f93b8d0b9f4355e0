"""``chipwatch review``: the queue listed with scores that never read across a threshold."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from chipwatch.cli import cli
from chipwatch.settings import Settings
from graph.resolve.review import queue_path


def test_the_queue_shows_no_score_as_certain_or_at_the_link_threshold(tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    path = queue_path(settings)
    path.parent.mkdir(parents=True)
    pd.DataFrame(
        {
            "source": ["list:UN:1", "co:a"],
            "target": ["list:US_SDN:1", "co:b"],
            "score": [0.9996, 0.9196],  # a link the guard refused; one just below the link threshold
            "method": "test",
            "reasons_json": "[]",
        }
    ).to_parquet(path, index=False)
    result = CliRunner().invoke(cli, ["review"], env={"CHIPWATCH_WORKSPACE": str(settings.workspace)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("0.9996  list:UN:1  list:US_SDN:1")  # not 1.000
    assert lines[2].startswith("0.9196  co:a  co:b")  # not 0.920
