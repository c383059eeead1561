"""A fixed-window rate limiter kept in MongoDB, shared by every process.

One document per key and window (``_id = "<key>:<window>"``); a TTL index removes it a minute after its
window ends.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

from mongoengine import DateTimeField, Document, IntField, StringField

from services import db
from services.errors import TooManyRequests

COLLECTION = "rate_limits"


class RateWindow(Document):
    """The hits on one key in one window; gone (TTL) once ``expires_at`` has passed."""

    id = StringField(primary_key=True)
    hits = IntField(default=0)
    expires_at = DateTimeField()

    meta = {"collection": COLLECTION, "indexes": [{"fields": ["expires_at"], "expireAfterSeconds": 0}]}


def _window(window_seconds: int) -> int:
    return int(time.time()) // window_seconds


def _too_many(window_seconds: int):
    retry_after = window_seconds - int(time.time()) % window_seconds
    return TooManyRequests(f"Too many attempts; try again in {retry_after} seconds.", retry_after=retry_after)


def hit(key: str, limit: int, window_seconds: int, cost: int = 1) -> int:
    """Count ``cost`` hits (one by default) on ``key``; TooManyRequests beyond ``limit`` per window.
    Returns the hits so far."""
    window = _window(window_seconds)
    collection = RateWindow._get_collection()
    update = {"$inc": {"hits": cost}, "$setOnInsert": {"expires_at": _expiry(window, window_seconds)}}
    counter = db.find_one_and_upsert(collection, f"{key}:{window}", update)
    if counter["hits"] > limit:
        raise _too_many(window_seconds)
    return counter["hits"]


def forget(key: str) -> int:
    """Drop every window of ``key`` (an erased account's counters); how many went."""
    found = RateWindow._get_collection().delete_many({"_id": {"$regex": f"^{re.escape(key)}:[0-9]+$"}})
    return found.deleted_count


def _expiry(window: int, window_seconds: int) -> datetime:
    return datetime.fromtimestamp((window + 1) * window_seconds, UTC) + timedelta(seconds=60)
