"""Finding, paging, deciding and exporting flags (shared by the API and the auditor pages)."""

from __future__ import annotations

import csv
import io
from base64 import urlsafe_b64decode, urlsafe_b64encode
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice

from bson import ObjectId
from bson.errors import InvalidId

from ethics import flag_counts, parties
from ethics.models import Decision, Flag
from ethics.rules.recruiters import licence_key
from services import errors, outbox
from services.events import GRIEVANCE_DECIDED, new_event
from services.keyset import EPOCH, matching, newest_first, split_filters, time_window

CSV_LIMIT = 50_000
CSV_COLUMNS = ("id", "created_at", "employer_id", "document_kind", "document_id", "rule", "severity", "status",
               "message", "evidence", "rules_version", "decided_by", "decided_at", "decision_note", "recruiter")


def object_id(value: str | None) -> ObjectId:
    """``value`` as an ObjectId, or NotFound (an id that cannot exist names nothing)."""
    try:
        return ObjectId(value)
    except (InvalidId, TypeError) as exc:
        raise errors.NotFound() from exc


# The one equality a list query sends to the database, the most selective given; the others are checked
# on the flags read. Each has an index (field, created_at), and created_at alone serves no filter.
INDEXED_FILTERS = ("employer_id", "recruiter", "rule", "status", "severity")
FILTER_ARGS = {"employer": "employer_id", "recruiter": "recruiter", "rule": "rule", "status": "status",
               "severity": "severity"}
# What a list shows of a flag: all but the document it was found in (the flag's own page shows that).
LIST_FIELDS = {"document": 0}


def list_query(args: dict) -> tuple[dict, dict, dict]:
    """The list filters ``employer, recruiter, rule, severity, status, from, to`` as (the equality for the database,
    the equalities to check in Python, the bounds on ``created_at``: ``$gte`` from ``from``, ``$lt`` from ``to``)."""
    wanted = {field: args.get(arg) for arg, field in FILTER_ARGS.items()}
    if wanted["recruiter"]:
        wanted["recruiter"] = licence_key(wanted["recruiter"]) or "-"  # flags store the licence's key
    equal, residual = split_filters(wanted, INDEXED_FILTERS)
    bounds = {}
    if args.get("from_"):
        bounds["$gte"] = datetime.combine(args["from_"], time.min, UTC)
    if args.get("to") and args["to"] < date.max:
        bounds["$lt"] = datetime.combine(args["to"] + timedelta(days=1), time.min, UTC)
    return equal, residual, bounds


def newest_flags(args: dict, after: tuple[datetime, ObjectId] | None = None) -> Iterator[dict]:
    """The stored flags (without their document) matching the list filters, newest first (by
    ``created_at``, then id), after the position ``after``; read window by window (``services.keyset``)."""
    equal, residual, bounds = list_query(args)
    collection = Flag._get_collection()
    top_bounds = {key: value for key, value in bounds.items() if key == "$lt"}
    if after is not None:
        top_bounds["$lte"] = after[0]

    def fetch(lo: datetime, hi: datetime | None) -> list[dict]:
        window = time_window(lo, hi) if hi is not None else {"$gte": lo, **top_bounds}
        return list(collection.find({**equal, "created_at": window}, LIST_FIELDS))

    keep_filters = matching(residual)

    def keep(doc: dict) -> bool:
        return keep_filters(doc) and (after is None or _position(doc) < after)

    top = after[0] if after is not None else bounds.get("$lt")
    return newest_first(fetch, _position, top, floor=bounds.get("$gte", EPOCH), keep=keep)


def page(args: dict) -> tuple[list[Flag], str | None]:
    """One page of flags, newest first, and the cursor of the next page (None at the end)."""
    after = decode_cursor(args["cursor"]) if args.get("cursor") else None
    limit = args.get("limit") or 50
    docs = list(islice(newest_flags(args, after), limit + 1))
    next_cursor = encode_cursor(_position(docs[limit - 1])) if len(docs) > limit else None
    return [Flag._from_son(doc) for doc in docs[:limit]], next_cursor


def _position(doc: dict) -> tuple[datetime, ObjectId]:
    return _utc(doc["created_at"]), doc["_id"]


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def encode_cursor(position: tuple[datetime, ObjectId]) -> str:
    """An opaque cursor for the flags after ``position`` (created_at to the millisecond, as stored, and id)."""
    millis = (position[0] - EPOCH) // timedelta(milliseconds=1)
    return urlsafe_b64encode(f"{millis}:{position[1]}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, ObjectId]:
    """The position a cursor names; Invalid for anything this service did not give out (an old id cursor too)."""
    try:
        millis, flag_id = urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii").split(":")
        return EPOCH + timedelta(milliseconds=int(millis)), ObjectId(flag_id)
    except (ValueError, TypeError, InvalidId, OverflowError) as exc:
        raise errors.Invalid("The cursor is not one this service gave out.") from exc


def get(flag_id: str) -> Flag:
    """The flag; NotFound if there is none with this id."""
    flag = Flag.objects(id=object_id(flag_id)).first()
    if flag is None:
        raise errors.NotFound()
    return flag


def decide(flag_id: str, decision: str, note: str, auditor_id: str, auditor_email: str) -> Flag:
    """Append an auditor's decision and set the flag's status (Conflict if another decision landed first)."""
    flag = get(flag_id)
    entry = Decision(decision=decision, note=note, auditor_id=auditor_id, auditor_email=auditor_email)
    # Conditional on the number of decisions read: two auditors deciding at
    # once cannot overwrite each other; the second is told to reload.
    written = outbox.write(
        Flag, {"_id": flag.id, "decision_count": flag.decision_count},
        {"$push": {"decisions": entry.to_mongo().to_dict()}, "$set": {"status": decision},
         "$inc": {"decision_count": 1}},
        _told(flag, decision),
    )
    if not written:
        raise errors.Conflict("Another auditor decided on this flag meanwhile; reload it.")
    flag_counts.after_decision(flag.employer_id)
    parties.after_flag(flag)
    return get(flag_id)


def _told(flag: Flag, decision: str) -> list:
    """``grievance.decided`` for a named grievance's flag, so its worker is told; nothing otherwise (an
    anonymous grievance names no one, and its flag no longer names the grievance)."""
    document = flag.document or {}
    if flag.document_kind != "grievance" or document.get("anonymous") is not False:
        return []
    return [new_event(GRIEVANCE_DECIDED, Flag.event_source, flag.document_id,
                      {"grievance_id": flag.document_id, "status": decision})]


def to_dict(flag: Flag) -> dict:
    data = {name: getattr(flag, name) for name in (
        "employer_id", "recruiter", "document_kind", "document_id", "rule", "severity", "principle", "message",
        "evidence", "rules_version", "status", "created_at")}
    data["id"] = str(flag.id)
    data["decisions"] = [d.to_mongo().to_dict() for d in flag.decisions]
    return data


def csv_text(args: dict):
    """The filtered flags as CSV lines (a generator, for streaming)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield _drain(buffer)
    for flag in map(Flag._from_son, islice(newest_flags(args), CSV_LIMIT)):
        last = flag.decisions[-1] if flag.decisions else None
        writer.writerow([_cell(v) for v in (
            str(flag.id), flag.created_at.isoformat() if flag.created_at else "", flag.employer_id,
            flag.document_kind, flag.document_id, flag.rule, flag.severity, flag.status, flag.message,
            flag.evidence, flag.rules_version, last.auditor_email if last else "",
            last.decided_at.isoformat() if last else "", last.note if last else "", flag.recruiter)])
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate(0)
    return text


def _cell(value) -> str:
    # A spreadsheet runs a cell that starts with = + - @ as a formula; the
    # evidence is text written by employers, so it must stay inert.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
