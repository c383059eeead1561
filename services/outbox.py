"""A transactional outbox that FerretDB can carry.

FerretDB has no multi-document transactions, so the events a state change
produces are stored in the same document, written by the same ``save()``.
The relay publishes the pending events of a batch of documents (each
document's in order, one flush for the batch) and removes from each
exactly the entries it published (``$pullAll`` on the stored values), so an
event recorded meanwhile is kept for the next round. A crash between
publishing and removing re-publishes: delivery is at least once, and
consumers drop repeated event ids.

Finding the documents with pending events: FerretDB can only look documents
up by ``_id`` without reading the whole collection, so every write that adds
events also leaves a small marker (``note_pending``) in ``outbox_pending``,
and the relay reads the markers. A full scan every ``SWEEP_SECONDS`` catches
what a crash between the two writes left without a marker.
"""

from __future__ import annotations

import logging
import time

from bson import ObjectId
from kafka.errors import KafkaError
from mongoengine import Document, ListField
from pymongo.errors import DuplicateKeyError, PyMongoError

from services.events import Envelope, new_event
from services.lease import Leases

log = logging.getLogger(__name__)

PENDING = "outbox_pending"
SWEEP_SECONDS = 10.0


def note_pending(document_class, pk) -> None:
    """Leave the relay a marker: the document ``pk`` of ``document_class`` holds events (call after the write)."""
    collection = document_class._get_collection()
    try:
        collection.database[PENDING].insert_one({"_id": f"{collection.name}|{pk}", "c": collection.name, "d": pk})
    except DuplicateKeyError:
        pass  # already marked, not yet relayed


class OutboxDocument(Document):
    """Base for documents whose changes publish events.

    Subclasses set ``event_source`` to their service name.
    """

    meta = {"abstract": True}
    event_source = ""

    outbox = ListField()  # envelopes, as documents or as JSON text (``Envelope.from_stored``)

    def record_event(self, event_type: str, payload: dict, subject: str | None = None) -> Envelope:
        """Queue an event to be published once this document is saved."""
        if self.pk is None:
            # The subject is the document id: mint it now, before the insert.
            self.pk = ObjectId()
        envelope = new_event(event_type, self.event_source, subject or str(self.pk), payload)
        self.outbox.append(envelope.to_dict())
        return envelope

    def save(self, *args, **kwargs):
        """Save, then mark the document for the relay if it holds events."""
        saved = super().save(*args, **kwargs)
        if self.outbox:
            note_pending(type(self), self.pk)
        return saved


class OutboxRelay:
    """Publishes the pending events of the given document classes.

    One relay at a time leads each collection, holding a lease renewed as
    it works; another process takes over when the lease runs out. Leading
    a whole collection costs one write per round instead of a claim per
    document, which on FerretDB is the difference that matters.
    """

    def __init__(self, publisher, document_classes, batch_size: int = 100):
        self._publisher = publisher
        self._classes = list(document_classes)
        self._batch_size = batch_size
        self._leases = Leases()
        self._next_sweep: dict[str, float] = {}

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
                stop.wait(backoff)
                backoff = min(backoff * 2, max_backoff)
                continue
            if not sent:
                stop.wait(poll_seconds)

    def _relay_class(self, cls) -> int:
        """Publish a batch of documents' pending events, then remove exactly those from each."""
        collection = cls._get_collection()
        if not self._lead(collection):
            return 0
        pending, markers = self._pending(collection)
        if not pending:
            return 0
        try:
            # Every event of the batch goes out with a single flush.
            self._publisher.publish([Envelope.from_stored(e) for doc in pending for e in doc["outbox"]])
        except (KafkaError, PyMongoError):
            for marker in markers:  # put the markers back, or only the next sweep would find these
                note_pending(cls, marker["d"])
            raise
        for doc in pending:
            collection.update_one({"_id": doc["_id"]}, {"$pullAll": {"outbox": doc["outbox"]}})
        return sum(len(doc["outbox"]) for doc in pending)

    def _pending(self, collection) -> tuple[list, list]:
        """Documents with events: from the markers, or from a full scan when a sweep is due."""
        now = time.monotonic()
        if now >= self._next_sweep.get(collection.name, 0.0):
            self._next_sweep[collection.name] = now + SWEEP_SECONDS
            found = list(collection.find({"outbox.0": {"$exists": True}}, {"outbox": 1}).limit(self._batch_size))
            if found:
                return found, []
        markers = collection.database[PENDING]
        taken = list(markers.find({"c": collection.name}).limit(self._batch_size))
        # Removed before reading: an event added from now on leaves a new marker.
        for marker in taken:
            markers.delete_one({"_id": marker["_id"]})
        documents = (collection.find_one({"_id": marker["d"]}, {"outbox": 1}) for marker in taken)
        return [doc for doc in documents if doc and doc.get("outbox")], taken

    def _lead(self, collection) -> bool:
        """Hold the lease on ``collection`` (see ``services.lease``); False if another relay has it."""
        return self._leases.lead(collection.database, collection.name)


def wait_until_empty(document_classes, timeout: float = 30.0) -> bool:
    """True once no document of these classes holds pending events (for tests and seeding)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(cls._get_collection().find_one({"outbox.0": {"$exists": True}}) for cls in document_classes):
            return True
        time.sleep(0.1)
    return False
