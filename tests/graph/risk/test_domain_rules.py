"""DOMAIN.md's destination, ownership and red-flag rules, posed as a compliance officer would.

Each scenario is a small world written through the store API (as ingest and resolution write it)
and scored with ``analyse``: the question is whether the answer, and the explanation carried with
it (owners, chain, stakes, sources), is what the rule says on the as-of date.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.model import EdgeKind, NodeKind
from graph.risk.reference import load_reference
from graph.risk.run import RiskResult, analyse
from graph.store import GraphStore
from graph.stores import NetworkxStore
from ingest.lists.readers import ofac_csv

TODAY = dt.date(2026, 12, 1)
EL_ALL = "For all items subject to the EAR. (See §744.11 of the EAR)"
MEU_SUPP2 = "For any item subject to the EAR listed in supplement no. 2 to part 744."


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    if request.param == "neo4j":
        from graph.stores.neo4j_store import Neo4jStore

        s: GraphStore = Neo4jStore.from_settings(request.getfixturevalue("neo4j_settings"))
        s.clear()
    else:
        s = NetworkxStore()
    try:
        yield s
    finally:
        if request.param == "neo4j":
            s.clear()
        s.close()


def companies(store: GraphStore, *rows: tuple[str, str]) -> None:
    store.upsert_nodes(
        NodeKind.COMPANY, [{"id": f"co:t:{c}", "name": f"Company {c}", "country": k} for c, k in rows]
    )


def listed(store: GraphStore, cid: str, lst: str, programs: list[str] | None = None, **props: Any) -> None:
    """Company ``cid`` resolved to an entry of ``lst``."""
    entry: dict[str, Any] = {
        "id": f"list:{lst}:{cid}",
        "name": f"Company {cid}",
        "list": lst,
        "status": "active",
    }
    if programs:
        entry["programs"] = programs
    store.upsert_nodes(NodeKind.LIST_ENTRY, [{**entry, **props}])
    store.upsert_edges(
        EdgeKind.SAME_AS,
        [{"source": f"co:t:{cid}", "target": entry["id"], "score": 1.0, "method": "t", "decision": "auto"}],
    )


def owns(store: GraphStore, *rows: tuple[str, str, float], as_of: str | None = None) -> None:
    store.upsert_edges(
        EdgeKind.OWNS,
        [
            {
                "source": f"co:t:{a}",
                "target": f"co:t:{b}",
                "pct": p,
                "as_of": as_of,
                "provenance": "registry.csv",
            }
            for a, b, p in rows
        ],
    )


def statuses(res: RiskResult, regime: str) -> dict[str, str]:
    st = res.ownership.status
    st = st[st["regime"] == regime]
    return {c.removeprefix("co:t:"): s for c, s in zip(st["cluster"], st["status"], strict=True)}


def flag_evidence(res: RiskResult, flag: str, cid: str) -> dict[str, Any] | None:
    f = res.flags
    row = f[(f["flag"] == flag) & (f["cluster"] == f"co:t:{cid}")]
    return None if row.empty else json.loads(row["evidence_json"].iloc[0])


def test_faq_401_example_blocks_b_with_the_chain(store: GraphStore) -> None:
    """X (SDN) 50 % of A and 10 % of B, A 40 % of B: B is blocked and its explanation names the
    chain down to the listing (B ← A 40 % ← X 50 % listed; B ← X 10 %), not only its direct owners."""
    companies(store, ("X", "RU"), ("A", "AE"), ("B", "AE"))
    listed(store, "X", "US_SDN", ["RUSSIA-EO14024"])
    owns(store, ("X", "A", 50.0), ("X", "B", 10.0), ("A", "B", 40.0))
    res = analyse(store, TODAY)
    assert statuses(res, "OFAC") == {"X": "listed", "A": "owned", "B": "owned"}
    ev = flag_evidence(res, "OWNED_BY_LISTED", "B")
    assert ev is not None
    ofac = next(i for i in ev["items"] if i["regime"] == "OFAC")
    assert ofac["blocked_pct"] == 50.0
    assert {o["id"]: o["pct"] for o in ofac["owners"]} == {"co:t:A": 40.0, "co:t:X": 10.0}
    chain = {c["id"]: c for c in ofac["chain"]}
    assert chain["co:t:A"]["owners"] == [{"id": "co:t:X", "pct": 50.0, "source": "registry.csv"}]
    assert chain["co:t:X"]["listed_on"] == ["US_SDN"]
    assert "FAQ" in ofac["source"]  # the regime's legal source travels with the answer


def test_bis_affiliates_counts_sdn_owners_only_under_744_8_programmes(store: GraphStore) -> None:
    """SDN owners count for the Affiliates rule only as designated under 15 CFR 744.8 (e.g.
    [NPWMD]); an SDN under another programme ([GLOMAG]) blocks under OFAC but not under BIS. EL
    and MEU owners count whatever their programmes, and aggregate with each other."""
    companies(store, ("W", "IR"), ("G", "GT"), ("E", "CN"), ("M", "CN"))
    companies(store, ("TW", "AE"), ("TG", "AE"), ("TEM", "AE"))
    listed(store, "W", "US_SDN", ["NPWMD"])
    listed(store, "G", "US_SDN", ["GLOMAG"])
    listed(store, "E", "US_EL")
    listed(store, "M", "US_MEU")
    owns(store, ("W", "TW", 50.0), ("G", "TG", 60.0), ("E", "TEM", 25.0), ("M", "TEM", 25.0))
    res = analyse(store, TODAY)
    bis = statuses(res, "BIS_AFFILIATES")
    assert bis.get("TW") == "owned" and bis.get("TEM") == "owned"
    assert "TG" not in bis and "G" not in bis
    assert statuses(res, "OFAC").get("TG") == "owned"


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
#: OFAC programme tags of 15 CFR 744.8(a)(1) (89 FR 20107; Supp. No. 8 to part 744 (b)) among
#: the real rows of tests/fixtures/lists/ofac/tiny/sdn.csv: entry number → counted for BIS
SDN_TINY_COUNTED = {
    "10278": True,  # SDNT
    "11195": True,  # NPWMD, IFSR, IRAN-CON-ARMS-EO
    "12685": False,  # LIBYA2
    "15102": True,  # SDNTK
    "19709": True,  # SDGT, IFSR
    "20540": False,  # DPRK3
    "28603": True,  # UKRAINE-EO13662, VENEZUELA-EO13850
    "29702": False,  # CYBER2, ELECTION-EO13848
    "33151": False,  # CYBER2
    "40716": False,  # IRAN
    "44525": True,  # BELARUS-EO14038
    "47371": True,  # RUSSIA-EO14024
    "48603": False,  # CYBER2
    "48727": True,  # SDGT, NPWMD, IRGC, IFSR
    "50544": True,  # RUSSIA-EO14024
    "50972": True,  # SDGT, IFSR
    "52327": False,  # IRAN-EO13846
}


def test_bis_affiliates_programmes_are_the_14_of_89_fr_20107_on_real_sdn_rows(store: GraphStore) -> None:
    """Every entry of the bundled OFAC sdn.csv sample, with its programmes as the reader gives
    them, 50 % owner of a company of its own: the Affiliates rule blocks exactly the companies of
    owners designated under one of the 14 programmes (narcotics SDNT/SDNTK and UKRAINE-EO13662
    among them); OFAC blocks them all."""
    entries = ofac_csv.read(FIXTURES / "lists" / "ofac" / "tiny" / "sdn.csv").entries
    assert {e.source_id for e in entries} == set(SDN_TINY_COUNTED)
    for e in entries:
        companies(store, (f"S{e.source_id}", "XX"), (f"T{e.source_id}", "AE"))
        listed(store, f"S{e.source_id}", "US_SDN", list(e.programs))
        owns(store, (f"S{e.source_id}", f"T{e.source_id}", 50.0))
    res = analyse(store, TODAY)
    bis = statuses(res, "BIS_AFFILIATES")
    assert {k: bis.get(f"T{k}") == "owned" for k in SDN_TINY_COUNTED} == SDN_TINY_COUNTED
    assert all(statuses(res, "OFAC").get(f"T{k}") == "owned" for k in SDN_TINY_COUNTED)


@pytest.mark.parametrize(
    ("programs", "counted"),
    [
        ("UKRAINE-EO13662] [VENEZUELA-EO13850", True),  # sdn.csv line 7, as the CSV cell reads
        ("[UKRAINE-EO13662] [RUSSIA-EO14024]", True),
        ("VENEZUELA-EO13850; UKRAINE-EO13662", True),  # consolidated_2025_tiny.csv line 12
        ("IFSR; NPWMD", True),  # csl_2019-12_sample.csv line 12
        ("ILLICIT-DRUGS-EO14059", True),  # ofac/non_sdn/cons_prim.csv line 442
        (["IFSR"], False),
        (["SDT"], False),
        ("IFSR; IRGC", False),
        (None, False),
    ],
)
def test_bis_affiliates_reads_programmes_written_as_one_text(programs: object, counted: bool) -> None:
    """A programmes text with several tags is matched tag by tag, not as one unknown tag."""
    bis = next(r for r in load_reference(TODAY).regimes if r.name == "BIS_AFFILIATES")
    assert bis.counts("US_SDN", programs) is counted


def test_an_ownership_record_dated_after_as_of_still_counts_and_says_so(store: GraphStore) -> None:
    """A stake recorded as of 2026-06-01 (the date of the registry extract that observed it, not
    the day it began) still tells who owned T on 2026-01-01: the back-dated run counts it, its
    explanation says it was recorded after the as-of date, and a run note counts such records.
    As of a later date the explanation names the record's date and file, with no such remark."""
    companies(store, ("X", "RU"), ("T", "AE"), ("M", "AE"))
    listed(store, "X", "US_SDN", ["RUSSIA-EO14024"])
    owns(store, ("X", "T", 60.0), ("X", "M", 30.0), as_of="2026-06-01")
    before = analyse(store, dt.date(2026, 1, 1))
    assert statuses(before, "OFAC")["T"] == "owned"
    ev = flag_evidence(before, "OWNED_BY_LISTED", "T")
    assert ev is not None
    owners = next(i for i in ev["items"] if i["regime"] == "OFAC")["owners"]
    recorded = "recorded 2026-06-01, after the as-of date"
    assert owners == [
        {"id": "co:t:X", "pct": 60.0, "as_of": "2026-06-01", "source": "registry.csv", "recorded": recorded}
    ]
    minority = flag_evidence(before, "LISTED_MINORITY_STAKE", "M")
    assert minority is not None and minority["items"][0]["recorded"] == recorded
    assert any("2 ownership records dated after 2026-01-01 still counted" in n for n in before.notes)
    after = analyse(store, TODAY)
    assert statuses(after, "OFAC")["T"] == "owned"
    ev = flag_evidence(after, "OWNED_BY_LISTED", "T")
    assert ev is not None
    owners = next(i for i in ev["items"] if i["regime"] == "OFAC")["owners"]
    assert owners == [{"id": "co:t:X", "pct": 60.0, "as_of": "2026-06-01", "source": "registry.csv"}]
    assert not any("ownership records" in n for n in after.notes)


@pytest.mark.parametrize(
    ("day", "flag", "source_has"),
    [
        ("2025-09-28", None, ""),  # before the Affiliates rule: no answer under BIS
        ("2025-09-29", "OWNED_BY_LISTED", "effective 2025-09-29"),
        ("2025-11-09", "OWNED_BY_LISTED", "effective 2025-09-29"),
        ("2025-11-10", "OWNED_BY_LISTED_SUSPENDED_RULE", "suspending"),
        ("2026-11-09", "OWNED_BY_LISTED_SUSPENDED_RULE", "suspending"),
        ("2026-11-10", "OWNED_BY_LISTED", "resumes after the suspension"),
        ("2026-12-01", "OWNED_BY_LISTED", "resumes after the suspension"),
    ],
)
def test_bis_affiliates_answer_on_each_side_of_each_date(day: str, flag: str | None, source_has: str) -> None:
    """An Entity List owner with 60 % through a holding: under BIS the subsidiary is blocked while
    the rule is in force, flagged for review while it is suspended, and the explanation cites the
    row of the dated switch that gave the answer, with the chain down to the listing."""
    store = NetworkxStore()
    companies(store, ("E", "CN"), ("H", "HK"), ("T", "AE"))
    listed(store, "E", "US_EL", license_requirement=EL_ALL)
    owns(store, ("E", "H", 100.0), ("H", "T", 60.0))
    res = analyse(store, dt.date.fromisoformat(day))
    found = {f: flag_evidence(res, f, "T") for f in ("OWNED_BY_LISTED", "OWNED_BY_LISTED_SUSPENDED_RULE")}
    if flag is None:
        assert found == {"OWNED_BY_LISTED": None, "OWNED_BY_LISTED_SUSPENDED_RULE": None}
        return
    ev = found[flag]
    assert ev is not None
    bis = next(i for i in ev["items"] if i["regime"] == "BIS_AFFILIATES")
    assert source_has in bis["source"]
    assert [c["id"] for c in bis["chain"]] == ["co:t:H", "co:t:E"]
    assert bis["chain"][-1]["listed_on"] == ["US_EL"]


def test_bis_affiliates_names_the_strictest_owners_licence_requirement(store: GraphStore) -> None:
    """An EL party (all items subject to the EAR) and an MEU party (Supplement No. 2 items) each
    hold 25 %: under BIS the subsidiary is blocked by their aggregate, and its explanation gives
    both owners' licence requirements and the strictest one, which applies (15 CFR 744.11(a)(1)),
    also one level further down."""
    companies(store, ("E", "CN"), ("M", "CN"), ("T", "AE"), ("U", "AE"), ("V", "AE"))
    listed(store, "E", "US_EL", license_requirement=EL_ALL + "  ")
    listed(store, "M", "US_MEU", license_requirement=MEU_SUPP2)
    owns(store, ("E", "T", 25.0), ("M", "T", 25.0), ("T", "U", 50.0), ("M", "V", 50.0))
    res = analyse(store, TODAY)
    st = res.ownership.status
    bis = st[st["regime"] == "BIS_AFFILIATES"].set_index("cluster")["reasons_json"].map(json.loads)
    for cid in ("co:t:T", "co:t:U"):
        assert bis[cid]["licence_requirements"] == [EL_ALL, MEU_SUPP2]
        assert bis[cid]["strictest_licence_requirement"] == EL_ALL
    # one MEU owner: its own requirement is the one that applies
    assert bis["co:t:V"]["strictest_licence_requirement"] == MEU_SUPP2
    ev = flag_evidence(res, "OWNED_BY_LISTED", "U")
    assert ev is not None
    item = next(i for i in ev["items"] if i["regime"] == "BIS_AFFILIATES")
    assert item["strictest_licence_requirement"] == EL_ALL


def test_strictest_requirement_is_not_guessed_between_two_narrow_ones() -> None:
    from graph.risk.licence import strictest

    narrow = "For all items subject to the EAR when used in projects specified in §746.5 of the EAR."
    assert strictest([narrow, MEU_SUPP2]) is None
    assert strictest([narrow, MEU_SUPP2, EL_ALL]) == EL_ALL


def test_uk_adds_one_persons_direct_and_indirect_holdings_but_never_two_persons() -> None:
    """UK: X (designated) holds 30 % of T and owns all of H, which holds another 30 % of T: X holds
    60 % of T (directly and through H), so T is owned by X. Y and Z, two designated persons with
    30 % each of S, are not added up (no joint arrangement known). 30.1 + 19.9 is exactly 50 %,
    which is not "more than 50 %"."""
    store = NetworkxStore()
    companies(store, ("X", "RU"), ("H", "CY"), ("T", "GB"), ("Y", "RU"), ("Z", "RU"), ("S", "GB"))
    companies(store, ("F", "GB"))
    for c in ("X", "Y", "Z"):
        listed(store, c, "UK")
    owns(store, ("X", "H", 100.0), ("X", "T", 30.0), ("H", "T", 30.0), ("Y", "S", 30.0), ("Z", "S", 30.0))
    owns(store, ("X", "F", 30.1), ("H", "F", 19.9))
    res = analyse(store, TODAY)
    uk = statuses(res, "UK")
    assert uk.get("T") == "owned" and "S" not in uk and "F" not in uk
    st = res.ownership.status
    reason = json.loads(st[(st["regime"] == "UK") & (st["cluster"] == "co:t:T")]["reasons_json"].iloc[0])
    assert reason["held_by"] == ["co:t:X"]
    assert {o["id"]: o["pct"] for o in reason["owners"]} == {"co:t:X": 30.0, "co:t:H": 30.0}
    assert float(st[(st["regime"] == "UK") & (st["cluster"] == "co:t:T")]["blocked_pct"].iloc[0]) == 60.0


def test_eu_aggregates_listed_persons_and_exactly_fifty_counts_but_not_49_99() -> None:
    """EU (DOMAIN.md: >= 50 % of proprietary rights, aggregated): two EU-listed persons with 25 %
    each own S; 49.99 % held by one is not enough; the UK answer for the same S is no."""
    store = NetworkxStore()
    companies(store, ("Y", "RU"), ("Z", "RU"), ("S", "DE"), ("N", "DE"))
    for c in ("Y", "Z"):
        listed(store, c, "EU")
        listed(store, c, "UK")
    owns(store, ("Y", "S", 25.0), ("Z", "S", 25.0), ("Y", "N", 49.99))
    res = analyse(store, TODAY)
    eu = statuses(res, "EU")
    assert eu.get("S") == "owned" and "N" not in eu
    assert "S" not in statuses(res, "UK")


def test_ofac_aggregates_across_programmes_and_owners_and_ignores_removed_listings(store: GraphStore) -> None:
    """OFAC: an SDN under [SDGT] 20 %, one under [RUSSIA-EO14024] 20 % and a third 10 % block T
    (50 %, aggregated across programmes and owners). An owner whose listing was removed no longer
    counts: R (removed) 40 % + an SDN 10 % leaves Q clear, and no minority-stake flag names R."""
    companies(store, ("S1", "LB"), ("S2", "RU"), ("S3", "IR"), ("R", "RU"), ("T", "AE"), ("Q", "AE"))
    listed(store, "S1", "US_SDN", ["SDGT"])
    listed(store, "S2", "US_SDN", ["RUSSIA-EO14024"])
    listed(store, "S3", "US_SDN", ["IRAN"])
    listed(store, "R", "US_SDN", ["UKRAINE-EO13662"], status="removed", removed_in="sdn-2026-05")
    owns(store, ("S1", "T", 20.0), ("S2", "T", 20.0), ("S3", "T", 10.0), ("R", "Q", 40.0), ("S3", "Q", 10.0))
    res = analyse(store, TODAY)
    ofac = statuses(res, "OFAC")
    assert ofac.get("T") == "owned" and "Q" not in ofac and "R" not in ofac
    assert flag_evidence(res, "LISTED_MINORITY_STAKE", "Q") is None


def test_ownership_cycles_terminate_with_the_right_answer(store: GraphStore) -> None:
    """A and B own each other (60 % / 40 %); X (SDN) holds 50 % of A: both are blocked, in two
    rounds, and a cycle without a listed owner blocks no one and has no ultimate parent."""
    companies(store, ("X", "RU"), ("A", "AE"), ("B", "AE"), ("P", "CN"), ("Q", "SG"))
    listed(store, "X", "US_SDN", ["RUSSIA-EO14024"])
    owns(store, ("X", "A", 50.0), ("A", "B", 60.0), ("B", "A", 40.0), ("P", "Q", 60.0), ("Q", "P", 60.0))
    res = analyse(store, TODAY)
    assert statuses(res, "OFAC") == {"X": "listed", "A": "owned", "B": "owned"}
    parents = res.ownership.parents.set_index("cluster")
    assert parents.loc["co:t:Q", "cycle"] and parents["ultimate_parent"].isna()["co:t:Q"]
    assert flag_evidence(res, "ULTIMATE_PARENT_D5", "Q") is None


def test_ultimate_parent_in_d5_or_macau_is_walked_to_the_top() -> None:
    """S (SG) ← M (NL, 80 %) ← P (CN, 100 %): the ultimate parent is in D:5 however deep. A
    Macau parent counts like D:5 for advanced computing from 2023-11-17 (88 FR 73458), not before;
    a 50 % stake is no control (the walk follows stakes above control_pct)."""
    store = NetworkxStore()
    companies(store, ("P", "CN"), ("M", "NL"), ("S", "SG"), ("MO", "MO"), ("K", "KR"), ("J", "JP"))
    owns(store, ("P", "M", 80.0), ("M", "S", 100.0), ("MO", "K", 60.0), ("P", "J", 50.0))
    res = analyse(store, TODAY)
    ev = flag_evidence(res, "ULTIMATE_PARENT_D5", "S")
    assert ev is not None and ev["items"][0]["ultimate_parent"] == "co:t:P"
    assert ev["items"][0]["country"] == "CN" and ev["items"][0]["depth"] == 2
    assert flag_evidence(res, "ULTIMATE_PARENT_D5", "K") is not None
    assert flag_evidence(res, "ULTIMATE_PARENT_D5", "J") is None
    assert flag_evidence(analyse(store, dt.date(2023, 11, 16)), "ULTIMATE_PARENT_D5", "K") is None


def test_the_headquarters_test_applies_from_the_october_2023_rule() -> None:
    """The ultimate parent test of 15 CFR 744.23 came with 88 FR 73458 (effective 2023-11-17):
    a Chinese parent of a Dutch company flags neither side the day before, and the run says why;
    from that day both flags fire. The date sits in red_flags.csv with the flag's legal source."""
    store = NetworkxStore()
    companies(store, ("P", "CN"), ("N", "NL"))
    owns(store, ("P", "N", 100.0))
    before = analyse(store, dt.date(2023, 11, 16))
    assert flag_evidence(before, "ULTIMATE_PARENT_D5", "N") is None
    assert flag_evidence(before, "D5_PARENT_OF_FOREIGN", "P") is None
    note = next(n for n in before.notes if n.startswith("ULTIMATE_PARENT_D5 not in force on 2023-11-16"))
    assert "from 2023-11-17" in note and "88 FR 73458" in note
    on = analyse(store, dt.date(2023, 11, 17))
    assert flag_evidence(on, "ULTIMATE_PARENT_D5", "N") is not None
    assert flag_evidence(on, "D5_PARENT_OF_FOREIGN", "P") is not None
    assert not any("not in force" in n for n in on.notes)


def test_country_groups_are_those_domain_md_lists() -> None:
    from graph.risk.reference import load_reference

    ref = load_reference(TODAY)
    groups = ref.country_groups
    assert {"CN", "RU", "BY", "IR", "KP", "VE", "MM"} <= groups["D:5"]
    assert groups["E:1"] == {"IR", "KP", "SY"} and groups["E:2"] == {"CU"}
    assert "MO" in groups["D:1"] and "MO" in groups["D:4"] and "MO" not in groups["D:5"]
    assert "MO" in ref.advanced_computing_d5 and "MO" in ref.restricted
    assert {"CN", "RU"} <= groups["D:1"] & groups["D:4"]


def _trader(store: GraphStore, key: str, country: str, incorporated: str) -> None:
    store.upsert_nodes(
        NodeKind.COMPANY,
        [
            {
                "id": f"co:t:{key}",
                "name": f"Trader {key}",
                "country": country,
                "incorporation_date": incorporated,
            }
        ],
    )
    store.upsert_nodes(
        NodeKind.TRADE_PARTY, [{"id": f"party:{key}", "name": f"TRADER {key}", "country": country}]
    )
    store.upsert_edges(
        EdgeKind.SAME_AS,
        [{"source": f"co:t:{key}", "target": f"party:{key}", "score": 1.0, "decision": "auto"}],
    )


def _shipments(store: GraphStore, rows: list[tuple[str, str, str, str, float, str]]) -> None:
    from tests.graph.risk.conftest import _ship

    ships = [_ship(700 + i, s, c, d, h, q, 10.0 * q, t) for i, (s, c, d, h, q, t) in enumerate(rows)]
    store.upsert_nodes(
        NodeKind.SHIPMENT, [{**x, "id": x["node_id"], "name": x["shipment_id"]} for x in ships]
    )


def _fired(store: GraphStore, flag: str) -> set[str]:
    res = analyse(store, TODAY)
    return {c.removeprefix("co:t:") for c in res.flags.loc[res.flags["flag"] == flag, "cluster"]}


def test_red_flag_dates_mean_strictly_after_the_day() -> None:
    """DOMAIN.md: "incorporated after 2022-02-24", "first shipment of 854231/847150/847180 after
    2022-10-07". The day itself is not after it: a company incorporated on 2022-02-24 and a first
    advanced-chip purchase shipped on 2022-10-07 (ordered before the rule was out) are not
    flagged; the next day is. Other HS codes (854232) are not the advanced-computing codes."""
    store = NetworkxStore()
    store.upsert_nodes(NodeKind.TRADE_PARTY, [{"id": "party:sup", "name": "ACME", "country": "US"}])
    for key, inc in (("ON", "2022-02-24"), ("NEXT", "2022-02-25")):
        _trader(store, key, "HK", inc)
    for key in ("B7", "B8", "B847180", "BMEM"):
        _trader(store, key, "CN", "2010-01-01")
    _shipments(
        store,
        [
            ("sup", "ON", "2023-01-10", "854231", 10, "HK"),
            ("sup", "NEXT", "2023-01-10", "854231", 10, "HK"),
            ("sup", "B7", "2022-10-07", "854231", 10, "CN"),
            ("sup", "B8", "2022-10-08", "854231", 10, "CN"),
            ("sup", "B847180", "2022-10-08", "847180", 10, "CN"),
            ("sup", "BMEM", "2022-10-08", "854232", 10, "CN"),
        ],
    )
    assert _fired(store, "NEW_COMPANY_CHPL") >= {"NEXT"} and "ON" not in _fired(store, "NEW_COMPANY_CHPL")
    post = _fired(store, "POST_CONTROL_BUYER")
    assert {"B8", "B847180"} <= post and not post & {"B7", "BMEM"}


def test_pass_through_within_90_days_and_a_minority_stake_from_25_percent() -> None:
    """In and out again to Russia 90 days later (twice) is a pass-through; 91 days later is not.
    A listed party's 25 % is a significant minority stake, 24.99 % is not; min_pct is configurable."""
    from dataclasses import replace

    from graph.risk.flags import ownership as ownership_flags
    from graph.risk.flags.base import FlagContext
    from graph.risk.reference import FlagSpec

    store = NetworkxStore()
    store.upsert_nodes(NodeKind.TRADE_PARTY, [{"id": "party:sup", "name": "ACME", "country": "US"}])
    store.upsert_nodes(NodeKind.TRADE_PARTY, [{"id": "party:ru", "name": "OOO RU", "country": "RU"}])
    _trader(store, "P90", "AM", "2010-01-01")
    _trader(store, "P91", "AM", "2010-01-01")
    rows: list[tuple[str, str, str, str, float, str]] = []
    for key, out_days in (("P90", ("2023-04-01", "2023-09-28")), ("P91", ("2023-04-02", "2023-09-29"))):
        rows += [
            ("sup", key, "2023-01-01", "854231", 100, "AM"),
            ("sup", key, "2023-06-30", "854231", 100, "AM"),
            (key, "ru", out_days[0], "854231", 100, "RU"),
            (key, "ru", out_days[1], "854231", 100, "RU"),
        ]
    _shipments(store, rows)
    companies(store, ("X", "RU"), ("A", "AM"), ("B", "AM"))
    listed(store, "X", "US_SDN", ["RUSSIA-EO14024"])
    owns(store, ("X", "A", 25.0), ("X", "B", 24.99))
    res = analyse(store, TODAY)
    fired = {
        c.removeprefix("co:t:")
        for c in res.flags.loc[res.flags["flag"] == "PASS_THROUGH_REEXPORT", "cluster"]
    }
    assert "P90" in fired and "P91" not in fired
    minority = {
        c.removeprefix("co:t:")
        for c in res.flags.loc[res.flags["flag"] == "LISTED_MINORITY_STAKE", "cluster"]
    }
    assert "A" in minority and "B" not in minority
    spec = res.ref.flags["LISTED_MINORITY_STAKE"]
    lower = replace(
        res.ref,
        flags={**res.ref.flags, spec.name: FlagSpec(**{**spec.__dict__, "params": {"min_pct": 20.0}})},
    )
    ctx = FlagContext(res.frames, lower, res.ownership)
    assert set(ownership_flags.listed_minority_stake(ctx)["cluster"]) == {"co:t:A", "co:t:B"}


def test_a_party_listed_after_as_of_is_not_listed_on_it(store: GraphStore) -> None:
    """An Entity List entry with start_date 2026-03-01: as of 2026-01-01 the party is not listed
    and its 60 % subsidiary is not blocked under BIS (the rule being in force is not enough); as of
    today both are, and the run as of 2026-01-01 says what it left out."""
    companies(store, ("E", "CN"), ("T", "AE"))
    listed(store, "E", "US_EL", start_date="2026-03-01", license_requirement=EL_ALL)
    owns(store, ("E", "T", 60.0))
    before = analyse(store, dt.date(2025, 10, 1))
    assert statuses(before, "BIS_AFFILIATES") == {}
    assert "co:t:E" not in set(before.scores.loc[before.scores["risk_level"] == "block", "cluster"])
    assert any("list entries (listed) dated after 2025-10-01" in n for n in before.notes)
    assert statuses(analyse(store, TODAY), "BIS_AFFILIATES") == {"E": "listed", "T": "owned"}


def test_ultimate_parent_is_found_through_consolidation_records_without_percentages() -> None:
    """GLEIF level 2 names a child's direct and ultimate parents (IS_..._CONSOLIDATED_BY) and
    usually no percentage: consolidation is control, so the walk follows it. N (NL) is
    consolidated by H (HK), ultimately by P (CN): N's ultimate parent is P, in D:5."""
    store = NetworkxStore()
    companies(store, ("P", "CN"), ("H", "HK"), ("N", "NL"))
    store.upsert_edges(
        EdgeKind.OWNS,
        [
            {"source": "co:t:H", "target": "co:t:N", "relationship": "direct_parent", "provenance": "gleif"},
            {
                "source": "co:t:P",
                "target": "co:t:N",
                "relationship": "ultimate_parent",
                "provenance": "gleif",
            },
            {"source": "co:t:P", "target": "co:t:H", "relationship": "direct_parent", "provenance": "gleif"},
        ],
    )
    res = analyse(store, TODAY)
    ev = flag_evidence(res, "ULTIMATE_PARENT_D5", "N")
    assert ev is not None
    assert ev["items"][0]["ultimate_parent"] == "co:t:P" and ev["items"][0]["link"] == "ultimate_parent"
    assert statuses(res, "OFAC") == {}  # consolidation is no stake: no ownership percentage is made up


STAKE_FLAGS = ("OWNED_BY_LISTED", "OWNED_BY_LISTED_SUSPENDED_RULE", "LISTED_MINORITY_STAKE")


def _ownership_flags(res: RiskResult, cid: str) -> list[str]:
    """The flags that read a listed owner's stake in ``cid``."""
    f = res.flags
    return sorted(f.loc[(f["cluster"] == f"co:t:{cid}") & f["flag"].isin(STAKE_FLAGS), "flag"])


def test_a_minority_stake_is_one_below_the_threshold_of_the_regimes_that_count_its_owner(
    store: GraphStore,
) -> None:
    """From 25 % up to below the threshold: an SDN's 49.99 % is a minority stake, its 50 % and
    60 % block (OWNED_BY_LISTED alone, not a second flag for the same stake, which the noisy-OR
    score would weigh twice); a UK-listed person's 50 % blocks nothing under the UK rule (more
    than 50 %) and stays a minority stake; an Entity List owner's 60 % during the Affiliates
    rule's suspension is the suspended rule's fact; a 1260H company's 60 %, which no ownership
    rule reads, is still a significant stake. The explanation names the regimes it stays below."""
    companies(store, ("X", "RU"), ("U", "RU"), ("E", "CN"), ("H", "CN"))
    companies(store, ("T49", "AE"), ("T50", "AE"), ("T60", "AE"), ("U50", "AE"), ("E60", "AE"), ("H60", "AE"))
    listed(store, "X", "US_SDN", ["RUSSIA-EO14024"])
    listed(store, "U", "UK", ["Russia"])
    listed(store, "E", "US_EL")
    listed(store, "H", "US_1260H")
    owns(
        store,
        ("X", "T49", 49.99),
        ("X", "T50", 50.0),
        ("X", "T60", 60.0),
        ("U", "U50", 50.0),
        ("E", "E60", 60.0),
        ("H", "H60", 60.0),
    )
    res = analyse(store, dt.date(2026, 1, 1))  # the Affiliates rule suspended
    assert _ownership_flags(res, "T49") == ["LISTED_MINORITY_STAKE"]
    assert _ownership_flags(res, "T50") == ["OWNED_BY_LISTED"]
    assert _ownership_flags(res, "T60") == ["OWNED_BY_LISTED"]
    assert _ownership_flags(res, "U50") == ["LISTED_MINORITY_STAKE"]
    assert _ownership_flags(res, "E60") == ["OWNED_BY_LISTED_SUSPENDED_RULE"]
    assert _ownership_flags(res, "H60") == ["LISTED_MINORITY_STAKE"]
    items = {
        c: (flag_evidence(res, "LISTED_MINORITY_STAKE", c) or {})["items"] for c in ("T49", "U50", "H60")
    }
    assert items["T49"] == [
        {
            "owner": "co:t:X",
            "pct": 49.99,
            "lists": ["US_SDN"],
            "below_threshold_of": ["BIS_AFFILIATES", "OFAC"],
        }
    ]
    assert items["U50"][0]["below_threshold_of"] == ["UK"]
    assert items["H60"][0]["below_threshold_of"] == []
    breakdown = res.scores.set_index("cluster").loc["co:t:T60", "breakdown_json"]
    assert "LISTED_MINORITY_STAKE" not in breakdown and "OWNED_BY_LISTED" in breakdown


def test_a_listing_that_ended_before_as_of_is_not_listed_on_it(store: GraphStore) -> None:
    """A Denied Persons List order that expired on 2026-01-14 (Aaron Abraham Villa's, real DPL
    row) lists nobody on 2026-12-01: the party resolved to it has no list status or list weight
    and the run notes the entry; as of 2025-12-01 the order still lists it. An Entity List parent
    of a company whose listing ended does not make its subsidiary blocked either."""
    companies(store, ("V", "US"), ("W", "CN"), ("TW", "AE"))
    listed(store, "V", "US_DPL", start_date="2022-08-24", end_date="2026-01-14")
    listed(store, "W", "US_EL", start_date="2020-01-01", end_date="2026-01-14")
    owns(store, ("W", "TW", 60.0))
    after = analyse(store, TODAY)
    assert "V" not in statuses(after, "OFAC") and "TW" not in statuses(after, "BIS_AFFILIATES")
    scores = after.scores.set_index("cluster")["breakdown_json"]
    assert "list:US_DPL" not in scores["co:t:V"]
    assert "2 list entries whose listing ended before 2026-12-01 left out" in after.notes
    before = analyse(store, dt.date(2025, 12, 1))
    assert "list:US_DPL" in before.scores.set_index("cluster")["breakdown_json"]["co:t:V"]
    assert not any("listing ended" in n for n in before.notes)


def test_a_listed_address_flags_parties_there_not_other_list_records(store: GraphStore) -> None:
    """An Entity List party's address, shared by a company and by list entries that list nobody
    on the day (one listed only later, one whose order ended, a context entity): the company is
    at a listed party's address; the list records are not parties and are not flagged."""
    companies(store, ("C", "AE"))
    store.upsert_nodes(
        NodeKind.LIST_ENTRY,
        [
            {"id": "list:US_EL:el", "name": "Listed Co", "list": "US_EL", "status": "active"},
            {"id": "list:US_EL:later", "name": "Later Co", "list": "US_EL", "start_date": "2026-06-01"},
            {"id": "list:US_DPL:ended", "name": "Ended Co", "list": "US_DPL", "end_date": "2025-01-14"},
            {"id": "list:FTM:ctx", "name": "Context Co", "list": "FTM", "status": "context"},
        ],
    )
    store.upsert_nodes(NodeKind.ADDRESS, [{"id": "addr:1", "name": "1 DUBAI ST DUBAI", "country": "AE"}])
    located = ["co:t:C", "list:US_EL:el", "list:US_EL:later", "list:US_DPL:ended", "list:FTM:ctx"]
    store.upsert_edges(
        EdgeKind.LOCATED_AT,
        [{"source": e, "target": "addr:1", "line": "1 Dubai St, Dubai", "provenance": "t"} for e in located],
    )
    for day in (TODAY, dt.date(2026, 1, 1)):
        res = analyse(store, day)
        hit = res.flags[res.flags["flag"] == "LISTED_ADDRESS_MATCH"]
        assert hit["cluster"].tolist() == ["co:t:C"], day


def test_one_requirement_written_with_and_without_a_full_stop_is_one_requirement() -> None:
    from graph.risk.licence import licence_reason, normalise_requirement

    found = {normalise_requirement(MEU_SUPP2.rstrip(".")), normalise_requirement("  " + MEU_SUPP2)}
    assert len(found) == 2  # two published forms of one requirement
    assert len(licence_reason(found)["licence_requirements"]) == 1
    assert licence_reason(found)["strictest_licence_requirement"] in found
