"""MongoDB connection (mongoengine) for the database a service owns."""

from __future__ import annotations

import mongoengine
from mongoengine.connection import get_db
from pymongo.errors import BulkWriteError, PyMongoError

from services.config import Settings

# Fail fast: a request waiting 30 s (pymongo's default) for a database that
# is down would pile up workers; 3 s lets /readyz and writes answer 503.
SERVER_SELECTION_TIMEOUT_MS = 3000
DUPLICATE_KEY = 11000


def connect(settings: Settings, alias: str = "default") -> None:
    """Bind mongoengine's ``alias`` to this service's database (idempotent)."""
    mongoengine.disconnect(alias)
    mongoengine.connect(
        db=settings.mongo_db,
        host=settings.mongo_url,
        alias=alias,
        serverSelectionTimeoutMS=SERVER_SELECTION_TIMEOUT_MS,
        connectTimeoutMS=SERVER_SELECTION_TIMEOUT_MS,
        tz_aware=True,
        uuidRepresentation="standard",
    )


def database(alias: str = "default"):
    """The pymongo database behind ``alias``."""
    return get_db(alias)


def ping(alias: str = "default") -> bool:
    """True when the database answers."""
    try:
        database(alias).command("ping")
    except PyMongoError:
        return False
    return True


def insert_new(collection, rows: list[dict]) -> None:
    """Insert ``rows`` in one write, skipping those a unique index already holds.

    What makes replaying an event harmless: rows carry deterministic
    unique keys, and a second insert of the same row is a no-op.
    """
    if not rows:
        return
    try:
        collection.insert_many(rows, ordered=False)
    except BulkWriteError as exc:
        if any(err.get("code") != DUPLICATE_KEY for err in exc.details.get("writeErrors", [])):
            raise
