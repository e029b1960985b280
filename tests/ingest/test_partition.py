"""Partitions: big JSONL and WARC files split on record boundaries, same documents either way."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from tests.ingest.ingest_samples import HTML, PAGE, make_warc
from warta.ingest import Partition, iter_documents, plan_partitions, read_partition


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"text": f"Berita ke-{i}. " + "isi " * 30, "url": f"https://x.example/{i}"})
        for i in range(40)
    ]
    (tmp_path / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pages = [(f"https://w.example/{i}", HTML) for i in range(6)]
    (tmp_path / "crawl.warc.gz").write_bytes(make_warc(pages))
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path


def test_reading_partitions_equals_iter_documents(corpus: Path) -> None:
    parts = plan_partitions([str(corpus)], target_bytes=1500)
    chained = [doc for part in parts for doc in read_partition(part)]
    assert chained == list(iter_documents([str(corpus)], target_bytes=1500))
    assert chained == list(iter_documents([str(corpus)]))


def test_big_files_split_and_small_ones_do_not(corpus: Path) -> None:
    parts = plan_partitions([str(corpus)], target_bytes=1500)
    by_file: dict[str, list[Partition]] = {}
    for part in parts:
        by_file.setdefault(Path(part.path).name, []).append(part)
    assert len(by_file["big.jsonl"]) > 3
    assert len(by_file["crawl.warc.gz"]) > 1
    assert len(by_file["page.txt"]) == 1


def test_jsonl_partitions_start_on_line_boundaries(corpus: Path) -> None:
    data = (corpus / "big.jsonl").read_bytes()
    parts = plan_partitions([str(corpus / "big.jsonl")], target_bytes=1000)
    assert parts[0].start == 0 and parts[-1].end is None
    assert all(data[p.start - 1 : p.start] == b"\n" for p in parts[1:])
    assert [p.end for p in parts[:-1]] == [p.start for p in parts[1:]]


def test_partitions_pickle_small(corpus: Path) -> None:
    for part in plan_partitions([str(corpus)], target_bytes=1500):
        assert pickle.loads(pickle.dumps(part)) == part
        assert len(pickle.dumps(part)) < 400


def test_failed_input_is_a_partition_that_reads_as_a_failure(tmp_path: Path) -> None:
    (part,) = plan_partitions([str(tmp_path / "absent.jsonl")])
    (failure,) = read_partition(part)
    assert failure.input.endswith("absent.jsonl")
