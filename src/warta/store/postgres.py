"""PostgreSQL backend: a ``tsv tsvector`` column with a GIN index on articles and quotes.

The tsvector is written from Warta's own normalised tokens as a literal (``'word':1,7``), not
through a text-search configuration, so PostgreSQL indexes exactly what SQLite indexes: the
first field's words weigh A, the rest D, and alternative stems are lexemes without
positions. Queries are tsquery literals built the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text

from warta.store.dialect import FtsRow, Match
from warta.store.normalize import Query, Term
from warta.store.schema import tables

__all__ = ["PostgresDialect", "tsquery", "tsvector"]

_TYPES = {"I": "BIGINT", "R": "DOUBLE PRECISION", "T": "TEXT"}
_MAX_POS = 16383  # PostgreSQL's largest tsvector position
_MAX_POSITIONS = 255  # positions kept per lexeme (PostgreSQL keeps 256)
_MAX_LEXEME = 512  # characters; PostgreSQL refuses lexemes over 2 KiB


def _lexeme(token: str) -> str:
    token = token[:_MAX_LEXEME]
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(row: FtsRow) -> str:
    """A tsvector literal: positions run on across fields; alternatives have none."""
    positions: dict[str, list[str]] = {}
    pos = 0
    for i, field in enumerate(row.fields):
        weight = "A" if i == 0 and len(row.fields) > 1 else ""
        for token in field.tokens:
            pos = min(pos + 1, _MAX_POS)
            seen = positions.setdefault(token, [])
            if len(seen) < _MAX_POSITIONS:
                seen.append(f"{pos}{weight}")
    parts = [f"{_lexeme(t)}:{','.join(p)}" for t, p in positions.items()]
    for field in row.fields:
        parts.extend(_lexeme(a) for a in field.alternatives if a not in positions)
    return " ".join(dict.fromkeys(parts))


def _term(term: Term) -> str:
    star = ":*" if term.prefix else ""
    options = [_lexeme(c) + star for c in term.candidates]
    options += ["(" + " <-> ".join(_lexeme(t) for t in p) + ")" for p in term.phrases]
    return "(" + " | ".join(options) + ")"


def tsquery(query: Query) -> str:
    """A tsquery literal: every term (AND), each any of its candidate roots (OR)."""
    return " & ".join(_term(t) for t in query.terms)


class PostgresDialect:
    """DDL and full-text SQL for PostgreSQL 13 or later."""

    name = "postgresql"
    desc_nulls_last = "DESC NULLS LAST"
    placeholder = "%({})s"

    def ddl(self) -> Sequence[str]:
        out = tables(_TYPES)
        for table in ("articles", "quotes"):
            out.append(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS tsv tsvector")
            out.append(f"CREATE INDEX IF NOT EXISTS ix_{table}_tsv ON {table} USING gin (tsv)")
        return out

    def index(self, conn: Connection, table: str, rows: Sequence[FtsRow]) -> None:
        if rows:
            sql = f"UPDATE {table} SET tsv = CAST(:tsv AS tsvector) WHERE n = :n"
            conn.execute(text(sql), [{"n": r.n, "tsv": tsvector(r)} for r in rows])

    def unindex(self, conn: Connection, table: str, keys: Sequence[int]) -> None:
        return None  # the tsv column goes with its row

    def clear(self, conn: Connection, table: str) -> None:
        conn.execute(text(f"UPDATE {table} SET tsv = NULL"))

    def match(self, table: str, alias: str, query: Query) -> Match:
        return Match(
            joins="",
            where=f"{alias}.tsv @@ CAST(:match AS tsquery)",
            score=f"-ts_rank({alias}.tsv, CAST(:match AS tsquery))",
            param=tsquery(query),
        )
