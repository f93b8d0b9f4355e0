"""A workspace with the bundled lists and a demo world of one registry company that ships to one
consignee: the smallest world in which resolution pairs a bill-of-lading party with list entries
(party-list). Tests of what resolution does with one party name build it here."""

from __future__ import annotations

from pathlib import Path

from chipwatch.settings import Settings

_SHIPPER = (
    '"C1","Ultrastone Components Pte. Ltd.","","SG","20 Changi Business Park","Singapore",'
    '"807083","1990-01-01","","","","electronic components distributor","","","","synthetic"\n'
)


def one_party_world(tmp_path: Path, consignee: str, city: str, country: str) -> Settings:
    """Settings of a workspace under ``tmp_path`` holding the bundled lists and one shipment of
    integrated circuits from a Singapore distributor to ``consignee`` of ``city``, ``country``."""
    from ingest.lists.pipeline import ingest_bundled_lists
    from ingest.trade.graph_sync import DEMO_WORLD_DIR, ingest_demo_world

    rows = {
        "ownership": "",
        "officers": "",
        "companies": _SHIPPER,
        "shipments": (
            '"S1","2024-03-01","Ultrastone Components Pte. Ltd.","20 Changi Business Park, Singapore",'
            f'"SG","{consignee}","{city}","{country}","","","","8542.32.0071","INTEGRATED CIRCUITS",'
            f'"Ultrastone Components Pte. Ltd.","SG","SG","{country}","Singapore","{city}",1000,10,1,CIF\n'
        ),
    }
    world = tmp_path / "world"
    world.mkdir()
    for kind, body in rows.items():
        header = (DEMO_WORLD_DIR / f"{kind}.csv").read_text(encoding="utf-8").splitlines()[0]
        (world / f"{kind}.csv").write_text(header + "\n" + body, encoding="utf-8")
    settings = Settings(workspace=tmp_path / "ws")
    ingest_bundled_lists(settings)
    ingest_demo_world(settings, directory=world)
    return settings
