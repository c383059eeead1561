"""The ledger of handled events: what makes a redelivered event a no-op."""

from __future__ import annotations

from datetime import UTC, datetime

from mongoengine import DateTimeField, Document, NotUniqueError, StringField


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

    def seen(self, event_id: str) -> bool:
        return HandledEvent.objects(group=self.group, event_id=event_id).only("id").first() is not None

    def mark(self, event_id: str) -> None:
        try:
            HandledEvent(group=self.group, event_id=event_id).save()
        except NotUniqueError:
            # Another consumer of the group got there first: same outcome.
            pass

