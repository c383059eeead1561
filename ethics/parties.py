"""Per-party records: each employer's and each recruiter's name and counts, kept up to date by the writes.

A party is an employer (by its id) or a recruiter (by its licence key, registered or not). Its name comes
from the events ethics receives (``employer.registered``, the ``employer_name`` of submissions, the
recruiter a vacancy names) and, for a recruiter, from the registry, whose name wins.

Counts are kept per party and calendar month (UTC) in ``party_months``: flags raised, open blocking
flags, confirmed (and by rule), dismissed, grievances not dismissed, low ratings, documents reviewed and
blocked. Each flag write, decision, review and rating marks the months it touches (``ethics.recounts``);
the ethics worker's recount job counts each marked month again from the flags, reviews and ratings of
that party and month, each through an index ((employer_id|recruiter, created_at|rated_at)), and stores it
with a sequence number that only grows (``seq``: rows plus decisions), so a redelivered event or a
recount racing another never leaves an older count in place (as in ``ethics.flag_counts``). The party's
totals and its risk sum (``ethics.risk``) are then summed from its months. A write costs a mark per month
it touches; a busy party's month is counted once a round, not once per write; a page view reads a few
small documents; nothing scans all the flags. ``rebuild()`` recounts everything once (at the worker's
first start after the upgrade).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime

from pymongo.errors import DuplicateKeyError

from ethics import recounts, risk
from ethics.models import Flag, Party, PartyMonth, Review, SeasonRating
from services import db, upgrades

KINDS = ("employer", "recruiter")
# Where each kind's key is stored in flags, reviews and ratings, and the rating of it that counts.
KEY_FIELDS = {"employer": ("employer_id", "employer_rating"), "recruiter": ("recruiter", "recruiter_rating")}
PARTY_MONTH = "party-month"
COUNTS = ("flags", "open_block", "confirmed", "dismissed", "grievances", "low_ratings", "reviewed", "blocked")
FLAG_FIELDS = {"employer_id": 1, "recruiter": 1, "rule": 1, "status": 1, "severity": 1, "decision_count": 1,
                "created_at": 1}


def party_id(kind: str, key: str) -> str:
    """A party's id, ``<kind>:<key>`` (also the key of its open-data tally, ``ethics.open_data``)."""
    return f"{kind}:{key}"


def month_start(moment: datetime) -> datetime:
    """The first day (00:00 UTC) of ``moment``'s month (a naive ``moment`` is read as UTC)."""
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def next_month(month: datetime) -> datetime:
    return month.replace(year=month.year + 1, month=1) if month.month == 12 else month.replace(month=month.month + 1)


# --- names ------------------------------------------------------------------------------------------------

def name_employer(employer_id: str, name: str, country: str = "", overwrite: bool = True) -> None:
    """Keep an employer's name (``overwrite=False``: only if none is known yet)."""
    _name("employer", employer_id, {"name": name, "country": country}, overwrite)


def name_recruiter(key: str, name: str, country: str = "", recruiter_id: str = "") -> None:
    """Keep a recruiter's name: the registry's (with its id) replaces any other; a vacancy's only fills a gap."""
    fields = {"name": name, "country": country, **({"recruiter_id": recruiter_id} if recruiter_id else {})}
    _name("recruiter", key, fields, overwrite=bool(recruiter_id))


def _name(kind: str, key: str, fields: dict, overwrite: bool) -> None:
    fields = {k: v for k, v in fields.items() if v}
    if not key or not fields.get("name"):
        return
    collection, pid = Party._get_collection(), party_id(kind, key)
    _ensure(pid, kind, key)
    collection.update_one({"_id": pid} if overwrite else {"_id": pid, "name": ""}, {"$set": fields})


def _ensure(pid: str, kind: str, key: str) -> None:
    insert = {"kind": kind, "key": key, "name": "", "seq": 0, "weighted": 0.0, **dict.fromkeys(COUNTS, 0)}
    db.upsert(lambda: Party._get_collection().update_one({"_id": pid}, {"$setOnInsert": insert}, upsert=True))


def names(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The known names of parties ``(kind, key)``, in one query by id."""
    ids = {party_id(kind, key) for kind, key in pairs if key}
    found = Party._get_collection().find({"_id": {"$in": list(ids)}}, {"kind": 1, "key": 1, "name": 1}) if ids else []
    return {(row["kind"], row["key"]): row.get("name") or "" for row in found}


def names_of_flags(flags) -> dict[tuple[str, str], str]:
    """The names of the employers and recruiters a list of flags names."""
    return names({("employer", f.employer_id) for f in flags} | {("recruiter", f.recruiter) for f in flags})


def get(kind: str, key: str) -> Party | None:
    return Party.objects(id=party_id(kind, key)).first()


# --- counts -----------------------------------------------------------------------------------------------

def touched(doc: dict, time_field: str = "created_at") -> set[tuple[str, str, datetime]]:
    """The (kind, key, month) a flag, review or rating counts in."""
    found = set()
    for kind, (field, _rating) in KEY_FIELDS.items():
        key = doc.get(field) or ""
        if key and doc.get(time_field):
            found.add((kind, key, month_start(doc[time_field])))
    return found


def after_flags(stored: list[dict], review: Review | None = None) -> None:
    """Mark the months the ``stored`` flags count in (also after a replay stored nothing new), and those
    the ``review`` they came from counts in."""
    months = set().union(*(touched(flag) for flag in stored))
    if review is not None:
        months |= touched({"employer_id": review.employer_id, "recruiter": review.recruiter,
                           "created_at": review.created_at})
    _mark(months)


def after_flag(flag: Flag) -> None:
    """Mark the months of ``flag`` after a decision on it."""
    _mark(touched({"employer_id": flag.employer_id, "recruiter": flag.recruiter, "created_at": flag.created_at}))


def after_rating(rating: SeasonRating) -> None:
    _mark(touched({"employer_id": rating.employer_id, "recruiter": rating.recruiter, "rated_at": rating.rated_at},
                  "rated_at"))


def _mark(months: Iterable[tuple[str, str, datetime]]) -> None:
    for kind, key, month in months:
        recounts.mark(PARTY_MONTH, kind, key, f"{month:%Y-%m}")


def recount_marked_month(kind: str, key: str, month: str) -> None:
    """Recount a mark's month (``YYYY-MM``) of a party, then its totals."""
    recount({(kind, key, datetime.strptime(month, "%Y-%m").replace(tzinfo=UTC))})


# What ``ethics.recounts`` calls for each kind of mark.
RECOUNTERS = {PARTY_MONTH: recount_marked_month}


def recount(months: Iterable[tuple[str, str, datetime]], force: bool = False) -> None:
    """Recount each (kind, key, month), then each party's totals."""
    parties = set()
    for kind, key, month in months:
        _store_month(kind, key, month, count_month(kind, key, month), force)
        parties.add((kind, key))
    for kind, key in parties:
        recount_totals(kind, key, force)


def count_month(kind: str, key: str, month: datetime) -> dict:
    """One party's counts for one month, from its flags, reviews and ratings (each through an index)."""
    field, rating_name = KEY_FIELDS[kind]
    window = {"$gte": month, "$lt": next_month(month)}
    counts = {**dict.fromkeys((*COUNTS, "seq"), 0), "confirmed_by_rule": Counter()}
    for flag in Flag._get_collection().find({field: key, "created_at": window}, FLAG_FIELDS):
        add_flag(counts, flag)
    for review in Review._get_collection().find({field: key, "created_at": window}, {"verdict": 1}):
        add_review(counts, review)
        counts["seq"] += 1
    for rating in SeasonRating._get_collection().find({field: key, "rated_at": window}, {rating_name: 1}):
        counts["low_ratings"] += _low(rating.get(rating_name))
        counts["seq"] += 1
    counts["confirmed_by_rule"] = dict(counts["confirmed_by_rule"])
    return counts


def add_flag(counts: dict, flag: dict) -> None:
    """Count one flag into a month's counts."""
    status = flag.get("status", "open")
    counts["flags"] += 1
    counts["open_block"] += status == "open" and flag.get("severity") == "block"
    counts["dismissed"] += status == "dismissed"
    counts["grievances"] += flag.get("rule") == "grievance" and status != "dismissed"
    if status == "confirmed":
        counts["confirmed"] += 1
        counts["confirmed_by_rule"][flag["rule"]] += 1
    counts["seq"] += 1 + int(flag.get("decision_count") or 0)


def add_review(counts: dict, review: dict) -> None:
    """Count one review into a party's counts (here a month's, in ``ethics.open_data`` a tally)."""
    counts["reviewed"] += 1
    counts["blocked"] += review.get("verdict") == "block"


def _low(rating) -> bool:
    return isinstance(rating, int) and not isinstance(rating, bool) and rating <= risk.LOW_RATING


def _store_month(kind: str, key: str, month: datetime, counts: dict, force: bool) -> None:
    pid = party_id(kind, key)
    doc = {**counts, "party": pid, "month": month}
    _conditional(PartyMonth._get_collection(), f"{pid}|{month:%Y-%m}", doc, force)


def recount_totals(kind: str, key: str, force: bool = False) -> dict:
    """Sum a party's months (through the (party, month) index) into its totals and risk sum."""
    pid = party_id(kind, key)
    months = list(PartyMonth._get_collection().find({"party": pid}))
    totals = {name: sum(int(m.get(name) or 0) for m in months) for name in (*COUNTS, "seq")}
    totals |= {"kind": kind, "key": key, "weighted": risk.weighted(months)}
    _ensure(pid, kind, key)
    _conditional(Party._get_collection(), pid, totals, force)
    return totals


def _conditional(collection, key: str, doc: dict, force: bool) -> None:
    """Store ``doc`` under ``key`` unless what is stored was counted from a newer state (a higher ``seq``)."""
    if force:
        db.upsert(lambda: collection.update_one({"_id": key}, {"$set": doc}, upsert=True))
        return
    try:
        collection.update_one({"_id": key, "seq": {"$lt": doc["seq"]}}, {"$set": doc}, upsert=True)
    except DuplicateKeyError:
        pass  # stored from this state or a newer one


def months_of(kind: str, key: str, since: datetime) -> list[dict]:
    """A party's stored months from ``since`` on, oldest first."""
    return list(PartyMonth._get_collection().find({"party": party_id(kind, key), "month": {"$gte": since}})
                .sort("month", 1))


def rebuild() -> int:
    """Recount every party's months from all flags, reviews and ratings (one pass over each), replacing
    what is stored. Returns how many party-months were counted."""
    months: set[tuple[str, str, datetime]] = set()
    for flag in Flag._get_collection().find({}, FLAG_FIELDS):
        months |= touched(flag)
    for review in Review._get_collection().find({}, {"employer_id": 1, "recruiter": 1, "created_at": 1}):
        months |= touched(review)
    for rating in SeasonRating._get_collection().find({}):
        months |= touched(rating, "rated_at")
    recount(months, force=True)
    return len(months)


def build_once() -> None:
    """Count the parties' records from what was stored before they were kept (once per database)."""
    upgrades.once(Flag._get_collection().database, "party-counts", rebuild)


def main(argv=None) -> int:
    """``python -m ethics.parties``: recount the parties' records in the ethics database of the environment."""
    from services.config import Settings

    db.connect(Settings.from_env("ethics"))
    print(f"party records rebuilt: {rebuild()} party-months")
    return 0


if __name__ == "__main__":
    sys.exit(main())
