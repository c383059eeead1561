"""The JSON API of the recruiter registry and the auditors' risk list (``/api/v1``, auditors only)."""

from __future__ import annotations

from flask import abort, g
from flask_smorest import Blueprint

from ethics import ranking, recruiters, risk
from ethics.flags import object_id
from ethics.models import Auditor
from ethics.schemas_registry import (
    CreatedSchema,
    RecruiterChangeSchema,
    RecruiterCreateSchema,
    RecruiterPageSchema,
    RecruiterQuerySchema,
    RecruiterSchema,
    RiskPageSchema,
    RiskQuerySchema,
)
from services.auth import require_role

blp = Blueprint("registry_api", __name__, url_prefix="/api/v1", description="Recruiter registry and risk")


@blp.get("/recruiters")
@require_role("auditor")
@blp.arguments(RecruiterQuerySchema, location="query")
@blp.response(200, RecruiterPageSchema)
def list_recruiters(args):
    """Registered recruiters newest first, filtered by ``country``, ``licence`` and ``status``."""
    items, next_cursor = recruiters.page(args, args["limit"], args.get("cursor"))
    return {"items": [recruiters.to_dict(r) for r in items], "next_cursor": next_cursor}


@blp.post("/recruiters")
@require_role("auditor")
@blp.arguments(RecruiterCreateSchema)
@blp.response(201, CreatedSchema)
def create_recruiter(data):
    """Register a recruiter (409 when its licence is registered already)."""
    auditor = _auditor()
    return {"id": str(recruiters.create(data, str(auditor.id), auditor.email).id)}


@blp.get("/recruiters/<recruiter_id>")
@require_role("auditor")
@blp.response(200, RecruiterSchema)
def get_recruiter(recruiter_id):
    """One registry entry with its history."""
    return recruiters.to_dict(recruiters.get(recruiter_id))


@blp.patch("/recruiters/<recruiter_id>")
@require_role("auditor")
@blp.arguments(RecruiterChangeSchema)
@blp.response(200, RecruiterSchema)
def change_recruiter(data, recruiter_id):
    """Change ``status``, ``valid_until`` or ``source``; every change is kept in ``history`` (409 when another
    auditor changed the entry meanwhile)."""
    auditor = _auditor()
    return recruiters.to_dict(recruiters.change(recruiter_id, data, str(auditor.id), auditor.email))


@blp.get("/risk")
@require_role("auditor")
@blp.arguments(RiskQuerySchema, location="query")
@blp.response(200, RiskPageSchema)
def risk_list(args):
    """Employers and recruiters worst first by a recency-weighted score of confirmed and open blocking flags,
    grievances and low worker ratings (``weights`` and ``half_life_days`` say how it is made)."""
    items, next_cursor = ranking.ranked(args.get("kind"), args["limit"], args.get("cursor"))
    return {"items": items, "next_cursor": next_cursor, "half_life_days": risk.HALF_LIFE_DAYS,
            "weights": risk.weights_table()}


def _auditor() -> Auditor:
    auditor = Auditor.objects(id=object_id(g.principal.subject)).first()
    if auditor is None:
        abort(401)
    return auditor
