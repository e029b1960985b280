"""The runner: JSONL out, failures to the errors file, a summary, an exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.runner import RunOptions, default_errors_path, run

PAGE = """Sungai Meluap, Dua Desa di Kudus Terendam

Daerah | kabarkudus.com | Kamis, 2 Februari 2023 - 08:30
share

KUDUS, KABARKUDUS.com - Sungai Wulan meluap setelah hujan deras semalaman dan merendam dua desa
di Kecamatan Undaan, Kamis (2/2) pagi.

Warga mulai mengungsi ke balai desa. "Air naik cepat sekali sejak subuh," kata seorang warga.
"""


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    lines = [
        json.dumps({"url": f"https://kabar.example/{i}", "text": f"Berita ke-{i} tentang banjir."})
        for i in range(3)
    ]
    (folder / "many.jsonl").write_text("\n".join(lines) + "\n{broken\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_writes_records_and_failures(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "records.jsonl"
    summary = run(RunOptions(inputs=(str(inputs),), output=out, progress=False))
    assert summary.written == 4
    assert dict(summary.failures) == {"empty file": 1, "invalid JSON line": 1}
    assert not summary.ok
    errors = records(tmp_path / "out" / "records.errors.jsonl")
    assert {e["reason"] for e in errors} == {"empty file", "invalid JSON line"}
    assert all(str(inputs) in str(e["input"]) for e in errors)
    written = records(out)
    assert written[-1]["title"] == "Sungai Meluap, Dua Desa di Kudus Terendam"  # files sorted


def test_clean_run_is_ok_and_leaves_an_empty_errors_file(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    summary = run(RunOptions(inputs=(str(tmp_path / "page.txt"),), output=out, progress=False))
    assert summary.ok and summary.written == 1
    assert summary.articles_per_s > 0
    assert (tmp_path / "r.errors.jsonl").read_text(encoding="utf-8") == ""


def test_two_runs_give_the_same_ids(inputs: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    run(RunOptions(inputs=(str(inputs),), output=first, progress=False))
    run(RunOptions(inputs=(str(inputs),), output=second, progress=False))
    assert [r["id"] for r in records(first)] == [r["id"] for r in records(second)]


def test_records_keep_non_ascii_text(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"text": "Kafe itu menjual crème brûlée."}))
    out = tmp_path / "r.jsonl"
    run(RunOptions(inputs=(str(tmp_path / "a.json"),), output=out, progress=False))
    assert "crème brûlée" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (RunOptions(inputs=(), output=Path("o/x.jsonl")), Path("o/x.errors.jsonl")),
        (RunOptions(inputs=(), output=Path("x.jsonl"), errors=Path("e.jsonl")), Path("e.jsonl")),
        (RunOptions(inputs=(), db="data/w.db"), Path("data/warta-errors.jsonl")),
        (RunOptions(inputs=(), db="sqlite:///data/w.db"), Path("data/warta-errors.jsonl")),
        (RunOptions(inputs=(), db="postgresql://u@h/db"), Path("warta-errors.jsonl")),
        (RunOptions(inputs=()), None),
    ],
)
def test_errors_file_location(options: RunOptions, expected: Path | None) -> None:
    assert default_errors_path(options) == expected


def test_demo_reads_examples_and_the_shared_corpus_when_present(tmp_path: Path) -> None:
    from warta.demo import demo_inputs, demo_options

    examples = Path(demo_inputs(None)[0])
    assert examples.resolve() == Path(__file__).resolve().parents[1] / "examples"
    assert len(demo_inputs(tmp_path)) == 1  # no corpus folder there
    (tmp_path / "corpus").mkdir()
    assert demo_inputs(tmp_path)[1] == str(tmp_path / "corpus")
    assert demo_options(tmp_path, tmp_path / "out").output == tmp_path / "out" / "demo.jsonl"
