"""The list refresher: recompute the lists a batch of changes may move, store those that did move.

It runs in the matcher's worker process (``matcher.worker``), one leader
at a time (``services.lease``). A round takes the oldest ``Dirty`` marks,
brings its snapshot of the read model up to date (``matcher.snapshot``),
and recomputes:

- each worker's list, for the changed workers, the workers eligible for a
  changed open vacancy, and the workers whose list holds a changed vacancy;
- each vacancy's candidates, for the changed open vacancies, the vacancies
  a changed worker is eligible for, and those listing a changed worker.

A list that changed is written with its ``matches.updated`` event pushed
onto the same document (outbox). A mark re-made during the round (same id,
newer ``marked_at``) survives it, so no change is ever dropped.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time

import numpy as np
from pymongo.errors import PyMongoError

from matcher import lists, upkeep
from matcher.reasons import sentences
from matcher.snapshot import Snapshot, SnapshotCache
from matcher.store import Dirty, VacancyCandidates, VacancyRecord, WorkerMatches, utcnow
from matcher.tables import take
from services.events import MATCHES_UPDATED, new_event
from services.lease import LEASE, Leases
from services.outbox import with_events

log = logging.getLogger(__name__)

LIST_LENGTH = 50
MARKS_PER_ROUND = 1000
# The matches a worker is shown (the workers service's pages and API): sent whole in ``matches.updated``.
SHOWN = 20


class Refresher:
    """Keeps ``WorkerMatches`` and ``VacancyCandidates`` fresh from ``Dirty`` marks."""

    name = "list-refresher"

    def __init__(self, ranker=None, length: int = LIST_LENGTH, poll_seconds: float = 0.2):
        self.ranker = ranker
        self.length = length
        self.poll_seconds = poll_seconds
        self._leases = Leases()
        self._cache = SnapshotCache()
        self._led_at: float | None = None
        self._checked_day: dt.date | None = None
        self._old_lists_marked = False

    def run(self, stop) -> None:
        """Refresh until ``stop`` is set, backing off while the database is down."""
        backoff = self.poll_seconds
        while not stop.is_set():
            try:
                done = 0
                if self._lead():
                    self.mark_old_lists()
                    self.mark_seasons_begun()
                    done = self.refresh_once()
                backoff = self.poll_seconds
            except PyMongoError as exc:
                log.warning("list refresher waits for the database (%s)", exc)
                self._cache.drop()  # a round may have stopped half-way through patching it
                stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
                continue
            if not done:
                stop.wait(self.poll_seconds)

    def _lead(self) -> bool:
        """Whether this refresher leads; its snapshot is dropped whenever another may have led meanwhile
        (not leading now, or leading again after a gap longer than a lease)."""
        leading = self._leases.lead(Dirty._get_collection().database, "refresher")
        now = time.monotonic()
        if not leading or (self._led_at is not None and now - self._led_at >= LEASE.total_seconds()):
            self._cache.drop()
        self._led_at = now if leading else None
        return leading

    def mark_old_lists(self) -> None:
        """Once per process: the lists an older version stored are redone."""
        if not self._old_lists_marked:
            upkeep.mark_old_lists()
            self._old_lists_marked = True

    def mark_seasons_begun(self, today: dt.date | None = None) -> None:
        """Once a day: the lists offering a season that began since the last check are redone."""
        today = today or dt.datetime.now(dt.UTC).date()
        if self._checked_day != today:
            upkeep.mark_seasons_begun(self._checked_day, today)
            self._checked_day = today

    def refresh_once(self) -> int:
        """One round over the oldest marks; returns how many marks it cleared."""
        marks = list(Dirty.objects.order_by("marked_at").limit(MARKS_PER_ROUND))
        if not marks:
            return 0
        changed_workers = {m.ref for m in marks if m.kind == "worker"}
        changed_vacancies = {m.ref for m in marks if m.kind == "vacancy"}
        snapshot = self._cache.snapshot(changed_workers, changed_vacancies)
        moved = self._refresh_workers(snapshot, changed_workers, changed_vacancies)
        moved += self._refresh_vacancies(snapshot, changed_workers, changed_vacancies)
        for done in marks:
            Dirty.objects(id=done.id, marked_at=done.marked_at).delete()
        log.info("refreshed lists for %d changes: %d lists moved", len(marks), moved)
        return len(marks)

    def _refresh_workers(self, snapshot: Snapshot, changed_workers: set, changed_vacancies: set) -> int:
        affected = set(changed_workers)
        affected |= holders(WorkerMatches, "vacancy_ids", changed_vacancies)
        opened = snapshot.vacancy_rows(changed_vacancies)
        if len(opened) and len(snapshot.workers):
            hits = lists.eligible(snapshot.workers, take(snapshot.vacancies, opened)).any(axis=1)
            affected |= {snapshot.worker_ids[i] for i in np.flatnonzero(hits).tolist()}
        rows = snapshot.worker_rows(affected)
        if not len(rows):
            return 0
        table, upcoming = snapshot.workers.select(rows), snapshot.upcoming
        computed = lists.worker_lists(table, take(snapshot.vacancies, upcoming), self.length, self.ranker)
        ids = [snapshot.vacancy_ids[i] for i in upcoming.tolist()]
        # The revision makes an edited vacancy move the lists that hold it, so their cards are sent again.
        entries = {snapshot.worker_ids[r]: [{"vacancy_id": ids[i], "score": s, "reason_keys": list(k),
                                             "revision": snapshot.records[ids[i]].revision}
                                            for i, s, k in found] for r, found in zip(rows.tolist(), computed,
                                                                                      strict=True)}
        return _store(WorkerMatches, entries, "vacancy_id", "worker",
                      shown=lambda items: [shown_match(item, snapshot.records[item["vacancy_id"]])
                                           for item in items[:SHOWN]])

    def _refresh_vacancies(self, snapshot: Snapshot, changed_workers: set, changed_vacancies: set) -> int:
        affected = set(changed_vacancies) & set(snapshot.vacancy_ids)
        affected |= holders(VacancyCandidates, "worker_ids", changed_workers)
        rows = snapshot.worker_rows(changed_workers)
        if len(rows) and len(snapshot.vacancies):
            hits = lists.eligible(snapshot.workers.select(rows), snapshot.vacancies).any(axis=0)
            affected |= {snapshot.vacancy_ids[i] for i in np.flatnonzero(hits).tolist()}
        gone = affected - set(snapshot.vacancy_ids)
        gone |= {v for v in changed_vacancies if v not in snapshot.vacancy_ids}
        columns = snapshot.vacancy_rows(affected)
        computed = lists.candidate_lists(snapshot.workers, snapshot.vacancies, columns, self.length, self.ranker) \
            if len(columns) and len(snapshot.workers) else [[] for _ in columns]
        entries = {snapshot.vacancy_ids[c]: [{"worker_id": snapshot.worker_ids[i], "score": s, "reason_keys": list(k)}
                                             for i, s, k in found] for c, found in zip(columns.tolist(), computed,
                                                                                       strict=True)}
        # A vacancy no longer open keeps no candidates: its list empties (and says so once).
        entries.update({v: [] for v in gone if VacancyCandidates.objects(id=v).only("id").first()})
        return _store(VacancyCandidates, entries, "worker_id", "vacancy")


def holders(cls, field: str, ids: set) -> set:
    """The ids of the stored lists of ``cls`` whose ``field`` holds any of ``ids``."""
    if not ids:  # not even asked: no query at all
        return set()
    return {d["_id"] for d in cls._get_collection().find({field: {"$in": list(ids)}}, {"_id": 1})}


def shown_match(item: dict, record: VacancyRecord) -> dict:
    """A match as workers are shown it: the list's entry with its reasons and the vacancy's card."""
    return {"vacancy_id": item["vacancy_id"], "score": item["score"], "reason_keys": item["reason_keys"],
            "reasons": list(sentences(tuple(item["reason_keys"]))), "vacancy": record.card()}


def _store(cls, entries: dict, item_key: str, kind: str, shown=None) -> int:
    """Write the lists of ``entries`` that differ from the stored ones, each with its event; how many moved.

    ``shown(items)``, when given, adds the matches as shown to the event, so that a reader can serve
    them without asking for each vacancy (the workers service keeps them for ``/me/matches``).
    """
    if not entries:
        return 0
    stored = {d["_id"]: d.get("entries") for d in cls._get_collection().find({"_id": {"$in": list(entries)}},
                                                                            {"entries": 1})}
    moved = 0
    for owner, items in entries.items():
        text = json.dumps(items, separators=(",", ":"))
        if stored.get(owner) == text:
            continue
        ids = [item[item_key] for item in items]
        payload = {"kind": kind, f"{kind}_id": owner, "ids": ids, "count": len(ids)}
        if shown is not None:
            payload["matches"] = shown(items)
        event = new_event(MATCHES_UPDATED, "matcher", owner, payload)
        cls._get_collection().update_one(
            {"_id": owner}, with_events({"$set": {"entries": text, "updated_at": utcnow(), f"{item_key}s": ids}},
                                        [event.to_text()]), upsert=True)
        moved += 1
    return moved
