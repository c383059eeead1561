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
    StringField,
)
from werkzeug.exceptions import Unauthorized

from services.outbox import OutboxDocument

SEVERITIES = ("block", "review")
FLAG_STATUSES = ("open", "confirmed", "dismissed")
DECISIONS = ("confirmed", "dismissed")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Review(OutboxDocument):
    """One verdict on one submitted document, keyed by the event that asked for it.

    The verdict and the ``*.reviewed`` event it publishes are one write.
    """

    event_source = "ethics"

    # Keyed by the requesting event's id: FerretDB finds a document by _id without reading them all.
    id = StringField(primary_key=True)
    request_event_id = StringField(required=True, unique=True)
    kind = StringField(required=True, choices=("vacancy", "offer"))
    document_id = StringField(required=True)
    employer_id = StringField()
    verdict = StringField(required=True, choices=("pass", "flag", "block"))
    rules_version = StringField(required=True)
    flags = ListField(DictField())
    created_at = DateTimeField(default=utcnow)

    meta = {"collection": "reviews", "indexes": [("kind", "document_id")]}


class Decision(EmbeddedDocument):
    """An auditor's decision on a flag: who, when, what and why."""

    decision = StringField(required=True, choices=DECISIONS)
    note = StringField(default="")
    auditor_id = StringField(required=True)
    auditor_email = StringField(required=True)
    decided_at = DateTimeField(default=utcnow)


class Flag(Document):
    """A rule that fired on a document (or a grievance), for auditors to decide on.

    ``key`` makes storing a flag idempotent when an event is redelivered.
    ``decisions`` only grows: a later decision never erases an earlier one.
    """

    key = StringField(required=True, unique=True)
    employer_id = StringField(default="")
    document_kind = StringField(required=True, choices=("vacancy", "offer", "grievance"))
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

    meta = {
        "collection": "flags",
        "indexes": ["employer_id", "rule", "status", "severity", "-created_at"],
    }


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
        """The auditor a token or session names; 401 when the account is gone."""
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
