"""Use cases of vacancies: submit, edit, close, and the ownership check every read goes through."""

from __future__ import annotations

import logging

from employers.models import OPEN_VACANCY, TAKEN_OFFER, Vacancy
from services import errors, ratelimit
from services.events import VACANCY_CLOSED, VACANCY_SUBMITTED

log = logging.getLogger(__name__)

HOUR, DAY = 3600, 24 * 3600


def count_change(employer_id: str, settings) -> None:
    """Count one vacancy creation or edit by the employer: 429 past ``settings.vacancy_changes_per_hour``
    or ``_per_day``.

    Why a limit (issue 12): near-identical vacancies that differ in min_age are how an employer could
    sort candidates by birth year. A large grower with dozens of job orders a season posts them over
    days, a handful per sitting with a few edits each after the ethics check: the defaults, 30 an hour
    and 120 a day, are far above that and far below what a probing script needs. (The load benchmark,
    one employer posting 700 vacancies, raises them with LP_VACANCY_CHANGES_PER_HOUR/_DAY.)
    """
    ratelimit.hit(f"vacancy-changes-hour:{employer_id}", settings.vacancy_changes_per_hour, HOUR)
    ratelimit.hit(f"vacancy-changes-day:{employer_id}", settings.vacancy_changes_per_day, DAY)


def own_vacancy(store, employer_id: str, vacancy_id) -> Vacancy:
    """The employer's vacancy; 404 when it does not exist or is another employer's."""
    vacancy = store.vacancy(vacancy_id)
    if vacancy is None or vacancy.employer_id != str(employer_id):
        raise errors.NotFound("No such vacancy.")
    return vacancy


def submitted_payload(vacancy: Vacancy, document: dict, revision: int) -> dict:
    """The ``vacancy.submitted`` payload (docs/events.md)."""
    return {"vacancy": document, "employer_id": vacancy.employer_id, "employer_name": vacancy.employer_name,
            "revision": revision}


def new_vacancy(employer, document: dict) -> Vacancy:
    """A new vacancy, ``pending_review``, revision 1, with its ``vacancy.submitted`` queued (not stored yet).

    ``document`` is the contract vacancy, already validated and normalised.
    """
    vacancy = Vacancy(employer_id=str(employer.id), employer_name=employer.name, document=document,
                      status="pending_review", revision=1)
    vacancy.record_event(VACANCY_SUBMITTED, submitted_payload(vacancy, document, 1))
    return vacancy


def submit_vacancy(store, employer, document: dict) -> Vacancy:
    """Store a new vacancy as ``pending_review``, revision 1, and queue ``vacancy.submitted``."""
    return store.add(new_vacancy(employer, document))


def submit_vacancies(store, employer, documents: list[dict]) -> list[Vacancy]:
    """``submit_vacancy`` for many at once (a bulk import): one write for them all, each vacancy whole with
    its event (the outbox is in the document)."""
    return store.add_many([new_vacancy(employer, document) for document in documents])


def edit_vacancy(store, employer_id: str, vacancy_id, document: dict) -> Vacancy:
    """Replace the document of an open vacancy: a new revision, back to review (409 once closed or filled)."""
    vacancy = own_vacancy(store, employer_id, vacancy_id)
    if vacancy.status not in OPEN_VACANCY:
        raise errors.Conflict(f"A {vacancy.status} vacancy cannot be edited.")
    revision = vacancy.revision + 1
    changed = store.transition(
        vacancy, {"revision": vacancy.revision, "status": list(OPEN_VACANCY)},
        {"document": document, "revision": revision, "status": "pending_review", "flags": []},
        [(VACANCY_SUBMITTED, submitted_payload(vacancy, document, revision))])
    if not changed:
        raise errors.Conflict("The vacancy changed meanwhile; reload it and try again.")
    return store.vacancy(vacancy.pk)


def close_vacancy(store, employer_id: str, vacancy_id) -> Vacancy:
    """The employer stops taking workers: ``closed``, and ``vacancy.closed`` (409 once closed or filled)."""
    vacancy = own_vacancy(store, employer_id, vacancy_id)
    if vacancy.status not in OPEN_VACANCY or not store.transition(
            vacancy, {"status": vacancy.status, "revision": vacancy.revision}, {"status": "closed"},
            [(VACANCY_CLOSED, closed_payload(vacancy, "closed"))]):
        raise errors.Conflict("This vacancy is already closed or filled.")
    return store.vacancy(vacancy.pk)


def closed_payload(vacancy: Vacancy, status: str) -> dict:
    return {"vacancy_id": str(vacancy.pk), "employer_id": vacancy.employer_id, "status": status}


def fill_if_full(store, vacancy_id) -> bool:
    """Mark an approved vacancy ``filled`` once accepted offers reach its positions; True if it did."""
    vacancy = store.vacancy(vacancy_id)
    if vacancy is None or vacancy.status != "approved":
        return False
    positions = int(vacancy.document.get("positions") or 0)
    if store.count_offers(str(vacancy.pk), TAKEN_OFFER) < positions:
        return False
    # Conditional on "approved": of two acceptances racing, one publishes.
    filled = store.transition(vacancy, {"status": "approved", "revision": vacancy.revision}, {"status": "filled"},
                              [(VACANCY_CLOSED, closed_payload(vacancy, "filled"))])
    if filled:
        log.info("vacancy %s filled (%d positions)", vacancy.pk, positions)
    return filled
