"""The matcher's JSON API (``/api/v1``): stateless ranking and itineraries."""

from __future__ import annotations

import datetime as dt
import functools
import json

from flask import abort, current_app
from flask_smorest import Blueprint

from matcher import ranking
from matcher.gcpause import paused_gc
from matcher.schemas import (
    ItinerariesSchema,
    ItineraryRequestSchema,
    RankRequestSchema,
    RankResponseSchema,
)
from services.auth import require_role
from services.web import allow_large_body
from services.web.security import MB

# One worker's plans over a year: the contract's 16 MB is for ranking; 4 MB still holds ~5,000 vacancies.
ITINERARIES_MAX_BODY = 4 * MB

blp = Blueprint("api", __name__, url_prefix="/api/v1", description="Ranking of seasonal and circular job pairings")


def json_depth_guard(view):
    """Decorator: a body nested deeper than Python's parser recurses is a 400, not a 500."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except RecursionError:
            # json.loads recurses once per level; a 16 MB body can hold millions of "[".
            abort(400, description="The JSON body is nested too deeply.")

    return wrapper


def current_ranker():
    """The ranking model this app was built with (``matcher.app.create_app``)."""
    return current_app.extensions["matcher_ranker"]


@blp.post("/rank")
@allow_large_body()
@require_role("service")  # before the body is read: a caller without a service token never costs a 16 MB parse
@json_depth_guard
@paused_gc  # outside flask-smorest's decorators, so that parsing and validating the body are covered too
@blp.arguments(RankRequestSchema)
@blp.response(200, RankResponseSchema)
def rank(body):
    """Rank vacancies for one worker: eligible ones best first with reasons, the others with why not."""
    result = ranking.rank(body["worker"], body["vacancies"], body["history"], ranker=current_ranker())
    # Already plain JSON types; dumping 20,000 matches through marshmallow would double the latency.
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    return current_app.response_class(text, mimetype="application/json")


@blp.post("/itineraries")
@allow_large_body(ITINERARIES_MAX_BODY)
@require_role("service")
@json_depth_guard
@paused_gc
@blp.arguments(ItineraryRequestSchema)
@blp.response(200, ItinerariesSchema)
def itineraries(body):
    """Up to three sequences of eligible seasons over the next 12 months, most paid weeks first."""
    today = body["today"] or dt.datetime.now(dt.UTC).date()
    plans = ranking.plan_itineraries(body["worker"], body["vacancies"], body["history"], today=today,
                                     ranker=current_ranker())
    return {"itineraries": plans}
