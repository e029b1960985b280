"""``warta process``: read articles from anywhere and write their records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warta.cli import app
from warta.entities import EntityResources, KbError
from warta.runner import RunOptions, run


@app.command()
def process(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="JSONL to write.")] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="SQLite path or postgresql:// URL.")
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option("--errors", help="Where failures go (default: OUTPUT.errors.jsonl)."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Local worker processes.")
    ] = 1,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address, tcp://HOST:PORT.")
    ] = None,
    dask: Annotated[bool, typer.Option("--dask", help="Run on a local Dask cluster.")] = False,
    kb: Annotated[
        list[Path] | None, typer.Option("--kb", help="Extra knowledge-base file (YAML/CSV).")
    ] = None,
    dictionaries: Annotated[
        list[Path] | None,
        typer.Option("--dictionaries", help="PETRARCH/Phoenix dictionary file or folder."),
    ] = None,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")
    ] = True,
) -> None:
    """Process articles into records (JSONL and/or a database) and print a summary."""
    options = RunOptions(
        inputs=tuple(paths),
        output=output,
        db=db,
        errors=errors,
        workers=workers,
        scheduler=scheduler,
        use_dask=dask,
        kb_paths=tuple(kb or ()),
        dictionary_paths=tuple(dictionaries or ()),
        progress=progress,
    )
    try:
        _check_user_files(options)
        summary = run(options)
    except KbError as exc:  # a --kb or --dictionaries file: name it and the reason, no trace
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from None
    raise typer.Exit(code=0 if summary.ok else 1)


def _check_user_files(options: RunOptions) -> None:
    """Parallel workers each read the user's knowledge-base and dictionary files, where a bad
    one would only crash them: read them here first (a serial run reads them once, in ``run``)."""
    parallel = options.workers > 1 or options.scheduler or options.use_dask
    if parallel and (options.kb_paths or options.dictionary_paths):
        EntityResources.load(options.kb_paths, options.dictionary_paths, use_model=False)
