"""The whole employers lifecycle over the real Kafka and the database, judged by the ethics service's real engine.

The ethics and employers workers run as they do in production (each its
own process and database); the web API runs in the test; the matcher's
read model is a fake, as it is built elsewhere.
"""

from __future__ import annotations

import pytest
from pymongo import MongoClient

from employers.models import Offer
from services.events import (
    OFFER_RESPONDED,
    OFFER_WITHDRAWN,
    PLACEMENT_COMPLETED,
    VACANCY_CLOSED,
    VACANCY_SUBMITTED,
    new_event,
)
from services.kafka import Publisher
from tests.documents import offer, vacancy
from tests.integration import employers_support
from tests.integration.employers_support import api_status, services_running, sign_up
from tests.integration.helpers import envelopes, eventually, read_topic

app, client, matcher = employers_support.app, employers_support.client, employers_support.matcher  # fixtures


@pytest.fixture
def running(settings, database, app):
    with services_running(settings) as ethics_settings:
        yield ethics_settings


def status_becomes(client, headers, path, expected):
    return eventually(lambda: api_status(client, headers, path) == expected, f"{path} to be {expected}",
                      timeout=120, interval=0.5)


def events_about(settings, topic, subject, expected=1):
    def found():
        got = [e for e in envelopes(read_topic(settings, topic, expected=0, timeout=2)) if e.subject == subject]
        return got if len(got) >= expected else None

    return eventually(found, f"{topic} about {subject}", timeout=90, interval=1)


def test_vacancies_offers_and_seasons_through_the_event_flow(client, matcher, running, settings):
    boss = sign_up(client, "Orchard Co")
    headers = boss["headers"]
    fair = client.post("/api/v1/vacancies", json=vacancy(positions=2), headers=headers).get_json()["id"]
    unfair = client.post("/api/v1/vacancies", json=vacancy(worker_fees=500), headers=headers).get_json()["id"]

    [submitted] = events_about(settings, VACANCY_SUBMITTED, fair)
    assert submitted.payload["employer_name"] == "Orchard Co" and submitted.payload["revision"] == 1
    status_becomes(client, headers, f"/api/v1/vacancies/{fair}", "approved")
    status_becomes(client, headers, f"/api/v1/vacancies/{unfair}", "blocked")
    blocked = client.get(f"/api/v1/vacancies/{unfair}", headers=headers).get_json()
    assert "worker-fees" in {f["rule"] for f in blocked["flags"]} and all(f["message"] for f in blocked["flags"])

    matcher.rank(fair, "w1", "w2")
    ranked = client.get(f"/api/v1/vacancies/{fair}/candidates", headers=headers).get_json()
    assert [c["worker_id"] for c in ranked] == ["w1", "w2"]

    sent = client.post("/api/v1/offers", json=offer(vacancy_id=fair, worker_id="w1"), headers=headers).get_json()
    worse = offer(vacancy_id=fair, worker_id="w2", wage={"amount": 15.0, "currency": "CAD", "per": "hour"},
                  worker_fees=300)
    substituted = client.post("/api/v1/offers", json=worse, headers=headers).get_json()
    status_becomes(client, headers, f"/api/v1/offers/{sent['id']}", "sent")
    status_becomes(client, headers, f"/api/v1/offers/{substituted['id']}", "blocked")
    rules = {f["rule"] for f in client.get(f"/api/v1/offers/{substituted['id']}", headers=headers).get_json()["flags"]}
    assert {"offer-lower-wage", "offer-new-fees"} <= rules

    publisher = Publisher(settings)
    try:
        publisher.publish([new_event(OFFER_RESPONDED, "workers", sent["id"], {
            "offer_id": sent["id"], "worker_id": "w1", "vacancy_id": fair, "employer_id": boss["id"],
            "response": "accepted"})])
    finally:
        publisher.close()
    status_becomes(client, headers, f"/api/v1/offers/{sent['id']}", "accepted")
    assert client.post(f"/api/v1/offers/{sent['id']}/complete", json={"employer_rating": 4},
                       headers=headers).status_code == 200
    [placement] = events_about(settings, PLACEMENT_COMPLETED, sent["id"])
    assert placement.payload["employer_rating"] == 4 and placement.payload["worker_rating"] is None
    assert placement.payload["season"] == {"start": "2027-08-01", "end": "2027-10-31"}

    second = client.post("/api/v1/offers", json=offer(vacancy_id=fair, worker_id="w2"), headers=headers).get_json()
    status_becomes(client, headers, f"/api/v1/offers/{second['id']}", "sent")
    assert client.post(f"/api/v1/offers/{second['id']}/withdraw", headers=headers).status_code == 200
    [withdrawn] = events_about(settings, OFFER_WITHDRAWN, second["id"])
    assert withdrawn.payload == {"offer_id": second["id"], "worker_id": "w2", "vacancy_id": fair,
                                 "employer_id": boss["id"]}

    assert client.post(f"/api/v1/vacancies/{fair}/close", headers=headers).status_code == 200
    [closed] = events_about(settings, VACANCY_CLOSED, fair)
    assert closed.payload == {"vacancy_id": fair, "employer_id": boss["id"], "status": "closed"}
    # Every event left the outboxes, and each service kept its own database.
    eventually(lambda: not Offer.objects(outbox__0__exists=True).count(), "the offers' outbox to empty")
    databases = MongoClient(settings.mongo_url)
    assert databases[running.mongo_db]["reviews"].count_documents({}) >= 5
    assert "reviews" not in databases[settings.mongo_db].list_collection_names()
