"""Where records are kept: SQLite (default, WAL) or PostgreSQL, one schema, one interface.

``open_store("warta.db")`` or ``open_store("sqlite:///warta.db")`` opens SQLite;
``open_store("postgresql://user:pw@host/db")`` opens PostgreSQL through psycopg 3. Writing
is idempotent by article id (:meth:`Store.upsert`); full-text search uses FTS5 or tsvector
over Warta's own language-aware normalisation (:mod:`warta.store.normalize`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from warta.store.base import Page, Store, StoreError
from warta.store.filters import ArticleFilter, EntityFilter, EventFilter, QuoteFilter
from warta.store.postgres import PostgresDialect
from warta.store.rows import entity_key
from warta.store.sqlite import SqliteDialect

__all__ = [
    "ArticleFilter",
    "EntityFilter",
    "EventFilter",
    "Page",
    "QuoteFilter",
    "Store",
    "StoreError",
    "entity_key",
    "open_store",
]


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    # WAL lets the API read while the runner writes; NORMAL sync is safe under WAL.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _open_sqlite(url: str) -> Store:
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
    memory = path in ("", ":memory:")
    if not memory:
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"{url}: folder {parent} does not exist")
    engine = create_engine(
        "sqlite://" if memory else f"sqlite:///{Path(path).expanduser()}",
        connect_args={"check_same_thread": False},
        poolclass=StaticPool if memory else None,
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    return Store(engine, SqliteDialect(), url)


def _open_postgres(url: str) -> Store:
    try:
        parsed = make_url(url).set(drivername="postgresql+psycopg")
    except ArgumentError as exc:
        raise StoreError(f"{_safe(url)}: not a database URL ({exc})") from exc
    engine = create_engine(parsed, pool_pre_ping=True)
    return Store(engine, PostgresDialect(), _safe(url))


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True) if "://" in url else url
    except ArgumentError:
        return url


def open_store(url: str) -> Store:
    """Open (creating tables if needed) the store at a path or database URL.

    Raises:
        StoreError: the URL names an unknown backend, or the database cannot be reached.
    """
    scheme = url.split("://", 1)[0] if "://" in url else ""
    try:
        if scheme in ("", "sqlite"):
            return _open_sqlite(url)
        if scheme.split("+")[0] in ("postgresql", "postgres"):
            return _open_postgres(url)
    except SQLAlchemyError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else ""
        raise StoreError(f"cannot open store {_safe(url)}: {type(exc).__name__}: {reason}") from exc
    raise StoreError(
        f"{_safe(url)}: unknown database (use a file path, sqlite:/// or postgresql://)"
    )
