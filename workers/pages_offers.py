"""The offer inbox and the offer page, where the worker accepts or declines, and rates a completed season."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from marshmallow import ValidationError

from services.errors import Conflict
from workers import offers, ratings
from workers.pages import page_errors, worker_required
from workers.schemas import RatingAnswersSchema, RatingSchema

blp = Blueprint("offers", __name__)
page_errors(blp)
PAGE_SIZE = 20


@blp.get("/offers")
@worker_required
def inbox(worker):
    """The worker's offers, newest first."""
    items, next_cursor = offers.page(str(worker.pk), PAGE_SIZE, request.args.get("cursor") or None)
    return render_template("offers.html", items=items, next_cursor=next_cursor,
                           employer_ratings=ratings.aggregates(o.employer_id for o in items))


@blp.get("/offers/<offer_id>")
@worker_required
def offer(worker, offer_id):
    """Every term of one offer, in plain words, the buttons to answer it, and the rating form once the
    season is completed."""
    return _offer_page(offers.get(str(worker.pk), offer_id), answered=request.args.get("answered"))


def _offer_page(entry, status: int = 200, **shown):
    """The offer page of ``entry``; ``shown``: ``answered``, ``conflict``, ``rating_conflict``, ``rating_form``,
    ``rating_errors``."""
    context = {"answered": None, "conflict": False, "rating_conflict": False, "rating_form": {},
               "rating_errors": {}, **shown}
    return render_template("offer.html", entry=entry, rateable=ratings.rateable(entry),
                           recruiter=ratings.recruiter_of(entry),
                           employer_rating=ratings.aggregates([entry.employer_id])[entry.employer_id],
                           **context), status


@blp.post("/offers/<offer_id>/rating")
@worker_required
def rate(worker, offer_id):
    """Rate a completed season from the form; the form again with what is missing, or the page as it stands
    if the season cannot be rated (any more)."""
    try:
        ratings.rate(str(worker.pk), offer_id, RatingSchema().load(rating_data(request.form)))
    except ValidationError as exc:
        return _offer_page(offers.get(str(worker.pk), offer_id), 422, rating_form=request.form,
                           rating_errors=exc.messages)
    except Conflict:
        return _offer_page(offers.get(str(worker.pk), offer_id), 409, rating_conflict=True)
    return redirect(url_for("offers.offer", offer_id=offer_id, answered="rated"))


def rating_data(form) -> dict:
    """The rating form as ``RatingSchema`` reads the API's JSON: numbers for the stars, true or false for
    each yes/no question (left out when not answered), the box ticked or not."""
    data = {"employer_rating": _stars(form.get("employer_rating")),
            "answers": {name: form[name] == "yes" for name in RatingAnswersSchema().fields
                        if form.get(name) in ("yes", "no")},
            "comment": form.get("comment", ""), "send_comment_to_auditors": form.get("send_comment_to_auditors") == "1"}
    if form.get("recruiter_rating"):
        data["recruiter_rating"] = _stars(form["recruiter_rating"])
    return data


def _stars(raw: str | None):
    return int(raw) if raw and raw.isdigit() and len(raw) == 1 else raw


@blp.post("/offers/<offer_id>/<any(accept, decline):action>")
@worker_required
def respond(worker, offer_id, action):
    """Accept or decline; a second answer shows the offer as it stands."""
    try:
        offers.respond(str(worker.pk), offer_id, action)
    except Conflict:
        return _offer_page(offers.get(str(worker.pk), offer_id), 409, conflict=True)
    return redirect(url_for("offers.offer", offer_id=offer_id, answered=action))
