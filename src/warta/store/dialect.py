"""What differs between the backends: DDL, full-text indexing, and full-text matching.

The logical schema is the same on both (see ``schema``); each backend supplies its column
types, how a document's normalised tokens reach its full-text index, and the SQL pieces
that match a parsed :class:`~warta.store.normalize.Query` and rank the hits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Connection

from warta.store.normalize import Indexed, Query

__all__ = ["Dialect", "FtsRow", "Match"]


@dataclass(frozen=True, slots=True)
class FtsRow:
    """One row to index: its integer key and its normalised fields (first weighs most)."""

    n: int
    fields: tuple[Indexed, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """SQL pieces for a full-text match over ``table`` aliased as ``alias``.

    ``joins`` goes after ``FROM table alias``; ``where`` is a boolean expression; ``score``
    orders best first when sorted ascending. All use the bind parameter ``:match``.
    """

    joins: str
    where: str
    score: str
    param: str


class Dialect(Protocol):
    """The backend-specific half of the store."""

    name: str
    # the driver's named parameter style, for str.format with the column name
    placeholder: str
    # descending order with NULLs last (the backends disagree on the default)
    desc_nulls_last: str

    def ddl(self) -> Sequence[str]: ...

    def index(self, conn: Connection, table: str, rows: Sequence[FtsRow]) -> None: ...

    def unindex(self, conn: Connection, table: str, keys: Sequence[int]) -> None: ...

    def clear(self, conn: Connection, table: str) -> None: ...

    def match(self, table: str, alias: str, query: Query) -> Match: ...
