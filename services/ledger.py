"""The ledger of handled events: what makes a redelivered event a no-op."""

from __future__ import annotations

from datetime import UTC, datetime

from mongoengine import DateTimeField, Document, StringField

from services.db import insert_new


class HandledEvent(Document):
    """One event id a consumer group has acted on (unique per group)."""

    # Keyed by group and event id (``handled_event_id``): a batch of them is one `_id $in` look-up on the
    # primary key, instead of a read of the whole, ever-growing collection (test_ledger checks its plan).
    id = StringField(primary_key=True)
    group = StringField(required=True)
    event_id = StringField(required=True, unique_with="group")
    handled_at = DateTimeField(default=lambda: datetime.now(UTC))

    meta = {"collection": "handled_events"}


def handled_event_id(group: str, event_id: str) -> str:
    """The _id of ``event_id``'s HandledEvent in ``group`` (one per pair: a group name has no ':')."""
    return f"{group}:{event_id}"


class EventLedger:
    """Remembers handled event ids for one consumer group, in its service's database."""

    def __init__(self, group: str):
        if ":" in group:
            raise ValueError(f"a consumer group name with ':' would share ledger keys with another: {group!r}")
        self.group = group

    def seen_many(self, event_ids) -> set[str]:
        """Those of ``event_ids`` this group has handled."""
        keys = [handled_event_id(self.group, e) for e in event_ids]
        if not keys:
            return set()
        # {_id: {$in: [...]}}: a primary-key look-up on every MongoDB-wire database.
        return set(HandledEvent.objects(id__in=keys).scalar("event_id"))

    def mark_many(self, event_ids) -> None:
        """Record ``event_ids`` as handled, in one write (ids another consumer recorded are skipped)."""
        now = datetime.now(UTC)
        rows = [{"_id": handled_event_id(self.group, e), "group": self.group, "event_id": e, "handled_at": now}
                for e in event_ids]
        insert_new(HandledEvent._get_collection(), rows)


def adopt_old_rows(batch: int = 1000) -> int:
    """Re-key ledger rows written before rows were keyed by group and event id (their _id an ObjectId),
    so ``seen_many`` finds them; run at a worker's start. Returns how many were re-keyed."""
    collection = HandledEvent._get_collection()
    moved = 0
    while True:
        old = list(collection.find({"_id": {"$type": "objectId"}}).limit(batch))
        if not old:
            return moved
        # Old rows go first: the unique index on group and event id refuses a copy beside them. A crash
        # in between forgets those rows, which at worst lets one redelivered event be handled again.
        collection.delete_many({"_id": {"$in": [row["_id"] for row in old]}})
        insert_new(collection, [{**row, "_id": handled_event_id(row["group"], row["event_id"])} for row in old])
        moved += len(old)
