"""The JSON API of offers and grievances."""

from __future__ import annotations

from flask import current_app, g, request
from flask_smorest import Blueprint

from services.auth import bearer_principal, require_role
from workers import grievances, offers, ratings
from workers.schemas import (
    CreatedSchema,
    GrievanceSchema,
    OfferOutSchema,
    OfferPageSchema,
    OfferQuerySchema,
    RatingSchema,
)

blp = Blueprint("api_offers", __name__, url_prefix="/api/v1", description="Workers: offers and grievances")


@blp.get("/me/offers")
@require_role("worker")
@blp.arguments(OfferQuerySchema, location="query")
@blp.response(200, OfferPageSchema)
def my_offers(args):
    """Offers sent to this worker, newest first (only those the ethics service passed or flagged)."""
    items, next_cursor = offers.page(g.principal.subject, args["limit"], args.get("cursor"))
    shown = ratings.aggregates(o.employer_id for o in items)
    return {"items": [offers.to_dict(o, shown[o.employer_id]) for o in items], "next_cursor": next_cursor}


@blp.get("/me/offers/<offer_id>")
@require_role("worker")
@blp.response(200, OfferOutSchema)
def my_offer(offer_id):
    """One offer of this worker's; another worker's is a 404."""
    return _out(offers.get(g.principal.subject, offer_id))


def _out(offer):
    return offers.to_dict(offer, ratings.aggregates([offer.employer_id])[offer.employer_id])


@blp.post("/me/offers/<offer_id>/accept")
@require_role("worker")
@blp.response(200, OfferOutSchema)
def accept(offer_id):
    """Accept a sent offer (409 otherwise); publishes ``offer.responded``."""
    return _out(offers.respond(g.principal.subject, offer_id, "accept"))


@blp.post("/me/offers/<offer_id>/decline")
@require_role("worker")
@blp.response(200, OfferOutSchema)
def decline(offer_id):
    """Decline a sent offer (409 otherwise); publishes ``offer.responded``."""
    return _out(offers.respond(g.principal.subject, offer_id, "decline"))


@blp.post("/me/offers/<offer_id>/rating")
@require_role("worker")
@blp.arguments(RatingSchema)
@blp.response(201, OfferOutSchema)
def rate(data, offer_id):
    """Rate a completed season (409 if it is not completed or already rated); publishes ``placement.rated``.

    A comment with ``send_comment_to_auditors`` goes to the ethics service as an anonymous grievance."""
    return _out(ratings.rate(g.principal.subject, offer_id, data))


@blp.post("/grievances")
@blp.arguments(GrievanceSchema)
@blp.response(201, CreatedSchema)
def file_grievance(data):
    """File a grievance as a worker (bearer token) or anyone; anonymous keeps the worker out of it."""
    principal = bearer_principal()
    worker_id = principal.subject if principal and principal.role == "worker" else None
    grievances.rate_limit(current_app.config["LP_CLIENT_HASH_KEY"], None if data["anonymous"] else worker_id,
                          request.remote_addr)
    return {"id": str(grievances.file_grievance(data, worker_id).pk)}
