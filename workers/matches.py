"""The worker's ranked matches and yearly itineraries, read from the matcher's read model.

The matcher lists only approved, open vacancies; anything that says
otherwise is dropped here too, so a blocked vacancy can never be shown.
"""

from __future__ import annotations

import logging

from flask import current_app
from marshmallow import ValidationError

from services.config import Settings
from services.documents import VacancySchema
from services.matcher_client import MatcherClient, MatcherUnavailable  # noqa: F401 (re-exported)

log = logging.getLogger(__name__)

MAX_MATCHES = 20
# What the matcher's read model adds to the contract's vacancy document.
READ_MODEL_FIELDS = {"id", "employer_id", "employer_name", "status", "flags"}
DETAIL_LOOKUP = 100


def client():
    """The matcher client of this app (tests inject a fake)."""
    return current_app.extensions["matcher_client"]


def build_client(settings: Settings, injected=None):
    return injected if injected is not None else MatcherClient(settings)


def _shown(match) -> bool:
    if not isinstance(match, dict) or not isinstance(match.get("vacancy"), dict):
        return False
    if not isinstance(match.get("vacancy_id"), str) or not match["vacancy_id"]:
        return False
    if not isinstance(match.get("reason_keys", []), list) or not isinstance(match.get("reasons", []), list):
        return False
    if match["vacancy"].get("status", "approved") != "approved":
        return False
    # The pages read every term: a document that is not the contract's vacancy is not shown.
    document = {k: v for k, v in match["vacancy"].items() if k not in READ_MODEL_FIELDS}
    try:
        VacancySchema().load(document)
    except ValidationError as exc:
        log.warning("matcher sent vacancy %s that is not a contract vacancy: %s", match["vacancy_id"], exc.messages)
        return False
    return True


def _clean(match: dict) -> dict:
    try:
        score = float(match.get("score") or 0.0)
    except (TypeError, ValueError):
        score = 0.0
    return {"vacancy_id": match["vacancy_id"], "score": score,
            "reasons": [str(r) for r in match.get("reasons") or []],
            "reason_keys": [str(k) for k in match.get("reason_keys") or []],
            "vacancy": match["vacancy"]}


def _read(call, *args, **kwargs) -> dict | None:
    """A matcher answer that is a JSON object (or None); anything else counts as the matcher being unavailable."""
    try:
        data = call(*args, **kwargs)
    except ValueError as exc:  # a 200 whose body is not JSON
        raise MatcherUnavailable("the matcher's answer is not JSON") from exc
    if data is not None and not isinstance(data, dict):
        raise MatcherUnavailable("the matcher's answer is not a JSON object")
    return data


def matches_for(worker_id: str, limit: int = MAX_MATCHES) -> dict:
    """``{"matches", "updated_at", "preparing"}``; raises MatcherUnavailable when the matcher cannot answer."""
    data = _read(client().matches, worker_id, limit=limit)
    if data is None:
        return {"matches": [], "updated_at": None, "preparing": True}
    found = data.get("matches")
    matches = [_clean(m) for m in (found if isinstance(found, list) else []) if _shown(m)]
    return {"matches": matches[:limit], "updated_at": data.get("updated_at"), "preparing": False}


def match_for(worker_id: str, vacancy_id: str) -> dict | None:
    """One of the worker's matches, or None if it is not (or no longer) among them."""
    found = matches_for(worker_id, limit=DETAIL_LOOKUP)["matches"]
    return next((m for m in found if m["vacancy_id"] == vacancy_id), None)


def itineraries_for(worker_id: str) -> tuple[list[dict], dict]:
    """The matcher's plans for the year, and the worker's matches by vacancy id to name their seasons."""
    data = _read(client().itineraries, worker_id) or {}
    found = data.get("itineraries")
    plans = [p for p in (found if isinstance(found, list) else []) if isinstance(p, dict)]
    by_id = {m["vacancy_id"]: m for m in matches_for(worker_id, limit=DETAIL_LOOKUP)["matches"]} if plans else {}
    # A plan with a season the worker cannot see among the matches is left out whole.
    shown = [p for p in plans if p.get("seasons") and all(
        isinstance(s, dict) and s.get("vacancy_id") in by_id for s in p["seasons"])]
    return shown, by_id
