"""What each event changes in the matcher's records, and which change wins: pure functions, no database.

Both keepers of the matcher's read model use them: the consumer's handlers
(``matcher.handlers``, the database) and every process's ranking index
(``matcher.index``, memory). So an event means the same in both, and
replaying one is harmless in both:

- a vacancy's verdict wins over the submission of the same revision, and a
  submission needs a newer revision than the one recorded (its verdict may
  have been read first, from another topic);
- a closed vacancy stays closed, whatever comes later;
- a worker's profile wins from its own revision on;
- a placement is keyed by its offer: the same one twice is one placement;
  the employer's side (``placement.completed``: the season and the
  employer's rating of the worker, ``employer_rating``) and the worker's
  side (``placement.rated``: the worker's rating of the employer,
  ``worker_rating``) each set only their own fields, so they may come in
  either order, and a placement joins the worker's history once its season
  is known (``in_history``).
- an erased worker goes with everything kept of them (a profile event that comes later, from its
  own topic, would bring the profile back: the workers service published nothing after the erasure,
  so only an event already on its way can, see ``worker_erased``).

An event that cannot be read raises ``ValueError`` (the consumer
dead-letters it; the index logs and skips it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marshmallow import ValidationError

from matcher.models import BLOCKED, CLOSED, OPEN, PENDING
from services.documents import PUBLISHED_PROFILE_FIELDS, PublishedProfileSchema, VacancySchema
from services.events import Envelope

# A closed vacancy's revision: no later event is newer.
FINAL_REVISION = 2**31 - 1
PROFILE_FIELDS = PUBLISHED_PROFILE_FIELDS
HISTORY_FIELDS = ("employer_id", "vacancy_id", "season", "completed", "worker_rating", "employer_rating")


@dataclass(frozen=True)
class VacancyChange:
    """A new state for a vacancy, if the revision rules let it in (``applies_to``/``condition``)."""

    vacancy_id: str
    revision: int
    status: str
    changes: dict = field(default_factory=dict)  # employer_id, employer_name, document
    newer_only: bool = False  # a submission: only a strictly newer revision
    verdict: str | None = None  # of a review, for the employer's record

    def applies_to(self, revision: int | None, status: str | None) -> bool:
        """Whether this change replaces a recorded vacancy (None: none recorded)."""
        if self.status == CLOSED:
            return True
        if revision is None:
            return True
        if status == CLOSED:
            return False
        return revision < self.revision if self.newer_only else revision <= self.revision

    def condition(self) -> dict:
        """``applies_to`` as a mongoengine filter on the recorded vacancy (upsert when none matches)."""
        if self.status == CLOSED:
            return {}
        return {"status__ne": CLOSED, "revision__lt" if self.newer_only else "revision__lte": self.revision}


@dataclass(frozen=True)
class ProfileChange:
    """A worker's matching profile at a revision."""

    worker_id: str
    revision: int
    profile: dict

    def applies_to(self, revision: int | None) -> bool:
        return revision is None or revision <= self.revision

    def condition(self) -> dict:
        return {"revision__lte": self.revision}


@dataclass(frozen=True)
class Placement:
    """One side of a season's outcome (keyed by its offer): the history entry's fields this event sets;
    the others stay as recorded (``merged``)."""

    placement_id: str
    worker_id: str
    entry: dict

    def merged(self, recorded: dict | None) -> dict:
        """The recorded entry (or none) with this event's fields, as the database's upsert leaves it."""
        return {**(recorded or {}), **self.entry}


@dataclass(frozen=True)
class Verification:
    """The auditors' decision on an employer: only a verified one reaches workers where that is required."""

    employer_id: str
    verified: bool


@dataclass(frozen=True)
class Erasure:
    """A worker erased their account: their profile, history and lists go."""

    worker_id: str


def vacancy_submitted(event: Envelope) -> VacancyChange:
    """A new revision is under review: the vacancy is hidden until its verdict."""
    payload = event.payload
    return VacancyChange(event.subject, revision_of(payload), PENDING, _employer(payload), newer_only=True)


def vacancy_reviewed(event: Envelope) -> VacancyChange:
    """A verdict: ``pass``/``flag`` with a valid document opens the vacancy, ``block`` hides it."""
    payload = event.payload
    verdict = payload.get("verdict")
    if verdict not in ("pass", "flag", "block"):
        raise ValueError(f"vacancy.reviewed without a verdict: {verdict!r}")
    changes = _employer(payload)
    opened = verdict != "block" and isinstance(payload.get("vacancy"), dict)
    if opened:
        validated(VacancySchema(), payload["vacancy"], "vacancy")
        changes["document"] = payload["vacancy"]
    return VacancyChange(event.subject, revision_of(payload), OPEN if opened else BLOCKED, changes,
                         verdict=verdict)


def vacancy_closed(event: Envelope) -> VacancyChange:
    """Filled or closed by the employer: final."""
    return VacancyChange(event.subject, FINAL_REVISION, CLOSED)


def worker_profile(event: Envelope) -> ProfileChange:
    """A worker's matching profile: only the fields matching reads are kept, and they must be valid."""
    payload = event.payload
    profile = payload.get("profile")
    if not isinstance(profile, dict):
        raise ValueError("worker.profile_updated without a profile")
    kept = {k: profile[k] for k in PROFILE_FIELDS if k in profile}
    validated(PublishedProfileSchema(), kept, "profile")  # the workers service's rules, from the kernel
    return ProfileChange(event.subject, revision_of(payload), kept)


def placement_completed(event: Envelope) -> Placement:
    """A season's outcome: a circular signal for the worker with that employer."""
    payload = event.payload
    worker_id = str(payload.get("worker_id") or "")
    season = payload.get("season") or {}
    if not worker_id or not season.get("end"):
        raise ValueError("placement.completed without worker_id and season")
    entry = {"employer_id": str(payload.get("employer_id") or ""), "vacancy_id": str(payload.get("vacancy_id") or ""),
             "season": season, "completed": bool(payload.get("completed", True)),
             "employer_rating": _rating(payload.get("employer_rating"))}
    # The worker's rating is the worker's side (``placement_rated``): an employer's event without one
    # must not erase it.
    if _rating(payload.get("worker_rating")) is not None:
        entry["worker_rating"] = _rating(payload.get("worker_rating"))
    return Placement(event.subject, worker_id, entry)


def employer_verified(event: Envelope) -> Verification:
    """``employer.verified``: the last decision on an employer wins (its events share one partition)."""
    payload = event.payload
    decision = payload.get("decision")
    if decision not in ("verified", "rejected"):
        raise ValueError(f"employer.verified with decision {decision!r}")
    return Verification(str(payload.get("employer_id") or event.subject), decision == "verified")


def placement_rated(event: Envelope) -> Placement:
    """The worker's side of a season: how the worker rated the employer (the event's ``employer_rating``,
    the history's ``worker_rating``)."""
    payload = event.payload
    worker_id, rating = str(payload.get("worker_id") or ""), _rating(payload.get("employer_rating"))
    if not worker_id or rating is None:
        raise ValueError("placement.rated without worker_id and an employer_rating of 1 to 5")
    entry = {"employer_id": str(payload.get("employer_id") or ""), "vacancy_id": str(payload.get("vacancy_id") or ""),
             "worker_rating": rating}
    return Placement(event.subject, worker_id, entry)


def in_history(entry: dict) -> bool:
    """Whether a placement is a season of the worker's history: its employer's side (the season) is known.
    A worker's rating that came first waits for it."""
    season = entry.get("season")
    return isinstance(season, dict) and bool(season.get("end"))


def worker_erased(event: Envelope) -> Erasure:
    """``worker.erased``: the worker named by the payload (the subject says the same)."""
    worker_id = str(event.payload.get("worker_id") or event.subject or "")
    if not worker_id:
        raise ValueError("worker.erased names no worker")
    return Erasure(worker_id)


def history_entry(stored: dict) -> dict:
    """A stored placement (a raw ``placements`` document) as a history entry."""
    defaults = {"employer_id": "", "vacancy_id": "", "season": {}, "completed": True}
    return {k: stored.get(k, defaults.get(k)) for k in HISTORY_FIELDS}


def ranking_document(vacancy_id: str, employer_id: str, document: dict, compliance: float | None) -> dict:
    """An open vacancy as ``VacancyTable`` reads it: the contract document with id, employer and record."""
    return {**document, "id": vacancy_id, "employer_id": employer_id, "status": "approved",
            "employer_compliance": compliance}


def validated(schema, document, what: str) -> None:
    """Raise ValueError unless ``document`` is valid: the ranking never reads garbage."""
    try:
        schema.load(document)
    except ValidationError as exc:
        raise ValueError(f"invalid {what}: {exc.messages}") from exc


def revision_of(payload: dict) -> int:
    revision = payload.get("revision")
    return revision if isinstance(revision, int) and not isinstance(revision, bool) else 0


def _employer(payload: dict) -> dict:
    return {"employer_id": str(payload.get("employer_id") or ""),
            "employer_name": str(payload.get("employer_name") or "")}


def _rating(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5 else None
