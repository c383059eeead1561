"""The read model's API (``/api/v1``, role ``service``): stored matches, candidates and itineraries.

The lists are computed ahead by the refresher; a read is a couple of
look-ups. Vacancies are joined at read time and only open ones are shown,
so a vacancy closed a moment ago never slips through a list not yet redone.
"""

from __future__ import annotations

import datetime as dt

from flask import abort, current_app
from flask_smorest import Blueprint

from matcher import ranking
from matcher.read_schemas import (
    ListQuerySchema,
    StoredItinerariesSchema,
    VacancyCandidatesSchema,
    WorkerMatchesSchema,
)
from matcher.reasons import sentences
from matcher.snapshot import Snapshot, not_begun
from matcher.store import OPEN, PlacementRecord, VacancyCandidates, VacancyRecord, WorkerMatches, WorkerRecord
from services.auth import require_role

blp = Blueprint("read_model", __name__, url_prefix="/api/v1",
                description="Matches and candidates kept fresh from events (for the other services)")

SUMMARY_FIELDS = ("display_name", "origin_country", "languages", "skills", "certifications", "availability")


@blp.get("/workers/<worker_id>/matches")
@require_role("service")
@blp.arguments(ListQuerySchema, location="query")
@blp.response(200, WorkerMatchesSchema)
def worker_matches(query, worker_id):
    """A worker's ranked open vacancies with reasons and the vacancy documents."""
    stored = WorkerMatches.objects(id=worker_id).only("entries", "updated_at").first()
    # A worker's list exists once the refresher saw the profile; before that, say whether we know them.
    if stored is None and not WorkerRecord.objects(id=worker_id).only("id").first():
        abort(404, description="The matcher has no profile for this worker yet.")
    items = stored.items if stored else []
    # One `_id $in` read (indexed on FerretDB too, with the build's patch). Only open vacancies whose
    # season has not begun: one closed or begun since the list was made is no longer offered.
    records = {r.id: r for r in VacancyRecord.objects(id__in=[i["vacancy_id"] for i in items])
               if r.status == OPEN and not_begun(r.document)}
    matches = [{**item, "reasons": list(sentences(tuple(item["reason_keys"]))),
                "vacancy": records[item["vacancy_id"]].card()}
               for item in items if item["vacancy_id"] in records][:query["limit"]]
    return {"worker_id": worker_id, "updated_at": stored.updated_at if stored else None, "matches": matches}


@blp.get("/vacancies/<vacancy_id>/candidates")
@require_role("service")
@blp.arguments(ListQuerySchema, location="query")
@blp.response(200, VacancyCandidatesSchema)
def vacancy_candidates(query, vacancy_id):
    """An open vacancy's ranked eligible workers with reasons and what matching knows of them."""
    if not VacancyRecord.objects(id=vacancy_id, status=OPEN).only("id").first():
        abort(404, description="No open approved vacancy with this id.")
    stored = VacancyCandidates.objects(id=vacancy_id).first()
    items = stored.items[:query["limit"]] if stored else []
    ids = [i["worker_id"] for i in items]
    profiles = {w.id: w.profile for w in WorkerRecord.objects(id__in=ids)}
    seasons: dict[str, int] = {}
    for placement in PlacementRecord.objects(worker_id__in=ids, completed=True).only("worker_id"):
        seasons[placement.worker_id] = seasons.get(placement.worker_id, 0) + 1
    candidates = [{**item, "reasons": list(sentences(tuple(item["reason_keys"]))),
                   "worker": {**{k: profiles[item["worker_id"]].get(k) for k in SUMMARY_FIELDS},
                              "past_seasons": seasons.get(item["worker_id"], 0)}}
                  for item in items if item["worker_id"] in profiles]
    return {"vacancy_id": vacancy_id, "updated_at": stored.updated_at if stored else None,
            "candidates": candidates}


@blp.get("/workers/<worker_id>/itineraries")
@require_role("service")
@blp.response(200, StoredItinerariesSchema)
def worker_itineraries(worker_id):
    """Up to three sequences of open seasons over the next 12 months for a stored profile."""
    worker = WorkerRecord.objects(id=worker_id).first()
    if worker is None:
        abort(404, description="The matcher has no profile for this worker yet.")
    snapshot_vacancies = [d for d in Snapshot.open_vacancy_documents() if not_begun(d)]
    history = [p.history_entry() for p in PlacementRecord.objects(worker_id=worker_id)]
    plans = ranking.plan_itineraries(worker.profile, snapshot_vacancies, history,
                                     today=dt.datetime.now(dt.UTC).date(),
                                     ranker=current_app.extensions["matcher_ranker"])
    return {"worker_id": worker_id, "itineraries": plans}

