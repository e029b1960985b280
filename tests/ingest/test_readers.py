"""Each reader on small inputs written for these tests: text, HTML, JSON, JSONL, feeds, WARC."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest

from tests.ingest.ingest_samples import ATOM, HTML, PAGE, RSS, make_warc
from warta.ingest import RawDocument, ReadFailure, iter_documents


def write(tmp_path: Path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


def read_all(*paths: str) -> list[RawDocument | ReadFailure]:
    return list(iter_documents(list(paths)))


def only_doc(items: list[RawDocument | ReadFailure]) -> RawDocument:
    assert len(items) == 1, items
    doc = items[0]
    assert isinstance(doc, RawDocument), doc
    return doc


def test_page_text_is_read_whole_as_page_text(tmp_path: Path) -> None:
    doc = only_doc(read_all(write(tmp_path, "gempa.txt", PAGE)))
    assert doc.is_page_text
    assert doc.body.startswith("Gempa Magnitudo")
    assert doc.source.path and doc.source.path.endswith("gempa.txt")


def test_html_page_gives_text_and_metadata(tmp_path: Path) -> None:
    doc = only_doc(read_all(write(tmp_path, "pasar.html", HTML)))
    assert not doc.is_page_text
    assert doc.title == "Pasar Murah Digelar di Surabaya"
    assert doc.outlet == "Kabar Timur"
    assert doc.published == "2023-03-14T16:20:00+07:00"
    assert "31 kecamatan" in doc.body
    assert "Beranda" not in doc.body


def test_html_is_recognised_by_content_without_extension(tmp_path: Path) -> None:
    doc = only_doc(read_all(write(tmp_path, "saved_page", HTML)))
    assert doc.title == "Pasar Murah Digelar di Surabaya"


def test_json_article_maps_common_field_names(tmp_path: Path) -> None:
    record = {
        "headline": "Judul",
        "content": "Isi berita yang cukup panjang.",
        "link": "https://x.example/a",
        "publishedAt": "2023-01-02T03:04:05Z",
        "source": {"name": "Kabar X"},
        "category": ["Politik"],
        "id": 42,
    }
    doc = only_doc(read_all(write(tmp_path, "a.json", json.dumps(record))))
    assert (doc.title, doc.body, doc.source.url) == ("Judul", record["content"], record["link"])
    assert (doc.outlet, doc.section, doc.published, doc.doc_id) == (
        "Kabar X",
        "Politik",
        "2023-01-02T03:04:05Z",
        "42",
    )


def test_json_list_gives_one_document_per_item(tmp_path: Path) -> None:
    items = {"articles": [{"text": "Satu."}, {"text": "Dua."}]}
    docs = read_all(write(tmp_path, "many.json", json.dumps(items)))
    assert [d.body for d in docs if isinstance(d, RawDocument)] == ["Satu.", "Dua."]
    assert [d.source.offset for d in docs if isinstance(d, RawDocument)] == [0, 1]


def test_jsonl_offsets_are_byte_offsets_of_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": f"Berita nomor {i}.", "url": f"https://x.example/{i}"})
        for i in range(3)
    ]
    path = write(tmp_path, "a.jsonl", "\n".join(lines) + "\n")
    docs = [d for d in read_all(path) if isinstance(d, RawDocument)]
    starts = [0, len(lines[0]) + 1, len(lines[0]) + len(lines[1]) + 2]
    assert [d.source.offset for d in docs] == starts
    assert [d.source.url for d in docs] == [f"https://x.example/{i}" for i in range(3)]


def test_html_inside_json_becomes_paragraphs(tmp_path: Path) -> None:
    record = {"text": "<p>Paragraf satu.</p><p>Paragraf <b>dua</b>.</p>"}
    doc = only_doc(read_all(write(tmp_path, "h.json", json.dumps(record))))
    assert doc.body == "Paragraf satu.\n\nParagraf dua."


def test_rss_items_are_articles_with_their_fields(tmp_path: Path) -> None:
    docs = read_all(write(tmp_path, "kota.rss", RSS))
    first, second = (d for d in docs if isinstance(d, RawDocument))
    assert first.title == "Lampu Lalu Lintas Baru Dipasang"
    assert first.body == "Dinas Perhubungan memasang lampu lalu lintas baru di lima persimpangan."
    assert first.published == "2023-03-14T09:00:00+07:00"
    assert (first.outlet, first.language, first.source.url) == (
        "Kabar Kota",
        "id",
        "https://kabarkota.example/a",
    )
    assert second.published is None and second.source.offset == 1


def test_atom_entry_prefers_content_over_summary(tmp_path: Path) -> None:
    doc = only_doc(read_all(write(tmp_path, "river.xml", ATOM)))
    assert doc.body == "The old bridge reopened to traffic on Monday after repairs."
    assert doc.published == "2023-05-01T09:30:00+02:00"


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_html_responses_are_articles_with_urls(tmp_path: Path, gzip: bool) -> None:
    data = make_warc(
        [("https://kabartimur.example/pasar", HTML), ("https://y.example/b", HTML)], gzip=gzip
    )
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    docs = [d for d in read_all(write(tmp_path, name, data)) if isinstance(d, RawDocument)]
    assert [d.source.url for d in docs] == [
        "https://kabartimur.example/pasar",
        "https://y.example/b",
    ]
    offsets = [d.source.offset for d in docs]
    assert all(isinstance(o, int) for o in offsets) and offsets == sorted(set(offsets))  # type: ignore[type-var]
    assert docs[0].title == "Pasar Murah Digelar di Surabaya"


def test_folder_is_walked_recursively_skipping_readmes(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path, "sub/b.txt", PAGE)
    write(tmp_path, "a.txt", PAGE)
    write(tmp_path, "README.md", "# notes")
    write(tmp_path, "README.txt", "notes")
    write(tmp_path, ".hidden.txt", PAGE)
    paths = [d.source.path for d in read_all(str(tmp_path)) if isinstance(d, RawDocument)]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]


def test_glob_expands_to_matching_files(tmp_path: Path) -> None:
    write(tmp_path, "x1.txt", PAGE)
    write(tmp_path, "x2.txt", PAGE)
    write(tmp_path, "y.txt", PAGE)
    docs = read_all(str(tmp_path / "x*.txt"))
    assert [Path(d.source.path or "").name for d in docs if isinstance(d, RawDocument)] == [
        "x1.txt",
        "x2.txt",
    ]


def test_stdin_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = BytesIO(json.dumps({"text": "Dari stdin."}).encode())

    monkeypatch.setattr("sys.stdin", FakeStdin)
    doc = only_doc(read_all("-"))
    assert doc.body == "Dari stdin."
    assert doc.source.path == "<stdin>"


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_bundled_examples_read_without_failures() -> None:
    docs = read_all(str(EXAMPLES))
    assert docs and all(isinstance(d, RawDocument) for d in docs), docs
    kinds = {Path(d.source.path or "").parent.name for d in docs if isinstance(d, RawDocument)}
    assert kinds == {"feeds", "html", "json", "pages", "warc"}
