"""Use cases of offers: make one to a candidate, withdraw it, close the season with a rating."""

from __future__ import annotations

from employers.candidates import candidate_ids
from employers.models import LIVE_OFFER, Offer
from employers.vacancies import own_vacancy
from services import errors
from services.db import plain
from services.events import OFFER_SUBMITTED, OFFER_WITHDRAWN, PLACEMENT_COMPLETED


def own_offer(store, employer_id: str, offer_id) -> Offer:
    """The employer's offer; 404 when it does not exist or is another employer's."""
    offer = store.offer(offer_id)
    if offer is None or offer.employer_id != str(employer_id):
        raise errors.NotFound("No such offer.")
    return offer


def make_offer(store, matcher, employer, document: dict) -> Offer:
    """Store an offer to one of an approved vacancy's candidates and queue ``offer.submitted``.

    ``document`` is the contract offer, validated and normalised. 404 for
    another employer's vacancy; 409 when the vacancy is not approved, the
    worker is not among its candidates, or already holds a live offer on it;
    503 when the matcher cannot say who the candidates are.
    """
    vacancy = own_vacancy(store, str(employer.id), document["vacancy_id"])
    if vacancy.status != "approved":
        raise errors.Conflict("Offers can only be made on an approved vacancy.")
    if document["worker_id"] not in candidate_ids(matcher, str(vacancy.pk)):
        raise errors.Conflict("This worker is not among the vacancy's candidates.")
    if store.offer_exists(str(vacancy.pk), document["worker_id"], LIVE_OFFER):
        raise errors.Conflict("This worker already has an offer for this vacancy.")
    offer = Offer(employer_id=str(employer.id), employer_name=employer.name, vacancy_id=str(vacancy.pk),
                  worker_id=document["worker_id"], document=document, status="pending_review", revision=1)
    # The ethics service judges the offer against the vacancy it was made for.
    offer.record_event(OFFER_SUBMITTED, {"offer": document, "vacancy": plain(vacancy.document),
                                         "employer_id": offer.employer_id, "employer_name": employer.name,
                                         "revision": 1})
    return store.add(offer)


def withdraw_offer(store, employer_id: str, offer_id) -> Offer:
    """Take back an offer the worker has (``sent``): ``withdrawn`` and ``offer.withdrawn``; 409 otherwise."""
    offer = own_offer(store, employer_id, offer_id)
    payload = {"offer_id": str(offer.pk), "worker_id": offer.worker_id, "vacancy_id": offer.vacancy_id,
               "employer_id": offer.employer_id}
    if offer.status != "sent" or not store.transition(offer, {"status": "sent"}, {"status": "withdrawn"},
                                                      [(OFFER_WITHDRAWN, payload)]):
        raise errors.Conflict("Only an offer sent to the worker and not yet answered can be withdrawn.")
    return store.offer(offer.pk)


def complete_offer(store, employer_id: str, offer_id, employer_rating: int) -> Offer:
    """Close an accepted offer's season with the employer's rating: ``completed``, ``placement.completed``."""
    offer = own_offer(store, employer_id, offer_id)
    payload = {"offer_id": str(offer.pk), "vacancy_id": offer.vacancy_id, "worker_id": offer.worker_id,
               "employer_id": offer.employer_id, "season": plain(offer.document.get("season") or {}),
               "completed": True, "employer_rating": employer_rating, "worker_rating": None}
    if offer.status != "accepted" or not store.transition(
            offer, {"status": "accepted"}, {"status": "completed", "employer_rating": employer_rating},
            [(PLACEMENT_COMPLETED, payload)]):
        raise errors.Conflict("Only an accepted offer can be completed.")
    return store.offer(offer.pk)
