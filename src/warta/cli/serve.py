"""``warta serve``: the API (and the dashboard, when installed) over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from warta.cli import app


@app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="SQLite path or postgresql:// URL.")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    write_token: Annotated[
        str | None,
        typer.Option(
            "--write-token",
            envvar="WARTA_WRITE_TOKEN",
            help="Bearer token that allows POST /api/articles (read-only without one).",
        ),
    ] = None,
) -> None:
    """Serve the JSON API (/api, /openapi.json, /docs) and the dashboard over a store."""
    import uvicorn  # a server dependency only this command needs

    from warta.store import StoreError
    from warta.web.app import create_app

    try:
        web_app = create_app(db, write_token=write_token)
    except StoreError as exc:
        typer.echo(f"warta serve: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    uvicorn.run(web_app, host=host, port=port, log_level="info")
