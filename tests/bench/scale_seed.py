"""The scale benchmark's population, as the events the services themselves publish (docs/events.md).

N workers and N/10 vacancies from ``tests.bench.matcher_bench.synthetic`` (5 languages, 10 destination
countries, 4 certifications, seasons of 4 to 26 weeks starting over the next 10 months, 0-3 past seasons
per worker), their dates moved so that the generator's day 0 is a week from today. Each worker is a
``worker.profile_updated`` (source workers) and a ``placement.completed`` per completed past season
(employers); each vacancy a ``vacancy.submitted`` (employers) then a ``vacancy.reviewed`` with verdict
``pass`` and no flags (ethics). Ids are 24 hex digits, as the services' ObjectIds, stable per label.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from ethics.engine import RULES_VERSION
from services.documents import VacancySchema, normalised
from services.events import (
    PLACEMENT_COMPLETED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    WORKER_PROFILE_UPDATED,
    Envelope,
)
from services.kafka import Publisher, ensure_topics
from tests.bench.matcher_bench import synthetic

GENERATOR_DAY_0 = dt.date(2027, 1, 1)  # matcher_bench.day(0)
LEAD_DAYS = 7
# What synthetic() adds to a vacancy that is not in the contract's document.
NOT_IN_DOCUMENT = ("id", "employer_id", "status", "employer_compliance")
PROFILE_FIELDS = ("origin_country", "birth_year", "languages", "skills", "certifications", "availability",
                  "preferred_countries", "pathways")
# The topics the seed writes, which the matcher reads.
SEED_TOPICS = (WORKER_PROFILE_UPDATED, PLACEMENT_COMPLETED, VACANCY_SUBMITTED, VACANCY_REVIEWED)
BATCH = 5000
PROGRESS_SECONDS = 5.0


def say(text: str) -> None:
    print(f"[bench-scale] {text}", flush=True)


def object_id(label: str) -> str:
    """A stable id of 24 hex digits for a synthetic label."""
    return hashlib.sha1(label.encode()).hexdigest()[:24]


def moved(period: dict, days: int) -> dict:
    """A ``{"start", "end"}`` period moved by ``days``."""
    return {k: (dt.date.fromisoformat(period[k]) + dt.timedelta(days=days)).isoformat() for k in ("start", "end")}


@dataclass
class Population:
    """The synthetic vacancies, workers and past placements, with ids and dates as they will be sent."""

    vacancies: list  # (vacancy id, employer id, contract document)
    workers: list  # (worker id, profile)
    placements: list  # (offer id, worker id, history entry)

    @classmethod
    def make(cls, n_workers: int, n_vacancies: int, today: dt.date) -> Population:
        shift = (today + dt.timedelta(days=LEAD_DAYS) - GENERATOR_DAY_0).days
        vacancies, workers, histories = synthetic(n_vacancies, n_workers)
        documents = []
        for vacancy in vacancies:
            document = {k: v for k, v in vacancy.items() if k not in NOT_IN_DOCUMENT}
            document["season"] = moved(document["season"], shift)
            documents.append((object_id(vacancy["id"]), object_id(vacancy["employer_id"]),
                              normalised(VacancySchema(), document)))
        profiles, placements = [], []
        for i, (worker, history) in enumerate(zip(workers, histories, strict=True)):
            worker_id = object_id(f"worker-{i}")
            profile = {k: worker[k] for k in PROFILE_FIELDS}
            profile["availability"] = [moved(w, shift) for w in profile["availability"]]
            profiles.append((worker_id, profile))
            # The employers service publishes completed seasons only, always with its rating.
            placements += [(object_id(f"placement-{i}-{k}"), worker_id,
                            {**entry, "season": moved(entry["season"], shift),
                             "employer_id": object_id(entry["employer_id"]),
                             "vacancy_id": object_id(f"past-{i}-{k}"),
                             "employer_rating": entry["employer_rating"] or 4})
                           for k, entry in enumerate(history) if entry["completed"]]
        return cls(documents, profiles, placements)

    def __len__(self) -> int:
        return len(self.workers) + len(self.placements) + 2 * len(self.vacancies)

    def events(self) -> Iterator[Envelope]:
        """Every event, profiles and placements first, then each vacancy's submission, then the verdicts."""
        for worker_id, profile in self.workers:
            yield profile_event(worker_id, profile)
        for offer_id, worker_id, entry in self.placements:
            yield placement_event(offer_id, worker_id, entry)
        submitted = [submitted_event(*vacancy) for vacancy in self.vacancies]
        yield from submitted
        for event, vacancy in zip(submitted, self.vacancies, strict=True):
            yield reviewed_event(event, *vacancy)


def profile_event(worker_id: str, profile: dict) -> Envelope:
    """``worker.profile_updated`` as the workers service publishes a new account's profile."""
    return Envelope(type=WORKER_PROFILE_UPDATED, source="workers", subject=worker_id,
                    payload={"worker_id": worker_id, "revision": 1,
                             "profile": {"display_name": "Worker", **profile}})


def placement_event(offer_id: str, worker_id: str, entry: dict) -> Envelope:
    """``placement.completed`` as the employers service publishes a completed offer."""
    return Envelope(type=PLACEMENT_COMPLETED, source="employers", subject=offer_id,
                    payload={"offer_id": offer_id, "vacancy_id": entry["vacancy_id"], "worker_id": worker_id,
                             "employer_id": entry["employer_id"], "season": entry["season"], "completed": True,
                             "employer_rating": entry["employer_rating"], "worker_rating": entry["worker_rating"]})


def employer_name(employer_id: str) -> str:
    return f"Farm {employer_id[:6]}"


def submitted_event(vacancy_id: str, employer_id: str, document: dict) -> Envelope:
    """``vacancy.submitted`` as the employers service publishes a new vacancy (revision 1)."""
    return Envelope(type=VACANCY_SUBMITTED, source="employers", subject=vacancy_id,
                    payload={"vacancy": document, "employer_id": employer_id,
                             "employer_name": employer_name(employer_id), "revision": 1})


def reviewed_event(submitted: Envelope, vacancy_id: str, employer_id: str, document: dict) -> Envelope:
    """``vacancy.reviewed`` as the ethics service publishes a vacancy it passed."""
    return Envelope(type=VACANCY_REVIEWED, source="ethics", subject=vacancy_id,
                    payload={"kind": "vacancy", "vacancy_id": vacancy_id, "employer_id": employer_id,
                             "employer_name": employer_name(employer_id), "verdict": "pass",
                             "rules_version": RULES_VERSION, "flags": [], "request_event_id": submitted.id,
                             "revision": 1, "vacancy": document})


def publish(settings, population: Population) -> float:
    """Send the population's events in batches (one wait per batch, never per message); the seconds it took."""
    ensure_topics(settings)
    publisher = Publisher(settings, linger_ms=20, batch_size=256 * 1024)
    started = last_note = time.monotonic()
    sent, total, events = 0, len(population), population.events()
    try:
        while batch := list(islice(events, BATCH)):
            publisher.publish(batch, timeout=120)
            sent += len(batch)
            if time.monotonic() - last_note > PROGRESS_SECONDS or sent == total:
                last_note = time.monotonic()
                say(f"  published {sent:,}/{total:,} events ({sent / (last_note - started):,.0f}/s)")
    finally:
        publisher.close()
    return time.monotonic() - started
