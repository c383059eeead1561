"""Scoring features of (worker, vacancy) pairs, computed on whole blocks.

Every feature lies in [0, 1] except ``circular`` in [-1, 1]. None of them
reads gender, origin or age: the tables do not even carry them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matcher.skills import coverage
from matcher.tables import VacancyTable, WorkerTable, day

FEATURES = ("skills", "pay", "season_fit", "housing", "travel", "compliance", "pathway", "circular")
RANGES = {name: (-1.0, 1.0) if name == "circular" else (0.0, 1.0) for name in FEATURES}
GOOD_RATING = 4
LOW_RATING = 2


def placement_signal(placement: dict) -> float:
    """+1 for a completed season rated well by both sides (or by the one that rated), -1 for an abandoned
    or badly rated one, else 0.

    The workers service does not ask workers to rate employers yet, so a missing rating is no complaint;
    a season nobody rated stays neutral.
    """
    ratings = [placement.get(k) for k in ("worker_rating", "employer_rating")]
    given = [r for r in ratings if r is not None]
    if not placement["completed"] or any(r <= LOW_RATING for r in given):
        return -1.0
    if given and all(r >= GOOD_RATING for r in given):
        return 1.0
    return 0.0


def employer_signals(history: list[dict]) -> dict[str, tuple[float, bool]]:
    """Per employer: the mean signal of the worker's seasons there, and whether the latest
    season of all was there and went well."""
    by_employer: dict[str, list[float]] = {}
    for placement in history:
        by_employer.setdefault(placement["employer_id"], []).append(placement_signal(placement))
    latest = max(history, key=lambda p: day(p["season"]["end"]), default=None)
    last_good = latest["employer_id"] if latest and placement_signal(latest) > 0 else None
    return {e: (sum(s) / len(s), e == last_good) for e, s in by_employer.items()}


def circular(workers: WorkerTable, vacancies: VacancyTable) -> tuple[np.ndarray, np.ndarray]:
    """The circular signal and the "worked here last season" flag of every pair (W x N each)."""
    shape = (len(workers), len(vacancies))
    signal, last = np.zeros(shape, dtype=np.float32), np.zeros(shape, dtype=bool)
    # One assignment per (worker, employer) of the history, not per pair.
    for w, history in enumerate(workers.histories):
        for employer, (value, was_last) in employer_signals(history).items():
            columns = vacancies.by_employer.get(employer)
            if columns is not None:
                signal[w, columns] = value
                last[w, columns] = was_last
    return signal, last


@dataclass(frozen=True)
class Features:
    """Feature values broadcastable to (W, N), plus the flags reasons need."""

    values: dict
    last_season: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        return self.values["skills"].shape

    def matrix(self) -> np.ndarray:
        """One row per pair (row-major), one column per feature in ``FEATURES`` order."""
        return np.stack([np.broadcast_to(self.values[f], self.shape).ravel() for f in FEATURES], axis=1)


def compute(workers: WorkerTable, vacancies: VacancyTable, share: np.ndarray) -> Features:
    """All features of the W x N pairs; ``share`` is ``gates.season_share`` of the same block."""
    signal, last = circular(workers, vacancies)
    values = {
        "skills": coverage(workers.skills, vacancies.skills),
        "pay": vacancies.pay[None, :],
        "season_fit": share,
        "housing": vacancies.housing[None, :],
        "travel": vacancies.travel[None, :],
        "compliance": vacancies.compliance[None, :],
        "pathway": workers.pathways[:, vacancies.pathway].astype(np.float32),
        "circular": signal,
    }
    return Features(values=values, last_season=last)
