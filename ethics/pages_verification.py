"""The auditors' verification pages: the queue of employers' registrations, and the decision on one."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, redirect, render_template, request, url_for
from marshmallow import ValidationError

from ethics import flags, verifications
from ethics.models import Auditor
from ethics.pages import auditor_required
from ethics.schemas import RegistrationQuerySchema, VerificationSchema
from services.errors import Conflict

blp = Blueprint("verification_pages", __name__, template_folder="templates")


@blp.get("/auditor/verification")
@auditor_required
def queue(principal):
    """Registrations newest first; the unverified ones unless another state is asked for."""
    try:
        args = RegistrationQuerySchema().load({"verification": "unverified", **request.args.to_dict()})
    except ValidationError:
        abort(422)
    items, next_cursor = verifications.page(args.get("verification"), args["limit"], args.get("cursor"))
    next_url = None
    if next_cursor:
        next_url = f"{url_for('verification_pages.queue')}?" + urlencode(
            {"verification": args.get("verification", ""), "cursor": next_cursor})
    return render_template("verification_queue.html", items=items, state=args.get("verification"),
                           next_url=next_url)


@blp.get("/auditor/verification/<employer_id>")
@auditor_required
def detail(principal, employer_id):
    """One employer's registration, what the auditors know of it, its decisions, and the decision form."""
    return _detail(employer_id, errors={}, problem=None, status=200)


@blp.post("/auditor/verification/<employer_id>")
@auditor_required
def decide(principal, employer_id):
    """Record a decision (verify or reject, with a note), then show the registration again."""
    try:
        decision = VerificationSchema().load({"decision": request.form.get("decision", ""),
                                              "note": request.form.get("note", "")})
    except ValidationError as exc:
        return _detail(employer_id, errors=exc.messages, problem=None, status=422)
    auditor = Auditor.objects(id=flags.object_id(principal.subject)).first() or abort(403)
    try:
        verifications.decide(employer_id, decision["decision"], decision["note"], str(auditor.id), auditor.email)
    except Conflict as exc:
        return _detail(employer_id, errors={}, problem=exc.message, status=409)
    return redirect(url_for("verification_pages.detail", employer_id=employer_id))


def _detail(employer_id: str, errors: dict, problem: str | None, status: int):
    registration = verifications.get(employer_id)
    return render_template("verification.html", registration=registration, errors=errors, problem=problem,
                           history=verifications.history(str(registration.id))), status
