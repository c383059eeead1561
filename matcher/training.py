"""Train the learned ranker from the outcomes the read model recorded.

An outcome is an offer a worker answered (``offer.responded``), settled by
the season if there was one (``placement.completed``): 1 when accepted and
not abandoned or badly rated, 0 otherwise. The features are computed for
each (worker, vacancy) pair from the stored profile and vacancy, in one
block per batch, exactly as the ranking computes them.
"""

from __future__ import annotations

import numpy as np

from matcher import records
from matcher.features import FEATURES, placement_signal
from matcher.models import EmployerRecord, OfferOutcome, PlacementRecord, VacancyRecord, WorkerRecord
from matcher.ranker import LearnedRanker, enough_outcomes
from matcher.ranking import features_of
from matcher.tables import VacancyTable, WorkerTable


def outcomes() -> list[tuple[str, str, int]]:
    """``(worker_id, vacancy_id, label)`` for every answered offer whose worker and vacancy are known."""
    settled = {(p.worker_id, p.vacancy_id): placement_signal(p.history_entry()) for p in PlacementRecord.objects}
    rows = []
    for outcome in OfferOutcome.objects:
        key = (outcome.worker_id, outcome.vacancy_id)
        rows.append((*key, int(outcome.accepted and settled.get(key, 0.0) >= 0)))
    return rows


def training_set(rows: list[tuple[str, str, int]]) -> tuple[np.ndarray, np.ndarray]:
    """The (X, y) of ``rows``: features of each pair, label of each outcome; unknown pairs are left out."""
    workers = {w.id: w for w in WorkerRecord.objects(id__in=sorted({r[0] for r in rows}))}
    vacancies = {v.id: v for v in VacancyRecord.objects(id__in=sorted({r[1] for r in rows}))}
    rows = [r for r in rows if r[0] in workers and r[1] in vacancies and vacancies[r[1]].document]
    if not rows:
        return np.zeros((0, len(FEATURES))), np.zeros(0, dtype=np.int64)
    compliance = {e.id: e.compliance for e in EmployerRecord.objects}
    worker_ids, vacancy_ids = sorted({r[0] for r in rows}), sorted({r[1] for r in rows})
    histories = {}
    for placement in PlacementRecord.objects(worker_id__in=worker_ids):
        if records.in_history(placement.history_entry()):  # a worker's rating whose season is not known yet
            histories.setdefault(placement.worker_id, []).append(placement.history_entry())
    worker_table = WorkerTable.from_documents([workers[w].profile for w in worker_ids],
                                              [histories.get(w, []) for w in worker_ids])
    vacancy_table = VacancyTable.from_documents(
        [vacancies[v].ranking_document(compliance.get(vacancies[v].employer_id)) for v in vacancy_ids])
    features = features_of(worker_table, vacancy_table).matrix().reshape(len(worker_ids), len(vacancy_ids), -1)
    w_index, v_index = {w: i for i, w in enumerate(worker_ids)}, {v: i for i, v in enumerate(vacancy_ids)}
    X = np.array([features[w_index[w], v_index[v]] for w, v, _label in rows], dtype=np.float64)
    return X, np.array([label for _w, _v, label in rows], dtype=np.int64)


def train(version: str) -> tuple[LearnedRanker | None, int, int]:
    """A fitted ranker (None when outcomes are too few or one-sided), and the counts of outcomes and successes."""
    X, y = training_set(outcomes())
    if not enough_outcomes(y):
        return None, len(y), int(y.sum())
    return LearnedRanker(version=version).fit(X, y), len(y), int(y.sum())
