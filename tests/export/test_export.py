"""Exports from a store: JSONL records, flat CSV/Parquet tables, and GDELT 2.0 event rows."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.export import ExportError, export
from warta.export.gdelt import GDELT_COLUMNS
from warta.records import record_to_dict
from warta.store import Store, open_store
from warta.store.samples import sample_articles

SAMPLES = sample_articles()
EVENTS = sum(len(a.events) for a in SAMPLES)


@pytest.fixture(scope="module")
def store(module_store_url: str) -> Iterator[Store]:
    """The sample records, shared by every export test (exports only read)."""
    with open_store(module_store_url) as opened:
        opened.upsert(SAMPLES)
        yield opened


def _gdelt_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_export_jsonl_gives_back_every_record(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert export(store, "jsonl", out) == len(SAMPLES)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [record_to_dict(a) for a in SAMPLES]


@pytest.mark.parametrize(
    ("table", "rows"),
    [
        ("articles", len(SAMPLES)),
        ("entities", sum(len(a.entities) for a in SAMPLES)),
        ("quotes", sum(len(a.quotes) for a in SAMPLES)),
        ("events", EVENTS),
    ],
)
def test_export_csv_and_parquet_tables_agree(
    store: Store, tmp_path: Path, table: str, rows: int
) -> None:
    assert export(store, "csv", tmp_path / "t.csv", table=table) == rows
    assert export(store, "parquet", tmp_path / "t.parquet", table=table) == rows
    with (tmp_path / "t.csv").open(encoding="utf-8", newline="") as fh:
        from_csv = list(csv.DictReader(fh))
    from_parquet = pq.read_table(tmp_path / "t.parquet").to_pylist()
    assert len(from_csv) == len(from_parquet) == rows
    assert list(from_csv[0]) == list(from_parquet[0])


def test_export_csv_events_carry_keys_and_evidence(store: Store, tmp_path: Path) -> None:
    export(store, "csv", tmp_path / "events.csv", table="events")
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as fh:
        first = next(csv.DictReader(fh))
    assert first["source_key"] == "per-retno-marsudi"
    assert first["evidence_text"].startswith("Menteri Luar Negeri")


def test_export_gdelt_has_61_columns_one_row_per_event(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.CSV"
    assert export(store, "gdelt", out) == EVENTS
    rows = _gdelt_rows(out)
    assert len(rows) == EVENTS and {len(r) for r in rows} == {61}
    assert len({r[0] for r in rows}) == EVENTS  # GlobalEventIDs are unique


def test_export_gdelt_values_follow_gdelt_conventions(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.CSV"
    export(store, "gdelt", out, header=True)
    header, *rows = _gdelt_rows(out)
    assert tuple(header) == GDELT_COLUMNS
    row = dict(zip(header, rows[0], strict=True))
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20230116", "202301", "2023")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "IDNGOV",
        "IDN",
        "GOV",
    )
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("040", "040", "04")
    assert (row["QuadClass"], row["GoldsteinScale"], row["IsRootEvent"]) == ("1", "1.0", "1")
    assert row["ActionGeo_FullName"] == "Jakarta, Indonesia"
    assert row["DATEADDED"] == "20230117031500"  # 10:15 WIB is 03:15 UTC
    assert row["SOURCEURL"] == "https://example.id/retno"
    assert float(row["FractionDate"]) == pytest.approx(2023.0438, abs=1e-4)


def test_export_unknown_format_or_table_is_a_clear_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown format"):
        export(store, "xml", tmp_path / "x")
    with pytest.raises(ExportError, match="unknown table"):
        export(store, "csv", tmp_path / "x", table="people")
    with pytest.raises(ExportError, match="cannot write"):
        export(store, "jsonl", tmp_path / "missing" / "x.jsonl")


def test_export_cli_writes_the_file(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    with open_store(str(db)) as opened:
        opened.upsert(SAMPLES)
    out = tmp_path / "events.tsv"
    args = ["export", "--db", str(db), "--format", "gdelt", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"wrote {EVENTS} rows" in result.output
    bad = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "xml", "-o", str(out)])
    assert bad.exit_code == 2


def test_export_gdelt_matches_the_published_column_list(
    store: Store, tmp_path: Path, shared_dir: Path
) -> None:
    spec = shared_dir / "data" / "events" / "gdelt" / "gdelt2_events_columns.tsv"
    with spec.open(encoding="utf-8", newline="") as fh:
        columns = [(r["name"], r["type"]) for r in csv.DictReader(fh, delimiter="\t")]
    assert tuple(name for name, _ in columns) == GDELT_COLUMNS
    out = tmp_path / "events.CSV"
    export(store, "gdelt", out)
    parse = {"INTEGER": int, "FLOAT": float, "STRING": str}
    for row in _gdelt_rows(out):
        for value, (name, kind) in zip(row, columns, strict=True):
            if value:  # empty is GDELT's "unknown" in every column
                assert parse[kind](value) is not None, name
