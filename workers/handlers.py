"""The events the workers service keeps its offer inbox and its vacancy cards from (written by
``workers.store``).

Only an offer the ethics service passed or flagged, and whose event carries its terms, is ever stored. A
blocked verdict leaves nothing to show; if an earlier revision of that offer is still open, it is closed
(``withdrawn``) so it cannot be accepted on terms that no longer stand.

Only a vacancy whose latest revision the ethics service passed or flagged,
with a document that is the contract's vacancy, has a card; ``/me/matches``
shows nothing else, whatever the matcher ranks.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

from marshmallow import ValidationError

from services.documents import VacancySchema
from services.events import Envelope
from workers import fairness, notices, ratings, store
from workers.models import SHOWN_VERDICTS

log = logging.getLogger(__name__)
# A completed season is worth asking about this long after it ended.
RATING_WINDOW = timedelta(days=90)


# --------------------------------------------------------------------------- the offer inbox


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


def on_offer_reviewed(event: Envelope) -> None:
    """``offer.reviewed`` → an inbox entry (pass/flag with terms only); stale revisions are ignored."""
    payload, revision = event.payload, _offer_revision(event.payload)
    existing = store.offer(event.subject)
    action = review_action(existing, payload, revision)
    log.info("offer %s: verdict %s, revision %s: %s", event.subject, payload.get("verdict"), revision, action)
    if action == "close":
        store.close_sent_offer(existing.pk, revision)
    elif action == "update":
        store.revise_sent_offer(existing.pk, _terms(payload, revision))
    elif action == "insert":
        _insert(event.subject, payload, revision)
    if action == "insert" or (action == "ignore" and _shown_at(existing, revision)):
        # Also on a redelivery of the event that stored it: a crash between the two writes loses nothing.
        _tell_new_offer(event, payload)


def _shown_at(existing, revision: int) -> bool:
    return existing is not None and existing.revision == revision and existing.verdict in SHOWN_VERDICTS


def _tell_new_offer(event: Envelope, payload: dict) -> None:
    worker_id = str(payload.get("worker_id") or payload["offer"].get("worker_id") or "")
    title = str((payload.get("vacancy") or {}).get("title") or "")
    notices.tell(event.id, worker_id, "offer_new", f"/offers/{event.subject}",
                 employer=str(payload.get("employer_name") or ""), title=title)


def _insert(offer_id: str, payload: dict, revision: int) -> None:
    worker_id = str(payload.get("worker_id") or payload["offer"].get("worker_id") or "")
    if not worker_id:
        raise ValueError("offer.reviewed names no worker")
    facts = fairness.worker_facts([worker_id]).get(worker_id)
    if facts is None:
        log.info("offer %s: its worker erased their account; not stored", offer_id)
        return
    # The worker's gender and origin now go with the offer, for the employer's fairness totals.
    if not store.add_offer(offer_id, worker_id, {**_terms(payload, revision), **facts}):
        log.info("offer %s stored meanwhile by another consumer", offer_id)
    fairness.mark_changed(str(payload.get("employer_id") or ""))


def _terms(payload: dict, revision: int) -> dict:
    return {"vacancy_id": str(payload.get("vacancy_id") or ""),
            "employer_id": str(payload.get("employer_id") or ""),
            "employer_name": str(payload.get("employer_name") or ""),
            "verdict": payload["verdict"], "revision": revision,
            "offer": payload["offer"], "vacancy": payload.get("vacancy") or {}}


def _offer_revision(payload: dict) -> int:
    try:
        return int(payload.get("revision") or 1)
    except (TypeError, ValueError):
        return 1


def on_offer_withdrawn(event: Envelope) -> None:
    """``offer.withdrawn`` → withdrawn; before its review arrived, a tombstone that keeps it hidden."""
    if store.withdraw_offer(event.subject) or store.offer(event.subject):
        return
    if not store.add_tombstone(event.subject, str(event.payload.get("worker_id") or "")):
        on_offer_withdrawn(event)  # its review was stored meanwhile: withdraw that


def on_placement_completed(event: Envelope) -> None:
    """``placement.completed`` → completed (from accepted, or sent if the answer travelled another way)."""
    store.complete_offer(event.subject)
    fairness.mark_changed(str(event.payload.get("employer_id") or ""))
    if not _recent_season(event.payload):
        return  # a past season loaded in bulk (a programme's history): no one is asked to rate it now
    entry = store.offer(event.subject)
    if entry is not None and entry.verdict in SHOWN_VERDICTS:
        # The offer's page is where the season is rated.
        notices.tell(event.id, entry.worker_id, "season_to_rate", f"/offers/{event.subject}",
                     employer=entry.employer_name)


def _recent_season(payload: dict) -> bool:
    """Whether the season ended within ``RATING_WINDOW`` (or says no end): only then is its worker asked to
    rate it. Also keeps the read of the inbox off the bulk load of past seasons."""
    season = payload.get("season") if isinstance(payload.get("season"), dict) else {}
    try:
        end = date.fromisoformat(str(season.get("end"))[:10])
    except ValueError:
        return True
    return end >= datetime.now(UTC).date() - RATING_WINDOW


def on_grievance_filed(event: Envelope) -> None:
    """Our own ``grievance.filed``, once it is published: the named worker is told it reached the auditors.
    An anonymous one names no worker, so no one is told (by design: nothing may link it to them)."""
    worker_id = str(event.payload.get("worker_id") or "")
    if worker_id and event.payload.get("anonymous") is False:
        notices.tell(event.id, worker_id, "grievance_status", "/rights")


def on_grievance_decided(event: Envelope) -> None:
    """``grievance.decided`` → the worker who filed the grievance under their name is told what the auditors
    decided (an erased worker's grievance names no one any more: nobody is told)."""
    status = event.payload.get("status")
    if status not in notices.DECISION_TEXTS:
        raise ValueError(f"grievance.decided with status {status!r}")
    grievance = store.grievance(str(event.payload.get("grievance_id") or event.subject))
    if grievance is not None and not grievance.anonymous and grievance.worker_id:
        notices.tell(event.id, grievance.worker_id, "grievance_status", "/rights", notices.DECISION_TEXTS[status])


def on_candidates_shown(event: Envelope) -> None:
    """``candidates.shown`` → the fairness audit keeps whom the employer was shown (``workers.fairness``)."""
    payload = event.payload
    worker_ids = payload.get("worker_ids")
    employer_id = str(payload.get("employer_id") or "")
    if not employer_id or not isinstance(worker_ids, list):
        raise ValueError("candidates.shown without employer_id and worker_ids")
    fairness.record_shown(str(payload.get("vacancy_id") or event.subject), employer_id,
                          [str(w) for w in worker_ids])


def on_placement_rated(event: Envelope) -> None:
    """``placement.rated`` (this service's own) → counted once in its employer's rating sums."""
    if not ratings.count(event.payload):
        log.info("rating of offer %s counted already", event.subject)


# --------------------------------------------------------------------------- the vacancy cards


def on_vacancy_reviewed(event: Envelope) -> None:
    """A verdict: ``pass``/``flag`` with the document → the card; ``block`` → no card."""
    payload = event.payload
    verdict = payload.get("verdict")
    if verdict not in (*SHOWN_VERDICTS, "block"):
        raise ValueError(f"vacancy.reviewed without a verdict: {verdict!r}")
    revision, document = _revision(payload), payload.get("vacancy")
    if verdict == "block" or not isinstance(document, dict):
        store.hide(event.subject, revision, store.BLOCKED)
        return
    try:
        VacancySchema().load(document)
    except ValidationError as exc:
        # Hidden first, so that an older card of the vacancy is not left showing; then to the dead letters.
        store.hide(event.subject, revision, store.BLOCKED)
        raise ValueError(f"vacancy {event.subject}: not a contract vacancy: {exc.messages}") from exc
    store.show(event.subject, revision, card(event.subject, payload, document))


def on_vacancy_submitted(event: Envelope) -> None:
    """A newer revision is under review: its card goes until the verdict."""
    store.hide(event.subject, _revision(event.payload), store.PENDING, newer_only=True)


def on_vacancy_closed(event: Envelope) -> None:
    """Filled or closed by the employer: no card, for good."""
    store.close(event.subject)


def card(vacancy_id: str, payload: dict, document: dict) -> dict:
    """The vacancy as the pages and the API show it: the contract document with its id and employer
    (as the matcher's ``VacancyRecord.card()`` made it)."""
    return {**document, "id": vacancy_id, "employer_id": str(payload.get("employer_id") or ""),
            "employer_name": str(payload.get("employer_name") or "")}


def _revision(payload: dict) -> int:
    revision = payload.get("revision")
    return revision if isinstance(revision, int) and not isinstance(revision, bool) else 0
