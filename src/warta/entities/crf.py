"""Training a type-decomposed linear-chain CRF in numpy: objective, gradient, L-BFGS.

The model scores token ``i`` for label ``y`` as the sum, over offsets ``k`` in -c..+c, of the
weights ``W[f, k, y]`` of every feature ``f`` of the word type at ``i + k``. Because every
feature is a feature of a word type, the gradient flows from token positions to types (one
grouped sum) and from types to features (another), with no per-token Python work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from warta.entities.model import WIDTH

__all__ = ["CrfData", "GroupSum", "lbfgs", "objective"]

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True)
class GroupSum:
    """Sums rows of a matrix grouped by an id, precomputed for repeated use."""

    order: I64
    starts: I64
    keys: I64
    size: int

    @classmethod
    def of(cls, ids: I64, size: int) -> GroupSum:
        order = np.argsort(ids, kind="stable")
        sorted_ids = ids[order]
        starts = np.flatnonzero(np.r_[True, sorted_ids[1:] != sorted_ids[:-1]])
        return cls(order, starts, sorted_ids[starts], size)

    def __call__(self, rows: npt.NDArray[Any]) -> npt.NDArray[Any]:
        out = np.zeros((self.size, rows.shape[1]), dtype=rows.dtype)
        if len(self.order):
            out[self.keys] = np.add.reduceat(rows[self.order], self.starts, axis=0)
        return out


@dataclass(frozen=True)
class Batch:
    positions: I64  # [B, T] flat index of each slot (padding repeats the last token)
    mask: npt.NDArray[np.bool_]  # [B, T]
    gold: I64  # [B, T]
    lengths: I64


@dataclass(frozen=True)
class CrfData:
    """A training set encoded as type ids, feature pairs and length-sorted batches."""

    n_features: int
    n_labels: int
    type_feats: I64  # feature id of each (type, feature) pair
    type_of_pair: I64  # type id of each pair
    n_types: int
    flat_types: I64  # [slots, parts]: the type ids (form, shape) of every flat slot
    batches: tuple[Batch, ...]
    gold_trans: F64
    dense: npt.NDArray[np.float32]  # [n_types, dim]: real-valued features (word vectors)
    width: int = WIDTH  # relative positions -c..+c whose types score a token
    # added to the transition weights: -inf-like where a label pair is not allowed (BIOES)
    trans_bias: F64 | None = None

    @property
    def context(self) -> int:
        return (self.width - 1) // 2

    @property
    def n_params(self) -> int:
        """Sparse weights, dense weights, then transitions, flattened."""
        n_rows = self.n_features + int(self.dense.shape[1])
        return n_rows * self.width * self.n_labels + self.n_labels**2

    @classmethod
    def build(
        cls,
        type_features: Sequence[Sequence[int]],
        n_features: int,
        flat_types: Sequence[Sequence[int]],
        sentence_starts: Sequence[int],
        gold: Sequence[Sequence[int]],
        n_labels: int,
        dense: npt.NDArray[np.float32] | None = None,
        batch_size: int = 512,
        width: int = WIDTH,
        trans_bias: F64 | None = None,
    ) -> CrfData:
        pairs_t = np.repeat(np.arange(len(type_features)), [len(f) for f in type_features])
        pairs_f = np.fromiter((f for fs in type_features for f in fs), dtype=np.int64)
        order = np.argsort([len(g) for g in gold], kind="stable")
        batches = []
        for lo in range(0, len(order), batch_size):
            idx = order[lo : lo + batch_size]
            batches.append(_batch([sentence_starts[i] for i in idx], [gold[i] for i in idx]))
        gold_trans = np.zeros((n_labels, n_labels))
        for g in gold:
            path = [0, *g, 0]
            np.add.at(gold_trans, (path[:-1], path[1:]), 1.0)
        return cls(
            n_features,
            n_labels,
            pairs_f,
            pairs_t,
            len(type_features),
            np.asarray(flat_types, dtype=np.int64),
            tuple(batches),
            gold_trans,
            np.zeros((len(type_features), 0), np.float32) if dense is None else dense,
            width,
            trans_bias,
        )


def _batch(starts: Sequence[int], gold: Sequence[Sequence[int]]) -> Batch:
    lengths = np.asarray([len(g) for g in gold])
    steps = int(lengths.max())
    offs = np.minimum(np.arange(steps)[None, :], lengths[:, None] - 1)
    positions = np.asarray(starts)[:, None] + offs
    mask = np.arange(steps)[None, :] < lengths[:, None]
    gold_arr = np.zeros((len(gold), steps), dtype=np.int64)
    for b, g in enumerate(gold):
        gold_arr[b, : len(g)] = g
    return Batch(positions, mask, gold_arr, lengths)


def objective(data: CrfData, l2: float) -> Callable[[F64], tuple[float, F64]]:
    """Negative log-likelihood plus an L2 penalty, and its gradient, over flat parameters."""
    n_lab = data.n_labels
    to_type = [GroupSum.of(col, data.n_types) for col in data.flat_types.T]
    to_feat = GroupSum.of(data.type_feats, data.n_features)
    to_rows = GroupSum.of(data.type_of_pair, data.n_types)
    width, context = data.width, data.context
    n_w = data.n_features * width * n_lab
    n_d = data.dense.shape[1] * width * n_lab

    def fn(theta: F64) -> tuple[float, F64]:
        # float32 halves the memory traffic that dominates; the loss is summed in float64
        weights = theta[:n_w].reshape(data.n_features, width * n_lab).astype(np.float32)
        dense_w = theta[n_w : n_w + n_d].reshape(-1, width * n_lab).astype(np.float32)
        trans = theta[n_w + n_d :].reshape(n_lab, n_lab)
        if data.trans_bias is not None:
            trans = trans + data.trans_bias
        type_rows = to_rows(weights[data.type_feats]) + data.dense @ dense_w
        rows = type_rows[data.flat_types[:, 0]]
        for col in data.flat_types.T[1:]:
            rows += type_rows[col]
        grad_rows = np.zeros_like(rows)
        loss = -float(np.sum(data.gold_trans * trans))
        grad_trans = -data.gold_trans.copy()
        for batch in data.batches:
            b_loss, grad_emit, b_trans = _batch_nll(rows, trans, batch, n_lab, context)
            loss += b_loss
            grad_trans += b_trans
            live = batch.positions[batch.mask]
            g = grad_emit[batch.mask]
            for k in range(width):
                grad_rows[live + (k - context), k * n_lab : (k + 1) * n_lab] += g
        grad_types = to_type[0](grad_rows)
        for group in to_type[1:]:
            grad_types += group(grad_rows)
        grad_w = to_feat(grad_types[data.type_of_pair]) + l2 * weights
        grad_d = data.dense.T @ grad_types + l2 * dense_w
        loss += 0.5 * l2 * float(np.dot(theta[: n_w + n_d], theta[: n_w + n_d]))
        grads = [grad_w.ravel(), grad_d.ravel(), grad_trans.ravel()]
        return loss, np.concatenate(grads).astype(np.float64)

    return fn


def _batch_nll(
    rows: npt.NDArray[Any], trans: F64, batch: Batch, n_lab: int, context: int
) -> tuple[float, npt.NDArray[Any], F64]:
    """Loss, d loss / d emission and expected-minus-nothing transition counts for one batch."""
    emit = np.zeros((*batch.positions.shape, n_lab), dtype=rows.dtype)
    for k in range(2 * context + 1):
        emit += rows[batch.positions + (k - context), k * n_lab : (k + 1) * n_lab]
    n_b, steps, _ = emit.shape
    top = emit.max(axis=2, keepdims=True)
    psi = np.exp(emit - top)
    g_mat = np.exp(trans).astype(rows.dtype)
    end = g_mat[:, 0]
    alpha = np.empty_like(emit)
    scale = np.ones((n_b, steps), dtype=rows.dtype)
    x = g_mat[0][None, :] * psi[:, 0]
    scale[:, 0] = x.sum(axis=1)
    alpha[:, 0] = x / scale[:, 0:1]
    for t in range(1, steps):
        x = (alpha[:, t - 1] @ g_mat) * psi[:, t]
        c = x.sum(axis=1)
        live = batch.mask[:, t]
        alpha[:, t] = np.where(live[:, None], x / c[:, None], alpha[:, t - 1])
        scale[:, t] = np.where(live, c, 1.0)
    z_end = alpha[:, -1] @ end
    log_z = (
        np.log(scale).sum(axis=1, dtype=np.float64)
        + (top[:, :, 0] * batch.mask).sum(axis=1, dtype=np.float64)
        + np.log(z_end)
    )
    beta = np.empty_like(emit)
    beta[:, -1] = end
    e_trans = np.zeros((n_lab, n_lab))
    for t in range(steps - 2, -1, -1):
        live = batch.mask[:, t + 1]
        u = psi[:, t + 1] * beta[:, t + 1]
        beta[:, t] = np.where(live[:, None], (u @ g_mat.T) / scale[:, t + 1 : t + 2], end)
        a = alpha[:, t][live] / (scale[live, t + 1] * z_end[live])[:, None]
        e_trans += g_mat * (a.T @ u[live])
    post = alpha * beta
    post /= post.sum(axis=2, keepdims=True)
    post *= batch.mask[:, :, None]
    last = batch.lengths - 1
    e_trans[0] += post[:, 0].sum(axis=0)
    e_trans[:, 0] += post[np.arange(n_b), last].sum(axis=0)
    gold_emit = np.take_along_axis(emit, batch.gold[:, :, None], axis=2)[:, :, 0]
    loss = float(log_z.sum() - (gold_emit * batch.mask).sum(dtype=np.float64))
    grad = post.copy()
    np.put_along_axis(
        grad, batch.gold[:, :, None], np.take_along_axis(grad, batch.gold[:, :, None], 2) - 1, 2
    )
    grad *= batch.mask[:, :, None]
    return loss, grad, e_trans


def lbfgs(
    fn: Callable[[F64], tuple[float, F64]],
    x0: F64,
    max_iter: int = 200,
    memory: int = 10,
    tol: float = 1e-5,
    log: Callable[[str], None] | None = None,
) -> F64:
    """Minimise ``fn`` (value, gradient) by L-BFGS with a backtracking Armijo line search."""
    x = x0.copy()
    fx, g = fn(x)
    hist: list[tuple[F64, F64, float]] = []
    for it in range(max_iter):
        d = -_two_loop(g, hist)
        slope = float(g @ d)
        if slope >= 0:  # not a descent direction: restart from steepest descent
            hist.clear()
            d, slope = -g, -float(g @ g)
        step = 1.0 if hist else 1.0 / max(1.0, float(np.sqrt(g @ g)))
        while True:
            x_new = x + step * d
            f_new, g_new = fn(x_new)
            if f_new <= fx + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s, y = x_new - x, g_new - g
        sy = float(s @ y)
        if sy > 1e-10:
            hist.append((s, y, 1.0 / sy))
            hist = hist[-memory:]
        rel = (fx - f_new) / max(abs(fx), 1.0)
        x, fx, g = x_new, f_new, g_new
        if log and it % 10 == 0:
            log(f"iter {it}: loss {fx:.2f}")
        if 0 <= rel < tol:
            break
    return x


def _two_loop(g: F64, hist: Sequence[tuple[F64, F64, float]]) -> F64:
    q = g.copy()
    alphas = []
    for s, y, rho in reversed(hist):
        a = rho * float(s @ q)
        alphas.append(a)
        q -= a * y
    if hist:
        s, y, _ = hist[-1]
        q *= float(s @ y) / float(y @ y)
    for (s, y, rho), a in zip(hist, reversed(alphas), strict=True):
        b = rho * float(y @ q)
        q += (a - b) * s
    return q
