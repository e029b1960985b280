"""Front-stage speed: read and structure the IndoSum corpus, in articles per second.

    python bench/structure.py --shared ../shared [--repeat 3] [--records out.jsonl]

Reports reading (JSONL to RawDocument) and structuring (RawDocument to Article) separately
and together, best of ``--repeat`` runs, on one core. The budget for both together is well
under a millisecond per article. It also times the text primitives every stage calls
(tokens, paragraphs, sentences) on the structured bodies, and, given ``--records`` (the
JSONL that ``warta process`` wrote), writing those records back out as JSON lines.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from warta.ingest import RawDocument, iter_documents
from warta.records import record_from_dict, record_to_dict
from warta.structure import StructureResources, structure_document
from warta.text import paragraph_spans, sentences, tokens


def best_time(repeat: int, work: Callable[[], object]) -> tuple[float, float]:
    """The fastest of ``repeat`` runs of ``work()``: (wall seconds, CPU seconds).

    CPU time is the figure to trust on a shared, busy machine; wall time on a quiet one.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--records", type=Path, help="records to time serialisation on")
    args = parser.parse_args()
    corpus = args.shared / "corpus" / "indosum" / "articles.jsonl"
    if not corpus.is_file():
        print(f"no IndoSum corpus at {corpus}", file=sys.stderr)
        return 2
    docs = [d for d in iter_documents([str(corpus)]) if isinstance(d, RawDocument)]
    res = StructureResources.load()
    read_s = best_time(args.repeat, lambda: list(iter_documents([str(corpus)])))
    structure_s = best_time(args.repeat, lambda: [structure_document(d, res) for d in docs])
    n = len(docs)
    both = (read_s[0] + structure_s[0], read_s[1] + structure_s[1])
    print(f"IndoSum articles: {n}   (wall clock | CPU time, best of {args.repeat})")
    report(n, [("read", read_s), ("structure", structure_s), ("both", both)])
    texts = [structure_document(d, res).text for d in docs]
    # Each call's result is dropped at once, as in the pipeline: keeping every token list
    # alive would time the garbage collector walking them instead.
    print("text primitives, one call per structured body:")
    report(
        n,
        [
            ("tokens", best_time(args.repeat, lambda: [len(tokens(t)) for t in texts])),
            (
                "paragraphs",
                best_time(args.repeat, lambda: list(map(len, map(paragraph_spans, texts)))),
            ),
            ("sentences", best_time(args.repeat, lambda: [len(sentences(t)) for t in texts])),
        ],
    )
    if args.records is not None:
        with args.records.open(encoding="utf-8") as lines:
            records = [record_from_dict(json.loads(line)) for line in lines]
        serialise = best_time(
            args.repeat,
            lambda: [len(json.dumps(record_to_dict(r), ensure_ascii=False)) for r in records],
        )
        print(f"writing {len(records)} records as JSON lines:")
        report(len(records), [("serialise", serialise)])
    return 0


def report(n: int, rows: list[tuple[str, tuple[float, float]]]) -> None:
    """One line per row: articles/s and ms/article, wall clock then CPU time."""
    for name, (wall, cpu) in rows:
        print(
            f"{name:<10} {n / wall:8.0f} articles/s {wall / n * 1000:6.3f} ms/article"
            f"  | {n / cpu:8.0f} articles/s {cpu / n * 1000:6.3f} ms/article"
        )


if __name__ == "__main__":
    sys.exit(main())
