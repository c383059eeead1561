"""The worker's offer inbox: filled from ethics verdicts, answered by the worker.

Only an offer the ethics service passed or flagged, and whose event carries
its terms, is ever stored. A blocked verdict leaves nothing to show; if an
earlier revision of that offer is still open, it is closed (``withdrawn``)
so it cannot be accepted on terms that no longer stand.
"""

from __future__ import annotations

import logging

from bson import ObjectId
from bson.errors import InvalidId
from mongoengine import NotUniqueError

from services import batch, errors
from services.events import OFFER_RESPONDED, Envelope, new_event
from services.keyset import id_page
from services.outbox import with_events
from workers.models import Offer, utcnow

log = logging.getLogger(__name__)

SHOWN_VERDICTS = ("pass", "flag")
RESPONSES = {"accept": "accepted", "decline": "declined"}


def review_action(existing, payload: dict, revision: int) -> str:
    """What an ``offer.reviewed`` does to the inbox: ``ignore``, ``close``, ``update`` or ``insert``.

    ``existing`` is the stored entry (anything with ``revision`` and
    ``status``) or None. Pure, so the rules are tested without a database.
    """
    if existing is not None and existing.revision >= revision:
        return "ignore"  # a redelivery, an older review, or a tombstone
    shown = payload.get("verdict") in SHOWN_VERDICTS and isinstance(payload.get("offer"), dict)
    if existing is None:
        return "insert" if shown else "ignore"
    if existing.status != "sent":
        return "ignore"  # answered, withdrawn or done: later reviews change nothing the worker sees
    return "update" if shown else "close"


def receive_review(event: Envelope) -> None:
    """``offer.reviewed`` → an inbox entry (pass/flag with terms only); stale revisions are ignored."""
    payload, revision = event.payload, _revision(event.payload)
    existing = Offer.objects(offer_id=event.subject).first()
    action = review_action(existing, payload, revision)
    log.info("offer %s: verdict %s, revision %s: %s", event.subject, payload.get("verdict"), revision, action)
    if action == "close":
        Offer.objects(pk=existing.pk, status="sent").update_one(set__status="withdrawn", set__revision=revision)
    elif action == "update":
        Offer.objects(pk=existing.pk, status="sent").update_one(**_terms(payload, revision))
    elif action == "insert":
        _insert(event.subject, payload, revision)


def _insert(offer_id: str, payload: dict, revision: int) -> None:
    worker_id = str(payload.get("worker_id") or payload["offer"].get("worker_id") or "")
    if not worker_id:
        raise ValueError("offer.reviewed names no worker")
    fields = {key.removeprefix("set__"): value for key, value in _terms(payload, revision).items()}
    try:
        Offer(offer_id=offer_id, worker_id=worker_id, status="sent", **fields).save(force_insert=True)
    except NotUniqueError:
        log.info("offer %s stored meanwhile by another consumer", offer_id)


def _terms(payload: dict, revision: int) -> dict:
    return {"set__vacancy_id": str(payload.get("vacancy_id") or ""),
            "set__employer_id": str(payload.get("employer_id") or ""),
            "set__employer_name": str(payload.get("employer_name") or ""),
            "set__verdict": payload["verdict"], "set__revision": revision,
            "set__offer": payload["offer"], "set__vacancy": payload.get("vacancy") or {}}


def _revision(payload: dict) -> int:
    try:
        return int(payload.get("revision") or 1)
    except (TypeError, ValueError):
        return 1


def receive_withdrawal(event: Envelope) -> None:
    """``offer.withdrawn`` → withdrawn; before its review arrived, a tombstone that keeps it hidden."""
    updated = Offer.objects(offer_id=event.subject, status__in=("sent", "accepted")).update_one(
        set__status="withdrawn")
    if updated or Offer.objects(offer_id=event.subject).first():
        return
    worker_id = str(event.payload.get("worker_id") or "")
    try:
        # The highest revision: no later review can bring it back.
        Offer(offer_id=event.subject, worker_id=worker_id, status="withdrawn", revision=2**31 - 1).save(
            force_insert=True)
    except NotUniqueError:
        receive_withdrawal(event)


def receive_completion(event: Envelope) -> None:
    """``placement.completed`` → completed (from accepted, or sent if the answer travelled another way).

    Queued in the consumer's batch (``services.batch``): a programme's past seasons arrive by the
    hundred thousand, and one write each took minutes.
    """
    batch.update_one(Offer, {"offer_id": event.subject, "status__in": ("accepted", "sent")},
                     {"set__status": "completed"})


def own(worker_id: str, offer_id: str) -> Offer | None:
    """The worker's offer ``offer_id`` if it carries terms (tombstones never show), else None.

    Found by its unique ``offer_id`` alone, then checked: a filter on the worker and the verdict too
    would not be served by that one index.
    """
    offer = Offer.objects(offer_id=offer_id).first()
    return offer if offer is not None and offer.worker_id == worker_id and offer.verdict in SHOWN_VERDICTS else None


def page(worker_id: str, limit: int, cursor: str | None) -> tuple[list[Offer], str | None]:
    """Newest first, and the cursor of the next page (None at the end).

    Read back in time window by window through the index (worker_id, _id) (``services.keyset``): a page
    costs the same however many offers the worker has had.
    """
    try:
        after = ObjectId(cursor) if cursor else None
    except InvalidId as exc:
        raise errors.Invalid("The cursor is not one this service gave out.") from exc
    docs, next_id = id_page(Offer._get_collection(), {"worker_id": worker_id}, limit, after,
                            lambda doc: doc.get("verdict") in SHOWN_VERDICTS)
    return [Offer._from_son(doc) for doc in docs], (str(next_id) if next_id else None)


def get(worker_id: str, offer_id: str) -> Offer:
    """The worker's own offer; another worker's (or none) is NotFound."""
    offer = own(worker_id, offer_id)
    if offer is None:
        raise errors.NotFound("No such offer.")
    return offer


def respond(worker_id: str, offer_id: str, action: str) -> Offer:
    """Accept or decline a ``sent`` offer and publish ``offer.responded``; Conflict from any other status.

    One conditional write changes the status and queues the event, so two
    answers at once cannot both win.
    """
    offer = get(worker_id, offer_id)
    response = RESPONSES[action]
    event = new_event(OFFER_RESPONDED, Offer.event_source, offer.offer_id, {
        "offer_id": offer.offer_id, "worker_id": worker_id, "vacancy_id": offer.vacancy_id,
        "employer_id": offer.employer_id, "response": response})
    result = Offer._get_collection().update_one(
        {"_id": offer.pk, "worker_id": worker_id, "status": "sent"},
        with_events({"$set": {"status": response, "responded_at": utcnow()}}, [event.to_dict()]))
    if result.modified_count != 1:
        raise errors.Conflict("This offer can no longer be answered.")
    return Offer.objects.get(pk=offer.pk)


def to_dict(offer: Offer) -> dict:
    return {"id": offer.offer_id, "status": offer.status, "vacancy_id": offer.vacancy_id,
            "employer_id": offer.employer_id, "employer_name": offer.employer_name, "offer": offer.offer,
            "vacancy": offer.vacancy, "received_at": offer.received_at, "responded_at": offer.responded_at}
