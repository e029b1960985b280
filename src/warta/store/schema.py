"""The logical schema, shared by SQLite and PostgreSQL (each fills in its own types).

``articles`` holds the full record JSON (``record``) so the API returns exactly the
contract; ``entities``, ``quotes`` and ``events`` hold one row per item with flat columns to
filter and count on, quotes and events also their contract JSON in ``data``.
``quote_about`` links a quote to the entities mentioned inside it; ``entity_stats`` keeps
one summary row per cross-article entity key, recomputed for the keys each write touches.
Rows are keyed by integers the store assigns (``n``), which are also the full-text index's
row ids. Every article's rows are replaced together. Long text columns come last: SQLite then
reads a row's short columns without walking the text's overflow pages.
"""

from __future__ import annotations

__all__ = ["SCHEMA_VERSION", "TABLES", "tables"]

SCHEMA_VERSION = "2"

# (table, {column: type}) in creation order; types: I integer, R real, T text.
TABLES: tuple[tuple[str, dict[str, str]], ...] = (
    (
        "articles",
        {
            "n": "I", "id": "T", "digest": "T", "source": "T", "source_path": "T",
            "source_url": "T", "language": "T", "title": "T", "outlet": "T", "section": "T",
            "published": "T", "day": "T", "wire": "T", "n_entities": "I", "n_quotes": "I",
            "n_events": "I", "headings": "T", "text": "T", "record": "T",
        },
    ),
    (
        "entities",
        {
            "article_n": "I", "eid": "T", "key": "T", "name": "T", "type": "T", "actor": "T",
            "agent": "T", "kb": "T", "n_mentions": "I",
        },
    ),
    (
        "quotes",
        {
            "n": "I", "article_n": "I", "idx": "I", "kind": "T", "speaker_name": "T",
            "speaker_key": "T", "day": "T", "text": "T", "data": "T",
        },
    ),
    ("quote_about", {"quote_n": "I", "key": "T"}),
    (
        "entity_stats",
        {
            "key": "T", "name": "T", "type": "T", "actor": "T", "agent": "T", "kb": "T",
            "articles": "I", "mentions": "I",
        },
    ),
    (
        "events",
        {
            "n": "I", "article_n": "I", "idx": "I", "code": "T", "base": "T", "root": "T",
            "quad": "I", "goldstein": "R", "source_actor": "T", "source_agent": "T",
            "source_name": "T", "source_key": "T", "target_actor": "T", "target_agent": "T",
            "target_name": "T", "target_key": "T", "day": "T", "location_country": "T",
            "data": "T",
        },
    ),
)  # fmt: skip

_KEYS = {
    "articles": "PRIMARY KEY (n), UNIQUE (id)",
    "entities": "PRIMARY KEY (article_n, eid)",
    "quotes": "PRIMARY KEY (n)",
    "quote_about": "PRIMARY KEY (quote_n, key)",
    "entity_stats": "PRIMARY KEY (key)",
    "events": "PRIMARY KEY (n)",
}
_NOT_NULL = {"n", "id", "digest", "record", "text", "article_n", "idx", "eid", "key", "data"}

_INDEXES = (
    "articles (day)",
    "articles (outlet)",
    "entities (key)",
    "entities (type)",
    "entities (actor)",
    "quotes (article_n)",
    "quotes (speaker_key)",
    "quotes (day)",
    "quote_about (key)",
    "entity_stats (articles)",
    "entity_stats (type)",
    "entity_stats (actor)",
    "events (article_n)",
    "events (day)",
    "events (root)",
    "events (source_actor)",
    "events (target_actor)",
    "events (source_key)",
    "events (target_key)",
)


def tables(types: dict[str, str]) -> list[str]:
    """CREATE TABLE/INDEX statements, with ``types`` mapping I/R/T to the backend's types."""
    out = [
        "CREATE TABLE IF NOT EXISTS warta_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ]
    for table, columns in TABLES:
        cols = ", ".join(
            f"{col} {types[kind]}{' NOT NULL' if col in _NOT_NULL else ''}"
            for col, kind in columns.items()
        )
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({cols}, {_KEYS[table]})")
    for spec in _INDEXES:
        table, col = spec.split(" ", 1)
        name = f"ix_{table}_{col.strip('()')}"
        out.append(f"CREATE INDEX IF NOT EXISTS {name} ON {spec}")
    return out
