"""Workers rate their completed seasons; the employers' rating sums that vacancy cards show.

A rating is written once, with its ``placement.rated`` event, in one conditional write of the offer
(``workers.store.rate_offer``). A comment the worker wants auditors to read is then filed as an anonymous
grievance through the grievance path (``workers.grievances``). The workers worker adds each rating to its
employer's sums (``on_placement_rated`` in ``workers.handlers``); a card shows the average only once
``MIN_RATERS`` workers rated the employer, so that no single rating can be traced to its worker.
"""

from __future__ import annotations

from services import errors
from services.events import PLACEMENT_RATED, new_event
from workers import grievances, offers, store
from workers.models import Offer

MIN_RATERS = 5
# A comment goes to auditors under the category its answers point to (the first "no" in this order).
COMMENT_CATEGORIES = (("no_fees_charged", "fees"), ("paid_on_time", "wages"), ("housing_as_promised", "housing"))


def recruiter_of(offer: Offer) -> dict | None:
    """The recruiter the offer (or else its vacancy) carried; None for direct hire."""
    for document in (offer.offer or {}, offer.vacancy or {}):
        recruiter = document.get("recruiter")
        if isinstance(recruiter, dict) and recruiter:
            return recruiter
    return None


def rate(worker_id: str, offer_id: str, data: dict) -> Offer:
    """Rate a completed season (``data`` as ``RatingSchema`` loads it) and publish ``placement.rated``.

    NotFound for an offer that is not the worker's; Conflict when it is not ``completed`` or was rated.
    A recruiter's rating counts only when the season had a recruiter.
    """
    offer = offers.get(worker_id, offer_id)
    if offer.status != "completed" or offer.rated_at is not None:
        raise errors.Conflict(_conflict(offer))
    recruiter = recruiter_of(offer)
    rating = {"employer_rating": data["employer_rating"],
              "recruiter_rating": data.get("recruiter_rating") if recruiter else None,
              "answers": dict(data["answers"]), "comment": data.get("comment") or ""}
    event = new_event(PLACEMENT_RATED, Offer.event_source, offer.offer_id, {
        "offer_id": offer.offer_id, "vacancy_id": offer.vacancy_id, "employer_id": offer.employer_id,
        "worker_id": worker_id, "recruiter": recruiter, "employer_rating": rating["employer_rating"],
        "recruiter_rating": rating["recruiter_rating"], "answers": rating["answers"]})
    if not store.rate_offer(offer, worker_id, rating, event):
        raise errors.Conflict("This season is already rated.")  # rated meanwhile, by another request
    if data.get("send_comment_to_auditors") and rating["comment"]:
        grievances.file_grievance({"category": comment_category(rating["answers"]), "text": rating["comment"],
                                   "employer_id": offer.employer_id, "offer_id": offer.offer_id,
                                   "anonymous": True}, worker_id)
    return offers.get(worker_id, offer_id)


def _conflict(offer: Offer) -> str:
    if offer.rated_at is not None:
        return "This season is already rated."
    return "A season can be rated once it is completed."


def comment_category(answers: dict) -> str:
    """The grievance category of a comment: what its answers say went wrong, else ``other``."""
    return next((category for answer, category in COMMENT_CATEGORIES if answers.get(answer) is False), "other")


def rateable(offer: Offer) -> bool:
    """Whether the worker may rate ``offer`` now: completed and not yet rated."""
    return offer.status == "completed" and offer.rated_at is None


# --------------------------------------------------------------------------- the employers' sums


def count(payload: dict) -> bool:
    """Add a ``placement.rated`` to its employer's sums, once; True if counted now.

    The worker is a new rater of the employer unless they rated an earlier season there (read from their
    offers here, so the event need not say it).
    """
    employer_id, offer_id = str(payload.get("employer_id") or ""), str(payload.get("offer_id") or "")
    stars = payload.get("employer_rating")
    if not employer_id or not offer_id or not isinstance(stars, int) or isinstance(stars, bool) \
            or not 1 <= stars <= 5:
        raise ValueError("placement.rated without employer_id, offer_id and an employer_rating of 1 to 5")
    entry = store.offer(offer_id)
    worker_id = str(payload.get("worker_id") or "")
    new_rater = entry is None or entry.rated_at is None or not store.rated_before(worker_id, employer_id, entry)
    return store.count_rating(employer_id, offer_id, stars, new_rater)


def shown(sums: dict | None) -> dict | None:
    """``{"average", "count"}`` of an employer's stored sums once ``MIN_RATERS`` workers rated it, else None."""
    if not sums or sums.get("raters", 0) < MIN_RATERS or not sums.get("count"):
        return None
    return {"average": round(sums["total"] / sums["count"], 1), "count": sums["count"]}


def aggregates(employer_ids) -> dict[str, dict | None]:
    """``shown`` of each of ``employer_ids`` (one look-up for them all)."""
    ids = list(dict.fromkeys(employer_ids))
    found = store.employer_ratings(ids)
    return {employer_id: shown(found.get(employer_id)) for employer_id in ids}
