"""Shared fixtures: the ../shared folder (skipped when absent) and one pipeline per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from warta.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WARTA_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder; tests that need it skip on a fresh clone."""
    if not (SHARED / "CONTRACT.md").is_file():
        pytest.skip(f"needs the shared data folder at {SHARED} (absent on a fresh clone)")
    return SHARED


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """One pipeline for the whole run: its resources load once, as in production."""
    return Pipeline()
