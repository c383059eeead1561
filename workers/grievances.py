"""Grievances: stored with a ``grievance.filed`` event in the same document.

Anonymous means anonymous: no worker id is stored or published, and the
rate limit counts a keyed hash of the client address, not the address.
"""

from __future__ import annotations

import hashlib
import hmac

from services import ratelimit
from services.events import GRIEVANCE_FILED
from workers import offers
from workers.models import Grievance

# Per client address, for callers who are not signed in (or file anonymously).
ANONYMOUS_LIMIT = (5, 3600)
# Per worker account otherwise.
WORKER_LIMIT = (20, 24 * 3600)


def rate_limit(secret: str, worker_id: str | None, client_address: str | None) -> None:
    """429 beyond the limits above."""
    if worker_id:
        ratelimit.hit(f"grievance-worker:{worker_id}", *WORKER_LIMIT)
        return
    digest = hmac.new(secret.encode(), (client_address or "").encode(), hashlib.sha256).hexdigest()[:32]
    ratelimit.hit(f"grievance-client:{digest}", *ANONYMOUS_LIMIT)


def grievance_payload(grievance: Grievance) -> dict:
    """The ``grievance.filed`` payload: optional ids only when known, the worker only when not anonymous."""
    payload = {"category": grievance.category, "text": grievance.text, "anonymous": grievance.anonymous}
    if grievance.employer_id:
        payload["employer_id"] = grievance.employer_id
    if grievance.offer_id:
        payload["offer_id"] = grievance.offer_id
    if not grievance.anonymous and grievance.worker_id:
        payload["worker_id"] = grievance.worker_id
    return payload


def file_grievance(data: dict, worker_id: str | None) -> Grievance:
    """Store a grievance and queue ``grievance.filed``; anonymous (or no worker) leaves the worker out.

    About one of the worker's own offers, the employer is taken from the
    offer, so the worker need not know the employer's id.
    """
    anonymous = bool(data.get("anonymous", True)) or not worker_id
    employer_id = data.get("employer_id") or ""
    if worker_id and data.get("offer_id") and not employer_id:
        own = offers.visible(worker_id).filter(offer_id=data["offer_id"]).first()
        employer_id = own.employer_id if own else ""
    grievance = Grievance(category=data["category"], text=data["text"], employer_id=employer_id,
                          offer_id=data.get("offer_id") or "", anonymous=anonymous,
                          worker_id="" if anonymous else worker_id)
    grievance.record_event(GRIEVANCE_FILED, grievance_payload(grievance))
    grievance.save(force_insert=True)
    return grievance
