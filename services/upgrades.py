"""One-off upgrades of stored data: run once per database, remembered in its ``upgrades`` collection."""

from __future__ import annotations

from datetime import UTC, datetime

from services import db

COLLECTION = "upgrades"


def once(database, name: str, upgrade) -> bool:
    """Run ``upgrade()`` unless ``database`` records that ``name`` ran; record it once it returned (a crash
    part-way runs it again at the next start, so it must be idempotent). True if it ran now."""
    records = database[COLLECTION]
    if records.find_one({"_id": name}, {"_id": 1}):
        return False
    upgrade()
    db.upsert(lambda: records.update_one({"_id": name}, {"$setOnInsert": {"done_at": datetime.now(UTC)}}, upsert=True))
    return True
