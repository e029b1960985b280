"""Fixtures for the quote tests: the compiled cue words, loaded once."""

from __future__ import annotations

import pytest

from warta.quotes import QuoteResources


@pytest.fixture(scope="session")
def res() -> QuoteResources:
    return QuoteResources.load()
