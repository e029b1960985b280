"""The runner: read inputs, run the pipeline, write JSONL and/or a store, report the run.

One writer takes results from one iterator of ``Article | ReadFailure | StageFailure``,
whether they come from this process (``Pipeline.run_many``) or from workers
(``warta.scale.process_parallel``), so output and accounting are the same either way.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from warta.ingest import ReadFailure, iter_documents
from warta.pipeline import Pipeline, PipelineConfig, StageFailure
from warta.records import Article, record_to_dict

__all__ = ["RunOptions", "RunSummary", "default_errors_path", "iter_results", "run"]

Result = Article | ReadFailure | StageFailure
STORE_BATCH = 500


class _Store(Protocol):
    def upsert(self, articles: list[Article]) -> Any: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Everything one run needs; ``output`` None (and no ``db``) writes JSONL to stdout."""

    inputs: tuple[str, ...]
    output: Path | None = None
    db: str | None = None
    errors: Path | None = None
    workers: int = 1
    scheduler: str | None = None
    use_dask: bool = False
    kb_paths: tuple[Path, ...] = ()
    dictionary_paths: tuple[Path, ...] = ()
    progress: bool = True


@dataclass(slots=True)
class RunSummary:
    """What a run did: articles written, failures by reason, time and throughput."""

    written: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    errors_path: Path | None = None

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    @property
    def articles_per_s(self) -> float:
        return self.written / self.seconds if self.seconds > 0 else 0.0

    @property
    def ok(self) -> bool:
        return self.failed == 0


def default_errors_path(options: RunOptions) -> Path | None:
    """Where failures go when ``--errors`` is not given (None: only if something fails)."""
    if options.errors is not None:
        return options.errors
    if options.output is not None and str(options.output) != "-":
        return options.output.with_name(
            options.output.name.removesuffix(".jsonl") + ".errors.jsonl"
        )
    if options.db is not None:
        if options.db.startswith("sqlite:///"):
            return Path(options.db.removeprefix("sqlite:///")).parent / "warta-errors.jsonl"
        if "://" not in options.db:  # a plain SQLite file path
            return Path(options.db).parent / "warta-errors.jsonl"
        return Path("warta-errors.jsonl")  # a server database: the current folder
    return None


def iter_results(options: RunOptions) -> Iterator[Result]:
    """Results of every input, from this process or from workers as the options say."""
    config = PipelineConfig(kb_paths=options.kb_paths, dictionary_paths=options.dictionary_paths)
    if options.workers > 1 or options.scheduler or options.use_dask:
        from warta.scale import process_parallel  # only parallel runs need the scale stack

        yield from process_parallel(
            options.inputs,
            config,
            workers=options.workers,
            scheduler=options.scheduler,
            use_dask=options.use_dask,
        )
    else:
        yield from Pipeline(config).run_many(iter_documents(options.inputs))


def _failure_row(item: ReadFailure | StageFailure) -> dict[str, str]:
    if isinstance(item, ReadFailure):
        return {"input": item.input, "reason": item.reason, "detail": item.detail}
    return {"input": item.input, "reason": f"{item.stage} failed", "detail": item.reason}


class _Writer:
    """The single writer: JSONL lines, store batches, and the errors file, opened lazily."""

    def __init__(self, options: RunOptions, stack: ExitStack, summary: RunSummary) -> None:
        self.summary = summary
        self.stack = stack
        self.out: IO[str] | None = None
        if options.output is not None and str(options.output) != "-":
            options.output.parent.mkdir(parents=True, exist_ok=True)
            self.out = stack.enter_context(options.output.open("w", encoding="utf-8"))
        elif options.db is None:
            self.out = sys.stdout
        self.store: _Store | None = None
        if options.db is not None:
            from warta.store import open_store  # only database runs need SQLAlchemy

            self.store = open_store(options.db)
            stack.callback(self.store.close)
        self.batch: list[Article] = []
        self.errors_path = default_errors_path(options)
        self.errors: IO[str] | None = None
        if self.errors_path is not None and options.errors is None and self.out is not sys.stdout:
            self._open_errors()  # a fresh (empty) errors file beside a fresh output

    def _open_errors(self) -> IO[str]:
        if self.errors is None:
            path = self.errors_path or Path("warta-errors.jsonl")
            path.parent.mkdir(parents=True, exist_ok=True)
            self.errors = self.stack.enter_context(path.open("w", encoding="utf-8"))
            self.summary.errors_path = path
        return self.errors

    def add(self, item: Result) -> None:
        if isinstance(item, Article):
            if self.out is not None:
                self.out.write(json.dumps(record_to_dict(item), ensure_ascii=False) + "\n")
            if self.store is not None:
                self.batch.append(item)
                if len(self.batch) >= STORE_BATCH:
                    self.flush()
            self.summary.written += 1
            return
        row = _failure_row(item)
        self.summary.failures[row["reason"]] += 1
        self._open_errors().write(json.dumps(row, ensure_ascii=False) + "\n")

    def flush(self) -> None:
        if self.store is not None and self.batch:
            self.store.upsert(self.batch)
            self.batch = []


def run(options: RunOptions) -> RunSummary:
    """Process every input; write records and failures; print a summary to stderr."""
    console = Console(stderr=True)
    summary = RunSummary()
    started = time.perf_counter()
    with ExitStack() as stack:
        writer = _Writer(options, stack, summary)
        show = options.progress and console.is_terminal
        with _progress(console, show) as bar:
            task = bar.add_task("processing", total=None)
            for item in iter_results(options):
                writer.add(item)
                bar.update(task, advance=1)
        writer.flush()
    summary.seconds = time.perf_counter() - started
    print_summary(summary, console)
    return summary


def _progress(console: Console, show: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        console=console,
        disable=not show,
        transient=True,
    )


def print_summary(summary: RunSummary, console: Console) -> None:
    """The end-of-run table: written, failed by reason, time, throughput."""
    table = Table(title="warta process", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("value", overflow="fold")
    table.add_row("articles written", f"{summary.written:,}")
    table.add_row("failures", f"{summary.failed:,}")
    for reason, count in summary.failures.most_common():
        table.add_row(f"  {reason}", f"{count:,}")
    table.add_row("time", f"{summary.seconds:.2f} s")
    table.add_row("articles/s", f"{summary.articles_per_s:,.1f}")
    if summary.errors_path is not None and summary.failed:
        table.add_row("errors file", str(summary.errors_path))
    console.print(table)
