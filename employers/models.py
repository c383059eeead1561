"""What the employers service stores: employer accounts, vacancies and offers."""

from __future__ import annotations

from datetime import UTC, datetime

from mongoengine import DateTimeField, DictField, Document, IntField, ListField, StringField

from services import notifications
from services.outbox import OutboxDocument

VACANCY_STATUSES = ("pending_review", "approved", "blocked", "filled", "closed")
OFFER_STATUSES = ("pending_review", "blocked", "sent", "accepted", "declined", "withdrawn", "completed")
# A vacancy can still be edited or closed by its employer in these states.
OPEN_VACANCY = ("pending_review", "approved", "blocked")
# Offers that hold (or may soon hold) a position on the vacancy.
LIVE_OFFER = ("pending_review", "sent", "accepted")
# Offers that took a position: they count towards ``positions``.
TAKEN_OFFER = ("accepted", "completed")


def utcnow() -> datetime:
    return datetime.now(UTC)


VERIFICATIONS = ("unverified", "verified", "rejected")


class Employer(OutboxDocument):
    """An employer account (e-mail addresses are stored lower-case, unique).

    ``verification`` is what the auditors decided on the registration details (``employer.verified``);
    where verification is required, only a ``verified`` employer reaches workers.
    """

    event_source = "employers"

    name = StringField(required=True, max_length=200)
    email = StringField(required=True, unique=True, max_length=254)
    password_hash = StringField(required=True)
    country = StringField(required=True, max_length=2)
    registration_number = StringField(default="", max_length=64)
    contact = StringField(default="", max_length=200)
    verification = StringField(default="unverified", choices=VERIFICATIONS)
    created_at = DateTimeField(default=utcnow)

    meta = {"collection": "employers"}

    @classmethod
    def by_email(cls, email: str) -> Employer | None:
        return cls.objects(email=email.strip().lower()).first()


class Vacancy(OutboxDocument):
    """A vacancy: the contract document as last submitted, its review state and revision.

    ``revision`` counts submissions (1 on creation, +1 per edit); a verdict
    applies only to the revision it was asked about.
    """

    event_source = "employers"

    employer_id = StringField(required=True)
    employer_name = StringField(default="")
    document = DictField(required=True)
    status = StringField(required=True, choices=VACANCY_STATUSES, default="pending_review")
    flags = ListField(DictField())
    revision = IntField(required=True, default=1)
    # The workers shown to the employer as candidates, each reported once in ``candidates.shown``.
    shown_candidates = ListField(StringField())
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    # The employer's list (``employers.paging``): employer, [status,] _id; an erased worker's id is found
    # in ``shown_candidates`` through its own (multikey) index.
    meta = {"collection": "vacancies", "indexes": [("employer_id", "-_id"), ("employer_id", "status", "-_id"),
                                                   "shown_candidates"]}


class VacancyDraft(Document):
    """A vacancy the employer saved unfinished: the form's inputs as typed, valid or not.

    A draft is not a vacancy: it has no status, is never checked by ethics nor published (no outbox), and is
    not in the API's vacancy list. Submitting it makes a vacancy as the form does, and deletes the draft.
    """

    employer_id = StringField(required=True)
    title = StringField(default="", max_length=300)
    values = DictField()
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    meta = {"collection": "vacancy_drafts", "indexes": [("employer_id", "-updated_at")]}


class Offer(OutboxDocument):
    """An offer to one candidate worker for one vacancy, with its review and response state."""

    event_source = "employers"

    employer_id = StringField(required=True)
    employer_name = StringField(default="")
    vacancy_id = StringField(required=True)
    worker_id = StringField(required=True)
    document = DictField(required=True)
    status = StringField(required=True, choices=OFFER_STATUSES, default="pending_review")
    flags = ListField(DictField())
    revision = IntField(required=True, default=1)
    # The worker's answer when it arrived before the verdict (two topics): applied once the offer is sent.
    early_response = StringField(null=True, choices=("accepted", "declined"))
    employer_rating = IntField(min_value=1, max_value=5, null=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    # The employer's list (``employers.paging``): employer, [vacancy or status,] _id. A vacancy's offers
    # counted by status, and a worker's live offer on a vacancy (``employers.store``).
    meta = {
        "collection": "offers",
        "indexes": [("employer_id", "-_id"), ("employer_id", "vacancy_id", "-_id"), ("employer_id", "status", "-_id"),
                    ("vacancy_id", "status"), ("vacancy_id", "worker_id", "status")],
    }


class Notification(notifications.Notification):
    """What an employer is told: an offer's verdict, a worker's answer (``employers.notices``)."""

    meta = {"collection": "notifications"}


class NotificationSettings(notifications.NotificationSettings):
    """An employer's e-mail consent per kind, and the language their notifications are written in."""

    meta = {"collection": "notification_settings"}
