"""Fixtures and fakes shared by the workers service's integration and browser tests."""

from __future__ import annotations

import threading
import uuid
from dataclasses import replace

import pytest

from services.events import OFFER_REVIEWED, OFFER_WITHDRAWN, VACANCY_REVIEWED, new_event
from services.kafka import ensure_topics
from services.worker import run_worker
from tests.documents import offer, vacancy
from tests.integration.helpers import eventually, publish, served  # noqa: F401 (publish: for the tests)
from workers.app import create_app
from workers.handlers import on_vacancy_reviewed
from workers.models import Offer
from workers.worker import HANDLERS, OUTBOX_DOCUMENTS

PASSWORD = "a long enough password"
PLACES = [("CA", "Ontario", "Simcoe", "Apple harvest worker"), ("CA", "British Columbia", "Kelowna", "Cherry picker"),
          ("US", "Washington", "Yakima", "Pear harvest worker"), ("MX", "Sonora", "Hermosillo", "Grape packer"),
          ("CA", "Quebec", "Saint-Rémi", "Vegetable farm worker")]
REASON_SETS = [["skills_match", "housing_provided", "travel_paid", "season_fits_availability"],
               ["worked_here_last_season", "good_pay", "season_fits_availability"],
               ["employer_good_record", "long_season", "season_fits_availability"]]
SENTENCES = {"skills_match": "your skills match this job", "housing_provided": "housing is provided",
             "travel_paid": "the employer pays your travel there and back",
             "season_fits_availability": "the season fits your availability",
             "worked_here_last_season": "you worked here last season",
             "good_pay": "the pay is better than most jobs paid in the same currency",
             "employer_good_record": "this employer has a good record",
             "long_season": "the season uses most of the time you are available"}


def realistic_matches(count: int = 20) -> list[dict]:
    """``count`` matches as the matcher's read model returns them, best first."""
    items = []
    for index in range(count):
        country, region, city, title = PLACES[index % len(PLACES)]
        keys = REASON_SETS[index % len(REASON_SETS)]
        month = 3 + index % 6
        document = vacancy(title=title, destination={"country": country, "region": region, "city": city},
                           season={"start": f"2027-{month:02d}-01", "end": f"2027-{month + 3:02d}-15"},
                           wage={"amount": round(19.6 + index * 0.35, 2), "currency": "USD" if country == "US"
                                 else "MXN" if country == "MX" else "CAD", "per": "hour"})
        document.update(id=f"vac{index:02d}", employer_id=f"emp{index % 4}", employer_name=f"Farm {index % 4}")
        items.append({"vacancy_id": f"vac{index:02d}", "score": round(0.95 - index * 0.02, 3),
                      "reasons": [SENTENCES[k] for k in keys], "reason_keys": keys, "vacancy": document})
    return items


def as_shown(matches: list[dict]) -> list[dict]:
    """``matches`` as the workers service shows them: no employer has five raters, so the employer's rating
    is null on each match and its card (``workers.ratings``)."""
    return [{**m, "vacancy": {**m["vacancy"], "employer_rating": None}, "employer_rating": None} for m in matches]


def ranked(matches: list[dict]) -> list[dict]:
    """``matches`` as the matcher's read-time ranking answers them: ids, scores and reasons, no vacancy."""
    return [{k: m[k] for k in ("vacancy_id", "score", "reason_keys", "reasons")} for m in matches]


def reviewed_vacancy(card: dict, verdict: str = "pass", revision: int = 1):
    """The ``vacancy.reviewed`` envelope the ethics service publishes for the vacancy of ``card`` (no
    document when blocked)."""
    document = {k: v for k, v in card.items() if k not in ("id", "employer_id", "employer_name")}
    payload = {"kind": "vacancy", "vacancy_id": card["id"], "employer_id": card["employer_id"],
               "employer_name": card["employer_name"], "verdict": verdict, "rules_version": "test", "flags": [],
               "request_event_id": uuid.uuid4().hex, "revision": revision}
    if verdict != "block":
        payload["vacancy"] = document
    return new_event(VACANCY_REVIEWED, "ethics", card["id"], payload)


def keep_cards(matches: list[dict]) -> None:
    """The workers service's cards of the vacancies of ``matches``, from their passing verdicts."""
    for match in matches:
        on_vacancy_reviewed(reviewed_vacancy(match["vacancy"]))


class FakeMatcher:
    """The matcher client's interface, answering from memory (the real matcher is another service)."""

    def __init__(self, count: int = 20, preparing: bool = False):
        self.count, self.preparing, self.calls = count, preparing, []

    def matches(self, worker_id, limit=20):
        self.calls.append(("matches", worker_id))
        if self.preparing:
            return None
        return {"worker_id": worker_id, "updated_at": "2026-11-28T10:00:00Z",
                "matches": ranked(realistic_matches(self.count))[:limit]}

    def calls_of(self, worker_id) -> int:
        return self.calls.count(("matches", worker_id))

    def itineraries(self, worker_id):
        return {"itineraries": [{"vacancy_ids": ["vac00", "vac04"], "paid_weeks": 30.0, "seasons": [
            {"vacancy_id": "vac00", "start": "2027-03-01", "end": "2027-06-15", "weeks": 15.3},
            {"vacancy_id": "vac04", "start": "2027-07-01", "end": "2027-10-15", "weeks": 15.3}]}]}

    def candidates(self, vacancy_id, limit=20):
        return None


def worker_document(**changes) -> dict:
    """The contract's worker document with a unique e-mail."""
    document = {"name": "Ana López", "email": f"ana-{uuid.uuid4().hex[:8]}@example.org", "password": PASSWORD,
                "origin_country": "GT", "birth_year": 1994, "languages": ["es"],
                "skills": ["fruit picking", "pruning"], "certifications": [],
                "availability": [{"start": "2027-03-01", "end": "2027-11-30"}],
                "preferred_countries": ["CA", "US"], "pathways": ["seasonal", "circular"], "gender": "female"}
    document.update(changes)
    return document


def sign_up(client, **changes) -> tuple[str, dict]:
    """A new worker over the API: its id and the headers carrying its bearer token."""
    document = worker_document(**changes)
    response = client.post("/api/v1/accounts", json=document)
    assert response.status_code == 201, response.get_json()
    token = client.post("/api/v1/tokens", json={"email": document["email"], "password": PASSWORD}).get_json()
    return response.get_json()["id"], {"Authorization": f"Bearer {token['token']}"}


def reviewed_offer(worker_id: str, verdict: str = "pass", offer_id: str | None = None, revision: int = 1,
                   **offer_changes):
    """An ``offer.reviewed`` envelope as the ethics service publishes it (no terms when blocked)."""
    offer_id = offer_id or uuid.uuid4().hex[:24]
    payload = {"kind": "offer", "offer_id": offer_id, "worker_id": worker_id, "vacancy_id": "vac00",
               "employer_id": "emp0", "employer_name": "Farm 0", "verdict": verdict, "rules_version": "test",
               "flags": [], "request_event_id": uuid.uuid4().hex, "revision": revision}
    if verdict != "block":
        payload["offer"] = offer(worker_id=worker_id, vacancy_id="vac00", **offer_changes)
        payload["vacancy"] = vacancy()
    return new_event(OFFER_REVIEWED, "ethics", offer_id, payload)


@pytest.fixture
def fake_matcher():
    return FakeMatcher()


@pytest.fixture
def app(settings, database, fake_matcher):
    """The app, with the cards of the fake matcher's vacancies; it follows no events, so caches nothing."""
    keep_cards(realistic_matches(fake_matcher.count))
    return create_app({"TESTING": True, "MATCHER_CLIENT": fake_matcher}, settings)


@pytest.fixture
def following_app(settings, database, fake_matcher):
    """The app as it runs in production: following the events that drop cached matches, from Kafka."""
    ensure_topics(settings)
    keep_cards(realistic_matches(fake_matcher.count))
    app = create_app({"TESTING": True, "MATCHER_CLIENT": fake_matcher, "LP_FOLLOW_EVENTS": True}, settings)
    eventually(lambda: app.extensions["match_cache"].enabled or None, "the app to follow the events", timeout=60)
    yield app
    app.extensions["match_tail"].stop()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def workers_worker(settings, database):
    """The workers service's consumer and relay, in a thread, on the test's own database and group."""
    stop = threading.Event()
    worker_settings = replace(settings, consumer_max_attempts=1)
    thread = threading.Thread(target=run_worker, args=("workers", HANDLERS, OUTBOX_DOCUMENTS),
                              kwargs={"settings": worker_settings, "stop": stop}, daemon=True)
    thread.start()
    # Ready once it has joined its group and handled something: a withdrawal of an
    # unknown offer, which leaves a tombstone (and nothing any worker can see).
    probe = new_event(OFFER_WITHDRAWN, "employers", f"probe{uuid.uuid4().hex[:12]}", {"worker_id": "nobody"})
    publish(worker_settings, probe)
    eventually(lambda: Offer.objects(offer_id=probe.subject).first(), "the workers worker to consume", timeout=120)
    yield worker_settings
    stop.set()
    thread.join()  # until it has stopped: left running, it would use the next test's database


@pytest.fixture
def live_server(app):
    """The app over real HTTP on 127.0.0.1 (for the browser), stopped at the end."""
    with served(app) as url:
        yield url
