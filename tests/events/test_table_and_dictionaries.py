"""The CAMEO table carries published quad classes and Goldstein scores; PETRARCH verbs load."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.events.petrarch import read_verb_dictionaries
from warta.events.table import load_cameo_table


@pytest.mark.parametrize(
    ("code", "quad", "goldstein"),
    [("020", 1, 1.0), ("042", 1, 3.0), ("057", 1, 5.0), ("111", 3, -3.5), ("173", 4, -7.5)],
)
def test_cameo_table_has_published_values(code: str, quad: int, goldstein: float) -> None:
    entry = load_cameo_table()[code]
    assert (entry.quad, entry.goldstein) == (quad, goldstein)


def test_every_root_sits_in_its_quad_class() -> None:
    quads = {"01": 1, "05": 1, "06": 2, "08": 2, "09": 3, "13": 3, "14": 4, "20": 4}
    table = load_cameo_table()
    assert all(e.quad == quads[c[:2]] for c, e in table.items() if c[:2] in quads)


def test_verb_blocks_of_a_petrarch_dictionary_become_entries(tmp_path: Path) -> None:
    (tmp_path / "CAMEO.verbpatterns.txt").write_text(
        "--- DEMAND [100] ---\n"
        "DEMAND\n"
        "INSIST {INSISTS INSISTED INSISTING}\n"
        "- * WITHDRAWAL FROM [1056]  # DEMAND\n"
        "--- EXPLAIN_VERBAL [010] ---\n"
        "SAY {SAYS SAID SAYING}\n"
        "--- LOCK [---] ---\n"
        "LOCK\n",
        encoding="utf-8",
    )
    entries = read_verb_dictionaries([tmp_path])
    assert entries == [
        {"lemma": "demand", "code": "100"},
        {"lemma": "insist", "code": "100", "forms": ["insists", "insisted", "insisting"]},
    ]


def test_shared_petrarch_dictionary_reads(shared_dir: Path) -> None:
    entries = read_verb_dictionaries(
        [shared_dir / "data" / "events" / "petrarch2" / "dictionaries"]
    )
    codes = {e["lemma"]: e["code"] for e in entries}
    assert codes["demand"] == "100"
    assert len(entries) > 500
