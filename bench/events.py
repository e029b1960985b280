"""Cost of the event stage per article on the IndoSum corpus (target about 1 ms).

Run ``python bench/events.py --shared ../shared``. Articles are built from the corpus text
with the collection time as their date, so the figure is the event stage alone. ``--entities``
says where actors come from: ``pipeline`` runs the real entity and quote stages first (not
timed); ``names`` (the default) stands in for them with every capitalised run as a coded
person, which gives the actor lookups at least as much work as real entities; ``none`` gives
no entities, so only generic actors ("polisi", "warga") code.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import statistics
import time
from pathlib import Path

from warta.events import EventResources, find_events
from warta.records import Article, Entity, Mention, Source

_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}")


def stand_in_entities(text: str) -> tuple[Entity, ...]:
    """Every capitalised run as an Indonesian person, its repeats as mentions."""
    by_name: dict[str, list[Mention]] = {}
    for m in _NAME.finditer(text):
        by_name.setdefault(m.group(), []).append(Mention(m.group(), m.start(), m.end()))
    return tuple(
        Entity(f"e{i}", name, "PER", actor="IDN", mentions=tuple(ms))
        for i, (name, ms) in enumerate(by_name.items())
    )


def load_articles(shared: Path, limit: int, entities: str) -> list[Article]:
    """IndoSum articles as records, with entities from the chosen source."""
    articles: list[Article] = []
    with (shared / "corpus" / "indosum" / "articles.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= limit:
                break
            row = json.loads(line)
            text = row["text"]
            art = Article(
                id=row["id"], source=Source(path=row["id"]), language="id", title=None,
                outlet=row.get("outlet"), section=None, published=row.get("date"), wire=(),
                text=text,
            )  # fmt: skip
            if entities == "names":
                art = dataclasses.replace(art, entities=stand_in_entities(text))
            articles.append(art)
    if entities == "pipeline":
        from warta.pipeline import Pipeline, PipelineConfig

        pipe = Pipeline(PipelineConfig(events=False))
        articles = [pipe.annotate(a) for a in articles]
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--entities", choices=("names", "pipeline", "none"), default="names")
    args = ap.parse_args()
    start = time.perf_counter()
    res = EventResources.load()
    load_s = time.perf_counter() - start
    articles = load_articles(args.shared, args.articles, args.entities)
    runs: list[float] = []
    count = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        count = sum(len(find_events(a, res)) for a in articles)
        runs.append(time.perf_counter() - start)
    best = min(runs)
    print(
        json.dumps(
            {
                "articles": len(articles),
                "entities": args.entities,
                "events": count,
                "load_s": round(load_s, 3),
                "ms_per_article": round(1000 * best / max(1, len(articles)), 3),
                "ms_per_article_median_run": round(
                    1000 * statistics.median(runs) / max(1, len(articles)), 3
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
