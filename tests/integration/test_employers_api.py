"""The employers JSON API over the real database: accounts, vacancies, candidates and offers, errors and ownership.

Verdicts and responses are applied by calling the worker's handlers with
envelopes; the Kafka round trip is in test_employers_flow.py.
"""

from __future__ import annotations

import pytest

from employers.handlers import on_offer_responded, on_offer_reviewed, on_vacancy_reviewed
from employers.models import Offer, Vacancy
from services.events import OFFER_RESPONDED, OFFER_REVIEWED, VACANCY_REVIEWED, new_event
from tests.documents import offer, vacancy
from tests.integration import employers_support
from tests.integration.employers_support import PASSWORD, sign_up
from tests.integration.helpers import mint_token

app, client, matcher = employers_support.app, employers_support.client, employers_support.matcher  # fixtures


@pytest.fixture
def boss(client):
    return sign_up(client)


def review(vacancy_id: str, verdict: str = "pass", revision: int = 1, flags=()):
    on_vacancy_reviewed(new_event(VACANCY_REVIEWED, "ethics", vacancy_id, {
        "kind": "vacancy", "vacancy_id": vacancy_id, "verdict": verdict, "flags": list(flags), "revision": revision}))


def approved_vacancy(client, boss, matcher, *workers, **changes) -> str:
    vacancy_id = client.post("/api/v1/vacancies", json=vacancy(**changes), headers=boss["headers"]).get_json()["id"]
    review(vacancy_id)
    matcher.rank(vacancy_id, *workers)
    return vacancy_id


def test_accounts_tokens_and_duplicates(client):
    body = {"name": "Orchard Co", "email": "Boss@Example.org", "password": PASSWORD, "country": "CA"}
    assert client.post("/api/v1/accounts", json=body).status_code == 201
    again = client.post("/api/v1/accounts", json={**body, "email": "boss@example.org"})
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "conflict"
    short = client.post("/api/v1/accounts", json={**body, "email": "x@example.org", "password": "short"})
    assert short.status_code == 422 and "password" in short.get_json()["error"]["fields"]
    assert client.post("/api/v1/tokens", json={"email": "BOSS@example.org", "password": PASSWORD}).status_code == 200
    statuses = [client.post("/api/v1/tokens", json={"email": "boss@example.org", "password": "wrong guess"}).status_code
                for _ in range(7)]
    assert statuses[0] == 401 and statuses[-1] == 429


def test_sign_ups_from_one_address_are_rate_limited(client, monkeypatch):
    monkeypatch.setattr("services.logins.SIGNUPS_PER_CLIENT", (2, 3600))
    body = {"name": "Orchard Co", "password": PASSWORD, "country": "CA"}
    statuses = [client.post("/api/v1/accounts", json={**body, "email": f"boss{i}@example.org"}).status_code
                for i in range(3)]
    assert statuses == [201, 201, 429]
    form = {**body, "email": "boss9@example.org", "csrf_token": employers_support.csrf(client)}
    page = client.post("/signup", data=form)
    assert page.status_code == 429


def test_a_vacancy_is_created_pending_with_its_event_in_the_outbox(client, boss):
    created = client.post("/api/v1/vacancies", json=vacancy(), headers=boss["headers"])
    assert created.status_code == 201
    body = created.get_json()
    assert (body["status"], body["revision"], body["flags"]) == ("pending_review", 1, [])
    assert body["title"] == "Apple harvest worker" and body["season"]["start"] == "2027-08-01"
    [event] = Vacancy.objects.get(id=body["id"]).outbox
    assert event["type"] == "vacancy.submitted" and event["subject"] == body["id"]
    assert event["payload"]["employer_id"] == boss["id"] and event["payload"]["employer_name"] == "Orchard Co"
    assert event["payload"]["revision"] == 1 and event["payload"]["vacancy"]["wage"]["amount"] == 19.6


def test_reviews_apply_to_their_revision_only_and_never_reopen(client, boss):
    vacancy_id = client.post("/api/v1/vacancies", json=vacancy(), headers=boss["headers"]).get_json()["id"]
    flag = {"rule": "worker-fees", "severity": "block", "message": "The worker pays fees.", "principle": "P7"}
    review(vacancy_id, "block", flags=[flag])
    read = client.get(f"/api/v1/vacancies/{vacancy_id}", headers=boss["headers"]).get_json()
    assert read["status"] == "blocked" and read["flags"][0]["message"] == "The worker pays fees."

    edited = client.put(f"/api/v1/vacancies/{vacancy_id}", json=vacancy(worker_fees=0, positions=3),
                        headers=boss["headers"]).get_json()
    assert (edited["status"], edited["revision"], edited["flags"], edited["positions"]) == ("pending_review", 2, [], 3)
    assert [e["payload"]["revision"] for e in Vacancy.objects.get(id=vacancy_id).outbox] == [1, 2]
    review(vacancy_id, "pass", revision=1)  # stale: about the first revision
    assert Vacancy.objects.get(id=vacancy_id).status == "pending_review"
    review(vacancy_id, "flag", revision=2, flags=[{"rule": "r", "severity": "review", "message": "m"}])
    assert Vacancy.objects.get(id=vacancy_id).status == "approved"

    closed = client.post(f"/api/v1/vacancies/{vacancy_id}/close", headers=boss["headers"])
    assert closed.status_code == 200 and closed.get_json()["status"] == "closed"
    assert Vacancy.objects.get(id=vacancy_id).outbox[-1]["payload"] == {
        "vacancy_id": vacancy_id, "employer_id": boss["id"], "status": "closed"}
    review(vacancy_id, "pass", revision=2)
    assert Vacancy.objects.get(id=vacancy_id).status == "closed"
    assert client.post(f"/api/v1/vacancies/{vacancy_id}/close", headers=boss["headers"]).status_code == 409
    assert client.put(f"/api/v1/vacancies/{vacancy_id}", json=vacancy(), headers=boss["headers"]).status_code == 409


def test_candidates_need_an_approved_vacancy_and_a_matcher(client, boss, matcher):
    vacancy_id = client.post("/api/v1/vacancies", json=vacancy(), headers=boss["headers"]).get_json()["id"]
    path = f"/api/v1/vacancies/{vacancy_id}/candidates"
    assert client.get(path, headers=boss["headers"]).status_code == 409
    review(vacancy_id)
    assert client.get(path, headers=boss["headers"]).get_json() == []  # the matcher has not opened it yet
    matcher.rank(vacancy_id, "w1", "w2")
    ranked = client.get(path + "?limit=5", headers=boss["headers"]).get_json()
    assert [c["worker_id"] for c in ranked] == ["w1", "w2"] and ranked[0]["reasons"]
    assert set(ranked[0]["worker"]) == {"origin_country", "languages", "skills", "certifications", "availability",
                                        "past_seasons"}
    # Whom the employer was shown is kept, and reported once each for the fairness audit (docs/fairness.md).
    matcher.rank(vacancy_id, "w1", "w2", "w3")
    client.get(path, headers=boss["headers"])
    stored = Vacancy.objects.get(id=vacancy_id)
    assert stored.shown_candidates == ["w1", "w2", "w3"]
    assert [e["payload"]["worker_ids"] for e in stored.outbox if e["type"] == "candidates.shown"] == [
        ["w1", "w2"], ["w3"]]  # no relay runs here: the events wait in the outbox
    assert client.get(path + "?limit=0", headers=boss["headers"]).status_code == 422
    matcher.down = True
    down = client.get(path, headers=boss["headers"])
    assert down.status_code == 503 and down.get_json()["error"]["code"] == "service_unavailable"


def test_offer_lifecycle_sent_accepted_completed(client, boss, matcher):
    vacancy_id = approved_vacancy(client, boss, matcher, "w1", "w2", positions=1)
    headers = boss["headers"]
    assert client.post("/api/v1/offers", json=offer(vacancy_id=vacancy_id, worker_id="stranger"),
                       headers=headers).status_code == 409
    created = client.post("/api/v1/offers", json=offer(vacancy_id=vacancy_id, worker_id="w1"), headers=headers)
    assert created.status_code == 201 and created.get_json()["status"] == "pending_review"
    offer_id = created.get_json()["id"]
    [event] = Offer.objects.get(id=offer_id).outbox
    assert event["type"] == "offer.submitted" and event["payload"]["vacancy"]["title"] == "Apple harvest worker"
    assert event["payload"]["offer"]["worker_id"] == "w1" and event["payload"]["revision"] == 1
    again = client.post("/api/v1/offers", json=offer(vacancy_id=vacancy_id, worker_id="w1"), headers=headers)
    assert again.status_code == 409

    responded = new_event(OFFER_RESPONDED, "workers", offer_id, {"offer_id": offer_id, "worker_id": "w1",
                                                                 "response": "accepted"})
    on_offer_responded(responded)  # read before the verdict (two topics): the answer waits for it
    assert Offer.objects.get(id=offer_id).status == "pending_review"
    assert client.post(f"/api/v1/offers/{offer_id}/complete", json={"employer_rating": 4},
                       headers=headers).status_code == 409
    on_offer_reviewed(new_event(OFFER_REVIEWED, "ethics", offer_id, {"offer_id": offer_id, "verdict": "pass",
                                                                     "flags": [], "revision": 1}))
    assert client.get(f"/api/v1/offers/{offer_id}", headers=headers).get_json()["status"] == "accepted"
    on_offer_responded(responded)  # delivered again: nothing changes
    assert Offer.objects.get(id=offer_id).status == "accepted"
    vacancy_doc = Vacancy.objects.get(id=vacancy_id)
    assert vacancy_doc.status == "filled" and vacancy_doc.outbox[-1]["payload"]["status"] == "filled"

    bad = client.post(f"/api/v1/offers/{offer_id}/complete", json={"employer_rating": 6}, headers=headers)
    assert bad.status_code == 422 and "employer_rating" in bad.get_json()["error"]["fields"]
    done = client.post(f"/api/v1/offers/{offer_id}/complete", json={"employer_rating": 5}, headers=headers)
    assert done.status_code == 200 and done.get_json()["status"] == "completed"
    placement = Offer.objects.get(id=offer_id).outbox[-1]
    assert placement["type"] == "placement.completed"
    assert placement["payload"] == {"offer_id": offer_id, "vacancy_id": vacancy_id, "worker_id": "w1",
                                    "employer_id": boss["id"], "season": {"start": "2027-08-01", "end": "2027-10-31"},
                                    "completed": True, "employer_rating": 5, "worker_rating": None}


def test_withdraw_only_a_sent_offer(client, boss, matcher):
    vacancy_id = approved_vacancy(client, boss, matcher, "w1")
    offer_id = client.post("/api/v1/offers", json=offer(vacancy_id=vacancy_id, worker_id="w1"),
                           headers=boss["headers"]).get_json()["id"]
    assert client.post(f"/api/v1/offers/{offer_id}/withdraw", headers=boss["headers"]).status_code == 409
    on_offer_reviewed(new_event(OFFER_REVIEWED, "ethics", offer_id, {"offer_id": offer_id, "verdict": "flag",
                                                                     "flags": [], "revision": 1}))
    withdrawn = client.post(f"/api/v1/offers/{offer_id}/withdraw", headers=boss["headers"])
    assert withdrawn.status_code == 200 and withdrawn.get_json()["status"] == "withdrawn"
    assert Offer.objects.get(id=offer_id).outbox[-1]["payload"] == {
        "offer_id": offer_id, "worker_id": "w1", "vacancy_id": vacancy_id, "employer_id": boss["id"]}


def test_offers_need_an_approved_vacancy_and_a_matcher(client, boss, matcher):
    pending = client.post("/api/v1/vacancies", json=vacancy(), headers=boss["headers"]).get_json()["id"]
    matcher.rank(pending, "w1")
    assert client.post("/api/v1/offers", json=offer(vacancy_id=pending, worker_id="w1"),
                       headers=boss["headers"]).status_code == 409
    vacancy_id = approved_vacancy(client, boss, matcher, "w1")
    matcher.down = True
    down = client.post("/api/v1/offers", json=offer(vacancy_id=vacancy_id, worker_id="w1"), headers=boss["headers"])
    assert down.status_code == 503 and Offer.objects.count() == 0


def test_another_employers_objects_are_not_found(client, boss, matcher):
    vacancy_id = approved_vacancy(client, boss, matcher, "w1")
    offer_id = client.post("/api/v1/offers", json=offer(vacancy_id=vacancy_id, worker_id="w1"),
                           headers=boss["headers"]).get_json()["id"]
    other = sign_up(client, "Rival Farms")["headers"]
    for method, path in (("get", f"/api/v1/vacancies/{vacancy_id}"), ("put", f"/api/v1/vacancies/{vacancy_id}"),
                         ("post", f"/api/v1/vacancies/{vacancy_id}/close"),
                         ("get", f"/api/v1/vacancies/{vacancy_id}/candidates"),
                         ("get", f"/api/v1/offers/{offer_id}"), ("post", f"/api/v1/offers/{offer_id}/withdraw"),
                         ("get", "/api/v1/vacancies/not-an-id")):
        kwargs = {"json": vacancy()} if method == "put" else {}
        response = getattr(client, method)(path, headers=other, **kwargs)
        assert response.status_code == 404, (method, path)
    assert client.post("/api/v1/offers", json=offer(vacancy_id=vacancy_id, worker_id="w1"),
                       headers=other).status_code == 404
    assert client.get("/api/v1/vacancies", headers=other).get_json() == {"items": [], "next_cursor": None}
    assert client.post(f"/api/v1/offers/{offer_id}/complete", json={"employer_rating": 5},
                       headers=other).status_code == 404


def test_lists_page_with_a_cursor(client, boss):
    ids = [client.post("/api/v1/vacancies", json=vacancy(title=f"Job {i}"), headers=boss["headers"]).get_json()["id"]
           for i in range(5)]
    seen, cursor = [], None
    while True:
        query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = client.get("/api/v1/vacancies" + query, headers=boss["headers"]).get_json()
        seen += [v["id"] for v in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids[::-1]
    for query in ("?cursor=nonsense", "?limit=0", "?limit=101", "?status=lost"):
        response = client.get("/api/v1/vacancies" + query, headers=boss["headers"])
        assert response.status_code == 422, query
    assert client.get("/api/v1/offers?vacancy_id=zz", headers=boss["headers"]).status_code == 422


def test_errors_take_the_contract_shape(client, boss, settings):
    headers = boss["headers"]
    malformed = client.post("/api/v1/vacancies", data="{not json", content_type="application/json", headers=headers)
    assert malformed.status_code == 400 and malformed.get_json()["error"]["code"] == "bad_request"
    invalid = client.post("/api/v1/vacancies", json=vacancy(pathway="forever", positions=0), headers=headers)
    assert invalid.status_code == 422
    assert {"pathway", "positions"} <= set(invalid.get_json()["error"]["fields"])
    nested = client.post("/api/v1/vacancies", json=vacancy(season={"start": "2027-09-01", "end": "2027-08-01"}),
                         headers=headers)
    assert nested.get_json()["error"]["fields"] == {"season": {"end": ["The season cannot end before it starts."]}}
    assert client.post("/api/v1/vacancies", json=[1, 2], headers=headers).status_code == 422
    assert client.post("/api/v1/vacancies", json=vacancy()).status_code == 401
    forged = client.post("/api/v1/vacancies", json=vacancy(), headers={"Authorization": "Bearer forged"})
    assert forged.status_code == 401 and forged.get_json()["error"]["code"] == "unauthorized"
    worker_token = mint_token(settings, "w1", "worker", 60)  # the workers service's key: not valid here
    assert client.get("/api/v1/vacancies", headers={"Authorization": f"Bearer {worker_token}"}).status_code == 401
    wrong_role = mint_token(settings, "w1", "worker", 60, service="employers")
    forbidden = client.get("/api/v1/vacancies", headers={"Authorization": f"Bearer {wrong_role}"})
    assert forbidden.status_code == 403 and forbidden.get_json()["error"]["code"] == "forbidden"
    huge = client.post("/api/v1/vacancies", json=vacancy(description="x" * (1024 * 1024 + 10)), headers=headers)
    assert huge.status_code == 413 and huge.get_json()["error"]["code"] == "payload_too_large"
    unknown = client.post("/api/v1/offers", json={**offer(), "salary": 1}, headers=headers)
    assert unknown.status_code == 422 and "salary" in unknown.get_json()["error"]["fields"]
