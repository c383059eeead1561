"""The vacancy events the workers service keeps its cards from (``workers.store``).

Only a vacancy whose latest revision the ethics service passed or flagged,
with a document that is the contract's vacancy, has a card; ``/me/matches``
shows nothing else, whatever the matcher ranks.
"""

from __future__ import annotations

import logging

from marshmallow import ValidationError

from services.documents import VacancySchema
from services.events import Envelope
from workers import store

log = logging.getLogger(__name__)

SHOWN_VERDICTS = ("pass", "flag")


def vacancy_reviewed(event: Envelope) -> None:
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


def vacancy_submitted(event: Envelope) -> None:
    """A newer revision is under review: its card goes until the verdict."""
    store.hide(event.subject, _revision(event.payload), store.PENDING, newer_only=True)


def vacancy_closed(event: Envelope) -> None:
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
