"""The matcher's ranking index: what ranking reads, held in memory by each process and kept current from Kafka.

Each process that ranks (every matcher web process, every matcher worker)
holds its own index, so no leader sits on the read path:

- open approved vacancies as a ``VacancyTable`` (rows in id order), rebuilt
  from the documents at most every ``rebuild_seconds`` after a change;
- every worker's columns (``WorkerColumns``), rows written in place, with
  the placement history folded into employer signals once per worker;
- each vacancy's and worker's revision, so events apply by the same rules
  as in the database (``matcher.records``), however often they come.

It is built from the read model in the database (``load``), then follows the
matcher's topics with a ``TopicTail`` placed at the matcher consumer group's
committed offsets BEFORE loading: every event before them is in the
database, and replaying those after them changes nothing twice. Employers'
compliance records count reviews, which a replay would count again, so they
are reloaded from the database every ``compliance_seconds`` instead.

Threads: the tail applies events (records only, under a short lock); a
builder thread folds them into the tables. Readers of the worker columns
hold a shared lock while they rank; the builder takes it alone to write a
batch of rows, so nobody sees a half-written row. The vacancy table is
never changed, only replaced.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from pymongo.errors import PyMongoError
from threadpoolctl import threadpool_limits

from matcher import lists, records
from matcher.models import OPEN, EmployerRecord, PlacementRecord, VacancyRecord, WorkerRecord
from matcher.ranker import LinearRanker
from matcher.ranking import itineraries_of, score_block
from matcher.skills import default_space
from matcher.tables import VacancyTable, WorkerColumns, WorkerRow, take, vacancy_row
from services.config import Settings
from services.events import (
    EMPLOYER_VERIFIED,
    PLACEMENT_COMPLETED,
    PLACEMENT_RATED,
    VACANCY_CLOSED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    WORKER_ERASED,
    WORKER_PROFILE_UPDATED,
    Envelope,
)
from services.tail import TopicTail

log = logging.getLogger(__name__)

# What each topic the index follows changes (offer.responded moves no ranking).
CHANGES = {
    VACANCY_SUBMITTED: records.vacancy_submitted,
    VACANCY_REVIEWED: records.vacancy_reviewed,
    VACANCY_CLOSED: records.vacancy_closed,
    WORKER_PROFILE_UPDATED: records.worker_profile,
    PLACEMENT_COMPLETED: records.placement_completed,
    EMPLOYER_VERIFIED: records.employer_verified,
    PLACEMENT_RATED: records.placement_rated,
    WORKER_ERASED: records.worker_erased,
}
TOPICS = tuple(CHANGES)
REBUILD_SECONDS = 0.2
COMPLIANCE_SECONDS = 30.0
# How long a reader waits for a vacancy opened a moment ago to reach the table.
FRESH_WAIT_SECONDS = 2.0


@dataclass(frozen=True)
class VacancyState:
    """What the index knows of one vacancy; the document only while it is open."""

    revision: int
    status: str
    employer_id: str = ""
    employer_name: str = ""
    document: dict | None = None


@dataclass(frozen=True)
class ReadModel:
    """The database's read model as the index loads it (raw documents)."""

    vacancies: list  # {"_id", "revision", "status", "employer_id", "employer_name", "document"?}
    workers: list  # {"_id", "revision", "profile"}
    placements: list  # raw placements
    compliance: dict  # employer id -> compliance
    verified: frozenset = frozenset()  # the employers an auditor verified


@dataclass
class VacancySnapshot:
    """One build of the open vacancies: the table, where each id is, and its upcoming part per day."""

    table: VacancyTable
    rows: dict
    states: dict  # id -> VacancyState the table was built from
    _upcoming: dict = field(default_factory=dict)

    def upcoming(self, today: dt.date) -> tuple[VacancyTable, list]:
        """The vacancies whose season starts after ``today`` (pay positions kept from the whole table)."""
        found = self._upcoming.get(today)
        if found is None:
            rows = np.flatnonzero(self.table.start > today.toordinal())
            found = (take(self.table, rows), [self.table.ids[i] for i in rows.tolist()])
            self._upcoming = {today: found}  # one day at a time; a benign race rebuilds it twice
        return found


class ReadWriteLock:
    """Many readers or one writer; a waiting writer goes before readers that come after it."""

    def __init__(self):
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting = 0

    @contextmanager
    def reading(self):
        with self._cond:
            while self._writing or self._waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def writing(self):
        with self._cond:
            self._waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class RankingIndex:
    """Open vacancies and every worker, ranked on request (see the module's docstring)."""

    def __init__(self, ranker=None, space=None, rebuild_seconds: float = REBUILD_SECONDS,
                 compliance_seconds: float = COMPLIANCE_SECONDS, require_verification: bool = False):
        self.ranker = ranker or LinearRanker()
        self.space = space or default_space()
        self.rebuild_seconds = rebuild_seconds
        self.compliance_seconds = compliance_seconds
        # Where employers must be verified (LP_REQUIRE_EMPLOYER_VERIFICATION), only verified ones' vacancies
        # are ranked: for workers' matches, candidates and notices alike.
        self.require_verification = require_verification
        self.tail: TopicTail | None = None
        self.updated_at: dt.datetime | None = None
        # The records as events leave them (the tail writes, under ``_lock``).
        self._lock = threading.Lock()
        self._vacancies: dict[str, VacancyState] = {}
        self._compliance: dict[str, float] = {}
        self._verified: set[str] = set()
        self._vacancies_changed = False
        self._unbuilt: set[str] = set()  # vacancies changed since the table was built
        self._revisions: dict[str, int] = {}
        self._histories: dict[str, dict] = {}
        self._pending: set[str] = set()
        self._erased: set[str] = set()  # erased workers whose rows the builder has yet to empty
        self._next_profiles: dict[str, dict] = {}
        # What ranking reads (the builder writes).
        self._snapshot = VacancySnapshot(VacancyTable.from_documents([], self.space), {}, {})
        self._vacancy_rows: dict[str, tuple] = {}  # id -> (state, compliance, row): the builder's cache
        self._columns = WorkerColumns(self.space)
        self._rows: dict[str, int] = {}
        self._worker_ids: list[str] = []
        self._profiles: dict[str, dict] = {}
        self._columns_lock = ReadWriteLock()
        self._flushing = threading.Lock()
        self._built = threading.Condition()
        self._loaded = threading.Event()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._compliance_at = time.monotonic()

    # ------------------------------------------------------------------ state

    @property
    def ready(self) -> bool:
        """Built from the database, and caught up with the topics as they were when it started."""
        return self._loaded.is_set() and (self.tail is None or self.tail.caught_up.is_set())

    def wait_ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not self.ready and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.ready

    def stop(self) -> None:
        """Stop the tail and the builder (tests; a process simply exits)."""
        self._stop.set()
        self._wake.set()
        if self.tail is not None:
            self.tail.stop()

    # ------------------------------------------------------------------ loading and applying

    def load(self) -> None:
        """Build from the read model in the database."""
        self.load_records(read_model())

    def load_records(self, model: ReadModel) -> None:
        """Build from ``model`` (the database's, or a test's), replacing everything."""
        # Millions of small objects are made and kept: the cyclic collector would walk them all again and
        # again (measured: half the build). Paused meanwhile, then what was kept is frozen out of its way.
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._load(model)
            gc.freeze()
        finally:
            if enabled:
                gc.enable()
        self._compliance_at = time.monotonic()
        self._loaded.set()
        log.info("ranking index built: %d open vacancies, %d workers", len(self._snapshot.rows), len(self._rows))

    def _load(self, model: ReadModel) -> None:
        vacancies = {}
        for stored in model.vacancies:
            status = stored.get("status")
            document = stored.get("document") if status == OPEN else None
            vacancies[stored["_id"]] = VacancyState(stored.get("revision", 0), status, stored.get("employer_id") or "",
                                                    stored.get("employer_name") or "", document)
        histories: dict[str, dict] = {}
        for stored in model.placements:
            histories.setdefault(stored["worker_id"], {})[stored["_id"]] = records.history_entry(stored)
        with self._lock:
            self._vacancies, self._compliance, self._histories = vacancies, dict(model.compliance), histories
            self._verified = set(model.verified)
            self._revisions = {w["_id"]: w.get("revision", 0) for w in model.workers}
            self._next_profiles = {w["_id"]: w.get("profile") or {} for w in model.workers}
            self._pending, self._vacancies_changed = set(self._next_profiles), True
        self._columns, self._rows, self._worker_ids, self._profiles = WorkerColumns(self.space), {}, [], {}
        self.flush()

    def apply(self, topic: str, envelope: Envelope) -> bool:
        """Apply one event by the revision rules; whether it changed anything (the builder then folds it in).

        Raises ValueError for an event the consumer would dead-letter.
        """
        read = CHANGES.get(topic)
        if read is None:
            return False
        change = read(envelope)
        with self._lock:
            if isinstance(change, records.VacancyChange):
                changed = self._apply_vacancy(change)
            elif isinstance(change, records.ProfileChange):
                changed = self._apply_profile(change)
            elif isinstance(change, records.Verification):
                changed = self._apply_verification(change)
            elif isinstance(change, records.Erasure):
                changed = self._apply_erasure(change)
            else:
                changed = self._apply_placement(change)
        if changed:
            self._wake.set()
        return changed

    def _apply_vacancy(self, change: records.VacancyChange) -> bool:
        current = self._vacancies.get(change.vacancy_id)
        if not change.applies_to(current.revision if current else None, current.status if current else None):
            return False
        # As the database's upsert: the fields the event sets, the others as recorded.
        kept = {k: change.changes.get(k, getattr(current, k, "")) for k in ("employer_id", "employer_name")}
        document = change.changes.get("document") if change.status == OPEN else None
        self._vacancies[change.vacancy_id] = VacancyState(change.revision, change.status, document=document, **kept)
        self._vacancies_changed = True
        self._unbuilt.add(change.vacancy_id)
        return True

    def _apply_verification(self, change: records.Verification) -> bool:
        if (change.employer_id in self._verified) == change.verified:
            return False
        (self._verified.add if change.verified else self._verified.discard)(change.employer_id)
        self._vacancies_changed = True
        return True

    def _apply_profile(self, change: records.ProfileChange) -> bool:
        if not change.applies_to(self._revisions.get(change.worker_id)):
            return False
        self._revisions[change.worker_id] = change.revision
        self._next_profiles[change.worker_id] = change.profile
        self._pending.add(change.worker_id)
        return True

    def _apply_erasure(self, erasure: records.Erasure) -> bool:
        """Forget the worker's records now; the builder takes their row out of the columns."""
        worker_id = erasure.worker_id
        known = worker_id in self._revisions or worker_id in self._histories or worker_id in self._rows
        self._revisions.pop(worker_id, None)
        self._histories.pop(worker_id, None)
        self._next_profiles.pop(worker_id, None)
        self._pending.discard(worker_id)
        if known:
            self._erased.add(worker_id)
        return known

    def _apply_placement(self, placement: records.Placement) -> bool:
        history = self._histories.setdefault(placement.worker_id, {})
        merged = records.history_entry(placement.merged(history.get(placement.placement_id)))
        if history.get(placement.placement_id) == merged:
            return False
        history[placement.placement_id] = merged
        if placement.worker_id in self._revisions:
            self._pending.add(placement.worker_id)
        return True

    # ------------------------------------------------------------------ building

    def flush(self) -> None:
        """Fold the changes applied so far into the tables (the builder does this every ``rebuild_seconds``)."""
        with self._flushing:
            with self._lock:
                pending, self._pending = self._pending, set()
                erased, self._erased = self._erased, set()
                profiles = {w: self._next_profiles.pop(w, None) for w in pending}
                histories = {w: _history(self._histories.get(w, {})) for w in pending}
                rebuild, self._vacancies_changed = self._vacancies_changed, False
                if rebuild:
                    self._unbuilt = set()
                states = {v: s for v, s in self._vacancies.items() if self._ranked(s)} if rebuild else None
                compliance = dict(self._compliance)
            if pending:
                self._write_workers(profiles, histories)
            if erased:
                self._empty_rows(erased)
            if rebuild:
                self._snapshot = self._build_vacancies(states, compliance)
            if pending or rebuild or erased:
                self.updated_at = dt.datetime.now(dt.UTC)
                with self._built:
                    self._built.notify_all()

    def _write_workers(self, profiles: dict, histories: dict) -> None:
        ids = sorted(profiles)
        known = {w: profiles[w] if profiles[w] is not None else self._profiles.get(w) for w in ids}
        rows = {}
        for worker_id in ids:
            try:
                if known[worker_id] is not None:
                    rows[worker_id] = WorkerRow.of(known[worker_id], histories[worker_id], self._columns.terms)
            except (KeyError, TypeError, ValueError):
                log.exception("ranking index leaves out worker %s: unreadable profile", worker_id)
        ids = list(rows)
        with self._columns_lock.writing():
            positions = []
            for worker_id in ids:
                if worker_id not in self._rows:
                    self._rows[worker_id] = len(self._worker_ids)
                    self._worker_ids.append(worker_id)
                positions.append(self._rows[worker_id])
                self._profiles[worker_id] = known[worker_id]
            self._columns.put(np.array(positions, dtype=np.int64), list(rows.values()))

    def _empty_rows(self, worker_ids: set) -> None:
        """Erased workers' rows become rows that no vacancy can match (no availability), named by no id:
        the columns are arrays, so a row is emptied rather than removed."""
        with self._columns_lock.writing():
            positions = []
            for worker_id in worker_ids:
                self._profiles.pop(worker_id, None)
                row = self._rows.pop(worker_id, None)
                if row is not None:
                    self._worker_ids[row] = ""
                    positions.append(row)
            if positions:
                empty = WorkerRow.of({}, [], self._columns.terms)
                self._columns.put(np.array(positions, dtype=np.int64), [empty] * len(positions))

    def _build_vacancies(self, states: dict, compliance: dict) -> VacancySnapshot:
        """A table of the open vacancies; each one's row is read again only if it or its employer's record
        changed (at 10,000 vacancies, reading every document again costs most of a build)."""
        rows, kept, cache = [], {}, {}
        for vacancy_id in sorted(states):
            state, record = states[vacancy_id], compliance.get(states[vacancy_id].employer_id)
            cached = self._vacancy_rows.get(vacancy_id)
            if cached is not None and cached[0] is state and cached[1] == record:
                row = cached[2]
            else:
                try:
                    row = vacancy_row(records.ranking_document(vacancy_id, state.employer_id, state.document, record))
                except (KeyError, TypeError, ValueError):
                    # The database may hold a document no event would bring (one stored by hand).
                    log.exception("ranking index leaves out vacancy %s: unreadable document", vacancy_id)
                    continue
            cache[vacancy_id] = (state, record, row)
            rows.append(row)
            kept[vacancy_id] = state
        self._vacancy_rows = cache
        table = VacancyTable.from_rows(rows, self.space)
        return VacancySnapshot(table, {v: i for i, v in enumerate(table.ids)}, kept)

    def reload_compliance(self) -> None:
        """Employers' records from the database; the vacancy table is rebuilt if any changed."""
        compliance = {e.id: e.compliance for e in EmployerRecord.objects}
        with self._lock:
            if compliance != self._compliance:
                self._compliance, self._vacancies_changed = compliance, True
                self._wake.set()
        self._compliance_at = time.monotonic()

    def run(self, stop: threading.Event | None = None) -> None:
        """The builder: fold changes in at most every ``rebuild_seconds``; reload compliance now and then."""
        stop = stop or self._stop
        while not stop.is_set():
            due = self._compliance_at + self.compliance_seconds - time.monotonic()
            self._wake.wait(max(min(due, 1.0), 0.0))
            self._wake.clear()
            try:
                if time.monotonic() >= self._compliance_at + self.compliance_seconds:
                    self.reload_compliance()
                self.flush()
            except PyMongoError as exc:
                log.warning("ranking index waits for the database (%s)", exc)
                self._compliance_at = time.monotonic()
            except Exception:  # noqa: BLE001 - a bad document must not stop every later update
                log.exception("ranking index could not fold changes in")
            stop.wait(self.rebuild_seconds)

    # ------------------------------------------------------------------ reading

    def worker_matches(self, worker_id: str, limit: int = 20, today: dt.date | None = None) -> list[dict] | None:
        """The worker's ``limit`` best open vacancies whose season has not begun; None for an unknown worker."""
        worker = self._worker_table(worker_id)
        if worker is None:
            return None
        snapshot = self._snapshot
        table, ids = snapshot.upcoming(today or _today())
        # Vacancies changed since the build may have closed: ask for as many more, drop those.
        found = lists.worker_lists(worker, table, limit + len(self._unbuilt), self.ranker)[0]
        return [{"vacancy_id": ids[i], "score": score, "reason_keys": list(keys)}
                for i, score, keys in found if self._as_built(snapshot, ids[i])][:limit]

    def worker_itineraries(self, worker_id: str, today: dt.date | None = None) -> list[dict] | None:
        """Up to three itineraries over the worker's eligible upcoming seasons; None for an unknown worker."""
        worker = self._worker_table(worker_id)
        if worker is None:
            return None
        today = today or _today()
        table, _ids = self._snapshot.upcoming(today)
        mask, _features, scores = score_block(worker, table, self.ranker)
        return itineraries_of(table, mask[0] == 0, np.nan_to_num(scores[0], nan=0.0), today)

    def vacancy_candidates(self, vacancy_id: str, limit: int) -> list[dict] | None:
        """The open vacancy's ``limit`` best eligible workers; None when it is not open."""
        snapshot = self._fresh(vacancy_id)
        if snapshot is None:
            return None
        with self._columns_lock.reading():
            found = lists.candidate_lists(self._columns.table(), snapshot.table, [snapshot.rows[vacancy_id]], limit,
                                          self.ranker, names=self._worker_ids)[0]
            ids = self._worker_ids
            # An erased worker's row is empty ("" and no availability: never eligible); skipped all the same.
            return [{"worker_id": ids[row], "score": score, "reason_keys": list(keys)} for row, score, keys in found
                    if ids[row]]

    def candidate_count(self, vacancy_id: str) -> int | None:
        """How many workers are eligible for the open vacancy (its candidates, unranked); None when it is not
        open, or opened so lately that the index holds it not yet (no wait: counts are asked for a page at once)."""
        snapshot = self._snapshot
        if not self.open_vacancy(vacancy_id) or vacancy_id not in snapshot.rows:
            return None
        vacancy = take(snapshot.table, np.array([snapshot.rows[vacancy_id]]))
        with self._columns_lock.reading():
            # An erased worker's row has no availability: never eligible, so never counted.
            return lists.eligible_count(self._columns.table(), vacancy)

    def vacancy_scores(self, vacancy_id: str, today: dt.date | None = None) -> tuple[list[str], np.ndarray]:
        """The ids and scores of every worker eligible for an open upcoming vacancy (empty otherwise)."""
        snapshot = self._fresh(vacancy_id)
        today = today or _today()
        if snapshot is None or snapshot.table.start[snapshot.rows[vacancy_id]] <= today.toordinal():
            return [], np.zeros(0, dtype=np.float32)
        vacancy = take(snapshot.table, np.array([snapshot.rows[vacancy_id]]))
        with self._columns_lock.reading():
            found, _features, scores = lists.eligible_workers(self._columns.table(), vacancy, self.ranker)
            return [self._worker_ids[r] for r in found.tolist()], np.round(scores, 4)

    def worker_profile(self, worker_id: str) -> dict | None:
        """The worker's matching profile as the index ranks it (no contact details, no gender)."""
        with self._columns_lock.reading():
            return self._profiles.get(worker_id)

    def worker_history(self, worker_id: str) -> list[dict]:
        """The worker's placements, in placement id order."""
        with self._lock:
            return _history(self._histories.get(worker_id, {}))

    def open_vacancy(self, vacancy_id: str) -> bool:
        """Whether the vacancy is open by the events applied so far (and its employer may reach workers)."""
        state = self._vacancies.get(vacancy_id)
        return state is not None and self._ranked(state)

    def _ranked(self, state: VacancyState) -> bool:
        """Open, and of an employer that may reach workers."""
        return state.status == OPEN and (not self.require_verification or state.employer_id in self._verified)

    def _worker_table(self, worker_id: str):
        with self._columns_lock.reading():
            row = self._rows.get(worker_id)
            return None if row is None else self._columns.table().select(np.array([row]))

    def _as_built(self, snapshot: VacancySnapshot, vacancy_id: str) -> bool:
        """Whether the vacancy is as ``snapshot`` holds it (else closed, blocked or edited since: left out
        until the next build)."""
        return self._vacancies.get(vacancy_id) is snapshot.states.get(vacancy_id)

    def _fresh(self, vacancy_id: str) -> VacancySnapshot | None:
        """The snapshot holding ``vacancy_id`` if it is open, waiting briefly for one opened a moment ago."""
        if not self.open_vacancy(vacancy_id):
            return None
        deadline = time.monotonic() + FRESH_WAIT_SECONDS
        with self._built:
            while vacancy_id not in self._snapshot.rows and time.monotonic() < deadline:
                self._built.wait(0.1)
        snapshot = self._snapshot
        return snapshot if vacancy_id in snapshot.rows and self.open_vacancy(vacancy_id) else None


def _history(placements: dict) -> list[dict]:
    """A worker's placements in id order: the same list in every process, whatever order events came in
    (those whose season is not known yet left out: ``records.in_history``)."""
    return [placements[p] for p in sorted(placements) if records.in_history(placements[p])]


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def read_model() -> ReadModel:
    """The read model in the database, read raw (no mongoengine objects: 100,000 workers load in seconds)."""
    vacancies = VacancyRecord._get_collection()
    found = list(vacancies.find({"status": OPEN}))
    found += vacancies.find({"status": {"$ne": OPEN}}, {"document": 0})
    return ReadModel(
        vacancies=found,
        workers=list(WorkerRecord._get_collection().find({}, {"revision": 1, "profile": 1})),
        placements=list(PlacementRecord._get_collection().find({})),
        compliance={e.id: e.compliance for e in EmployerRecord.objects},
        verified=frozenset(e["_id"] for e in EmployerRecord._get_collection().find({"verified": True}, {"_id": 1})),
    )


def start_index(settings: Settings, ranker=None, **options) -> RankingIndex:
    """An index that builds itself in a daemon thread: tail positioned at the matcher group's committed
    offsets, then the database loaded, then the tail started; ``ready`` once caught up. Returns at once."""
    # Request threads already share the cores: a BLAS pool per call only makes them wait on each other
    # (measured on 2 busy cores: 100,000 workers x one vacancy's skills, 16 ms with 2 BLAS threads, 1.7 ms with 1).
    threadpool_limits(1, user_api="blas")
    index = RankingIndex(ranker, require_verification=settings.require_employer_verification, **options)
    index.tail = TopicTail(settings, TOPICS, index.apply, start=f"committed:{settings.service}",
                           name="ranking-index")
    threading.Thread(target=_build_and_follow, args=(index,), name="ranking-index", daemon=True).start()
    return index


def _build_and_follow(index: RankingIndex) -> None:
    tail, stop = index.tail, index._stop
    tail.position(stop)
    backoff = 1.0
    while not stop.is_set():
        try:
            index.load()
            break
        except PyMongoError as exc:
            log.warning("ranking index waits for the database to load (%s)", exc)
            stop.wait(backoff)
            backoff = min(backoff * 2, 10.0)
    if stop.is_set():
        return
    tail.start()
    index.run(stop)
