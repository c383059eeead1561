"""Fakes of the employers service's ports: the store and the matcher client (unit tests only)."""

from __future__ import annotations

from bson import ObjectId

from employers.models import Employer, Offer, Vacancy
from services.events import new_event
from services.matcher_client import MatcherUnavailable


class FakeStore:
    """Employers, vacancies and offers in dicts, with the same conditional transitions as the real store."""

    def __init__(self):
        self.documents: dict[str, object] = {}
        self.told: list[tuple] = []

    def vacancy(self, vacancy_id):
        found = self.documents.get(str(vacancy_id))
        return found if isinstance(found, Vacancy) else None

    def offer(self, offer_id):
        found = self.documents.get(str(offer_id))
        return found if isinstance(found, Offer) else None

    def add(self, document):
        if document.pk is None:
            document.pk = ObjectId()
        self.documents[str(document.pk)] = document
        return document

    def add_many(self, documents):
        return [self.add(document) for document in documents]

    def forget_worker(self, worker_id):
        from services.erasure import pseudonym

        offers = [d for d in self.documents.values() if isinstance(d, Offer) and d.worker_id == worker_id]
        stand_in = pseudonym()
        for offer in offers:
            offer.worker_id, offer.document = stand_in, {**offer.document, "worker_id": stand_in}
        return len(offers)

    def report_shown(self, vacancy, worker_ids) -> bool:
        stored = self.documents[str(vacancy.pk)]
        new = [w for w in dict.fromkeys(worker_ids) if w not in stored.shown_candidates]
        if new:
            stored.shown_candidates = [*stored.shown_candidates, *new]
            stored.outbox.append(new_event("candidates.shown", "employers", str(stored.pk), {
                "vacancy_id": str(stored.pk), "employer_id": stored.employer_id, "worker_ids": new}).to_dict())
        return bool(new)

    def tell(self, event_id, offer, kind, outcome):
        self.told.append((event_id, str(offer.employer_id), kind, outcome))

    def transition(self, document, expected: dict, changes: dict, events=()) -> bool:
        stored = self.documents.get(str(document.pk))
        for field, value in expected.items():
            allowed = list(value) if isinstance(value, list | tuple) else [value]
            if stored is None or getattr(stored, field) not in allowed:
                return False
        for field, value in changes.items():
            setattr(stored, field, value)
        stored.outbox.extend(new_event(kind, "employers", str(stored.pk), payload).to_dict()
                             for kind, payload in events)
        return True

    def set_verification(self, employer_id, decision: str) -> bool:
        found = self.documents.get(str(employer_id))
        if not isinstance(found, Employer):
            return False
        found.verification = decision
        return True

    def count_offers(self, vacancy_id, statuses) -> int:
        return sum(1 for d in self.documents.values()
                   if isinstance(d, Offer) and d.vacancy_id == str(vacancy_id) and d.status in statuses)

    def offer_exists(self, vacancy_id, worker_id, statuses) -> bool:
        return any(isinstance(d, Offer) and d.vacancy_id == str(vacancy_id) and d.worker_id == worker_id
                   and d.status in statuses for d in self.documents.values())

    def events(self, document_id, event_type=None) -> list[dict]:
        """The events queued on a document (optionally of one type)."""
        outbox = self.documents[str(document_id)].outbox
        return [e for e in outbox if event_type in (None, e["type"])]


class FakeMatcher:
    """Candidates per vacancy id; ``down`` makes every call fail like an unreachable matcher."""

    def __init__(self, candidates=None, down: bool = False):
        self.by_vacancy = candidates or {}
        self.down = down

    def candidates(self, vacancy_id, limit=20):
        if self.down:
            raise MatcherUnavailable("down")
        found = self.by_vacancy.get(str(vacancy_id))
        return None if found is None else {"vacancy_id": vacancy_id, "candidates": found[:limit]}


class FakeEmployer:
    """What the use cases read of an account."""

    def __init__(self, name="Orchard Co"):
        self.id = ObjectId()
        self.name = name
