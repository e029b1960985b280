"""Search latency (p50, p95) over an IndoSum store, for queries analysts commonly type.

Run ``python bench/search.py --db indosum.db``. With ``--build`` (and no database at that
path yet) the IndoSum corpus is first processed through the full pipeline into it, as
``warta process ../shared/corpus/indosum/articles.jsonl --db indosum.db`` would do. Each
query is run ``--repeat`` times through the same data functions the API answers with
(``warta.web.queries``: count, ranked page of 20, snippets), so the figures are what a
request costs minus HTTP. Also reports the time to write the corpus into the store.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from warta.ingest import iter_documents
from warta.pipeline import Pipeline
from warta.records import Article
from warta.store import ArticleFilter, QuoteFilter, Store, open_store
from warta.web import queries

# Common searches over Indonesian news: names, institutions, topics, inflected words,
# phrases and a prefix, from one to three words.
ARTICLE_QUERIES = (
    "jokowi",
    "presiden",
    "pemerintah",
    "korupsi",
    "gempa",
    "sepak bola",
    "timnas indonesia",
    "menteri keuangan",
    "harga minyak",
    "polisi menangkap",
    '"bank indonesia"',
    '"liga inggris"',
    "pertandingan",
    "teknolog*",
    "smartphone android",
)
QUOTE_QUERIES = ("kami", "pemerintah", "tidak", "pertandingan", "harga", '"saya pikir"')


def build(db: str, shared: Path, batch: int = 300) -> None:
    """Process IndoSum into ``db`` with the full pipeline; prints the write cost."""
    pipeline = Pipeline()
    corpus = str(shared / "corpus" / "indosum" / "articles.jsonl")
    write_s, pending, done = 0.0, [], 0
    with open_store(db) as store:
        for result in pipeline.run_many(iter_documents([corpus])):
            if isinstance(result, Article):
                pending.append(result)
            if len(pending) >= batch:
                start = time.perf_counter()
                done += store.upsert(pending)
                write_s, pending = write_s + time.perf_counter() - start, []
        start = time.perf_counter()
        done += store.upsert(pending)
        write_s += time.perf_counter() - start
    print(
        f"built {db}: {done} articles, store writes {1000 * write_s / max(done, 1):.2f} ms/article"
    )


def _timed(call: Callable[[], Any], repeat: int) -> tuple[list[float], list[float], int]:
    """Wall and CPU milliseconds of each call, and the call's ``total``."""
    wall, cpu, total = [], [], 0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        total = call()["total"]
        wall.append(1000 * (time.perf_counter() - start))
        cpu.append(1000 * (time.process_time() - start_cpu))
    return wall, cpu, total


def _report(label: str, wall: list[float], cpu: list[float]) -> None:
    # CPU time (this process, database engine included for SQLite) is the steadier figure
    # on a shared machine; wall time is what a caller waits.
    ordered = sorted(wall)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"{label:<40} p50 {statistics.median(ordered):7.2f} ms   p95 {p95:7.2f} ms   "
        f"(cpu p50 {statistics.median(cpu):6.2f} ms)"
    )


def bench(store: Store, repeat: int) -> None:
    """Run every query ``repeat`` times; per-query and overall p50/p95."""
    print(f"{store.count()} articles in {store.url} ({store.dialect.name})")
    suites = (
        ("articles", ARTICLE_QUERIES, lambda q: queries.articles(store, ArticleFilter(q=q))),
        ("quotes", QUOTE_QUERIES, lambda q: queries.quotes(store, QuoteFilter(q=q))),
    )
    for name, qs, run in suites:
        all_wall: list[float] = []
        all_cpu: list[float] = []
        for q in qs:
            wall, cpu, total = _timed(lambda q=q, run=run: run(q), repeat)  # type: ignore[misc]
            all_wall += wall
            all_cpu += cpu
            _report(f"  {name}: {q} ({total})", wall, cpu)
        _report(f"{name} search, all queries", all_wall, all_cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="indosum.db", help="SQLite path or postgresql:// URL")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--build", action="store_true", help="process IndoSum into --db first")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if args.build and not Path(args.db).exists():
        build(args.db, args.shared)
    with open_store(args.db) as store:
        store.articles(ArticleFilter(q="warm"))  # first query pays for opening the index
        bench(store, args.repeat)


if __name__ == "__main__":
    main()
