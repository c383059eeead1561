"""Flag counts kept up to date by events, for the compliance summary and the weekly chart.

Counting every flag on each view grows with the data (a year of flags: seconds), so the counts are kept:
one document per employer (open block, open review, confirmed, dismissed, total) and one per rule and
week. Each flag write and each decision marks the counts it touches (``ethics.recounts``), and the
ethics worker's recount job counts each marked one again from the flags themselves through an index (an
employer's flags, a rule's flags of one week) and stores it with ``$set``, never ``$inc``: a redelivered
event, a retried handler or a crash between the two writes cannot make them drift, and the next write
heals any count that a crash left behind.

Two recounts of one employer at once could finish in either order: each stores its ``seq`` (flags plus
decisions, both only grow) and only a newer count replaces a stored one. A week's count only grows, so
it is stored with ``$max``.

``rebuild()`` recounts everything (after a bulk load, or to repair by hand):
``python -m ethics.flag_counts``.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from pymongo import ReplaceOne
from pymongo.errors import DuplicateKeyError

from ethics import recounts
from ethics.models import EmployerFlagCounts, Flag, WeekFlagCount
from services import db, upgrades

STATE_FIELDS = ("open_block", "open_review", "confirmed", "dismissed")
WEEK = timedelta(weeks=1)
EMPLOYER_FLAGS, RULE_WEEK = "employer-flags", "rule-week"
COUNTED_FIELDS = {"employer_id": 1, "rule": 1, "status": 1, "severity": 1, "decision_count": 1, "created_at": 1}


def week_start(moment: datetime) -> datetime:
    """Monday 00:00 UTC of ``moment``'s week (a naive ``moment`` is read as UTC)."""
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return day - timedelta(days=day.weekday())


def week_id(rule: str, week: datetime) -> str:
    return f"{rule}|{week:%Y-%m-%d}"


def state_of(flag: dict) -> str:
    """The count a flag adds to: ``open_block``/``open_review`` while open, else its decision."""
    return f"open_{flag.get('severity')}" if flag.get("status", "open") == "open" else flag["status"]


def after_flags(stored: list[dict]) -> None:
    """Mark the counts the ``stored`` flags count in (after storing them, also when a replay stored
    nothing new: the stored flags, not the ones just built, say which counts to redo)."""
    for employer_id in {flag.get("employer_id") or "" for flag in stored}:
        after_decision(employer_id)
    for rule, week in {(flag["rule"], week_start(flag["created_at"])) for flag in stored}:
        recounts.mark(RULE_WEEK, rule, f"{week:%Y-%m-%d}")


def after_decision(employer_id: str) -> None:
    """Mark the employer's counts (a decision moves a flag from open to its decision)."""
    recounts.mark(EMPLOYER_FLAGS, employer_id or "")


def recount(employers: Iterable[str], weeks: Iterable[tuple[str, datetime]], force: bool = False) -> None:
    """Recount ``employers`` and ``weeks`` [(rule, Monday)]; ``force`` stores the counts even when
    lower (after flags were rewritten, when a count may have been made in between)."""
    for employer_id in employers:
        recount_employer(employer_id, force)
    for rule, week in weeks:
        recount_week(rule, week, force)


def recount_employer(employer_id: str, force: bool = False) -> dict:
    """Count the employer's flags (through the index on employer_id) and store the counts."""
    counts = dict.fromkeys((*STATE_FIELDS, "total", "seq"), 0)
    for flag in Flag._get_collection().find({"employer_id": employer_id or ""}, COUNTED_FIELDS):
        _add(counts, flag)
    _store_employer(employer_id or "", counts, force)
    return counts


def _add(counts: dict, flag: dict) -> None:
    counts[state_of(flag)] += 1
    counts["total"] += 1
    counts["seq"] += 1 + int(flag.get("decision_count") or 0)


def _store_employer(employer_id: str, counts: dict, force: bool) -> None:
    collection = EmployerFlagCounts._get_collection()
    if force:
        db.upsert(lambda: collection.replace_one({"_id": employer_id}, counts, upsert=True))
        return
    try:
        collection.update_one({"_id": employer_id, "seq": {"$lt": counts["seq"]}}, {"$set": counts}, upsert=True)
    except DuplicateKeyError:
        pass  # the stored counts were made from this state or a newer one


def recount_week(rule: str, week: datetime, force: bool = False) -> int:
    """Count the rule's flags of the week starting ``week`` (through the index on rule, created_at)."""
    window = {"$gte": week, "$lt": week + WEEK}
    count = len(list(Flag._get_collection().find({"rule": rule, "created_at": window}, {"_id": 1})))
    update = {"$set": {"rule": rule, "week": week}}
    if force:
        update["$set"]["count"] = count
    else:
        update["$max"] = {"count": count}
    collection = WeekFlagCount._get_collection()
    db.upsert(lambda: collection.update_one({"_id": week_id(rule, week)}, update, upsert=True))
    return count


def recount_marked_week(rule: str, day: str) -> int:
    """``recount_week`` of a mark's arguments (the Monday as ``YYYY-MM-DD``)."""
    return recount_week(rule, datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC))


# What ``ethics.recounts`` calls for each kind of mark.
RECOUNTERS = {EMPLOYER_FLAGS: recount_employer, RULE_WEEK: recount_marked_week}


def rebuild() -> tuple[int, int]:
    """Recount every employer and every rule-week from all the flags (one pass), replacing what is
    stored and removing counts of nothing. Returns (employers, rule-weeks) counted."""
    employers: dict[str, dict] = defaultdict(lambda: dict.fromkeys((*STATE_FIELDS, "total", "seq"), 0))
    weeks: Counter = Counter()
    for flag in Flag._get_collection().find({}, COUNTED_FIELDS):
        _add(employers[flag.get("employer_id") or ""], flag)
        weeks[(flag["rule"], week_start(flag["created_at"]))] += 1
    _replace_all(EmployerFlagCounts._get_collection(), {e: counts for e, counts in employers.items()})
    _replace_all(WeekFlagCount._get_collection(),
                 {week_id(rule, week): {"rule": rule, "week": week, "count": n} for (rule, week), n in weeks.items()})
    return len(employers), len(weeks)


def build_once() -> None:
    """Build the counts from the flags stored before counts were kept (once per database; at the
    ethics worker's start)."""
    upgrades.once(Flag._get_collection().database, "flag-counts", rebuild)


def _replace_all(collection, documents: dict[str, dict]) -> None:
    if documents:
        requests = [ReplaceOne({"_id": key}, value, upsert=True) for key, value in documents.items()]
        for start in range(0, len(requests), 1000):
            collection.bulk_write(requests[start:start + 1000], ordered=False)
    collection.delete_many({"_id": {"$nin": list(documents)}})


def main(argv=None) -> int:
    """``python -m ethics.flag_counts``: rebuild the counts in the ethics database of the environment."""
    from services.config import Settings

    db.connect(Settings.from_env("ethics"))
    employers, weeks = rebuild()
    print(f"flag counts rebuilt: {employers} employers, {weeks} rule-weeks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
