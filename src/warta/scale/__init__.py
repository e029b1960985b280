"""Scale out: the same pipeline on local worker processes or on a Dask cluster.

Inputs are planned into partitions (files, JSONL byte ranges, runs of WARC records) by the
ingest package; each worker builds the pipeline once and turns whole partitions into
records. The driver receives results partition by partition, a few at a time, and hands
them to the runner's single writer, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from warta.pipeline import Pipeline, PipelineConfig
from warta.scale.work import Item, Reader

__all__ = ["DEFAULT_TARGET_BYTES", "process_parallel", "process_partitions"]

# About 256 KiB of input per partition: ~100 IndoSum articles, half a second of work for one
# core. Small enough that workers finish together (the last partitions are the idle tail),
# big enough that a task's overhead (a few ms) is lost in the noise.
DEFAULT_TARGET_BYTES = 256 << 10


def process_parallel(
    inputs: Sequence[str],
    config: PipelineConfig,
    *,
    workers: int,
    scheduler: str | None = None,
    use_dask: bool = False,
    target_bytes: int = DEFAULT_TARGET_BYTES,
) -> Iterator[Item]:
    """Records and failures for ``inputs``: the same set a single process gives.

    ``scheduler`` (``tcp://host:port``) runs on an existing Dask cluster; ``use_dask`` on a
    local Dask cluster of ``workers`` processes; otherwise a local process pool.
    """
    from warta.ingest import plan_partitions, read_partition

    partitions = plan_partitions(inputs, target_bytes=target_bytes)
    yield from process_partitions(
        partitions,
        config,
        workers=workers,
        scheduler=scheduler,
        use_dask=use_dask,
        reader=read_partition,
    )


def process_partitions(
    partitions: Iterable[Any],
    config: PipelineConfig,
    *,
    workers: int,
    reader: Reader,
    scheduler: str | None = None,
    use_dask: bool = False,
    window: int | None = None,
) -> Iterator[Item]:
    """Items of already planned ``partitions``, each turned into documents by ``reader``."""
    if scheduler or use_dask:
        from warta.scale.cluster import run_dask

        return run_dask(
            partitions,
            config,
            workers=workers,
            scheduler=scheduler,
            reader=reader,
            window=window,
        )
    if workers <= 1:
        return _run_here(partitions, config, reader)
    from warta.scale.local import run_local

    return run_local(partitions, config, workers=workers, reader=reader, window=window)


def _run_here(partitions: Iterable[Any], config: PipelineConfig, reader: Reader) -> Iterator[Item]:
    documents = itertools.chain.from_iterable(reader(p) for p in partitions)
    return Pipeline(config).run_many(documents)
