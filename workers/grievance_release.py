"""The daily batch of anonymous grievances, and the upgrade of anonymous grievances an older version stored.

Why a batch: an anonymous grievance's event published at once would reach Kafka (its message time), the
ethics consumer and the auditors' list within seconds of the filing, so whoever saw a worker decline an
offer at 14:02 could pair that worker with a grievance that appeared at 14:03. Held until its day (UTC) is
over and then released with the rest of that day in random order, nothing downstream says more than the
day. A random delay would only blur the time; the batch removes it, at the cost of auditors hearing of an
anonymous grievance up to a day later, which the report page tells the worker.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime

from mongoengine import NotUniqueError

from services import outbox
from services.coarse_time import dated_by_day_only, day_object_id, day_of_stamp, day_stamp, day_start, row_day
from services.events import Envelope
from workers.grievances import anonymous_event
from workers.models import Grievance

log = logging.getLogger(__name__)

RELEASE_POLL_SECONDS = 60.0
_shuffle = random.SystemRandom().shuffle


def release_due(now: datetime | None = None) -> int:
    """Move the held events of grievances filed before today (UTC) to their outbox, in random order.

    Found through the sparse index on ``held_day``, which holds only the grievances still waiting.
    """
    collection = Grievance._get_collection()
    due = list(collection.find({"held_day": {"$lt": day_start(now)}}, {"held": 1}))
    _shuffle(due)  # the relay then publishes them in this order, not in the order they were filed
    released = 0
    for doc in due:
        # Conditional on events still held: two workers releasing at once move them once.
        released += outbox.write(Grievance, {"_id": doc["_id"], "held.0": {"$exists": True}},
                                 {"$set": {"held": []}, "$unset": {"held_day": ""}}, doc["held"])
    if released:
        log.info("released the day's batch of %d anonymous grievances", released)
    return released


class GrievanceRelease:
    """A worker job (``services.worker.run_worker``): releases the day's batch once the day is over."""

    name = "grievance-release"

    def __init__(self, poll_seconds: float = RELEASE_POLL_SECONDS):
        self.poll_seconds = poll_seconds

    def run(self, stop) -> None:
        while not stop.is_set():
            release_due()
            stop.wait(self.poll_seconds)


def anonymise_old_grievances() -> int:
    """Give anonymous grievances an older version stored (with the offer, the worker, the moment in their
    id and time, their event maybe still in the outbox) the form new ones have; idempotent, run at the
    worker's start. Returns how many were rewritten."""
    collection = Grievance._get_collection()
    rewritten = 0
    for old in list(collection.find({"anonymous": True})):
        if _is_anonymous_enough(old):
            continue
        day = row_day(old)
        # The new id follows from the old one: two workers starting together, or a start after a crash
        # between the two writes below, make the same grievance once.
        grievance = Grievance(pk=day_object_id(day, seed=str(old["_id"]).encode()), category=old.get("category", ""),
                              text=old.get("text", ""), employer_id=old.get("employer_id", ""), anonymous=True,
                              created_at=day)
        # An event not yet published goes out with the day's batch, in the new form; a published one stays so.
        if old.get("outbox") or old.get("held"):
            grievance.held, grievance.held_day = [anonymous_event(grievance)], day
        # The new one first: a crash in between leaves both, and the next start only deletes the old one.
        try:
            grievance.save(force_insert=True)
        except NotUniqueError:
            pass  # made already, by another worker or before a crash
        collection.delete_one({"_id": old["_id"]})
        rewritten += 1
    if rewritten:
        log.info("anonymised %d grievances stored by an older version", rewritten)
    return rewritten


def date_held_grievances() -> int:
    """Give ``held_day`` to grievances an older version left waiting without it, so the batch finds them;
    idempotent, run at the worker's start (it reads the whole collection). Returns how many."""
    collection = Grievance._get_collection()
    dated = 0
    for doc in list(collection.find({"held.0": {"$exists": True}, "held_day": {"$exists": False}}, {"created_at": 1})):
        dated += collection.update_one({"_id": doc["_id"], "held_day": {"$exists": False}},
                                       {"$set": {"held_day": row_day(doc)}}).modified_count
    return dated


def _is_anonymous_enough(doc: dict) -> bool:
    return (not doc.get("offer_id") and not doc.get("worker_id") and dated_by_day_only(doc)
            and all(_names_only_the_day(entry) for entry in doc.get("outbox", []) + doc.get("held", [])))


def _names_only_the_day(entry) -> bool:
    envelope = Envelope.from_stored(entry)
    return (not {"offer_id", "worker_id"} & set(envelope.payload)
            and envelope.occurred_at == day_stamp(day_of_stamp(envelope.occurred_at)))
