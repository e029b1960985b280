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
import time
from pathlib import Path

from _stage import indosum_articles, time_stage, with_entities
from warta.events import EventResources, find_events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--entities", choices=("names", "pipeline", "none"), default="names")
    args = ap.parse_args()
    start = time.perf_counter()
    res = EventResources.load()
    load_s = time.perf_counter() - start
    articles = indosum_articles(args.shared, args.articles)
    articles = with_entities(articles, args.entities, actor="IDN")
    timing = time_stage(lambda a: find_events(a, res), articles, args.repeat)
    extra = f", entities={args.entities}, resources loaded in {load_s:.2f} s"
    print(timing.line("events", "events", extra))


if __name__ == "__main__":
    main()
