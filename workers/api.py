"""The workers service's JSON API (``/api/v1``): accounts, tokens, the worker's profile and matches."""

from __future__ import annotations

from bson import ObjectId
from bson.errors import InvalidId
from flask import abort, g, jsonify
from flask_smorest import Blueprint

from services.auth import require_role
from services.web.account import add_account_endpoints
from services.web.compression import gzipped_json
from services.web.sign_in import add_sign_up_endpoint, add_token_endpoint
from workers import erasure, export, matches, profiles
from workers.models import Worker
from workers.schemas import (
    AccountSchema,
    CreatedSchema,
    ErasedSchema,
    ExportSchema,
    MatchesOutSchema,
    ProfileOutSchema,
    ProfileSchema,
)

blp = Blueprint("api", __name__, url_prefix="/api/v1", description="Workers: accounts, profile and matches")
GONE = "This account no longer exists."

def current_worker() -> Worker:
    """The worker of this request's bearer token (401 if the account is gone)."""
    try:
        worker = Worker.objects(pk=ObjectId(g.principal.subject)).first()
    except InvalidId:
        worker = None
    if worker is None:
        abort(401, description=GONE)
    return worker


def current_worker_id() -> str:
    """The id of this request's worker, checked to exist (401 if gone) without loading the profile."""
    try:
        found = Worker._get_collection().find_one({"_id": ObjectId(g.principal.subject)}, {"_id": 1})
    except InvalidId:
        found = None
    if found is None:
        abort(401, description=GONE)
    return str(found["_id"])


add_account_endpoints(blp, "worker", lambda _subject: current_worker())


def profile_dict(worker: Worker) -> dict:
    return {"id": str(worker.pk), "email": worker.email, "ui_language": worker.ui_language,
            "revision": worker.revision, **profiles.current_profile(worker)}


add_sign_up_endpoint(blp, AccountSchema, CreatedSchema, profiles.create_worker,
                     "Create a worker account from the contract's worker document; 409 if the e-mail is taken.")
add_token_endpoint(blp, Worker, "worker", "A worker's bearer token (wrong passwords are rate limited).")


@blp.get("/me")
@require_role("worker")
@blp.response(200, ProfileOutSchema)
def me():
    """The worker's own profile."""
    return profile_dict(current_worker())


@blp.put("/me")
@require_role("worker")
@blp.arguments(ProfileSchema)
@blp.response(200, ProfileOutSchema)
def update_me(changes):
    """Change the profile (absent fields keep their value); publishes ``worker.profile_updated``."""
    return profile_dict(profiles.update_profile(current_worker(), changes))


@blp.get("/me/matches")
@require_role("worker")
@blp.response(200, MatchesOutSchema)
def my_matches():
    """Ranked matches over approved, open vacancies, best first (empty while being prepared)."""
    # The busiest read: this process's cached bytes, as this schema dumps them, sent as they are.
    body = matches.cached_answer(g.principal.subject)
    if body is None:
        worker_id = current_worker_id()
        try:
            body = matches.fresh_answer(worker_id)
        except matches.MatcherUnavailable:
            abort(503, description="Matches cannot be read right now; try again in a few minutes.")
    return gzipped_json(body)


@blp.get("/me/export")
@require_role("worker")
@blp.response(200, ExportSchema)
def my_export():
    """Everything this service holds about the worker, as JSON (``workers.export``)."""
    # Sent as built: a schema's dump would drop the sections it does not list.
    return jsonify(export.export(current_worker()))


@blp.delete("/me")
@require_role("worker")
@blp.response(202, ErasedSchema)
def erase_me():
    """Erase the account (idempotent: an erased account answers the same) and publish ``worker.erased``;
    the other services forget the worker as they read it."""
    erasure.erase(g.principal.subject)
    return {"status": "erased"}
