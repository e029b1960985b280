"""The store on SQLite and PostgreSQL: idempotent writes, replacement, search and filters."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.records import Article, Quote, Source, Speaker, record_to_dict
from warta.store import (
    ArticleFilter,
    EntityFilter,
    EventFilter,
    QuoteFilter,
    Store,
    StoreError,
    open_store,
)
from warta.store.samples import sample_articles

SAMPLES = sample_articles()
RETNO, POLICE, ENGLISH, HOSTILE = (a.id for a in SAMPLES)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """The sample records in a store of their own: tests may change it."""
    with open_store(store_url) as opened:
        opened.upsert(SAMPLES)
        yield opened


@pytest.fixture(scope="module")
def shared_store(module_store_url: str) -> Iterator[Store]:
    """The sample records, shared by tests that only read."""
    with open_store(module_store_url) as opened:
        opened.upsert(SAMPLES)
        yield opened


def _corpus(size: int) -> list[Article]:
    """A small self-written corpus: short reports that differ in person, place and number."""
    people = ("Sri Mulyani", "Basuki Hadimuljono", "Tito Karnavian", "Budi Gunadi Sadikin")
    places = ("Medan", "Makassar", "Kupang", "Ambon", "Pontianak")
    out = []
    for i in range(size):
        who, where = people[i % len(people)], places[i % len(places)]
        said = f"Anggaran tahun ini naik {i + 3} persen"
        text = f'{where} - Menteri {who} meninjau proyek.\n\n"{said}," kata {who}.'
        start = text.index(said)
        quote = Quote(said, start, start + len(said), "direct", "kata", Speaker(who))
        out.append(
            Article(
                id=f"corpus-{i:04d}",
                source=Source(path=f"corpus/{i:04d}.json"),
                language="id",
                title=f"{who} meninjau proyek di {where}",
                outlet="example.id",
                section=None,
                published=f"2017-04-{i % 28 + 1:02d}T09:00:00+07:00",
                wire=(),
                text=text,
                quotes=(quote,),
            )
        )
    return out


def test_store_processing_a_corpus_twice_adds_nothing(store_url: str) -> None:
    corpus = _corpus(120)
    with open_store(store_url) as store:
        first = sum(store.upsert(corpus[i : i + 50]) for i in range(0, 120, 50))
        second = sum(store.upsert(corpus[i : i + 50]) for i in range(0, 120, 50))
        assert (first, second) == (120, 0)
        assert store.count() == 120
        assert store.quotes(QuoteFilter(), limit=1).total == 120


def test_store_keeps_data_across_reopening(store_url: str) -> None:
    with open_store(store_url) as store:
        store.upsert(SAMPLES)
    with open_store(store_url) as store:
        assert store.upsert(SAMPLES) == 0
        assert store.count() == len(SAMPLES)


def test_store_returns_the_record_exactly(shared_store: Store) -> None:
    for article in SAMPLES:
        assert shared_store.article(article.id) == record_to_dict(article)
    assert shared_store.article("no-such-id") is None


def test_store_changed_record_replaces_all_its_rows(store: Store) -> None:
    old = SAMPLES[1]
    new_text = old.text.replace("penipuan daring", "pemalsuan dokumen")
    title = "Polisi Tangkap Pemalsu Dokumen"
    changed = dataclasses.replace(
        old, title=title, text=new_text, entities=old.entities[:1], quotes=old.quotes[:1], events=()
    )
    assert store.upsert([changed]) == 1
    assert store.count() == len(SAMPLES)
    assert store.article(old.id) == record_to_dict(changed)
    assert store.quotes(QuoteFilter(article=old.id)).total == 1
    assert store.events(EventFilter(article=old.id)).total == 0
    assert store.articles(ArticleFilter(q="pemalsuan")).total == 1
    assert store.articles(ArticleFilter(q="daring")).total == 0
    assert store.entity("per-trunoyudo-wisnu-andiko") is None  # its only article dropped it
    assert store.entities(EntityFilter(name="trunoyudo")).total == 0


def test_store_last_copy_in_a_batch_wins(store_url: str) -> None:
    first = SAMPLES[0]
    second = dataclasses.replace(first, title="Judul yang diperbarui")
    with open_store(store_url) as store:
        assert store.upsert([first, second]) == 1
        assert store.count() == 1
        assert (store.article(first.id) or {})["title"] == "Judul yang diperbarui"


def test_store_refuses_a_record_without_id(store_url: str) -> None:
    with open_store(store_url) as store, pytest.raises(StoreError, match="no id"):
        store.upsert([dataclasses.replace(SAMPLES[0], id="")])


def test_store_names_a_malformed_record_and_writes_none_of_its_batch(store_url: str) -> None:
    broken = dataclasses.replace(SAMPLES[1], quotes=(None,))  # type: ignore[arg-type]
    with open_store(store_url) as store:
        with pytest.raises(StoreError, match=SAMPLES[1].id):
            store.upsert([SAMPLES[0], broken])
        assert store.count() == 0


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("berunding", {RETNO}),  # perundingan
        ("tangkap", {POLICE}),  # menangkap
        ("Tersangka", {POLICE}),
        ("negotiation", {ENGLISH}),  # negotiations
        ('"batas maritim"', {RETNO}),
        ('"maritim batas"', set()),
        ("Malaysia perundingan", {RETNO}),
        ("tersang*", {POLICE}),
        ("Retno", {RETNO, ENGLISH}),
        ("kata yang tidak ada", set()),
        ("?!", set()),
    ],
)
def test_store_article_search_matches_inflections_and_phrases(
    shared_store: Store, q: str, expected: set[str]
) -> None:
    page = shared_store.articles(ArticleFilter(q=q), limit=10)
    assert {row["id"] for row in page.rows} == expected
    assert page.total == len(expected)


def test_store_search_hit_has_a_snippet_from_the_text(shared_store: Store) -> None:
    (row,) = shared_store.articles(ArticleFilter(q="penipuan")).rows
    snippet = row["snippet"]
    start, end = snippet.highlights[0]
    assert snippet.text[start:end].lower() == "penipuan"


def test_store_search_text_with_markup_or_operators_is_harmless(shared_store: Store) -> None:
    odd = ['") OR (', "NEAR(a b)", "a & b | !c", "'; DROP TABLE articles; --", "<script>"]
    odd += ["\u037a", "\u0345", "\u00bc", "'s", "a*b", "**", '"', "x\u200bz"]
    for q in odd:
        shared_store.articles(ArticleFilter(q=q))
        shared_store.quotes(QuoteFilter(q=q))
    assert shared_store.count() == len(SAMPLES)


def test_store_quotes_filter_by_speaker_days_and_text(shared_store: Store) -> None:
    assert shared_store.quotes(QuoteFilter(speaker="retno")).total == 4
    assert (
        shared_store.quotes(QuoteFilter(speaker="per-retno-marsudi", since="2023-01-17")).total == 2
    )
    assert shared_store.quotes(QuoteFilter(q="pelaku")).total == 1
    assert shared_store.quotes(QuoteFilter(q="Trunoyudo")).total == 2  # the speaker is searched too
    assert shared_store.quotes(QuoteFilter(about="kb-mys")).total == 2


@pytest.mark.parametrize(
    ("f", "total"),
    [
        (EventFilter(), 4),
        (EventFilter(source="IDN"), 3),
        (EventFilter(source="idn", target="MYS"), 2),
        (EventFilter(target="IDN"), 2),
        (EventFilter(root="17"), 1),
        (EventFilter(code="05"), 1),
        (EventFilter(quad=1), 3),
        (EventFilter(since="2023-01-17"), 1),
        (EventFilter(until="2023-01-16"), 3),
        (EventFilter(entity="per-retno-marsudi"), 2),
    ],
)
def test_store_events_filter(shared_store: Store, f: EventFilter, total: int) -> None:
    assert shared_store.events(f).total == total


def test_store_entity_is_one_across_articles(shared_store: Store) -> None:
    page = shared_store.entities(EntityFilter(type="per", name="marsudi"))
    assert [(r["key"], int(r["articles"])) for r in page.rows] == [("per-retno-marsudi", 2)]
    entity = shared_store.entity("kb-mys")
    assert entity is not None and entity["names"] == ["Malaysia"]
    assert shared_store.entity("per-nobody") is None


def test_store_aggregates_count_events_and_speakers(shared_store: Store) -> None:
    days = {
        (r["day"], int(r["quad"])): int(r["count"])
        for r in shared_store.events_by_day(EventFilter())
    }
    assert days == {("2023-01-16", 1): 3, ("2023-01-18", 4): 1}
    roots = [r["root"] for r in shared_store.events_by_root(EventFilter())]
    assert roots == ["03", "04", "05", "17"]
    top = shared_store.top_speakers(QuoteFilter()).rows[0]
    assert (top["key"], int(top["quotes"])) == ("per-retno-marsudi", 4)
    pairs = {
        (r["source"], r["target"]): int(r["count"]) for r in shared_store.dyads(EventFilter()).rows
    }
    assert pairs[("IDN", "MYS")] == 2


def test_store_pages_report_the_total(shared_store: Store) -> None:
    page = shared_store.articles(ArticleFilter(), limit=2, offset=1)
    assert page.total == len(SAMPLES) and len(page.rows) == 2
    assert shared_store.articles(ArticleFilter(), limit=2, offset=10).rows == []


def test_store_sqlite_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    with open_store(f"sqlite:///{path}") as store:
        store.upsert(SAMPLES[:1])
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("mysql://localhost/x", "unknown database"),
        ("/no/such/folder/warta.db", "does not exist"),
        ("postgresql://nobody:secret@127.0.0.1:1/none", "cannot open store"),
    ],
)
def test_store_bad_url_is_a_clear_error(url: str, reason: str) -> None:
    with pytest.raises(StoreError, match=reason) as info:
        open_store(url)
    assert "secret" not in str(info.value)


def test_store_lists_newest_first_and_undated_last(shared_store: Store) -> None:
    ids = [row["id"] for row in shared_store.articles(ArticleFilter()).rows]
    assert ids == [POLICE, RETNO, ENGLISH, HOSTILE]


@settings(max_examples=150, deadline=None)
@given(q=st.text(max_size=40))
def test_store_any_query_text_is_answered_never_raised(shared_store: Store, q: str) -> None:
    page = shared_store.articles(ArticleFilter(q=q))
    assert page.total >= len(page.rows)
    shared_store.quotes(QuoteFilter(q=q))


def test_store_rebuilds_its_index_when_the_stemming_rules_change(store_url: str) -> None:
    with open_store(store_url) as store:
        store.upsert(SAMPLES)
        store.normalizer.fingerprint = "older-rules"
        assert store.reindex() == len(SAMPLES)
    with open_store(store_url) as reopened:  # other rules than recorded: rebuilt on open
        assert reopened.articles(ArticleFilter(q="berunding")).total == 1
        assert reopened.quotes(QuoteFilter(q="sepakat")).total == 1
    with open_store(store_url) as again, again.engine.connect() as conn:
        recorded = conn.exec_driver_sql(
            "SELECT value FROM warta_meta WHERE name = 'normalizer'"
        ).scalar()
        assert recorded == again.normalizer.fingerprint
