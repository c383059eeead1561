"""The matcher's documents: what the events told it, and what each watched worker was shown.

Records (vacancies, workers, placements, employers) are written by the
event handlers through ``matcher.store``; lists are ranked on request from the in-memory index
(``matcher.index``), never stored. ``ShownMatches`` remembers the first
matches a worker was shown while that worker is watched, and carries the
``matches.updated`` notice in the same document (outbox) when they change
(``matcher.notices``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from mongoengine import (
    BooleanField,
    DateTimeField,
    DictField,
    Document,
    FloatField,
    IntField,
    ListField,
    StringField,
)

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
    """An employer's record with the ethics service: reviews, blocks, review flags and verification."""

    id = StringField(primary_key=True)
    reviewed = IntField(default=0)
    blocked = IntField(default=0)
    flagged = IntField(default=0)
    verified = BooleanField(default=False)  # by an auditor (``employer.verified``)

    meta = {"collection": "employers"}

    @property
    def compliance(self) -> float:
        """In [0, 1]: the share of clean reviews, pulled towards 0.5 while there are few."""
        clean = self.reviewed - self.blocked - 0.5 * self.flagged
        return (1.0 + max(clean, 0.0)) / (2.0 + self.reviewed)


class ShownMatches(OutboxDocument):
    """What a watched worker was last shown, and whether a ``matches.updated`` notice is due.

    ``_id`` is the worker id. ``ids``/``scores`` are the first matches (at most 20) as last ranked for
    the worker, ``floor`` the 20th score (None when fewer: any eligible vacancy could enter). A worker
    is watched until ``watched_until``: the workers service may hold their matches in a cache that long.
    ``due_at`` (absent when nothing is due) is when the worker's list is to be checked again,
    ``marked_at`` when it was last marked and ``by`` which processes' screens marked it (their senders).
    ``updated_at`` moves with every change the screen must know of (ids, floor, watch, last notice), so
    matcher workers poll by it.
    """

    event_source = "matcher"

    id = StringField(primary_key=True)
    ids = ListField(StringField())
    scores = ListField(FloatField())
    floor = FloatField(null=True)
    watched_until = DateTimeField()
    last_notice_at = DateTimeField(null=True)
    due_at = DateTimeField()
    marked_at = DateTimeField()
    by = ListField(StringField())
    updated_at = DateTimeField(default=utcnow)

    # due_at: the senders' range of due marks (sparse: few are due); updated_at: the screens' poll.
    meta = {"collection": "shown_matches", "indexes": [{"fields": ["due_at"], "sparse": True}, "updated_at"]}
