"""The worker's offer inbox as the worker reads and answers it (``workers.handlers`` fills it from the
ethics verdicts; ``workers.store`` writes it).
"""

from __future__ import annotations

from bson import ObjectId
from bson.errors import InvalidId

from services import errors
from services.events import OFFER_RESPONDED, new_event
from services.keyset import id_page
from workers import store
from workers.models import SHOWN_VERDICTS, Offer

RESPONSES = {"accept": "accepted", "decline": "declined"}


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
    if not store.answer_offer(offer, worker_id, response, event):
        raise errors.Conflict("This offer can no longer be answered.")
    return Offer.objects.get(pk=offer.pk)


def to_dict(offer: Offer, employer_rating: dict | None = None) -> dict:
    """The API's offer; ``employer_rating`` (``workers.ratings.aggregates``) on it and on its vacancy card."""
    return {"id": offer.offer_id, "status": offer.status, "vacancy_id": offer.vacancy_id,
            "employer_id": offer.employer_id, "employer_name": offer.employer_name, "offer": offer.offer,
            "vacancy": {**(offer.vacancy or {}), "employer_rating": employer_rating},
            "received_at": offer.received_at, "responded_at": offer.responded_at,
            "employer_rating": employer_rating, "rating": offer.rating or None}
