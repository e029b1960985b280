"""``warta export``: a store's records as JSONL, CSV, Parquet or a GDELT 2.0 event table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warta.cli import app


@app.command()
def export(
    db: Annotated[str, typer.Option("--db", help="SQLite path or postgresql:// URL.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, csv, parquet or gdelt.")
    ] = "jsonl",
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")] = Path(
        "warta-export.jsonl"
    ),
    table: Annotated[
        str,
        typer.Option("--table", help="For csv/parquet: articles, entities, quotes or events."),
    ] = "events",
    header: Annotated[
        bool, typer.Option("--header/--no-header", help="Column names in gdelt output.")
    ] = False,
) -> None:
    """Export every record in a store; prints how many rows were written."""
    from warta.export import ExportError
    from warta.export import export as run_export
    from warta.store import StoreError, open_store

    try:
        with open_store(db) as store:
            count = run_export(store, fmt, output, table=table, header=header)
    except (StoreError, ExportError) as exc:
        typer.echo(f"warta export: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    typer.echo(f"wrote {count} rows to {output}")
