"""Local process pools and a real Dask LocalCluster give the single-process records."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from distributed import LocalCluster

from tests.scale.scale_support import AlwaysRaise, Chunk, DieOnce, die_always, read_chunk
from warta.ingest import ReadFailure, iter_documents, plan_partitions
from warta.pipeline import Pipeline, PipelineConfig, StageFailure
from warta.records import Article, record_to_dict
from warta.scale import process_parallel, process_partitions

_PEOPLE = ("Sri Mulyani", "Retno Marsudi", "Basuki Hadimuljono", "Tito Karnavian")
_PLACES = ("Jakarta", "Surabaya", "Medan", "Makassar", "Denpasar", "Kupang")


def _line(i: int) -> str:
    who, where = _PEOPLE[i % len(_PEOPLE)], _PLACES[i % len(_PLACES)]
    text = (
        f"{where} - Menteri {who} mengatakan pemerintah akan menambah anggaran tahun depan.\n\n"
        f'"Kami sudah menyiapkan dananya sejak awal tahun," kata {who} di {where}, '
        f"Senin ({i % 28 + 1}/4/2017).\n\n"
        f"Polisi menangkap {i % 5 + 2} tersangka penipuan di {where} pada Selasa malam."
    )
    record = {
        "id": f"artikel-{i:03d}",
        "url": f"https://berita.example.id/{i}",
        "title": f"{who} janji tambah anggaran di {where}",
        "date": f"2017-04-{i % 28 + 1:02d}T08:00:00+07:00",
        "text": text,
    }
    return json.dumps(record, ensure_ascii=False)


CHUNKS: list[Chunk] = [tuple(_line(i) for i in range(s, s + 3)) for s in range(0, 24, 3)]
CONFIG = PipelineConfig()


def _records(items: Iterable[Any]) -> list[dict[str, Any]]:
    return [record_to_dict(item) for item in items if isinstance(item, Article)]


def _by_id(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(records, key=lambda r: str(r["id"]))


@pytest.fixture(scope="module")
def single() -> list[dict[str, Any]]:
    """The records of a single-process run, the reference every parallel run must equal."""
    return _records(process_partitions(CHUNKS, CONFIG, workers=1, reader=read_chunk))


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    # ":0", not None: with None the scheduler's HTTP server still takes port 8787 and warns
    # (an error here) whenever another cluster on the machine holds it.
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


def test_single_process_reads_every_article_in_order(single: list[dict[str, Any]]) -> None:
    urls = [r["source"]["url"] for r in single]
    assert urls == [f"https://berita.example.id/{i}" for i in range(24)]


def test_local_pool_records_equal_single_process(single: list[dict[str, Any]]) -> None:
    items = process_partitions(CHUNKS, CONFIG, workers=2, reader=read_chunk, window=3)
    assert _records(items) == single


@pytest.mark.dask
def test_dask_cluster_records_equal_single_process(
    cluster: LocalCluster, single: list[dict[str, Any]]
) -> None:
    items = process_partitions(
        CHUNKS, CONFIG, workers=2, scheduler=cluster.scheduler_address, reader=read_chunk
    )
    assert _records(items) == single


def test_local_pool_retries_partition_whose_worker_died(
    tmp_path: Path, single: list[dict[str, Any]]
) -> None:
    reader = DieOnce(str(tmp_path / "died"), victim="artikel-007")
    items = list(process_partitions(CHUNKS, CONFIG, workers=2, reader=reader))
    assert (tmp_path / "died").exists()
    assert not [i for i in items if isinstance(i, StageFailure)]
    assert _by_id(_records(items)) == _by_id(single)  # a retry may come later


@pytest.mark.dask
def test_dask_retries_partition_whose_worker_died(
    cluster: LocalCluster, tmp_path: Path, single: list[dict[str, Any]]
) -> None:
    reader = DieOnce(str(tmp_path / "died"), victim="artikel-013")
    items = list(
        process_partitions(
            CHUNKS, CONFIG, workers=2, scheduler=cluster.scheduler_address, reader=reader
        )
    )
    assert (tmp_path / "died").exists()
    assert _records(items) == single


def test_partition_failing_twice_is_reported_and_the_rest_go_on() -> None:
    reader = AlwaysRaise(victim="artikel-010")
    items = list(process_partitions(CHUNKS, CONFIG, workers=2, reader=reader))
    failures = [i for i in items if isinstance(i, StageFailure)]
    assert len(failures) == 1
    assert failures[0].stage == "worker"
    assert "disk went away" in failures[0].reason
    assert len(_records(items)) == 21  # the three articles of the failed chunk are missing


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("".join(line + "\n" for chunk in CHUNKS for line in chunk), encoding="utf-8")
    return path


def _reference(path: Path) -> list[dict[str, Any]]:
    return _records(Pipeline(CONFIG).run_many(iter_documents([str(path)])))


def test_process_parallel_splits_jsonl_and_matches_iter_documents(corpus_file: Path) -> None:
    assert len(plan_partitions([str(corpus_file)], target_bytes=2000)) >= 4
    items = process_parallel([str(corpus_file)], CONFIG, workers=2, target_bytes=2000)
    assert _records(items) == _reference(corpus_file)


@pytest.mark.dask
def test_process_parallel_on_dask_matches_iter_documents(
    cluster: LocalCluster, corpus_file: Path
) -> None:
    items = process_parallel(
        [str(corpus_file)],
        CONFIG,
        workers=2,
        scheduler=cluster.scheduler_address,
        target_bytes=2000,
    )
    assert _records(items) == _reference(corpus_file)


def test_process_parallel_reports_a_missing_input_and_goes_on(corpus_file: Path) -> None:
    missing = str(corpus_file.parent / "nope.jsonl")
    items = list(process_parallel([missing, str(corpus_file)], CONFIG, workers=2))
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [f.input for f in failures] == [missing]
    assert len(_records(items)) == 24


def test_local_pool_gives_up_when_workers_keep_dying() -> None:
    items = list(process_partitions(CHUNKS, CONFIG, workers=2, reader=die_always))
    assert all(isinstance(i, StageFailure) for i in items)
    assert len(items) == len(CHUNKS)  # every partition is reported once, none silently lost
    assert "worker processes keep dying" in items[-1].reason
