"""What the refresher ranks over: the open vacancies and the workers as tables, kept between rounds.

Loading every open vacancy, worker and placement each round reads whole
collections (FerretDB has no secondary indexes), which made a round cost
seconds. ``SnapshotCache`` loads them all once, then reloads by id only
what a round's ``Dirty`` marks name. The database stays the truth: the
cache is dropped every ``FULL_RELOAD_SECONDS`` and whenever the refresher
was not the leader for a while (another one handled the marks meanwhile).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

import numpy as np

from matcher.skills import default_space
from matcher.store import OPEN, EmployerRecord, PlacementRecord, VacancyRecord, WorkerRecord
from matcher.tables import VacancyTable, WorkerTable

FULL_RELOAD_SECONDS = 60.0


@dataclass(frozen=True)
class Snapshot:
    """The read model for one round: open vacancies and workers as tables, in id order.

    Employers see candidates for every open vacancy; workers are offered only
    the ``upcoming`` ones (rows of ``vacancies``), whose season has not begun.
    """

    vacancy_ids: list
    vacancies: VacancyTable
    upcoming: np.ndarray
    worker_ids: list
    workers: WorkerTable
    records: dict  # vacancy id -> VacancyRecord, for the cards sent with workers' lists

    @staticmethod
    def open_vacancy_documents(records: list | None = None) -> list[dict]:
        """Every open vacancy (or ``records``) as ``VacancyTable`` reads it, with its employer's record."""
        compliance = {e.id: e.compliance for e in EmployerRecord.objects}
        if records is None:
            records = VacancyRecord.objects(status=OPEN).order_by("id")
        return [r.ranking_document(compliance.get(r.employer_id)) for r in records]

    @classmethod
    def build(cls, records: dict, profiles: dict, histories: dict, today: dt.date | None = None) -> Snapshot:
        """A snapshot of open vacancy ``records``, worker ``profiles`` and their ``histories`` (by id)."""
        space = default_space()
        documents = cls.open_vacancy_documents([records[v] for v in sorted(records)])
        worker_ids = sorted(profiles)
        return cls(
            vacancy_ids=[d["id"] for d in documents],
            vacancies=VacancyTable.from_documents(documents, space),
            upcoming=np.array([i for i, d in enumerate(documents) if not_begun(d, today)], dtype=np.int64),
            worker_ids=worker_ids,
            workers=WorkerTable.from_documents([profiles[w] for w in worker_ids],
                                               [histories.get(w, []) for w in worker_ids], space),
            records=dict(records),
        )

    def worker_rows(self, ids) -> np.ndarray:
        wanted = set(ids)
        return np.array([i for i, w in enumerate(self.worker_ids) if w in wanted], dtype=np.int64)

    def vacancy_rows(self, ids) -> np.ndarray:
        wanted = set(ids)
        return np.array([i for i, v in enumerate(self.vacancy_ids) if v in wanted], dtype=np.int64)


def not_begun(document: dict, today: dt.date | None = None) -> bool:
    """Whether the vacancy's season starts after ``today``: one under way is not offered to anyone new."""
    today = today or dt.datetime.now(dt.UTC).date()
    return str(document.get("season", {}).get("start", "")) > today.isoformat()


class SnapshotCache:
    """Open vacancy records, worker profiles and histories by id, patched from each round's marks."""

    def __init__(self, full_reload_seconds: float = FULL_RELOAD_SECONDS, clock=time.monotonic):
        self.full_reload_seconds = full_reload_seconds
        self._clock = clock
        self._loaded_at: float | None = None
        self._records: dict = {}
        self._profiles: dict = {}
        self._histories: dict = {}

    def drop(self) -> None:
        """Forget everything: the next snapshot loads it all again."""
        self._loaded_at = None

    def snapshot(self, changed_workers: set, changed_vacancies: set) -> Snapshot:
        """The snapshot for a round whose marks name ``changed_workers`` and ``changed_vacancies``."""
        if self._loaded_at is None or self._clock() - self._loaded_at >= self.full_reload_seconds:
            self._load_all()
        else:
            self._reload_vacancies(changed_vacancies)
            self._reload_workers(changed_workers)
        return Snapshot.build(self._records, self._profiles, self._histories)

    def _load_all(self) -> None:
        self._loaded_at = self._clock()
        self._records = {r.id: r for r in VacancyRecord.objects(status=OPEN)}
        self._profiles = {w.id: w.profile for w in WorkerRecord.objects}
        self._histories = {}
        for placement in PlacementRecord.objects:
            self._histories.setdefault(placement.worker_id, []).append(placement.history_entry())

    def _reload_vacancies(self, ids: set) -> None:
        found = {r.id: r for r in VacancyRecord.objects(id__in=list(ids))} if ids else {}
        for vacancy_id in ids:
            record = found.get(vacancy_id)
            if record is not None and record.status == OPEN:
                self._records[vacancy_id] = record
            else:
                self._records.pop(vacancy_id, None)

    def _reload_workers(self, ids: set) -> None:
        if not ids:
            return
        profiles = {w.id: w.profile for w in WorkerRecord.objects(id__in=list(ids))}
        histories: dict = {}
        for placement in PlacementRecord.objects(worker_id__in=list(ids)):
            histories.setdefault(placement.worker_id, []).append(placement.history_entry())
        for worker_id in ids:
            if worker_id in profiles:
                self._profiles[worker_id] = profiles[worker_id]
                self._histories[worker_id] = histories.get(worker_id, [])
            else:
                self._profiles.pop(worker_id, None)
                self._histories.pop(worker_id, None)
