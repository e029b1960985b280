"""SQLite backend: WAL journal, FTS5 tables holding Warta's normalised tokens.

Each full-text table (``articles_fts``, ``quotes_fts``) has one column per normalised field
plus ``alt`` (alternative stems) and uses the owning row's ``n`` as its rowid. The text
FTS5 receives is already folded and stemmed, so its tokenizer has nothing left to do but
split it into the same words again, documents and queries alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text

from warta.store.dialect import FtsRow, Match
from warta.store.normalize import Query, Term
from warta.store.schema import tables

__all__ = ["SqliteDialect", "fts5_query"]

_TYPES = {"I": "INTEGER", "R": "REAL", "T": "TEXT"}
# field columns of each full-text table, in FtsRow.fields order, and their bm25 weights
_FTS = {
    "articles": (("title", "body"), (4.0, 1.0)),
    "quotes": (("text", "speaker"), (1.0, 2.0)),
}
_ALT_WEIGHT = 0.5


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _term(term: Term) -> str:
    star = "*" if term.prefix else ""
    options = [_quoted(c) + star for c in term.candidates]
    options += [_quoted(" ".join(p)) for p in term.phrases]
    return "(" + " OR ".join(options) + ")"


def fts5_query(query: Query) -> str:
    """An FTS5 MATCH expression: every term, each any of its candidate roots."""
    return " AND ".join(_term(t) for t in query.terms)


class SqliteDialect:
    """DDL and full-text SQL for SQLite (3.35 or later, with FTS5)."""

    name = "sqlite"
    desc_nulls_last = "DESC"  # NULL sorts first, so last when descending
    placeholder = ":{}"

    def ddl(self) -> Sequence[str]:
        out = tables(_TYPES)
        for table, (cols, _) in _FTS.items():
            columns = ", ".join((*cols, "alt"))
            out.append(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts USING fts5({columns}, "
                "tokenize = 'unicode61 remove_diacritics 0')"
            )
        return out

    def index(self, conn: Connection, table: str, rows: Sequence[FtsRow]) -> None:
        cols, _ = _FTS[table]
        names = ", ".join((*cols, "alt"))
        binds = ", ".join(f":{c}" for c in (*cols, "alt"))
        params = []
        for row in rows:
            values = {c: f.text for c, f in zip(cols, row.fields, strict=True)}
            alts = dict.fromkeys(a for f in row.fields for a in f.alternatives)
            params.append({"n": row.n, **values, "alt": " ".join(alts)})
        if params:
            sql = f"INSERT INTO {table}_fts (rowid, {names}) VALUES (:n, {binds})"
            conn.execute(text(sql), params)

    def unindex(self, conn: Connection, table: str, keys: Sequence[int]) -> None:
        if keys:
            sql = f"DELETE FROM {table}_fts WHERE rowid = :n"
            conn.execute(text(sql), [{"n": k} for k in keys])

    def clear(self, conn: Connection, table: str) -> None:
        conn.execute(text(f"DELETE FROM {table}_fts"))

    def match(self, table: str, alias: str, query: Query) -> Match:
        _, weights = _FTS[table]
        args = ", ".join(str(w) for w in (*weights, _ALT_WEIGHT))
        return Match(
            joins=f"JOIN {table}_fts ON {table}_fts.rowid = {alias}.n",
            where=f"{table}_fts MATCH :match",
            score=f"bm25({table}_fts, {args})",
            param=fts5_query(query),
        )
