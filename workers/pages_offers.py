"""The offer inbox and the offer page, where the worker accepts or declines."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from services.errors import Conflict
from workers import offers
from workers.pages import page_errors, worker_required

blp = Blueprint("offers", __name__)
page_errors(blp)
PAGE_SIZE = 20


@blp.get("/offers")
@worker_required
def inbox(worker):
    """The worker's offers, newest first."""
    items, next_cursor = offers.page(str(worker.pk), PAGE_SIZE, request.args.get("cursor") or None)
    return render_template("offers.html", items=items, next_cursor=next_cursor)


@blp.get("/offers/<offer_id>")
@worker_required
def offer(worker, offer_id):
    """Every term of one offer, in plain words, and the buttons to answer it."""
    return render_template("offer.html", entry=offers.get(str(worker.pk), offer_id),
                           answered=request.args.get("answered"), conflict=False)


@blp.post("/offers/<offer_id>/<any(accept, decline):action>")
@worker_required
def respond(worker, offer_id, action):
    """Accept or decline; a second answer shows the offer as it stands."""
    try:
        offers.respond(str(worker.pk), offer_id, action)
    except Conflict:
        return render_template("offer.html", entry=offers.get(str(worker.pk), offer_id), answered=None,
                               conflict=True), 409
    return redirect(url_for("offers.offer", offer_id=offer_id, answered=action))
