"""Use cases of the ethics service: review what is submitted, record grievances and workers' ratings.

Each handler is safe to run twice on the same event: the review is keyed by
the request's event id and flags by deterministic keys (``ethics.store``); the flag counts of
the compliance summary and the parties' months are marked and recounted, not incremented
(``ethics.recounts``). Every check has the
time budget ``LP_CHECK_BUDGET_SECONDS`` (read per event: handlers get only the
event), so one pathological text ends in a blocked verdict and the consumer
commits and moves on instead of stalling every review behind it.
"""

from __future__ import annotations

import logging
from datetime import datetime

from ethics import engine, fairness, grievance_flags, open_data, parties, recruiters, store
from ethics.models import Review, utcnow
from ethics.rules.fields import mapping
from ethics.rules.recruiters import licence_key
from services.config import check_budget_seconds
from services.documents import OfferSchema, VacancySchema, normalised
from services.events import OFFER_REVIEWED, VACANCY_REVIEWED, Envelope

log = logging.getLogger(__name__)

EVIDENCE_LIMIT = 500


def on_vacancy_submitted(event: Envelope) -> Review:
    """``vacancy.submitted`` → a verdict, stored flags and ``vacancy.reviewed``."""
    vacancy = normalised(VacancySchema(), _document(event.payload, "vacancy"))
    verdict = engine.check_vacancy(vacancy, check_budget_seconds(), recruiters.registry_for(vacancy.get("recruiter")))
    return _review(event, "vacancy", vacancy, verdict, {"vacancy": vacancy}, vacancy)


def on_offer_submitted(event: Envelope) -> Review:
    """``offer.submitted`` → a verdict, stored flags and ``offer.reviewed``.

    A blocked offer's terms are left out of the reviewed event, so nothing
    downstream can show them to the worker.
    """
    offer = normalised(OfferSchema(), _document(event.payload, "offer"))
    raw_vacancy = event.payload.get("vacancy")
    vacancy = normalised(VacancySchema(), _strip_ids(raw_vacancy)) if raw_vacancy else None
    registry = recruiters.registry_for(vacancy.get("recruiter")) if vacancy else None
    verdict = engine.check_offer(offer, vacancy, check_budget_seconds(), registry)
    # The worker's inbox shows the job next to the offer's terms.
    visible = {} if verdict.verdict == "block" else {"offer": offer, "vacancy": vacancy}
    extra = {"worker_id": offer["worker_id"], "vacancy_id": offer["vacancy_id"], **visible}
    return _review(event, "offer", offer, verdict, extra, vacancy)


def on_grievance_filed(event: Envelope) -> None:
    """``grievance.filed`` → a review flag on the employer (idempotent); an anonymous one names no one."""
    payload = event.payload
    flag = engine.grievance_flag(str(payload.get("category", "")), str(payload.get("text", "")))
    document = {k: payload.get(k) for k in ("category", "text", "offer_id", "anonymous") if k in payload}
    row = _flag_row(f"grievance:{event.id}", flag, payload.get("employer_id") or "", "grievance",
                    event.subject, document, engine.RULES_VERSION, store.recruiter_of_offer(payload.get("offer_id")))
    if grievance_flags.is_anonymous(payload):
        row = grievance_flags.anonymised(row, event.occurred_at)
    store.add_flags([row])


def on_employer_registered(event: Envelope) -> None:
    """``employer.registered`` → the registration waits in the auditors' verification queue (idempotent)."""
    payload = event.payload
    employer_id = str(payload.get("employer_id") or event.subject)
    details = {"name": str(payload.get("name") or ""), "country": str(payload.get("country") or ""),
               "registration_number": str(payload.get("registration_number") or ""),
               "registered_at": _moment(event.occurred_at)}
    if not store.add_registration(employer_id, details):
        raise ValueError(f"employer.registered for {employer_id!r}, not an employer id")
    parties.name_employer(employer_id, details["name"], details["country"])
    log.info("employer %s registered for verification", employer_id)


def on_placement_rated(event: Envelope) -> None:
    """``placement.rated`` → a review flag on the employer (and its recruiter) for each answer that says fees
    were charged or wages came late (``engine.rating_flags``), and the ratings counted in both parties' records
    (no worker kept). Keyed by the rated offer (and the rule): a season is rated once, so a replay, or the same
    rating published again, stores nothing new."""
    payload = event.payload
    employer_id = str(payload.get("employer_id") or "")
    if not employer_id or not isinstance(payload.get("answers"), dict):
        raise ValueError("placement.rated without employer_id and answers")
    recruiter = licence_key(mapping(payload.get("recruiter")).get("licence"))
    document = {k: payload.get(k) for k in ("offer_id", "vacancy_id", "answers") if k in payload}
    store.add_flags([_flag_row(f"rating:{event.subject}:{flag.rule}", flag, employer_id, "rating", event.subject,
                               document, engine.RULES_VERSION, recruiter)
                     for flag in engine.rating_flags(payload["answers"])])
    store.add_rating(event.subject, employer_id, recruiter, payload.get("employer_rating"),
                     payload.get("recruiter_rating"))


def on_fairness_tallied(event: Envelope) -> None:
    """``fairness.tallied`` → the employer's totals kept; a review flag ``possible-sex-discrimination`` with
    the figures when its offers to women fall significantly short (one open at a time; keyed by the totals'
    revision, so a replay stores nothing new)."""
    kept = fairness.record(event.payload)
    if kept is None:
        return
    found = fairness.finding(kept.counts)
    if found is None or fairness.open_flag(kept.pk):
        return
    store.add_flags([_flag_row(f"fairness:{kept.pk}:{kept.revision}", engine.fairness_flag(found.evidence()),
                               kept.pk, "fairness", kept.pk, {"counts": kept.counts}, engine.RULES_VERSION)])
    log.info("employer %s: possible sex discrimination flagged (p = %.2g)", kept.pk, found.p_value)


def _review(event: Envelope, kind: str, document: dict, verdict, extra: dict, vacancy: dict | None) -> Review:
    recruiter = mapping(vacancy.get("recruiter")) if vacancy else {}
    key = licence_key(recruiter.get("licence"))
    review = store.review_of(event.id) or _new_review(event, kind, verdict, extra, key)
    employer_id = str(event.payload.get("employer_id") or "")
    parties.name_employer(employer_id, str(event.payload.get("employer_name") or ""), overwrite=False)
    parties.name_recruiter(key, str(recruiter.get("name") or "").strip())
    rows = [
        _flag_row(f"{event.id}:{i}:{flag.rule}", flag, employer_id, kind, event.subject, document,
                  verdict.rules_version, key)
        for i, flag in enumerate(verdict.flags)
    ]
    # After the review: a crash in between leaves the event unrecorded in
    # the ledger, so its redelivery finds the review and stores the flags.
    store.add_flags(rows, review)
    log.info("%s %s: %s (%d flags)", kind, event.subject, verdict.verdict, len(rows))
    return review


def _new_review(event: Envelope, kind: str, verdict, extra: dict, recruiter: str) -> Review:
    result = verdict.to_dict()
    review = Review(id=event.id, request_event_id=event.id, kind=kind, document_id=event.subject,
                    employer_id=str(event.payload.get("employer_id") or ""), recruiter=recruiter,
                    verdict=result["verdict"], rules_version=result["rules_version"], flags=result["flags"],
                    recruiter_named=open_data.recruiter_of(extra.get("vacancy")) if kind == "vacancy" else None)
    payload = {
        "kind": kind,
        f"{kind}_id": event.subject,
        "employer_id": review.employer_id,
        "employer_name": str(event.payload.get("employer_name") or ""),
        **result,
        "request_event_id": event.id,
        "revision": event.payload.get("revision"),
        **extra,
    }
    review.record_event(VACANCY_REVIEWED if kind == "vacancy" else OFFER_REVIEWED, payload, subject=event.subject)
    return store.add_review(review)


def _flag_row(key: str, flag, employer_id: str, kind: str, document_id: str, document: dict, version: str,
              recruiter: str = "") -> dict:
    return {
        "key": key,
        "employer_id": employer_id,
        "recruiter": recruiter,
        "document_kind": kind,
        "document_id": document_id,
        "document": document,
        "rule": flag.rule,
        "severity": flag.severity,
        "principle": flag.principle,
        "message": flag.message,
        "evidence": flag.evidence[:EVIDENCE_LIMIT],
        "rules_version": version,
        "status": "open",
        "decisions": [],
        "decision_count": 0,
        "created_at": utcnow(),
    }


def _document(payload: dict, kind: str) -> dict:
    """The submitted document, read tolerantly: under ``payload[kind]`` or ``payload["document"]``."""
    document = payload.get(kind) or payload.get("document")
    if not isinstance(document, dict):
        raise ValueError(f"{kind}.submitted payload carries no {kind} document")
    return _strip_ids(document)


def _strip_ids(document: dict) -> dict:
    # The contract documents carry no ids or statuses; read copies may.
    return {k: v for k, v in document.items() if k not in {"id", "status", "flags", "employer_id", "created_at"}}


def _moment(iso: str) -> datetime:
    """An envelope's ``occurred_at`` as a datetime (now, if it cannot be read)."""
    try:
        return datetime.fromisoformat(str(iso).replace("Z", "+00:00"))
    except ValueError:
        return utcnow()


def on_worker_erased(event: Envelope) -> None:
    """``worker.erased`` → the worker's id leaves every flag and pending verdict, which stay as evidence."""
    worker_id = str(event.payload.get("worker_id") or event.subject or "")
    if not worker_id:
        raise ValueError("worker.erased names no worker")
    log.info("worker.erased %s: %d flags or reviews no longer name the worker", event.id,
             store.forget_worker(worker_id))
