"""The employers JSON API for offers (``/api/v1/offers``): make, read, list, withdraw, complete."""

from __future__ import annotations

from flask import g
from flask_smorest import Blueprint

from employers import accounts, offers
from employers.api import current_employer
from employers.models import Offer
from employers.paging import own_page
from employers.present import matcher, offer_dict
from employers.schemas import CompleteSchema, OfferOutSchema, OfferPageSchema, OfferQuerySchema
from employers.store import STORE
from services.auth import require_role
from services.documents import OfferSchema
from services.web.app import settings_of

blp = Blueprint("api_offers", __name__, url_prefix="/api/v1", description="Employers: offers and seasons")


@blp.post("/offers")
@require_role("employer")
@blp.arguments(OfferSchema)
@blp.response(201, OfferOutSchema)
def create_offer(document):
    """Offer a job to one of an approved vacancy's candidates; reviewed before the worker sees it (403
    ``unverified_employer`` before an auditor verified the employer where that is required)."""
    employer = current_employer()
    accounts.require_verified(employer, settings_of().require_employer_verification)
    return offer_dict(offers.make_offer(STORE, matcher(), employer, OfferSchema().dump(document)))


@blp.get("/offers")
@require_role("employer")
@blp.arguments(OfferQuerySchema, location="query")
@blp.response(200, OfferPageSchema)
def list_offers(args):
    """Own offers, newest first, optionally for one vacancy or of one status."""
    items, next_cursor = own_page(Offer, g.principal.subject, args, ("vacancy_id", "status"))
    return {"items": [offer_dict(o) for o in items], "next_cursor": next_cursor}


@blp.get("/offers/<offer_id>")
@require_role("employer")
@blp.response(200, OfferOutSchema)
def get_offer(offer_id):
    """One own offer with its status and flags."""
    return offer_dict(offers.own_offer(STORE, g.principal.subject, offer_id))


@blp.post("/offers/<offer_id>/withdraw")
@require_role("employer")
@blp.response(200, OfferOutSchema)
def withdraw_offer(offer_id):
    """Take back an offer the worker has not answered (409 otherwise)."""
    return offer_dict(offers.withdraw_offer(STORE, g.principal.subject, offer_id))


@blp.post("/offers/<offer_id>/complete")
@require_role("employer")
@blp.arguments(CompleteSchema)
@blp.response(200, OfferOutSchema)
def complete_offer(rating, offer_id):
    """After the season: rate the worker 1-5 and record the placement (accepted offers only)."""
    return offer_dict(offers.complete_offer(STORE, g.principal.subject, offer_id, rating["employer_rating"]))
