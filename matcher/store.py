"""The matcher's read model: what the events told it, and the lists it keeps fresh.

Records (vacancies, workers, placements, employers) are written by the
event handlers; ``Dirty`` marks say which lists a change may affect; the
refresher (``matcher.refresh``) recomputes those lists and stores them in
``WorkerMatches`` and ``VacancyCandidates``, each with its
``matches.updated`` event in the same document (outbox).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from mongoengine import BooleanField, DateTimeField, DictField, Document, IntField, ListField, StringField

from services.db import plain
from services.outbox import OutboxDocument

PENDING, OPEN, BLOCKED, CLOSED = "pending", "open", "blocked", "closed"


def utcnow() -> datetime:
    return datetime.now(UTC)


class VacancyRecord(Document):
    """A vacancy as the matcher knows it; only ``open`` ones are ever ranked."""

    id = StringField(primary_key=True)
    employer_id = StringField(default="")
    employer_name = StringField(default="")
    revision = IntField(default=0)
    status = StringField(required=True, choices=(PENDING, OPEN, BLOCKED, CLOSED))
    document = DictField()
    updated_at = DateTimeField(default=utcnow)

    meta = {"collection": "vacancies", "indexes": ["status"]}

    def ranking_document(self, compliance: float | None) -> dict:
        """The document ``VacancyTable`` reads: the contract vacancy with id, employer and record."""
        return {**self.document, "id": self.id, "employer_id": self.employer_id, "status": "approved",
                "employer_compliance": compliance}

    def card(self) -> dict:
        """The vacancy as the other services show it: the contract document with id and employer."""
        return {**plain(self.document), "id": self.id, "employer_id": self.employer_id,
                "employer_name": self.employer_name}


class WorkerRecord(Document):
    """A worker's matching profile (``worker.profile_updated``): no contact details, no gender."""

    id = StringField(primary_key=True)
    revision = IntField(default=0)
    profile = DictField()
    updated_at = DateTimeField(default=utcnow)

    meta = {"collection": "workers"}


class PlacementRecord(Document):
    """One completed (or abandoned) season, keyed by its offer: the circular signals."""

    id = StringField(primary_key=True)
    worker_id = StringField(required=True)
    employer_id = StringField(default="")
    vacancy_id = StringField(default="")
    season = DictField()
    completed = BooleanField(default=True)
    worker_rating = IntField(null=True)
    employer_rating = IntField(null=True)

    # A worker's placements; the completed ones of a page of candidates (``matcher.read_api``).
    meta = {"collection": "placements", "indexes": ["worker_id", ("completed", "worker_id")]}

    def history_entry(self) -> dict:
        """The placement as ``RankRequestSchema``'s ``history`` entries read."""
        return {"employer_id": self.employer_id, "vacancy_id": self.vacancy_id, "season": self.season,
                "completed": self.completed, "worker_rating": self.worker_rating,
                "employer_rating": self.employer_rating}


class OfferOutcome(Document):
    """A worker's answer to an offer (``offer.responded``): a training outcome for the learned ranker."""

    id = StringField(primary_key=True)  # the offer id
    worker_id = StringField(required=True)
    vacancy_id = StringField(required=True)
    accepted = BooleanField(required=True)
    responded_at = DateTimeField(default=utcnow)

    meta = {"collection": "offer_outcomes"}


class EmployerRecord(Document):
    """An employer's record with the ethics service: reviews, blocks and review flags."""

    id = StringField(primary_key=True)
    reviewed = IntField(default=0)
    blocked = IntField(default=0)
    flagged = IntField(default=0)

    meta = {"collection": "employers"}

    @property
    def compliance(self) -> float:
        """In [0, 1]: the share of clean reviews, pulled towards 0.5 while there are few."""
        clean = self.reviewed - self.blocked - 0.5 * self.flagged
        return (1.0 + max(clean, 0.0)) / (2.0 + self.reviewed)


class Dirty(Document):
    """A worker or vacancy whose change may move lists; the refresher clears it."""

    id = StringField(primary_key=True)  # "worker:<id>" or "vacancy:<id>"
    kind = StringField(required=True, choices=("worker", "vacancy"))
    ref = StringField(required=True)
    marked_at = DateTimeField(default=utcnow)

    meta = {"collection": "dirty", "indexes": ["marked_at"]}


class StoredList(OutboxDocument):
    """A ranked list the refresher keeps, its entries as JSON text.

    Text because FerretDB reads and rewrites 50 nested entries in about 8 ms, the same as one
    string in 1 to 2 ms, and a list is written, compared and relayed several times a round.
    """

    # Not strict: lists stored by an older version under ``items`` load (empty) until redone.
    meta = {"abstract": True, "strict": False}
    event_source = "matcher"

    id = StringField(primary_key=True)
    entries = StringField(default="[]")
    updated_at = DateTimeField(default=utcnow)

    @property
    def items(self) -> list[dict]:
        return json.loads(self.entries)


class WorkerMatches(StoredList):
    """A worker's best eligible open vacancies, best first: ``{"vacancy_id", "score", "reason_keys", "revision"}``."""

    vacancy_ids = ListField(StringField())

    meta = {"collection": "worker_matches", "indexes": ["vacancy_ids"]}


class VacancyCandidates(StoredList):
    """A vacancy's best eligible workers, best first: ``{"worker_id", "score", "reason_keys"}``."""

    worker_ids = ListField(StringField())

    meta = {"collection": "vacancy_candidates", "indexes": ["worker_ids"]}
