"""Every page of the app through ``streamlit.testing.v1.AppTest`` on the small session workspace."""

from __future__ import annotations

import math
import shutil
import socket
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from chipwatch.settings import PROJECT_ROOT, Settings
from chipwatch.ui import keys, tables
from chipwatch.ui.auth import check_password, hash_password
from graph import audit
from graph.export.risk_table import risk_table
from graph.model import NodeKind
from graph.resolve.review import load_decisions
from graph.screening.index import ListIndex
from graph.stores import open_store
from graph.stores.parquet import CURRENT
from tests.app.conftest import ingest_reread

APP = str(PROJECT_ROOT / "app.py")
UPLOAD = PROJECT_ROOT / "tests" / "fixtures" / "app" / "counterparties.csv"
TIMEOUT = 60


@pytest.fixture
def at(app_workspace: Path) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.run()
    assert not app.exception
    return app


def _page(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in at.header] + [s.value for s in at.subheader]
    return "\n".join(map(str, parts))


def test_overview_shows_versions_counts_and_top_risks(at: AppTest) -> None:
    assert at.header[0].value == "Overview"
    versions = at.dataframe[0].value
    assert list(versions["feed"]) == ["csl", "csl"]
    assert versions["sha256"].str.endswith("…").all()
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Companies"]) >= 2500  # demo world + companies named by list rows
    assert int(metrics["Shipments"]) == 16000
    top = at.dataframe[1].value
    assert len(top) == 20
    assert top["risk_score"].is_monotonic_decreasing
    # The CSL fixture carries no publication date: the officer is told to check it is current.
    undated = [w.value for w in at.warning if "no publication date" in w.value]
    assert undated == [
        "These files carry no publication date — check that the lists are current: csl (ingested "
        + at.dataframe[0].value["ingested_at"].iloc[-1]
        + ")"
    ]


def test_explore_finds_planted_entity(at: AppTest, planted: dict[str, str]) -> None:
    _page(at, "explore")
    at.text_input(key=keys.SEARCH).input(planted["name"][:12]).run()
    assert not at.exception
    assert at.selectbox(key=keys.ENTITY_PICK).value == planted["node_id"]
    assert at.subheader[0].value == planted["name"]
    text = _texts(at)
    assert "Red flags" in text and "Trade partners" in text
    assert f"{planted['country']}" in at.caption[0].value
    same_as = at.dataframe[0].value
    assert set(same_as.columns) >= {"score", "reasons"}
    assert len(same_as) >= 1 and same_as["reasons"].str.len().gt(0).all()
    assert at.metric[0].label == "Risk score"
    assert "edges in" in at.caption[-1].value  # the interactive graph was built
    at.radio(key=keys.GRAPH_VIEW).set_value("Static").run()
    assert len(at.get("graphviz_chart")) == 1
    assert planted["node_id"] in at.get("graphviz_chart")[0].proto.spec


def test_explore_unknown_name_is_a_message_not_a_traceback(at: AppTest) -> None:
    _page(at, "explore")
    at.text_input(key=keys.SEARCH).input("zzzz no such company qqq").run()
    assert not at.exception
    assert "no company, trade party or list entry" in at.error[0].value


def test_diversion_paths_from_planted_supplier(at: AppTest, planted: dict[str, str]) -> None:
    _page(at, "paths")
    at.text_input(key=keys.PATH_SOURCE).input(planted["node_id"])
    at.button(key=keys.PATH_RUN).click().run()
    assert not at.exception and not at.error
    expanders = at.expander
    assert len(expanders) >= 1
    assert expanders[0].label.startswith("#1 · risk ")
    assert planted["name"].casefold() in expanders[0].label.casefold()
    shipments = at.dataframe[0].value  # the shipments behind the first trade hop
    assert len(shipments) >= 1 and shipments["hs_code"].str.startswith("8542").all()
    assert len(at.get("graphviz_chart")) == 1
    # Every target kind the library offers can be chosen, and the last hop says why it is one.
    assert at.selectbox(key=keys.PATH_TO).options == ["listed", "restricted", "flagged", "any"]
    at.selectbox(key=keys.PATH_TO).select("any")
    at.button(key=keys.PATH_RUN).click().run()
    assert not at.exception and not at.error
    assert any("target: " in m.value for m in at.markdown)


def test_screening_upload_results_and_audit(at: AppTest, app_workspace: Path) -> None:
    _page(at, "screening")
    before = len(audit.read(Settings(workspace=app_workspace)))
    at.file_uploader(key=keys.SCREEN_UPLOAD).upload(UPLOAD.name, UPLOAD.read_bytes(), "text/csv").run()
    at.button(key=keys.SCREEN_RUN).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Screened 4 rows of counterparties.csv against " in at.success[0].value
    assert at.success[0].value.endswith("list entries: 3 clear, 1 review"), at.success[0].value
    results = at.dataframe[0].value
    by_id = dict(zip(results["id"], results["disposition"], strict=True))
    assert by_id["C1"] == "review"  # Atlas Sanatgaran is on the UVL: obtain a UVL statement, no block
    assert by_id["C3"] == "clear"
    assert not results["name"].str.startswith("=").any()  # formula neutralised
    # the id `chipwatch review decide` takes, next to the name in the table and the downloads
    assert list(results.columns).index("counterparty_id") == list(results.columns).index("name") + 1
    assert results["counterparty_id"].str.startswith("cp:").all()
    assert len(at.get("download_button")) == 2
    records = audit.read(Settings(workspace=app_workspace))
    assert len(records) == before + 1 and records[-1].event == "screening_run"


def test_risk_list_filters(at: AppTest) -> None:
    _page(at, "risk_list")
    full = at.dataframe[0].value
    assert full["risk_score"].min() >= 1.0
    at.multiselect(key=keys.RISK_LEVEL).set_value(["block"]).run()
    blocked = at.dataframe[0].value
    assert 0 < len(blocked) < len(full)
    assert set(blocked["risk_level"]) == {"block"}
    assert len(at.get("download_button")) == 2


def test_risk_list_sends_only_the_highest_scores(at: AppTest, app_workspace: Path, monkeypatch) -> None:
    store = open_store(Settings(workspace=app_workspace))
    try:
        table = risk_table(store)
    finally:
        store.close()
    cap = 5  # the page reads the cap on every run; the bundled workspace scores far fewer than 1,000
    monkeypatch.setattr(tables, "RISK_LIST_SHOWN_ROWS", cap)
    _page(at, "risk_list")
    at.slider(key=keys.RISK_MIN).set_value(0.0).run()
    shown = at.dataframe[0].value
    assert list(shown["id"]) == list(table["id"].head(cap))
    assert at.caption[0].value == (
        f"{len(table)} of {len(table)} scored entities match; the {cap:,} highest scores are shown, "
        "the exports hold all of them"
    )
    # the country choices are every country the filter can match (a list entry's address countries too)
    countries = {c for cell in table["countries"] for c in cell.split(", ") if c}
    assert at.multiselect(key=keys.RISK_COUNTRY).options == sorted(countries)


def test_review_confirm_records_decision(at: AppTest, app_workspace: Path) -> None:
    settings = Settings(workspace=app_workspace)
    _page(at, "review")
    queued = int(at.caption[0].value.split()[0])
    assert queued > 0
    assert at.table[0].value.columns.tolist() == ["field", "record A", "record B"]
    at.text_input(key=keys.REVIEW_NOTE).input("same registry number")
    at.button(key=keys.REVIEW_REJECT).click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Recorded reject")
    assert at.text_input(key=keys.REVIEW_NOTE).value == ""  # written for the pair decided, not the next
    assert int(at.caption[0].value.split()[0]) == queued - 1
    decisions = load_decisions(settings)
    assert any(j.note == "same registry number" for j in decisions.values())
    assert audit.read(settings)[-1].event == "review_decision"


def test_lists_versions_and_diff(at: AppTest) -> None:
    _page(at, "lists")
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics == {"Added": 1, "Removed": 1, "Changed": 1}
    diff = at.dataframe[1].value
    assert set(diff["change"]) == {"added", "removed", "changed"}
    assert "Atlas Sanatgaran" in set(diff["name"])
    assert "previous_name" in diff.columns  # a renamed entry shows what it was called
    assert set(at.dataframe[0].value["note"]) == {""}  # two new files: nothing was read again
    assert not at.info  # and the differences are the publisher's


def test_lists_page_says_which_version_is_a_file_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = ingest_reread(Settings(workspace=tmp_path / "ws"))
    monkeypatch.setenv("CHIPWATCH_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.setenv("CHIPWATCH_STORE", "networkx")
    at = _page(AppTest.from_file(APP, default_timeout=TIMEOUT).run(), "lists")
    versions = at.dataframe[0].value
    assert list(versions["seq"]) == [1, 2]
    assert list(versions["note"]) == ["", note]  # the new file has no note; its re-read says why
    assert versions["sha256"].nunique() == 1
    # the differences of a re-read are the newer reading's, and the page says so above them
    assert [i.value for i in at.info] == [
        f"Version 2 is the file of version 1 read again ({note}): these differences are what the "
        "newer reading changed, not the publisher."
    ]
    assert {m.label: int(m.value) for m in at.metric}["Changed"] >= 1


def test_sign_in_required_when_hash_configured(app_workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHIPWATCH_APP_PASSWORD_HASH", hash_password("s3cret-pass"))
    app = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert app.title[0].value == "chipwatch — sign in"
    assert not app.header  # no page rendered before sign-in
    app.text_input(key=keys.PASSWORD).input("wrong")
    app.button(key=keys.SIGNIN_BUTTON).click().run()
    assert app.error[0].value == "Wrong password."
    app.text_input(key=keys.PASSWORD).input("s3cret-pass")
    app.button(key=keys.SIGNIN_BUTTON).click().run()
    assert not app.exception
    assert app.header[0].value == "Overview"


def test_check_password() -> None:
    s = Settings().with_(
        app_password_hash=__import__("chipwatch.settings").settings.Secret(hash_password("pw"))
    )
    assert check_password(s, "pw")
    assert not check_password(s, "pW")
    assert not check_password(s, "")
    assert not check_password(Settings(), "pw")  # no hash configured: sign-in off, nothing matches


def test_explore_listed_entity_shows_list_hit_and_expands_graph(at: AppTest) -> None:
    _page(at, "explore")
    at.text_input(key=keys.SEARCH).input("Atlas Sanatgaran").run()
    assert not at.exception and not at.error
    text = _texts(at)
    assert "**List hits**" in text and "Atlas Sanatgaran" in text
    assert "None in its cluster." not in text
    at.radio(key=keys.GRAPH_VIEW).set_value("Static").run()
    one_hop = at.get("graphviz_chart")[0].proto.spec.count("->")
    at.radio(key=keys.GRAPH_HOPS).set_value(2).run()
    assert at.get("graphviz_chart")[0].proto.spec.count("->") >= one_hop


def test_explore_says_a_typeless_entry_is_a_person_read_from_its_name(at: AppTest) -> None:
    # The DTC row publishes no type; ingest read "Cesareo Estanislao Benitez" as a person.
    _page(at, "explore")
    at.text_input(key=keys.SEARCH).input("Cesareo Estanislao Benitez").run()
    assert not at.exception and not at.error
    notes = [t.value for t in at.text]
    assert len(notes) == 1, notes
    assert notes[0].startswith("person — read from the name: no legal form, organisation word or digit")
    assert "BENITEZ" in notes[0]
    # A kind the list publishes (or its default) adds nothing.
    at.text_input(key=keys.SEARCH).input("RIM, Ryong Nam").run()
    assert "**List hits**" in _texts(at) and not at.text
    at.text_input(key=keys.SEARCH).input("Atlas Sanatgaran").run()
    assert not at.text


def test_expanding_a_node_adds_its_neighbours(app_workspace: Path, planted: dict[str, str]) -> None:
    from chipwatch.ui.graphdraw import agraph_elements, expanded_subgraph, neighbourhood
    from graph.stores import open_store

    store = open_store(Settings(workspace=app_workspace))
    centre = planted["node_id"]
    base = neighbourhood(store, centre)
    other = next(n.id for n in base.nodes if n.id != centre)
    grown = expanded_subgraph(store, centre, [other])
    assert {n.id for n in base.nodes} < {n.id for n in grown.nodes} or len(grown.edges) >= len(base.edges)
    assert {n.id for n in neighbourhood(store, other).nodes} <= {n.id for n in grown.nodes}
    nodes, edges = agraph_elements(grown, centre)
    assert len(nodes) == len(grown.nodes) and len(edges) == len(grown.edges)
    assert next(n for n in nodes if n.id == centre).size == 30


def _all_text(app: AppTest) -> str:
    return "\n".join(
        str(e.value) for kind in ("error", "markdown", "caption", "exception") for e in app.get(kind)
    )


def test_unreachable_neo4j_is_a_message_without_credentials(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused at once
    port = closed.getsockname()[1]
    monkeypatch.setenv("CHIPWATCH_WORKSPACE", str(tmp_path))
    monkeypatch.setenv("CHIPWATCH_STORE", "neo4j")
    monkeypatch.setenv("CHIPWATCH_NEO4J_URI", f"bolt://127.0.0.1:{port}")
    monkeypatch.setenv("CHIPWATCH_NEO4J_PASSWORD", "hunter2-not-shown")
    try:
        app = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    finally:
        closed.close()
    assert not app.exception  # no traceback element
    assert "Neo4j" in app.error[0].value
    assert "hunter2" not in _all_text(app)
    assert "Traceback" not in _all_text(app)


def test_corrupt_graph_is_a_message_naming_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(workspace=tmp_path)
    settings.graph_dir.mkdir(parents=True)
    (settings.graph_dir / CURRENT).write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("CHIPWATCH_WORKSPACE", str(tmp_path))
    monkeypatch.setenv("CHIPWATCH_STORE", "networkx")
    app = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not app.exception
    assert str(settings.graph_dir / CURRENT) in app.error[0].value
    assert "Traceback" not in _all_text(app)


def test_store_reopens_after_the_graph_is_rewritten(app_workspace: Path, tmp_path: Path) -> None:
    """A page rendered after an ingest shows the new graph, not the one the process opened first."""
    workspace = tmp_path / "ws"
    shutil.copytree(app_workspace, workspace)
    env = {"CHIPWATCH_WORKSPACE": str(workspace), "CHIPWATCH_STORE": "networkx"}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        app = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
        before = int({m.label: m.value for m in app.metric}["Companies"])
        store = open_store(Settings(workspace=workspace))
        store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:test:new", "name": "Newly Ingested Co"}])
        store.flush()  # what `chipwatch ingest` does in another process
        app = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
        assert int({m.label: m.value for m in app.metric}["Companies"]) == before + 1


def test_review_decides_the_pair_picked_when_two_pairs_read_alike(
    at: AppTest, app_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One person on the UN list and twice on OFAC's (the CSL's copy and the SDN file's): two pairs
    # whose names and scores read the same. Only the ids tell them apart; the pick must keep them apart.
    import pandas as pd

    import graph.resolve.review as review

    store = open_store(Settings(workspace=app_workspace))
    try:
        people = store.nodes_frame(NodeKind.PERSON, ["name"])
    finally:
        store.close()
    twins = people[people["name"].duplicated(keep=False)].sort_values(["name", "id"]).head(2)["id"]
    pairs = [("list:UN:test-dup", str(twin)) for twin in twins]  # the source is no node: shown by id
    queue = pd.DataFrame(
        {
            "source": [a for a, _ in pairs],
            "target": [b for _, b in pairs],
            "score": [0.9973, 0.9973],
            "method": "list-list",
            "reasons_json": "[]",
        }
    )
    monkeypatch.setattr(review, "pending_queue", lambda settings: queue)
    _page(at, "review")
    pick = at.selectbox(key=keys.REVIEW_PICK)
    assert len(set(pick.options)) == 2, pick.options
    assert all(b in label for (_, b), label in zip(pairs, pick.options, strict=True))
    pick.set_value(pick.options[0]).run()
    at.button(key=keys.REVIEW_CONFIRM).click().run()
    assert not at.exception
    decided = load_decisions(Settings(workspace=app_workspace))
    assert decided[review.pair_key(*pairs[0])].decision.value == "confirm"
    assert review.pair_key(*pairs[1]) not in decided


def test_screening_bad_file_is_named_as_uploaded(at: AppTest, app_workspace: Path) -> None:
    _page(at, "screening")
    at.file_uploader(key=keys.SCREEN_UPLOAD).upload(
        "suppliers.csv", b"company;land\nAcme;US\n", "text/csv"
    ).run()
    at.button(key=keys.SCREEN_RUN).click().run()
    assert not at.exception
    message = at.error[0].value
    # Read with its semicolons: the columns are named one by one.
    assert message.startswith("suppliers.csv: no 'name' column (columns are: company, land)"), message
    assert str(app_workspace) not in message  # not the copy's path inside the workspace
    # The page has no --map: it says what to do here.
    assert (
        "--map" not in message and "rename the column that holds the counterparty names to 'name'" in message
    )


def test_screening_reads_a_semicolon_separated_upload_and_says_so(at: AppTest) -> None:
    # Excel's "CSV" in much of Europe: semicolons, names quoted when they hold a comma or semicolon.
    text = UPLOAD.read_text(encoding="utf-8").replace(",", ";").replace("Floor 2; 131", "Floor 2, 131")
    text = text.replace("Truesemi Semiconductor Supply Limited", '"Truesemi; Semiconductor Supply, Limited"')
    _page(at, "screening")
    at.file_uploader(key=keys.SCREEN_UPLOAD).upload("kunden.csv", text.encode(), "text/csv").run()
    at.button(key=keys.SCREEN_RUN).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Screened 4 rows of kunden.csv" in at.success[0].value
    results = at.dataframe[0].value
    assert results["name"].tolist()[:2] == ["Atlas Sanatgaran", "Truesemi; Semiconductor Supply, Limited"]
    assert any("separated by semicolons (;)" in c.value for c in at.caption)


def test_explore_finds_a_misspelt_name_by_spelling(at: AppTest) -> None:
    _page(at, "explore")
    at.text_input(key=keys.SEARCH).input("atlas sanatgarn").run()  # one letter dropped: no name contains it
    assert not at.exception and not at.error
    assert at.info[0].value.startswith("No name contains 'atlas sanatgarn'. The closest names by spelling")
    pick = at.selectbox(key=keys.ENTITY_PICK)
    assert "Atlas Sanatgaran" in pick.options[0] and "similarity" in pick.options[0]
    assert at.subheader[0].value == "Atlas Sanatgaran"


def test_explore_shows_ownership_status_per_regime_and_its_basis(at: AppTest) -> None:
    _page(at, "explore")
    at.text_input(key=keys.SEARCH).input("RIM, Ryong Nam").run()
    assert not at.exception and not at.error
    regimes = next(d.value for d in at.dataframe if "regime" in d.value.columns)
    assert regimes.to_dict("records") == [
        {
            "regime": "OFAC",
            "status": "listed",
            "blocked_pct": 100.0,
            "why": "listed itself",
            "blocked_owners": "",
        }
    ]
    captions = [c.value for c in at.caption]
    assert "Not in force: BIS_AFFILIATES" in captions, captions
    assert any("Score = 100 × (1 − ∏(1 − weight))" in c for c in captions)
    # A company owned by a registry parent: the stakes the status rests on, and whose they are.
    at.text_input(key=keys.SEARCH).input("co:synthetic:SYN0000078").run()
    captions = [c.value for c in at.caption]
    assert "Not listed and not owned by listed parties under any regime." in captions
    assert any(
        c.startswith("Known stakes 98 % from 1 owner(s) (incomplete); ultimate parent ")
        and "(co:synthetic:SYN0002054), country HK" in c
        for c in captions
    ), captions


def test_explore_shows_the_trade_of_a_company_s_trade_party_records(
    at: AppTest, planted: dict[str, str]
) -> None:
    _page(at, "explore")
    at.text_input(key=keys.SEARCH).input(planted["node_id"]).run()
    trade = next(d.value for d in at.dataframe if "partner" in d.value.columns)
    assert len(trade) >= 1  # the company's own node has no TRADES_WITH edge: its party record does
    assert set(trade["record"]) - {planted["node_id"]}


@pytest.mark.parametrize("page", ["overview", "risk_list"])
def test_risk_tables_lead_with_name_score_level_and_explain_them(at: AppTest, page: str) -> None:
    # At a laptop's 1366 pixels the first columns are what is visible: the ids used to fill them.
    _page(at, page)
    table = at.dataframe[-1]
    assert list(table.proto.column_order)[:3] == ["name", "risk_score", "risk_level"]
    assert "risk_weights.toml" in table.proto.columns  # the level's header explains where it comes from


def test_explore_shows_each_red_flag_s_evidence_as_a_table(at: AppTest) -> None:
    # The planted scheme's intermediary (True Nord Commerce FZE): a free-mail address, among others.
    _page(at, "explore")
    at.text_input(key=keys.SEARCH).input("co:synthetic:SYS0000000").run()
    assert not at.exception and not at.error
    # each flag with its description, as `chipwatch entity` and the export give it
    assert any(m.value.startswith("- **FREEMAIL_OR_NO_WEB**: ") for m in at.markdown)
    freemail = next(d.value for d in at.dataframe if "email" in d.value.columns)
    assert freemail["company"].iloc[0].endswith("(co:synthetic:SYS0000000)")  # named, with the id


def test_diversion_paths_from_a_misspelt_supplier_say_where_they_start(
    at: AppTest, planted: dict[str, str]
) -> None:
    misspelt = planted["name"][:5] + planted["name"][6:]  # a letter dropped: no name contains it
    _page(at, "paths")
    at.text_input(key=keys.PATH_SOURCE).input(misspelt)
    at.button(key=keys.PATH_RUN).click().run()
    assert not at.exception and not at.error
    assert at.caption[0].value.startswith(
        f"From {planted['name']} ({planted['node_id']}), the closest name to {misspelt!r} (similarity "
    )
    assert at.expander[0].label.startswith("#1 · risk ")
    assert any(c.value.startswith("Path risk = 100 × hop_decay^(steps − 1)") for c in at.caption)


def test_review_warns_of_a_confirmation_the_guard_would_refuse(
    at: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The confirmation stands (the risk run joins it); the officer is told what it joins.
    import pandas as pd

    import graph.resolve.review as review

    reason = (
        "confirmed by a reviewer although the anti-chaining guard would keep it apart: "
        "list:US_EL:1 and list:US_EL:2 are two entries of the same list"
    )
    overrides = pd.DataFrame({"source": ["list:US_EL:1"], "target": ["list:US_EL:2"], "reason": [reason]})
    monkeypatch.setattr(review, "confirmed_over_guard", lambda settings: overrides)
    _page(at, "review")
    [warning] = at.warning
    assert "1 confirmed link(s) join records the anti-chaining guard keeps apart" in warning.value
    assert "list:US_EL:1 ↔ list:US_EL:2" in warning.value and reason in warning.value


def test_review_records_nothing_when_the_pair_shown_was_decided_meanwhile(
    at: AppTest, app_workspace: Path
) -> None:
    # Another officer decides the pair on this officer's screen before the click: the queue
    # shifts, and the click acted on the pair now first, which this officer never saw.
    from graph.resolve.review import decide, pair_key, pending_queue

    settings = Settings(workspace=app_workspace)
    _page(at, "review")
    queue = pending_queue(settings)
    first, second = [(str(s), str(t)) for s, t in zip(queue["source"][:2], queue["target"][:2], strict=True)]
    shown = at.table[0].value.set_index("field")
    assert (shown.at["id", "record A"], shown.at["id", "record B"]) == first
    decide(settings, *first, "reject", note="another officer")
    at.text_input(key=keys.REVIEW_NOTE).input("this officer's note")
    at.button(key=keys.REVIEW_CONFIRM).click().run()
    assert not at.exception
    decided = load_decisions(settings)
    assert decided[pair_key(*first)].note == "another officer"  # their decision stands
    assert pair_key(*second) not in decided  # and no other pair took the click
    assert not [j for j in decided.values() if j.note == "this officer's note"]
    [warning] = at.warning
    assert f"{first[0]} ↔ {first[1]} was decided meanwhile (reject by " in warning.value
    assert "your click was not recorded" in warning.value


def test_review_shows_a_queued_score_neither_as_certain_nor_as_the_link_threshold(
    at: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pandas as pd

    import graph.resolve.review as review

    queue = pd.DataFrame(
        {
            "source": ["list:UN:test-a", "list:UN:test-b"],
            "target": ["list:US_SDN:test-a", "list:US_SDN:test-b"],
            "score": [0.9973, 0.9196],  # a link the guard refused; one just below link (0.92)
            "method": "list-list",
            "reasons_json": "[]",
        }
    )
    monkeypatch.setattr(review, "pending_queue", lambda settings: queue)
    _page(at, "review")
    pick = at.selectbox(key=keys.REVIEW_PICK)
    assert "(0.997)" in pick.options[0] and "(0.9196)" in pick.options[1]
    assert any(m.value.startswith("**Score 0.997** ·") for m in at.markdown)
    pick.set_value(pick.options[1]).run()
    assert any(m.value.startswith("**Score 0.9196** ·") for m in at.markdown)


def test_screening_warns_in_a_warning_box_of_a_misfiled_ofac_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app screened against the consolidated list as "the SDN list" and said so in a caption
    # among the run's notes; `chipwatch screen` gives it as a warning.
    from tests.ingest.lists import test_refile as refile

    settings = Settings(workspace=tmp_path / "ws")
    refile._old_ingest(settings, monkeypatch, refile.SDN, 0)
    refile._old_ingest(settings, monkeypatch, refile.CONS, 1)
    monkeypatch.setenv("CHIPWATCH_WORKSPACE", str(settings.workspace))
    monkeypatch.setenv("CHIPWATCH_STORE", "networkx")
    at = _page(AppTest.from_file(APP, default_timeout=TIMEOUT).run(), "screening")
    at.file_uploader(key=keys.SCREEN_UPLOAD).upload(
        "c.csv", b"name,country\nAcme Widgets Ltd,GB\n", "text/csv"
    ).run()
    at.button(key=keys.SCREEN_RUN).click().run()
    assert not at.exception and not at.error
    [warning] = at.warning
    assert warning.value.startswith("the ofac-sdn feed holds ofac-nonsdn's list (CONS_ENHANCED.XML.gz")
    assert not any("ofac-sdn feed holds" in c.value for c in at.caption)
    assert any(c.value.startswith("CSV columns separated by commas") for c in at.caption)  # the other notes


def test_screening_builds_the_list_index_once_for_two_uploads(
    at: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rebuilt per click of Screen, the index kept the officer waiting tens of seconds on the
    # bundled lists for a file of a few rows; it depends on the list tables only.
    built: list[int] = []
    make = ListIndex.__init__

    def counted(self: ListIndex, *args: Any, **kwargs: Any) -> None:
        make(self, *args, **kwargs)
        built.append(1)

    monkeypatch.setattr(ListIndex, "__init__", counted)
    _page(at, "screening")
    for name in ("first.csv", "second.csv"):
        at.file_uploader(key=keys.SCREEN_UPLOAD).upload(name, UPLOAD.read_bytes(), "text/csv").run()
        at.button(key=keys.SCREEN_RUN).click().run()
        assert not at.exception and not at.error, [e.value for e in at.error]
        assert f"Screened 4 rows of {name}" in at.success[0].value
    assert len(built) <= 1, "each upload rebuilt the list index"


def _missing_cells(frame: pd.DataFrame) -> list[tuple[str, object]]:
    """(column, value) of every cell an officer would read as "None" / "nan" / blank-by-accident."""
    return [
        (str(name), value)
        for name in frame.columns
        for value in frame[name].tolist()
        if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("None", "nan")
    ]


def test_overview_names_lists_and_files_not_paths(at: AppTest, app_workspace: Path) -> None:
    versions = at.dataframe[0].value
    assert "path" not in versions.columns  # an absolute path of the machine that ingested the file
    assert list(versions["file"]) == ["csl_v1.csv", "csl_v2.csv"]
    assert versions["lists"].str.match(r"^[A-Z0-9_]+(, [A-Z0-9_]+)*$").all()  # list codes, not JSON
    text = versions.astype(str).to_numpy().ravel().tolist()
    assert not [cell for cell in text if "/" in cell or str(PROJECT_ROOT) in cell]
    # the fixture's files carry no publication date: a dash, not "None"
    assert _missing_cells(versions) == [] and set(versions["published"]) == {tables.MISSING}
    assert _missing_cells(at.dataframe[1].value) == []  # top risks: a party with no country too


def test_lists_diff_names_the_changed_fields(at: AppTest) -> None:
    _page(at, "lists")
    diff = at.dataframe[1].value
    assert "fields_json" not in diff.columns
    changed = diff[diff["change"] == "changed"]
    assert len(changed) == 1
    assert changed["fields"].iloc[0] == "addresses"  # the field's name, not '["addresses"]'
    assert set(diff.loc[diff["change"] != "changed", "fields"]) == {""}  # nothing to name: blank
    assert _missing_cells(diff) == [] and _missing_cells(at.dataframe[0].value) == []


def test_no_table_shows_none_where_a_value_is_missing(at: AppTest, planted: dict[str, str]) -> None:
    frames = [at.dataframe[i].value for i in range(len(at.dataframe))]
    _page(at, "risk_list")
    at.slider(key=keys.RISK_MIN).set_value(0.0).run()
    frames += [d.value for d in at.dataframe]
    _page(at, "explore")
    at.text_input(key=keys.SEARCH).input(planted["name"][:12]).run()
    assert not at.exception
    frames += [d.value for d in at.dataframe]
    _page(at, "review")
    frames += [t.value for t in at.table]
    assert len(frames) >= 6
    assert [cells for f in frames if (cells := _missing_cells(f))] == []


def test_blank_missing_and_cell_text() -> None:
    frame = pd.DataFrame(
        {"name": ["A", None], "rows": [3.0, float("nan")], "score": [1.5, 2.0], "big": [1386578.0, None]}
    )
    shown = tables.blank_missing(frame)
    assert shown["name"].tolist() == ["A", tables.MISSING]
    assert shown["rows"].tolist() == ["3", tables.MISSING]
    assert shown["big"].tolist() == ["1386578", tables.MISSING]
    assert shown["score"].dtype == float  # no gap: still a number column
    assert frame["name"].isna().tolist() == [False, True]  # the frame itself is left as it was
    assert [tables.cell_text(v) for v in (None, float("nan"), "", "block", 3)] == [
        tables.MISSING,
        tables.MISSING,
        tables.MISSING,
        "block",
        "3",
    ]
