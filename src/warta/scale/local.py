"""Local worker processes: a process pool whose every process builds the pipeline once.

Partitions stream through a bounded window (a few per worker), results come back in
partition order, and a partition that fails, or was running when a worker process died, is
retried once on its own so that a crash is pinned on the partition that caused it.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from warta.pipeline import Pipeline, PipelineConfig
from warta.scale.work import Item, Reader, lost_partition, run_partition

__all__ = ["run_local"]

# The pipeline of *this worker process*, set once by the pool's initializer. A process pool
# has no other place to keep per-process state between tasks; the driver never touches it.
_WORKER_PIPELINE: list[Pipeline] = []

_MAX_ATTEMPTS = 2
_MAX_RESTARTS = 3
_END = object()


def _init_worker(config: PipelineConfig) -> None:
    _WORKER_PIPELINE[:] = [Pipeline(config)]


def _task(partition: Any, reader: Reader) -> list[Item]:
    return run_partition(_WORKER_PIPELINE[0], partition, reader)


@dataclass(slots=True)
class _Job:
    partition: Any
    attempt: int
    future: Future[list[Item]]

    def succeeded(self) -> bool:
        return self.future.done() and self.future.exception() is None


class _Pool:
    """A fork-server process pool that can be replaced when one of its processes dies."""

    def __init__(self, config: PipelineConfig, workers: int, reader: Reader) -> None:
        self._config = config
        self._workers = workers
        self._reader = reader
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # Not fork: the driver may already run threads (a progress bar, Dask). A fork server
        # that has imported the pipeline once starts each worker in milliseconds, where spawn
        # would import numpy and every stage again in every worker.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["warta.pipeline"])
        return ProcessPoolExecutor(
            self._workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self._config,),
        )

    def submit(self, partition: Any, attempt: int) -> _Job:
        try:
            future = self._executor.submit(_task, partition, self._reader)
        except BrokenProcessPool as exc:
            # A process died since the last look: fail this job the way its peers fail, so the
            # driver restarts the pool once and retries them all.
            future = Future()
            future.set_exception(exc)
        return _Job(partition, attempt, future)

    def restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def run_local(
    partitions: Iterable[Any],
    config: PipelineConfig,
    *,
    workers: int,
    reader: Reader,
    window: int | None = None,
) -> Iterator[Item]:
    """Every item of every partition, processed on ``workers`` local processes."""
    pool = _Pool(config, workers, reader)
    try:
        yield from _Driver(pool, iter(partitions), window or 2 * workers).run()
    finally:
        pool.close()


class _Driver:
    """Feeds partitions to the pool in a bounded window and collects results in order."""

    def __init__(self, pool: _Pool, todo: Iterator[Any], limit: int) -> None:
        self.pool, self.todo, self.limit = pool, todo, limit
        self.pending: deque[_Job] = deque()
        self.suspects: deque[Any] = deque()
        self.breaks = 0  # pool deaths since the last partition that succeeded

    def run(self) -> Iterator[Item]:
        while self._submit():
            job = self.pending.popleft()
            try:
                items = job.future.result()
            except BrokenProcessPool as exc:
                yield from self._broken(job, exc)
                continue
            except Exception as exc:  # the reader or the pipeline raised outside run_many
                yield from _retry_or_fail(job, exc, self.suspects)
                continue
            self.breaks = 0
            yield from items

    def _submit(self) -> bool:
        """Top up the window; a retried partition runs alone, so a second crash is its own."""
        if self.suspects:
            if not self.pending:
                self.pending.append(self.pool.submit(self.suspects.popleft(), _MAX_ATTEMPTS))
        else:
            while len(self.pending) < self.limit:
                partition = next(self.todo, _END)
                if partition is _END:
                    break
                self.pending.append(self.pool.submit(partition, 1))
        return bool(self.pending)

    def _broken(self, job: _Job, exc: BrokenProcessPool) -> Iterator[Item]:
        self.breaks += 1
        if self.breaks > _MAX_RESTARTS:
            # Workers die before finishing anything (e.g. the pipeline cannot load): stop
            # restarting and report every remaining partition instead.
            reason = f"worker processes keep dying: {exc}"
            rest = [job.partition, *(j.partition for j in self.pending), *self.suspects]
            self.pending.clear()
            self.suspects.clear()
            yield from (lost_partition(p, reason) for p in [*rest, *self.todo])
            return
        self.pool.restart()
        broken = [job, *(j for j in self.pending if not j.succeeded())]
        survivors = [j for j in self.pending if j.succeeded()]
        self.pending = deque(survivors)
        for lost in broken:
            yield from _retry_or_fail(lost, exc, self.suspects)


def _retry_or_fail(job: _Job, exc: BaseException, suspects: deque[Any]) -> Iterator[Item]:
    if job.attempt < _MAX_ATTEMPTS:
        suspects.append(job.partition)
        return
    yield lost_partition(job.partition, f"failed twice: {type(exc).__name__}: {exc}")
