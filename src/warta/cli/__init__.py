"""The ``warta`` command line: thin commands that parse options and call the library."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="warta",
    help="Who said what, and who did what to whom, when: news articles to evidence-linked records.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score Warta's components on labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

# Each module registers its commands on ``app`` or ``eval_app`` when imported.
from warta.cli import eval_ner as _eval_ner  # noqa: E402,F401
from warta.cli import eval_plover as _eval_plover  # noqa: E402,F401
from warta.cli import export as _export  # noqa: E402,F401
from warta.cli import process as _process  # noqa: E402,F401
from warta.cli import serve as _serve  # noqa: E402,F401

__all__ = ["app", "eval_app"]
