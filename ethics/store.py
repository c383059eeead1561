"""Where the ethics handlers keep reviews, flags and employers' registrations (MongoDB through mongoengine).

A review is keyed by the id of the event that asked for it, and a flag by a
deterministic key, so a redelivered event finds what it stored the first
time and stores nothing twice. The review carries its ``*.reviewed`` event
in the same document (outbox), so the verdict and its event are one write.
"""

from __future__ import annotations

from bson import ObjectId
from bson.errors import InvalidId
from mongoengine import NotUniqueError

from ethics import flag_counts, parties, recounts
from ethics.models import EmployerRegistration, Flag, Review, SeasonRating, utcnow
from services import erasure
from services.db import insert_new
from services.outbox import PENDING


def review_of(event_id: str) -> Review | None:
    """The review already stored for this request event, if any."""
    return Review.objects(id=event_id).first()


def add_review(review: Review) -> Review:
    """Store a new review with its queued event; a racing consumer's copy wins if it came first."""
    try:
        return review.save()
    except NotUniqueError:
        # Another consumer of the group reviewed the same event first.
        return Review.objects.get(id=review.id)


def add_flags(rows: list[dict], review: Review | None = None) -> None:
    """Store the flags (those stored already are skipped) and mark what they touch for a recount (and
    what the ``review`` they came from counts in: the parties' reviewed and blocked documents).

    A replayed event stores nothing new and marks the counts again, which also repairs
    counts a crash between the two left behind.
    """
    insert_new(Flag._get_collection(), rows)
    fields = flag_counts.COUNTED_FIELDS | parties.FLAG_FIELDS
    stored = list(Flag._get_collection().find({"key": {"$in": [row["key"] for row in rows]}}, fields)) if rows else []
    flag_counts.after_flags(stored)
    parties.after_flags(stored, review)


# What each kind of mark of ``ethics.recounts`` is counted again with.
RECOUNTERS = flag_counts.RECOUNTERS | parties.RECOUNTERS


def recount_marked() -> int:
    """Count again every count the writes marked (the worker's recount job; tests call it to settle)."""
    return recounts.recount_marked(RECOUNTERS)


def recruiter_of_offer(offer_id: str) -> str:
    """The licence key of the recruiter of the vacancy an offer was made on, as its review recorded it
    ("" when unknown or direct hire)."""
    review = Review.objects(kind="offer", document_id=str(offer_id or "")).only("recruiter").first()
    return review.recruiter if review is not None else ""


def add_rating(offer_id: str, employer_id: str, recruiter: str, employer_rating, recruiter_rating) -> SeasonRating:
    """Keep a season's ratings (once per offer: a replay keeps the first) and mark its parties' months."""
    fields = {"employer_id": employer_id, "recruiter": recruiter, "employer_rating": _stars(employer_rating),
              "recruiter_rating": _stars(recruiter_rating)}
    SeasonRating.objects(id=offer_id).update_one(upsert=True, **{f"set_on_insert__{k}": v for k, v in fields.items()},
                                                  set_on_insert__rated_at=utcnow())
    rating = SeasonRating.objects.get(id=offer_id)
    parties.after_rating(rating)
    return rating


def _stars(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5 else None


def add_registration(employer_id: str, details: dict) -> bool:
    """Keep an employer's registration for the verification queue, once: a replayed ``employer.registered``
    changes nothing (nor a decision already taken). False when ``employer_id`` is not an employer's id."""
    try:
        key = ObjectId(employer_id)
    except (InvalidId, TypeError):
        return False
    # An upsert stores only what it names: the queue reads ``verification``, the decisions ``decision_count``.
    fields = {f"set_on_insert__{name}": value
              for name, value in {**details, "verification": "unverified", "decision_count": 0}.items()}
    EmployerRegistration.objects(id=key).update_one(upsert=True, **fields)
    return True


def forget_worker(worker_id: str) -> int:
    """An erased worker's id leaves the flags (their documents: an offer names its worker) and the verdicts
    still waiting in reviews' outboxes; flags and reviews stay, as anonymous evidence (``services.erasure``).
    How many documents changed."""
    stand_in = erasure.pseudonym()
    flags = erasure.scrub_collection(Flag._get_collection(), {"document.worker_id": worker_id}, worker_id, stand_in)
    # Only reviews with events not yet published can hold the id (in ``offer.reviewed``): the sparse index
    # on ``outbox_pending`` holds just those.
    reviews = erasure.scrub_collection(Review._get_collection(), {PENDING: True}, worker_id, stand_in)
    return flags + reviews
