"""Cost of the quote stage per article on the IndoSum corpus (target about 0.5 ms).

Run ``python bench/quotes.py --shared ../shared``. Articles are built straight from the
corpus text, so the figure is the quote stage alone. ``--entities`` says where speakers'
entities come from: ``pipeline`` runs the real entity stage first (not timed); ``names``
(the default) stands in for it with every capitalised run as a person, which exercises the
speaker lookups at least as hard as real entities do; ``none`` gives no entities at all.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _stage import indosum_articles, time_stage, with_entities
from warta.quotes import QuoteResources, find_quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=100_000)
    parser.add_argument("--entities", choices=("names", "none", "pipeline"), default="names")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    res = QuoteResources.load()
    articles = with_entities(indosum_articles(args.shared, args.limit), args.entities)
    timing = time_stage(lambda a: find_quotes(a, res), articles, args.repeat)
    print(timing.line("quotes", "quotes", f", entities={args.entities}"))


if __name__ == "__main__":
    main()
