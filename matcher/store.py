"""Where the matcher's handlers write its records: one idempotent upsert each, queued in the batch.

Writes go through ``services.batch`` so a consumer's batch of events becomes
a few bulk writes (a seed of 100,000 profiles is not 100,000 round trips).
Each write is conditioned on the revision rules of ``matcher.records``: a
recorded newer revision, or a closed vacancy, refuses the upsert (E11000 on
its ``_id``) and nothing changes.
"""

from __future__ import annotations

from matcher import records
from matcher.models import (
    EmployerRecord,
    OfferOutcome,
    PlacementRecord,
    ShownMatches,
    VacancyRecord,
    WorkerRecord,
    utcnow,
)
from services.batch import after_writes, update_one


def set_vacancy(change: records.VacancyChange) -> None:
    """Record a vacancy's new status and fields, unless a newer revision or a closure is recorded."""
    updates = {f"set__{k}": v for k, v in change.changes.items()}
    update_one(VacancyRecord, {"id": change.vacancy_id, **change.condition()},
               {"set__status": change.status, "set__revision": change.revision, "set__updated_at": utcnow(),
                **updates}, upsert=True)


def count_review(employer_id: str, verdict: str) -> None:
    """Count one verdict on the employer's record (its compliance signal)."""
    if not employer_id:
        return
    update_one(EmployerRecord, {"id": employer_id},
               {"inc__reviewed": 1, "inc__blocked": int(verdict == "block"), "inc__flagged": int(verdict == "flag")},
               upsert=True)


def set_profile(change: records.ProfileChange) -> None:
    """Record a worker's matching profile, unless a newer revision is recorded."""
    update_one(WorkerRecord, {"id": change.worker_id, **change.condition()},
               {"set__profile": change.profile, "set__revision": change.revision, "set__updated_at": utcnow()},
               upsert=True)


def set_placement(placement: records.Placement) -> None:
    """Record one side of a season's outcome (the fields its event sets), keyed by its offer (the same one
    twice is one placement)."""
    update_one(PlacementRecord, {"id": placement.placement_id},
               {"set__worker_id": placement.worker_id, **{f"set__{k}": v for k, v in placement.entry.items()}},
               upsert=True)


def set_outcome(offer_id: str, worker_id: str, vacancy_id: str, accepted: bool) -> None:
    """Record a worker's answer to an offer (a training outcome), keyed by the offer."""
    update_one(OfferOutcome, {"id": offer_id},
               {"set__worker_id": worker_id, "set__vacancy_id": vacancy_id, "set__accepted": accepted},
               upsert=True)


def set_verified(verification: records.Verification) -> None:
    """Record the auditors' last decision on an employer."""
    update_one(EmployerRecord, {"id": verification.employer_id}, {"set__verified": verification.verified},
               upsert=True)


def erase_worker(erasure: records.Erasure) -> None:
    """Everything kept of an erased worker: profile, placements, offer outcomes, what they were shown.

    Queued after the batch's earlier writes (``after_writes``), so a profile or placement of theirs
    queued by an earlier event of the same batch is stored first, then erased with the rest."""
    after_writes(lambda: _erase(erasure.worker_id))


def _erase(worker_id: str) -> None:
    WorkerRecord._get_collection().delete_one({"_id": worker_id})
    PlacementRecord._get_collection().delete_many({"worker_id": worker_id})
    OfferOutcome._get_collection().delete_many({"worker_id": worker_id})
    ShownMatches._get_collection().delete_one({"_id": worker_id})
