"""Rights and help: fair recruitment in plain words, and the grievance form (open to anyone)."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from marshmallow import ValidationError

from services.errors import TooManyRequests
from workers import grievances, labels, offers
from workers.pages import page_errors, signed_in_worker
from workers.schemas import ID_PATTERN, GrievanceSchema

blp = Blueprint("help", __name__)
page_errors(blp)


@blp.get("/rights")
def rights():
    """Your rights when you are recruited, and whom to contact."""
    return render_template("rights.html")


@blp.route("/report", methods=["GET", "POST"])
def report():
    """Tell us about a problem with an employer or an offer; anonymous if you wish.

    Which offer or employer the report is about comes in the body of a POST (the offer and job pages'
    buttons send ``start``), never in the address: access logs keep addresses, and would pair the
    worker's with the report.
    """
    worker = signed_in_worker()
    form = request.form if request.method == "POST" else {}
    errors = {}
    if request.method == "POST" and not form.get("start"):
        data = {"category": form.get("category", ""), "text": form.get("text", ""),
                "employer_id": _id_or_blank(form.get("employer_id")), "offer_id": _id_or_blank(form.get("offer_id")),
                "anonymous": worker is None or form.get("anonymous") == "1"}
        try:
            loaded = GrievanceSchema().load(data)
            grievances.rate_limit(current_app.config["LP_CLIENT_HASH_KEY"],
                                  None if loaded["anonymous"] else str(worker.pk), request.remote_addr)
            grievances.file_grievance(loaded, str(worker.pk) if worker else None)
            return redirect(url_for("help.report_sent"))
        except ValidationError as exc:
            errors = exc.messages
        except TooManyRequests:
            errors = {"form": ["rate_limited"]}
    about = _about(worker, form.get("offer_id", ""))
    return render_template("report.html", form=form, errors=errors, worker=worker, about=about,
                           categories=labels.CATEGORIES), 422 if errors else 200


def _id_or_blank(value: str | None) -> str:
    # The ids come from links on our pages; a mangled one is dropped rather
    # than shown as an error about a field the person cannot see.
    return value if value and ID_PATTERN.fullmatch(value) else ""


def _about(worker, offer_id: str):
    """The worker's own offer the report is about, to name it on the form."""
    if worker is None or not offer_id:
        return None
    return offers.own(str(worker.pk), offer_id)


@blp.get("/report/sent")
def report_sent():
    """What happens after a report."""
    return render_template("report_sent.html")
