"""``resolve`` over the bundled demo world: linking uses the one resolution scorer (graph.resolve)."""

from __future__ import annotations

import gc
import json
from functools import partial
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.settings import Settings
from graph.model import EdgeKind, NodeKind
from graph.resolve import Record, names, prepare, prepare_cores, run, score_pairs
from graph.resolve.link import LinkResult
from graph.resolve.review import queue_path
from graph.resolve.run import _nodes_in_store, clusters_path, resolve
from graph.stores import open_store
from graph.tables.trade import load_trade_tables
from ingest.trade.graph_sync import DEMO_WORLD_DIR, ingest_demo_world


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings(workspace=tmp_path_factory.mktemp("resolve-demo"))
    ingest_demo_world(settings)
    resolve(settings)
    return settings


def _cluster_of(settings: Settings, node_id: str) -> set[str]:
    clusters = pd.read_parquet(clusters_path(settings))
    canonical = clusters.loc[clusters["id"] == node_id, "canonical_id"]
    if canonical.empty:
        return {node_id}
    return set(clusters.loc[clusters["canonical_id"] == canonical.iloc[0], "id"])


def _party_id(settings: Settings, name: str) -> str:
    parties = load_trade_tables(settings).parties
    return str(parties.loc[parties["name"] == name, "party_id"].iloc[0])


#: Rows (CSV text, the bundled world's column order) of a world where two HK/PL companies share one
#: distinctive word and a bill of lading names one of them.
SMALL_WORLD = {
    "ownership": "",
    "officers": "",
    "companies": (
        '"C1","Truesemi Semiconductor Supply Limited","","HK","Floor 2, 131 Nathan Road","Wan Chai",'
        '"","1983-06-09","","","","electronic components distributor","","","","synthetic"\n'
        '"C2","Truesemi Industries S.A.","","PL","ul. Prosta 12","Warszawa","00-850","2001-02-03",'
        '"","","","industrial machinery","","","","synthetic"\n'
    ),
    "shipments": (
        '"S1","2024-03-01","TRUESEMI INDUSTRIES S.A.","UL. PROSTA 12, WARSZAWA","PL",'
        '"Truesemi Semiconductor Supply Limited","Floor 2, 131 Nathan Road, Wan Chai","HK","","","",'
        '"8479.89","MACHINES","Truesemi Industries S.A.","PL","PL","HK","Gdansk","Hong Kong",'
        "1000,1,10,FOB\n"
    ),
}


def _small_world(directory: Path, world: dict[str, str] = SMALL_WORLD) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for kind, rows in world.items():
        header = (DEMO_WORLD_DIR / f"{kind}.csv").read_text(encoding="utf-8").splitlines()[0]
        (directory / f"{kind}.csv").write_text(header + "\n" + rows, encoding="utf-8")
    return directory


def test_other_legal_form_and_line_of_business_is_not_linked_automatically(tmp_path: Path) -> None:
    # "Truesemi Semiconductor Supply Limited" (HK) and the trade party "TRUESEMI INDUSTRIES S.A."
    # (PL) share only the word TRUESEMI: another legal form, another line of business.
    settings = Settings(workspace=tmp_path / "ws")
    ingest_demo_world(settings, directory=_small_world(tmp_path / "world"))
    resolve(settings)
    industries_party = _party_id(settings, "TRUESEMI INDUSTRIES S.A.")
    assert industries_party not in _cluster_of(settings, "co:synthetic:C1")
    store = open_store(settings)
    try:
        links = {e.target: e.props for e in store.neighbours("co:synthetic:C1", [EdgeKind.SAME_AS])}
    finally:
        store.close()
    assert links.get(industries_party, {}).get("decision") != "auto", links
    # ... while the party does join the company it names.
    assert industries_party in _cluster_of(settings, "co:synthetic:C2")


def test_link_scores_are_the_resolution_scorer_scores(demo: Settings) -> None:
    # The queue's scores are graph.resolve.score_pairs numbers (the ones `chipwatch compare` prints).
    queue = pd.read_parquet(queue_path(demo))
    assert len(queue)
    trade = load_trade_tables(demo)
    names = dict(zip(trade.companies["node_id"], trade.companies["name"], strict=True))
    names.update(zip(trade.parties["party_id"], trade.parties["name"], strict=True))
    countries = dict(zip(trade.companies["node_id"], trade.companies["country"], strict=True))
    countries.update(zip(trade.parties["party_id"], trade.parties["country"], strict=True))
    row = queue.iloc[0]

    def record(node_id: str) -> Record:
        country = countries.get(node_id)
        return Record(node_id, "company", (names[node_id],), country if isinstance(country, str) else None)

    left, right = prepare([record(row["source"])]), prepare([record(row["target"])])
    expected = float(score_pairs(left, right, [[0, 0]]).score[0])
    assert row["score"] == pytest.approx(expected, abs=1e-4)
    assert json.loads(row["reasons_json"])[0].startswith("name ")


def test_the_link_write_finds_record_nodes_without_reading_their_properties(demo: Settings) -> None:
    """The write keeps links whose two records are nodes of the store, found by id columns: read
    through ``store.node`` per id, the 100k world's company and party columns became Python
    objects with a dict per node (+0.6 GB peak in ``chipwatch resolve``)."""
    store = open_store(demo)
    try:
        companies = store.nodes_frame(NodeKind.COMPANY, columns=("id",))["id"].tolist()[:3]
        parties = store.nodes_frame(NodeKind.TRADE_PARTY, columns=("id",))["id"].tolist()[:3]
        known = [*companies, *parties]  # the demo world's graph holds no list entries
        assert len(known) == 6
        assert _nodes_in_store(store, [*known, "co:synthetic:no-such-company"]) == set(known)
        tables = store._nodes  # type: ignore[attr-defined]  # the embedded store's records
        for kind in (NodeKind.LIST_ENTRY, NodeKind.COMPANY, NodeKind.TRADE_PARTY):
            ids = list(tables[kind].rows)
            assert tables[kind].positions(ids) is not None  # still rows of the loaded columns
    finally:
        store.close()
    same_as = open_store(demo)
    try:
        edges = same_as.edges_frame(EdgeKind.SAME_AS, columns=("source", "target"))
        assert len(edges) > 0
        ends = pd.concat([edges["source"], edges["target"]]).unique().tolist()
        assert len(same_as.nodes_by_id(ends)) == len(ends)  # every link joins two nodes
    finally:
        same_as.close()


def test_the_name_caches_are_emptied_before_the_store_is_loaded(
    demo: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-name caches of the scorer (full of the run's names: ~0.5 GB on the 100k world) are
    not kept while the link write loads the whole graph store."""
    cached: list[int] = []
    write = run._write

    def write_and_note(settings: Settings, result: LinkResult, write_store: bool) -> bool:
        cached.append(names.normalise_name.cache_info().currsize)
        return write(settings, result, write_store)

    monkeypatch.setattr(run, "_write", write_and_note)
    summary = resolve(demo)
    assert cached == [0]
    assert summary.links > 0 and summary.store_written


def test_records_are_linked_with_the_cyclic_collector_paused(
    demo: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blocking, scoring and linking run without the cyclic garbage collector (it would re-walk
    the run's millions of live objects for nothing: graph.gc_pause), which is on again after."""
    seen: list[bool] = []
    link = run.link

    def link_and_note(*args: object, **kwargs: object) -> LinkResult:
        seen.append(gc.isenabled())
        return link(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "link", link_and_note)
    gc.enable()
    summary = resolve(demo)
    assert seen == [False]
    assert gc.isenabled() and summary.links > 0


#: Entity List rows of the bundled May 2022 CSL, which publishes no type for them (the reader reads
#: "Ali Reza Divanizadeh", "Feroz Khan" and "Huisui Zhang" as persons from their names).
EL_PERSONS = Path(__file__).resolve().parents[2] / "fixtures" / "resolve" / "csl_el_persons.csv"
#: A Dubai supplier shipping to consignees written as persons' names (one letter slipped) and to a
#: trading company that shares a listed person's surname.
PERSON_PARTIES_WORLD = {
    "ownership": "",
    "officers": "",
    "companies": (
        '"C1","Maliha Industrial Supplies FZE","","AE","Maliha Road, Industrial Area 6","Sharjah",'
        '"","2009-04-01","","","","electronic components distributor","","","","synthetic"\n'
    ),
    "shipments": "".join(
        f'"S{i}","2024-03-0{i}","Maliha Industrial Supplies FZE","Maliha Road, Sharjah","AE",'
        f'"{consignee}","{address}","{country}","","","","8542.31","INTEGRATED CIRCUITS",'
        '"Maliha Industrial Supplies FZE","AE","AE","{country}","Jebel Ali","Bandar Abbas",'
        "1000,1,10,FOB\n".replace("{country}", country)
        for i, (consignee, address, country) in enumerate(
            [
                ("ALI REZA DIVANIZADE", "Al Ras Center, Dubai", "AE"),
                ("FEROZ KHAN", "Maliha Road, Sharjah", "AE"),
                ("ZHANG TRADING CO., LTD.", "ChaoYang District, Beijing", "CN"),
            ],
            start=1,
        )
    ),
}


def test_a_party_written_as_a_persons_name_links_to_the_listed_person(tmp_path: Path) -> None:
    """A shipment party publishes no kind: written as a person's name, it is compared with a listed
    person as a person (graph.resolve.unknown_kinds), not as a company meeting the kind conflict."""
    from ingest.lists.pipeline import ingest_list_files

    settings = Settings(workspace=tmp_path / "ws")
    ingest_list_files(settings, [EL_PERSONS])
    ingest_demo_world(settings, directory=_small_world(tmp_path / "world", PERSON_PARTIES_WORLD))
    resolve(settings)
    store = open_store(settings)
    try:
        entries = store.nodes_frame(NodeKind.LIST_ENTRY, columns=("id", "name"))
        listed = dict(zip(entries["name"], entries["id"], strict=True))
        links = {  # (the other end, decision) → reasons of each link of the parties
            ({e.source, e.target} - {party}).pop(): (
                e.props.get("decision"),
                json.loads(e.props["reasons_json"]),
            )
            for party in map(partial(_party_id, settings), ("ALI REZA DIVANIZADE", "FEROZ KHAN"))
            for e in store.neighbours(party, [EdgeKind.SAME_AS])
        }
    finally:
        store.close()
    for name, party in (("Ali Reza Divanizadeh", "ALI REZA DIVANIZADE"), ("Feroz Khan", "FEROZ KHAN")):
        assert _party_id(settings, party) in _cluster_of(settings, listed[name])
        decision, why = links[listed[name]]
        assert decision == "auto"
        assert any("compared with the person as a person" in r for r in why), why
    # a company sharing the listed person's surname stays apart (its name reads as an organisation's)
    zhang = _party_id(settings, "ZHANG TRADING CO., LTD.")
    assert zhang not in _cluster_of(settings, listed["Huisui Zhang"])
    assert listed["Divanizadeh General Trading Company"] not in _cluster_of(
        settings, listed["Ali Reza Divanizadeh"]
    )


def test_a_person_named_party_meets_its_listed_person_among_many_of_one_surname() -> None:
    """Blocking keeps 5 list candidates per party name; among the bundled lists' many KHANs the
    listed "Feroz Khan" ranks below those of short given names for "FREOZ KHAN" (8th). A party
    that may be a person keeps run.PERSON_TOP_K candidates against the lists' persons."""
    from graph.list_graph import list_graph_frames
    from graph.resolve.candidates import BlockingConfig
    from graph.resolve.unknown_kinds import UNKNOWN
    from ingest.lists.pipeline import bundled_list_paths
    from ingest.lists.provenance import entry_rows
    from ingest.lists.read import read_list_file

    entries = [e for path in bundled_list_paths() for e in read_list_file(path).entries]
    frame = list_graph_frames(entry_rows(entries, version="v", feed="bundled")).nodes[NodeKind.LIST_ENTRY]
    lists = run.Records.build(frame, "id", "list")
    parties = pd.DataFrame({"party_id": ["p1"], "name": ["FREOZ KHAN"], "countries": [["AE"]]})
    party = run.Records.build(parties, "party_id", None, UNKNOWN)
    scored = run.score_task(
        party, lists, lists.index(BlockingConfig(top_k=5)), "party-list", 0.5, cross_group=False, top_k=5
    )
    feroz = frame.loc[frame["name"] == "Feroz Khan", "id"].iloc[0]
    assert feroz in set(scored.loc[scored["score"] >= 0.8, "target"])


def test_one_sdn_entry_from_two_feeds_is_linked_not_queued(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The CSL's copy of SDN entry 22696 and OFAC's own: a listed name matching both must not be
    # queued as "two entries of the same list" (graph.resolve.shared_entries).
    entries = pd.DataFrame(
        {
            "id": ["list:US_SDN:SDN:22696", "list:US_SDN:22696", "list:US_DPL:d1"],
            "name": ["TAVAN, Resit", "TAVAN, Resit", "RESIT TAVAN"],
            "list": ["US_SDN", "US_SDN", "US_DPL"],
            "feed": ["csl", "ofac-sdn", "csl"],
            "aliases": [[], [], []],
            "countries": [["TR"], ["TR"], ["TR"]],
            "entity_kind": ["person", "person", "person"],
            "kind_source": ["type", "type", "type"],
        }
    )
    monkeypatch.setattr(run, "_list_entries", lambda _settings: entries)
    settings = Settings(workspace=tmp_path / "ws")
    ingest_demo_world(settings, directory=_small_world(tmp_path / "world"))
    _, _, result = run._link_records(settings, run.LinkThresholds(), lambda _stage: None)
    links = result.same_as.set_index(["source", "target"])
    assert links.loc[("list:US_SDN:22696", "list:US_SDN:SDN:22696"), "method"] == "same-entry"
    assert not result.queue["reasons_json"].str.contains("same list").any()
    canon = result.clusters.set_index("id")["canonical_id"]
    assert canon[["list:US_SDN:SDN:22696", "list:US_SDN:22696", "list:US_DPL:d1"]].nunique() == 1


def test_records_prepared_on_two_cores_resolve_as_on_one(
    demo: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every group prepared in two processes (graph.resolve.prepare_cores; the demo world is far
    below the size where resolution does so by itself) gives the same links, queue and clusters."""
    one_core = {path: pd.read_parquet(path) for path in (clusters_path(demo), queue_path(demo))}
    links = open_store(demo).edges_frame(EdgeKind.SAME_AS)
    forks: list[int] = []
    start = prepare_cores._start

    def start_and_count(chunks: list[tuple[Record, ...]]) -> object:
        forks.append(len(chunks))
        return start(chunks)

    monkeypatch.setattr(prepare_cores, "MIN_RECORDS", 1)
    monkeypatch.setattr(prepare_cores, "available_cores", lambda: 2)
    monkeypatch.setattr(prepare_cores, "_start", start_and_count)
    # CHIPWATCH_RESOLVE_PROCESSES unset (every core), then 1 (one process: no worker)
    for settings, workers in ((demo, 1), (demo.with_(resolve_processes=1), 0)):
        forks.clear()
        resolve(settings)
        assert len(forks) == workers
        assert all(runs >= 2 for runs in forks)  # the worker's part of the parties, of the companies …
        for path, frame in one_core.items():
            pd.testing.assert_frame_equal(pd.read_parquet(path), frame)
        pd.testing.assert_frame_equal(open_store(demo).edges_frame(EdgeKind.SAME_AS), links)
