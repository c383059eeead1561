"""The worker's ranked matches and yearly itineraries.

The matcher ranks at read time and answers ids, scores and reasons; the
vacancies themselves are this service's own cards (``workers.store``), kept
from the ethics verdicts. A vacancy without a card (under review, blocked,
closed, or a document that is not the contract's vacancy) is never shown,
whatever the matcher sends, and neither is one whose season has begun.
``/me/matches`` is served from each process's cache (``workers.match_cache``)
while the events that change it are followed; an employer's rating on a card is read with the cards, so a
cached answer shows it as it was then (a few minutes at most: ``LP_MATCHES_CACHE_SECONDS``).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json

from flask import current_app

from services.config import Settings
from services.matcher_client import MatcherClient, MatcherUnavailable
from workers import ratings, store
from workers.match_cache import MatchCache

SHOWN = 20  # as many as the pages and the API show
MAX_MATCHES = SHOWN
DETAIL_LOOKUP = 100
NEVER = "9999-12-31"  # the first start of an empty list

__all__ = ["MatcherUnavailable", "answer", "cached_answer", "fresh_answer", "itineraries_for", "match_for",
           "shown_matches"]


def client():
    """The matcher client of this app (tests inject a fake)."""
    return current_app.extensions["matcher_client"]


def cache() -> MatchCache:
    return current_app.extensions["match_cache"]


def build_client(settings: Settings, injected=None):
    return injected if injected is not None else MatcherClient(settings)


def cached_answer(worker_id: str) -> bytes | None:
    """The worker's gzipped ``{"matches", "preparing", "updated_at"}`` from this process's cache, if there."""
    return cache().get(worker_id, _today())


def fresh_answer(worker_id: str) -> bytes:
    """The answer put together now (the matcher's ranking and the cards), kept in the cache when it may be.

    Raises MatcherUnavailable when the matcher cannot answer. "Being prepared" (the matcher has no profile
    yet) is not kept: no notice would say when it is ready.
    """
    started, today = cache().begin(), _today()
    ranked = ranking(worker_id, SHOWN)
    if ranked is None:
        return _gzipped({"matches": [], "preparing": True, "updated_at": None})
    shown = joined(ranked["matches"], today)
    body = _gzipped({"matches": shown, "preparing": False, "updated_at": ranked["updated_at"]})
    cache().put(worker_id, started, body, [m["vacancy_id"] for m in ranked["matches"]],
                min((_start(m["vacancy"]) for m in shown), default=NEVER))
    return body


def answer(worker_id: str) -> bytes:
    """``cached_answer``, else ``fresh_answer``."""
    return cached_answer(worker_id) or fresh_answer(worker_id)


def shown_matches(worker_id: str) -> dict:
    """``{"matches", "updated_at", "preparing"}`` for the pages (``answer``, unzipped)."""
    return json.loads(gzip.decompress(answer(worker_id)))


def matches_for(worker_id: str, limit: int) -> list[dict]:
    """Up to ``limit`` matches asked of the matcher now, with their cards (not cached: details and plans)."""
    ranked = ranking(worker_id, limit)
    return joined(ranked["matches"], _today()) if ranked is not None else []


def match_for(worker_id: str, vacancy_id: str) -> dict | None:
    """One of the worker's matches, or None if it is not (or no longer) among them."""
    found = next((m for m in shown_matches(worker_id)["matches"] if m["vacancy_id"] == vacancy_id), None)
    if found is None:  # further down the list than the page shows
        found = next((m for m in matches_for(worker_id, DETAIL_LOOKUP) if m["vacancy_id"] == vacancy_id), None)
    return found


def itineraries_for(worker_id: str) -> tuple[list[dict], dict]:
    """The matcher's plans for the year, and the worker's matches by vacancy id to name their seasons."""
    data = _read(client().itineraries, worker_id) or {}
    found = data.get("itineraries")
    plans = [p for p in (found if isinstance(found, list) else []) if isinstance(p, dict)]
    by_id = {m["vacancy_id"]: m for m in matches_for(worker_id, DETAIL_LOOKUP)} if plans else {}
    # A plan with a season the worker cannot see among the matches is left out whole.
    shown = [p for p in plans if p.get("seasons") and all(
        isinstance(s, dict) and s.get("vacancy_id") in by_id for s in p["seasons"])]
    return shown, by_id


def ranking(worker_id: str, limit: int) -> dict | None:
    """``{"matches": [{"vacancy_id", "score", "reasons", "reason_keys"}], "updated_at"}`` from the matcher,
    cleaned; None while it has no profile of the worker. Raises MatcherUnavailable."""
    data = _read(client().matches, worker_id, limit=limit)
    if data is None:
        return None
    found = data.get("matches")
    ranked = [_ranked(m) for m in (found if isinstance(found, list) else []) if _well_formed(m)][:limit]
    updated_at = data.get("updated_at")
    return {"matches": ranked, "updated_at": updated_at if isinstance(updated_at, str) else None}


def joined(ranked: list[dict], today: str) -> list[dict]:
    """The ranked matches that have a card and whose season has not begun, each with its card as ``vacancy``
    and the employer's rating (``workers.ratings``) on both."""
    cards = store.cards((m["vacancy_id"] for m in ranked), lambda ids: cache().card_texts(ids, store.card_texts))
    kept = [(m, cards[m["vacancy_id"]]) for m in ranked
            if m["vacancy_id"] in cards and _start(cards[m["vacancy_id"]]) > today]
    shown = ratings.aggregates(card.get("employer_id") or "" for _m, card in kept)
    return [{**m, "vacancy": {**card, "employer_rating": shown[card.get("employer_id") or ""]},
             "employer_rating": shown[card.get("employer_id") or ""]} for m, card in kept]


def _read(call, *args, **kwargs) -> dict | None:
    """A matcher answer that is a JSON object (or None); anything else counts as the matcher being unavailable."""
    try:
        data = call(*args, **kwargs)
    except ValueError as exc:  # a 200 whose body is not JSON
        raise MatcherUnavailable("the matcher's answer is not JSON") from exc
    if data is not None and not isinstance(data, dict):
        raise MatcherUnavailable("the matcher's answer is not a JSON object")
    return data


def _well_formed(match) -> bool:
    return (isinstance(match, dict) and isinstance(match.get("vacancy_id"), str) and bool(match["vacancy_id"])
            and isinstance(match.get("reason_keys", []), list) and isinstance(match.get("reasons", []), list))


def _ranked(match: dict) -> dict:
    try:
        score = float(match.get("score") or 0.0)
    except (TypeError, ValueError):
        score = 0.0
    return {"vacancy_id": match["vacancy_id"], "score": score,
            "reasons": [str(r) for r in match.get("reasons") or []],
            "reason_keys": [str(k) for k in match.get("reason_keys") or []]}


def _start(vacancy: dict) -> str:
    season = vacancy.get("season")
    return str(season.get("start", "")) if isinstance(season, dict) else ""


def _today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def _gzipped(answer: dict) -> bytes:
    return gzip.compress(json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode(), mtime=0)
