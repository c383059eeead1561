"""A worker who skips the birth year is matched: the workers service publishes the profile, the matcher takes it
from Kafka (no dead letter) and ranks its vacancies, the age being confirmed at offer time."""
# ruff: noqa: F811 (pytest fixtures imported from other modules are parameters here)

from __future__ import annotations

from services.documents import PublishedProfileSchema
from services.events import WORKER_PROFILE_UPDATED, Envelope, dlq_topic, new_event
from tests.integration.helpers import envelopes, eventually, read_topic
from tests.integration.test_matcher_flow import matcher, matcher_app, matcher_worker, matches, publish, reviewed, tag  # noqa: F401,E501 (fixtures)
from tests.integration.workers_support import app, client, fake_matcher, worker_document  # noqa: F401 (fixtures)
from workers.models import Worker
from workers.profiles import profile_payload, republish_profiles_without_birth_year
from workers.schemas import AccountSchema


def without_birth_year(**changes) -> dict:
    """The contract's worker document as sent by someone who left the birth year empty."""
    return {k: v for k, v in worker_document(**changes).items() if k != "birth_year"}


def published(worker_id: str) -> list[dict]:
    """The profiles the workers service stored to publish for ``worker_id``, oldest first."""
    outbox = Worker.objects.get(pk=worker_id).outbox
    return [Envelope.from_stored(entry).payload["profile"] for entry in outbox]


def test_a_worker_without_a_birth_year_gets_matches_through_kafka(settings, matcher):
    worker_id, vacancy_id, employer_id = tag("w"), tag("v"), tag("e")
    # The profile as the workers service publishes it at sign-up: its schema, its payload.
    payload = profile_payload(worker_id, 1, AccountSchema().load(without_birth_year()))
    assert payload["profile"]["birth_year"] is None
    profile_event = new_event(WORKER_PROFILE_UPDATED, "workers", worker_id, payload)
    # The contract's vacancy asks for 18 or older: an unknown age passes that gate.
    publish(settings, profile_event, reviewed(vacancy_id, employer_id))

    eventually(lambda: matches(matcher, worker_id, {vacancy_id}) == [vacancy_id],
               "the approved vacancy among the matches of the worker without a birth year", timeout=120)
    dead = [e for e in envelopes(read_topic(settings, dlq_topic(WORKER_PROFILE_UPDATED), expected=0, timeout=2))
            if e.subject == worker_id]
    assert dead == []


def test_sign_up_and_updates_without_a_birth_year_publish_profiles_the_matcher_accepts(client):
    document = without_birth_year()
    created = client.post("/api/v1/accounts", json=document)
    assert created.status_code == 201, created.get_json()
    worker_id = created.get_json()["id"]
    token = client.post("/api/v1/tokens", json={"email": document["email"], "password": document["password"]})
    auth = {"Authorization": f"Bearer {token.get_json()['token']}"}
    for year in (1990, None):  # given, then removed again
        assert client.put("/api/v1/me", json={"birth_year": year}, headers=auth).status_code == 200

    profiles = published(worker_id)
    assert [p["birth_year"] for p in profiles] == [None, 1990, None]
    for profile in profiles:
        PublishedProfileSchema().load(profile)  # what the matcher's handler validates with


def test_profiles_saved_without_a_birth_year_are_published_again_once(client):
    unknown = client.post("/api/v1/accounts", json=without_birth_year()).get_json()["id"]
    known = client.post("/api/v1/accounts", json=worker_document()).get_json()["id"]
    # As if the relay had published the sign-ups (and an older matcher had dead-lettered the first).
    Worker.objects.update(set__outbox=[], unset__outbox_pending=True)

    assert republish_profiles_without_birth_year() == 1
    [again] = Worker.objects.get(pk=unknown).outbox
    assert Envelope.from_stored(again).payload["revision"] == 1 and published(unknown)[0]["birth_year"] is None
    assert Worker.objects.get(pk=unknown).outbox_pending is True
    assert published(known) == []
