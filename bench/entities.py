"""Cost of the entity stage per article on the IndoSum corpus (target about 1.5-2 ms).

Run ``python bench/entities.py --shared ../shared``. Articles are built straight from the
corpus text, so the figure is the entity stage alone: knowledge-base automaton, capitalised
runs, the statistical model (``--no-model`` leaves it out, to see its share), linking and
actor coding. Loading the resources is reported apart; it happens once per process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from warta.entities import EntityResources, find_entities
from warta.records import Article, Source


def load_articles(shared: Path, limit: int) -> list[Article]:
    """IndoSum articles as records ready for the entity stage."""
    path = shared / "corpus" / "indosum" / "articles.jsonl"
    articles: list[Article] = []
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n >= limit:
                break
            data = json.loads(line)
            source = Source(path=str(path), offset=n)
            published = data.get("date")
            articles.append(
                Article(data["id"], source, "id", None, None, None, published, (), data["text"])
            )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-model", action="store_true", help="rules and KB only")
    args = parser.parse_args()
    start = time.perf_counter()
    res = EntityResources.load(use_model=not args.no_model)
    load_s = time.perf_counter() - start
    articles = load_articles(args.shared, args.limit)
    runs: list[float] = []
    cpu: list[float] = []
    found = 0
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        found = sum(len(find_entities(a, res)) for a in articles)
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    best = min(runs)
    # CPU time is the steadier figure on a shared machine; wall time is what a user waits
    print(
        f"entities: {len(articles)} articles, {found} entities, "
        f"{1000 * best / len(articles):.3f} ms/article wall (best of {args.repeat}; "
        f"median {1000 * statistics.median(runs) / len(articles):.3f}), "
        f"{1000 * min(cpu) / len(articles):.3f} ms/article CPU, "
        f"model={'no' if args.no_model or res.model is None else 'yes'}, "
        f"resources loaded in {load_s:.2f} s"
    )


if __name__ == "__main__":
    main()
