"""``warta eval plover PATH``: the English event coder on PLOVER's gold records, as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from warta.cli import eval_app
from warta.evaluate.plover import PloverRecord, evaluate_records, load_mapping, load_records
from warta.ingest.document import RawDocument
from warta.records import Event, Source


def _default_mapping(path: Path) -> Path | None:
    folder = path if path.is_dir() else path.parent
    found = sorted(folder.parent.glob("CAMEO2PLOVER*.txt"))
    return found[-1] if found else None


@eval_app.command("plover")
def eval_plover(
    path: Annotated[Path, typer.Argument(help="PLOVER gold-standard records (file or folder).")],
    mapping: Annotated[
        Path | None,
        typer.Option("--mapping", help="CAMEO2PLOVER table (default: beside the records)."),
    ] = None,
    dictionaries: Annotated[
        list[Path] | None,
        typer.Option("--dictionaries", help="PETRARCH verb dictionary file or folder."),
    ] = None,
) -> None:
    """Print how many records the coder gets right (event family, source, target) as JSON."""
    from warta.pipeline import Pipeline, PipelineConfig  # heavy: only when the command runs

    try:
        records = load_records(path)
        table = load_mapping(mapping or _default_mapping(path))
        pipe = Pipeline(PipelineConfig(dictionary_paths=tuple(dictionaries or ())))
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc

    def code(rec: PloverRecord) -> Sequence[Event]:
        raw = RawDocument(
            Source(path=rec.id), rec.text, is_page_text=False, language="en", doc_id=rec.id
        )
        return pipe.run(raw).events

    result = evaluate_records(records, code, table)
    typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
