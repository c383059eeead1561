"""The watched workers a matcher worker screens events for: floors and shown ids as numpy columns.

A worker is watched for a few minutes after the matcher web ranked them
(``matcher.notices.watch`` writes ``ShownMatches``). Every matcher worker
keeps a copy of those watches in a ``WatchTable``, so that screening an
event costs a few vectorised comparisons, not a database query: a row per
worker, holding the codes of the vacancy ids shown (-1 padding), the 20th
score (NaN when fewer were shown), when the watch ends and when the last
notice went out (epoch seconds). ``WatchPoller`` fills it from
``ShownMatches`` by ``updated_at``, re-reading an overlap window each time
since writes from other processes may land with a slightly older time.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from itertools import repeat

import numpy as np

from matcher.models import ShownMatches

log = logging.getLogger(__name__)

SHOWN = 20
FIELDS = {"ids": 1, "floor": 1, "watched_until": 1, "last_notice_at": 1, "updated_at": 1}
NEVER = -np.inf


def epoch(moment: datetime | None) -> float:
    """Seconds since the epoch of a stored time (naive ones are UTC), -inf for None."""
    if moment is None:
        return NEVER
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


class WatchTable:
    """Rows of watched workers: shown vacancy codes, floor, watch end and last notice, grown in place."""

    def __init__(self, width: int = SHOWN, capacity: int = 1024):
        self.width = width
        self.rows: dict[str, int] = {}
        self.worker_ids: list[str] = []
        self.codes: dict[str, int] = {}  # vacancy id -> the code stored in ``shown``
        self.shown = np.full((capacity, width), -1, dtype=np.int32)
        self.floor = np.full(capacity, np.nan, dtype=np.float32)
        self.until = np.full(capacity, NEVER)
        self.last_notice = np.full(capacity, NEVER)

    def __len__(self) -> int:
        return len(self.worker_ids)

    def put(self, worker_id: str, ids, floor: float | None, until: float, last_notice: float = NEVER) -> None:
        """Set (or add) a worker's row."""
        row = self.rows.get(worker_id)
        if row is None:
            row = self._append(worker_id)
        codes = [self.codes.setdefault(v, len(self.codes)) for v in list(ids)[:self.width]]
        self.shown[row] = -1
        self.shown[row, :len(codes)] = codes
        self.floor[row] = np.nan if floor is None else floor
        self.until[row] = until
        self.last_notice[row] = last_notice

    def put_document(self, document: dict) -> None:
        """Set a worker's row from a ``ShownMatches`` document (as ``FIELDS`` projects it)."""
        self.put(document["_id"], document.get("ids") or [], document.get("floor"),
                 epoch(document.get("watched_until")), epoch(document.get("last_notice_at")))

    def watched(self, worker_id: str, now: float) -> bool:
        row = self.rows.get(worker_id)
        return row is not None and self.until[row] > now

    def any_watched(self, now: float) -> bool:
        return bool((self.until[:len(self)] > now).any())

    def holders(self, vacancy_id: str, now: float) -> list[str]:
        """The watched workers whose shown ids hold ``vacancy_id``."""
        code = self.codes.get(vacancy_id)
        if code is None:
            return []
        size = len(self)
        hits = (self.shown[:size] == code).any(axis=1) & (self.until[:size] > now)
        return [self.worker_ids[r] for r in np.flatnonzero(hits).tolist()]

    def entrants(self, worker_ids, scores: np.ndarray, now: float) -> list[str]:
        """Of ``worker_ids`` (with ``scores`` for a vacancy), the watched ones it could enter the first
        matches of: a score at or above their floor, or fewer matches shown than the width."""
        scores = np.asarray(scores, dtype=np.float32)
        size = len(self)
        live = self.until[:size] > now
        if not live.any() or not len(scores):
            return []
        floors = self.floor[:size][live]
        if not np.isnan(floors).any():  # nobody has room: only scores above the lowest floor can enter
            worth = np.flatnonzero(scores >= floors.min())
            worker_ids, scores = [worker_ids[i] for i in worth.tolist()], scores[worth]
        # Looked up in C (map), not in a Python loop: 100,000 eligible workers in ~10 ms.
        rows = np.fromiter(map(self.rows.get, worker_ids, repeat(-1)), dtype=np.int64, count=len(worker_ids))
        known = rows >= 0
        rows, scores = rows[known], scores[known]
        floor = self.floor[rows]
        enters = (np.isnan(floor) | (scores >= floor)) & (self.until[rows] > now)
        return [self.worker_ids[r] for r in rows[enters].tolist()]

    def forget(self, worker_id: str) -> None:
        """End the worker's watch now (an erased worker); the next ``compact`` drops the row."""
        row = self.rows.get(worker_id)
        if row is not None:
            self.until[row] = NEVER

    def last_notice_of(self, worker_id: str) -> float:
        row = self.rows.get(worker_id)
        return NEVER if row is None else float(self.last_notice[row])

    def compact(self, before: float) -> int:
        """Drop the rows whose watch ended before ``before``; how many went."""
        size = len(self)
        keep = np.flatnonzero(self.until[:size] >= before)
        if len(keep) == size:
            return 0
        self.worker_ids = [self.worker_ids[r] for r in keep.tolist()]
        self.rows = {w: r for r, w in enumerate(self.worker_ids)}
        for name in ("shown", "floor", "until", "last_notice"):
            column = getattr(self, name)
            column[:len(keep)] = column[keep]
            column[len(keep):size] = -1 if name == "shown" else (np.nan if name == "floor" else NEVER)
        return size - len(keep)

    def _append(self, worker_id: str) -> int:
        row = len(self.worker_ids)
        if row == len(self.floor):
            self._grow()
        self.worker_ids.append(worker_id)
        self.rows[worker_id] = row
        return row

    def _grow(self) -> None:
        extra = len(self.floor)
        self.shown = np.concatenate([self.shown, np.full((extra, self.width), -1, dtype=np.int32)])
        self.floor = np.concatenate([self.floor, np.full(extra, np.nan, dtype=np.float32)])
        self.until = np.concatenate([self.until, np.full(extra, NEVER)])
        self.last_notice = np.concatenate([self.last_notice, np.full(extra, NEVER)])


class WatchPoller:
    """Keeps a ``WatchTable`` current from ``ShownMatches`` by ``updated_at`` (an indexed range)."""

    def __init__(self, table: WatchTable, lookback: timedelta, overlap: timedelta = timedelta(seconds=3),
                 compact_every: float = 60.0):
        self.table = table
        self.lookback = lookback  # how far back a watch that is still running may have been written
        self.overlap = overlap
        self.compact_every = compact_every
        self._since: datetime | None = None
        self.read_since = NEVER
        self._compacted_at = time.monotonic()

    def poll(self, now: datetime | None = None) -> list[tuple[str, float]]:
        """Read the watches written since the last poll began (minus the overlap, for writes that landed
        late with an older time); the first poll reads every watch that may still run. Returns the workers
        read with the time each was written (epoch seconds); ``read_since`` is the poll's lower bound."""
        now = now or datetime.now(UTC)
        first = self._since is None
        since = now - self.lookback if first else self._since - self.overlap
        started = time.monotonic()
        read = []
        for document in ShownMatches._get_collection().find({"updated_at": {"$gte": since}}, FIELDS):
            self.table.put_document(document)
            read.append((document["_id"], epoch(document.get("updated_at"))))
        self._since, self.read_since = now, since.timestamp()
        if first or len(read) >= 10_000:
            log.info("watch table: read %d watches in %.2fs (%d rows)", len(read), time.monotonic() - started,
                     len(self.table))
        self._compact(now)
        return read

    def _compact(self, now: datetime) -> None:
        if time.monotonic() - self._compacted_at >= self.compact_every:
            self._compacted_at = time.monotonic()
            self.table.compact(now.timestamp())
