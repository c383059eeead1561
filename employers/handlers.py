"""What the employers worker does with the events it consumes.

Each handler is a plain function of the envelope (and a store, faked in
unit tests). Events arrive at least once and may be stale or out of order:
anything that no longer applies is logged and ignored, never raised, so a
late event cannot loop through retries into the dead-letter topic. Only an
envelope that is not what the contract says (an unknown verdict) raises.
"""

from __future__ import annotations

import logging

from employers.models import OPEN_VACANCY
from employers.store import STORE
from employers.vacancies import fill_if_full
from services.events import Envelope

log = logging.getLogger(__name__)

VERDICTS = ("pass", "flag", "block")
RESPONSES = ("accepted", "declined")
DECISIONS = ("verified", "rejected")
# Where a sent offer may have moved on to by the time its verdict is delivered again.
AFTER_SENT = ("accepted", "declined", "completed", "withdrawn")
FLAG_FIELDS = ("rule", "severity", "principle", "message", "evidence")


def on_vacancy_reviewed(event: Envelope, store=STORE) -> None:
    """``vacancy.reviewed`` → ``approved`` (pass or flag) or ``blocked``, with the flags, for the current revision."""
    payload = event.payload
    verdict = _verdict(payload)
    vacancy = store.vacancy(payload.get("vacancy_id") or event.subject)
    if vacancy is None:
        log.warning("vacancy.reviewed %s: no such vacancy %s; ignored", event.id, event.subject)
        return
    revision = _revision(payload, vacancy.revision)
    if revision != vacancy.revision or vacancy.status not in OPEN_VACANCY:
        log.info("vacancy.reviewed %s: revision %s of a %s vacancy at revision %s; ignored",
                 event.id, revision, vacancy.status, vacancy.revision)
        return
    status = "blocked" if verdict == "block" else "approved"
    # Conditional on the revision read: an edit or a close landing meanwhile wins.
    if not store.transition(vacancy, {"revision": revision, "status": list(OPEN_VACANCY)},
                            {"status": status, "flags": _flags(payload)}):
        log.info("vacancy.reviewed %s: vacancy %s changed meanwhile; ignored", event.id, vacancy.pk)
        return
    log.info("vacancy %s revision %s: %s", vacancy.pk, revision, status)
    if status == "approved":
        # Offers accepted before an edit may already fill the new revision.
        fill_if_full(store, vacancy.pk)


def on_offer_reviewed(event: Envelope, store=STORE) -> None:
    """``offer.reviewed`` → ``sent`` (pass or flag) or ``blocked``, only from ``pending_review``."""
    payload = event.payload
    verdict = _verdict(payload)
    offer = store.offer(payload.get("offer_id") or event.subject)
    if offer is None:
        log.warning("offer.reviewed %s: no such offer %s; ignored", event.id, event.subject)
        return
    if _revision(payload, offer.revision) != offer.revision:
        log.info("offer.reviewed %s: stale revision for offer %s; ignored", event.id, offer.pk)
        return
    status = "blocked" if verdict == "block" else "sent"
    if not store.transition(offer, {"status": "pending_review", "revision": offer.revision},
                            {"status": status, "flags": _flags(payload)}):
        log.info("offer.reviewed %s: offer %s is %s, not pending review; ignored", event.id, offer.pk, offer.status)
        if _applied(store, offer, (status, *AFTER_SENT) if status == "sent" else (status,)):
            store.tell(event.id, offer, "offer_verdict", verdict)  # a redelivery after a crash: told once
        return
    log.info("offer %s: %s", offer.pk, status)
    store.tell(event.id, offer, "offer_verdict", verdict)
    waiting = getattr(store.offer(offer.pk), "early_response", None)
    if status == "sent" and waiting:
        _apply_response(store, offer, waiting, event.id)


def on_offer_responded(event: Envelope, store=STORE) -> None:
    """``offer.responded`` → ``accepted`` or ``declined``, only from ``sent``; an acceptance may fill the vacancy."""
    payload = event.payload
    response = payload.get("response")
    offer = store.offer(payload.get("offer_id") or event.subject)
    if response not in RESPONSES or offer is None:
        log.warning("offer.responded %s: response %r for offer %s unusable; ignored", event.id, response,
                    event.subject)
        return
    if payload.get("worker_id") and str(payload["worker_id"]) != offer.worker_id:
        log.warning("offer.responded %s: worker %s is not the offer's worker; ignored", event.id,
                    payload["worker_id"])
        return
    # offer.reviewed travels on another topic and may be read later: keep the answer for the verdict.
    if store.transition(offer, {"status": "pending_review"}, {"early_response": response}):
        log.info("offer.responded %s: offer %s not reviewed here yet; the answer waits for it", event.id, offer.pk)
        return
    _apply_response(store, offer, response, event.id)


def on_employer_verified(event: Envelope, store=STORE) -> None:
    """``employer.verified`` → the auditors' decision (``verified`` or ``rejected``) on the account."""
    decision = event.payload.get("decision")
    if decision not in DECISIONS:
        raise ValueError(f"unknown verification decision {decision!r}")
    employer_id = event.payload.get("employer_id") or event.subject
    if not store.set_verification(employer_id, decision):
        log.warning("employer.verified %s: no such employer %s; ignored", event.id, employer_id)
        return
    log.info("employer %s: %s", employer_id, decision)


def _apply_response(store, offer, response: str, event_id: str) -> None:
    if not store.transition(offer, {"status": "sent"}, {"status": response}):
        log.info("offer.responded %s: offer %s is %s, not sent; ignored", event_id, offer.pk, offer.status)
        if _applied(store, offer, (response, "completed") if response == "accepted" else (response,)):
            store.tell(event_id, offer, "offer_answered", response)  # a redelivery after a crash: told once
        return
    log.info("offer %s: %s by the worker", offer.pk, response)
    store.tell(event_id, offer, "offer_answered", response)
    if response == "accepted":
        fill_if_full(store, offer.vacancy_id)


def _applied(store, offer, statuses) -> bool:
    """Whether the offer, read again, already stands where this event would have put it."""
    stored = store.offer(offer.pk)
    return stored is not None and stored.status in statuses and stored.revision == offer.revision


def _verdict(payload: dict) -> str:
    verdict = payload.get("verdict")
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}")
    return verdict


def _revision(payload: dict, current: int) -> int:
    """The revision a verdict is about; an event without one is read as about the current revision."""
    try:
        return int(payload["revision"])
    except (KeyError, TypeError, ValueError):
        return current


def _flags(payload: dict) -> list[dict]:
    """The verdict's flags, read tolerantly and kept to the fields shown to the employer."""
    flags = payload.get("flags")
    return [{name: str(flag.get(name) or "") for name in FLAG_FIELDS}
            for flag in (flags if isinstance(flags, list) else []) if isinstance(flag, dict)]


def on_worker_erased(event: Envelope, store=STORE) -> None:
    """``worker.erased`` → the worker's offers stay, as a former worker's: no id of theirs is kept."""
    worker_id = str(event.payload.get("worker_id") or event.subject or "")
    if not worker_id:
        raise ValueError("worker.erased names no worker")
    log.info("worker.erased %s: %d offers now a former worker's", event.id, store.forget_worker(worker_id))
