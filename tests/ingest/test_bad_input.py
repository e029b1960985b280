"""Broken inputs become failures that name the input and the reason; the run goes on."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.ingest_samples import HTML, make_warc
from warta.ingest import RawDocument, ReadFailure, iter_documents


def failures(*paths: str) -> list[ReadFailure]:
    return [d for d in iter_documents(list(paths)) if isinstance(d, ReadFailure)]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("blob.txt", bytes(range(256)) * 4, "binary file"),
        ("broken.json", b'{"text": "tanpa penutup', "invalid JSON"),
        ("nothing.json", b'{"title": "no body"}', "no article text"),
        (
            "empty.rss",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
            "feed has no entries",
        ),
        (
            "noise.txt.gz",
            b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage",
            "truncated or corrupt gzip",
        ),
    ],
)
def test_unreadable_file_fails_with_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    found = failures(str(path))
    assert [f.reason for f in found] == [reason]
    assert found[0].input.startswith(str(path))


def test_missing_path_and_unmatched_glob_fail(tmp_path: Path) -> None:
    found = failures(str(tmp_path / "nope.txt"), str(tmp_path / "*.none"))
    assert [f.reason for f in found] == ["no such file or folder", "no files match"]


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "lama.txt"
    path.write_bytes("Judul\n\nKafe di Bandung menyajikan crème brûlée.".encode("cp1252"))
    (doc,) = iter_documents([str(path)])
    assert isinstance(doc, RawDocument)
    assert "crème brûlée" in doc.body


def test_mostly_high_bytes_are_refused_as_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "other.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8 + b" text")
    assert [f.reason for f in failures(str(path))] == ["undecodable text"]


def test_malformed_jsonl_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": "Baik."})
    path.write_text(f"{good}\n{{not json\n{good}\n", encoding="utf-8")
    items = list(iter_documents([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "ReadFailure", "RawDocument"]
    bad = items[1]
    assert isinstance(bad, ReadFailure)
    assert bad.reason == "invalid JSON line"
    assert bad.input == f"{path}@{len(good) + 1}"
    assert "line 2" in bad.detail


def test_truncated_gzip_jsonl_keeps_lines_before_the_break(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Berita {i} " + "x" * 200}) + "\n" for i in range(50))
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(iter_documents([str(path)]))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], ReadFailure)
    assert items[-1].reason == "truncated or corrupt gzip"


def test_truncated_warc_keeps_records_before_the_break(tmp_path: Path) -> None:
    data = make_warc([(f"https://x.example/{i}", HTML) for i in range(3)], gzip=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    items = list(iter_documents([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "ReadFailure"]
    assert isinstance(items[-1], ReadFailure)
    assert items[-1].reason == "truncated or corrupt archive"
    assert items[-1].input.startswith(f"{path}@")


def test_warc_without_pages_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(make_warc([]))
    assert [f.reason for f in failures(str(path))] == ["no HTML pages"]


def test_html_without_text_fails(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Kosong</title></head><body></body></html>", "utf-8")
    assert [f.reason for f in failures(str(path))] == ["no article text"]


@settings(max_examples=60, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        st.sampled_from([b'{"text": 1}', b"[1, 2]", b"<rss>", b"WARC/1.0\r\n", b"\x1f\x8b\x08"]),
    ),
    suffix=st.sampled_from([".txt", ".json", ".jsonl", ".html", ".rss", ".warc", ".gz", ""]),
)
def test_arbitrary_bytes_never_raise(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(iter_documents([str(path)]))
    assert all(isinstance(i, RawDocument | ReadFailure) for i in items)
    assert items, "every input yields a document or a failure"
