"""The ledger of handled events: what makes a redelivered event a no-op."""

from __future__ import annotations

from datetime import UTC, datetime

from mongoengine import DateTimeField, Document, StringField

from services.db import insert_new


class HandledEvent(Document):
    """One event id a consumer group has acted on (unique per group)."""

    group = StringField(required=True)
    event_id = StringField(required=True, unique_with="group")
    handled_at = DateTimeField(default=lambda: datetime.now(UTC))

    meta = {"collection": "handled_events"}


class EventLedger:
    """Remembers handled event ids for one consumer group, in its service's database."""

    def __init__(self, group: str):
        self.group = group

    def seen_many(self, event_ids) -> set[str]:
        """Those of ``event_ids`` this group has handled."""
        found = HandledEvent.objects(group=self.group, event_id__in=list(event_ids)).only("event_id")
        return {doc.event_id for doc in found}

    def mark_many(self, event_ids) -> None:
        """Record ``event_ids`` as handled, in one write (ids another consumer recorded are skipped)."""
        now = datetime.now(UTC)
        rows = [{"group": self.group, "event_id": e, "handled_at": now} for e in event_ids]
        insert_new(HandledEvent._get_collection(), rows)
