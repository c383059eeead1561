"""Erasing a worker's account (``DELETE /api/v1/me``): one idempotent sequence of steps, then every other
service forgets the worker on ``worker.erased``.

Where the event lives: the worker's own document, whose outbox carries every other event of the
worker, is deleted by the last step. So ``worker.erased`` goes into an ``Erasure`` document of its own
(random id, nothing else of the worker), which the relay publishes and then empties. The worker's
document names that erasure first (``erasure_id``): a sequence interrupted and run again (the worker
tries again, the same request is retried) finds it and queues the event only once, and each step is
safe to run twice. Until the last step the account still exists, so the worker can still sign in
and finish it.

``STEPS`` is a list of steps, one per collection that holds something of the worker; a new kind of
data the service keeps about workers adds its step here (and its section to ``workers.export``).
"""

from __future__ import annotations

import logging
import re

from bson import ObjectId

from services import credentials, erasure, outbox, ratelimit
from services.events import WORKER_ERASED, new_event
from workers import fairness, matches
from workers.grievances import WORKER_LIMIT_KEY
from workers.models import (
    Erasure,
    Grievance,
    Notification,
    NotificationSettings,
    Offer,
    ShownCandidate,
    Worker,
    utcnow,
)

log = logging.getLogger(__name__)
NAME_REMOVED = "[name removed]"
EMAIL_REMOVED = "[e-mail removed]"


def queue_event(worker: dict) -> None:
    """``worker.erased`` in the worker's ``Erasure`` document, queued once whatever the retries."""
    event = new_event(WORKER_ERASED, Worker.event_source, str(worker["_id"]), {"worker_id": str(worker["_id"])})
    Erasure._get_collection().update_one(
        {"_id": ObjectId(worker["erasure_id"])},
        {"$setOnInsert": {"erased_at": utcnow(), "outbox": [event.to_dict()], outbox.PENDING: True}}, upsert=True)
    outbox.wake_relays(Erasure)


def drop_offers(worker: dict) -> None:
    """The worker's offer inbox (the employers service keeps its side, as a former worker's), and whom they
    were shown to as a candidate; the employers' fairness totals are counted again without them."""
    worker_id = str(worker["_id"])
    for document_class in (Offer, ShownCandidate):
        collection = document_class._get_collection()
        for employer_id in {row.get("employer_id") for row in collection.find({"worker_id": worker_id},
                                                                               {"employer_id": 1})}:
            fairness.mark_changed(employer_id or "")
        collection.delete_many({"worker_id": worker_id})


def anonymise_grievances(worker: dict) -> None:
    """Grievances filed under the worker's name stay, as the ethics service's evidence does, naming no one:
    the id becomes a pseudonym, the name and e-mail leave the text, the events still waiting say the same."""
    worker_id, collection = str(worker["_id"]), Grievance._get_collection()
    erasure.scrub_collection(collection, {"worker_id": worker_id}, worker_id, erasure.pseudonym())
    for document in collection.find({"text": {"$regex": _mentions(worker)}}):
        clean = document
        for found, replacement in ((worker.get("email"), EMAIL_REMOVED), (worker.get("name"), NAME_REMOVED)):
            if found:
                clean = erasure.scrubbed(clean, found, replacement)
        collection.replace_one({"_id": document["_id"]}, clean)


def drop_notifications(worker: dict) -> None:
    """What the worker was told (an e-mail not yet sent goes with it) and their consent settings."""
    Notification._get_collection().delete_many({"recipient_id": str(worker["_id"])})
    NotificationSettings._get_collection().delete_one({"_id": str(worker["_id"])})


def end_sign_in(worker: dict) -> None:
    """The account's sign-in state (sessions, token version) and its rate-limit counters."""
    credentials.store().forget(credentials.account_key("worker", str(worker["_id"])))
    ratelimit.forget(WORKER_LIMIT_KEY.format(worker_id=str(worker["_id"])))
    matches.cache().drop_worker(str(worker["_id"]))


def drop_worker(worker: dict) -> None:
    """The account itself, with any event still waiting in its outbox (never to be published now)."""
    Worker._get_collection().delete_one({"_id": worker["_id"]})


# Run in this order; the account goes last, so an interrupted erasure can be finished by its owner.
STEPS = (queue_event, drop_offers, anonymise_grievances, drop_notifications, end_sign_in, drop_worker)


def erase(worker_id: str, steps=STEPS) -> bool:
    """Erase the worker's account; False if there was none (already erased). Idempotent."""
    if not ObjectId.is_valid(worker_id):
        return False
    worker = _begin(ObjectId(worker_id))
    if worker is None:
        return False
    for step in steps:
        step(worker)
    log.info("worker account erased (erasure %s)", worker["erasure_id"])
    return True


def _begin(worker_pk: ObjectId) -> dict | None:
    """The worker's document with its ``erasure_id``, set now unless an earlier attempt set it."""
    collection = Worker._get_collection()
    collection.update_one({"_id": worker_pk, "erasure_id": None}, {"$set": {"erasure_id": str(ObjectId())}})
    return collection.find_one({"_id": worker_pk})


def _mentions(worker: dict) -> str:
    """A pattern for the worker's name or e-mail address in free text."""
    words = [re.escape(w) for w in (worker.get("email"), worker.get("name")) if w]
    return "|".join(words) or "(?!)"
