"""``warta process`` with a knowledge-base file it cannot use: one clear line, exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("- names: [Sukamaju\n", "not valid YAML"),
        ("- type: PER\n", "has no name"),
        ("- names: [Sukamaju]\n  type: THING\n", "unknown type"),
    ],
)
def test_process_with_a_bad_kb_file_names_the_file_and_exits_2(
    tmp_path: Path, content: str, reason: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Presiden Joko Widodo tiba di Bandung.", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["process", str(article), "-o", str(tmp_path / "out.jsonl"), "--kb", str(bad)]
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert str(bad) in result.output and reason in result.output


def test_parallel_process_checks_the_kb_file_before_starting_workers(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- type: PER\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Presiden Joko Widodo tiba di Bandung.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["process", str(article), "-o", str(out), "--kb", str(bad), "-w", "2"]
    )
    assert result.exit_code == 2
    assert str(bad) in result.output and "has no name" in result.output
    assert not out.exists()  # no worker was started, nothing written


def test_process_with_a_missing_dictionary_folder_exits_2(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Presiden Joko Widodo tiba di Bandung.", encoding="utf-8")
    missing = tmp_path / "no-such-dictionaries"
    result = CliRunner().invoke(
        app,
        ["process", str(article), "-o", str(tmp_path / "o.jsonl"), "--dictionaries", str(missing)],
    )
    assert result.exit_code == 2
    assert str(missing) in result.output and "Traceback" not in result.output
