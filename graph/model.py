"""The graph vocabulary: node kinds, edge kinds and the records that cross the store API.

Conventions every writer follows (so that both stores and every module agree):

* A node id is a stable string that says where the record came from::

      list:{ListSource}:{source_id}     ListEntry (one per list record)
      co:{source}:{company_id}          Company (one per registry/company-file record)
      person:{sha1 of normalised name|country}
      party:{sha1 of normalised name|address|country}   TradeParty as written on a bill of lading
      addr:{sha1 of normalised address|country}         Address (shared by everything located there)
      country:{ISO alpha-2}
      ship:{shipment_id}
      ident:{scheme}:{value}            Identifier (LEI, IMO, tax id, registration …)

* Property values are scalars (str, int, float, bool) or lists of scalars of one type;
  ``None`` means "absent" and is not stored. Nested data (reasons, evidence) is stored as a
  JSON string in a property whose name ends in ``_json``. Dates are ISO strings.
* Every node has ``name`` (display name). Every node and edge written from a file carries
  ``source`` (the file/list version it came from) so a fact can be traced.
* An edge is identified by (kind, source, target, key); ``key`` is ``""`` unless one pair
  can have several edges of a kind (TRADES_WITH per HS-6 code: ``key`` = the HS-6 code).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ListSource(StrEnum):
    """Every list the product reads. CSL sources keep their own code (the CSL mixes them)."""

    US_SDN = "US_SDN"  # OFAC Specially Designated Nationals
    US_NONSDN = "US_NONSDN"  # OFAC consolidated non-SDN lists (SSI, NS-MBS, CAPTA, …)
    US_EL = "US_EL"  # BIS Entity List
    US_MEU = "US_MEU"  # BIS Military End-User list
    US_MIEU = "US_MIEU"  # BIS Military-Intelligence End User list
    US_UVL = "US_UVL"  # BIS Unverified List
    US_DPL = "US_DPL"  # BIS Denied Persons List
    US_ISN = "US_ISN"  # State nonproliferation sanctions
    US_DTC = "US_DTC"  # State ITAR debarred
    US_SSI = "US_SSI"  # OFAC Sectoral Sanctions Identifications
    US_FSE = "US_FSE"  # OFAC Foreign Sanctions Evaders
    US_PLC = "US_PLC"  # OFAC Palestinian Legislative Council
    US_CAP = "US_CAP"  # OFAC CAPTA list
    US_CMIC = "US_CMIC"  # OFAC Chinese Military-Industrial Complex companies
    US_MBS = "US_MBS"  # OFAC Menu-Based Sanctions
    US_1260H = "US_1260H"  # DoD Section 1260H Chinese military companies
    US_NDAA5949 = "US_NDAA5949"  # NDAA FY2023 §5949 semiconductor procurement ban
    US_NDAA889 = "US_NDAA889"  # NDAA FY2019 §889 telecom/video ban
    UN = "UN"  # UN Security Council consolidated list
    EU = "EU"  # EU Financial Sanctions Files
    UK = "UK"  # UK FCDO Sanctions List (and the retired OFSI ConList)
    FTM = "FTM"  # OpenSanctions / FollowTheMoney data
    CUSTOM = "CUSTOM"  # in-house or other lists in the documented simple CSV


class NodeKind(StrEnum):
    LIST_ENTRY = "ListEntry"
    COMPANY = "Company"
    PERSON = "Person"
    VESSEL = "Vessel"
    AIRCRAFT = "Aircraft"
    TRADE_PARTY = "TradeParty"
    ADDRESS = "Address"
    COUNTRY = "Country"
    SHIPMENT = "Shipment"
    IDENTIFIER = "Identifier"


class EdgeKind(StrEnum):
    SAME_AS = "SAME_AS"  # resolution link {score, method, reasons_json, decision}
    OWNS = (
        "OWNS"  # owner -> owned {pct (0..100), as_of, provenance, relationship, start_date, end_date, status}
    )
    OFFICER_OF = "OFFICER_OF"  # person -> company {role, start_date, end_date}
    LOCATED_AT = "LOCATED_AT"  # entity -> Address
    IN_COUNTRY = "IN_COUNTRY"  # entity/Address -> Country
    HAS_IDENTIFIER = "HAS_IDENTIFIER"  # entity -> Identifier
    SHIPPER_OF = "SHIPPER_OF"  # TradeParty -> Shipment
    CONSIGNEE_OF = "CONSIGNEE_OF"  # TradeParty -> Shipment
    NOTIFY_OF = "NOTIFY_OF"  # TradeParty -> Shipment
    TRADES_WITH = "TRADES_WITH"  # shipper -> consignee party; key = HS-6; {count, value_usd, first, last}
    RELATED_TO = "RELATED_TO"  # relationships published by a list (OFAC enhanced XML, FtM)


#: Edge kinds whose direction carries no meaning; path search walks them both ways.
SYMMETRIC_EDGE_KINDS: frozenset[EdgeKind] = frozenset({EdgeKind.SAME_AS, EdgeKind.RELATED_TO})


@dataclass(frozen=True)
class Node:
    id: str
    kind: NodeKind
    props: Mapping[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.props.get("name", self.id))


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: EdgeKind
    key: str = ""
    props: Mapping[str, Any] = field(default_factory=dict)

    @property
    def identity(self) -> tuple[str, str, str, str]:
        return (self.kind.value, self.source, self.target, self.key)


@dataclass(frozen=True)
class Path:
    """A simple path: ``nodes[i]`` and ``nodes[i+1]`` are joined by ``edges[i]``.

    An edge walked against its stored direction (symmetric kinds, or ``direction="both"``)
    keeps its stored source/target; readers compare with ``nodes`` to see the way it was walked.
    """

    nodes: tuple[str, ...]
    edges: tuple[Edge, ...]

    @property
    def hops(self) -> int:
        return len(self.edges)

    def sort_key(self) -> tuple[int, tuple[str, ...], tuple[tuple[str, str, str, str], ...]]:
        return (self.hops, self.nodes, tuple(e.identity for e in self.edges))


@dataclass(frozen=True)
class Subgraph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
