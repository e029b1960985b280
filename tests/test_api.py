"""The public Python API: process a string, a file, or an iterable; get records back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import warta
from warta.ingest import RawDocument
from warta.pipeline import Pipeline
from warta.records import Source

PAGE = """Harga Cabai Turun di Pasar Induk

Ekonomi | kabarpasar.com | Jumat, 3 Februari 2023 - 11:20

JAKARTA, KABARPASAR.com - Harga cabai rawit di Pasar Induk Kramat Jati turun menjadi Rp40.000 per
kilogram setelah pasokan dari Jawa Tengah kembali normal, kata pengelola pasar, Jumat (3/2).
"""


def test_public_names_are_exactly_these() -> None:
    assert sorted(warta.__all__) == [
        "Article",
        "Pipeline",
        "PipelineConfig",
        "WartaError",
        "process",
        "process_file",
        "process_text",
        "record_to_dict",
    ]


def test_process_text_reads_page_text(pipeline: Pipeline) -> None:
    article = warta.process_text(PAGE, url="https://kabarpasar.com/a", pipeline=pipeline)
    assert article.title == "Harga Cabai Turun di Pasar Induk"
    assert article.published == "2023-02-03T11:20:00+07:00"
    assert article.text.startswith("Harga cabai rawit")
    assert warta.record_to_dict(article)["source"] == {"url": "https://kabarpasar.com/a"}


def test_process_text_with_title_takes_a_bare_body(pipeline: Pipeline) -> None:
    body = "Harga cabai turun. Pasokan kembali normal."
    article = warta.process_text(body, title="Cabai Murah", pipeline=pipeline)
    assert (article.title, article.text) == ("Cabai Murah", body)


def test_process_file_returns_every_article(tmp_path: Path, pipeline: Pipeline) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text(
        "\n".join(json.dumps({"text": f"Berita {i} tentang pasar."}) for i in range(2)) + "\n"
    )
    assert len(warta.process_file(path, pipeline=pipeline)) == 2


def test_process_mixes_paths_and_documents(tmp_path: Path, pipeline: Pipeline) -> None:
    (tmp_path / "p.txt").write_text(PAGE, encoding="utf-8")
    raw = RawDocument(source=Source(url="https://x.example/1"), body="Isi.", is_page_text=False)
    articles = list(warta.process([tmp_path / "p.txt", raw], pipeline=pipeline))
    assert [a.source.url for a in articles] == [None, "https://x.example/1"]


def test_process_raises_on_failure_unless_skipped(tmp_path: Path, pipeline: Pipeline) -> None:
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(warta.WartaError, match=r"empty\.txt: empty file"):
        warta.process_file(tmp_path / "empty.txt", pipeline=pipeline)
    assert warta.process_file(tmp_path / "empty.txt", pipeline=pipeline, skip_failures=True) == []
