"""Top-k lists with reasons, on whole blocks: each worker's best vacancies, each vacancy's best workers.

Pure numpy over ``WorkerTable``/``VacancyTable`` (no database): the
ranking index (``matcher.index``) asks it on each request. An entry is
``(index, score, reason_keys)``; only eligible pairs are listed. A
vacancy's candidates are gated on whole columns first; features and the
model then see only the workers who passed.
"""

from __future__ import annotations

import numpy as np

from matcher import gates
from matcher.features import compute
from matcher.ranker import DEFAULT_WEIGHTS, LinearRanker
from matcher.ranking import score_block
from matcher.reasons import explain
from matcher.tables import VacancyTable, WorkerTable, take

WORKER_BLOCK = 256


def _eligible_scores(mask: np.ndarray, scores: np.ndarray) -> np.ndarray:
    return np.where(mask == 0, np.nan_to_num(scores, nan=0.0), -np.inf).astype(np.float32)


def _best(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Column indices and scores of each row's ``k`` highest finite scores, best first (-1 padding)."""
    k = min(k, scores.shape[1])
    if k == 0:
        return np.zeros((scores.shape[0], 0), dtype=np.int64), np.zeros((scores.shape[0], 0), dtype=np.float32)
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    part_scores = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-part_scores, axis=1, kind="stable")
    best, top = np.take_along_axis(part, order, axis=1), np.take_along_axis(part_scores, order, axis=1)
    best[~np.isfinite(top)] = -1
    return best, top


def _entries(best, top, features, weights, transpose: bool) -> list[list[tuple]]:
    """Rows of ``(index, score, reason_keys)`` from ``_best`` results of one block."""
    rows, cols = np.nonzero(best >= 0)
    picked = best[rows, cols]
    pairs = (picked, rows) if transpose else (rows, picked)
    keys = explain(features, weights, *pairs) if len(rows) else []
    lists: list[list[tuple]] = [[] for _ in range(best.shape[0])]
    for row, col, index, reason in zip(rows.tolist(), cols.tolist(), picked.tolist(), keys, strict=True):
        lists[row].append((index, round(float(top[row, col]), 4), reason))
    return lists


def worker_lists(workers: WorkerTable, vacancies: VacancyTable, k: int, ranker=None) -> list[list[tuple]]:
    """For each worker, its ``k`` best eligible vacancies (indices into ``vacancies``)."""
    weights = getattr(ranker, "weights", DEFAULT_WEIGHTS)
    lists: list[list[tuple]] = []
    for start in range(0, len(workers), WORKER_BLOCK):
        block = workers.select(slice(start, min(start + WORKER_BLOCK, len(workers))))
        mask, features, scores = score_block(block, vacancies, ranker)
        best, top = _best(_eligible_scores(mask, scores), k)
        lists += _entries(best, top, features, weights, transpose=False)
    return lists


def candidate_lists(workers: WorkerTable, vacancies: VacancyTable, rows: np.ndarray, k: int,
                    ranker=None, names=None) -> list[list[tuple]]:
    """For each vacancy at ``rows`` of ``vacancies``, its ``k`` best eligible workers (indices into ``workers``).

    Best first by score as shown (4 decimals); equal ones by ``names[row]`` when given (the workers'
    ids), else by row. So two processes holding the same workers in other rows list them alike.
    """
    weights = getattr(ranker, "weights", DEFAULT_WEIGHTS)
    lists: list[list[tuple]] = []
    for row in np.asarray(rows, dtype=np.int64).tolist():
        found, features, scores = eligible_workers(workers, take(vacancies, np.array([row])), ranker)
        shown = np.round(scores.astype(np.float64), 4)
        picked = _head(shown, k, found if names is None else [names[r] for r in found.tolist()])
        keys = explain(features, weights, picked, np.zeros(len(picked), dtype=np.int64)) if len(picked) else []
        lists.append([(int(found[i]), float(shown[i]), reason)
                      for i, reason in zip(picked.tolist(), keys, strict=True)])
    return lists


def _head(scores: np.ndarray, k: int, ties) -> np.ndarray:
    """Positions of the ``k`` highest ``scores``, best first, equal scores in the order of ``ties``."""
    pool = np.arange(len(scores))
    if len(scores) > k:
        # Whatever ties with the k-th score stays in the pool, so the cut itself follows ``ties``.
        pool = np.flatnonzero(scores >= -np.partition(-scores, k - 1)[k - 1]) if k else pool[:0]
    positions = pool.tolist()
    order = sorted(zip((-scores[pool]).tolist(), [ties[i] for i in positions], positions, strict=True))
    return np.array([i for _score, _tie, i in order[:k]], dtype=np.int64)


def eligible_count(workers: WorkerTable, vacancy: VacancyTable) -> int:
    """How many rows of ``workers`` are eligible for the one vacancy of ``vacancy``: the gates alone, on whole
    columns (no features, no model), so an employer's overview can show it for a page of vacancies."""
    return int(np.count_nonzero(gates.gate_mask(workers, vacancy)[:, 0] == 0))


def eligible_workers(workers: WorkerTable, vacancy: VacancyTable, ranker=None):
    """The rows of ``workers`` eligible for the one vacancy of ``vacancy``, their features and scores.

    Gates first, on whole columns; features and the model only for the rows that pass.
    """
    share = gates.season_share(workers, vacancy)
    found = np.flatnonzero(gates.gate_mask(workers, vacancy, share)[:, 0] == 0)
    features = compute(workers, vacancy, share[found], rows=found)
    scores = np.nan_to_num((ranker or LinearRanker()).score(features)[:, 0], nan=0.0).astype(np.float32)
    return found, features, scores


def eligible(workers: WorkerTable, vacancies: VacancyTable) -> np.ndarray:
    """The (W x N) boolean matrix of pairs that pass every gate."""
    return gates.gate_mask(workers, vacancies) == 0
