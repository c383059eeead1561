"""Use cases of the matcher's event flow: keep the read model's records in the database.

Each handler reads its event with ``matcher.records`` (the same rules the
in-memory ranking index applies) and writes one record through ``matcher.store``, queued in the
consumer's batch (``services.batch``: a seed of 100,000 profiles is written
in bulk, not one write each). Every handler is safe to run twice, and
out-of-order events are told apart by ``revision``: a change the revision
rules refuse changes nothing. Rankings are computed at read time from each
process's index, so nothing is marked or listed here.
"""

from __future__ import annotations

from matcher import records, store
from services.events import Envelope


def on_vacancy_submitted(event: Envelope) -> None:
    """A new revision is under review: hide the vacancy until its verdict."""
    store.set_vacancy(records.vacancy_submitted(event))


def on_vacancy_reviewed(event: Envelope) -> None:
    """A verdict: ``pass``/``flag`` opens the vacancy, ``block`` hides it; the employer's record counts it."""
    change = records.vacancy_reviewed(event)
    store.set_vacancy(change)
    store.count_review(change.changes["employer_id"], change.verdict)


def on_vacancy_closed(event: Envelope) -> None:
    """Filled or closed by the employer: never shown again, whatever comes later."""
    store.set_vacancy(records.vacancy_closed(event))


def on_worker_profile_updated(event: Envelope) -> None:
    """A worker's matching profile (only the fields matching reads are kept)."""
    store.set_profile(records.worker_profile(event))


def on_placement_completed(event: Envelope) -> None:
    """A season's outcome: a circular signal for the worker with that employer."""
    store.set_placement(records.placement_completed(event))


def on_placement_rated(event: Envelope) -> None:
    """A worker's rating of the employer: the worker's side of the placement (its ``worker_rating``), which
    the circular signal reads with the employer's side."""
    store.set_placement(records.placement_rated(event))


def on_offer_responded(event: Envelope) -> None:
    """A worker accepted or declined an offer: kept as an outcome to learn from (rankings do not move)."""
    payload = event.payload
    response = payload.get("response")
    worker_id, vacancy_id = str(payload.get("worker_id") or ""), str(payload.get("vacancy_id") or "")
    if response not in ("accepted", "declined") or not worker_id or not vacancy_id:
        raise ValueError("offer.responded without response, worker_id and vacancy_id")
    store.set_outcome(event.subject, worker_id, vacancy_id, response == "accepted")


def on_employer_verified(event: Envelope) -> None:
    """An auditor verified or rejected an employer: where verification is required, only a verified
    employer's vacancies are ranked (``matcher.index``)."""
    store.set_verified(records.employer_verified(event))


def on_worker_erased(event: Envelope) -> None:
    """A worker erased their account: their profile, placements, outcomes and watch go (the index and the
    notice screen follow, ``matcher.worker``)."""
    store.erase_worker(records.worker_erased(event))
