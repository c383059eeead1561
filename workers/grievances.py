"""Grievances: stored with a ``grievance.filed`` event in the same document.

Anonymous means anonymous: an anonymous grievance keeps only the employer,
the category and the text. No worker id and no offer id (the employer can
read an offer's worker) is stored or published; its id, stored time and
event time tell only the day; its event waits for the day's batch
(``workers.grievance_release``). The rate limit counts a keyed hash of the
client address, not the address.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac

from services import db, ratelimit
from services.coarse_time import day_object_id, day_stamp, day_start
from services.events import GRIEVANCE_FILED, new_event
from workers import offers
from workers.models import Grievance

# Per client address, for callers who are not signed in (or file anonymously).
ANONYMOUS_LIMIT = (5, 3600)
# Per worker account otherwise.
WORKER_LIMIT = (20, 24 * 3600)
WORKER_LIMIT_KEY = "grievance-worker:{worker_id}"


def rate_limit(client_key: bytes, worker_id: str | None, client_address: str | None) -> None:
    """429 beyond the limits above; ``client_key`` keys the hash that stands for the client address."""
    if worker_id:
        ratelimit.hit(WORKER_LIMIT_KEY.format(worker_id=worker_id), *WORKER_LIMIT)
        return
    digest = hmac.new(client_key, (client_address or "").encode(), hashlib.sha256).hexdigest()[:32]
    ratelimit.hit(f"grievance-client:{digest}", *ANONYMOUS_LIMIT)


def grievance_payload(grievance: Grievance) -> dict:
    """The ``grievance.filed`` payload: optional ids only when known, the worker only when not anonymous."""
    payload = {"category": grievance.category, "text": grievance.text, "anonymous": grievance.anonymous}
    if grievance.employer_id:
        payload["employer_id"] = grievance.employer_id
    if grievance.offer_id and not grievance.anonymous:
        payload["offer_id"] = grievance.offer_id
    if not grievance.anonymous and grievance.worker_id:
        payload["worker_id"] = grievance.worker_id
    return payload


def file_grievance(data: dict, worker_id: str | None) -> Grievance:
    """Store a grievance and queue ``grievance.filed``; anonymous (or no worker) keeps only the employer,
    the category and the text.

    About one of the worker's own offers, the employer is taken from the
    offer, so the worker need not know the employer's id.
    """
    anonymous = bool(data.get("anonymous", True)) or not worker_id
    employer_id = data.get("employer_id") or ""
    if worker_id and data.get("offer_id") and not employer_id:
        own = offers.own(worker_id, data["offer_id"])
        employer_id = own.employer_id if own else ""
    if anonymous:
        return _file_anonymously(data, employer_id)
    grievance = Grievance(category=data["category"], text=data["text"], employer_id=employer_id,
                          offer_id=data.get("offer_id") or "", anonymous=False, worker_id=worker_id)
    grievance.record_event(GRIEVANCE_FILED, grievance_payload(grievance))
    db.save_new(grievance)
    return grievance


def _file_anonymously(data: dict, employer_id: str) -> Grievance:
    """Only the day in the id, the stored time and the event; the event held for the day's batch."""
    grievance = Grievance(pk=day_object_id(), category=data["category"], text=data["text"],
                          employer_id=employer_id, anonymous=True, created_at=day_start())
    grievance.held, grievance.held_day = [anonymous_event(grievance)], grievance.created_at
    grievance.save(force_insert=True)
    return grievance


def anonymous_event(grievance: Grievance) -> dict:
    """The ``grievance.filed`` envelope of an anonymous grievance, dated by its day only."""
    envelope = new_event(GRIEVANCE_FILED, Grievance.event_source, str(grievance.pk), grievance_payload(grievance))
    return dataclasses.replace(envelope, occurred_at=day_stamp(grievance.created_at)).to_dict()
