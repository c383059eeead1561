"""The auditors' risk view: employers and recruiters worst first, and one party's record.

Read from the per-party documents ``ethics.parties`` keeps (no flag is read to rank): the list is the
parties with a positive risk sum in the order of their ``weighted`` index; a party's page reads its own
months (at most 12 small documents), a page of its flags, its open flags on vacancies and its decided
flags of the last 12 months, each through an index on (employer_id|recruiter, status, created_at).
"""

from __future__ import annotations

from base64 import urlsafe_b64decode, urlsafe_b64encode
from datetime import UTC, datetime
from itertools import islice

from ethics import parties, risk
from ethics.models import EmployerRegistration, Flag, Party, Recruiter
from ethics.rules.recruiters import licence_key
from services import errors
from services.keyset import newest_first, time_window

MONTHS = 12
SHOWN = 50
FIELD = {"employer": "employer_id", "recruiter": "recruiter"}


def ranked(kind: str | None, limit: int, cursor: str | None,
           now: datetime | None = None) -> tuple[list[dict], str | None]:
    """Parties worst first (of one kind if given), after ``cursor``, and the next page's cursor."""
    collection, kind_filter = Party._get_collection(), ({"kind": kind} if kind else {})
    order = [("weighted", -1), ("_id", 1)]
    rows, below = [], {"$gt": 0}
    if cursor:
        # Two queries, each served by the index (kind?, -weighted, _id): the rest of the cursor's tie, then
        # the lower sums. (One ``$or`` of both would scan the collection on the local database.)
        weighted, after = _decode(cursor)
        rows = list(collection.find({**kind_filter, "weighted": weighted, "_id": {"$gt": after}})
                    .sort(order).limit(limit + 1))
        below = {"$gt": 0, "$lt": weighted}
    if len(rows) <= limit:
        rows += list(collection.find({**kind_filter, "weighted": below}).sort(order).limit(limit + 1 - len(rows)))
    next_cursor = _encode(rows[limit - 1]) if len(rows) > limit else None
    decay = risk.decay(now or datetime.now(UTC))
    return [item(row, decay) for row in rows[:limit]], next_cursor


def item(row: dict, decay: float) -> dict:
    """A party as the risk list shows it."""
    recruiter = row["kind"] == "recruiter"
    return {"kind": row["kind"], "id": (row.get("recruiter_id") or row["key"]) if recruiter else row["key"],
            "key": row["key"], "name": row.get("name") or "", "licence": row["key"] if recruiter else None,
            "score": round(float(row.get("weighted") or 0) * decay, 2),
            **{name: int(row.get(name) or 0) for name in (*risk.MEASURES, "flags", "reviewed", "blocked")}}


def _encode(row: dict) -> str:
    return urlsafe_b64encode(f"{float(row['weighted'])!r}|{row['_id']}".encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[float, str]:
    try:
        weighted, after = urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split("|", 1)
        return float(weighted), after
    except (ValueError, UnicodeDecodeError) as exc:
        raise errors.Invalid("The cursor is not one this service gave out.") from exc


def party_key(kind: str, key: str) -> str:
    """The stored key of a party named in a URL: an employer's id, or a recruiter's licence (any spelling) or
    registry id. NotFound for an unknown kind or an empty key."""
    if kind == "recruiter":
        registered = Recruiter.objects(id=key).first() if _is_object_id(key) else None
        key = registered.licence_key if registered else licence_key(key)
    if kind not in FIELD or not key:
        raise errors.NotFound()
    return key


def _is_object_id(value: str) -> bool:
    return len(value) == 24 and all(c in "0123456789abcdef" for c in value)


def record(kind: str, key: str, now: datetime | None = None) -> dict:
    """Everything a party's page shows: its name and totals, its 12 months, its open flags on vacancies and
    its decisions. NotFound when ethics has nothing on it."""
    now = now or datetime.now(UTC)
    party = parties.get(kind, key)
    registered = Recruiter.objects(licence_key=key).first() if kind == "recruiter" else None
    registration = _registration(key) if kind == "employer" else None
    if party is None and registered is None and registration is None:
        raise errors.NotFound("Ethics has no record of this party.")
    row = party.to_mongo().to_dict() if party else {"kind": kind, "key": key, "name": ""}
    starts = month_starts(now)
    months = {m["month"].replace(tzinfo=UTC): m for m in parties.months_of(kind, key, starts[0])}
    return {"party": item(row, risk.decay(now)), "name": row.get("name") or _fallback_name(registered, registration),
            "recruiter": registered, "registration": registration, "starts": starts,
            "trend": {m: [int(months.get(s, {}).get(m) or 0) for s in starts] for m in TREND_MEASURES},
            "under_review": _flags(kind, key, ("open",), starts[0], lambda doc: doc["document_kind"] == "vacancy"),
            "decided": _flags(kind, key, ("confirmed", "dismissed"), starts[0])}


TREND_MEASURES = ("flags", "open_block", "confirmed", "grievances", "low_ratings", "reviewed", "blocked")


def month_starts(now: datetime) -> list[datetime]:
    """The first days of the last ``MONTHS`` months, oldest first, this month last."""
    month = parties.month_start(now)
    starts = [month]
    for _ in range(MONTHS - 1):
        month = (month.replace(year=month.year - 1, month=12) if month.month == 1
                 else month.replace(month=month.month - 1))
        starts.append(month)
    return starts[::-1]


def _flags(kind: str, key: str, statuses: tuple[str, ...], since: datetime, keep=None) -> list[Flag]:
    """The party's newest flags of ``statuses`` raised since ``since`` (at most ``SHOWN``), read window by window
    through the index (employer_id|recruiter, status, created_at): about a page, not all its flags."""
    collection = Flag._get_collection()
    found = []
    for status in statuses:
        def fetch(lo, hi, status=status):
            return list(collection.find({FIELD[kind]: key, "status": status, "created_at": time_window(lo, hi)}))

        found += islice(newest_first(fetch, _position, None, floor=since, keep=keep), SHOWN)
    return [Flag._from_son(doc) for doc in sorted(found, key=_position, reverse=True)[:SHOWN]]


def _position(doc: dict):
    moment = doc["created_at"]
    return (moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment), doc["_id"]


def _registration(key: str) -> EmployerRegistration | None:
    return EmployerRegistration.objects(id=key).first() if _is_object_id(key) else None


def _fallback_name(registered, registration) -> str:
    return (registered.name if registered else "") or (registration.name if registration else "")
