"""What the workers service stores: workers, their offer inbox, grievances, and the approved vacancies' cards."""

from __future__ import annotations

from datetime import UTC, datetime

from mongoengine import (
    BooleanField,
    DateTimeField,
    DictField,
    Document,
    IntField,
    ListField,
    StringField,
)

from services import notifications
from services.documents import GENDERS
from services.outbox import OutboxDocument

OFFER_STATUSES = ("sent", "accepted", "declined", "withdrawn", "completed")
# The verdicts whose offer or vacancy a worker is shown (a ``block`` shows nothing).
SHOWN_VERDICTS = ("pass", "flag")
# A vacancy card is shown only while ``open``; ``closed`` is final.
CARD_STATUSES = ("open", "pending", "blocked", "closed")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Worker(OutboxDocument):
    """A worker's account and the profile that matching needs, nothing more.

    ``revision`` counts saved profiles (1 at sign-up); every save publishes
    ``worker.profile_updated`` through this document's outbox.
    """

    event_source = "workers"

    name = StringField(required=True)
    email = StringField(required=True, unique=True)
    password_hash = StringField(required=True)
    origin_country = StringField()
    birth_year = IntField()
    languages = ListField(StringField())
    skills = ListField(StringField())
    certifications = ListField(StringField())
    availability = ListField(DictField())
    preferred_countries = ListField(StringField())
    pathways = ListField(StringField())
    # Self-described, optional, never published nor shown to employers.
    gender = StringField(choices=GENDERS, null=True)
    ui_language = StringField(default="en")
    revision = IntField(default=1)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    # Set when the worker asked to be erased: the ``Erasure`` that carries ``worker.erased``.
    erasure_id = StringField(null=True)

    meta = {"collection": "workers"}

    @classmethod
    def by_email(cls, email: str) -> Worker | None:
        return cls.objects(email=email.strip().lower()).first()


class Offer(OutboxDocument):
    """One offer in a worker's inbox, as the ethics service passed or flagged it.

    ``offer_id`` is the employers service's id (the events' subject), which
    is also the id the worker's API uses. An entry with an empty ``offer``
    is a tombstone: the offer was withdrawn before its review arrived, and
    must not appear later.
    """

    event_source = "workers"

    offer_id = StringField(required=True, unique=True)
    worker_id = StringField(required=True)
    vacancy_id = StringField(default="")
    employer_id = StringField(default="")
    employer_name = StringField(default="")
    verdict = StringField(default="")
    revision = IntField(default=0)
    status = StringField(required=True, choices=OFFER_STATUSES)
    offer = DictField()
    vacancy = DictField()
    received_at = DateTimeField(default=utcnow)
    responded_at = DateTimeField()
    # The worker's rating of the completed season (``workers.ratings``): set once, with ``rated_at``.
    rating = DictField()
    rated_at = DateTimeField()
    # The worker's self-described gender and origin when the offer arrived, for the fairness audit's totals
    # of the employer (``workers.fairness``); never published per offer.
    gender = StringField(null=True)
    origin_country = StringField(null=True)

    # The worker's inbox, newest first (``workers.offers.page``); an employer's offers, for its fairness totals.
    meta = {"collection": "offers", "indexes": [("worker_id", "-id"), "employer_id"]}


class Grievance(OutboxDocument):
    """A grievance about an employer or an offer.

    Anonymous: ``worker_id`` and ``offer_id`` empty, the id and ``created_at`` at midnight UTC, and the
    event waits in ``held`` until the day's batch moves it to the outbox (``workers.grievance_release``);
    ``held_day``, the day filed, is set only while it waits, so its sparse index holds only those.
    """

    event_source = "workers"

    category = StringField(required=True)
    text = StringField(required=True)
    employer_id = StringField(default="")
    offer_id = StringField(default="")
    anonymous = BooleanField(default=True)
    worker_id = StringField(default="")
    created_at = DateTimeField(default=utcnow)
    held = ListField()  # envelopes of an anonymous grievance, not yet released to the outbox
    held_day = DateTimeField()

    meta = {"collection": "grievances", "indexes": [{"fields": ["held_day"], "sparse": True}]}


class VacancyCard(Document):
    """A vacancy as ``/me/matches`` shows it, kept from the ethics verdicts (``workers.handlers``).

    ``card`` (the contract's vacancy with ``id``, ``employer_id`` and ``employer_name``, as JSON) is set only
    while the vacancy's latest revision passed or was flagged; a record without it remembers the revision
    and status that hide it (under review, blocked, closed), so an older verdict delivered late cannot bring
    the card back. JSON text rather than a nested document: the read takes up to 20 by ``_id`` and sends
    them on as they are.
    """

    id = StringField(primary_key=True)  # the vacancy's id
    revision = IntField(default=0)
    status = StringField(required=True, choices=CARD_STATUSES)
    card = StringField(default="")
    updated_at = DateTimeField(default=utcnow)

    meta = {"collection": "vacancy_cards"}


class EmployerRating(Document):
    """The workers' ratings of one employer, summed as they come (``workers.ratings``): a card reads one
    document, never the ratings.

    ``offers`` lists the offers whose rating is counted, so a replayed ``placement.rated`` is not counted
    twice (one conditional write adds the offer and the sums); ``raters`` counts the workers (a worker's
    first rated season with the employer), which the cards' threshold is about.
    """

    id = StringField(primary_key=True)  # the employer's id
    total = IntField(default=0)
    count = IntField(default=0)
    raters = IntField(default=0)
    offers = ListField(StringField())

    meta = {"collection": "employer_ratings"}


class ShownCandidate(Document):
    """A worker an employer was shown as a candidate of one vacancy (``candidates.shown``), with the
    worker's gender and origin then, for the fairness audit's totals (``workers.fairness``).

    Keyed ``<vacancy id>:<worker id>``: a worker shown twice for the same vacancy counts once.
    """

    id = StringField(primary_key=True)
    employer_id = StringField(required=True)
    worker_id = StringField(required=True)
    gender = StringField(null=True)
    origin_country = StringField(null=True)

    meta = {"collection": "shown_candidates", "indexes": ["employer_id", "worker_id"]}


class FairnessTally(OutboxDocument):
    """One employer's fairness totals, as last published in ``fairness.tallied`` (``workers.fairness``).

    ``revision`` grows with every change that may move them and ``dirty`` says a newer count is due: the
    publisher counts, then writes the totals and their event only if ``revision`` has not moved meanwhile.
    """

    event_source = "workers"

    id = StringField(primary_key=True)  # the employer's id
    revision = IntField(default=0)
    dirty = BooleanField(default=False)
    counts = DictField()
    by_origin = DictField()

    meta = {"collection": "fairness_tallies", "indexes": ["dirty"]}


class Erasure(OutboxDocument):
    """Where ``worker.erased`` waits for the relay once the worker's own document is gone.

    Its id is random and it holds nothing of the worker but the event, which the relay publishes and
    then takes out of the outbox: afterwards the document tells only that some account was erased when
    (``workers.erasure``). The worker's document names it (``erasure_id``) while the erasure runs, so a
    sequence run again queues the same event once.
    """

    event_source = "workers"

    erased_at = DateTimeField(default=utcnow)

    meta = {"collection": "erasures"}


class Notification(notifications.Notification):
    """What a worker is told: a new offer, a season to rate, a grievance's status (``workers.notices``)."""

    meta = {"collection": "notifications"}


class NotificationSettings(notifications.NotificationSettings):
    """A worker's e-mail consent per kind (the language is the worker's ``ui_language``)."""

    meta = {"collection": "notification_settings"}
