"""The store: one class over SQLite or PostgreSQL, writing records and answering queries.

Writing is idempotent by article id: each record's JSON has a digest, an article whose
digest is unchanged is skipped, and a changed one has all its rows (entities, quotes,
events, full-text entries) deleted and written again in the same transaction. One writer
at a time is assumed (the runner, or the API's token-guarded POST behind a lock).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, text
from sqlalchemy.exc import SQLAlchemyError

from warta.records import Article
from warta.store.dialect import Dialect, FtsRow
from warta.store.filters import ArticleFilter, EntityFilter, EventFilter, QuoteFilter, Where
from warta.store.normalize import Normalizer, Query, Snippet
from warta.store.rows import ArticleRows, flatten
from warta.store.schema import SCHEMA_VERSION, TABLES

__all__ = ["Page", "Store", "StoreError"]

_LEAD_CHARS = 200
_CHUNK = 500  # ids per IN (...) list: far below both backends' parameter limits
_ARTICLE_COLS = (
    "a.n, a.id, a.source, a.language, a.title, a.outlet, a.section, a.published, a.wire, "
    "a.n_entities, a.n_quotes, a.n_events"
)
_ARTICLE_REF = "a.id AS article_id, a.title AS article_title, a.published AS article_published, "
_ARTICLE_REF += "a.outlet AS article_outlet, a.language AS article_language"


class StoreError(Exception):
    """A database that cannot be opened or a record that cannot be stored, and why."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows and how many match in all."""

    total: int
    rows: list[dict[str, Any]]


def _expanding(name: str) -> Any:
    return bindparam(name, expanding=True)


def _in(conn: Connection, sql: str, values: Sequence[Any]) -> Any:
    """Run ``sql`` with ``:v`` expanded to ``values``; nothing at all when there are none."""
    if not values:
        return []
    return conn.execute(text(sql).bindparams(_expanding("v")), {"v": list(values)})


def _columns(table: str) -> tuple[str, ...]:
    return tuple(next(cols for name, cols in TABLES if name == table))


def _insert_sql(table: str, placeholder: str) -> str:
    cols = _columns(table)
    values = ", ".join(placeholder.format(c) for c in cols)
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({values})"


class Store:
    """Records in a database: :meth:`upsert` to write, the other methods to read."""

    def __init__(self, engine: Engine, dialect: Dialect, url: str) -> None:
        self.engine = engine
        self.dialect = dialect
        self.url = url
        self.normalizer = Normalizer.load()
        self.write_lock = threading.Lock()
        self._create()

    def _create(self) -> None:
        with self.engine.begin() as conn:
            for statement in self.dialect.ddl():
                conn.execute(text(statement))
            meta_rows = conn.execute(text("SELECT name, value FROM warta_meta"))
            found: dict[str, str] = {str(r.name): str(r.value) for r in meta_rows}
            if not found:
                meta = {"schema": SCHEMA_VERSION, "normalizer": self.normalizer.fingerprint}
                conn.execute(
                    text("INSERT INTO warta_meta (name, value) VALUES (:name, :value)"),
                    [{"name": k, "value": v} for k, v in meta.items()],
                )
                return
            if found.get("schema") != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.url}: written by another Warta version (schema "
                    f"{found.get('schema')}, this one reads {SCHEMA_VERSION}); "
                    "process into a new database"
                )
        if found.get("normalizer") != self.normalizer.fingerprint:
            self.reindex()

    def reindex(self) -> int:
        """Rebuild the full-text index from the stored texts (after the stemming rules
        changed); returns how many articles were indexed."""
        with self.write_lock, self.engine.begin() as conn:
            for table in ("articles", "quotes"):
                self.dialect.clear(conn, table)
            count = 0
            for rows in self._batches(conn, "SELECT n, title, text, language FROM articles"):
                count += len(rows)
                self.dialect.index(conn, "articles", [self._text_fts(r) for r in rows])
            sql = (
                "SELECT q.n, q.text, q.speaker_name, a.language FROM quotes q "
                "JOIN articles a ON a.n = q.article_n"
            )
            for rows in self._batches(conn, sql, "q.n"):
                self.dialect.index(conn, "quotes", [self._quote_fts(r) for r in rows])
            conn.execute(text("DELETE FROM warta_meta WHERE name = 'normalizer'"))
            conn.execute(
                text("INSERT INTO warta_meta (name, value) VALUES ('normalizer', :v)"),
                {"v": self.normalizer.fingerprint},
            )
        return count

    def _batches(
        self, conn: Connection, sql: str, key: str = "n"
    ) -> Iterator[list[dict[str, Any]]]:
        """The rows of ``sql`` in batches, in order of the integer column ``key``."""
        last = 0
        while True:
            page = conn.execute(
                text(f"{sql} WHERE {key} > :last ORDER BY {key} LIMIT {_CHUNK}"), {"last": last}
            )
            rows = [dict(r) for r in page.mappings()]
            if not rows:
                return
            yield rows
            last = int(rows[-1]["n"])

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def upsert(self, articles: Sequence[Article]) -> int:
        """Write records; returns how many were new or changed (unchanged ones are skipped)."""
        latest: dict[str, ArticleRows] = {}
        for article in articles:
            if not article.id:
                raise StoreError(f"record from {article.source} has no id")
            try:
                latest[article.id] = flatten(article)
            except (AttributeError, TypeError, ValueError) as exc:
                raise StoreError(f"record {article.id}: malformed ({exc})") from exc
        if not latest:
            return 0
        try:
            return self._write(latest)
        except SQLAlchemyError as exc:
            reason = str(exc).splitlines()[0]
            raise StoreError(f"{self.url}: writing {len(latest)} records failed: {reason}") from exc

    def _write(self, latest: dict[str, ArticleRows]) -> int:
        with self.write_lock, self.engine.begin() as conn:
            existing = self._existing(conn, list(latest))
            changed = [
                rows
                for id_, rows in latest.items()
                if existing.get(id_, (0, ""))[1] != rows.article["digest"]
            ]
            stale = [existing[r.article["id"]][0] for r in changed if r.article["id"] in existing]
            keys = self._delete(conn, stale)
            self._insert(conn, changed, {i: n for i, (n, _) in existing.items()})
            keys.update(e["key"] for rows in changed for e in rows.entities)
            self._refresh_entity_stats(conn, sorted(keys))
        return len(changed)

    def _existing(self, conn: Connection, ids: list[str]) -> dict[str, tuple[int, str]]:
        sql = text("SELECT id, n, digest FROM articles WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        found: dict[str, tuple[int, str]] = {}
        for i in range(0, len(ids), _CHUNK):
            for row in conn.execute(sql, {"ids": ids[i : i + _CHUNK]}):
                found[row.id] = (int(row.n), str(row.digest))
        return found

    def _delete(self, conn: Connection, ns: list[int]) -> set[str]:
        """Delete articles and all their rows; returns the entity keys they had."""
        keys: set[str] = set()
        for i in range(0, len(ns), _CHUNK):
            chunk = ns[i : i + _CHUNK]
            found = _in(conn, "SELECT DISTINCT key FROM entities WHERE article_n IN :v", chunk)
            keys.update(r.key for r in found)
            found = _in(conn, "SELECT n FROM quotes WHERE article_n IN :v", chunk)
            quote_ns = [int(r.n) for r in found]
            self.dialect.unindex(conn, "articles", chunk)
            self.dialect.unindex(conn, "quotes", quote_ns)
            _in(conn, "DELETE FROM quote_about WHERE quote_n IN :v", quote_ns)
            for table in ("quotes", "entities", "events"):
                _in(conn, f"DELETE FROM {table} WHERE article_n IN :v", chunk)
            _in(conn, "DELETE FROM articles WHERE n IN :v", chunk)
        return keys

    def _refresh_entity_stats(self, conn: Connection, keys: list[str]) -> None:
        """Recompute the summary rows of the given entity keys from the entity rows."""
        delete = text("DELETE FROM entity_stats WHERE key IN :keys")
        insert = text(
            "INSERT INTO entity_stats (key, name, type, actor, agent, kb, articles, mentions) "
            "SELECT key, MIN(name), MIN(type), MIN(actor), MIN(agent), MIN(kb), "
            "COUNT(DISTINCT article_n), SUM(n_mentions) FROM entities WHERE key IN :keys "
            "GROUP BY key"
        )
        for i in range(0, len(keys), _CHUNK):
            params = {"keys": keys[i : i + _CHUNK]}
            conn.execute(delete.bindparams(_expanding("keys")), params)
            conn.execute(insert.bindparams(_expanding("keys")), params)

    def _next(self, conn: Connection, table: str) -> int:
        return int(conn.execute(text(f"SELECT COALESCE(MAX(n), 0) FROM {table}")).scalar_one()) + 1

    def _insert(self, conn: Connection, batch: list[ArticleRows], old_n: dict[str, int]) -> None:
        if not batch:
            return
        next_a, next_q, next_e = (self._next(conn, t) for t in ("articles", "quotes", "events"))
        tables: dict[str, list[dict[str, Any]]] = {t: [] for t, _ in TABLES}
        fts: dict[str, list[FtsRow]] = {"articles": [], "quotes": []}
        for rows in batch:
            n = old_n.get(rows.article["id"])
            if n is None:
                n, next_a = next_a, next_a + 1
            tables["articles"].append({**rows.article, "n": n})
            fts["articles"].append(self._text_fts(tables["articles"][-1]))
            tables["entities"].extend({**e, "article_n": n} for e in rows.entities)
            quote_ns = list(range(next_q, next_q + len(rows.quotes)))
            next_q += len(rows.quotes)
            for qn, quote in zip(quote_ns, rows.quotes, strict=True):
                tables["quotes"].append({**quote, "n": qn, "article_n": n})
                lang = rows.article["language"]
                fts["quotes"].append(self._quote_fts({**tables["quotes"][-1], "language": lang}))
            tables["quote_about"].extend({"quote_n": quote_ns[i], "key": k} for i, k in rows.about)
            for event in rows.events:
                tables["events"].append({**event, "n": next_e, "article_n": n})
                next_e += 1
        for table, _ in TABLES:
            if tables[table]:
                # straight to the driver: SQLAlchemy's per-row parameter handling costs more
                # than the insert itself on a corpus
                sql = _insert_sql(table, self.dialect.placeholder)
                conn.exec_driver_sql(sql, tables[table])
        for table, fts_rows in fts.items():
            self.dialect.index(conn, table, fts_rows)

    def _text_fts(self, row: dict[str, Any]) -> FtsRow:
        lang, norm = row["language"], self.normalizer
        return FtsRow(row["n"], (norm.index(row["title"], lang), norm.index(row["text"], lang)))

    def _quote_fts(self, row: dict[str, Any]) -> FtsRow:
        lang, norm = row["language"], self.normalizer
        return FtsRow(
            row["n"], (norm.index(row["text"], lang), norm.index(row["speaker_name"], lang))
        )

    # -- reading -------------------------------------------------------------------------

    def _rows(self, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(text(sql), params).mappings()]

    def _scalar(self, sql: str, params: dict[str, Any]) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(text(sql), params).scalar() or 0)

    def _page(
        self, select: str, from_: str, where: Where, order: str, limit: int, offset: int
    ) -> Page:
        params = {**where.params, "limit": limit, "offset": offset}
        total = self._scalar(f"SELECT COUNT(*) FROM {from_}{where.sql()}", params)
        if total == 0 or offset >= total:
            return Page(total, [])
        sql = f"SELECT {select} FROM {from_}{where.sql()} ORDER BY {order}"
        sql += " LIMIT :limit OFFSET :offset"
        return Page(total, self._rows(sql, params))

    def _latest(self, alias: str) -> str:
        # Undated rows last; both columns descending, so an index on day (which holds n, the
        # rowid, too) serves the order on SQLite without sorting.
        return f"{alias}.day {self.dialect.desc_nulls_last}, {alias}.n DESC"

    def count(self) -> int:
        """How many articles the store holds."""
        return self._scalar("SELECT COUNT(*) FROM articles", {})

    def query(self, q: str | None) -> Query:
        """A user query parsed with this store's normaliser."""
        return self.normalizer.query(q)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One record exactly as written, or None."""
        rows = self._rows("SELECT record FROM articles WHERE id = :id", {"id": article_id})
        return json.loads(rows[0]["record"]) if rows else None

    def articles(self, f: ArticleFilter, limit: int = 20, offset: int = 0) -> Page:
        """Article metadata (no text); with ``f.q``, best match first and a snippet each."""
        where, from_, select, order = (
            f.where(),
            "articles a",
            _ARTICLE_COLS,
            self._latest("a"),
        )
        query = self.query(f.q)
        if (f.q or "").strip() and query.empty:
            return Page(0, [])  # punctuation only: nothing can match
        if not query.empty:
            m = self.dialect.match("articles", "a", query)
            from_ = f"articles a {m.joins}"
            where.add(m.where, match=m.param)
            select += f", a.text, {m.score} AS score"
            order = f"{m.score}, a.n"
        page = self._page(select, from_, where, order, limit, offset)
        for row in page.rows:
            if "text" in row:
                body = row.pop("text")
                found = self.normalizer.snippet(body, query, row["language"])
                # a hit in the title alone: the article's opening stands in
                row["snippet"] = found or Snippet(body[:_LEAD_CHARS], 0, ())
        return page

    def quotes(self, f: QuoteFilter, limit: int = 20, offset: int = 0) -> Page:
        """Quotes with their article; with ``f.q``, best match first."""
        where, from_ = f.where(), "quotes q JOIN articles a ON a.n = q.article_n"
        select = f"q.n, q.idx, q.data, q.speaker_key, {_ARTICLE_REF}"
        order = self._latest("q")
        query = self.query(f.q)
        if (f.q or "").strip() and query.empty:
            return Page(0, [])
        if not query.empty:
            m = self.dialect.match("quotes", "q", query)
            from_ += f" {m.joins}"
            where.add(m.where, match=m.param)
            select += f", {m.score} AS score"
            order = f"{m.score}, q.n"
        return self._page(select, from_, where, order, limit, offset)

    def events(self, f: EventFilter, limit: int = 20, offset: int = 0) -> Page:
        """Events with their article, latest first."""
        select = f"e.n, e.idx, e.data, e.day, e.source_key, e.target_key, {_ARTICLE_REF}"
        from_ = "events e JOIN articles a ON a.n = e.article_n"
        return self._page(select, from_, f.where(), self._latest("e"), limit, offset)

    def entities(self, f: EntityFilter, limit: int = 20, offset: int = 0) -> Page:
        """Entities grouped by cross-article key, most widely reported first."""
        order = "es.articles DESC, es.mentions DESC, es.key"
        return self._page("es.*", "entity_stats es", f.where(), order, limit, offset)

    def entity(self, key: str) -> dict[str, Any] | None:
        """One cross-article entity's summary and every name it was given, or None."""
        rows = self._rows("SELECT * FROM entity_stats WHERE key = :key", {"key": key})
        if not rows:
            return None
        names = self._rows(
            "SELECT DISTINCT name FROM entities WHERE key = :key ORDER BY name", {"key": key}
        )
        return {**rows[0], "names": [r["name"] for r in names]}

    def stats(self) -> dict[str, Any]:
        """Row counts and the range of publication days."""
        out: dict[str, Any] = {}
        for table in ("articles", "entities", "quotes", "events"):
            out[table] = self._scalar(f"SELECT COUNT(*) FROM {table}", {})
        out["entity_keys"] = self._scalar("SELECT COUNT(DISTINCT key) FROM entities", {})
        days = self._rows("SELECT MIN(day) AS first, MAX(day) AS last FROM articles", {})[0]
        out["first_day"], out["last_day"] = days["first"], days["last"]
        for col in ("outlet", "language"):
            rows = self._rows(
                f"SELECT {col} AS value, COUNT(*) AS count FROM articles WHERE {col} IS NOT NULL "
                f"GROUP BY {col} ORDER BY count DESC, {col}",
                {},
            )
            out[f"{col}s"] = {r["value"]: int(r["count"]) for r in rows}
        return out

    # -- aggregates ----------------------------------------------------------------------

    def events_by_day(self, f: EventFilter) -> list[dict[str, Any]]:
        """Event counts per day and quad class, days in order."""
        where = f.where()
        where.add("e.day IS NOT NULL")
        sql = (
            "SELECT e.day, e.quad, COUNT(*) AS count FROM events e "
            f"JOIN articles a ON a.n = e.article_n{where.sql()} GROUP BY e.day, e.quad "
            "ORDER BY e.day, e.quad"
        )
        return self._rows(sql, where.params)

    def events_by_root(self, f: EventFilter) -> list[dict[str, Any]]:
        """Event counts and mean Goldstein score per CAMEO root."""
        where = f.where()
        sql = (
            "SELECT e.root, MIN(e.quad) AS quad, COUNT(*) AS count, AVG(e.goldstein) AS goldstein "
            f"FROM events e JOIN articles a ON a.n = e.article_n{where.sql()} "
            "GROUP BY e.root ORDER BY e.root"
        )
        return self._rows(sql, where.params)

    def dyads(self, f: EventFilter, limit: int = 20, offset: int = 0) -> Page:
        """Who did what to whom: event counts per (source actor, target actor)."""
        where = f.where()
        group = "COALESCE(e.source_actor, ''), COALESCE(e.target_actor, '')"
        from_ = f"events e JOIN articles a ON a.n = e.article_n{where.sql()}"
        params = {**where.params, "limit": limit, "offset": offset}
        total = self._scalar(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {from_} GROUP BY {group}) d", params
        )
        sql = (
            "SELECT MIN(e.source_actor) AS source, MIN(e.target_actor) AS target, "
            "COUNT(*) AS count, AVG(e.goldstein) AS goldstein, "
            "SUM(CASE WHEN e.quad IN (1, 2) THEN 1 ELSE 0 END) AS cooperation, "
            f"SUM(CASE WHEN e.quad IN (3, 4) THEN 1 ELSE 0 END) AS conflict FROM {from_} "
            f"GROUP BY {group} ORDER BY count DESC, {group} LIMIT :limit OFFSET :offset"
        )
        return Page(total, self._rows(sql, params) if total else [])

    def top_speakers(self, f: QuoteFilter, limit: int = 20, offset: int = 0) -> Page:
        """Speakers by number of quotes, keyed by entity when linked, else by name."""
        where = f.where()
        where.add("(q.speaker_key IS NOT NULL OR q.speaker_name IS NOT NULL)")
        group = "COALESCE(q.speaker_key, q.speaker_name)"
        from_ = f"quotes q JOIN articles a ON a.n = q.article_n{where.sql()}"
        params = {**where.params, "limit": limit, "offset": offset}
        total = self._scalar(f"SELECT COUNT(DISTINCT {group}) FROM {from_}", params)
        sql = (
            "SELECT MIN(q.speaker_key) AS key, MIN(q.speaker_name) AS name, COUNT(*) AS quotes, "
            f"COUNT(DISTINCT q.article_n) AS articles FROM {from_} GROUP BY {group} "
            f"ORDER BY quotes DESC, {group} LIMIT :limit OFFSET :offset"
        )
        return Page(total, self._rows(sql, params) if total else [])

    # -- export --------------------------------------------------------------------------

    def iter_records(self, batch: int = 500) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every record with its store number, in store order, read in batches."""
        last = 0
        while True:
            rows = self._rows(
                "SELECT n, record FROM articles WHERE n > :last ORDER BY n LIMIT :batch",
                {"last": last, "batch": batch},
            )
            if not rows:
                return
            for row in rows:
                yield int(row["n"]), json.loads(row["record"])
            last = int(rows[-1]["n"])
