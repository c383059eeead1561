"""Grievance flags that name no one: what an anonymous grievance's flag may keep, and the upgrade of
those an older version stored.

An anonymous grievance's flag keeps the employer, the category and the text; its id, ``document_id`` and
``created_at`` say only the day the grievance was filed (``services.coarse_time``), never when this
service received it, so the auditors' list, CSV and pages cannot be matched with a moment.
"""

from __future__ import annotations

import logging

from bson import ObjectId
from bson.errors import InvalidId

from ethics import flag_counts
from ethics.models import Flag
from services.coarse_time import dated_by_day_only, day_object_id, day_of_stamp, is_day_object_id, row_day
from services.db import insert_new

log = logging.getLogger(__name__)

# What a flag's ``document`` may hold of an anonymous grievance.
ANONYMOUS_FIELDS = ("category", "text", "anonymous")
_MOVING = "#moving"  # marks an old row while its anonymised copy is written


def is_anonymous(payload: dict) -> bool:
    """A grievance is anonymous unless it says otherwise (then it names the worker)."""
    return payload.get("anonymous") is not False


def anonymised(row: dict, filed: str) -> dict:
    """``row`` (a grievance flag about to be stored) reduced to what names no one; ``filed`` is the
    event's ``occurred_at``, of which only the day is kept."""
    day = day_of_stamp(filed)
    document_id = row["document_id"] if _is_day_id(row["document_id"]) else str(day_object_id(day))
    return {**row, "_id": day_object_id(day), "created_at": day, "document_id": document_id,
            "document": {k: v for k, v in row["document"].items() if k in ANONYMOUS_FIELDS}}


def anonymise_old_flags() -> int:
    """Rewrite the anonymous grievance flags an older version stored (the offer in the document, the moment
    in the id and time); idempotent, run at the worker's start. Decisions are kept. Returns how many."""
    collection = Flag._get_collection()
    rewritten, touched = 0, set()
    for old in list(collection.find({"document_kind": "grievance"})):
        if not is_anonymous(old.get("document") or {}) or _names_only_the_day(old):
            continue
        key = old["key"].removesuffix(_MOVING)
        # The key is unique: the old row gives it up first, and a crash before it is deleted leaves it
        # marked, to be rewritten on the next start; never a lost flag, nor a lost decision.
        collection.update_one({"_id": old["_id"]}, {"$set": {"key": key + _MOVING}})
        insert_new(collection, [anonymised({**old, "key": key}, row_day(old).isoformat())])
        collection.delete_one({"_id": old["_id"]})
        rewritten += 1
        touched.add((old.get("employer_id") or "", old["rule"], flag_counts.week_start(row_day(old))))
    if rewritten:
        # Forced: a count made while a flag and its copy were both stored counted it twice.
        flag_counts.recount({e for e, _, _ in touched}, {(rule, week) for _, rule, week in touched}, force=True)
        log.info("anonymised %d grievance flags stored by an older version", rewritten)
    return rewritten


def _names_only_the_day(row: dict) -> bool:
    return (dated_by_day_only(row) and _is_day_id(row.get("document_id", ""))
            and set(row.get("document") or {}) <= set(ANONYMOUS_FIELDS) and not row["key"].endswith(_MOVING))


def _is_day_id(value: str) -> bool:
    try:
        return is_day_object_id(ObjectId(value))
    except (InvalidId, TypeError):
        return False
