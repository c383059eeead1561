"""Each web process's short cache of ``/me/matches`` answers, dropped by the events that change them.

The busiest read costs a call to the matcher's read-time ranking and a look-up
of 20 cards; a worker reading their matches again within minutes gets the
same gzipped bytes from memory. An entry goes:

- when that worker's ``matches.updated`` arrives (the matcher sends one when
  the worker's first 20 changed);
- when a vacancy it ranks is submitted again, reviewed or closed (its card
  changed here, sooner than a notice would come);
- when its first season begins, after ``LP_MATCHES_CACHE_SECONDS``, or when
  the least recently read of ``LP_MATCHES_CACHE_ENTRIES`` must make room.

A miss (and the pages' longer lists) also finds the vacancies' cards here
(``card_texts``): a card read from the database is kept, while the events
are followed, until its vacancy's next event or ``CARD_SECONDS``.

Every process sees every event: ``follow`` starts a ``services.tail.TopicTail``
from the latest offsets. Answers are cached only while it follows them; a
process that cannot hear the events (no Kafka in unit tests) asks every time.

An answer put together within ``SETTLE_SECONDS`` of one of its events (the
worker's notice, or a change of a vacancy it ranks) is served but not kept:
the other readers of an event apply it at about the same moment, not before
it, so a look-up in between may read what it replaced. The workers worker
writes the card as the web processes read the verdict; a notice is sent by a
matcher worker process, and the matcher web process answering the next read
follows the same events from its own tail.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from services.config import Settings
from services.events import (
    MATCHES_UPDATED,
    VACANCY_CLOSED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    WORKER_ERASED,
    Envelope,
)
from services.tail import TopicTail

VACANCY_TOPICS = (VACANCY_SUBMITTED, VACANCY_REVIEWED, VACANCY_CLOSED)
# worker.erased: every web process drops the erased worker's answer, not only the one that erased them.
FOLLOWED = (MATCHES_UPDATED, WORKER_ERASED, *VACANCY_TOPICS)
SETTLE_SECONDS = 5.0  # several times what the other readers of an event take to apply it (about a second)
# How long the moments of events are remembered: longer than a miss can take (the matcher client's
# timeouts add up to 7 s).
REMEMBER_SECONDS = 60.0
# The vacancies' cards (``card_texts``): each kept at most this long, however quiet its vacancy, and at most
# this many. The bound matters only if this service's worker applied a vacancy's event more than
# ``SETTLE_SECONDS`` after this process heard it; otherwise that event drops the card.
CARD_SECONDS = 60.0
CARD_ENTRIES = 20_000


@dataclass(frozen=True)
class Entry:
    body: bytes  # the gzipped JSON answer
    expires_at: float
    first_start: str  # the earliest season start shown: from that day on the answer is stale
    ranked: tuple  # the vacancy ids the matcher ranked, shown or not


class MatchCache:
    """A bounded LRU of gzipped answers by worker id, thread-safe (gunicorn's threads share it)."""

    def __init__(self, ttl_seconds: float, max_entries: int, clock=time.monotonic):
        self.ttl, self.max_entries, self.clock = ttl_seconds, max_entries, clock
        self.following: threading.Event | None = None  # set while a tail delivers the events
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._by_vacancy: dict[str, set[str]] = {}
        self._changed: OrderedDict[str, float] = OrderedDict()  # "w:<id>" / "v:<id>" -> when its event came
        self._cards: OrderedDict[str, tuple[str, float]] = OrderedDict()  # vacancy id -> (card text, kept until)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.ttl > 0 and self.max_entries > 0 and self.following is not None and self.following.is_set()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, worker_id: str, today: str) -> bytes | None:
        """The cached answer, unless expired or one of its seasons has begun by ``today`` (ISO date)."""
        if not self.enabled:
            return None
        with self._lock:
            entry = self._entries.get(worker_id)
            if entry is None:
                return None
            if entry.expires_at <= self.clock() or entry.first_start <= today:
                self._remove(worker_id)
                return None
            self._entries.move_to_end(worker_id)
            return entry.body

    def begin(self) -> float:
        """The moment a miss starts putting its answer together (pass it to ``put``)."""
        return self.clock()

    def put(self, worker_id: str, started: float, body: bytes, ranked, first_start: str) -> bool:
        """Keep ``body`` unless caching is off or one of its events arrived since ``started``; True if kept."""
        ranked = tuple(sys.intern(v) for v in ranked)  # one copy of each id, however many answers hold it
        with self._lock:
            if not self.enabled or self._changed_since(worker_id, ranked, started):
                return False
            self._remove(worker_id)
            # From the start of the miss: the matcher's watch of this worker (what sends its notice) began
            # after it, so the answer never outlives the watch.
            self._entries[worker_id] = Entry(body, started + self.ttl, first_start, ranked)
            for vacancy_id in ranked:
                self._by_vacancy.setdefault(vacancy_id, set()).add(worker_id)
            while len(self._entries) > self.max_entries:
                self._remove(next(iter(self._entries)))
            return True

    def card_texts(self, vacancy_ids: list, read) -> dict[str, str]:
        """The shown cards of ``vacancy_ids`` as stored, by id: those kept here, the others from ``read(ids)``
        (one look-up), kept while events are followed, unless their vacancy changed within ``SETTLE_SECONDS``
        (the database may not have applied that change yet). A vacancy without a card is never kept."""
        if self.following is None or not self.following.is_set():
            return read(vacancy_ids)
        started, found = self.clock(), {}
        with self._lock:
            for vacancy_id in vacancy_ids:
                kept = self._cards.get(vacancy_id)
                if kept is not None and kept[1] > started:
                    found[vacancy_id] = kept[0]
                    self._cards.move_to_end(vacancy_id)
        missing = [v for v in vacancy_ids if v not in found]
        if not missing:
            return found
        fresh = read(missing)
        with self._lock:
            settled = started - SETTLE_SECONDS
            for vacancy_id, text in fresh.items():
                if self._changed.get(f"v:{vacancy_id}", -1.0) < settled:
                    self._cards[vacancy_id] = (text, started + CARD_SECONDS)
            while len(self._cards) > CARD_ENTRIES:
                self._cards.popitem(last=False)
        return {**found, **fresh}

    def drop_worker(self, worker_id: str) -> None:
        with self._lock:
            self._note(f"w:{worker_id}")
            self._remove(worker_id)

    def drop_vacancy(self, vacancy_id: str) -> None:
        with self._lock:
            self._note(f"v:{vacancy_id}")
            self._cards.pop(vacancy_id, None)
            for worker_id in list(self._by_vacancy.get(vacancy_id, ())):
                self._remove(worker_id)

    def handle(self, topic: str, event: Envelope) -> None:
        """The tail's handler: a worker's notice or erasure, or any change of a vacancy."""
        if topic == MATCHES_UPDATED:
            worker_id = event.payload.get("worker_id")
            if event.payload.get("kind", "worker") == "worker" and isinstance(worker_id, str) and worker_id:
                self.drop_worker(worker_id)
        elif topic == WORKER_ERASED:
            self.drop_worker(event.subject)
        elif topic in VACANCY_TOPICS:
            self.drop_vacancy(event.subject)

    def _changed_since(self, worker_id: str, ranked: tuple, started: float) -> bool:
        settled = started - SETTLE_SECONDS
        return any(self._changed.get(key, -1.0) >= settled for key in (f"w:{worker_id}", *(f"v:{v}" for v in ranked)))

    def _note(self, key: str) -> None:
        now = self.clock()
        self._changed.pop(key, None)
        self._changed[key] = now  # kept in order of arrival, so the old ones are at the front
        while self._changed and next(iter(self._changed.values())) < now - REMEMBER_SECONDS:
            self._changed.popitem(last=False)

    def _remove(self, worker_id: str) -> None:
        entry = self._entries.pop(worker_id, None)
        if entry is None:
            return
        for vacancy_id in entry.ranked:
            holders = self._by_vacancy.get(vacancy_id)
            if holders is not None:
                holders.discard(worker_id)
                if not holders:
                    del self._by_vacancy[vacancy_id]


def follow(settings: Settings, cache: MatchCache) -> TopicTail:
    """Start following the events that drop entries, from now on; the cache keeps answers once it follows."""
    tail = TopicTail(settings, FOLLOWED, cache.handle, start="latest", name="matches-tail")
    # Positioned at the latest offsets means following: an event before then could only drop entries
    # that did not exist yet.
    cache.following = tail.caught_up
    return tail.start()
