"""``warta eval ner PATH``: span F1 of the NER tagger on a CoNLL-style test file, as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from warta.cli import eval_app
from warta.entities.conll import ConllError
from warta.entities.model import NerModel
from warta.evaluate.ner import evaluate_file


@eval_app.command("ner")
def eval_ner(
    path: Annotated[Path, typer.Argument(help="CoNLL file: token first, BIO tag last column.")],
    model: Annotated[
        Path | None,
        typer.Option(
            "--model", help="Model file to score (default: the per-corpus or pipeline model)."
        ),
    ] = None,
    cache: Annotated[
        Path | None, typer.Option("--cache", help="Where per-corpus models are cached.")
    ] = None,
) -> None:
    """Print per-type span F1, macro_f1 and micro_f1 (fractions) as JSON."""
    try:
        loaded = NerModel.load(model) if model else None
        result = evaluate_file(path, loaded, cache, log=lambda m: typer.echo(m, err=True))
    except (ConllError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
