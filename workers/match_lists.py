"""Each worker's shown matches as the matcher last sent them (``matches.updated``), kept for ``/me/matches``.

The matcher sends a worker's shown matches, vacancy cards included,
whenever that list moves. Keeping them here makes the platform's busiest
read one look-up by id in this service's own database, with no call to
the matcher and no look-up per vacancy. The cards are checked when they
arrive (``checked``), so a read only drops the seasons that began
since. A worker whose list has not arrived yet is served by the matcher.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging

from bson import Binary
from marshmallow import ValidationError
from mongoengine import BinaryField, Document, StringField
from pymongo.errors import DuplicateKeyError

from services.documents import VacancySchema
from services.events import Envelope

log = logging.getLogger(__name__)

SHOWN = 20  # as many as the pages and the API show
NEVER = "9999-12-31"  # the first start of an empty list
# What the matcher adds to the contract's vacancy document.
READ_MODEL_FIELDS = {"id", "employer_id", "employer_name", "status", "flags"}


class MatchList(Document):
    """A worker's shown matches, best first, kept as the gzipped JSON that ``/me/matches`` answers.

    Bytes rather than documents: FerretDB takes 20 ms to read 20 vacancies nested in one record,
    2 ms as one JSON string and 0.9 ms gzipped (measured on SQLite, 24 kB of JSON); and a phone
    that accepts gzip (they all do) gets the stored bytes as they are.
    """

    id = StringField(primary_key=True)  # the worker's id
    answer = BinaryField(required=True)  # {"matches", "preparing", "updated_at"}, matches checked on arrival
    # The earliest season start among them: while it is ahead, the answer needs no change on reading.
    first_start = StringField(required=True)
    # The event's ``occurred_at``: an older event (a replay) changes nothing.
    updated_at = StringField(required=True)

    meta = {"collection": "match_lists"}


def receive_matches(event: Envelope) -> None:
    """``matches.updated`` for a worker → that worker's stored matches (vacancies' lists are not kept here)."""
    payload = event.payload
    if payload.get("kind") != "worker":
        return
    worker_id = payload.get("worker_id")
    if not isinstance(worker_id, str) or not worker_id:
        raise ValueError("matches.updated names no worker")
    found = payload.get("matches")
    if not isinstance(found, list):
        # An event without the matches themselves: forget the stored ones, so reads ask the matcher.
        MatchList.objects(id=worker_id, updated_at__lte=event.occurred_at).delete()
        return
    shown = checked(found)[:SHOWN]
    fields = {"answer": Binary(_gzipped(shown, event.occurred_at)), "updated_at": event.occurred_at,
              "first_start": min((_start(m) for m in shown), default=NEVER)}
    try:
        MatchList._get_collection().update_one({"_id": worker_id, "updated_at": {"$lte": event.occurred_at}},
                                               {"$set": fields}, upsert=True)
    except DuplicateKeyError:  # the stored list is newer than this event
        log.info("matches of worker %s: event %s is older than the stored list", worker_id, event.id)
        return
    log.info("matches of worker %s: %d stored", worker_id, len(shown))


def stored_matches(worker_id: str, limit: int = SHOWN, today: dt.date | None = None) -> dict | None:
    """``{"matches", "updated_at", "preparing"}`` from the stored list, or None if none was received yet."""
    stored = _stored(worker_id)
    if stored is None:
        return None
    answer = json.loads(gzip.decompress(stored["answer"]))
    return {**answer, "matches": _upcoming(answer["matches"], today)[:limit]}


def stored_answer(worker_id: str, today: dt.date | None = None) -> bytes | None:
    """``stored_matches(worker_id)`` as gzipped JSON: the stored bytes while none of their seasons has begun."""
    stored = _stored(worker_id)
    if stored is None:
        return None
    if stored["first_start"] > _iso(today):
        return stored["answer"]
    answer = json.loads(gzip.decompress(stored["answer"]))
    return _gzipped(_upcoming(answer["matches"], today), answer["updated_at"])


def _stored(worker_id: str) -> dict | None:
    return MatchList._get_collection().find_one({"_id": worker_id})


def _upcoming(matches: list[dict], today: dt.date | None) -> list[dict]:
    """The matches whose season has not begun: one under way is no longer offered (as the matcher does)."""
    return [m for m in matches if _start(m) > _iso(today)]


def _start(match: dict) -> str:
    season = match["vacancy"].get("season")
    return str(season.get("start", "")) if isinstance(season, dict) else ""


def _iso(today: dt.date | None) -> str:
    return (today or dt.datetime.now(dt.UTC).date()).isoformat()


def _gzipped(matches: list[dict], updated_at: str) -> bytes:
    answer = {"matches": matches, "preparing": False, "updated_at": updated_at}
    return gzip.compress(json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode(), mtime=0)


def checked(found: list) -> list[dict]:
    """The matches from the matcher that may be shown, cleaned: a vacancy not approved, or a document that is
    not the contract's vacancy, is dropped, so a blocked vacancy can never be shown."""
    return [_clean(m) for m in found if _shown(m)]


def _shown(match) -> bool:
    if not isinstance(match, dict) or not isinstance(match.get("vacancy"), dict):
        return False
    if not isinstance(match.get("vacancy_id"), str) or not match["vacancy_id"]:
        return False
    if not isinstance(match.get("reason_keys", []), list) or not isinstance(match.get("reasons", []), list):
        return False
    if match["vacancy"].get("status", "approved") != "approved":
        return False
    # The pages read every term: a document that is not the contract's vacancy is not shown.
    document = {k: v for k, v in match["vacancy"].items() if k not in READ_MODEL_FIELDS}
    try:
        VacancySchema().load(document)
    except ValidationError as exc:
        log.warning("matcher sent vacancy %s that is not a contract vacancy: %s", match["vacancy_id"], exc.messages)
        return False
    return True


def _clean(match: dict) -> dict:
    try:
        score = float(match.get("score") or 0.0)
    except (TypeError, ValueError):
        score = 0.0
    return {"vacancy_id": match["vacancy_id"], "score": score,
            "reasons": [str(r) for r in match.get("reasons") or []],
            "reason_keys": [str(k) for k in match.get("reason_keys") or []],
            "vacancy": match["vacancy"]}
