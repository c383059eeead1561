"""Employer verification through the event flow, with verification required (as in production).

The employers API runs in the test; the ethics and employers workers run as
in production, each its own process and database, over the real Kafka. An
unverified employer signs up (its registration reaches the ethics
service's queue), submits a vacancy that ethics approves, and is refused
candidates and offers with ``unverified_employer`` until the auditors'
``employer.verified`` arrives.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from bson import ObjectId
from pymongo import MongoClient

from employers.app import create_app
from services.events import EMPLOYER_REGISTERED, EMPLOYER_VERIFIED, new_event
from services.kafka import Publisher
from tests.documents import offer, vacancy
from tests.integration import employers_support
from tests.integration.employers_support import PASSWORD, api_status, csrf, services_running
from tests.integration.helpers import envelopes, eventually, read_topic

matcher = employers_support.matcher  # fixture


@pytest.fixture
def strict(settings):
    return replace(settings, require_employer_verification=True)


@pytest.fixture
def client(strict, database, matcher, ethics_web):
    app = create_app({"TESTING": True, "MATCHER_CLIENT": matcher}, replace(strict, ethics_url=ethics_web))
    return app.test_client()


def sign_up(client, email, **extra):
    return client.post("/api/v1/accounts", json={"name": "Yakima Valley Fruit LLC", "email": email,
                                                 "password": PASSWORD, "country": "US", **extra})


def test_an_unverified_employer_reaches_no_worker_until_the_auditors_verify_it(client, matcher, strict):
    incomplete = sign_up(client, "h2a@yakima.example")
    assert incomplete.status_code == 422
    assert set(incomplete.get_json()["error"]["fields"]) == {"registration_number", "contact"}

    created = sign_up(client, "h2a@yakima.example", registration_number="WA UBI 604-000-111",
                      contact="Mark Olsen, +1 509 555 0123")
    assert created.status_code == 201
    employer_id = created.get_json()["id"]
    token = client.post("/api/v1/tokens", json={"email": "h2a@yakima.example", "password": PASSWORD}).get_json()
    headers = {"Authorization": f"Bearer {token['token']}"}
    assert client.get("/api/v1/me", headers=headers).get_json() == {
        "id": employer_id, "name": "Yakima Valley Fruit LLC", "country": "US", "verification": "unverified"}

    with services_running(strict) as ethics_settings:
        registrations = MongoClient(strict.mongo_url)[ethics_settings.mongo_db]["employer_registrations"]
        stored = eventually(lambda: registrations.find_one({"_id": ObjectId(employer_id)}),
                            "the registration in the ethics service's queue", timeout=120, interval=0.5)
        assert (stored["registration_number"], stored["verification"]) == ("WA UBI 604-000-111", "unverified")
        [registered] = [e for e in envelopes(read_topic(strict, EMPLOYER_REGISTERED, expected=0, timeout=2))
                        if e.subject == employer_id]
        assert registered.payload == {"employer_id": employer_id, "name": "Yakima Valley Fruit LLC",
                                      "country": "US", "registration_number": "WA UBI 604-000-111"}

        vacancy_id = client.post("/api/v1/vacancies", json=vacancy(), headers=headers).get_json()["id"]
        eventually(lambda: api_status(client, headers, f"/api/v1/vacancies/{vacancy_id}") == "approved",
                   "the vacancy approved", timeout=120, interval=0.5)
        matcher.rank(vacancy_id, "w1")
        refused = client.get(f"/api/v1/vacancies/{vacancy_id}/candidates", headers=headers)
        assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "unverified_employer"
        refused = client.post("/api/v1/offers", json=offer(vacancy_id=vacancy_id, worker_id="w1"), headers=headers)
        assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "unverified_employer"
        assert matcher.calls == [], "an unverified employer's request never reaches the matcher"

        publisher = Publisher(strict)
        try:  # what the ethics service publishes when an auditor verifies (tests/integration/test_ethics_verification)
            publisher.publish([new_event(EMPLOYER_VERIFIED, "ethics", employer_id,
                                         {"employer_id": employer_id, "decision": "verified"})])
        finally:
            publisher.close()
        eventually(lambda: client.get("/api/v1/me", headers=headers).get_json()["verification"] == "verified",
                   "the employer verified", timeout=120, interval=0.5)
        ranked = client.get(f"/api/v1/vacancies/{vacancy_id}/candidates", headers=headers)
        assert ranked.status_code == 200 and [c["worker_id"] for c in ranked.get_json()] == ["w1"]
        sent = client.post("/api/v1/offers", json=offer(vacancy_id=vacancy_id, worker_id="w1"), headers=headers)
        assert sent.status_code == 201


def test_the_pages_say_why_an_unverified_employer_sees_no_candidates(client):
    page = client.get("/signup").get_data(as_text=True)
    assert 'name="registration_number"' in page and 'name="contact"' in page
    missing = client.post("/signup", data={"name": "Farm", "email": "farm@example.org", "password": PASSWORD,
                                            "country": "CA", "csrf_token": csrf(client)})
    assert missing.status_code == 422 and "Required to verify the employer." in missing.get_data(as_text=True)
    done = client.post("/signup", data={"name": "Farm", "email": "farm@example.org", "password": PASSWORD,
                                         "country": "CA", "registration_number": "ON-1", "contact": "Ann",
                                         "csrf_token": csrf(client)})
    assert done.status_code == 302
    home = client.get("/vacancies").get_data(as_text=True)
    assert re.search(r"have not verified this employer yet", home)
