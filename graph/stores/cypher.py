"""Every Cypher statement chipwatch runs, as constants or small builders.

Values always travel as ``$parameters``. Labels and relationship types are spliced into the text
only from :class:`NodeKind` / :class:`EdgeKind` values (checked against the enums here), and the
only other spliced token is a hop bound that :func:`graph.stores.rows.check_hops` validated.

Every node carries its kind's label plus :data:`NODE_LABEL`. Ids are unique per kind through one
unique constraint per kind label; :data:`NODE_LABEL` has a plain RANGE index on ``id`` for lookups
when the kind is not known (edge ends, ``node()``). It is deliberately not a unique constraint: a
second uniqueness check on every new node made bulk loads 2-5x slower (benchmarks/store_bench.py),
so the store refuses an id that :data:`EXISTING_NODES` finds under another kind instead.
"""

from __future__ import annotations

from collections.abc import Collection

from graph.model import SYMMETRIC_EDGE_KINDS, EdgeKind, NodeKind
from graph.store import Direction
from graph.stores.rows import MAX_HOPS

NODE_LABEL = "Node"
NODE_ID_INDEX = "node_id_lookup"
#: ``_ec``: eventually consistent (updated after commit by a background thread, not inside every
#: write); :data:`FULLTEXT_SEARCH` waits for it to catch up first. Older workspaces have the
#: synchronous ``node_names`` index, which :func:`schema_statements` replaces.
FULLTEXT_INDEX = "node_names_ec"
_RETIRED = ("DROP CONSTRAINT node_id IF EXISTS", "DROP INDEX node_names IF EXISTS")


def label(kind: NodeKind) -> str:
    return f"`{NodeKind(kind).value}`"


def rel_type(kind: EdgeKind) -> str:
    return f"`{EdgeKind(kind).value}`"


def schema_statements() -> list[str]:
    """Constraints and indexes, all ``IF NOT EXISTS`` (safe to run on every open)."""
    statements = [
        *_RETIRED,
        f"CREATE INDEX {NODE_ID_INDEX} IF NOT EXISTS FOR (n:{NODE_LABEL}) ON (n.id)",
    ]
    statements += [
        f"CREATE CONSTRAINT {kind.value.lower()}_id IF NOT EXISTS "
        f"FOR (n:{label(kind)}) REQUIRE n.id IS UNIQUE"
        for kind in NodeKind
    ]
    labels = "|".join(label(k) for k in NodeKind)
    statements.append(
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) ON EACH [n.name, n.aliases] "
        "OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}"
    )
    return statements


#: Write-path lookups name the index: a query first planned while the graph is empty (right after
#: ``clear()``) could otherwise keep a label-scan plan, one scan per row, until Neo4j replans it.
_SEEK_N = f"USING INDEX SEEK n:{NODE_LABEL}(id)"
#: The reads by id seek the index too: on statistics sampled while the graph was empty, an
#: unhinted lookup (or a plain ``USING INDEX``) can be planned as a scan of every id, and the plan
#: stays cached (tests/graph/test_neo4j_store.py, the "stale statistics" tests).
_SEEK_A = f"USING INDEX SEEK a:{NODE_LABEL}(id)"

#: After creating indexes: they are populated in the background, and until they are online a
#: lookup by id falls back to a label scan.
AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"


#: The server's transaction memory limits (``$names``), to size write transactions by.
MEMORY_LIMITS = "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value"

#: Which of ``$ids`` exist already, with their labels (a write splits its rows on this), as one
#: record ``found`` = ``[[id, labels], ...]``: one Bolt record per row cost the client more CPU
#: than the rest of the write.
EXISTING_NODES = (
    f"UNWIND $ids AS id MATCH (n:{NODE_LABEL} {{id: id}}) {_SEEK_N} RETURN collect([id, labels(n)]) AS found"
)


def create_nodes(kind: NodeKind) -> str:
    """New nodes (ids checked absent in this transaction); each row is the property map, ``id`` too.

    CREATE skips MERGE's lock-and-recheck. ``SET n = row`` rather than ``CREATE (n {id: ..})
    SET n += ..``: the latter makes the planner add an Eager operator (see EXPLAIN).
    """
    return f"UNWIND $rows AS row CREATE (n:{label(kind)}:{NODE_LABEL}) SET n = row RETURN count(*) AS written"


def upsert_nodes(kind: NodeKind) -> str:
    """MERGE every row: for ids that exist (a MATCH followed by ``SET n += ..`` would plan an Eager),
    and for every row when a concurrent writer created some of the ids after the existence read.
    A key ``row.props`` maps to null removes that property (an owned property the row leaves out)."""
    # ``+= row.props`` sits in ON CREATE / ON MATCH rather than a trailing SET: the planner cannot
    # tell that the map never holds ``id``, and a trailing SET makes it add an Eager operator
    # that buffers the whole batch between the MERGE and the SET (see EXPLAIN).
    return (
        "UNWIND $rows AS row "
        f"MERGE (n:{label(kind)} {{id: row.id}}) "
        f"ON CREATE SET n:{NODE_LABEL}, n += row.props "
        "ON MATCH SET n += row.props "
        "RETURN count(*) AS written"
    )


def set_node_props(kind: NodeKind) -> str:
    """The same ``$props`` on every node of ``$ids`` (values the bulk import's CSV could not carry)."""
    return f"UNWIND $ids AS id MATCH (n:{label(kind)} {{id: id}}) SET n += $props RETURN count(*) AS written"


def edge_ends(kind: EdgeKind) -> str:
    """The nodes of ``$ids`` (every source and target of a batch), found once per batch, as one
    record ``found`` = ``[[id, elementId, no outgoing edge of kind yet], ...]``.

    The writes then find each end by elementId (a direct record lookup) instead of two index seeks
    per edge, and an edge from a node without edges of ``kind`` is known to be new (CREATE).
    """
    return (
        f"UNWIND $ids AS id MATCH (n:{NODE_LABEL} {{id: id}}) {_SEEK_N} "
        f"RETURN collect([id, elementId(n), NOT (n)-[:{rel_type(kind)}]->()]) AS found"
    )


#: Edge rows are lists ``[source elementId, target elementId, key, props]``: smaller to send than maps.
_ENDS = "UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row[0] MATCH (t) WHERE elementId(t) = row[1] "


def upsert_edges(kind: EdgeKind) -> str:
    """MERGE every row; as in :func:`upsert_nodes`, a key ``row[3]`` maps to null is removed."""
    return (
        f"{_ENDS}MERGE (s)-[r:{rel_type(kind)} {{key: row[2]}}]->(t) "
        "ON CREATE SET r += row[3] ON MATCH SET r += row[3] "  # no Eager: see upsert_nodes
        "RETURN count(*) AS written"
    )


def create_edges(kind: EdgeKind) -> str:
    """Edges known to be new (see :func:`edge_ends`): CREATE skips MERGE's check and locks."""
    return (
        f"{_ENDS}CREATE (s)-[r:{rel_type(kind)} {{key: row[2]}}]->(t) SET r += row[3] "
        "RETURN count(*) AS written"
    )


#: Whether the database holds any node at all (the bulk import is only for an empty one).
ANY_NODE = "MATCH (n) RETURN count(n) > 0 AS any LIMIT 1"

MISSING_NODES = (
    "UNWIND $ids AS id "
    f"OPTIONAL MATCH (n:{NODE_LABEL} {{id: id}}) {_SEEK_N} "
    "WITH id, n WHERE n IS NULL "
    "RETURN id ORDER BY id LIMIT 6"
)

NODE = (
    f"MATCH (n:{NODE_LABEL} {{id: $id}}) {_SEEK_N} "
    "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
)

NODES_BY_ID = (
    "UNWIND $ids AS id "
    f"MATCH (n:{NODE_LABEL} {{id: id}}) {_SEEK_N} "
    "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
)


def nodes_of_kind(kind: NodeKind) -> str:
    return f"MATCH (n:{label(kind)}) RETURN n.id AS id, properties(n) AS props"


_EDGE_RETURN = (
    "type(r) AS kind, startNode(r).id AS source, endNode(r).id AS target, "
    "r.key AS key, properties(r) AS props"
)

NEIGHBOURS = (
    f"MATCH (a:{NODE_LABEL} {{id: $id}})-[r]-(:{NODE_LABEL}) {_SEEK_A} "
    "WHERE ($kinds IS NULL OR type(r) IN $kinds) "
    "AND ($both OR startNode(r) = a OR type(r) IN $symmetric) "
    f"RETURN DISTINCT {_EDGE_RETURN}"
)

#: :data:`NEIGHBOURS` of every id in ``$ids`` as one record ``found`` = ``[[id, kind, source,
#: target, key, props], ...]`` (one Bolt record per edge costs the client more than the read), and
#: ``nodes`` = the ids that exist (a node without such edges still gets its empty list).
NEIGHBOURS_OF = (
    f"UNWIND $ids AS id MATCH (a:{NODE_LABEL} {{id: id}}) {_SEEK_A} "
    f"OPTIONAL MATCH (a)-[r]-(:{NODE_LABEL}) "
    "WHERE ($kinds IS NULL OR type(r) IN $kinds) "
    "AND ($both OR startNode(r) = a OR type(r) IN $symmetric) "
    "WITH id, r "
    "RETURN collect(DISTINCT id) AS nodes, "
    "collect(CASE WHEN r IS NOT NULL THEN "
    "[id, type(r), startNode(r).id, endNode(r).id, r.key, properties(r)] END) AS found"
)

EXPAND = (
    "UNWIND $frontier AS id "
    f"MATCH (a:{NODE_LABEL} {{id: id}})-[r]-(b:{NODE_LABEL}) {_SEEK_A} "
    "WHERE $kinds IS NULL OR type(r) IN $kinds "
    "RETURN DISTINCT b.id AS id"
)

EDGES_AMONG = (
    "UNWIND $ids AS id "
    f"MATCH (a:{NODE_LABEL} {{id: id}})-[r]->(b:{NODE_LABEL}) {_SEEK_A} "
    "WHERE b.id IN $ids AND ($kinds IS NULL OR type(r) IN $kinds) "
    f"RETURN {_EDGE_RETURN}"
)


def edges_of_kind(kind: EdgeKind) -> str:
    return (
        f"MATCH (s:{NODE_LABEL})-[r:{rel_type(kind)}]->(t:{NODE_LABEL}) "
        "RETURN s.id AS source, t.id AS target, r.key AS key, properties(r) AS props"
    )


def edge_idents_of_kind(kind: EdgeKind, source_kinds: Collection[NodeKind] = ()) -> str:
    """Every edge of ``kind`` (from nodes of ``source_kinds`` only, when given) as its ends and
    key, without its properties."""
    sources = " OR ".join(f"s:{label(k)}" for k in sorted(NodeKind(k) for k in source_kinds))
    return (
        f"MATCH (s:{NODE_LABEL})-[r:{rel_type(kind)}]->(t:{NODE_LABEL}) "
        + (f"WHERE {sources} " if sources else "")
        + "RETURN s.id AS source, t.id AS target, r.key AS key"
    )


def delete_edges(kind: EdgeKind) -> str:
    return (
        "UNWIND $rows AS row "
        f"MATCH (:{NODE_LABEL} {{id: row.source}})-[r:{rel_type(kind)} {{key: row.key}}]->"
        f"(:{NODE_LABEL} {{id: row.target}}) "
        "DELETE r RETURN count(r) AS deleted"
    )


def delete_nodes(kind: NodeKind) -> str:
    return f"UNWIND $ids AS id MATCH (n:{label(kind)} {{id: id}}) DETACH DELETE n RETURN count(*) AS deleted"


def count_nodes(kind: NodeKind) -> str:
    return f"MATCH (n:{label(kind)}) RETURN count(n) AS n"


def count_edges(kind: EdgeKind) -> str:
    return f"MATCH ()-[r:{rel_type(kind)}]->() RETURN count(r) AS n"


#: Runs in an auto-commit transaction (``CALL … IN TRANSACTIONS`` needs one): deletes in chunks
#: so clearing a large graph does not need one huge transaction.
CLEAR = f"MATCH (n:{NODE_LABEL}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 10000 ROWS"

FULLTEXT_REFRESH = "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()"

FULLTEXT_SEARCH = (
    f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $text) YIELD node, score "
    "RETURN node.id AS id, score ORDER BY score DESC, id LIMIT $limit"
)


def _if_text(prop: str, test: str) -> str:
    """``test`` when ``step.prop`` is text, else false: a CASE, so ``left()`` never meets a value
    that is not text (``IS :: STRING`` alone lets null through, hence ``NOT NULL``)."""
    return f"CASE WHEN step.{prop} IS :: STRING NOT NULL THEN {test} ELSE false END"


#: A path step that is not an OWNS edge, or an OWNS edge holding on ``$day``: the rule of
#: :func:`graph.holdings.not_held` — not ended before the day (``end_date``), not begun after it
#: (``start_date``), not ``inactive`` without an end date — on the dates' first ten characters,
#: a value that is not text counting as absent. Kind and status word are parameters
#: (``$held_kind``, ``$inactive``).
_HAS_END = _if_text("end_date", "size(step.end_date) > 0")
HELD_STEP = (
    "(type(step) <> $held_kind OR NOT ("
    f"({_if_text('end_date', 'size(step.end_date) > 0 AND left(step.end_date, 10) < $day')}) "
    f"OR ({_if_text('start_date', 'left(step.start_date, 10) > $day')}) "
    f"OR (({_if_text('status', 'toLower(trim(step.status)) = $inactive')}) AND NOT ({_HAS_END}))))"
)


def paths(max_hops: int, edge_kinds: Collection[EdgeKind], direction: Direction, held: bool = False) -> str:
    """Simple paths of 1..max_hops edges from ``$sources`` to ``$targets``, best ``$limit`` first.

    The pattern is directed when every allowed kind is walked one way only, undirected when all
    are walked both ways, and otherwise a quantified path pattern whose step predicate lets a
    directed kind be walked only from its start node. Node uniqueness (a simple path) is checked
    per step of the matched path.

    The mixed case (diversion paths: TRADES_WITH and OWNS one way, SAME_AS both ways) used to be
    an undirected variable-length pattern filtered afterwards, so Neo4j expanded every directed
    edge backwards too before discarding those paths; inside a quantified path pattern the
    predicate is applied to each step as it is expanded. ``benchmarks/trade_bench.py --store neo4j
    --paths N --compare-cypher OLD_cypher.py`` times both forms and checks they give the same paths.

    Measured on the small world (benchmarks/paths_timing.py, PROFILE), two things cost more than
    the expansion itself: the node-uniqueness test, which called ``nodes(p)`` twice per position
    (it now compares the id list the sort needs anyway), and sending every path with the full
    properties of each of its edges (2,000 paths of one supplier shared 92 distinct edges). The
    answer is therefore ONE record: ``found`` = ``[[node ids], [edge elementIds]]`` per path, in
    order, and ``edges`` = ``[elementId, type, source id, target id, key, properties]`` once per
    distinct edge.

    The sources are found by an index seek named in the text (``USING INDEX SEEK``; a plain
    ``USING INDEX`` is met by a scan too): a plan made while the index's sampled statistics are
    stale (sampled while the graph was empty, right after ``clear()``, and the graph loaded since)
    estimated a scan of the whole index at 0 rows and chose it, one scan of every node per query
    (store_bench path p50 ~11 ms instead of ~1.5 ms; PROFILE: NodeIndexScan, 100,001 db hits), and
    the cached plan stayed until the plan cache was cleared.

    With ``held`` (``paths(as_of=…)``) every step is also tested with :data:`HELD_STEP`: an OWNS
    edge that does not hold on ``$day`` is not walked. The pattern is then always the quantified
    one, whose step predicate is applied as each step is expanded.
    """
    if isinstance(max_hops, bool) or not isinstance(max_hops, int) or not 1 <= max_hops <= MAX_HOPS:
        raise ValueError(f"max_hops must be an int in 1..{MAX_HOPS}")
    kinds = sorted({EdgeKind(k) for k in edge_kinds}) or sorted(EdgeKind)
    types = "|".join(rel_type(k) for k in kinds) if edge_kinds else ""
    both_ways = {k for k in kinds if direction == "both" or k in SYMMETRIC_EDGE_KINDS}
    rel = f"[{':' + types if types else ''}*1..{max_hops}]"
    # Own variable names: the comprehensions below reuse ``r`` and must not see these lists.
    typed = f"[step{':' + types if types else ''}]"
    if held:
        arrow = "->" if not both_ways else "-"
        walk = (
            ""
            if not both_ways or both_ways == set(kinds)
            else "(type(step) IN $symmetric OR startNode(step) = x) AND "
        )
        pattern = f" ((x)-{typed}{arrow}() WHERE {walk}{HELD_STEP}){{1,{max_hops}}} "
    elif not both_ways:
        pattern = f"-{rel}->"
    elif both_ways == set(kinds):
        pattern = f"-{rel}-"
    else:
        pattern = f" ((x)-{typed}-() WHERE type(step) IN $symmetric OR startNode(step) = x){{1,{max_hops}}} "
    return (
        f"MATCH p = (s:{NODE_LABEL}){pattern}(t:{NODE_LABEL}) USING INDEX SEEK s:{NODE_LABEL}(id) "
        "WHERE s.id IN $sources AND t.id IN $targets "
        "WITH p, [n IN nodes(p) | n.id] AS ids "
        "WHERE all(i IN range(1, size(ids) - 1) WHERE NOT ids[i] IN ids[0..i]) "
        "WITH p, ids, [r IN relationships(p) | [type(r), startNode(r).id, endNode(r).id, r.key]] AS idents "
        "ORDER BY size(ids), ids, idents "
        "LIMIT $limit "
        "WITH collect([ids, [r IN relationships(p) | elementId(r)]]) AS found, "
        "collect(relationships(p)) AS rels "
        "CALL (rels) { UNWIND rels AS rs UNWIND rs AS r WITH DISTINCT r RETURN "
        "collect([elementId(r), type(r), startNode(r).id, endNode(r).id, r.key, properties(r)]) AS edges } "
        "RETURN found, edges"
    )
