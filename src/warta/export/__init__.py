"""Exports from the store: ``jsonl`` (the records), ``csv`` and ``parquet`` (one flat table:
articles, entities, quotes or events) and ``gdelt`` (the GDELT 2.0 event table).

All read the store in batches and write as they go, so a large store never sits in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from warta.export.gdelt import GDELT_COLUMNS, gdelt_rows
from warta.export.tables import TABLES, table_rows
from warta.store import Store

__all__ = ["FORMATS", "TABLES", "ExportError", "export"]

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
_ARROW = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
_PARQUET_BATCH = 5_000


class ExportError(Exception):
    """An export that cannot be written (unknown format or table, unwritable file)."""


def _records(store: Store) -> Iterator[dict[str, Any]]:
    return (record for _, record in store.iter_records())


def _jsonl(store: Store, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for record in _records(store):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _csv(store: Store, out: Path, table: str) -> int:
    count = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(TABLES[table]))
        writer.writeheader()
        for row in table_rows(table, _records(store)):
            writer.writerow(row)
            count += 1
    return count


def _parquet(store: Store, out: Path, table: str) -> int:
    schema = pa.schema([(name, _ARROW[kind]) for name, kind in TABLES[table].items()])
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in table_rows(table, _records(store)):
            batch.append(row)
            if len(batch) >= _PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        # An empty export still writes a file with the schema.
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count + len(batch)


def _gdelt(store: Store, out: Path, header: bool) -> int:
    count = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        if header:
            fh.write("\t".join(GDELT_COLUMNS) + "\n")
        for row in gdelt_rows(store.iter_records()):
            fh.write("\t".join(row) + "\n")
            count += 1
    return count


def export(
    store: Store, fmt: str, out: Path, *, table: str = "events", header: bool = False
) -> int:
    """Write the store to ``out`` in ``fmt``; returns the number of rows (records) written.

    ``table`` picks the table for csv and parquet; ``header`` adds column names to gdelt
    (GDELT's own files have none).

    Raises:
        ExportError: unknown format or table, or ``out`` cannot be written.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt in ("csv", "parquet") and table not in TABLES:
        raise ExportError(f"unknown table {table!r} (choose from {', '.join(TABLES)})")
    try:
        if fmt == "jsonl":
            return _jsonl(store, out)
        if fmt == "csv":
            return _csv(store, out, table)
        if fmt == "parquet":
            return _parquet(store, out, table)
        return _gdelt(store, out, header)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
