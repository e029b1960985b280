"""Dask distributed: partitions as tasks on an existing cluster or a local one.

Each worker builds the pipeline once, in a worker plugin (also on workers that join or are
restarted later). Partitions stream through a bounded window of futures; Dask retries a task
that raised, and reschedules the tasks of a worker that died, so no article is lost, and
stable article ids mean none is duplicated.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker

from warta.pipeline import Pipeline, PipelineConfig
from warta.scale.work import Item, Reader, lost_partition, run_partition

__all__ = ["PipelinePlugin", "connect", "plugin_name", "run_dask"]


class PipelinePlugin(WorkerPlugin):
    """Holds one worker's pipeline, built when the plugin is set up on that worker."""

    idempotent = True  # the name encodes the config: the same one is never rebuilt

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        self.pipeline = Pipeline(self.config)

    def teardown(self, worker: Any) -> None:
        self.pipeline = None


def plugin_name(config: PipelineConfig) -> str:
    """The plugin's name on the cluster: one per distinct pipeline configuration."""
    return "warta-pipeline-" + hashlib.sha1(repr(config).encode()).hexdigest()[:16]


def _task(partition: Any, reader: Reader, name: str) -> list[Item]:
    plugin = get_worker().plugins.get(name)
    if not isinstance(plugin, PipelinePlugin) or plugin.pipeline is None:
        raise RuntimeError(f"worker has no Warta pipeline (plugin {name} not set up)")
    return run_partition(plugin.pipeline, partition, reader)


def connect(scheduler: str | None, workers: int) -> tuple[Client, LocalCluster | None]:
    """A client for ``scheduler``, or for a new local cluster of ``workers`` processes."""
    if scheduler:
        return Client(scheduler, set_as_default=False), None  # type: ignore[no-untyped-call]
    # distributed ships no annotations for these constructors, hence the ignores.
    # ":0" rather than None: with None the scheduler still binds its HTTP server to 8787 and
    # warns when another cluster holds that port; the dashboard itself needs bokeh anyway.
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    return Client(cluster, set_as_default=False), cluster  # type: ignore[no-untyped-call]


def run_dask(
    partitions: Iterable[Any],
    config: PipelineConfig,
    *,
    workers: int,
    scheduler: str | None,
    reader: Reader,
    window: int | None = None,
) -> Iterator[Item]:
    """Every item of every partition, processed on a Dask cluster, in partition order."""
    client, cluster = connect(scheduler, workers)
    try:
        name = plugin_name(config)
        client.register_plugin(PipelinePlugin(config), name=name)
        threads = sum(client.nthreads().values()) or workers  # type: ignore[no-untyped-call]
        yield from _drive(client, iter(partitions), reader, name, window or 2 * threads)
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()


def _drive(
    client: Client, todo: Iterator[Any], reader: Reader, name: str, limit: int
) -> Iterator[Item]:
    run_id = uuid.uuid4().hex[:12]
    pending: deque[tuple[Any, Future[list[Item]]]] = deque()
    for index, partition in enumerate(todo):
        key = f"warta-{run_id}-{index}"
        future = client.submit(_task, partition, reader, name, key=key, retries=1)
        pending.append((partition, future))
        if len(pending) >= limit:
            yield from _collect(*pending.popleft())
    while pending:
        yield from _collect(*pending.popleft())


def _collect(partition: Any, future: Future[list[Item]]) -> Iterator[Item]:
    try:
        items = future.result()
    except Exception as exc:  # retried by Dask already; report it and go on
        yield lost_partition(partition, f"{type(exc).__name__}: {exc}")
        return
    finally:
        future.release()  # type: ignore[no-untyped-call]
    yield from items
