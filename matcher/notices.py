"""``matches.updated`` notices: a small event when a watched worker's first matches changed.

Matches are ranked on request (``matcher.index``); the workers service
caches a worker's answer for a few minutes. A notice tells it to drop that
cache. So notices are sent only for WATCHED workers, O(1) per vacancy apart
from them:

1. ``watch`` (the matcher web, after ranking a worker): remember the first
   20 ids, their scores and the 20th score (the floor) in ``ShownMatches``,
   and that the worker is watched for ``LP_MATCHES_WATCH_SECONDS`` (at
   least the workers service's cache time).
2. ``NoticeScreen.after`` (each matcher worker, after handling an event and
   applying it to its own index): a vacancy change concerns the watched
   workers whose shown ids hold it, and those the vacancy could now enter
   (score at or above their floor, or fewer than 20 shown); a profile or
   placement change concerns that worker. They get a due mark
   (``due_at``), at most one notice per worker per ``NOTICE_GAP``.
3. ``NoticeSender`` (a job of each matcher worker, no leader): re-ranks
   each due worker from its index and records the outcome with one write
   conditional on the mark being as read; only if the first 20 ids changed
   that write carries the notice (outbox), records ``last_notice_at`` and
   ends the watch (the next read watches again).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import OrderedDict
from datetime import UTC, datetime, timedelta

from pymongo import UpdateOne
from pymongo.errors import PyMongoError

from matcher.models import ShownMatches
from matcher.watches import SHOWN, WatchPoller, WatchTable
from services import db, outbox
from services.config import Settings
from services.events import (
    MATCHES_UPDATED,
    PLACEMENT_COMPLETED,
    PLACEMENT_RATED,
    VACANCY_CLOSED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    WORKER_ERASED,
    WORKER_PROFILE_UPDATED,
    Envelope,
    new_event,
)
from services.tail import TopicTail

log = logging.getLogger(__name__)


# How long a worker stays watched after a read, unless the settings say otherwise (``watch_period``): at
# least the workers service's cache time (LP_MATCHES_CACHE_SECONDS), since a notice is what drops that cache.
WATCH = timedelta(seconds=Settings.matches_watch_seconds)
# A read rewrites an unchanged watch only once it would end within WATCH: at most one write a minute.
WATCH_SLACK = timedelta(seconds=60)
NOTICE_GAP = timedelta(seconds=60)  # at most one notice per worker per minute
# How long a mark rests before a sender checks it: the screening process's index folds an event into its
# tables within ``REBUILD_SECONDS`` (0.2 s); another process's index first has to read it from Kafka.
SETTLE_OWN = timedelta(seconds=0.1)
SETTLE_OTHERS = timedelta(seconds=2)
MAX_NOTICE_BYTES = 2048  # the whole envelope as sent
VACANCY_TOPICS = (VACANCY_SUBMITTED, VACANCY_REVIEWED, VACANCY_CLOSED)
SCREENED = (*VACANCY_TOPICS, WORKER_PROFILE_UPDATED, PLACEMENT_COMPLETED, PLACEMENT_RATED)
# How long after an event a matcher web process may still rank without it (its index applies events
# within about a second): watches written that soon after a screened event are checked again.
RACE = timedelta(seconds=2)


def utcnow() -> datetime:
    """Now, to the millisecond: stored times are, and conditional writes compare them exactly."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def _collection():
    return ShownMatches._get_collection()


def _first(matches) -> tuple[list, list, float | None]:
    """Ids and scores of the first ``SHOWN`` matches, and the floor (the last score; None when fewer)."""
    first = list(matches)[:SHOWN]
    scores = [float(m["score"]) for m in first]
    return [m["vacancy_id"] for m in first], scores, scores[-1] if len(first) == SHOWN else None


# --------------------------------------------------------------------------- the web: watch


def watch_period(settings: Settings) -> timedelta:
    """How long a read watches a worker (``LP_MATCHES_WATCH_SECONDS``)."""
    return timedelta(seconds=settings.matches_watch_seconds)


def watch(worker_id: str, matches, now: datetime | None = None, period: timedelta = WATCH,
          memory: WatchMemory | None = None) -> bool:
    """Record that ``worker_id`` was just shown ``matches`` (best first, at least the first ``SHOWN`` when
    the worker has that many) and is watched for ``period``; True if it wrote.

    Writes only when the first ids or the floor changed, or the watch would end within ``period``, so a
    worker reading their matches again and again costs one look-up by id per read, or none while
    ``memory`` (this web process's) knows the watch as this read would leave it. The read is answered
    even while the database is away: the worker is then not watched, and a cache of their matches may
    stay as it is until it runs out (logged).
    """
    now = now or utcnow()
    ids, scores, floor = _first(matches)
    if memory is not None and memory.holds(worker_id, ids, floor, now + period):
        return False
    started = memory.begin() if memory is not None else 0.0
    try:
        stored = _collection().find_one({"_id": worker_id}, {"ids": 1, "floor": 1, "watched_until": 1})
        if stored and stored.get("ids") == ids and stored.get("floor") == floor \
                and _aware(stored.get("watched_until")) >= now + period:
            if memory is not None:
                memory.remember(worker_id, ids, floor, _aware(stored.get("watched_until")), started)
            return False
        update = {"$set": {"ids": ids, "scores": scores, "floor": floor,
                           "watched_until": now + period + WATCH_SLACK, "updated_at": now}}
        db.upsert(lambda: _collection().update_one({"_id": worker_id}, update, upsert=True))
    except PyMongoError as exc:
        log.warning("worker %s not watched, the database is away (%s): no notice will drop their cached "
                    "matches", worker_id, exc)
        return False
    if memory is not None:
        memory.remember(worker_id, ids, floor, now + period + WATCH_SLACK, started)
    return True


class WatchMemory:
    """A matcher web process's copy of the watches it read or wrote, so that a worker reading the same
    first matches again costs no look-up (``watch``); at most ``entries``, least recently used out.

    Only a notice ends a watch early (the sender, in a matcher worker): so the copy is used only while this
    process follows ``matches.updated`` (``follow_notices``), and a worker's notice drops that worker's
    copy. A copy taken while a notice arrived is not kept. Between a notice and its arrival here (the
    tail's lag, well under a second), a read may skip a watch that had just ended: the workers service
    keeps no answer put together within 5 s of that worker's notice (``workers.match_cache``), so the
    worker's next read comes here again, once the copy is gone, and watches.
    """

    def __init__(self, entries: int = 100_000, clock=time.monotonic):
        self.entries, self.clock = entries, clock
        self.following: threading.Event | None = None  # set while a tail delivers the notices
        self._watches: OrderedDict[str, tuple] = OrderedDict()  # worker -> (ids, floor, watched until)
        self._noticed: OrderedDict[str, float] = OrderedDict()  # worker -> when its last notice arrived
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._watches)

    def holds(self, worker_id: str, ids: list, floor: float | None, until: datetime) -> bool:
        """Whether the stored watch is known to hold ``ids`` and ``floor`` and to run until ``until`` or later."""
        if self.following is None or not self.following.is_set():
            return False
        with self._lock:
            known = self._watches.get(worker_id)
            if known is None or known[0] != ids or known[1] != floor or known[2] < until:
                return False
            self._watches.move_to_end(worker_id)
            return True

    def begin(self) -> float:
        """The moment a look-up of the watch starts (pass it to ``remember``)."""
        return self.clock()

    def remember(self, worker_id: str, ids: list, floor: float | None, until: datetime, started: float) -> None:
        """Keep the watch as stored, unless that worker's notice arrived since ``started``."""
        if self.following is None or not self.following.is_set():
            return
        with self._lock:
            if self._noticed.get(worker_id, float("-inf")) >= started:
                return
            self._watches.pop(worker_id, None)
            self._watches[worker_id] = (list(ids), floor, until)
            while len(self._watches) > self.entries:
                self._watches.popitem(last=False)

    def handle(self, topic: str, envelope: Envelope) -> None:
        """The tail's handler: a worker's notice ended their watch."""
        worker_id = envelope.payload.get("worker_id") or envelope.subject
        if topic != MATCHES_UPDATED or not isinstance(worker_id, str):
            return
        with self._lock:
            now = self.clock()
            self._watches.pop(worker_id, None)
            self._noticed.pop(worker_id, None)
            self._noticed[worker_id] = now
            while self._noticed and next(iter(self._noticed.values())) < now - NOTICE_GAP.total_seconds():
                self._noticed.popitem(last=False)


def follow_notices(settings: Settings, memory: WatchMemory):
    """Start following ``matches.updated`` from now on (a ``services.tail.TopicTail``); the memory is used once
    it follows."""
    tail = TopicTail(settings, (MATCHES_UPDATED,), memory.handle, start="latest", name="watch-memory")
    memory.following = tail.caught_up
    return tail.start()


def _aware(moment: datetime | None) -> datetime:
    if moment is None:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# --------------------------------------------------------------------------- the worker: screen


class NoticeScreen:
    """Marks the watched workers an event may concern as due for a notice check.

    ``after(topic, envelope)`` runs in the consumer thread after the event was handled and applied to
    ``index``. The table of watches is polled from the database every ``poll_seconds`` (``run``, a job of
    the worker). A watch written just after an event was screened may hold a ranking made by a matcher
    web process whose index had not applied the event yet: so a poll that reads watches written within
    ``RACE`` of the last event screened marks them due too (the sender re-ranks them, and tells only
    if their first 20 differ).
    """

    name = "notice-screen"

    def __init__(self, index, table: WatchTable | None = None, poll_seconds: float = 1.0, owner: str = "",
                 period: timedelta = WATCH):
        self.index = index
        self.owner = owner  # the sender of this process, which may check this screen's marks soonest
        self.table = table if table is not None else WatchTable()
        # ``period``: the web's (``watch_period``): a watch still running was written at most this long ago.
        self.poller = WatchPoller(self.table, lookback=period + WATCH_SLACK)
        self.poll_seconds = poll_seconds
        self.caught_up: list[str] = []  # the workers the last poll marked (for logs and tests)
        self._lock = threading.Lock()  # the table: polled by ``run``, read by ``after``
        self._screened_at = float("-inf")  # when the last event that may move lists was screened

    def load(self, now: datetime | None = None) -> int:
        """Read the watches written since the last poll (at first: every watch that may still run), and
        mark those written within ``RACE`` of the last screened event; how many were read."""
        with self._lock:
            read = self.poller.poll(now)
            recent = self._screened_at >= self.poller.read_since - RACE.total_seconds()
            now_epoch = (now or utcnow()).timestamp()
            self.caught_up = [w for w, _at in read if recent and self.table.watched(w, now_epoch)]
            last_notices = self._last_notices(self.caught_up)
        if self.caught_up:
            mark_due(self.caught_up, last_notices, self.owner, now)
        return len(read)

    def run(self, stop) -> None:
        """Poll until ``stop`` is set, backing off while the database is down."""
        backoff = self.poll_seconds
        while not stop.wait(backoff):
            try:
                self.load()
                backoff = self.poll_seconds
            except PyMongoError as exc:
                log.warning("notice screen waits for the database (%s)", exc)
                backoff = min(backoff * 2, 10.0)

    def after(self, topic: str, envelope: Envelope) -> list[str]:
        """Mark the workers ``envelope`` may concern as due; returns them."""
        with self._lock:
            if topic in SCREENED:
                self._screened_at = time.time()
            if topic == WORKER_ERASED:
                self.table.forget(envelope.subject)  # an erased worker is watched no more
            workers = self.affected(topic, envelope)
            last_notices = self._last_notices(workers)
        if workers:
            mark_due(workers, last_notices, self.owner)
        return workers

    def _last_notices(self, workers) -> dict:
        return {w: self.table.last_notice_of(w) for w in workers}

    def affected(self, topic: str, envelope: Envelope, now: float | None = None) -> list[str]:
        """The watched workers whose first matches ``envelope`` may change."""
        now = time.time() if now is None else now
        if topic in VACANCY_TOPICS:
            return self._vacancy(envelope.subject, now)
        if topic == WORKER_PROFILE_UPDATED:
            worker_id = envelope.subject
        elif topic in (PLACEMENT_COMPLETED, PLACEMENT_RATED):
            worker_id = str(envelope.payload.get("worker_id") or "")
        else:
            return []
        return [worker_id] if self.table.watched(worker_id, now) else []

    def _vacancy(self, vacancy_id: str, now: float) -> list[str]:
        if not self.table.any_watched(now):
            return []  # nobody to tell: the index is not even asked
        workers = self.table.holders(vacancy_id, now)
        ids, scores = self.index.vacancy_scores(vacancy_id)
        held = set(workers)
        return workers + [w for w in self.table.entrants(ids, scores, now) if w not in held]


def mark_due(workers, last_notices: dict, owner: str = "", now: datetime | None = None) -> int:
    """Mark ``workers`` due for a check (one write for them all), each at ``NOTICE_GAP`` after its last
    notice (``last_notices``: epoch seconds by worker, as the table of watches knows them; the sender
    checks the stored one) at the earliest; an earlier mark stands (``$min``). Only running watches are
    marked. ``owner`` names the sender of the marking process, whose index already holds the event."""
    now = now or utcnow()
    operations = []
    for worker_id in workers:
        last = last_notices.get(worker_id, float("-inf"))
        due = max(now, datetime.fromtimestamp(last, UTC) + NOTICE_GAP) if last > 0 else now
        operations.append(UpdateOne({"_id": worker_id, "watched_until": {"$gt": now}},
                                    {"$min": {"due_at": _ms(due)}, "$max": {"marked_at": now},
                                     "$addToSet": {"by": owner}}))
    if not operations:
        return 0
    return _collection().bulk_write(operations, ordered=False).modified_count


def _ms(moment: datetime) -> datetime:
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


# --------------------------------------------------------------------------- the worker: send


def notice_payload(worker_id: str, matches) -> dict:
    """The ``matches.updated`` payload of a worker's first matches, small enough to send (see ``notice``)."""
    first = list(matches)[:SHOWN]
    return {"kind": "worker", "worker_id": worker_id, "count": len(first),
            "matches": [{"vacancy_id": m["vacancy_id"], "score": round(float(m["score"]), 4),
                         "reason_keys": list(m.get("reason_keys") or ())} for m in first]}


def notice(worker_id: str, matches) -> Envelope:
    """The ``matches.updated`` event of a worker's first matches, at most ``MAX_NOTICE_BYTES`` as sent.

    Twenty entries with all their reason keys do not fit with the services' 24-digit ids. So, in turn
    until it fits: each entry keeps only its strongest reason; the last entries lose theirs; the last
    entries go. ``count`` always says how many the first matches are (a reader can tell a cut list; the
    notice exists to drop a cache, and the list is read again from the matcher anyway).
    """
    payload = notice_payload(worker_id, matches)
    event = new_event(MATCHES_UPDATED, "matcher", worker_id, payload)
    entries = payload["matches"]
    if _size(event) > MAX_NOTICE_BYTES:
        for entry in entries:
            entry["reason_keys"] = entry["reason_keys"][:1]
    for entry in reversed(entries):
        if _size(event) <= MAX_NOTICE_BYTES:
            break
        entry["reason_keys"] = []
    while _size(event) > MAX_NOTICE_BYTES and entries:
        entries.pop()
    return event


def _size(event: Envelope) -> int:
    return len(event.to_bytes())


class NoticeSender:
    """A job of the matcher worker: sends the due notices (any number of processes, no leader).

    A round reads the due marks (an indexed range on ``due_at``) with all it needs to decide, ranks each
    worker again and records each outcome with a write conditional on the mark being as it was read
    (``due_at`` and ``marked_at``): the notice is in that write (outbox), so of two senders that checked
    the same mark only one writes, and a mark made again meanwhile is never cleared by a check that
    did not see it (the write misses, and the next round checks again). No claim is written first, and
    a round's writes go in bulk: on the local database a write costs 10 to 20 ms alone, a look-up 0.5 ms,
    and ranking one worker a few.

    A mark is checked once it has rested ``SETTLE_OWN`` if only this process's screen made it (its index
    has the event), else ``SETTLE_OTHERS``: ranking before the index has the change would find the list
    unchanged and drop the mark. So the marking process's sender checks first, and two senders rarely
    rank the same worker.
    """

    name = "notice-sender"

    def __init__(self, index, poll_seconds: float = 0.5, batch: int = 200):
        self.index = index
        self.poll_seconds = poll_seconds
        self.batch = batch
        self.owner = uuid.uuid4().hex
        self.outcomes: dict[str, int] = {}
        self._woken = threading.Event()

    def wake(self) -> None:
        """Check soon rather than at the next poll: this process's screen just marked workers."""
        self._woken.set()

    def run(self, stop) -> None:
        """Send until ``stop`` is set, backing off while the database is down."""
        backoff = self.poll_seconds
        while not stop.is_set():
            try:
                checked = self.send_once()
                backoff = self.poll_seconds
            except PyMongoError as exc:
                log.warning("notice sender waits for the database (%s)", exc)
                stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
                continue
            if checked < self.batch and self._woken.wait(self.poll_seconds) and not stop.is_set():
                # Marks just made by this process: let them settle (its index has the event), then check.
                self._woken.clear()
                stop.wait(SETTLE_OWN.total_seconds())

    def send_once(self, now: datetime | None = None) -> int:
        """Check the due marks of one batch that have settled; returns how many it checked."""
        now = now or utcnow()
        due = [m for m in _collection().find({"due_at": {"$lte": now}}, MARK_FIELDS).limit(self.batch)
               if self._settled(m, now)]
        if not due:
            return 0
        # Fold what this index was handed into its tables first: its builder does so only every
        # REBUILD_SECONDS, and ranking a worker before it would find the list unchanged and drop the mark.
        self.index.flush()
        started, decided = time.monotonic(), {}
        for n, mark in enumerate(due, start=1):
            outcome, update = self.decide(mark, now)
            decided.setdefault(outcome, []).append(UpdateOne(_as_read(mark), update))
            if n % 100 == 0:
                log.info("notice sender: %d of %d due workers ranked in %.1fs", n, len(due), time.monotonic() - started)
        counts = self._record(decided)
        if counts.get("sent"):
            # The notices are in the outbox: this process's relay publishes them now, not at its next poll.
            outbox.wake_relays(ShownMatches)
        log.info("notice sender: %d due workers checked in %.2fs: %s", len(due), time.monotonic() - started, counts)
        return len(due)

    def _settled(self, mark: dict, now: datetime) -> bool:
        marked = mark.get("marked_at")
        settle = SETTLE_OWN if mark.get("by") == [self.owner] else SETTLE_OTHERS
        return marked is None or _aware(marked) + settle <= now

    def decide(self, mark: dict, now: datetime) -> tuple[str, dict]:
        """What to do about a due ``mark`` (a document as ``MARK_FIELDS`` reads it): the outcome and the
        update recording it. ``ended`` (no longer watched), ``deferred`` (a notice went out less than
        ``NOTICE_GAP`` ago), ``unknown`` (not in the index), ``unchanged`` or ``sent``."""
        worker_id = mark["_id"]
        if _aware(mark.get("watched_until")) <= now:
            return "ended", CLEAR
        last = mark.get("last_notice_at")
        if last is not None and _aware(last) + NOTICE_GAP > now:
            return "deferred", {"$set": {"due_at": _ms(_aware(last) + NOTICE_GAP)}}
        matches = self.index.worker_matches(worker_id, SHOWN)
        if matches is None:
            return "unknown", CLEAR
        ids, scores, floor = _first(matches)
        if ids == mark.get("ids"):
            moved = floor != mark.get("floor")  # the screen's floor follows the scores
            return "unchanged", {**({"$set": {"scores": scores, "floor": floor, "updated_at": now}} if moved else {}),
                                 **CLEAR}
        # The notice in the same update as the outcome (the kernel's building block of every outbox write).
        return "sent", outbox.with_events({"$set": {"ids": ids, "scores": scores, "floor": floor,
                                                    "last_notice_at": now, "watched_until": now, "updated_at": now},
                                           **CLEAR}, [notice(worker_id, matches).to_text()])

    def _record(self, decided: dict) -> dict:
        """Write the outcomes, one bulk write per kind (a write costs 10-20 ms alone, 1-3 ms in a batch);
        each applies only if its mark is still as read, else it counts as ``taken`` (written means matched,
        as for ``services.outbox.write``)."""
        counts = {}
        for outcome, operations in decided.items():
            matched = _collection().bulk_write(operations, ordered=False).matched_count
            counts[outcome] = matched
            if matched < len(operations):
                counts["taken"] = counts.get("taken", 0) + len(operations) - matched
        for outcome, count in counts.items():
            if count:
                self.outcomes[outcome] = self.outcomes.get(outcome, 0) + count
        return counts


def _as_read(mark: dict) -> dict:
    """The filter of a mark as a sender read it: a mark made again since, or recorded by another sender,
    no longer matches (``marked_at`` only grows, ``due_at`` goes once recorded)."""
    return {"_id": mark["_id"], "due_at": mark["due_at"], "marked_at": mark.get("marked_at")}


# What a sender reads of a due mark: all it needs to decide.
MARK_FIELDS = {"ids": 1, "floor": 1, "watched_until": 1, "last_notice_at": 1, "due_at": 1, "marked_at": 1, "by": 1}
CLEAR = {"$unset": {"due_at": "", "marked_at": "", "by": ""}}
