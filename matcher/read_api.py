"""The read model's API (``/api/v1``, role ``service``): matches, candidates and itineraries, ranked on request.

Interim on the ``notices`` branch (the stored lists are gone): ranks from the
read model in the database on each request. The ``index`` branch's version,
which ranks from the in-memory index, replaces this file.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from flask import abort, current_app
from flask_smorest import Blueprint

from matcher import lists, ranking
from matcher.read_schemas import (
    ListQuerySchema,
    StoredItinerariesSchema,
    VacancyCandidatesSchema,
    WorkerMatchesSchema,
)
from matcher.reasons import sentences
from matcher.skills import default_space
from matcher.store import OPEN, PlacementRecord, VacancyRecord, WorkerRecord, not_begun, open_vacancy_documents
from matcher.tables import VacancyTable, WorkerTable
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
    worker = WorkerRecord.objects(id=worker_id).first()
    if worker is None:
        abort(404, description="The matcher has no profile for this worker yet.")
    documents = [d for d in open_vacancy_documents() if not_begun(d)]
    history = [p.history_entry() for p in PlacementRecord.objects(worker_id=worker_id)]
    ranked = ranking.rank(worker.profile, documents, history,
                          ranker=current_app.extensions["matcher_ranker"])["matches"][:query["limit"]]
    records = {r.id: r for r in VacancyRecord.objects(id__in=[m["vacancy_id"] for m in ranked])}
    matches = [{**m, "reasons": list(m["reasons"]), "vacancy": records[m["vacancy_id"]].card()} for m in ranked]
    return {"worker_id": worker_id, "updated_at": dt.datetime.now(dt.UTC), "matches": matches}


@blp.get("/vacancies/<vacancy_id>/candidates")
@require_role("service")
@blp.arguments(ListQuerySchema, location="query")
@blp.response(200, VacancyCandidatesSchema)
def vacancy_candidates(query, vacancy_id):
    """An open vacancy's ranked eligible workers with reasons and what matching knows of them."""
    record = VacancyRecord.objects(id=vacancy_id, status=OPEN).first()
    if record is None:
        abort(404, description="No open approved vacancy with this id.")
    space = default_space()
    workers = list(WorkerRecord.objects)
    histories: dict[str, list] = {}
    for placement in PlacementRecord.objects:
        histories.setdefault(placement.worker_id, []).append(placement.history_entry())
    table = WorkerTable.from_documents([w.profile for w in workers], [histories.get(w.id, []) for w in workers],
                                       space)
    vacancies = VacancyTable.from_documents([d for d in open_vacancy_documents() if d["id"] == vacancy_id], space)
    found = lists.candidate_lists(table, vacancies, np.array([0]), query["limit"],
                                  current_app.extensions["matcher_ranker"])[0] if workers else []
    candidates = [{"worker_id": workers[i].id, "score": score, "reason_keys": list(keys),
                   "reasons": list(sentences(tuple(keys))),
                   "worker": {**{k: workers[i].profile.get(k) for k in SUMMARY_FIELDS},
                              "past_seasons": sum(p["completed"] for p in histories.get(workers[i].id, []))}}
                  for i, score, keys in found]
    return {"vacancy_id": vacancy_id, "updated_at": dt.datetime.now(dt.UTC), "candidates": candidates}


@blp.get("/workers/<worker_id>/itineraries")
@require_role("service")
@blp.response(200, StoredItinerariesSchema)
def worker_itineraries(worker_id):
    """Up to three sequences of open seasons over the next 12 months for a stored profile."""
    worker = WorkerRecord.objects(id=worker_id).first()
    if worker is None:
        abort(404, description="The matcher has no profile for this worker yet.")
    snapshot_vacancies = [d for d in open_vacancy_documents() if not_begun(d)]
    history = [p.history_entry() for p in PlacementRecord.objects(worker_id=worker_id)]
    plans = ranking.plan_itineraries(worker.profile, snapshot_vacancies, history,
                                     today=dt.datetime.now(dt.UTC).date(),
                                     ranker=current_app.extensions["matcher_ranker"])
    return {"worker_id": worker_id, "itineraries": plans}

