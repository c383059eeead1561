"""Fixtures and helpers shared by the employers integration tests (real database, real Kafka)."""

from __future__ import annotations

import re
import uuid
from contextlib import contextmanager
from dataclasses import replace

import pytest
from pymongo import MongoClient

from employers import worker as employers_worker
from employers.app import create_app
from employers.forms import values_from_document
from ethics import worker as ethics_worker
from matcher.skills import suggest
from services.matcher_client import MatcherUnavailable
from services.worker import run_worker
from tests.integration.helpers import apart, spawned

PASSWORD = "long enough password"


class FakeMatcher:
    """The matcher's read model as the tests set it: vacancy id -> candidates (or down)."""

    def __init__(self):
        self.candidates_by_vacancy: dict[str, list[dict]] = {}
        self.down = False
        self.calls: list[tuple[str, int]] = []

    def candidates(self, vacancy_id: str, limit: int = 20):
        self.calls.append((vacancy_id, limit))
        if self.down:
            raise MatcherUnavailable("matcher down (test)")
        if vacancy_id not in self.candidates_by_vacancy:
            return None
        return {"vacancy_id": vacancy_id, "updated_at": "2026-11-28T00:00:00Z",
                "candidates": self.candidates_by_vacancy[vacancy_id][:limit]}

    def skills(self, query: str, limit: int = 10) -> list[str]:
        """The matcher's own answer (its vocabulary), or down."""
        if self.down:
            raise MatcherUnavailable("matcher down (test)")
        return suggest(query, limit)

    def candidate_counts(self, vacancy_ids):
        self.calls.append(("counts", len(vacancy_ids)))
        if self.down:
            raise MatcherUnavailable("matcher down (test)")
        return {v: len(self.candidates_by_vacancy[v]) for v in vacancy_ids if v in self.candidates_by_vacancy}

    def rank(self, vacancy_id: str, *worker_ids: str) -> None:
        self.candidates_by_vacancy[vacancy_id] = [candidate(w, 0.9 - i / 10) for i, w in enumerate(worker_ids)]


def candidate(worker_id: str, score: float = 0.8) -> dict:
    """A candidate as the matcher's read API describes one (with fields the employer must never see)."""
    return {"worker_id": worker_id, "score": score, "reasons": ["season fits the availability"],
            "reason_keys": ["season_fits"],
            "worker": {"display_name": "Ana", "origin_country": "GT", "languages": ["es"],
                       "skills": ["fruit picking"], "certifications": [],
                       "availability": [{"start": "2027-03-01", "end": "2027-11-30"}], "past_seasons": 2,
                       "gender": "female", "birth_year": 1994, "email": "ana@example.org"}}


@pytest.fixture
def matcher():
    return FakeMatcher()


@pytest.fixture
def app(settings, database, matcher, ethics_web):
    """The employers app on the test's database; its dry run asks the real ethics web process."""
    return create_app({"TESTING": True, "MATCHER_CLIENT": matcher}, replace(settings, ethics_url=ethics_web))


@pytest.fixture
def client(app):
    return app.test_client()


def sign_up(client, name: str = "Orchard Co", email: str | None = None, password: str = PASSWORD) -> dict:
    """A new employer account and its bearer token: ``{"id", "email", "headers"}``."""
    email = email or f"boss-{uuid.uuid4().hex[:8]}@example.org"
    created = client.post("/api/v1/accounts", json={"name": name, "email": email, "password": password,
                                                     "country": "CA"})
    assert created.status_code == 201, created.get_json()
    token = client.post("/api/v1/tokens", json={"email": email, "password": password}).get_json()["token"]
    return {"id": created.get_json()["id"], "email": email, "headers": {"Authorization": f"Bearer {token}"}}


def api_status(client, headers: dict, path: str):
    """The ``status`` of the vacancy or offer at ``path``, read through the API."""
    return client.get(path, headers=headers).get_json().get("status")


@contextmanager
def services_running(settings):
    """The ethics and employers workers, each in its own process with its own database, until the block ends
    (``helpers.spawned``). The calls are the production ones: ``run_worker`` with each service's HANDLERS and
    OUTBOX_DOCUMENTS. Yields the ethics worker's settings.
    """
    ethics_settings = apart(settings, "ethics")
    try:
        with spawned((run_worker, ("ethics", ethics_worker.HANDLERS, ethics_worker.OUTBOX_DOCUMENTS),
                      {"settings": ethics_settings}),
                     (run_worker, ("employers", employers_worker.HANDLERS, employers_worker.OUTBOX_DOCUMENTS),
                      {"settings": settings})):
            yield ethics_settings
    finally:
        MongoClient(settings.mongo_url).drop_database(ethics_settings.mongo_db)


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf(client) -> str:
    """The session's CSRF token, as every form carries it (fetching a page starts the session)."""
    return CSRF.search(client.get("/login").get_data(as_text=True)).group(1)


def form_of(document: dict, spec) -> dict:
    """A filled-in web form for ``document``, as a browser would post it (ticked boxes only)."""
    values = values_from_document(spec, document)
    return {name: value for name, value in values.items() if not isinstance(value, bool)} | {
        name: "on" for name, value in values.items() if value is True}


def web_sign_up(client, name: str = "Orchard Co") -> str:
    """Sign up through the web form (the client keeps the session); returns the e-mail."""
    email = f"web-{uuid.uuid4().hex[:8]}@example.org"
    response = client.post("/signup", data={"csrf_token": csrf(client), "name": name, "email": email,
                                            "password": PASSWORD, "country": "ca"})
    assert response.status_code == 302, response.get_data(as_text=True)
    return email
