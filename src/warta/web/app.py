"""The web application: the JSON API, its OpenAPI description, and the dashboard when present.

``create_app(store_url)`` opens the store once and keeps it on ``app.state.store``; the
dashboard (``warta.web.pages``, with assets under ``web/static``) is mounted when that
module exists. Nothing is loaded from a CDN: FastAPI's Swagger and ReDoc pages (which
fetch their scripts from one) are off, ``/openapi.json`` stays, and ``/docs`` is a plain
server-written list of the endpoints.
"""

from __future__ import annotations

import html
import importlib
import importlib.util
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from warta.store import open_store
from warta.web import api

__all__ = ["create_app"]

_STATIC = Path(__file__).resolve().parent / "static"


def _params(operation: dict[str, Any]) -> str:
    names = [
        f"{p['name']}{'' if p.get('required') else '?'}"
        for p in operation.get("parameters", [])
        if p.get("in") == "query"
    ]
    return ", ".join(names)


def _docs_page(app: FastAPI) -> str:
    """Every API route with its summary and query parameters, as escaped HTML."""
    rows = []
    for path, ops in sorted(app.openapi().get("paths", {}).items()):
        for method, op in ops.items():
            rows.append(
                f"<tr><td>{html.escape(method.upper())}</td><td><code>{html.escape(path)}</code>"
                f"</td><td>{html.escape(op.get('summary', ''))}</td>"
                f"<td><code>{html.escape(_params(op))}</code></td></tr>"
            )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Warta API</title>'
        "</head><body><h1>Warta API</h1><p>Machine-readable description: "
        '<a href="/openapi.json">/openapi.json</a>. Lists take <code>limit</code> and '
        "<code>offset</code> and answer <code>{total, limit, offset, items}</code>.</p>"
        "<table><thead><tr><th>Method</th><th>Path</th><th>What</th><th>Query</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table></body></html>"
    )


def _mount_dashboard(app: FastAPI) -> None:
    # The dashboard is a separate module; the API works without it.
    if importlib.util.find_spec("warta.web.pages") is None:
        return
    pages = importlib.import_module("warta.web.pages")
    app.include_router(pages.router)
    if _STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=_STATIC), name="static")


def create_app(store_url: str, *, write_token: str | None = None) -> FastAPI:
    """The Warta web app over the store at ``store_url`` (a path or database URL).

    ``write_token`` (or the ``WARTA_WRITE_TOKEN`` environment variable) enables
    ``POST /api/articles``; without one the API is read-only.
    """
    store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="Warta",
        summary="Who said what, and who did what to whom, when: records from news articles.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.write_token = write_token or os.environ.get("WARTA_WRITE_TOKEN") or None
    app.include_router(api.router)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> str:
        return _docs_page(app)

    _mount_dashboard(app)
    return app
