"""Quotes: direct and indirect quotations with their speakers resolved to entities.

``QuoteResources.load()`` compiles every language's cue words once; ``find_quotes`` reads one
article (its text, language and entities) and returns its quotations in text order.
"""

from __future__ import annotations

from warta.quotes.extract import find_quotes
from warta.quotes.resources import QuoteResources

__all__ = ["QuoteResources", "find_quotes"]
