"""Speed of the NER tagger on IndoSum: tokens per second and ms per article.

Run ``python bench/ner.py --shared ../shared``. Articles are split into sentences and
tokens with ``warta.text`` first (not timed: that is the structure stage's cost); then the
tagger runs over each article's sentences, once batched per article (``tag_sentences``) and
once sentence by sentence (``tag_spans``). Wall and CPU times are each the best of
``--repeat`` runs; ``--json FILE`` also writes the figures.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from warta.entities.model import NerModel
from warta.text import Token, sentences, tokens


def _articles(shared: Path, limit: int) -> list[tuple[str, list[list[Token]]]]:
    out: list[tuple[str, list[list[Token]]]] = []
    with (shared / "corpus" / "indosum" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            sents = [tokens(text, s.start, s.end) for s in sentences(text)]
            out.append((text, [s for s in sents if s]))
            if len(out) >= limit:
                break
    return out


def _time(fn: Any, repeat: int) -> tuple[float, float]:
    """Best-of-``repeat`` wall and CPU seconds (CPU is the steadier on a shared machine)."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best, best_cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    start = time.perf_counter()
    model = NerModel.load()
    load_s = time.perf_counter() - start
    arts = _articles(args.shared, args.articles)
    n_tok = sum(len(s) for _, sents in arts for s in sents)

    def batched() -> None:
        for _, sents in arts:
            model.tag_sentences([[t.text for t in s] for s in sents])

    def per_sentence() -> None:
        for text, sents in arts:
            for s in sents:
                model.tag_spans(text, s)

    figures: dict[str, Any] = {"articles": len(arts), "tokens": n_tok, "load_s": round(load_s, 3)}
    for name, fn in (("batched", batched), ("per_sentence", per_sentence)):
        secs, cpu_secs = _time(fn, args.repeat)
        figures[name] = {
            "tokens_per_s": round(n_tok / secs),
            "ms_per_article": round(1000 * secs / len(arts), 3),
            "cpu_ms_per_article": round(1000 * cpu_secs / len(arts), 3),
        }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
