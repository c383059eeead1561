"""Ranking use cases: one worker against many vacancies (the API), many workers in batches.

Both go through ``score_block``: gates, features and the model on a whole
(workers x vacancies) block, with no per-pair Python. The read model (fed
by events, later) keeps ``VacancyTable``/``WorkerTable`` and calls
``top_k`` on what changed; ``penalty`` is where its exposure counts come in.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from matcher import gates, itineraries
from matcher.features import Features, compute
from matcher.ranker import DEFAULT_WEIGHTS, LinearRanker
from matcher.reasons import EXCLUSIONS, explain, sentences
from matcher.skills import ConceptSpace
from matcher.tables import VacancyTable, WorkerTable


def score_block(workers: WorkerTable, vacancies: VacancyTable, ranker=None):
    """Gate masks (0: eligible, see ``gates.gate_mask``), features and scores of the block's pairs."""
    share = gates.season_share(workers, vacancies)
    mask = gates.gate_mask(workers, vacancies, share)
    features = compute(workers, vacancies, share)
    return mask, features, (ranker or LinearRanker()).score(features)


def _one(worker, vacancies, history, ranker, space):
    vacancy_table = VacancyTable.from_documents(list(vacancies), space)
    worker_table = WorkerTable.from_documents([worker], [list(history)], space)
    mask, features, scores = score_block(worker_table, vacancy_table, ranker)
    return vacancy_table, gates.first_failing(mask[0]), features, scores[0]


def rank(worker: dict, vacancies: list[dict], history: list[dict] = (), *, ranker=None,
         space: ConceptSpace | None = None, penalty: np.ndarray | None = None) -> dict:
    """The contract's ranking of ``vacancies`` for ``worker``: ``{"matches", "excluded"}``.

    Documents are loaded ones (``RankRequestSchema``). ``penalty`` (one value
    per vacancy, subtracted) spreads exposure when the caller knows it.
    Equal scores keep the order the vacancies came in.
    """
    table, codes, features, scores = _one(worker, vacancies, history, ranker, space)
    if penalty is not None:
        scores = np.clip(scores - penalty, 0.0, 1.0)
    scores = np.nan_to_num(scores, nan=0.0)  # never NaN in JSON, whatever a learned model does
    eligible = np.flatnonzero(codes == gates.ELIGIBLE)
    order = eligible[np.argsort(-scores[eligible], kind="stable")]
    weights = getattr(ranker, "weights", DEFAULT_WEIGHTS)
    keys = explain(features, weights, np.zeros(len(order), dtype=np.int64), order)
    ids, rounded = table.ids, np.round(scores[order].astype(np.float64), 4).tolist()
    matches = [{"vacancy_id": ids[n], "score": s, "reasons": sentences(k), "reason_keys": k}
               for n, s, k in zip(order.tolist(), rounded, keys, strict=True)]
    excluded = [{"vacancy_id": ids[n], "reason": EXCLUSIONS[gates.GATES[c]], "reason_key": gates.GATES[c]}
                for n, c in zip(np.flatnonzero(codes != gates.ELIGIBLE).tolist(),
                                codes[codes != gates.ELIGIBLE].tolist(), strict=True)]
    return {"matches": matches, "excluded": excluded}


def plan_itineraries(worker: dict, vacancies: list[dict], history: list[dict] = (), *, today: dt.date,
                     ranker=None, space: ConceptSpace | None = None, count: int = 3) -> list[dict]:
    """Up to ``count`` itineraries of eligible seasonal or circular vacancies in the 12 months from ``today``."""
    table, codes, _features, scores = _one(worker, vacancies, history, ranker, space)
    return itineraries_of(table, codes == gates.ELIGIBLE, scores, today, count)


def itineraries_of(table: VacancyTable, eligible: np.ndarray, scores: np.ndarray, today: dt.date,
                   count: int = 3) -> list[dict]:
    """Up to ``count`` itineraries of the ``eligible`` seasonal or circular vacancies of ``table`` (one
    worker's ``scores``) in the 12 months from ``today``."""
    jobs = [itineraries.Job(table.ids[n], int(table.start[n]), int(table.end[n]), float(scores[n]))
            for n in np.flatnonzero(eligible & (table.pathway <= 1)).tolist()]
    return [plan.to_dict() for plan in itineraries.best_itineraries(jobs, today, count=count)]


def top_k(workers: WorkerTable, vacancies: VacancyTable, k: int, *, ranker=None, batch_size: int = 256,
          penalty: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Each worker's ``k`` best eligible vacancies: indices (-1 where fewer) and scores, best first.

    Workers go through in blocks of ``batch_size`` so memory stays bounded
    (a block holds a few (batch x N) float32 arrays).
    """
    k = min(k, len(vacancies))
    indices = np.full((len(workers), k), -1, dtype=np.int64)
    best = np.full((len(workers), k), -np.inf, dtype=np.float32)
    if k == 0:
        return indices, best
    for start in range(0, len(workers), batch_size):
        rows = slice(start, min(start + batch_size, len(workers)))
        mask, _features, scores = score_block(workers.select(rows), vacancies, ranker)
        if penalty is not None:
            scores -= penalty[None, :].astype(np.float32)
        scores = np.where(mask == 0, scores, np.float32(-np.inf))
        part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        part_scores = np.take_along_axis(scores, part, axis=1)
        order = np.argsort(-part_scores, axis=1, kind="stable")
        indices[rows] = np.take_along_axis(part, order, axis=1)
        best[rows] = np.take_along_axis(part_scores, order, axis=1)
    indices[~np.isfinite(best)] = -1
    return indices, best


def features_of(workers: WorkerTable, vacancies: VacancyTable) -> Features:
    """The features of a block, for building outcome rows to train ``LearnedRanker``."""
    return compute(workers, vacancies, gates.season_share(workers, vacancies))
