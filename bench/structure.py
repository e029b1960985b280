"""Front-stage speed: read and structure the IndoSum corpus, in articles per second.

    python bench/structure.py --shared ../shared [--repeat 3]

Reports reading (JSONL to RawDocument) and structuring (RawDocument to Article) separately
and together, best of ``--repeat`` runs, on one core. The budget for both together is well
under a millisecond per article.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from warta.ingest import RawDocument, iter_documents
from warta.structure import StructureResources, structure_document


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
    for name, (wall, cpu) in (("read", read_s), ("structure", structure_s), ("both", both)):
        print(
            f"{name:<10} {n / wall:8.0f} articles/s {wall / n * 1000:6.3f} ms/article"
            f"  | {n / cpu:8.0f} articles/s {cpu / n * 1000:6.3f} ms/article"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
