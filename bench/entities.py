"""Cost of the entity stage per article on the IndoSum corpus (target about 1.5-2 ms).

Run ``python bench/entities.py --shared ../shared``. Articles are built straight from the
corpus text, so the figure is the entity stage alone: knowledge-base automaton, capitalised
runs, the statistical model (``--no-model`` leaves it out, to see its share), linking and
actor coding. Loading the resources is reported apart; it happens once per process.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _stage import indosum_articles, time_stage
from warta.entities import EntityResources, find_entities


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
    articles = indosum_articles(args.shared, args.limit)
    timing = time_stage(lambda a: find_entities(a, res), articles, args.repeat)
    model = "no" if args.no_model or res.model is None else "yes"
    print(
        timing.line("entities", "entities", f", model={model}, resources loaded in {load_s:.2f} s")
    )


if __name__ == "__main__":
    main()
