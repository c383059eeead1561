"""A fixed-window rate limiter kept in MongoDB, shared by every process."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta

from pymongo import ReturnDocument
from werkzeug.exceptions import TooManyRequests

from services import db

COLLECTION = "rate_limits"


def _window(window_seconds: int) -> int:
    return int(time.time()) // window_seconds


def _too_many(window_seconds: int):
    retry_after = window_seconds - int(time.time()) % window_seconds
    return TooManyRequests(f"Too many attempts; try again in {retry_after} seconds.", retry_after=retry_after)


def hit(key: str, limit: int, window_seconds: int) -> int:
    """Count one hit on ``key``; abort with 429 beyond ``limit`` per window. Returns the hits so far."""
    window = _window(window_seconds)
    collection = db.database()[COLLECTION]
    counter = db.upsert(lambda: collection.find_one_and_update(
        {"_id": f"{key}:{window}"},
        {"$inc": {"hits": 1}, "$setOnInsert": {"expires_at": _expiry(window, window_seconds)}},
        upsert=True,
        return_document=ReturnDocument.AFTER,
    ))
    # FerretDB has no TTL indexes: old windows are swept now and then.
    if random.random() < 0.01:
        collection.delete_many({"expires_at": {"$lt": datetime.now(UTC)}})
    if counter["hits"] > limit:
        raise _too_many(window_seconds)
    return counter["hits"]


def _expiry(window: int, window_seconds: int) -> datetime:
    return datetime.fromtimestamp((window + 1) * window_seconds, UTC) + timedelta(seconds=60)
