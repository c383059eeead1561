"""Where the workers service writes: the offer inbox (written by ``workers.handlers`` and answered through
``workers.offers``) and the approved vacancies' cards (written by ``workers.handlers``, read by
``workers.matches``), and the language a worker chose on a page.

An answer to an offer is one conditional write that carries its ``offer.responded`` event
(``services.outbox.write``), so two answers at once cannot both win.

The cards' revision rules are the matcher's (``matcher.records``): a verdict
applies unless a newer revision is recorded, a submission only when it is
newer than the recorded one (its verdict, on another topic, may come
first), and a closed vacancy stays closed whatever comes later. Each rule
is one conditional upsert, so a redelivered or late event changes nothing
and two writers cannot interleave.
"""

from __future__ import annotations

import json
import logging

from bson import ObjectId
from mongoengine import NotUniqueError
from pymongo.errors import DuplicateKeyError

from services import batch, db, outbox
from workers.models import CARD_STATUSES, EmployerRating, Grievance, Offer, VacancyCard, Worker, utcnow

log = logging.getLogger(__name__)

OPEN, PENDING, BLOCKED, CLOSED = CARD_STATUSES
FINAL_REVISION = 2**31 - 1  # a closed vacancy's: no later revision passes the filter
OLD_MATCH_LISTS = "match_lists"
TOMBSTONE_REVISION = 2**31 - 1  # a tombstone's: no later review can bring the offer back


# --------------------------------------------------------------------------- the offer inbox


def offer(offer_id: str) -> Offer | None:
    """The stored entry of ``offer_id`` (a tombstone too), or None."""
    return Offer.objects(offer_id=offer_id).first()


def worker_exists(worker_id: str) -> bool:
    """Whether the account ``worker_id`` exists (an erased worker's offers arriving late are not stored)."""
    return ObjectId.is_valid(worker_id) and Worker._get_collection().find_one({"_id": ObjectId(worker_id)},
                                                                               {"_id": 1}) is not None


def add_offer(offer_id: str, worker_id: str, terms: dict) -> bool:
    """A new ``sent`` entry with ``terms`` (the ``Offer`` fields a review sets); False if one is stored."""
    return _insert(Offer(offer_id=offer_id, worker_id=worker_id, status="sent", **terms))


def add_tombstone(offer_id: str, worker_id: str) -> bool:
    """A ``withdrawn`` entry without terms, at the highest revision; False if one is stored."""
    return _insert(Offer(offer_id=offer_id, worker_id=worker_id, status="withdrawn", revision=TOMBSTONE_REVISION))


def _insert(entry: Offer) -> bool:
    try:
        entry.save(force_insert=True)
    except NotUniqueError:
        return False
    return True


def revise_sent_offer(pk, terms: dict) -> bool:
    """Replace the terms of a still ``sent`` entry; True if it was."""
    return bool(Offer.objects(pk=pk, status="sent").update_one(**{f"set__{k}": v for k, v in terms.items()}))


def close_sent_offer(pk, revision: int) -> bool:
    """Withdraw a still ``sent`` entry at ``revision`` (its terms no longer stand); True if it was."""
    return bool(Offer.objects(pk=pk, status="sent").update_one(set__status="withdrawn", set__revision=revision))


def withdraw_offer(offer_id: str) -> bool:
    """Withdraw the ``sent`` or ``accepted`` entry of ``offer_id``; True if there was one."""
    return bool(Offer.objects(offer_id=offer_id, status__in=("sent", "accepted")).update_one(set__status="withdrawn"))


def complete_offer(offer_id: str) -> None:
    """Complete the ``accepted`` (or ``sent``) entry of ``offer_id``.

    Queued in the consumer's batch (``services.batch``): a programme's past seasons arrive by the
    hundred thousand, and one write each took minutes.
    """
    batch.update_one(Offer, {"offer_id": offer_id, "status__in": ("accepted", "sent")}, {"set__status": "completed"})


def answer_offer(entry: Offer, worker_id: str, response: str, event) -> bool:
    """Set a ``sent`` entry of ``worker_id`` to ``response`` and queue ``event`` (``offer.responded``) in the
    same write; False if it is no longer ``sent`` (written means matched: ``services.outbox.write``)."""
    return outbox.write(Offer, {"_id": entry.pk, "worker_id": worker_id, "status": "sent"},
                        {"$set": {"status": response, "responded_at": utcnow()}}, [event])


def rate_offer(entry: Offer, worker_id: str, rating: dict, event) -> bool:
    """Store the worker's ``rating`` of a ``completed``, unrated entry of theirs and queue ``event``
    (``placement.rated``) in the same write; False if it is not completed or already rated (written means
    matched: ``services.outbox.write``), and then nothing is written."""
    return outbox.write(Offer, {"_id": entry.pk, "worker_id": worker_id, "status": "completed", "rated_at": None},
                        {"$set": {"rating": rating, "rated_at": utcnow()}}, [event])


def rated_before(worker_id: str, employer_id: str, entry: Offer) -> bool:
    """Whether ``worker_id`` rated another season with ``employer_id`` before ``entry`` (rated): a worker is
    counted once among an employer's raters, by their first rating, whatever order the events come in."""
    earlier = {"$or": [{"rated_at": {"$lt": entry.rated_at}},
                       {"rated_at": entry.rated_at, "offer_id": {"$lt": entry.offer_id}}]}
    return Offer._get_collection().find_one(
        {"worker_id": worker_id, "employer_id": employer_id, "rated_at": {"$ne": None}, **earlier},
        {"_id": 1}) is not None


def count_rating(employer_id: str, offer_id: str, stars: int, new_rater: bool) -> bool:
    """Add one rating (``stars``, of offer ``offer_id``) to the employer's sums, once: the offer is recorded
    in the same write, and a write that finds it there changes nothing. True if it was counted now."""
    try:
        result = EmployerRating._get_collection().update_one(
            {"_id": employer_id, "offers": {"$ne": offer_id}},
            {"$inc": {"total": stars, "count": 1, "raters": int(new_rater)}, "$push": {"offers": offer_id}},
            upsert=True)
    except DuplicateKeyError:
        return False  # the employer's document holds the offer already: the upsert's insert collides
    return bool(result.modified_count or result.upserted_id is not None)


def employer_ratings(employer_ids) -> dict[str, dict]:
    """The stored sums (``total``, ``count``, ``raters``) of ``employer_ids`` by id, in one look-up."""
    ids = [e for e in dict.fromkeys(employer_ids) if e]
    if not ids:
        return {}
    found = EmployerRating._get_collection().find({"_id": {"$in": ids}}, {"total": 1, "count": 1, "raters": 1})
    return {row["_id"]: row for row in found}


# --------------------------------------------------------------------------- the vacancy cards


def show(vacancy_id: str, revision: int, card: dict) -> bool:
    """Show ``card`` from now on, unless a newer revision or the closing is recorded; True if it was kept."""
    text = json.dumps(card, ensure_ascii=False, separators=(",", ":"))
    return _set(vacancy_id, revision, status=OPEN, card=text)


def hide(vacancy_id: str, revision: int, status: str, newer_only: bool = False) -> bool:
    """Hide the vacancy with ``status`` (``pending`` or ``blocked``) unless a newer revision is recorded
    (``newer_only``: unless this one or a newer one is); True if it was hidden."""
    return _set(vacancy_id, revision, newer_only, status=status, card="")


def close(vacancy_id: str) -> None:
    """Never show the vacancy again, whatever arrives later."""
    VacancyCard.objects(id=vacancy_id).update_one(set__status=CLOSED, set__card="", set__revision=FINAL_REVISION,
                                                  set__updated_at=utcnow(), upsert=True)


def _set(vacancy_id: str, revision: int, newer_only: bool = False, **fields) -> bool:
    older = {"revision__lt" if newer_only else "revision__lte": revision}
    updates = {f"set__{name}": value for name, value in fields.items()}
    try:
        VacancyCard.objects(id=vacancy_id, status__ne=CLOSED, **older).update_one(
            set__revision=revision, set__updated_at=utcnow(), upsert=True, **updates)
    except NotUniqueError:
        # The record exists but the filter did not match it: a newer revision, or closed.
        log.info("vacancy %s: revision %s ignored (older, or the vacancy is closed)", vacancy_id, revision)
        return False
    return True


def cards(vacancy_ids, texts=None) -> dict[str, dict]:
    """The shown cards of ``vacancy_ids`` by id; a vacancy without one is absent. ``texts(ids)`` gives
    them as stored (default ``card_texts``; the web processes keep some in memory)."""
    ids = list(dict.fromkeys(vacancy_ids))
    return {vacancy_id: json.loads(text) for vacancy_id, text in (texts or card_texts)(ids).items()} if ids else {}


def card_texts(vacancy_ids: list) -> dict[str, str]:
    """The shown cards of ``vacancy_ids`` as stored (JSON text) by id, in one ``_id $in`` look-up."""
    found = VacancyCard._get_collection().find({"_id": {"$in": list(vacancy_ids)}}, {"status": 1, "card": 1})
    return {row["_id"]: row["card"] for row in found if row.get("status") == OPEN and row.get("card")}


def drop_match_lists() -> None:
    """Upgrade: each worker's stored matches (``match_lists``) are no longer kept nor read."""
    db.database().drop_collection(OLD_MATCH_LISTS)


def set_language(worker_id, language: str) -> None:
    """Remember the language a worker chose on a page, for the next sign-in on another phone."""
    Worker.objects(pk=worker_id).update_one(set__ui_language=language)


def grievance(grievance_id: str) -> Grievance | None:
    """A grievance by its id (None for an id this service never gave out)."""
    return Grievance.objects(pk=grievance_id).first() if ObjectId.is_valid(grievance_id) else None
