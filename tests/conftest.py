"""Shared fixtures: the ../shared folder (skipped when absent), one pipeline per session,
and an empty store on each database backend."""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

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
def shared_scorer(shared_dir: Path) -> ModuleType:
    """``../shared/eval/score.py`` as a module (standard library only), loaded once."""
    spec = importlib.util.spec_from_file_location(
        "warta_shared_score", shared_dir / "eval" / "score.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """One pipeline for the whole run: its resources load once, as in production."""
    return Pipeline()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def _backend_url(kind: str, folder: Path) -> Iterator[str]:
    """An empty store's URL: a SQLite file in ``folder``, or a fresh PostgreSQL schema.

    PostgreSQL needs WARTA_TEST_PG_URL (``.ci/run`` sets it); without it the test skips,
    unless WARTA_REQUIRE_SERVICES=1 (CI), where it fails.
    """
    if kind == "sqlite":
        yield str(folder / "warta.db")
        return
    base = os.environ.get("WARTA_TEST_PG_URL")
    if not base:
        if os.environ.get("WARTA_REQUIRE_SERVICES") == "1":
            pytest.fail("WARTA_REQUIRE_SERVICES=1 but WARTA_TEST_PG_URL is not set")
        pytest.skip("needs PostgreSQL: set WARTA_TEST_PG_URL (.ci/run starts one)")
    import psycopg

    schema = f"warta_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store on each backend, for one test."""
    with _backend_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="module", params=BACKENDS)
def module_store_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """An empty store on each backend, shared by a module's read-only tests."""
    with _backend_url(request.param, tmp_path_factory.mktemp("store")) as url:
        yield url
