"""The two graph stores and :func:`open_store`, which picks one from the settings.

``NetworkxStore`` (embedded default) keeps the graph in memory and persists it as Parquet in
``settings.graph_dir``; ``Neo4jStore`` talks to a Neo4j server over Bolt. With ``store=neo4j``
and no ``CHIPWATCH_NEO4J_URI``, the workspace's own local server (``chipwatch neo4j start``) is
used. Both implement :class:`graph.store.GraphStore` plus two extensions: ``delete_nodes(kind,
ids)`` and (networkx) ``to_networkx()``.
"""

from __future__ import annotations

from chipwatch.settings import Settings, StoreKind
from graph.store import GraphStore
from graph.stores.networkx_store import NetworkxStore

__all__ = ["NetworkxStore", "open_store"]


def open_store(settings: Settings) -> GraphStore:
    """The store the settings name, opened (Parquet loaded / Neo4j connected and schema ensured)."""
    if settings.store is StoreKind.NEO4J:
        from chipwatch import neo4j_server
        from graph.stores.neo4j_store import Neo4jStore

        effective = neo4j_server.effective_neo4j_settings(settings)
        # The workspace's own server (whose database files are here): a first load into its empty
        # database may use the offline importer.
        local = settings if neo4j_server.serves(settings, effective.neo4j_uri) else None
        return Neo4jStore.from_settings(effective, local_server=local)
    return NetworkxStore(settings.graph_dir)
