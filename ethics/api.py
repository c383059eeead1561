"""The ethics service's JSON API (``/api/v1``)."""

from __future__ import annotations

from flask import Response, abort, g, request, stream_with_context
from flask_smorest import Blueprint

from ethics import engine, fairness, flags, recruiters, two_factor, verifications
from ethics.models import Auditor
from ethics.rules.wages import minimum_for, regional_places
from ethics.schemas import (
    AuditorTokenRequestSchema,
    CheckRequestSchema,
    DecisionSchema,
    FairnessEmployerSchema,
    FairnessOverviewSchema,
    FlagPageSchema,
    FlagQuerySchema,
    MinimumWageQuerySchema,
    MinimumWageSchema,
    RegionListSchema,
    RegistrationPageSchema,
    RegistrationQuerySchema,
    RegistrationSchema,
    RulesSchema,
    StoredFlagSchema,
    VerdictSchema,
    VerificationSchema,
)
from services.auth import require_role
from services.errors import NotFound
from services.flag_messages import best_language, localised_flags
from services.web.account import add_account_endpoints
from services.web.app import settings_of
from services.web.sign_in import add_token_endpoint

blp = Blueprint("api", __name__, url_prefix="/api/v1", description="Fair-recruitment checks and flags")
add_account_endpoints(blp, "auditor", Auditor.signed_in)


@blp.post("/checks")
@blp.arguments(CheckRequestSchema)
@blp.response(200, VerdictSchema)
def check(request_body):
    """Dry-run check of a vacancy, or of an offer against its vacancy (its recruiter's licence against the
    recruiter registry, as the event flow does); nothing is stored. Each flag's
    ``message`` follows ``Accept-Language`` (en, es, fr, pt, ht)."""
    budget = settings_of().check_budget_seconds
    if request_body["kind"] == "vacancy":
        registry = recruiters.registry_for(request_body["document"].get("recruiter"))
        result = engine.check_vacancy(request_body["document"], budget, registry).to_dict()
    else:
        vacancy = request_body.get("vacancy")
        registry = recruiters.registry_for(vacancy.get("recruiter")) if vacancy else None
        result = engine.check_offer(request_body["document"], vacancy, budget, registry).to_dict()
    # The reasons in the reader's language (Accept-Language); the flags keep their contract shape.
    return {**result, "flags": localised_flags(result["flags"], best_language(request.accept_languages))}


@blp.get("/rules")
@blp.response(200, RulesSchema)
def rules():
    """The rule catalogue: id, severity, principle, description."""
    return {"rules_version": engine.RULES_VERSION, "items": engine.catalogue()}


@blp.get("/minimum-wage")
@blp.arguments(MinimumWageQuerySchema, location="query")
@blp.response(200, MinimumWageSchema)
def minimum_wage(args):
    """The legal minimum the wage rule compares with: the region's if listed, else the country's, in force
    on ``on`` (the latest if no date). 404 when the table has no minimum for the country."""
    found = minimum_for(args["country"], args["region"], args["on"])
    if found is None:
        abort(404, description="No minimum wage is known for this place.")
    return {"country": found.country, "region": found.region, "amount": found.amount, "currency": found.currency,
            "per": found.per, "effective": found.effective, "source": found.source}


@blp.get("/minimum-wage/regions")
@blp.response(200, RegionListSchema)
def minimum_wage_regions():
    """The regions (provinces, states, zones) the minimum wage table lists, by country: the employers'
    vacancy form offers them as the destination's region."""
    return {"items": [{"country": country, "region": region} for country, region in regional_places()]}


add_token_endpoint(blp, Auditor, "auditor",
                   "An auditor's bearer token; an auditor enrolled in two-factor sign-in also sends ``otp``.",
                   AuditorTokenRequestSchema, two_factor.check_token_request)


@blp.get("/flags")
@require_role("auditor")
@blp.arguments(FlagQuerySchema, location="query")
@blp.response(200, FlagPageSchema)
def list_flags(args):
    """Flags, newest first, filtered by employer, rule, severity, status and date range."""
    items, next_cursor = flags.page(args)
    return {"items": [flags.to_dict(f) for f in items], "next_cursor": next_cursor}


@blp.get("/flags.csv")
@require_role("auditor")
@blp.arguments(FlagQuerySchema, location="query")
@blp.doc(responses={"200": {"description": "One row per flag, with a header row",
                            "content": {"text/csv": {"schema": {"type": "string"}}}}})
def export_flags(args):
    """The filtered flags as CSV."""
    return Response(stream_with_context(flags.csv_text(args)), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=flags.csv"})


@blp.post("/flags/<flag_id>/decision")
@require_role("auditor")
@blp.arguments(DecisionSchema)
@blp.response(200, StoredFlagSchema)
def decide(decision, flag_id):
    """Confirm or dismiss a flag with a note; earlier decisions are kept."""
    auditor = _auditor()
    return flags.to_dict(flags.decide(flag_id, decision["decision"], decision["note"], str(auditor.id), auditor.email))


@blp.get("/employers")
@require_role("auditor")
@blp.arguments(RegistrationQuerySchema, location="query")
@blp.response(200, RegistrationPageSchema)
def list_employers(args):
    """Employers' registrations newest first; ``?verification=unverified`` is the verification queue."""
    items, next_cursor = verifications.page(args.get("verification"), args["limit"], args.get("cursor"))
    return {"items": [verifications.to_dict(r) for r in items], "next_cursor": next_cursor}


@blp.post("/employers/<employer_id>/verification")
@require_role("auditor")
@blp.arguments(VerificationSchema)
@blp.response(200, RegistrationSchema)
def verify_employer(decision, employer_id):
    """Verify or reject an employer's registration with a note; publishes ``employer.verified`` (409 when
    another auditor decided meanwhile)."""
    auditor = _auditor()
    registration = verifications.decide(employer_id, decision["decision"], decision["note"], str(auditor.id),
                                        auditor.email)
    return verifications.to_dict(registration)


@blp.get("/fairness")
@require_role("auditor")
@blp.response(200, FairnessOverviewSchema)
def fairness_overview():
    """The gender-responsive fairness audit: women's share of the candidates shown, the offers made and the
    seasons completed, overall, by origin and for the employers with the most offers (docs/fairness.md)."""
    return {**fairness.overview(), "method": fairness.method()}


@blp.get("/fairness/<employer_id>")
@require_role("auditor")
@blp.response(200, FairnessEmployerSchema)
def fairness_of_employer(employer_id):
    """One employer's fairness totals, by origin, and the test's outcome."""
    found = fairness.employer(employer_id)
    if found is None:
        raise NotFound("No fairness totals for this employer yet.")
    return found


def _auditor() -> Auditor:
    auditor = Auditor.objects(id=flags.object_id(g.principal.subject)).first()
    if auditor is None:
        abort(401)
    return auditor
