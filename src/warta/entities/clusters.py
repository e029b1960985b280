"""Distributional word clusters for the NER model, built from unlabelled news text.

Words that appear in similar contexts (the word before and after) get similar vectors:
positive pointwise mutual information against the commonest context words, reduced by a
randomised SVD, then grouped by k-means at three granularities (a hierarchy: fine clusters
are grouped again into coarser ones). A cluster id is a feature the tagger can use for words
it never saw labelled, which is most of the gap between a plain word+shape CRF and better
models on small corpora.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["CASE_BUCKETS", "WordVectors", "build_word_vectors", "case_class", "case_ratios"]

F32 = npt.NDArray[np.float32]


@dataclass(frozen=True)
class WordVectors:
    """Lower-cased words with a unit vector and cluster ids (coarsest first) each."""

    words: tuple[str, ...]
    vectors: F32  # [n_words, dim]
    clusters: npt.NDArray[np.int16]  # [n_words, levels]
    # how each word is written in cased text: [n_words, 2] = share of its occurrences
    # (sentence-initial ones left out) Capitalised and ALL CAPS; -1 when seen too rarely
    case: F32 | None = None

    def cluster_map(self) -> dict[str, tuple[int, ...]]:
        return {
            w: tuple(int(c) for c in row) for w, row in zip(self.words, self.clusters, strict=True)
        }

    def save(self, path: Path) -> None:
        """Compressed numpy; vectors are stored as int8 (ample precision for features)."""
        data = "\n".join(self.words).encode("utf-8")
        scale = float(np.abs(self.vectors).max()) / 127 or 1.0
        extra: dict[str, Any] = {}
        if self.case is not None:
            extra["case"] = self.case.astype(np.float16)
        np.savez_compressed(
            path,
            words=np.frombuffer(data, dtype=np.uint8),
            vectors=np.round(self.vectors / scale).astype(np.int8),
            scale=np.asarray([scale], dtype=np.float32),
            clusters=self.clusters,
            **extra,
        )

    @classmethod
    def load(cls, path: Path) -> WordVectors:
        with np.load(path, allow_pickle=False) as npz:
            words = tuple(npz["words"].tobytes().decode("utf-8").split("\n"))
            vectors = npz["vectors"].astype(np.float32) * float(npz["scale"][0])
            case = npz["case"].astype(np.float32) if "case" in npz.files else None
            return cls(words, vectors, npz["clusters"], case)

    def case_map(self) -> dict[str, str]:
        """Word -> its case class (``case_class``), for the words that have case figures."""
        if self.case is None:
            return {}
        return {
            w: case_class(float(cap), float(upper))
            for w, (cap, upper) in zip(self.words, self.case, strict=True)
            if cap >= 0
        }


# upper bounds of the share of capitalised occurrences that name a case class
CASE_BUCKETS = (0.02, 0.2, 0.5, 0.8, 0.98)


def case_class(cap: float, upper: float) -> str:
    """A word's case class: its share of Capitalised occurrences bucketed, "A" if mostly CAPS."""
    if upper >= 0.5:
        return "A"
    return str(sum(cap > bound for bound in CASE_BUCKETS))


def case_ratios(
    sentences: Iterable[Sequence[str]], words: Sequence[str], min_count: int = 2
) -> F32:
    """[len(words), 2]: share of each word's non-initial occurrences Capitalised / ALL CAPS."""
    index = {w: i for i, w in enumerate(words)}
    counts = np.zeros((len(words), 3), dtype=np.float64)  # seen, capitalised, all caps
    for sent in sentences:
        for form in sent[1:]:  # a sentence's first word is capitalised whatever it is
            i = index.get(form.lower())
            if i is not None and form[:1].isalpha():
                counts[i] += (1.0, form[:1].isupper(), len(form) > 1 and form.isupper())
    out = np.full((len(words), 2), -1.0, dtype=np.float32)
    seen = counts[:, 0] >= min_count
    out[seen] = (counts[seen, 1:] / counts[seen, :1]).astype(np.float32)
    return out


def build_word_vectors(
    sentences: Iterable[Sequence[str]],
    min_count: int = 3,
    n_context: int = 1500,
    dim: int = 64,
    sizes: Sequence[int] = (1000, 250, 50),
    seed: int = 0,
) -> WordVectors:
    """Vectors and clusters for every lower-cased word seen at least ``min_count`` times."""
    sents = [[w.lower() for w in s] for s in sentences]
    counts = Counter(w for s in sents for w in s)
    words = [w for w, c in counts.most_common() if c >= min_count and "\n" not in w]
    index = {w: i for i, w in enumerate(words)}
    vectors = _embed(sents, index, min(n_context, len(words)), dim, seed)
    fine = _kmeans(vectors, min(sizes[0], len(words)), seed)
    levels = [fine]
    centroids = _centroids(vectors, fine, int(fine.max()) + 1)
    for k in sizes[1:]:
        groups = _kmeans(centroids, min(k, len(centroids)), seed)
        levels.append(groups[levels[0]])
    clusters = np.stack(levels[::-1], axis=1).astype(np.int16)
    return WordVectors(tuple(words), vectors, clusters)


def _embed(
    sents: Sequence[Sequence[str]], index: dict[str, int], n_context: int, dim: int, seed: int
) -> F32:
    """PPMI of (word, left word) and (word, right word) counts, reduced to ``dim`` by SVD."""
    ids = [np.asarray([index.get(w, -1) for w in s], dtype=np.int64) for s in sents if s]
    flat = np.concatenate([np.r_[-1, a, -1] for a in ids])
    n = len(index)
    counts = np.zeros((n, 2 * n_context), dtype=np.float32)
    for shift, offset in ((-1, 0), (1, n_context)):
        word = flat[1:-1]
        ctx = flat[1 + shift : len(flat) - 1 + shift]
        ok = (word >= 0) & (ctx >= 0) & (ctx < n_context)
        np.add.at(counts, (word[ok], ctx[ok] + offset), 1.0)
    total = counts.sum()
    ctx_p = counts.sum(axis=0) ** 0.75
    ctx_p /= ctx_p.sum()
    word_p = counts.sum(axis=1, keepdims=True) / max(total, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(counts / max(total, 1.0) / (word_p * ctx_p[None, :]))
    ppmi = np.nan_to_num(np.maximum(pmi, 0.0), posinf=0.0).astype(np.float32)
    u, s = _randomized_svd(ppmi, dim, seed)
    vectors = (u * np.sqrt(s)[None, :]).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    result: F32 = vectors / np.maximum(norms, 1e-8)
    return result


def _randomized_svd(x: F32, rank: int, seed: int) -> tuple[F32, F32]:
    rng = np.random.default_rng(seed)
    q = x @ rng.standard_normal((x.shape[1], rank + 10)).astype(np.float32)
    for _ in range(2):
        q, _ = np.linalg.qr(x @ (x.T @ q))
    u_small, s, _ = np.linalg.svd(q.T @ x, full_matrices=False)
    return (q @ u_small)[:, :rank], s[:rank]


def _kmeans(x: F32, k: int, seed: int, iters: int = 25) -> npt.NDArray[np.int64]:
    """Cosine k-means (rows of ``x`` are unit vectors); returns each row's cluster."""
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        assign = (x @ centres.T).argmax(axis=1)
        centres = _centroids(x, assign, k)
        empty = np.linalg.norm(centres, axis=1) == 0
        centres[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
    return assign


def _centroids(x: F32, assign: npt.NDArray[np.int64], k: int) -> F32:
    sums = np.zeros((k, x.shape[1]), dtype=np.float32)
    np.add.at(sums, assign, x)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    result: F32 = sums / np.maximum(norms, 1e-8)
    return result
