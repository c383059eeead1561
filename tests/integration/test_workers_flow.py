"""The workers service's events over the real broker and the database, with its worker process in a thread."""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from services.events import GRIEVANCE_FILED, OFFER_RESPONDED, WORKER_PROFILE_UPDATED
from tests.integration.helpers import envelopes, eventually, read_topic
from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    app,
    client,
    fake_matcher,
    publish,
    reviewed_offer,
    sign_up,
    workers_worker,
)
from workers.grievance_release import release_due
from workers.models import Offer


def events_about(settings, topic, subject, expected=1):
    def found():
        got = [e for e in envelopes(read_topic(settings, topic, expected=0, timeout=2)) if e.subject == subject]
        return got if len(got) >= expected else None

    return eventually(found, f"{expected} {topic} event(s) about {subject}", timeout=90, interval=1)



def test_fair_offers_reach_the_inbox_and_blocked_ones_never(client, workers_worker):
    worker_id, auth = sign_up(client)
    fair, flagged, blocked = (reviewed_offer(worker_id), reviewed_offer(worker_id, verdict="flag"),
                              reviewed_offer(worker_id, verdict="block"))
    # The blocked one first and twice: nothing may come of it, however it arrives.
    publish(workers_worker, blocked, fair, blocked, flagged, fair)

    def inbox():
        items = client.get("/api/v1/me/offers", headers=auth).get_json()["items"]
        return items if len(items) >= 2 else None

    items = eventually(inbox, "the fair and the flagged offer in the inbox")
    assert {i["id"] for i in items} == {fair.subject, flagged.subject}
    assert Offer.objects(offer_id=blocked.subject).count() == 0
    assert Offer.objects(offer_id=fair.subject).count() == 1


def test_accepting_publishes_offer_responded(client, workers_worker):
    worker_id, auth = sign_up(client)
    sent = reviewed_offer(worker_id)
    publish(workers_worker, sent)
    eventually(lambda: Offer.objects(offer_id=sent.subject).first(), "the offer in the inbox")
    assert client.post(f"/api/v1/me/offers/{sent.subject}/accept", headers=auth).status_code == 200

    [event] = events_about(workers_worker, OFFER_RESPONDED, sent.subject)
    assert event.source == "workers" and event.payload == {
        "offer_id": sent.subject, "worker_id": worker_id, "vacancy_id": "vac00", "employer_id": "emp0",
        "response": "accepted"}


def test_profile_saves_publish_worker_profile_updated(client, workers_worker):
    worker_id, auth = sign_up(client, name="María José Pérez")
    client.put("/api/v1/me", json={"availability": [{"start": "2027-04-01", "end": "2027-10-31"}]}, headers=auth)

    published = events_about(workers_worker, WORKER_PROFILE_UPDATED, worker_id, expected=2)
    assert [e.payload["revision"] for e in published] == [1, 2]
    latest = published[-1].payload
    assert latest["worker_id"] == worker_id
    assert latest["profile"]["availability"] == [{"start": "2027-04-01", "end": "2027-10-31"}]
    assert latest["profile"]["display_name"] == "María"
    assert set(latest["profile"]) == {"display_name", "origin_country", "birth_year", "languages", "skills",
                                      "certifications", "availability", "preferred_countries", "pathways"}


def test_grievances_publish_grievance_filed_anonymous_without_worker(client, workers_worker):
    worker_id, auth = sign_up(client)
    employer = f"emp-{uuid.uuid4().hex[:6]}"
    anonymous = client.post("/api/v1/grievances", headers=auth, json={
        "employer_id": employer, "category": "fees", "text": "They asked 300 dollars.", "anonymous": True})
    named = client.post("/api/v1/grievances", headers=auth, json={
        "employer_id": employer, "category": "housing", "text": "Ten people in one room.", "anonymous": False})

    # The anonymous one waits for its day's batch; once released, the relay publishes it.
    assert release_due(datetime.now(UTC) + timedelta(days=1)) == 1
    [quiet] = events_about(workers_worker, GRIEVANCE_FILED, anonymous.get_json()["id"])
    assert quiet.payload == {"category": "fees", "text": "They asked 300 dollars.", "anonymous": True,
                             "employer_id": employer}
    [signed] = events_about(workers_worker, GRIEVANCE_FILED, named.get_json()["id"])
    assert signed.payload["worker_id"] == worker_id and signed.payload["anonymous"] is False
