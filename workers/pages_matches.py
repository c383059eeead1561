"""The matches pages: the ranked list, one match in full, and plans for the year."""

from __future__ import annotations

import logging

from flask import Blueprint, abort, render_template

from workers import matches
from workers.pages import page_errors, worker_required

log = logging.getLogger(__name__)
blp = Blueprint("matches", __name__)
page_errors(blp)


@blp.get("/matches", endpoint="matches")
@worker_required
def matches_page(worker):
    """Up to 20 matches, best first, with the reasons in the worker's language."""
    try:
        found = matches.shown_matches(str(worker.pk))
    except matches.MatcherUnavailable as exc:
        log.warning("matches page without the matcher: %s", exc)
        return render_template("matches.html", unavailable=True, found=None, worker=worker), 503
    return render_template("matches.html", unavailable=False, found=found, worker=worker)


@blp.get("/matches/<vacancy_id>")
@worker_required
def match(worker, vacancy_id):
    """Everything about one matched job."""
    try:
        found = matches.match_for(str(worker.pk), vacancy_id)
    except matches.MatcherUnavailable:
        return render_template("matches.html", unavailable=True, found=None, worker=worker), 503
    if found is None:
        abort(404)
    return render_template("match.html", match=found, vacancy=found["vacancy"])


@blp.get("/plan")
@worker_required
def plan(worker):
    """Seasons the worker could chain over the next twelve months, as the matcher proposes them."""
    try:
        plans, by_id = matches.itineraries_for(str(worker.pk))
    except matches.MatcherUnavailable:
        return render_template("matches.html", unavailable=True, found=None, worker=worker), 503
    return render_template("plan.html", plans=plans, by_id=by_id)
