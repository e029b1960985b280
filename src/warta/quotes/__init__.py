"""Quotes: direct and indirect quotations with their speakers."""

from __future__ import annotations

from dataclasses import dataclass

from warta.records import Article, Quote

__all__ = ["QuoteResources", "find_quotes"]


@dataclass(frozen=True)
class QuoteResources:
    @classmethod
    def load(cls) -> QuoteResources:
        return cls()


def find_quotes(article: Article, res: QuoteResources) -> tuple[Quote, ...]:
    return ()  # TEMPORARY placeholder until the quote stage lands
