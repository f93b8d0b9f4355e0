"""List pipeline: tables, provenance, versions and diffs, graph rows, all-or-nothing writes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from chipwatch.errors import ChipwatchError, InputFileError
from chipwatch.settings import Settings
from graph.addresses import address_id
from graph.list_graph import list_graph_frames
from graph.lists.diff import diff_entries, version_diff
from graph.model import EdgeKind, NodeKind
from graph.screening.rescreen import changed_entry_ids
from graph.stores import open_store
from graph.tables.lists import load_list_tables
from ingest.lists.pipeline import bundled_list_paths, ingest_list_files
from ingest.lists.provenance import content_digest
from tests.ingest.lists.list_state import table_bytes as _table_bytes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "lists_pipeline"
V1, V2 = FIXTURES / "csl_v1.csv", FIXTURES / "csl_v2.csv"
DPL = FIXTURES / "dpl_2023-11_excerpt.txt"
ATLAS = "Atlas Sanatgaran"
SINOBRIGHT = "Sinobright Import and Export Company"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(workspace=tmp_path / "ws")


def _graph_state(settings: Settings) -> dict[str, pd.DataFrame]:
    store = open_store(settings)
    try:
        out = {k.value: store.nodes_frame(k).sort_values("id").reset_index(drop=True) for k in NodeKind}
        for e in EdgeKind:
            out[e.value] = (
                store.edges_frame(e).sort_values(["source", "target", "key"]).reset_index(drop=True)
            )
        return out
    finally:
        store.close()


def _entry(settings: Settings, name_prefix: str):
    store = open_store(settings)
    try:
        frame = store.nodes_frame(NodeKind.LIST_ENTRY)
        hit = frame[frame["name"].fillna("").str.startswith(name_prefix)]
        assert len(hit) == 1, hit
        node = store.node(hit.iloc[0]["id"])
        edges = store.neighbours(node.id, direction="out")
        return node, edges
    finally:
        store.close()


def test_first_version_tables_provenance_and_graph(settings: Settings) -> None:
    report = ingest_list_files(settings, [V1])
    assert [f.status for f in report.files] == ["new"]
    out = report.files[0]
    assert (out.feed, out.seq, out.rows_accepted) == ("csl", 1, 12)

    tables = load_list_tables(settings)
    version = tables.versions.iloc[0]
    assert version["sha256"] == hashlib.sha256(V1.read_bytes()).hexdigest()
    assert version["size"] == V1.stat().st_size
    assert version["format"] == "csl-csv"
    assert (version["rows_read"], version["rows_accepted"], version["rows_rejected"]) == (12, 12, 0)
    assert version["version_id"] == out.version_id
    assert set(json.loads(version["lists_json"])) >= {"US_UVL", "US_EL", "US_SDN", "US_DPL", "US_ISN"}
    assert len(tables.entries) == 12 and set(tables.entries["version_id"]) == {out.version_id}

    node, edges = _entry(settings, ATLAS)
    assert node.kind is NodeKind.LIST_ENTRY
    assert node.props["list"] == "US_UVL"
    assert node.props["status"] == "active"
    assert node.props["list_version"] == out.version_id
    located = [e for e in edges if e.kind is EdgeKind.LOCATED_AT]
    assert len(located) == 1
    store = open_store(settings)
    try:
        address = store.node(located[0].target)
        assert address is not None and address.kind is NodeKind.ADDRESS
        assert address.props["country"] == "AM"
        assert any(e.target == "country:AM" for e in store.neighbours(address.id, [EdgeKind.IN_COUNTRY]))
    finally:
        store.close()


def test_reingesting_the_same_file_changes_nothing(settings: Settings) -> None:
    ingest_list_files(settings, [V1])
    before_tables, before_graph = _table_bytes(settings), _graph_state(settings)
    again = ingest_list_files(settings, [V1])
    assert not again.changed
    assert again.files[0].status == "unchanged"
    assert "nothing changed" in again.summary()
    assert _table_bytes(settings) == before_tables
    after = _graph_state(settings)
    for kind, frame in before_graph.items():
        pd.testing.assert_frame_equal(after[kind], frame, check_like=True)


def test_new_version_produces_a_diff_and_marks_removed_entries(settings: Settings) -> None:
    first = ingest_list_files(settings, [V1]).files[0]
    second = ingest_list_files(settings, [V2]).files[0]
    assert (second.feed, second.seq, second.previous_version_id) == ("csl", 2, first.version_id)
    assert second.changes == {"added": 1, "removed": 1, "changed": 1}

    d = version_diff(load_list_tables(settings), "csl")
    rows = {r["change"]: r for r in d.rows.to_dict("records")}
    assert rows["added"]["name"] == "SME BANK"
    assert rows["removed"]["name"].startswith(SINOBRIGHT)
    assert rows["changed"]["name"] == ATLAS
    assert json.loads(rows["changed"]["fields_json"]) == ["addresses"]
    # The diff is stored, and a list code narrows it to that list's entries.
    assert len(load_list_tables(settings).diffs) == 3
    uvl = version_diff(load_list_tables(settings), "US_UVL", "1", "2")
    assert list(uvl.rows["name"]) == [ATLAS]

    removed, _ = _entry(settings, SINOBRIGHT)
    assert removed.props["status"] == "removed"
    assert removed.props["removed_in"] == second.version_id
    atlas, edges = _entry(settings, ATLAS)
    assert atlas.props["list_version"] == second.version_id
    targets = {e.target for e in edges if e.kind is EdgeKind.LOCATED_AT}
    # The old address edge is gone; the published address is the one left.
    assert len(targets) == 1
    assert targets == {address_id("Komitas 26/114, Yerevan", "AM")}


def test_failed_graph_write_leaves_tables_and_graph_as_they_were(settings: Settings) -> None:
    ingest_list_files(settings, [V1])
    before_tables, before_graph = _table_bytes(settings), _graph_state(settings)

    class FailingStore:
        """The real store, whose first HAS_IDENTIFIER write fails after the nodes and the
        LOCATED_AT / IN_COUNTRY edges are in (a write failing mid-load)."""

        def __init__(self, inner):
            self.inner = inner
            self.failed = False

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def upsert_edges(self, kind, rows, **options):
            if kind is EdgeKind.HAS_IDENTIFIER and not self.failed:
                self.failed = True
                raise ChipwatchError("store went away")
            return self.inner.upsert_edges(kind, rows, **options)

    real = open_store(settings)
    try:
        with pytest.raises(ChipwatchError, match="store went away"):
            ingest_list_files(settings, [V2], store=FailingStore(real))  # type: ignore[arg-type]
        # The same (in-memory) store object has been put back as it was, down to the properties
        # the failed write added (``removed_in`` of the entry the new version drops): the list's
        # own properties are written back owned, so the ones a node did not have are removed.
        for kind in NodeKind:
            frame = real.nodes_frame(kind).sort_values("id").reset_index(drop=True)
            pd.testing.assert_frame_equal(frame, before_graph[kind.value], check_like=True)
        for ekind in EdgeKind:
            frame = real.edges_frame(ekind).sort_values(["source", "target", "key"]).reset_index(drop=True)
            pd.testing.assert_frame_equal(frame, before_graph[ekind.value], check_like=True)
    finally:
        real.close()
    assert _table_bytes(settings) == before_tables
    assert not list(settings.tables_dir.glob(".*.tmp"))
    after = _graph_state(settings)
    for kind, frame in before_graph.items():
        pd.testing.assert_frame_equal(after[kind], frame, check_like=True)
    # And the same file then loads fine.
    assert ingest_list_files(settings, [V2]).files[0].seq == 2


def test_a_bad_file_in_the_batch_loads_nothing(settings: Settings, tmp_path: Path) -> None:
    ingest_list_files(settings, [V1])
    before = _table_bytes(settings)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError) as info:
        ingest_list_files(settings, [DPL, empty])
    assert "empty.csv" in str(info.value)
    assert _table_bytes(settings) == before
    assert set(load_list_tables(settings).versions["feed"]) == {"csl"}


def test_two_feeds_in_one_call(settings: Settings) -> None:
    report = ingest_list_files(settings, [V1, DPL])
    feeds = {f.feed: f for f in report.files}
    assert set(feeds) == {"csl", "bis-dpl"}
    assert feeds["bis-dpl"].rows_accepted == 40
    versions = load_list_tables(settings).versions
    assert sorted(versions["seq"]) == [1.0, 1.0]


def test_list_graph_frames_are_pure_rows(settings: Settings) -> None:
    ingest_list_files(settings, [V2])
    entries = load_list_tables(settings).entries
    frames = list_graph_frames(entries)
    nodes = frames.nodes[NodeKind.LIST_ENTRY]
    assert len(nodes) == 12 and nodes["id"].is_unique
    assert set(nodes["status"]) == {"active"}
    assert all(isinstance(a, list) for a in nodes["aliases"])
    # Every edge end is a node of the frames (so the store accepts them).
    ids = set().union(*(set(f["id"]) for f in frames.nodes.values()))
    for kind, edges in frames.edges.items():
        assert set(edges["source"]) <= ids, kind
        assert set(edges["target"]) <= ids, kind


def test_bundled_list_paths_include_the_ofac_folder_and_csl() -> None:
    paths = bundled_list_paths()
    names = {p.name for p in paths}
    assert "consolidated_2022-05.csv.gz" in names
    ofac = [p for p in paths if p.is_dir()]
    assert ofac and (ofac[0] / "sdn.csv").exists()
    assert not any(p.suffix == ".md" for p in paths)


def test_neo4j_store_gets_the_same_graph_as_networkx(neo4j_settings: Settings, tmp_path: Path) -> None:
    neo = neo4j_settings.with_(workspace=tmp_path / "neo")
    nx = Settings(workspace=tmp_path / "nx")
    store = open_store(neo)
    try:
        store.clear()
    finally:
        store.close()
    for s in (neo, nx):
        ingest_list_files(s, [V1])
        report = ingest_list_files(s, [V2])
        assert report.files[0].changes == {"added": 1, "removed": 1, "changed": 1}
        assert not ingest_list_files(s, [V2]).changed
    graphs = {}
    for name, s in (("neo4j", neo), ("networkx", nx)):
        store = open_store(s)
        try:
            entries = store.nodes_frame(NodeKind.LIST_ENTRY)
            graphs[name] = {
                "entries": sorted(
                    zip(entries["id"], entries["status"], entries["list_version"], strict=True)
                ),
                "removed_in": sorted(entries["removed_in"].dropna()),
                **{k.value: sorted(store.nodes_frame(k)["id"]) for k in NodeKind},
                **{
                    e.value: sorted(zip(f["source"], f["target"], f["key"], strict=True))
                    for e in EdgeKind
                    for f in [store.edges_frame(e)]
                },
            }
        finally:
            store.close()
    assert graphs["neo4j"] == graphs["networkx"]
    assert len(graphs["networkx"]["entries"]) == 13
    assert len(graphs["networkx"]["removed_in"]) == 1


@pytest.fixture(scope="module")
def v2_entries(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    settings = Settings(workspace=tmp_path_factory.mktemp("v2"))
    ingest_list_files(settings, [V2])
    return load_list_tables(settings).entries


@settings_(max_examples=40, deadline=None)
@given(old=st.sets(st.integers(0, 11)), new=st.sets(st.integers(0, 11)))
def test_diff_of_subsets_is_set_difference_and_antisymmetric(
    v2_entries, old: set[int], new: set[int]
) -> None:
    a, b = v2_entries.iloc[sorted(old)], v2_entries.iloc[sorted(new)]
    forward = diff_entries(a, b, feed="csl", old_version_id="a", new_version_id="b")
    backward = diff_entries(b, a, feed="csl", old_version_id="b", new_version_id="a")
    ids = v2_entries["node_id"]
    got = {c: set(forward.loc[forward["change"] == c, "node_id"]) for c in ("added", "removed", "changed")}
    assert got == {
        "added": set(ids.iloc[sorted(new - old)]),
        "removed": set(ids.iloc[sorted(old - new)]),
        "changed": set(),
    }
    assert set(backward.loc[backward["change"] == "added", "node_id"]) == got["removed"]
    assert set(backward.loc[backward["change"] == "removed", "node_id"]) == got["added"]


def test_a_company_at_a_listed_address_shares_the_address_node(settings: Settings, tmp_path: Path) -> None:
    import datetime as dt

    from graph.tables.trade import load_trade_tables
    from graph.trade_graph import write_trade_graph
    from ingest.trade.load import ingest_trade_file

    ingest_list_files(settings, [V2])
    companies = tmp_path / "companies.csv"
    companies.write_text(
        'company_id,name,country,address,city\nC1,Ararat Trading LLC,AM,"Komitas 26/114",Yerevan\n'
    )
    ingest_trade_file(settings, "companies", companies, today=dt.date(2026, 1, 1))
    store = open_store(settings)
    try:
        write_trade_graph(store, load_trade_tables(settings))
        company = [e.target for e in store.neighbours("co:csv:C1", [EdgeKind.LOCATED_AT])]
        edges = store.neighbours(company[0], [EdgeKind.LOCATED_AT])
        located_here = {e.source for e in edges}
    finally:
        store.close()
    assert "co:csv:C1" in located_here
    assert any(s.startswith("list:US_UVL:") for s in located_here)


LISTS_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "lists"


def test_each_ftm_dataset_and_each_uk_publication_is_its_own_feed(settings: Settings) -> None:
    # A per-dataset OpenSanctions export (every entity in eu_fsf) and a merged collection must not
    # diff against each other: loading the second would report the first's entries as removed.
    ftm = LISTS_FIXTURES / "ftm"
    first = ingest_list_files(settings, [ftm / "t1_entities.ftm.json"]).files[0]
    second = ingest_list_files(settings, [ftm / "zala_entities.ftm.json"]).files[0]
    assert (first.feed, second.feed) == ("ftm-eu-fsf", "ftm")
    assert second.seq == 1 and second.previous_version_id is None
    assert second.changes.get("removed", 0) == 0
    graph = _graph_state(settings)[NodeKind.LIST_ENTRY.value]
    t1_nodes = graph[graph["list_version"] == first.version_id]
    assert len(t1_nodes) == first.rows_accepted and (t1_nodes["status"] == "active").all()

    uk = LISTS_FIXTURES / "uk"
    conlist = ingest_list_files(settings, [uk / "ConList_excerpt.csv"]).files[0]
    fcdo = ingest_list_files(settings, [uk / "uk_sanctions_list_sample_2026.xml"]).files[0]
    assert (conlist.feed, fcdo.feed) == ("uk-ofsi", "uk")
    assert fcdo.previous_version_id is None and fcdo.changes.get("removed", 0) == 0


def test_ftm_context_flag_is_stored_diffed_and_becomes_the_node_status(
    settings: Settings, tmp_path: Path
) -> None:
    zala = LISTS_FIXTURES / "ftm" / "zala_entities.ftm.json"
    izhtelekom, aeroscan = "list:FTM:NK-56Edov9bas9puzaChH5pBy", "list:FTM:NK-iE6m5ryPeTAMZozfECVSL7"
    ingest_list_files(settings, [zala])
    rows = load_list_tables(settings).entries.set_index("node_id")
    context = set(rows.index[rows["context"].notna()])
    assert context == {izhtelekom, "list:FTM:NK-9Xa4Kg7Y7nfccE7VcZt6Q6", "list:FTM:ru-inn-5920040846"}
    assert rows.loc[list(context), "context"].tolist() == [True] * 3
    # entries without the flag keep the digest they had before the field existed
    legacy = content_digest(rows.reset_index().drop(columns="context"))
    same = (legacy == rows["digest"].reset_index(drop=True)).to_numpy()
    assert same.tolist() == [n not in context for n in rows.index]
    graph = _graph_state(settings)[NodeKind.LIST_ENTRY.value].set_index("id")
    assert set(graph.index[graph["status"] == "context"]) == context
    assert (graph.drop(index=list(context))["status"] == "active").all()

    # the next export: ИЖТЕЛЕКОМ is now a target itself, Aeroscan only context: both changed
    lines = []
    for line in zala.read_text(encoding="utf-8").splitlines():
        ent = json.loads(line)
        if ent["id"] in (izhtelekom.rsplit(":", 1)[1], aeroscan.rsplit(":", 1)[1]):
            ent["target"] = not ent.get("target", True)
        lines.append(json.dumps(ent, ensure_ascii=False))
    v2 = tmp_path / "zala_v2.ftm.json"
    v2.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest_list_files(settings, [v2])
    assert report.files[0].changes == {"added": 0, "removed": 0, "changed": 2}
    fields = {r.node_id: json.loads(r.fields_json) for r in report.diffs.itertuples()}
    assert "context" in fields[izhtelekom] and {"context", "programs"} <= set(fields[aeroscan])
    assert changed_entry_ids(settings) == {izhtelekom, aeroscan}  # rescreen looks at both again
    graph = _graph_state(settings)[NodeKind.LIST_ENTRY.value].set_index("id")
    assert (graph.at[izhtelekom, "status"], graph.at[aeroscan, "status"]) == ("active", "context")


def test_ofac_consolidated_enhanced_xml_is_not_filed_as_the_sdn_feed(settings: Settings) -> None:
    # CONS_ENHANCED.XML (the non-SDN consolidated list) carries 77 entities that are on the SDN list
    # too; filed under ofac-sdn it would diff as the removal of every other SDN entry.
    ofac = LISTS_FIXTURES / "ofac"
    sdn = ingest_list_files(settings, [ofac / "tiny"]).files[0]
    cons = ingest_list_files(settings, [ofac / "non_sdn" / "CONS_ENHANCED.XML.gz"]).files[0]
    assert (sdn.feed, cons.feed) == ("ofac-sdn", "ofac-nonsdn")
    assert cons.previous_version_id is None and cons.changes.get("removed", 0) == 0
    entries = load_list_tables(settings).entries
    sdn_ids = set(entries.loc[entries["version_id"] == sdn.version_id, "node_id"])
    graph = _graph_state(settings)[NodeKind.LIST_ENTRY.value]
    sdn_nodes = graph[graph["id"].isin(sdn_ids)]
    assert len(sdn_nodes) == sdn.rows_accepted == 17 and (sdn_nodes["status"] == "active").all()


def test_summary_line_accounts_for_rows_that_are_parts_of_entries(settings: Settings) -> None:
    # The UK ConList gives one row per alias: 77 rows, 41 entries, none rejected.
    out = ingest_list_files(settings, [LISTS_FIXTURES / "uk" / "ConList_excerpt.csv"]).files[0]
    assert (out.rows_read, out.rows_accepted, out.rows_rejected) == (77, 41, 0)
    assert "77 read, 41 accepted, 0 rejected (36 rows read as parts of entries" in out.line()
    first = ingest_list_files(settings, [V1]).files[0]
    assert first.rows_read == first.rows_accepted and "parts of entries" not in first.line()


def test_two_feeds_updated_in_one_call(settings: Settings, tmp_path: Path) -> None:
    """The second feed's previous version comes from the stored tables while the first file of the
    call brought rows with decoded twins (``_aliases`` …): stacked, the stored rows had NaN there,
    and building its removed and kept rows failed ('float' object is not iterable)."""
    ingest_list_files(settings, [V1, DPL])
    lines = DPL.read_text(encoding="utf-8").splitlines(keepends=True)
    dpl2 = tmp_path / "dpl_without_last_row.txt"
    dpl2.write_text("".join(lines[:-1]), encoding="utf-8")
    report = ingest_list_files(settings, [V2, dpl2])
    assert [f.changes for f in report.files] == [
        {"added": 1, "removed": 1, "changed": 1},
        {"added": 0, "removed": 1, "changed": 0},
    ]
