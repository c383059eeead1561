"""The worker's ranked matches and yearly itineraries.

Matches are read from what the matcher last sent (``workers.match_lists``),
or asked of the matcher's read model while nothing has arrived yet. The
matcher lists only approved, open vacancies, and anything that says
otherwise is dropped here too: only terms that passed ethics are shown.
A vacancy closed, or edited and sent back to review, leaves the stored
lists when the matcher redoes them (seconds: see docs/load-benchmark.md).
"""

from __future__ import annotations

from flask import current_app

from services.config import Settings
from services.matcher_client import MatcherClient, MatcherUnavailable  # noqa: F401 (re-exported)
from workers.match_lists import SHOWN, checked, stored_matches

MAX_MATCHES = SHOWN
DETAIL_LOOKUP = 100


def client():
    """The matcher client of this app (tests inject a fake)."""
    return current_app.extensions["matcher_client"]


def build_client(settings: Settings, injected=None):
    return injected if injected is not None else MatcherClient(settings)


def _read(call, *args, **kwargs) -> dict | None:
    """A matcher answer that is a JSON object (or None); anything else counts as the matcher being unavailable."""
    try:
        data = call(*args, **kwargs)
    except ValueError as exc:  # a 200 whose body is not JSON
        raise MatcherUnavailable("the matcher's answer is not JSON") from exc
    if data is not None and not isinstance(data, dict):
        raise MatcherUnavailable("the matcher's answer is not a JSON object")
    return data


def shown_matches(worker_id: str, limit: int = MAX_MATCHES) -> dict:
    """``{"matches", "updated_at", "preparing"}``: the stored matches, else the matcher's (see ``matches_for``)."""
    return stored_matches(worker_id, limit) or matches_for(worker_id, limit)


def matches_for(worker_id: str, limit: int = MAX_MATCHES) -> dict:
    """The matches as the matcher's read model has them; raises MatcherUnavailable when it cannot answer."""
    data = _read(client().matches, worker_id, limit=limit)
    if data is None:
        return {"matches": [], "updated_at": None, "preparing": True}
    found = data.get("matches")
    return {"matches": checked(found if isinstance(found, list) else [])[:limit],
            "updated_at": data.get("updated_at"), "preparing": False}


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
