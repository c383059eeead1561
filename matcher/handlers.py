"""Use cases of the matcher's event flow: keep the records the ranking index loads from.

Handlers write one record each (the ranking index and the notice screen
follow the same events in memory, ``matcher.worker``). Every handler is
safe to run twice, and out-of-order events are told apart by ``revision``:
an older revision than the one recorded changes nothing.
"""

from __future__ import annotations

import logging

from marshmallow import ValidationError
from mongoengine import NotUniqueError

from matcher.schemas import WorkerProfileSchema
from matcher.store import (
    BLOCKED,
    CLOSED,
    OPEN,
    PENDING,
    EmployerRecord,
    OfferOutcome,
    PlacementRecord,
    VacancyRecord,
    WorkerRecord,
    utcnow,
)
from services.documents import VacancySchema
from services.events import Envelope

log = logging.getLogger(__name__)

PROFILE_FIELDS = ("display_name", "origin_country", "birth_year", "languages", "skills", "certifications",
                  "availability", "preferred_countries", "pathways")


def vacancy_submitted(event: Envelope) -> None:
    """A new revision is under review: hide the vacancy until its verdict.

    The verdict comes on another topic and may be read first: a submission
    of a revision already reviewed changes nothing.
    """
    payload = event.payload
    _set_vacancy(event.subject, _revision(payload), newer_only=True, status=PENDING,
                 employer_id=str(payload.get("employer_id") or ""),
                 employer_name=str(payload.get("employer_name") or ""))


def vacancy_reviewed(event: Envelope) -> None:
    """A verdict: ``pass``/``flag`` opens the vacancy, ``block`` hides it; the employer's record counts it."""
    payload = event.payload
    verdict = payload.get("verdict")
    if verdict not in ("pass", "flag", "block"):
        raise ValueError(f"vacancy.reviewed without a verdict: {verdict!r}")
    opened = verdict != "block" and isinstance(payload.get("vacancy"), dict)
    changes = {"status": OPEN if opened else BLOCKED, "employer_id": str(payload.get("employer_id") or ""),
               "employer_name": str(payload.get("employer_name") or "")}
    if opened:
        _validated(VacancySchema(), payload["vacancy"], "vacancy")
        changes["document"] = payload["vacancy"]
    _set_vacancy(event.subject, _revision(payload), **changes)
    _count_review(changes["employer_id"], verdict)


def vacancy_closed(event: Envelope) -> None:
    """Filled or closed by the employer: never shown again, whatever comes later."""
    VacancyRecord.objects(id=event.subject).update_one(
        set__status=CLOSED, set__updated_at=utcnow(), set__revision=2**31 - 1, upsert=True)


def worker_profile_updated(event: Envelope) -> None:
    """A worker's matching profile (only the fields matching reads are kept)."""
    payload = event.payload
    profile = payload.get("profile")
    if not isinstance(profile, dict):
        raise ValueError("worker.profile_updated without a profile")
    kept = {k: profile[k] for k in PROFILE_FIELDS if k in profile}
    _validated(WorkerProfileSchema(), {k: v for k, v in kept.items() if k != "display_name"}, "profile")
    revision = _revision(payload)
    try:
        WorkerRecord.objects(id=event.subject, revision__lte=revision).update_one(
            set__profile=kept, set__revision=revision, set__updated_at=utcnow(), upsert=True)
    except NotUniqueError:
        log.info("worker %s: revision %s is older than the one recorded", event.subject, revision)
        return


def placement_completed(event: Envelope) -> None:
    """A season's outcome: a circular signal for the worker with that employer."""
    payload = event.payload
    worker_id = str(payload.get("worker_id") or "")
    season = payload.get("season") or {}
    if not worker_id or not season.get("end"):
        raise ValueError("placement.completed without worker_id and season")
    PlacementRecord.objects(id=event.subject).update_one(
        set__worker_id=worker_id, set__employer_id=str(payload.get("employer_id") or ""),
        set__vacancy_id=str(payload.get("vacancy_id") or ""), set__season=season,
        set__completed=bool(payload.get("completed", True)),
        set__worker_rating=_rating(payload.get("worker_rating")),
        set__employer_rating=_rating(payload.get("employer_rating")), upsert=True)


def offer_responded(event: Envelope) -> None:
    """A worker accepted or declined an offer: kept as an outcome to learn from (lists do not move)."""
    payload = event.payload
    response = payload.get("response")
    worker_id, vacancy_id = str(payload.get("worker_id") or ""), str(payload.get("vacancy_id") or "")
    if response not in ("accepted", "declined") or not worker_id or not vacancy_id:
        raise ValueError("offer.responded without response, worker_id and vacancy_id")
    OfferOutcome.objects(id=event.subject).update_one(
        set__worker_id=worker_id, set__vacancy_id=vacancy_id, set__accepted=response == "accepted", upsert=True)


def _set_vacancy(vacancy_id: str, revision: int, newer_only: bool = False, **changes) -> None:
    updates = {f"set__{k}": v for k, v in changes.items()}
    older = {"revision__lt" if newer_only else "revision__lte": revision}
    try:
        VacancyRecord.objects(id=vacancy_id, status__ne=CLOSED, **older).update_one(
            set__revision=revision, set__updated_at=utcnow(), upsert=True, **updates)
    except NotUniqueError:
        # The filter did not match an existing record: newer revision, or closed.
        log.info("vacancy %s: revision %s ignored (older, or the vacancy is closed)", vacancy_id, revision)
        return


def _count_review(employer_id: str, verdict: str) -> None:
    if not employer_id:
        return
    EmployerRecord.objects(id=employer_id).update_one(
        inc__reviewed=1, inc__blocked=int(verdict == "block"), inc__flagged=int(verdict == "flag"), upsert=True)
    log.debug("employer %s: %s review counted", employer_id, verdict)


def _validated(schema, document, what: str) -> None:
    """Raise ValueError (the event goes to the DLQ) unless ``document`` is valid: the lists never read garbage."""
    try:
        schema.load(document)
    except ValidationError as exc:
        raise ValueError(f"invalid {what}: {exc.messages}") from exc


def _revision(payload: dict) -> int:
    revision = payload.get("revision")
    return revision if isinstance(revision, int) and not isinstance(revision, bool) else 0


def _rating(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5 else None
