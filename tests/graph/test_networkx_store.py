"""The embedded store's own duties: Parquet persistence, atomic flush, corrupt files, open_store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chipwatch.errors import StoreError, WorkspaceCorruptError
from chipwatch.settings import Settings, StoreKind
from graph.model import EdgeKind, NodeKind
from graph.stores import NetworkxStore, open_store
from graph.stores.parquet import CURRENT


def _fill(store: NetworkxStore, n: int, tag: str = "") -> None:
    store.upsert_nodes(
        NodeKind.COMPANY, ({"id": f"co:p:{i}", "name": f"Co {i}{tag}", "n": i} for i in range(n))
    )
    store.upsert_edges(
        EdgeKind.TRADES_WITH,
        (
            {"source": f"co:p:{i}", "target": f"co:p:{(i * 7 + 1) % n}", "key": "854231", "count": i}
            for i in range(n)
        ),
    )


def test_flush_then_reopen_gives_the_same_graph(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    _fill(store, 500)
    mixed = [
        {"id": "co:m:1", "name": "Mixed", "v": 1, "w": [1, 2], "f": 1.5},
        {"id": "co:m:2", "name": "Mixed", "v": "1", "w": ["a"], "f": 2},
        {"id": "co:m:3", "name": "Пустой", "w": []},
    ]
    store.upsert_nodes(NodeKind.COMPANY, mixed)
    store.flush()
    again = NetworkxStore(tmp_path)
    assert again.counts() == store.counts()
    for row in mixed:
        node = again.node(row["id"])
        assert node is not None
        assert dict(node.props) == {k: v for k, v in row.items() if k != "id"}
        assert [type(v) for v in node.props.values()] == [type(row[k]) for k in node.props]
    assert again.nodes_frame(NodeKind.COMPANY).equals(store.nodes_frame(NodeKind.COMPANY))
    assert again.edges_frame(EdgeKind.TRADES_WITH).equals(store.edges_frame(EdgeKind.TRADES_WITH))
    assert again.paths(["co:p:0"], ["co:p:50"], max_hops=3) == store.paths(
        ["co:p:0"], ["co:p:50"], max_hops=3
    )
    # writes after a reload update the loaded rows (not duplicates)
    again.upsert_edges(
        EdgeKind.TRADES_WITH, [{"source": "co:p:0", "target": "co:p:1", "key": "854231", "count": -1}]
    )
    assert again.counts()["TRADES_WITH"] == 500
    assert again.neighbours("co:p:0", direction="out")[0].props == {"count": -1}


def test_close_without_flush_keeps_previous_files(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    _fill(store, 50)
    store.flush()
    store.clear()
    store.upsert_nodes(NodeKind.PERSON, [{"id": "person:x", "name": "half-written load"}])
    store.close()  # an abandoned load: never flushed
    assert NetworkxStore(tmp_path).counts()["Company"] == 50
    assert NetworkxStore(tmp_path).counts()["Person"] == 0


def test_corrupt_parquet_names_the_file(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    _fill(store, 20)
    store.flush()
    version = json.loads((tmp_path / CURRENT).read_text())["version"]
    bad = tmp_path / version / "edges" / "TRADES_WITH.parquet"
    bad.write_bytes(bad.read_bytes()[:100])
    with pytest.raises(WorkspaceCorruptError, match=r"TRADES_WITH\.parquet"):
        NetworkxStore(tmp_path)
    (tmp_path / CURRENT).write_text("{not json")
    with pytest.raises(WorkspaceCorruptError, match="CURRENT"):
        NetworkxStore(tmp_path)


def test_leftovers_of_a_crashed_flush_are_ignored_and_cleaned(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    _fill(store, 20)
    store.flush()
    (tmp_path / ".v-1-1.tmp" / "nodes").mkdir(parents=True)
    (tmp_path / ".v-1-1.tmp" / "nodes" / "Company.parquet").write_bytes(b"half")
    reopened = NetworkxStore(tmp_path)
    assert reopened.counts()["Company"] == 20
    reopened.flush()
    assert not (tmp_path / ".v-1-1.tmp").exists()
    assert len([p for p in tmp_path.iterdir() if p.name.startswith("v-")]) == 1


_FLUSH_BIG = """
import sys
from graph.model import EdgeKind, NodeKind
from graph.stores import NetworkxStore
from pathlib import Path
n = 200_000
store = NetworkxStore(Path(sys.argv[1]))
store.upsert_nodes(NodeKind.COMPANY, ({"id": f"co:p:{i}", "name": f"Co {i} new"} for i in range(n)))
edges = ({"source": f"co:p:{i}", "target": f"co:p:{(i + 1) % n}"} for i in range(n))
store.upsert_edges(EdgeKind.OWNS, edges)
store.flush()
"""


@pytest.mark.slow
def test_killed_mid_flush_leaves_a_complete_graph(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    _fill(store, 1000)
    store.flush()
    proc = subprocess.Popen([sys.executable, "-c", _FLUSH_BIG, str(tmp_path)])
    # Wait until the child is writing its new version, then kill it without warning.
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline, "the writer never started its flush"
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reopened = NetworkxStore(tmp_path)
    assert reopened.counts()["Company"] in {1000, 200_000}
    node = reopened.node("co:p:999")
    assert node is not None


def test_open_store_networkx_uses_the_workspace(tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path, store=StoreKind.NETWORKX)
    store = open_store(settings)
    store.upsert_nodes(NodeKind.COUNTRY, [{"id": "country:CN", "name": "China"}])
    store.flush()
    store.close()
    assert (tmp_path / "graph" / CURRENT).exists()
    assert open_store(settings).counts()["Country"] == 1


def test_open_store_neo4j_without_a_server_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="chipwatch neo4j start"):
        open_store(Settings(workspace=tmp_path, store=StoreKind.NEO4J))


def test_rows_are_checked(tmp_path: Path) -> None:
    store = NetworkxStore()
    with pytest.raises(StoreError, match=r"row 2, field 'id'"):
        store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:x:1"}, {"name": "no id"}])
    with pytest.raises(StoreError, match=r"row 1, field 'tags'"):
        store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:x:1", "tags": ["a", None]}])
    assert store.counts()["Company"] == 0


def test_to_networkx(tmp_path: Path) -> None:
    store = NetworkxStore()
    _fill(store, 10)
    graph = store.to_networkx([EdgeKind.TRADES_WITH])
    assert graph.number_of_nodes() == 10 and graph.number_of_edges() == 10
    assert graph.edges["co:p:0", "co:p:1", ("TRADES_WITH", "854231")]["count"] == 0


def test_columns_of_a_reloaded_store_without_materialising_every_record(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    _fill(store, 50)
    store.flush()
    reopened = NetworkxStore(tmp_path)
    reopened.upsert_nodes(NodeKind.COMPANY, [{"id": "co:p:3", "name": "Renamed"}])  # one dict record
    frame = reopened.nodes_frame(NodeKind.COMPANY, ["name", "missing", "n"])
    assert list(frame.columns) == ["id", "name", "missing", "n"]
    by_id = frame.set_index("id")
    assert by_id.loc["co:p:3", "name"] == "Renamed" and by_id.loc["co:p:3", "n"] == 3
    assert by_id.loc["co:p:7", "name"] == "Co 7" and by_id["missing"].isna().all()
    # The other loaded records were read column-wise: still row numbers, not dicts.
    records = reopened._nodes[NodeKind.COMPANY]
    assert sum(type(v) is int for v in records.rows.values()) == 49


def _version_file(directory: Path, sub: str) -> Path:
    version = json.loads((directory / CURRENT).read_text(encoding="utf-8"))["version"]
    return directory / version / sub


def test_flush_links_the_kinds_unchanged_since_the_load_and_writes_the_rest(tmp_path: Path) -> None:
    # chipwatch risk updates the entities; the million shipments it only read are not rewritten.
    store = NetworkxStore(tmp_path)
    store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:a", "name": "A"}, {"id": "co:b", "name": "B"}])
    store.upsert_nodes(NodeKind.SHIPMENT, [{"id": "ship:1", "hs6": "854231"}])
    store.upsert_edges(EdgeKind.SHIPPER_OF, [{"source": "co:a", "target": "ship:1"}])
    store.flush()
    ship_before = os.stat(_version_file(tmp_path, "nodes/Shipment.parquet")).st_ino
    edge_before = os.stat(_version_file(tmp_path, "edges/SHIPPER_OF.parquet")).st_ino
    company_before = os.stat(_version_file(tmp_path, "nodes/Company.parquet")).st_ino
    again = NetworkxStore(tmp_path)
    assert again.node("ship:1") is not None and again.neighbours("co:a")  # reads change nothing
    again.upsert_nodes(NodeKind.COMPANY, [{"id": "co:a", "risk_score": 50.0}])
    again.flush()
    assert os.stat(_version_file(tmp_path, "nodes/Shipment.parquet")).st_ino == ship_before
    assert os.stat(_version_file(tmp_path, "edges/SHIPPER_OF.parquet")).st_ino == edge_before
    assert os.stat(_version_file(tmp_path, "nodes/Company.parquet")).st_ino != company_before
    again.upsert_edges(EdgeKind.SHIPPER_OF, [{"source": "co:b", "target": "ship:1"}])
    other = NetworkxStore(tmp_path)  # another writer flushes meanwhile: the linked version is gone
    other.flush()
    again.flush()
    reread = NetworkxStore(tmp_path)
    a, ship = reread.node("co:a"), reread.node("ship:1")
    assert a is not None and a.props == {"name": "A", "risk_score": 50.0}
    assert ship is not None and ship.props == {"hs6": "854231"}
    assert {e.source for e in reread.neighbours("ship:1")} == {"co:a", "co:b"}


def test_owned_props_removed_from_reloaded_records_merged_as_columns(tmp_path: Path) -> None:
    """A sync's columns merged into records still held as rows of the loaded (Arrow) columns, and
    into ones already read as dicts: the owned properties they leave out are removed from both."""
    import pandas as pd

    from graph.stores.columns import ColumnRows

    store = NetworkxStore(tmp_path)
    _fill(store, 50)
    store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:p:1", "risk_score": 5.0}])
    store.flush()
    reopened = NetworkxStore(tmp_path)
    assert reopened.node("co:p:2") is not None  # this record is a dict now, the others row numbers
    update = pd.DataFrame({"id": ["co:p:1", "co:p:2", "co:p:3"], "name": ["One", "Two", None]})
    reopened.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(update), owned={"name", "n"})
    records = reopened._nodes[NodeKind.COMPANY]
    assert type(records.rows["co:p:1"]) is int  # merged in the columns, not turned into a dict
    assert [dict(reopened.node(f"co:p:{i}").props) for i in (1, 2, 3, 4)] == [  # type: ignore[union-attr]
        {"name": "One", "risk_score": 5.0},
        {"name": "Two"},
        {},
        {"name": "Co 4", "n": 4},
    ]
    reopened.flush()
    assert dict(NetworkxStore(tmp_path).node("co:p:1").props) == {"name": "One", "risk_score": 5.0}  # type: ignore[union-attr]


def test_edges_deleted_from_a_reloaded_store_are_gone_from_its_walks(tmp_path: Path) -> None:
    """Deleting right after a reload (adjacency not built yet) leaves nothing of the edges behind."""
    first = NetworkxStore(tmp_path / "g")
    _fill(first, 50)
    first.flush()
    reloaded = NetworkxStore(tmp_path / "g")
    gone = [("co:p:3", "co:p:22", "854231"), ("co:p:4", "co:p:29", "854231"), ("co:p:4", "co:p:1", "854231")]
    assert reloaded.delete_edges(EdgeKind.TRADES_WITH, gone) == 2
    assert reloaded.neighbours("co:p:3") == [e for e in first.neighbours("co:p:3") if e.target != "co:p:22"]
    assert reloaded.paths(["co:p:4"], ["co:p:29"], max_hops=1) == []
    reloaded.flush()
    again = NetworkxStore(tmp_path / "g")
    assert again.counts()["TRADES_WITH"] == 48
    left = again.edge_ends(EdgeKind.TRADES_WITH).itertuples(index=False, name=None)
    assert set(left) == set(reloaded.edge_ends(EdgeKind.TRADES_WITH).itertuples(index=False, name=None))
    assert not set(gone) & set(again.edge_ends(EdgeKind.TRADES_WITH).itertuples(index=False, name=None))
