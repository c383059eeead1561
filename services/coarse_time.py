"""Times coarsened to the day, for records that must not be paired with a moment (anonymous grievances).

A stored time, an event's ``occurred_at`` or a MongoDB ObjectId (whose first four bytes are the second it
was made) finer than the day could be matched with a worker's visit or an offer's answer; these keep
only the day (UTC).
"""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime

from bson import ObjectId


def day_start(moment: datetime | None = None) -> datetime:
    """Midnight UTC of ``moment``'s day (of now if None); a naive ``moment`` is read as UTC."""
    moment = moment or datetime.now(UTC)
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def day_stamp(moment: datetime | None = None) -> str:
    """The envelope form of ``day_start(moment)``: ``2027-08-01T00:00:00.000Z``."""
    return day_start(moment).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def day_of_stamp(stamp: str) -> datetime:
    """``day_start`` of an ISO 8601 time such as an envelope's ``occurred_at`` (today's if unreadable)."""
    try:
        return day_start(datetime.fromisoformat(str(stamp).replace("Z", "+00:00")))
    except ValueError:
        return day_start()


def day_object_id(moment: datetime | None = None, seed: bytes | None = None) -> ObjectId:
    """An ObjectId that tells only the day: midnight's timestamp, then eight random bytes (not the
    process id and counter of a normal one, which would order it among the day's others). With a
    ``seed``, the eight bytes are its hash instead, so the same seed always gives the same id."""
    seconds = int(day_start(moment).timestamp())
    tail = hashlib.sha256(seed).digest()[:8] if seed is not None else os.urandom(8)
    return ObjectId(seconds.to_bytes(4, "big") + tail)


def is_day_object_id(value) -> bool:
    """True when ``value`` is an ObjectId made at midnight UTC (as ``day_object_id`` makes them)."""
    return isinstance(value, ObjectId) and value.generation_time == day_start(value.generation_time)


def row_day(row: dict) -> datetime:
    """The day a stored document was made: of its ``created_at``, else of its ObjectId."""
    return day_start(row.get("created_at") or row["_id"].generation_time)


def dated_by_day_only(row: dict) -> bool:
    """True when a stored document's ``_id`` and ``created_at`` both tell only the day."""
    created = row.get("created_at")
    return is_day_object_id(row["_id"]) and created is not None and created == day_start(created)
