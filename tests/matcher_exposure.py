"""Exposure: how evenly vacancies appear in workers' top lists, and a mild re-rank to spread it.

A measurement for the matcher's benchmark (``make bench``), and an experiment
not wired into ranking: it lives with the tests, not in the matcher package.

Without care, one well-paid vacancy with a good employer tops every
worker's list while others are never seen. ``spread`` is a congestion
penalty computed per vacancy from how crowded it is (top-list appearances
per open position), never per worker: two workers with the same features
still get the same list, and the penalty is bounded by ``strength``.
"""

from __future__ import annotations

import numpy as np

DEFAULT_STRENGTH = 0.05


def gini(counts: np.ndarray) -> float:
    """Gini coefficient of non-negative counts: 0 when equal, towards 1 when one takes all."""
    values = np.sort(np.asarray(counts, dtype=np.float64))
    n, total = len(values), values.sum()
    if n == 0 or total == 0:
        return 0.0
    cumulative = np.cumsum(values)
    return float((n + 1 - 2 * (cumulative / total).sum()) / n)


def appearances(top: np.ndarray, n_vacancies: int) -> np.ndarray:
    """How many top lists each vacancy appears in (``top``: W x k indices, -1 for none)."""
    shown = top[top >= 0]
    return np.bincount(shown, minlength=n_vacancies)


def report(top: np.ndarray, n_vacancies: int) -> dict:
    """Concentration of exposure over all vacancies: Gini, never shown, most shown."""
    counts = appearances(top, n_vacancies)
    lists = max(len(top), 1)
    return {
        "gini": round(gini(counts), 3),
        "never_shown": round(float((counts == 0).mean()) if n_vacancies else 0.0, 3),
        "max_share_of_lists": round(float(counts.max()) / lists if n_vacancies else 0.0, 3),
    }


def penalty(top: np.ndarray, positions: np.ndarray, strength: float = DEFAULT_STRENGTH) -> np.ndarray:
    """Per vacancy, a score penalty in [0, strength] growing with appearances per open position."""
    crowding = np.log1p(appearances(top, len(positions)) / np.maximum(positions, 1))
    peak = crowding.max() if len(crowding) else 0.0
    return (strength * crowding / peak if peak > 0 else np.zeros(len(positions))).astype(np.float32)


def spread(candidates: np.ndarray, scores: np.ndarray, positions: np.ndarray, k: int,
           strength: float = DEFAULT_STRENGTH) -> tuple[np.ndarray, np.ndarray]:
    """Re-rank each worker's candidates (W x M, best first, -1 padded) to a top ``k`` with the penalty.

    The penalty comes from the unpenalised top ``k`` lists, so one pass
    suffices and the result does not depend on the order of workers.
    Returned scores are the penalised ones the new order follows.
    """
    penalised = np.where(candidates >= 0, scores - penalty(candidates[:, :k], positions, strength)[candidates], -np.inf)
    order = np.argsort(-penalised, axis=1, kind="stable")[:, :k]
    top = np.take_along_axis(candidates, order, axis=1)
    top_scores = np.take_along_axis(penalised, order, axis=1)
    top[~np.isfinite(top_scores)] = -1
    return top, top_scores.astype(np.float32)
