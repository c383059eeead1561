"""What the ethics service stores of recruiters and of the parties it keeps a record on (re-exported by
``ethics.models``): the recruiter registry with its history, each party's name and counters, and the
workers' ratings it counts."""

from __future__ import annotations

from datetime import UTC, datetime

from mongoengine import (
    DateTimeField,
    DictField,
    Document,
    EmbeddedDocument,
    EmbeddedDocumentListField,
    FloatField,
    IntField,
    StringField,
)

from ethics.rules.recruiters import STATUSES


def utcnow() -> datetime:
    return datetime.now(UTC)


class RecruiterChange(EmbeddedDocument):
    """One change to a registry entry: who, when, and each field's value before and after."""

    auditor_id = StringField(required=True)
    auditor_email = StringField(required=True)
    changed_at = DateTimeField(default=utcnow)
    changes = DictField()  # field -> [before, after] (before None at creation)


class Recruiter(Document):
    """A labour recruiter in the registry: its licence and whether it may recruit (``status``, ``valid_until``,
    an ISO day or ""), with every change kept in ``history`` (``revision`` counts them)."""

    name = StringField(required=True)
    country = StringField(required=True)
    licence = StringField(required=True)
    licence_key = StringField(required=True, unique=True)  # ``ethics.rules.recruiters.licence_key``
    status = StringField(required=True, choices=STATUSES)
    valid_until = StringField(default="")
    source = StringField(default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    history = EmbeddedDocumentListField(RecruiterChange)
    revision = IntField(default=0)

    # The list's filters, newest first (``services.keyset.id_page``); the engine's lookup by licence_key.
    meta = {"collection": "recruiters",
            "indexes": [("country", "-_id"), ("status", "-_id"), ("licence_key", "-_id")]}


class Party(Document):
    """An employer or a recruiter the auditors keep a record on: its name (from events and the registry) and
    its counters, summed from its months (``ethics.parties``). ``weighted`` orders the risk list: the
    recency-weighted score referred to a fixed day, so the order never changes as time passes."""

    id = StringField(primary_key=True)  # "employer:<employer id>" or "recruiter:<licence key>"
    kind = StringField(required=True, choices=("employer", "recruiter"))
    key = StringField(required=True)
    name = StringField(default="")
    country = StringField(default="")
    recruiter_id = StringField(default="")  # the registry entry's id, once registered
    flags = IntField(default=0)
    open_block = IntField(default=0)
    confirmed = IntField(default=0)
    dismissed = IntField(default=0)
    grievances = IntField(default=0)
    low_ratings = IntField(default=0)
    reviewed = IntField(default=0)
    blocked = IntField(default=0)
    weighted = FloatField(default=0.0)
    seq = IntField(default=0)

    # Not strict: counts added later (``ethics.parties.COUNTS``) are read back by older code without failing.
    meta = {"collection": "parties", "strict": False,
            "indexes": [("-weighted", "_id"), ("kind", "-weighted", "_id")]}


class PartyMonth(Document):
    """One party's counts for one calendar month (UTC) of flags raised, reviews and ratings; recounted from
    them through their indexes after each write (``ethics.parties``)."""

    id = StringField(primary_key=True)  # "<party id>|YYYY-MM"
    party = StringField(required=True)
    month = DateTimeField(required=True)  # the first day, 00:00 UTC
    flags = IntField(default=0)
    open_block = IntField(default=0)
    confirmed = IntField(default=0)
    dismissed = IntField(default=0)
    grievances = IntField(default=0)
    low_ratings = IntField(default=0)
    reviewed = IntField(default=0)
    blocked = IntField(default=0)
    confirmed_by_rule = DictField()  # rule -> confirmed flags of that rule (for the open-data families)
    seq = IntField(default=0)

    meta = {"collection": "party_months", "strict": False, "indexes": [("party", "month")]}


class SeasonRating(Document):
    """A worker's rating of a completed season (``placement.rated``), kept without the worker: only what the
    parties' records count. Keyed by the offer: a season is rated once."""

    id = StringField(primary_key=True)  # the offer's id
    employer_id = StringField(default="")
    recruiter = StringField(default="")  # licence key; "" for direct hire
    employer_rating = IntField()
    recruiter_rating = IntField()
    rated_at = DateTimeField(default=utcnow)

    meta = {"collection": "season_ratings", "indexes": [("employer_id", "rated_at"), ("recruiter", "rated_at")]}
