"""Use cases of the matcher's event flow: keep the read model's records in the database.

Each handler reads its event with ``matcher.records`` (the same rules the
in-memory ranking index applies) and writes one record, queued in the
consumer's batch (``services.batch``: a seed of 100,000 profiles is written
in bulk, not one write each). Every handler is safe to run twice, and
out-of-order events are told apart by ``revision``: a change the revision
rules refuse changes nothing. Rankings are computed at read time from each
process's index, so nothing is marked or listed here.
"""

from __future__ import annotations

from matcher import records
from matcher.store import EmployerRecord, OfferOutcome, PlacementRecord, VacancyRecord, WorkerRecord, utcnow
from services.batch import update_one
from services.events import Envelope


def on_vacancy_submitted(event: Envelope) -> None:
    """A new revision is under review: hide the vacancy until its verdict."""
    _set_vacancy(records.vacancy_submitted(event))


def on_vacancy_reviewed(event: Envelope) -> None:
    """A verdict: ``pass``/``flag`` opens the vacancy, ``block`` hides it; the employer's record counts it."""
    change = records.vacancy_reviewed(event)
    _set_vacancy(change)
    _count_review(change.changes["employer_id"], change.verdict)


def on_vacancy_closed(event: Envelope) -> None:
    """Filled or closed by the employer: never shown again, whatever comes later."""
    _set_vacancy(records.vacancy_closed(event))


def on_worker_profile_updated(event: Envelope) -> None:
    """A worker's matching profile (only the fields matching reads are kept)."""
    change = records.worker_profile(event)
    # A recorded newer revision refuses the upsert (E11000 on its _id): nothing changes.
    update_one(WorkerRecord, {"id": change.worker_id, **change.condition()},
               {"set__profile": change.profile, "set__revision": change.revision, "set__updated_at": utcnow()},
               upsert=True)


def on_placement_completed(event: Envelope) -> None:
    """A season's outcome: a circular signal for the worker with that employer."""
    placement = records.placement_completed(event)
    update_one(PlacementRecord, {"id": placement.placement_id},
               {"set__worker_id": placement.worker_id, **{f"set__{k}": v for k, v in placement.entry.items()}},
               upsert=True)


def on_offer_responded(event: Envelope) -> None:
    """A worker accepted or declined an offer: kept as an outcome to learn from (rankings do not move)."""
    payload = event.payload
    response = payload.get("response")
    worker_id, vacancy_id = str(payload.get("worker_id") or ""), str(payload.get("vacancy_id") or "")
    if response not in ("accepted", "declined") or not worker_id or not vacancy_id:
        raise ValueError("offer.responded without response, worker_id and vacancy_id")
    update_one(OfferOutcome, {"id": event.subject},
               {"set__worker_id": worker_id, "set__vacancy_id": vacancy_id, "set__accepted": response == "accepted"},
               upsert=True)


def _set_vacancy(change: records.VacancyChange) -> None:
    updates = {f"set__{k}": v for k, v in change.changes.items()}
    # A recorded newer revision, or a closed vacancy, refuses the upsert (E11000 on its _id): nothing changes.
    update_one(VacancyRecord, {"id": change.vacancy_id, **change.condition()},
               {"set__status": change.status, "set__revision": change.revision, "set__updated_at": utcnow(),
                **updates}, upsert=True)


def _count_review(employer_id: str, verdict: str) -> None:
    if not employer_id:
        return
    update_one(EmployerRecord, {"id": employer_id},
               {"inc__reviewed": 1, "inc__blocked": int(verdict == "block"), "inc__flagged": int(verdict == "flag")},
               upsert=True)
