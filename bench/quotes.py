"""Cost of the quote stage per article on the IndoSum corpus (target about 0.5 ms).

Run ``python bench/quotes.py --shared ../shared``. Articles are built straight from the
corpus text, so the figure is the quote stage alone. ``--entities`` says where speakers'
entities come from: ``pipeline`` runs the real entity stage first (not timed); ``names``
(the default) stands in for it with every capitalised run as a person, which exercises the
speaker lookups at least as hard as real entities do; ``none`` gives no entities at all.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import statistics
import time
from pathlib import Path

from warta.quotes import QuoteResources, find_quotes
from warta.records import Article, Entity, Mention, Source

_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}")


def stand_in_entities(text: str) -> tuple[Entity, ...]:
    """Every capitalised run as a person, its repeats as mentions."""
    by_name: dict[str, list[Mention]] = {}
    for m in _NAME.finditer(text):
        by_name.setdefault(m.group(), []).append(Mention(m.group(), m.start(), m.end()))
    return tuple(
        Entity(f"e{i}", name, "PER", mentions=tuple(ms))
        for i, (name, ms) in enumerate(by_name.items(), 1)
    )


def load_articles(shared: Path, limit: int, entities: str) -> list[Article]:
    """IndoSum articles as records ready for the quote stage."""
    path = shared / "corpus" / "indosum" / "articles.jsonl"
    articles: list[Article] = []
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n >= limit:
                break
            data = json.loads(line)
            text = data["text"]
            ents = stand_in_entities(text) if entities == "names" else ()
            articles.append(
                Article(
                    data["id"],
                    Source(path=str(path), offset=n),
                    "id",
                    None,
                    None,
                    None,
                    None,
                    (),
                    text,
                    entities=ents,
                )
            )
    return with_pipeline_entities(articles) if entities == "pipeline" else articles


def with_pipeline_entities(articles: list[Article]) -> list[Article]:
    """The articles with the real entity stage's entities (loaded once, not timed)."""
    from warta.entities import EntityResources, find_entities

    res = EntityResources.load()
    return [dataclasses.replace(a, entities=find_entities(a, res)) for a in articles]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=100_000)
    parser.add_argument("--entities", choices=("names", "none", "pipeline"), default="names")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    res = QuoteResources.load()
    articles = load_articles(args.shared, args.limit, args.entities)
    # CPU time of this process, so that other work on a shared machine does not count
    runs: list[float] = []
    walls: list[float] = []
    found = 0
    for _ in range(args.repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        found = sum(len(find_quotes(a, res)) for a in articles)
        runs.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    per = 1000 / len(articles)
    print(
        f"quotes: {len(articles)} articles, {found} quotes, "
        f"{per * min(runs):.3f} ms/article CPU (best of {args.repeat}; "
        f"median {per * statistics.median(runs):.3f}; wall best {per * min(walls):.3f}), "
        f"entities={args.entities}"
    )


if __name__ == "__main__":
    main()
