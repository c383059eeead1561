"""The read API (``/api/v1``, role ``service``): matches, candidates and itineraries ranked on request.

Every answer is ranked when asked, from this process's ranking index
(``matcher.index``), which follows the events: a vacancy closed a moment
ago is not offered, and nothing is stored per worker or per vacancy. Until
the index is built the API answers 503, as ``/readyz`` does.
"""

from __future__ import annotations

from flask import abort, current_app
from flask_smorest import Blueprint

from matcher import notices
from matcher.index import RankingIndex
from matcher.read_schemas import (
    CandidateCountQuerySchema,
    CandidateCountsSchema,
    ListQuerySchema,
    SkillQuerySchema,
    SkillSuggestionsSchema,
    StoredItinerariesSchema,
    VacancyCandidatesSchema,
    WorkerMatchesSchema,
)
from matcher.reasons import sentences
from matcher.skills import suggest
from services.auth import require_role
from services.web.app import settings_of

blp = Blueprint("read_model", __name__, url_prefix="/api/v1",
                description="Matches, candidates and itineraries ranked on request (for the other services)")

SUMMARY_FIELDS = ("display_name", "origin_country", "languages", "skills", "certifications", "availability")


def ranking_index() -> RankingIndex:
    """This process's index, once built; else the request ends in a 503."""
    index = current_app.extensions.get("matcher_index")
    if index is None or not index.ready:
        abort(503, description="The matcher's ranking index is still being built; try again shortly.")
    return index


def with_reasons(item: dict) -> dict:
    return {**item, "reasons": list(sentences(tuple(item["reason_keys"])))}


@blp.get("/workers/<worker_id>/matches")
@require_role("service")
@blp.arguments(ListQuerySchema, location="query")
@blp.response(200, WorkerMatchesSchema)
def worker_matches(query, worker_id):
    """A worker's best open vacancies whose season has not begun, with reasons (the caller has the cards)."""
    index = ranking_index()
    found = index.worker_matches(worker_id, max(query["limit"], notices.SHOWN))
    if found is None:
        abort(404, description="The matcher has no profile for this worker yet.")
    # The caller caches what it shows: watch the worker, so a change of their first 20 sends a notice.
    notices.watch(worker_id, found, period=notices.watch_period(settings_of()),
                  memory=current_app.extensions.get("watch_memory"))
    return {"worker_id": worker_id, "updated_at": index.updated_at,
            "matches": [with_reasons(m) for m in found[:query["limit"]]]}


@blp.get("/vacancies/<vacancy_id>/candidates")
@require_role("service")
@blp.arguments(ListQuerySchema, location="query")
@blp.response(200, VacancyCandidatesSchema)
def vacancy_candidates(query, vacancy_id):
    """An open vacancy's best eligible workers with reasons and what matching knows of them."""
    index = ranking_index()
    found = index.vacancy_candidates(vacancy_id, query["limit"])
    if found is None:
        abort(404, description="No open approved vacancy with this id.")
    return {"vacancy_id": vacancy_id, "updated_at": index.updated_at,
            "candidates": [{**with_reasons(c), "worker": summary(index, c["worker_id"])} for c in found]}


@blp.get("/candidate-counts")
@require_role("service")
@blp.arguments(CandidateCountQuerySchema, location="query")
@blp.response(200, CandidateCountsSchema)
def candidate_counts(query):
    """How many workers are eligible for each open vacancy asked for (an employer's overview); others absent."""
    index = ranking_index()
    counts = {vacancy_id: index.candidate_count(vacancy_id) for vacancy_id in dict.fromkeys(query["vacancy"])}
    return {"counts": {vacancy_id: count for vacancy_id, count in counts.items() if count is not None}}


def summary(index: RankingIndex, worker_id: str) -> dict:
    """What an employer is shown of a candidate: no contact details, gender or age."""
    profile = index.worker_profile(worker_id) or {}
    seasons = sum(1 for entry in index.worker_history(worker_id) if entry["completed"])
    return {**{k: profile.get(k) for k in SUMMARY_FIELDS}, "past_seasons": seasons}


@blp.get("/workers/<worker_id>/itineraries")
@require_role("service")
@blp.response(200, StoredItinerariesSchema)
def worker_itineraries(worker_id):
    """Up to three sequences of open seasons over the next 12 months for a known profile."""
    plans = ranking_index().worker_itineraries(worker_id)
    if plans is None:
        abort(404, description="The matcher has no profile for this worker yet.")
    return {"worker_id": worker_id, "itineraries": plans}


@blp.get("/skills")
@require_role("service")
@blp.arguments(SkillQuerySchema, location="query")
@blp.response(200, SkillSuggestionsSchema)
def skill_suggestions(query):
    """Phrases of the skill vocabulary the matcher compares with, for a typed ``q`` (the employers' vacancy
    form suggests them, so that a vacancy's skills are words the matcher knows)."""
    return {"items": suggest(query["q"], query["limit"])}
