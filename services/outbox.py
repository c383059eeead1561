"""A transactional outbox that FerretDB can carry.

FerretDB has no multi-document transactions, so the events a state change
produces are stored in the same document, written by the same ``save()``.
The relay publishes each document's pending events in order and removes
exactly the entries it published (``$pullAll`` on the stored values), so an
event recorded meanwhile is kept for the next round. A crash between
publishing and removing re-publishes: delivery is at least once, and
consumers drop repeated event ids.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta

from bson import ObjectId
from kafka.errors import KafkaError
from mongoengine import DateTimeField, DictField, Document, ListField
from pymongo.errors import PyMongoError

from services.events import Envelope, new_event

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=30)


class OutboxDocument(Document):
    """Base for documents whose changes publish events.

    Subclasses set ``event_source`` to their service name.
    """

    meta = {"abstract": True}
    event_source = ""

    outbox = ListField(DictField())
    outbox_lease_until = DateTimeField(null=True)

    def record_event(self, event_type: str, payload: dict, subject: str | None = None) -> Envelope:
        """Queue an event to be published once this document is saved."""
        if self.pk is None:
            # The subject is the document id: mint it now, before the insert.
            self.pk = ObjectId()
        envelope = new_event(event_type, self.event_source, subject or str(self.pk), payload)
        self.outbox.append(envelope.to_dict())
        return envelope


def _utcnow() -> datetime:
    return datetime.now(UTC)


class OutboxRelay:
    """Publishes the pending events of the given document classes."""

    def __init__(self, publisher, document_classes, batch_size: int = 100):
        self._publisher = publisher
        self._classes = list(document_classes)
        self._batch_size = batch_size

    def relay_once(self) -> int:
        """Publish what is pending now; returns how many events went out."""
        return sum(self._relay_class(cls) for cls in self._classes)

    def run(self, stop, poll_seconds: float = 0.2, max_backoff: float = 10.0) -> None:
        """Relay until ``stop`` (a threading.Event) is set, backing off while Kafka or the database is down."""
        backoff = poll_seconds
        while not stop.is_set():
            try:
                sent = self.relay_once()
                backoff = poll_seconds
            except (KafkaError, PyMongoError) as exc:
                log.warning("outbox relay cannot publish yet (%s); retrying in %.1fs", exc, backoff)
                sent = 0
                stop.wait(backoff)
                backoff = min(backoff * 2, max_backoff)
                continue
            if not sent:
                stop.wait(poll_seconds)

    def _relay_class(self, cls) -> int:
        collection = cls._get_collection()
        sent = 0
        for doc in collection.find(self._pending_filter(_utcnow()), {"outbox": 1}).limit(self._batch_size):
            if self._claim(collection, doc["_id"]):
                sent += self._publish_document(collection, doc["_id"])
        return sent

    @staticmethod
    def _pending_filter(now: datetime) -> dict:
        return {
            "outbox.0": {"$exists": True},
            "$or": [{"outbox_lease_until": None}, {"outbox_lease_until": {"$lt": now}}],
        }

    def _claim(self, collection, doc_id) -> bool:
        # A lease, so that several relays (more containers) do not publish
        # the same document at once; an expired lease is taken over.
        now = _utcnow()
        claim = {"_id": doc_id, **self._pending_filter(now)}
        result = collection.update_one(claim, {"$set": {"outbox_lease_until": now + LEASE}})
        return result.modified_count == 1

    def _publish_document(self, collection, doc_id) -> int:
        doc = collection.find_one({"_id": doc_id}, {"outbox": 1})
        entries = (doc or {}).get("outbox") or []
        try:
            self._publisher.publish([Envelope.from_dict(e) for e in entries])
        except Exception:
            collection.update_one({"_id": doc_id}, {"$set": {"outbox_lease_until": None}})
            raise
        collection.update_one(
            {"_id": doc_id},
            {"$pullAll": {"outbox": entries}, "$set": {"outbox_lease_until": None}},
        )
        log.debug("published %d events of %s", len(entries), doc_id)
        return len(entries)


def wait_until_empty(document_classes, timeout: float = 30.0) -> bool:
    """True once no document of these classes holds pending events (for tests and seeding)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(cls._get_collection().find_one({"outbox.0": {"$exists": True}}) for cls in document_classes):
            return True
        time.sleep(0.1)
    return False
