"""``make demo``: process the bundled examples (and ../shared/corpus when present) into
SQLite, then serve the dashboard on 127.0.0.1 until Ctrl-C (``--no-serve`` to stop after
loading).

Kept as small steps (choose inputs, build the run's options, run, say where things went) so
that loading the records into a store and serving the dashboard are one more step each.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

from warta.runner import RunOptions, RunSummary, run

__all__ = ["demo_inputs", "demo_options", "main", "serve"]

REPO = Path(__file__).resolve().parents[2]


def demo_inputs(shared: Path | None) -> tuple[str, ...]:
    """The bundled examples, plus the shared corpus when that folder is present."""
    inputs = [os.path.relpath(REPO / "examples")]  # relative paths read better in records
    corpus = shared / "corpus" if shared is not None else None
    if corpus is not None and corpus.is_dir():
        inputs.append(str(corpus))
    return tuple(inputs)


def demo_options(
    shared: Path | None, out_dir: Path, *, workers: int = 1, db: str | None = None
) -> RunOptions:
    """The run the demo makes: records to ``out_dir/demo.jsonl`` (and ``db`` when given)."""
    return RunOptions(
        inputs=demo_inputs(shared),
        output=out_dir / "demo.jsonl",
        db=db,
        workers=workers,
    )


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m warta.demo", description=__doc__)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "out", help="output folder")
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument("--db", help="SQLite file to load (default: OUT/demo.db)")
    parser.add_argument("--host", default="127.0.0.1", help="dashboard address")
    parser.add_argument("--port", type=int, default=8000, help="dashboard port (busy: any free)")
    parser.add_argument("--no-serve", action="store_true", help="load the database and stop")
    return parser.parse_args(argv)


def _free_port(host: str, wanted: int) -> int:
    """``wanted`` when nothing listens there, else a port the system picks."""
    with socket.socket() as sock:
        try:
            sock.bind((host, wanted))
        except OSError:
            sock.bind((host, 0))
        return int(sock.getsockname()[1])


def serve(db: str, host: str, port: int) -> None:
    """Serve the dashboard and API over ``db`` until Ctrl-C."""
    import uvicorn  # only the serving step needs a server

    from warta.web.app import create_app

    port = _free_port(host, port)
    print(f"warta demo: dashboard at http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    db = args.db or str(args.out / "demo.db")
    args.out.mkdir(parents=True, exist_ok=True)
    options = demo_options(args.shared, args.out, workers=args.workers, db=db)
    print(f"warta demo: processing {', '.join(options.inputs)}", file=sys.stderr)
    summary: RunSummary = run(options)
    print(f"records: {options.output} and {db}", file=sys.stderr)
    if not args.no_serve:
        serve(db, args.host, args.port)
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
