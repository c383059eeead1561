"""The auditors' pages of the recruiter registry, the risk list and each party's record."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, redirect, render_template, request, url_for
from marshmallow import ValidationError

from ethics import charts, flags, parties, ranking, recruiters, risk
from ethics.models import Auditor
from ethics.pages import auditor_required
from ethics.rules.recruiters import STATUSES
from ethics.schemas_registry import RecruiterChangeSchema, RecruiterCreateSchema, RecruiterQuerySchema, RiskQuerySchema
from services.errors import Conflict, Incomplete

blp = Blueprint("registry_pages", __name__, template_folder="templates")

MEASURE_LABELS = {"flags": "Flags raised", "open_block": "Open blocks", "confirmed": "Confirmed",
                  "grievances": "Grievances", "low_ratings": "Low ratings", "reviewed": "Documents reviewed",
                  "blocked": "Documents blocked"}


@blp.get("/auditor/recruiters")
@auditor_required
def recruiter_list(principal):
    """Registered recruiters with filters and paging, and the form to register one."""
    return _list(errors={}, status=200)


@blp.post("/auditor/recruiters")
@auditor_required
def recruiter_create(principal):
    """Register a recruiter, then show its page."""
    try:
        data = RecruiterCreateSchema().load(_form(RecruiterCreateSchema))
        auditor = _auditor(principal)
        recruiter = recruiters.create(data, str(auditor.id), auditor.email)
    except ValidationError as exc:
        return _list(errors=exc.messages, status=422)
    except Incomplete as exc:
        return _list(errors=exc.fields, status=422)
    except Conflict as exc:
        return _list(errors={"licence": [exc.message]}, status=409)
    return redirect(url_for("registry_pages.recruiter_detail", recruiter_id=recruiter.id))


@blp.get("/auditor/recruiters/<recruiter_id>")
@auditor_required
def recruiter_detail(principal, recruiter_id):
    """One registry entry, its history of changes, and the form to change it."""
    return _detail(recruiter_id, errors={}, problem=None, status=200)


@blp.post("/auditor/recruiters/<recruiter_id>")
@auditor_required
def recruiter_change(principal, recruiter_id):
    """Change an entry's status, valid-until day or source, then show it again."""
    try:
        data = RecruiterChangeSchema().load(_form(RecruiterChangeSchema))
    except ValidationError as exc:
        return _detail(recruiter_id, errors=exc.messages, problem=None, status=422)
    auditor = _auditor(principal)
    try:
        recruiters.change(recruiter_id, data, str(auditor.id), auditor.email)
    except Conflict as exc:
        return _detail(recruiter_id, errors={}, problem=exc.message, status=409)
    return redirect(url_for("registry_pages.recruiter_detail", recruiter_id=recruiter_id))


@blp.get("/auditor/risk")
@auditor_required
def risk_list(principal):
    """Employers and recruiters worst first, with the weights of the score."""
    try:
        args = RiskQuerySchema().load({k: v for k, v in request.args.items() if v})
    except ValidationError:
        abort(422)
    items, next_cursor = ranking.ranked(args.get("kind"), args["limit"], args.get("cursor"))
    next_url = (f"{url_for('registry_pages.risk_list')}?" + urlencode({**({"kind": args["kind"]} if args.get("kind")
                                                                          else {}), "cursor": next_cursor})
                if next_cursor else None)
    return render_template("risk.html", items=items, weights=risk.weights_table(), half_life=risk.HALF_LIFE_DAYS,
                           kind=args.get("kind"), next_url=next_url, low=risk.LOW_RATING)


@blp.get("/auditor/parties/<kind>/<key>")
@auditor_required
def party(principal, kind, key):
    """An employer's or a recruiter's record: flags, vacancies under review, the 12-month trend, decisions."""
    key = ranking.party_key(kind, key)
    record = ranking.record(kind, key)
    items, next_cursor = flags.page({FLAG_FILTER[kind]: key, "limit": 20})
    more_url = f"{url_for('pages.flag_list')}?{urlencode({FLAG_FILTER[kind]: key})}" if next_cursor else None
    chart = charts.small_multiples(record["starts"], record["trend"], MEASURE_LABELS,
                                   f"{record['name'] or key}: the last 12 months, one chart per measure")
    return render_template("party.html", kind=kind, key=key, record=record, flags=items, more_url=more_url,
                           chart=chart, labels=MEASURE_LABELS, names=parties.names_of_flags(items))


FLAG_FILTER = {"employer": "employer", "recruiter": "recruiter"}


def _list(errors: dict, status: int):
    try:
        args = RecruiterQuerySchema().load({k: v for k, v in request.args.items() if v})
    except ValidationError as exc:
        args, errors = {"limit": 50}, {**errors, **exc.messages}
    items, next_cursor = recruiters.page(args, args["limit"], args.get("cursor"))
    filters = {k: v for k, v in request.args.items() if k != "cursor" and v}
    next_url = f"{url_for('registry_pages.recruiter_list')}?{urlencode({**filters, 'cursor': next_cursor})}" \
        if next_cursor else None
    return render_template("recruiters.html", items=items, filters=filters, errors=errors, statuses=STATUSES,
                           next_url=next_url, form=request.form, may_recruit=recruiters.may_recruit), status


def _detail(recruiter_id: str, errors: dict, problem: str | None, status: int):
    recruiter = recruiters.get(recruiter_id)
    return render_template("recruiter.html", recruiter=recruiter, errors=errors, problem=problem, statuses=STATUSES,
                           may_recruit=recruiters.may_recruit(recruiter)), status


def _form(schema) -> dict:
    """The form's fields the schema knows, the empty ones left out (an empty field changes nothing)."""
    return {k: v.strip() for k, v in request.form.items() if k in schema._declared_fields and v.strip()}


def _auditor(principal) -> Auditor:
    return Auditor.objects(id=flags.object_id(principal.subject)).first() or abort(403)
