"""Scoring features of (worker, vacancy) pairs, computed on whole blocks.

Every feature lies in [0, 1] except ``circular`` in [-1, 1]. None of them
reads gender, origin or age: the tables do not even carry them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matcher.skills import coverage
from matcher.tables import GOOD_RATING, LOW_RATING, VacancyTable, WorkerTable, employer_signals, placement_signal

FEATURES = ("skills", "pay", "season_fit", "housing", "travel", "compliance", "pathway", "circular")
__all__ = ["FEATURES", "GOOD_RATING", "LOW_RATING", "RANGES", "Features", "circular", "compute",
           "employer_signals", "placement_signal"]
RANGES = {name: (-1.0, 1.0) if name == "circular" else (0.0, 1.0) for name in FEATURES}
# Up to this many employers in a block, look up the workers who know each (the table's by_employer).
FEW_EMPLOYERS = 4


def circular(workers: WorkerTable, vacancies: VacancyTable) -> tuple[np.ndarray, np.ndarray]:
    """The circular signal and the "worked here last season" flag of every pair (W x N each)."""
    shape = (len(workers), len(vacancies))
    signal, last = np.zeros(shape, dtype=np.float32), np.zeros(shape, dtype=bool)
    if workers.by_employer is not None and len(vacancies.by_employer) <= FEW_EMPLOYERS:
        # Few employers (a vacancy's candidates): the workers who know each one, from the table's index.
        for employer, columns in vacancies.by_employer.items():
            known = workers.by_employer.get(employer)
            if known:
                rows = np.fromiter(known, dtype=np.int64, count=len(known))
                values = list(known.values())
                signal[np.ix_(rows, columns)] = np.array([v for v, _last in values], dtype=np.float32)[:, None]
                last[np.ix_(rows, columns)] = np.array([was for _v, was in values], dtype=bool)[:, None]
        return signal, last
    # One assignment per (worker, employer) of the history, not per pair.
    for w, signals in enumerate(workers.signals.tolist()):
        for employer, (value, was_last) in signals.items():
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


def compute(workers: WorkerTable, vacancies: VacancyTable, share: np.ndarray,
            rows: np.ndarray | None = None) -> Features:
    """All features of the W x N pairs; ``share`` is ``gates.season_share`` of the same block.

    With ``rows``, only those workers' pairs (``share`` already cut to them): looked up on the whole
    table, where the workers who know an employer are indexed and one product covers every skill
    row, then cut, rather than copying their rows out first.
    """
    signal, last = circular(workers, vacancies)
    skills = coverage(workers.skills, vacancies.skills)
    pathway = workers.pathways[:, vacancies.pathway]
    if rows is not None:
        signal, last, skills, pathway = signal[rows], last[rows], skills[rows], pathway[rows]
    values = {
        "skills": skills,
        "pay": vacancies.pay[None, :],
        "season_fit": share,
        "housing": vacancies.housing[None, :],
        "travel": vacancies.travel[None, :],
        "compliance": vacancies.compliance[None, :],
        "pathway": pathway.astype(np.float32),
        "circular": signal,
    }
    return Features(values=values, last_season=last)
