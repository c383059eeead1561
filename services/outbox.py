"""A transactional outbox in the document itself.

The events a state change produces are stored in the same document, written
by the same write, so the state and its events cannot part: no transaction is
needed, and one write costs less than a transaction's two and its commit. A
new document is saved after ``record_event``; a change to a stored one goes
through ``write`` (one conditional update; bulk writers build each update with
``with_events``, as ``write`` does), which every service uses.
The relay publishes the pending events of a batch of documents (each
document's in order, one flush for the batch) and removes from each exactly
the entries it published, so an event recorded meanwhile is kept for the
next round. A crash between publishing and removing re-publishes: delivery
is at least once, and consumers drop repeated event ids.

Finding the documents with pending events: the write that adds events also
sets ``outbox_pending``, and a sparse index on that field holds only those
documents, so the relay's ``{outbox_pending: true}`` reads them from the
index (IXSCAN on MongoDB and on SecantusDB) however large the collection.
The relay empties the outbox and clears the mark in one conditional write.
(An older version left markers in ``outbox_pending`` and swept every
collection in full every 10 s, because FerretDB could look documents up only
by ``_id``; ``mark_unmarked`` upgrades what it left, once.)
"""

from __future__ import annotations

import logging
import threading
import time
import weakref

from bson import ObjectId
from kafka.errors import KafkaError
from mongoengine import BooleanField, Document, ListField
from pymongo.errors import PyMongoError

from services import upgrades
from services.events import Envelope, new_event
from services.lease import Leases

log = logging.getLogger(__name__)

PENDING = "outbox_pending"
LEGACY_MARKERS = "outbox_pending"  # the older version's marker collection
# This process's running relays, so that a writer anywhere in it can wake the one relaying its documents
# (``wake_relays``) without being handed it.
_RELAYS: weakref.WeakSet = weakref.WeakSet()
_RELAYS_LOCK = threading.Lock()


def with_events(update: dict, events) -> dict:
    """``update`` (a MongoDB update document) that also appends ``events`` (envelopes, or as stored:
    documents or JSON text) to the document's outbox and marks it for the relay, all in the same write.

    The building block of every write that carries events: ``write``, and the bulk writes that put
    such updates in a ``bulk_write`` of their own (``matcher.notices``)."""
    stored = [event.to_dict() if isinstance(event, Envelope) else event for event in events]
    if not stored:
        return update
    # Merged into the update's own $push and $set (a decision pushed to a list and its event, in one write).
    return {**update, "$push": {**update.get("$push", {}), "outbox": {"$each": stored}},
            "$set": {**update.get("$set", {}), PENDING: True}}


def write(document_class, filter_: dict, update: dict, events=()) -> bool:
    """Apply ``update`` (a MongoDB update document) to the one document of ``document_class`` that
    ``filter_`` matches and append ``events`` (as ``with_events`` takes them) to its outbox: the state and
    its events in one update of one document.

    Written means matched: True when a document matched ``filter_`` (the update and the events were
    applied to it, even if the update left its fields as they were), False when none did (the condition
    read, such as a status or a revision, no longer holds, or the document is gone) and nothing was
    written. ``filter_`` is a raw MongoDB filter (``_id``, stored field names)."""
    result = document_class._get_collection().update_one(filter_, with_events(update, events))
    return result.matched_count == 1


class OutboxDocument(Document):
    """Base for documents whose changes publish events.

    Subclasses set ``event_source`` to their service name.
    """

    # Sparse: only the documents with events wait in it.
    meta = {"abstract": True, "indexes": [{"fields": [PENDING], "sparse": True}]}
    event_source = ""

    outbox = ListField()  # envelopes, as documents or as JSON text (``Envelope.from_stored``)
    outbox_pending = BooleanField()  # True while ``outbox`` holds events; absent otherwise

    def record_event(self, event_type: str, payload: dict, subject: str | None = None) -> Envelope:
        """Queue an event to be published once this document is saved."""
        if self.pk is None:
            # The subject is the document id: mint it now, before the insert.
            self.pk = ObjectId()
        envelope = new_event(event_type, self.event_source, subject or str(self.pk), payload)
        self.outbox.append(envelope.to_dict())
        self.outbox_pending = True
        return envelope


class OutboxRelay:
    """Publishes the pending events of the given document classes.

    One relay at a time leads each collection, holding a lease renewed as
    it works; another process takes over when the lease runs out. Leading
    a whole collection costs one write per half-lease instead of a claim per
    document.
    """

    def __init__(self, publisher, document_classes, batch_size: int = 100):
        self._publisher = publisher
        self._classes = list(document_classes)
        self._batch_size = batch_size
        self._leases = Leases()
        self._woken = threading.Event()
        with _RELAYS_LOCK:
            _RELAYS.add(self)

    def relays(self, document_class) -> bool:
        """Whether this relay publishes the events of ``document_class``."""
        return document_class in self._classes

    def wake(self) -> None:
        """Relay now rather than at the next poll: called by whatever in this process just wrote events."""
        self._woken.set()

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
                # Polling finds events written by other processes; a writer in this one wakes us at once.
                self._woken.wait(poll_seconds)
                self._woken.clear()

    def _relay_class(self, cls) -> int:
        """Publish a batch of documents' pending events, then remove exactly those from each."""
        collection = cls._get_collection()
        if not self._lead(collection):
            return 0
        pending = list(collection.find({PENDING: True}, {"outbox": 1}).limit(self._batch_size))
        if not pending:
            return 0
        # Every event of the batch goes out with a single flush.
        self._publisher.publish([Envelope.from_stored(e) for doc in pending for e in doc.get("outbox") or []])
        for doc in pending:
            _remove_published(collection, doc)
        return sum(len(doc.get("outbox") or []) for doc in pending)

    def _lead(self, collection) -> bool:
        """Hold the lease on ``collection`` (see ``services.lease``); False if another relay has it."""
        return self._leases.lead(collection.database, collection.name)


def wake_relays(document_class) -> int:
    """Wake this process's relays of ``document_class`` (see ``OutboxRelay.wake``): for a writer that just
    recorded events and is not the consumer loop (which is handed its relay); how many were woken.

    A relay that does not hold its collection's lease has nothing to do when woken: the events wait for
    the leading process's relay, at its next poll (``LP_OUTBOX_POLL_SECONDS``).
    """
    with _RELAYS_LOCK:
        relays = [relay for relay in _RELAYS if relay.relays(document_class)]
    for relay in relays:
        relay.wake()
    return len(relays)


def _remove_published(collection, doc: dict) -> None:
    """Take the events ``doc`` had (and that were published) out of its outbox."""
    published = doc.get("outbox") or []
    # Usually nothing was added since the read: empty the outbox and clear the mark in one write.
    emptied = collection.update_one({"_id": doc["_id"], "outbox": published},
                                    {"$set": {"outbox": []}, "$unset": {PENDING: ""}})
    if not emptied.matched_count:
        # Events were recorded meanwhile: remove exactly those published; the mark stays for them.
        collection.update_one({"_id": doc["_id"]}, {"$pullAll": {"outbox": published}})


def mark_unmarked(document_classes) -> None:
    """Mark the documents an older version left with events but without ``outbox_pending`` (it kept
    markers in a collection of their own, now dropped); once per collection and database, at a worker's
    start: it reads the whole collection."""
    for cls in document_classes:
        collection = cls._get_collection()

        def mark(collection=collection):
            marked = collection.update_many({"outbox.0": {"$exists": True}, PENDING: {"$exists": False}},
                                            {"$set": {PENDING: True}})
            if marked.modified_count:
                log.info("marked %d documents of %s with events for the relay", marked.modified_count,
                         collection.name)

        upgrades.once(collection.database, f"outbox-pending:{collection.name}", mark)
    if document_classes:
        document_classes[0]._get_collection().database.drop_collection(LEGACY_MARKERS)


def wait_until_empty(document_classes, timeout: float = 30.0) -> bool:
    """True once no document of these classes holds pending events (for tests and seeding)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(cls._get_collection().find_one({PENDING: True}, {"_id": 1}) for cls in document_classes):
            return True
        time.sleep(0.1)
    return False
