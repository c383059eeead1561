"""Open compliance data: per employer and per recruiter, the vacancies reviewed, the share blocked and the
confirmed violations by rule family, published as dated, versioned snapshots (JSON and CSV) for anyone.

How it is kept, so that no request scans the reviews:

- Counters. ``fold_reviews`` adds the vacancy reviews of one time window (read through the index on
  kind and created_at) to one tally per employer and per recruiter (``OpenDataTally``), then moves the
  window on. Each tally records the end of the last window counted in, and the window being folded is
  written down before any tally changes, so a fold cut short by a crash is done again without counting
  twice. Reviews newer than ``LAG`` wait for the next window: a consumer may store a review a moment
  after it was dated.
- Confirmed violations come from the flags auditors confirmed (read through the index on status): few
  next to all the flags.
- A snapshot (``OpenDataSnapshot``) holds the published rows; the ethics worker makes a new one every
  ``LP_OPEN_DATA_SECONDS`` (``OpenDataJob``), and the API and the page only read the newest, by its
  primary key. Nothing is kept in memory only.

What is published: parties with at least ``MIN_REVIEWED`` vacancy reviews (each revision of a vacancy is a
review), by name and country only. Employers are named as they registered (``employer.registered``);
recruiters as vacancies name them, keyed by licence number (or by name without one). No worker, no
document, no flag text, no evidence. ``party_rows`` is the one place the rows are assembled: counters kept
elsewhere (per-party counters of a recruiter registry) can feed it in place of the tallies.
"""

from __future__ import annotations

import csv
import io
import logging
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from bson import ObjectId
from pymongo import UpdateOne
from pymongo.errors import BulkWriteError, DuplicateKeyError, PyMongoError

from ethics import parties
from ethics.flags import _cell as inert_cell
from ethics.models import EmployerRegistration, Flag, OpenDataSnapshot, OpenDataTally, Review
from ethics.rules.recruiters import licence_key
from services.db import DUPLICATE_KEY

log = logging.getLogger(__name__)

MIN_REVIEWED = 5
LAG = timedelta(seconds=60)
KEEP_SNAPSHOTS = 60
STATE = "open_data_state"
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
# Rule families, as the ILO's fair-recruitment principles and forced-labour indicators group them.
FAMILIES = {
    "fees-and-costs": ("worker-fees", "worker-costs", "offer-new-fees", "h2a-housing", "rating-fees-charged"),
    "wages": ("below-minimum-wage", "deductions-below-minimum", "withheld-wages", "excessive-deductions",
              "offer-lower-wage", "h2a-guarantee", "rating-paid-late"),
    "working-time": ("excessive-hours", "long-hours", "forced-overtime", "no-rest-day"),
    "forced-labour": ("passport-retention", "debt-bondage", "exit-penalty", "movement-restriction", "isolation",
                      "forced-transfer", "company-store"),
    "freedom-of-association": ("union-ban",),
    "discrimination": ("discrimination", "underage", "age-requirement", "possible-sex-discrimination"),
    "recruitment-and-contract": ("unlicensed-recruiter", "recruiter-licence-invalid", "recruiter-unverified",
                                 "contract-language", "no-return-travel", "offer-shorter-season", "offer-worse-terms",
                                 "terms-contradiction"),
    "grievances": ("grievance",),
    "other": (),
}
FAMILY_OF = {rule: family for family, rules in FAMILIES.items() for rule in rules}
CSV_COLUMNS = ("kind", "name", "country", "reviewed", "blocked_share", *(f"confirmed_{f}" for f in FAMILIES))


def family_of(rule: str) -> str:
    """The family a rule belongs to (``other`` for a rule not listed)."""
    return FAMILY_OF.get(rule, "other")


def recruiter_of(vacancy: dict | None) -> dict | None:
    """What the open data keep of a vacancy's recruiter (name, licence, country), or None for a direct hire."""
    recruiter = (vacancy or {}).get("recruiter")
    if not isinstance(recruiter, dict) or not (recruiter.get("name") or recruiter.get("licence")):
        return None
    return {key: str(recruiter.get(key) or "").strip() for key in ("name", "licence", "country")}


def recruiter_key(recruiter: dict) -> str:
    """One recruiter, however its vacancies spell it: the licence as the registry matches it
    (``licence_key``: "on-ra 1234" is ON-RA-1234), else the name."""
    licence = licence_key(recruiter.get("licence"))
    return f"licence:{licence}" if licence else f"name:{' '.join(str(recruiter.get('name') or '').split()).casefold()}"


def fold_reviews(now: datetime | None = None) -> int:
    """Count the vacancy reviews of the next window into the tallies; how many reviews were folded."""
    state = _state()
    found = state.find_one({"_id": "reviews"}) or {}
    start = _aware(found.get("folded_until")) or EPOCH
    bound = _aware(found.get("folding_to")) or (now or datetime.now(UTC)) - LAG
    if bound <= start:
        return 0
    # Written down first: a crash from here on folds this same window again, and the tallies that took
    # it already (their folded_until) refuse it the second time.
    state.update_one({"_id": "reviews"}, {"$set": {"folding_to": bound}}, upsert=True)
    tallies: dict[str, dict] = defaultdict(lambda: {"reviewed": 0, "blocked": 0})
    reviews = Review._get_collection().find({"kind": "vacancy", "created_at": {"$gte": start, "$lt": bound}},
                                            {"employer_id": 1, "verdict": 1, "recruiter_named": 1})
    folded = 0
    for review in reviews:
        folded += 1
        named = [("employer", str(review.get("employer_id") or ""), {})]
        if review.get("recruiter_named"):
            recruiter = review["recruiter_named"]
            named.append(("recruiter", recruiter_key(recruiter),
                          {"name": recruiter.get("name", ""), "country": recruiter.get("country", "")}))
        for kind, party, names in named:
            if party:
                tally = tallies[parties.party_id(kind, party)]
                tally.update(kind=kind, party=party, **{k: v for k, v in names.items() if v})
                parties.add_review(tally, review)
    _store_tallies(tallies, bound)
    state.update_one({"_id": "reviews"}, {"$set": {"folded_until": bound}, "$unset": {"folding_to": ""}})
    return folded


def _store_tallies(tallies: dict[str, dict], bound: datetime) -> None:
    operations = [
        UpdateOne({"_id": key, "folded_until": {"$lt": bound}},
                  {"$inc": {"reviewed": t.pop("reviewed"), "blocked": t.pop("blocked")},
                   "$set": {**t, "folded_until": bound}}, upsert=True)
        for key, t in tallies.items()]
    for start in range(0, len(operations), 1000):
        try:
            OpenDataTally._get_collection().bulk_write(operations[start:start + 1000], ordered=False)
        except BulkWriteError as exc:
            # A tally that already took this window: its upsert collides with it, and is skipped.
            if any(e.get("code") != DUPLICATE_KEY for e in exc.details.get("writeErrors", [])):
                raise


def confirmed_by_party() -> dict[str, dict[str, int]]:
    """Confirmed flags counted per party ("employer:<id>", "recruiter:<key>") and family."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(FAMILIES, 0))
    flags = Flag._get_collection().find({"status": "confirmed"},
                                        {"employer_id": 1, "rule": 1, "document_kind": 1, "document.recruiter": 1})
    for flag in flags:
        family = family_of(flag.get("rule", ""))
        if flag.get("employer_id"):
            counts[parties.party_id("employer", flag["employer_id"])][family] += 1
        recruiter = recruiter_of(flag.get("document")) if flag.get("document_kind") == "vacancy" else None
        if recruiter:
            counts[parties.party_id("recruiter", recruiter_key(recruiter))][family] += 1
    return counts


def party_rows(tallies, confirmed: dict[str, dict[str, int]], names: dict[str, dict]) -> list[dict]:
    """The published rows: one per party with at least ``MIN_REVIEWED`` reviews, by kind then name.

    ``tallies`` are ``{"_id", "kind", "party", "name", "country", "reviewed", "blocked"}``; ``names`` gives
    an employer's registered name and country by id."""
    rows = []
    for tally in tallies:
        if int(tally.get("reviewed") or 0) < MIN_REVIEWED:
            continue
        known = names.get(tally["party"], {}) if tally["kind"] == "employer" else tally
        rows.append({
            "kind": tally["kind"],
            "name": known.get("name") or (f"Employer {tally['party']}" if tally["kind"] == "employer" else ""),
            "country": known.get("country") or "",
            "reviewed": int(tally["reviewed"]),
            "blocked_share": round(int(tally.get("blocked") or 0) / int(tally["reviewed"]), 3),
            "confirmed_by_family": confirmed.get(tally["_id"], dict.fromkeys(FAMILIES, 0)),
        })
    return sorted(rows, key=lambda row: (row["kind"], row["name"].casefold(), row["country"]))


def _employer_names(ids: list[str]) -> dict[str, dict]:
    keys = [ObjectId(i) for i in ids if ObjectId.is_valid(i)]
    found = EmployerRegistration._get_collection().find({"_id": {"$in": keys}}, {"name": 1, "country": 1})
    return {str(r["_id"]): {"name": r.get("name", ""), "country": r.get("country", "")} for r in found}


def publish(now: datetime | None = None) -> dict:
    """Fold the new reviews, make the rows and store them as the next snapshot; the snapshot as published."""
    now = now or datetime.now(UTC)
    fold_reviews(now)
    tallies = list(OpenDataTally._get_collection().find({"reviewed": {"$gte": MIN_REVIEWED}}))
    names = _employer_names([t["party"] for t in tallies if t["kind"] == "employer"])
    rows = party_rows(tallies, confirmed_by_party(), names)
    newest = _newest()
    version = (newest["version"] if newest else 0) + 1
    snapshot = {"_id": version, "generated_at": now, "items": rows}
    try:
        OpenDataSnapshot._get_collection().insert_one(snapshot)
    except DuplicateKeyError:
        return latest()  # another worker published this version meanwhile
    # The pointer to the newest: a read finds it by _id, then the snapshot by _id (no sort: the local
    # database sorts on _id by scanning).
    _state().update_one({"_id": "snapshot"}, {"$max": {"version": version},
                                              "$set": {"generated_at": now}}, upsert=True)
    OpenDataSnapshot._get_collection().delete_one({"_id": version - KEEP_SNAPSHOTS})
    log.info("open data v%d published: %d parties", version, len(rows))
    return as_published(snapshot)


def _state():
    return OpenDataTally._get_collection().database[STATE]


def _newest() -> dict | None:
    """``{"version", "generated_at"}`` of the newest snapshot, or None."""
    return _state().find_one({"_id": "snapshot"})


def latest() -> dict:
    """The newest snapshot (made now when none was published yet)."""
    newest = _newest()
    found = OpenDataSnapshot._get_collection().find_one({"_id": newest["version"]}) if newest else None
    return as_published(found) if found else publish()


def as_published(snapshot: dict) -> dict:
    """A stored snapshot as the contract shows it: ``{"generated_at", "version", "items"}``."""
    return {"generated_at": _aware(snapshot["generated_at"]).isoformat().replace("+00:00", "Z"),
            "version": int(snapshot["_id"]), "items": snapshot["items"]}


def file_name(snapshot: dict, extension: str) -> str:
    """The download's name, dated and versioned as DOL's disclosure files are."""
    return f"lp-compliance-disclosure_{snapshot['generated_at'][:10]}_v{snapshot['version']}.{extension}"


def csv_text(snapshot: dict) -> str:
    """The snapshot as CSV: a header, one row per party, one column per family; cells kept inert."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in snapshot["items"]:
        writer.writerow([inert_cell(v) for v in (item["kind"], item["name"], item["country"], item["reviewed"],
                                                  item["blocked_share"],
                                                  *(item["confirmed_by_family"].get(f, 0) for f in FAMILIES))])
    return out.getvalue()


def _aware(moment):
    return moment.replace(tzinfo=UTC) if isinstance(moment, datetime) and moment.tzinfo is None else moment


class OpenDataJob:
    """The ethics worker's loop that publishes a new snapshot every ``seconds`` (the first at once, unless
    another worker published one within the period)."""

    name = "open-data"

    def __init__(self, seconds: int):
        self.seconds = seconds

    def run(self, stop) -> None:
        while not stop.is_set():
            newest = _newest()
            age = datetime.now(UTC) - _aware(newest["generated_at"]) if newest else None
            due = age is None or age >= timedelta(seconds=self.seconds)
            if due:
                try:
                    publish()
                except PyMongoError:
                    raise  # the worker waits out the database, then runs the job again
                except Exception:
                    # Reviews matter more than a late publication: logged, tried again next period, while
                    # the newest snapshot stays published.
                    log.exception("open data not published")
            stop.wait(self.seconds if due else 60)
