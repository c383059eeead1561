"""Finding, paging, deciding and exporting flags (shared by the API and the auditor pages)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, time, timedelta

from bson import ObjectId
from bson.errors import InvalidId
from flask import abort

from ethics.models import Decision, Flag

CSV_LIMIT = 50_000
CSV_COLUMNS = ("id", "created_at", "employer_id", "document_kind", "document_id", "rule", "severity", "status",
               "message", "evidence", "rules_version", "decided_by", "decided_at", "decision_note")


def object_id(value: str | None) -> ObjectId:
    """``value`` as an ObjectId, or a 404 (an id that cannot exist names nothing)."""
    try:
        return ObjectId(value)
    except (InvalidId, TypeError):
        abort(404)


def flag_filter(args: dict) -> dict:
    """The MongoDB filter for the list filters ``employer, rule, severity, status, from, to``."""
    query = {}
    for arg, field in (("employer", "employer_id"), ("rule", "rule"), ("severity", "severity"), ("status", "status")):
        if args.get(arg):
            query[field] = args[arg]
    created = {}
    if args.get("from_"):
        created["$gte"] = datetime.combine(args["from_"], time.min, UTC)
    if args.get("to"):
        created["$lt"] = datetime.combine(args["to"] + timedelta(days=1), time.min, UTC)
    if created:
        query["created_at"] = created
    return query


def page(args: dict) -> tuple[list[Flag], str | None]:
    """One page of flags, newest first, and the cursor of the next page (None at the end)."""
    query = flag_filter(args)
    if args.get("cursor"):
        try:
            query["_id"] = {"$lt": ObjectId(args["cursor"])}
        except InvalidId:
            abort(400, description="The cursor is not one this service gave out.")
    limit = args.get("limit") or 50
    items = list(Flag.objects(__raw__=query).order_by("-id").limit(limit + 1))
    next_cursor = str(items[limit - 1].id) if len(items) > limit else None
    return items[:limit], next_cursor


def get(flag_id: str) -> Flag:
    return Flag.objects(id=object_id(flag_id)).first() or abort(404)


def decide(flag_id: str, decision: str, note: str, auditor_id: str, auditor_email: str) -> Flag:
    """Append an auditor's decision and set the flag's status (409 if another decision landed first)."""
    flag = get(flag_id)
    entry = Decision(decision=decision, note=note, auditor_id=auditor_id, auditor_email=auditor_email)
    # Conditional on the number of decisions read: two auditors deciding at
    # once cannot overwrite each other; the second is told to reload.
    result = Flag._get_collection().update_one(
        {"_id": flag.id, "decision_count": flag.decision_count},
        {"$push": {"decisions": entry.to_mongo().to_dict()}, "$set": {"status": decision},
         "$inc": {"decision_count": 1}},
    )
    if result.modified_count != 1:
        abort(409, description="Another auditor decided on this flag meanwhile; reload it.")
    return get(flag_id)


def to_dict(flag: Flag) -> dict:
    data = {name: getattr(flag, name) for name in (
        "employer_id", "document_kind", "document_id", "rule", "severity", "principle", "message", "evidence",
        "rules_version", "status", "created_at")}
    data["id"] = str(flag.id)
    data["decisions"] = [d.to_mongo().to_dict() for d in flag.decisions]
    return data


def csv_text(args: dict):
    """The filtered flags as CSV lines (a generator, for streaming)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield _drain(buffer)
    for flag in Flag.objects(__raw__=flag_filter(args)).order_by("-id").limit(CSV_LIMIT):
        last = flag.decisions[-1] if flag.decisions else None
        writer.writerow([_cell(v) for v in (
            str(flag.id), flag.created_at.isoformat() if flag.created_at else "", flag.employer_id,
            flag.document_kind, flag.document_id, flag.rule, flag.severity, flag.status, flag.message,
            flag.evidence, flag.rules_version, last.auditor_email if last else "",
            last.decided_at.isoformat() if last else "", last.note if last else "")])
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
