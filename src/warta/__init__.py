"""Warta: news articles in, evidence-linked records out (who said what, who did what to whom).

The small public API::

    import warta

    pipeline = warta.Pipeline()              # loads every stage's resources once
    article = warta.process_text(text, url="https://...", pipeline=pipeline)
    for article in warta.process(["corpus/", "feed.xml"], pipeline=pipeline):
        print(warta.record_to_dict(article))

Without a ``pipeline`` argument each call builds its own, which is fine for one article and
wasteful for many. The names are imported on first use (PEP 562), so ``import warta.records``
or a worker importing one submodule does not pay for loading every stage's code.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warta.api import WartaError, process, process_file, process_text
    from warta.pipeline import Pipeline, PipelineConfig
    from warta.records import Article, record_to_dict

__all__ = [
    "Article",
    "Pipeline",
    "PipelineConfig",
    "WartaError",
    "process",
    "process_file",
    "process_text",
    "record_to_dict",
]

_HOMES = {
    "Article": "warta.records",
    "record_to_dict": "warta.records",
    "Pipeline": "warta.pipeline",
    "PipelineConfig": "warta.pipeline",
    "WartaError": "warta.api",
    "process": "warta.api",
    "process_file": "warta.api",
    "process_text": "warta.api",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'warta' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


def __dir__() -> list[str]:
    return sorted(__all__)
