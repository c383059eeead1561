"""What the ethics service stores: reviews, flags and auditors."""

from __future__ import annotations

from datetime import UTC, datetime

from bson import ObjectId
from mongoengine import (
    DateTimeField,
    DictField,
    Document,
    EmbeddedDocument,
    EmbeddedDocumentListField,
    IntField,
    ListField,
    ObjectIdField,
    StringField,
)

from ethics.models_registry import Party, PartyMonth, Recruiter, RecruiterChange, SeasonRating
from services.errors import Unauthorized
from services.outbox import OutboxDocument

__all__ = ["Auditor", "Decision", "EmployerFlagCounts", "EmployerRegistration", "Flag", "Party", "PartyMonth",
           "Recount", "Recruiter", "RecruiterChange", "Review", "SeasonRating", "TwoFactor", "VerificationDecision",
           "WeekFlagCount"]

SEVERITIES = ("block", "review")
FLAG_STATUSES = ("open", "confirmed", "dismissed")
DECISIONS = ("confirmed", "dismissed")
VERIFICATIONS = ("unverified", "verified", "rejected")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Review(OutboxDocument):
    """One verdict on one submitted document, keyed by the event that asked for it.

    The verdict and the ``*.reviewed`` event it publishes are one write.
    """

    event_source = "ethics"

    # Keyed by the requesting event's id: a redelivered request finds its review by primary key, and two
    # consumers storing the same review collide on it (so no second unique index on request_event_id).
    id = StringField(primary_key=True)
    request_event_id = StringField(required=True)
    kind = StringField(required=True, choices=("vacancy", "offer"))
    document_id = StringField(required=True)
    employer_id = StringField()
    recruiter = StringField(default="")  # the licence key of the vacancy's recruiter ("" for direct hire)
    verdict = StringField(required=True, choices=("pass", "flag", "block"))
    rules_version = StringField(required=True)
    flags = ListField(DictField())
    # A vacancy's recruiter as the vacancy names it (name, licence, country), for the open data
    # (``ethics.open_data``); null for a direct hire or an offer.
    recruiter_named = DictField(null=True)
    created_at = DateTimeField(default=utcnow)

    # The open data fold the vacancy reviews of a time window (kind, created_at); the parties' monthly counts
    # (``ethics.parties``) count reviews through the last two.
    meta = {"collection": "reviews", "indexes": [("kind", "document_id"), ("kind", "created_at"),
                                                 ("employer_id", "created_at"), ("recruiter", "created_at")]}


class Decision(EmbeddedDocument):
    """An auditor's decision on a flag: who, when, what and why."""

    decision = StringField(required=True, choices=DECISIONS)
    note = StringField(default="")
    auditor_id = StringField(required=True)
    auditor_email = StringField(required=True)
    decided_at = DateTimeField(default=utcnow)


class Flag(OutboxDocument):
    """A rule that fired on a document (or a grievance), for auditors to decide on.

    A decision on a named grievance's flag publishes ``grievance.decided`` in the same write (outbox).

    ``key`` makes storing a flag idempotent when an event is redelivered.
    ``decisions`` only grows: a later decision never erases an earlier one.
    """

    event_source = "ethics"

    key = StringField(required=True, unique=True)
    employer_id = StringField(default="")
    recruiter = StringField(default="")  # the licence key of the recruiter involved ("" for direct hire)
    document_kind = StringField(required=True, choices=("vacancy", "offer", "grievance", "rating", "fairness"))
    document_id = StringField(required=True)
    document = DictField()
    rule = StringField(required=True)
    severity = StringField(required=True, choices=SEVERITIES)
    principle = StringField(default="")
    message = StringField(default="")
    evidence = StringField(default="")
    rules_version = StringField(default="")
    status = StringField(default="open", choices=FLAG_STATUSES)
    decisions = EmbeddedDocumentListField(Decision)
    decision_count = IntField(default=0)
    created_at = DateTimeField(default=utcnow)

    # Lists read newest first in time windows (``ethics.flags``): one index per filter that goes to the
    # database, its field then created_at, and created_at alone for the unfiltered list. Counts per
    # employer and per rule and week (``ethics.flag_counts``) are recounted through the first two; a party's
    # months (``ethics.parties``) through (employer_id|recruiter, created_at), and a party page's open and
    # decided flags read through (employer_id|recruiter, status, created_at).
    meta = {
        "collection": "flags",
        "indexes": [("employer_id", "created_at"), ("rule", "created_at"), ("status", "created_at"),
                    ("severity", "created_at"), "created_at", ("recruiter", "created_at"),
                    ("employer_id", "status", "created_at"), ("recruiter", "status", "created_at")],
    }


class VerificationDecision(EmbeddedDocument):
    """An auditor's decision on an employer's registration: who, when, what and why."""

    decision = StringField(required=True, choices=VERIFICATIONS[1:])
    note = StringField(default="")
    auditor_id = StringField(required=True)
    auditor_email = StringField(required=True)
    decided_at = DateTimeField(default=utcnow)


class EmployerRegistration(OutboxDocument):
    """An employer's registration details (``employer.registered``) and the auditors' verification of them.

    Keyed by the employer's id, an ObjectId the employers service made at sign-up: newest first is
    ``_id`` order. The decision and the ``employer.verified`` event it publishes are one write.
    """

    event_source = "ethics"

    id = ObjectIdField(primary_key=True)
    name = StringField(default="")
    country = StringField(default="")
    registration_number = StringField(default="")
    registered_at = DateTimeField(default=utcnow)
    verification = StringField(default="unverified", choices=VERIFICATIONS)
    decisions = EmbeddedDocumentListField(VerificationDecision)
    decision_count = IntField(default=0)

    # The queue: one verification state, newest first (``services.keyset.id_page``).
    meta = {"collection": "employer_registrations", "indexes": [("verification", "-_id")]}


class EmployerFlagCounts(Document):
    """An employer's flags counted by state, for the compliance summary (kept by ``ethics.flag_counts``).

    ``seq`` is the number of flags plus the number of decisions the counts were made from: both only
    grow, so a count made from an older state never overwrites a newer one.
    """

    id = StringField(primary_key=True)  # the employer's id ("" for flags that name no employer)
    open_block = IntField(default=0)
    open_review = IntField(default=0)
    confirmed = IntField(default=0)
    dismissed = IntField(default=0)
    total = IntField(default=0)
    seq = IntField(default=0)

    # The summary lists employers worst first, in this order.
    meta = {"collection": "flag_counts_by_employer", "indexes": [("-confirmed", "-open_block", "-total")]}


class WeekFlagCount(Document):
    """How many flags a rule raised in a week (Monday 00:00 UTC on), for the weekly chart."""

    id = StringField(primary_key=True)  # "<rule>|<week's Monday, YYYY-MM-DD>"
    rule = StringField(required=True)
    week = DateTimeField(required=True)
    count = IntField(default=0)

    meta = {"collection": "flag_counts_by_week", "indexes": ["week"]}


class Recount(Document):
    """A count that a write changed and that waits to be counted again (``ethics.recounts``): what it is
    (``employer-flags``, ``rule-week``, ``party-month``), its arguments, and how often it was marked."""

    id = StringField(primary_key=True)  # "<what>|<args joined by |>"
    what = StringField(required=True)
    args = ListField(StringField())
    revision = IntField(default=0)

    meta = {"collection": "recounts"}


class FairnessRecord(Document):
    """One employer's fairness totals as the workers service last published them (``fairness.tallied``):
    ``counts`` ``{stage: {gender: n}}`` and ``by_origin`` ``{country: {stage: {gender: n}}}``; ``offers``
    (all offers counted) orders the auditors' list. Only totals: no worker is named (``ethics.fairness``)."""

    id = StringField(primary_key=True)  # the employer's id
    revision = IntField(default=0)
    counts = DictField()
    by_origin = DictField()
    offers = IntField(default=0)
    updated_at = DateTimeField(default=utcnow)

    meta = {"collection": "fairness_records", "indexes": [("-offers", "_id"), "-updated_at"]}


class FairnessOverall(Document):
    """The sum of every employer's fairness totals, made again by the worker when a record changed (the
    page reads this one document, never the records)."""

    id = StringField(primary_key=True, default="overall")
    counts = DictField()
    by_origin = DictField()
    employers = IntField(default=0)
    made_at = DateTimeField(default=utcnow)

    meta = {"collection": "fairness_overall"}


class Auditor(Document):
    """An auditor account; created only by the operator command."""

    email = StringField(required=True, unique=True)
    password_hash = StringField(required=True)
    created_at = DateTimeField(default=utcnow)

    meta = {"collection": "auditors"}

    @classmethod
    def by_email(cls, email: str) -> Auditor | None:
        return cls.objects(email=email.strip().lower()).first()

    @classmethod
    def signed_in(cls, subject: str) -> Auditor:
        """The auditor a token or session names; Unauthorized when the account is gone."""
        auditor = cls.objects(id=subject).first() if ObjectId.is_valid(subject) else None
        if auditor is None:
            raise Unauthorized("This account no longer exists.")
        return auditor

class TwoFactor(Document):
    """An auditor's two-factor enrolment (``ethics.two_factor``), keyed by the auditor's id.

    ``last_step`` is the TOTP time step of the last code accepted (a code works once);
    ``recovery_hashes`` the SHA-256 of the recovery codes not yet used.
    """

    id = StringField(primary_key=True)
    totp_secret = StringField(required=True)
    recovery_hashes = ListField(StringField())
    last_step = IntField(default=0)
    enrolled_at = DateTimeField(default=utcnow)

    meta = {"collection": "auditor_two_factor"}


class OpenDataTally(Document):
    """A party's vacancy reviews counted for the open data (``ethics.open_data``): one per employer and per
    recruiter, folded from the reviews window by window; ``folded_until`` is the end of the last window
    counted in, so a window folded again after a crash is not counted twice."""

    id = StringField(primary_key=True)  # "employer:<id>" or "recruiter:<licence or name>"
    kind = StringField(required=True, choices=("employer", "recruiter"))
    party = StringField(required=True)  # the employer's id, or the recruiter's key
    name = StringField(default="")
    country = StringField(default="")
    reviewed = IntField(default=0)
    blocked = IntField(default=0)
    folded_until = DateTimeField()

    # The published parties: those with enough reviews.
    meta = {"collection": "open_data_tallies", "indexes": ["reviewed"]}


class OpenDataSnapshot(Document):
    """One publication of the open data: its version (a sequence number), when it was made, and its rows."""

    id = IntField(primary_key=True)
    generated_at = DateTimeField(required=True)
    items = ListField(DictField())

    meta = {"collection": "open_data_snapshots"}
