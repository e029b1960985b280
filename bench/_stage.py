"""What the per-stage benchmarks share: IndoSum as bare articles, stand-in entities, timing.

Each ``bench/<stage>.py`` times one stage alone, so the articles are built straight from the
corpus text (no structuring) with the collection time as their date. Timings report CPU time
as the headline: on a shared machine it is the steadier figure; wall time is printed beside it.
"""

from __future__ import annotations

import dataclasses
import json
import re
import statistics
import time
from collections.abc import Callable, Sized
from pathlib import Path

from warta.records import Article, Entity, Mention, Source

_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}")


def indosum_articles(shared: Path, limit: int) -> list[Article]:
    """The first ``limit`` IndoSum articles as records with text, date and outlet only."""
    path = shared / "corpus" / "indosum" / "articles.jsonl"
    articles: list[Article] = []
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n >= limit:
                break
            row = json.loads(line)
            articles.append(
                Article(
                    id=row["id"],
                    source=Source(path=str(path), offset=n),
                    language="id",
                    title=None,
                    outlet=row.get("outlet"),
                    section=None,
                    published=row.get("date"),
                    wire=(),
                    text=row["text"],
                )
            )
    return articles


def stand_in_entities(text: str, actor: str | None = None) -> tuple[Entity, ...]:
    """Every capitalised run as a person (coded ``actor``), its repeats as mentions.

    This gives speaker and actor lookups at least as much work as real entities do.
    """
    by_name: dict[str, list[Mention]] = {}
    for m in _NAME.finditer(text):
        by_name.setdefault(m.group(), []).append(Mention(m.group(), m.start(), m.end()))
    return tuple(
        Entity(f"e{i}", name, "PER", actor=actor, mentions=tuple(ms))
        for i, (name, ms) in enumerate(by_name.items(), 1)
    )


def with_entities(articles: list[Article], source: str, actor: str | None = None) -> list[Article]:
    """Articles with entities from ``names`` (stand-ins), ``pipeline`` (the real entity and
    quote stages, run once and not timed) or ``none``."""
    if source == "names":
        return [dataclasses.replace(a, entities=stand_in_entities(a.text, actor)) for a in articles]
    if source == "pipeline":
        from warta.pipeline import Pipeline, PipelineConfig

        pipe = Pipeline(PipelineConfig(events=False))
        return [pipe.annotate(a) for a in articles]
    return articles


@dataclasses.dataclass(frozen=True)
class Timing:
    """Best-of-N CPU and wall milliseconds per article, and what the last run found."""

    articles: int
    found: int
    cpu_ms: float
    cpu_median_ms: float
    wall_ms: float
    repeat: int

    def line(self, stage: str, what: str, extra: str = "") -> str:
        return (
            f"{stage}: {self.articles} articles, {self.found} {what}, "
            f"{self.cpu_ms:.3f} ms/article CPU (best of {self.repeat}; median "
            f"{self.cpu_median_ms:.3f}; wall best {self.wall_ms:.3f}){extra}"
        )


def time_stage(run: Callable[[Article], Sized], articles: list[Article], repeat: int) -> Timing:
    """Run ``run`` over every article ``repeat`` times; count what the last pass found."""
    cpu: list[float] = []
    wall: list[float] = []
    found = 0
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        found = sum(len(run(a)) for a in articles)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    per = 1000 / max(1, len(articles))
    return Timing(
        len(articles),
        found,
        per * min(cpu),
        per * statistics.median(cpu),
        per * min(wall),
        repeat,
    )
