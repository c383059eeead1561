"""The auditors' fairness pages: women's share of candidates, offers and seasons, overall, by origin and per
employer (docs/fairness.md)."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from ethics import fairness
from ethics.pages import auditor_required

blp = Blueprint("fairness_pages", __name__, template_folder="templates")

STAGE_NAMES = {"shown": "Candidates shown", "offered": "Offers made", "completed": "Seasons completed"}


@blp.get("/auditor/fairness")
@auditor_required
def overview(principal):
    """Overall, by origin country, and the employers with the most offers."""
    return render_template("fairness.html", data=fairness.overview(), method=fairness.method(),
                           stage_names=STAGE_NAMES)


@blp.get("/auditor/fairness/<employer_id>")
@auditor_required
def employer(principal, employer_id):
    """One employer's totals, by origin country, and the test's outcome."""
    found = fairness.employer(employer_id) or abort(404)
    return render_template("fairness_employer.html", employer=found, method=fairness.method(),
                           stage_names=STAGE_NAMES)
