"""Web pages: the public rule catalogue and the auditors' flag review."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, redirect, render_template, request, stream_with_context, url_for
from marshmallow import ValidationError

from ethics import engine, flags, parties, reports, two_factor
from ethics.models import Auditor
from ethics.schemas import DecisionSchema, FlagQuerySchema
from services.auth import logout_session, session_principal
from services.web.sign_in import WRONG_PASSWORD, LoginPage, add_login_page

blp = Blueprint("pages", __name__, template_folder="templates", static_folder="static",
                static_url_path="/static/ethics")


def auditor_required(view):
    """Page decorator: auditors only; others are sent to the login page."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        principal = session_principal()
        if principal is None or principal.role != "auditor":
            return redirect(url_for("pages.login", next=request.full_path))
        return view(principal, *args, **kwargs)

    return wrapped


@blp.get("/")
def index():
    """What the ethics service does, with links."""
    return render_template("index.html", version=engine.RULES_VERSION)


@blp.get("/rules")
def rules():
    """The rule catalogue, for everyone."""
    return render_template("rules.html", rules=engine.catalogue(), version=engine.RULES_VERSION)


add_login_page(blp, LoginPage(
    Auditor, "auditor", home="pages.flag_list", wrong=lambda: WRONG_PASSWORD,
    incomplete=lambda: "Enter your e-mail address and password.", after_password=two_factor.after_password))


@blp.post("/logout")
def logout():
    """End the session."""
    logout_session()
    return redirect(url_for("pages.index"))


@blp.get("/auditor/flags")
@auditor_required
def flag_list(principal):
    """Flags with filters and paging."""
    try:
        args = FlagQuerySchema().load(request.args.to_dict())
    except ValidationError as exc:
        return render_template("flags.html", items=[], errors=exc.messages, filters=request.args,
                               next_url=None, csv_url=None, rules=engine.catalogue(), names={}), 422
    items, next_cursor = flags.page(args)
    filters = {k: v for k, v in request.args.items() if k != "cursor" and v}
    next_url = f"{url_for('pages.flag_list')}?{urlencode({**filters, 'cursor': next_cursor})}" if next_cursor else None
    csv_url = f"{url_for('pages.flag_csv')}?{urlencode(filters)}"
    return render_template("flags.html", items=items, errors={}, filters=request.args, next_url=next_url,
                           csv_url=csv_url, rules=engine.catalogue(), names=parties.names_of_flags(items))


@blp.get("/auditor/flags.csv")
@auditor_required
def flag_csv(principal):
    """The filtered list as a CSV download."""
    try:
        args = FlagQuerySchema().load(request.args.to_dict())
    except ValidationError:
        abort(422)
    return Response(stream_with_context(flags.csv_text(args)), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=flags.csv"})


@blp.get("/auditor/flags/<flag_id>")
@auditor_required
def flag_detail(principal, flag_id):
    """One flag: evidence, the document, decisions so far, and the decision form."""
    flag = flags.get(flag_id)
    return render_template("flag.html", flag=flag, errors={}, names=parties.names_of_flags([flag]))


@blp.post("/auditor/flags/<flag_id>/decision")
@auditor_required
def flag_decision(principal, flag_id):
    """Record a decision, then show the flag again."""
    try:
        decision = DecisionSchema().load({"decision": request.form.get("decision", ""),
                                          "note": request.form.get("note", "")})
    except ValidationError as exc:
        flag = flags.get(flag_id)
        return render_template("flag.html", flag=flag, errors=exc.messages, names=parties.names_of_flags([flag])), 422
    auditor = Auditor.objects(id=flags.object_id(principal.subject)).first() or abort(403)
    flags.decide(flag_id, decision["decision"], decision["note"], str(auditor.id), auditor.email)
    return redirect(url_for("pages.flag_detail", flag_id=flag_id))


@blp.get("/auditor/employers")
@auditor_required
def compliance(principal):
    """Compliance summary per employer and flags by rule over time."""
    starts, counts = reports.weekly_counts()
    rows = reports.compliance_by_employer()
    return render_template("compliance.html", rows=rows, starts=starts, counts=counts,
                           names=parties.names(("employer", row["employer_id"]) for row in rows))


@blp.get("/auditor/trends.svg")
@auditor_required
def trends_svg(principal):
    """Flags by rule per week, as an SVG chart."""
    return Response(reports.chart_svg(*reports.weekly_counts()), mimetype="image/svg+xml")
