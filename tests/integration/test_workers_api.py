"""The workers JSON API over the real database: accounts, tokens, profile, matches, offers and grievances."""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import uuid

import pytest

from services.events import OFFER_WITHDRAWN, PLACEMENT_COMPLETED, new_event
from tests.integration.helpers import mint_token
from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    PASSWORD,
    app,
    client,
    fake_matcher,
    reviewed_offer,
    sign_up,
    worker_document,
)
from workers.handlers import on_offer_reviewed, on_offer_withdrawn, on_placement_completed
from workers.models import Grievance, Offer, Worker


def test_an_account_is_created_once_and_published_at_revision_1(client):
    document = worker_document()
    created = client.post("/api/v1/accounts", json=document)
    assert created.status_code == 201 and set(created.get_json()) == {"id"}
    again = client.post("/api/v1/accounts", json={**document, "email": document["email"].upper()})
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "conflict"
    worker = Worker.objects.get(pk=created.get_json()["id"])
    assert worker.password_hash != PASSWORD and worker.revision == 1
    [event] = worker.outbox
    assert event["type"] == "worker.profile_updated" and event["subject"] == str(worker.pk)
    profile = event["payload"]["profile"]
    assert event["payload"]["revision"] == 1 and profile["display_name"] == "Ana"
    assert "gender" not in profile and "email" not in profile and "name" not in profile


@pytest.mark.parametrize("change, field", [
    ({"availability": [{"start": "2027-05-01", "end": "2027-04-01"}]}, "availability"),
    ({"availability": [{"start": "01/05/2027", "end": "2027-06-01"}]}, "availability"),
    ({"languages": ["spanish"]}, "languages"),
    ({"preferred_countries": ["XX"]}, "preferred_countries"),
    ({"birth_year": 1850}, "birth_year"),
    ({"skills": ["x" * 81]}, "skills"),
    ({"skills": [f"skill {i}" for i in range(51)]}, "skills"),
    ({"gender": "unknown"}, "gender"),
    ({"passport_number": "X123"}, "passport_number"),
    ({"password": "short"}, "password"),
])
def test_invalid_documents_are_refused_field_by_field(client, change, field):
    response = client.post("/api/v1/accounts", json=worker_document(**change))
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]


def test_malformed_and_unauthenticated_requests_get_the_contract_errors(client, settings):
    assert client.post("/api/v1/accounts", data="{", content_type="application/json").status_code == 400
    assert client.get("/api/v1/me").status_code == 401
    assert client.post("/api/v1/tokens", json={"email": "nobody@example.org", "password": "x"}).status_code == 401
    employer = mint_token(settings, "emp1", "employer", 60)  # the employers service's key: not valid here
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {employer}"}).status_code == 401
    wrong_role = mint_token(settings, "emp1", "employer", 60, service="workers")
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {wrong_role}"}).status_code == 403
    ghost = mint_token(settings, "000000000000000000000000", "worker", 60)
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {ghost}"}).status_code == 401


def test_profile_read_and_update_publish_a_new_revision(client):
    worker_id, auth = sign_up(client)
    me = client.get("/api/v1/me", headers=auth).get_json()
    assert me["id"] == worker_id and me["gender"] == "female" and me["revision"] == 1
    windows = [{"start": "2027-09-01", "end": "2027-12-01"}, {"start": "2027-02-01", "end": "2027-06-30"}]
    updated = client.put("/api/v1/me", json={"availability": windows, "skills": ["pruning", "pruning", " tractor "]},
                         headers=auth)
    assert updated.status_code == 200, updated.get_json()
    body = updated.get_json()
    assert body["availability"] == sorted(windows, key=lambda w: w["start"])
    assert body["skills"] == ["pruning", "tractor"]
    assert body["revision"] == 2 and body["languages"] == ["es"]  # absent fields keep their value
    events = Worker.objects.get(pk=worker_id).outbox
    assert [e["payload"]["revision"] for e in events] == [1, 2]
    assert events[-1]["payload"]["profile"]["availability"] == body["availability"]
    # Changing only the gender publishes nothing: the matcher never sees it.
    client.put("/api/v1/me", json={"gender": None}, headers=auth)
    assert len(Worker.objects.get(pk=worker_id).outbox) == 2
    assert client.put("/api/v1/me", json={"email": "new@example.org"}, headers=auth).status_code == 422
    assert client.put("/api/v1/me", json={"ui_language": "ht"}, headers=auth).get_json()["ui_language"] == "ht"
    assert len(Worker.objects.get(pk=worker_id).outbox) == 2
    # Only the skills: the stored windows (mongoengine types) go into the event as they are.
    kept = client.put("/api/v1/me", json={"skills": ["fruit picking"]}, headers=auth)
    assert kept.status_code == 200 and kept.get_json()["availability"] == body["availability"]
    assert Worker.objects.get(pk=worker_id).outbox[-1]["payload"]["profile"]["availability"] == body["availability"]


def test_the_openapi_document_lists_the_contracts_endpoints(client):
    paths = client.get("/openapi.json").get_json()["paths"]
    for path in ("/api/v1/accounts", "/api/v1/tokens", "/api/v1/me", "/api/v1/me/matches", "/api/v1/me/offers",
                 "/api/v1/me/offers/{offer_id}/accept", "/api/v1/me/offers/{offer_id}/decline",
                 "/api/v1/grievances"):
        assert path in paths, path


def test_matches_come_from_the_matcher_with_their_reason_keys(client, fake_matcher):
    _, auth = sign_up(client)
    body = client.get("/api/v1/me/matches", headers=auth).get_json()
    assert len(body["matches"]) == 20 and body["preparing"] is False
    first = body["matches"][0]
    assert set(first) == {"vacancy_id", "score", "reasons", "reason_keys", "vacancy", "employer_rating"}
    assert first["employer_rating"] is None and first["vacancy"]["employer_rating"] is None  # fewer than 5 raters
    assert first["reasons"][0] == "your skills match this job" and first["reason_keys"][0] == "skills_match"
    fake_matcher.preparing = True
    assert client.get("/api/v1/me/matches", headers=auth).get_json() == {
        "matches": [], "updated_at": None, "preparing": True}


def test_a_matcher_that_is_down_is_a_503(client, fake_matcher):
    _, auth = sign_up(client)

    def down(*_args, **_kwargs):
        from services.matcher_client import MatcherUnavailable
        raise MatcherUnavailable("down")

    fake_matcher.matches = down
    response = client.get("/api/v1/me/matches", headers=auth)
    assert response.status_code == 503 and response.get_json()["error"]["code"] == "service_unavailable"


def test_a_vacancy_from_a_confused_matcher_is_never_what_is_shown(client, fake_matcher):
    _, auth = sign_up(client)
    original = fake_matcher.matches

    def with_vacancies(worker_id, limit=20):
        data = original(worker_id, limit)
        data["matches"][0]["vacancy"] = {"title": "Blocked job", "status": "blocked"}
        data["matches"].insert(1, {"vacancy_id": "never-approved", "score": 0.9, "reason_keys": [], "reasons": [],
                                   "vacancy": {**data["matches"][0]["vacancy"], "status": "approved"}})
        return data

    fake_matcher.matches = with_vacancies
    found = client.get("/api/v1/me/matches", headers=auth).get_json()["matches"]
    assert [m["vacancy_id"] for m in found] == [f"vac{i:02d}" for i in range(19)]
    assert found[0]["vacancy"]["title"] == "Apple harvest worker" and "status" not in found[0]["vacancy"]


def test_offers_page_accept_once_and_stay_private(client):
    worker_id, auth = sign_up(client)
    other_id, other_auth = sign_up(client)
    offers = [reviewed_offer(worker_id) for _ in range(3)]
    for event in offers:
        on_offer_reviewed(event)
    on_offer_reviewed(reviewed_offer(worker_id, verdict="block"))
    first = client.get("/api/v1/me/offers?limit=2", headers=auth).get_json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    rest = client.get(f"/api/v1/me/offers?limit=2&cursor={first['next_cursor']}", headers=auth).get_json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    assert {o["id"] for o in first["items"] + rest["items"]} == {e.subject for e in offers}
    assert client.get("/api/v1/me/offers?cursor=nonsense", headers=auth).status_code == 400

    target = offers[0].subject
    assert client.post(f"/api/v1/me/offers/{target}/accept", headers=other_auth).status_code == 404
    accepted = client.post(f"/api/v1/me/offers/{target}/accept", headers=auth)
    assert accepted.status_code == 200 and accepted.get_json()["status"] == "accepted"
    assert client.post(f"/api/v1/me/offers/{target}/accept", headers=auth).status_code == 409
    assert client.post(f"/api/v1/me/offers/{target}/decline", headers=auth).status_code == 409
    [event] = Offer.objects.get(offer_id=target).outbox
    assert event["type"] == "offer.responded" and event["payload"] == {
        "offer_id": target, "worker_id": worker_id, "vacancy_id": "vac00", "employer_id": "emp0",
        "response": "accepted"}
    assert client.get("/api/v1/me/offers", headers=other_auth).get_json()["items"] == []


def test_withdrawn_and_completed_offers(client):
    worker_id, auth = sign_up(client)
    sent, done, early = reviewed_offer(worker_id), reviewed_offer(worker_id), uuid.uuid4().hex[:24]
    on_offer_reviewed(sent)
    on_offer_reviewed(done)
    on_offer_withdrawn(new_event(OFFER_WITHDRAWN, "employers", sent.subject, {"worker_id": worker_id}))
    assert client.post(f"/api/v1/me/offers/{sent.subject}/accept", headers=auth).status_code == 409
    client.post(f"/api/v1/me/offers/{done.subject}/accept", headers=auth)
    on_placement_completed(new_event(PLACEMENT_COMPLETED, "employers", done.subject, {"worker_id": worker_id}))
    # Withdrawn before its review arrived: the late review must not bring it back.
    on_offer_withdrawn(new_event(OFFER_WITHDRAWN, "employers", early, {"worker_id": worker_id}))
    on_offer_reviewed(reviewed_offer(worker_id, offer_id=early))
    statuses = {o["id"]: o["status"] for o in client.get("/api/v1/me/offers", headers=auth).get_json()["items"]}
    assert statuses == {sent.subject: "withdrawn", done.subject: "completed"}


def test_a_later_blocked_revision_closes_the_open_offer(client):
    worker_id, auth = sign_up(client)
    first = reviewed_offer(worker_id)
    on_offer_reviewed(first)
    on_offer_reviewed(reviewed_offer(worker_id, verdict="block", offer_id=first.subject, revision=2))
    on_offer_reviewed(first)  # the older review, delivered again, changes nothing
    [item] = client.get("/api/v1/me/offers", headers=auth).get_json()["items"]
    assert item["status"] == "withdrawn"


def test_grievances_anonymous_or_named_and_rate_limited(client):
    worker_id, auth = sign_up(client)
    offer_event = reviewed_offer(worker_id)
    on_offer_reviewed(offer_event)
    named = client.post("/api/v1/grievances", headers=auth, json={
        "offer_id": offer_event.subject, "category": "passport", "text": "They kept my passport.",
        "anonymous": False})
    assert named.status_code == 201
    stored = Grievance.objects.get(pk=named.get_json()["id"])
    assert stored.worker_id == worker_id and stored.employer_id == "emp0"
    assert stored.outbox[0]["payload"]["worker_id"] == worker_id

    anonymous = client.post("/api/v1/grievances", headers=auth, json={
        "employer_id": "emp9", "category": "fees", "text": "A fee of 500.", "anonymous": True})
    payload = Grievance.objects.get(pk=anonymous.get_json()["id"]).held[0]["payload"]  # held for the day's batch
    assert "worker_id" not in payload and payload == {"category": "fees", "text": "A fee of 500.",
                                                      "anonymous": True, "employer_id": "emp9"}
    assert client.post("/api/v1/grievances", json={"category": "nonsense", "text": "x"}).status_code == 422
    statuses = [client.post("/api/v1/grievances", json={"category": "wages", "text": "Unpaid."}).status_code
                for _ in range(6)]
    assert statuses.count(201) == 4 and statuses[-1] == 429  # 5 anonymous per address per hour, one used above
