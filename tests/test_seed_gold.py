"""The founding example: the CLI on the seed page, scored by the shared scorer (meta = 1.000)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.shared


def test_seed_record_passes_every_metadata_check(
    shared_dir: Path, shared_scorer: ModuleType, tmp_path: Path
) -> None:
    out = tmp_path / "seed.jsonl"
    seed = sorted((shared_dir / "corpus" / "seed").glob("*.txt"))
    cmd = [
        sys.executable,
        "-m",
        "warta",
        "process",
        *map(str, seed),
        "-o",
        str(out),
        "--no-progress",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for path in seed:  # score only the seed's gold file
        gold = shared_dir / "gold" / "dev" / f"{path.stem}.json"
        (gold_dir / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    report_path = tmp_path / "report.json"
    scorer = shared_scorer
    status = scorer.main(["--gold", str(gold_dir), "--pred", str(out), "--json", str(report_path)])
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert status == 0
    assert report["meta"]["accuracy"] == 1.0
    assert report["meta"]["checked"] >= 10
