# ruff: noqa: F811 (pytest fixtures imported from ethics_support are parameters here)
"""The auditors' verification of employers over the real database: the queue, decisions, their event.

Registrations arrive through the real ``employer.registered`` handler; the
decision's ``employer.verified`` event waits in the registration's outbox
(the relay is tested on its own, in test_outbox).
"""

from __future__ import annotations

import re

from bson import ObjectId

from ethics.handlers import on_employer_registered, on_vacancy_submitted
from ethics.models import EmployerRegistration
from services.events import EMPLOYER_REGISTERED, EMPLOYER_VERIFIED, VACANCY_SUBMITTED, Envelope, new_event
from tests.documents import vacancy
from tests.integration.ethics_support import PASSWORD, auditor, client, headers  # noqa: F401 (fixtures)
from tests.integration.helpers import mint_token


def registered(name="Orchard Co", number="ON-1000231") -> str:
    employer_id = str(ObjectId())
    event = new_event(EMPLOYER_REGISTERED, "employers", employer_id, {
        "employer_id": employer_id, "name": name, "country": "CA", "registration_number": number})
    on_employer_registered(event)
    on_employer_registered(event)  # redelivered: still one registration
    return employer_id


def queue(client, headers, state="unverified") -> list[dict]:
    response = client.get(f"/api/v1/employers?verification={state}", headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


def test_auditors_verify_an_employer_and_the_decision_is_published(client, headers, auditor, settings):
    employer_id = registered()
    [item] = [i for i in queue(client, headers) if i["id"] == employer_id]
    assert item["name"] == "Orchard Co" and item["registration_number"] == "ON-1000231"
    assert item["verification"] == "unverified" and item["registered_at"]

    employer = mint_token(settings, employer_id, "employer", 60, service="ethics")
    assert client.get("/api/v1/employers", headers={"Authorization": f"Bearer {employer}"}).status_code == 403
    assert client.get("/api/v1/employers").status_code == 401

    decided = client.post(f"/api/v1/employers/{employer_id}/verification", headers=headers,
                          json={"decision": "verified", "note": "Checked in the Ontario business registry."})
    assert decided.status_code == 200 and decided.get_json()["verification"] == "verified"
    assert employer_id not in {i["id"] for i in queue(client, headers)}
    assert employer_id in {i["id"] for i in queue(client, headers, "verified")}

    stored = EmployerRegistration.objects.get(id=ObjectId(employer_id))
    [decision] = stored.decisions
    assert (decision.auditor_email, decision.note) == (auditor.email, "Checked in the Ontario business registry.")
    [event] = [Envelope.from_stored(e) for e in stored.outbox]
    assert event.type == EMPLOYER_VERIFIED and event.subject == employer_id
    assert event.payload == {"employer_id": employer_id, "decision": "verified"}

    # A replayed registration changes nothing; a later decision is kept after the first.
    on_employer_registered(new_event(EMPLOYER_REGISTERED, "employers", employer_id, {"employer_id": employer_id,
                                                                                      "name": "Renamed"}))
    rejected = client.post(f"/api/v1/employers/{employer_id}/verification", headers=headers,
                           json={"decision": "rejected", "note": "Registry entry struck off."})
    assert rejected.get_json()["verification"] == "rejected" and rejected.get_json()["name"] == "Orchard Co"
    assert [d.decision for d in EmployerRegistration.objects.get(id=ObjectId(employer_id)).decisions] == [
        "verified", "rejected"]


def test_bad_decisions_and_unknown_employers_get_the_contract_errors(client, headers):
    employer_id = registered()
    path = f"/api/v1/employers/{employer_id}/verification"
    for body in ({"decision": "maybe"}, {"decision": "verified", "note": "x" * 2001}, {"decision": "verified",
                                                                                          "extra": 1}):
        response = client.post(path, headers=headers, json=body)
        assert response.status_code == 422 and response.get_json()["error"]["code"] == "validation_failed"
    for unknown in (str(ObjectId()), "not-an-id"):
        response = client.post(f"/api/v1/employers/{unknown}/verification", headers=headers,
                               json={"decision": "verified"})
        assert response.status_code == 404
    assert client.get("/api/v1/employers?verification=maybe", headers=headers).status_code == 422
    assert client.get("/api/v1/employers?cursor=zzz", headers=headers).status_code == 400
    assert EmployerRegistration.objects.get(id=ObjectId(employer_id)).verification == "unverified"


def test_the_queue_pages_newest_first(client, headers):
    ids = [registered(name=f"Farm {i}") for i in range(5)]
    seen, cursor = [], None
    while True:
        page = client.get("/api/v1/employers?verification=unverified&limit=2" + (f"&cursor={cursor}" if cursor
                                                                                  else ""), headers=headers)
        body = page.get_json()
        seen += [i["id"] for i in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    mine = [i for i in seen if i in ids]
    assert mine == list(reversed(ids)) and len(seen) == len(set(seen))


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_an_auditor_verifies_on_the_pages_with_the_employers_history_in_view(client, auditor):
    employer_id = registered(name="Gulf Coast Growers Inc.")
    on_vacancy_submitted(new_event(VACANCY_SUBMITTED, "employers", "v-fees", {
        "employer_id": employer_id, "vacancy": vacancy(worker_fees=450)}))
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"email": auditor.email, "password": PASSWORD, "csrf_token": csrf_of(page)})

    listing = client.get("/auditor/verification").get_data(as_text=True)
    assert "Gulf Coast Growers Inc." in listing
    detail = client.get(f"/auditor/verification/{employer_id}").get_data(as_text=True)
    assert "ON-1000231" in detail and "worker-fees" in detail and "No decision yet" in detail
    missing = client.post(f"/auditor/verification/{employer_id}", data={"decision": "", "csrf_token": csrf_of(detail)})
    assert missing.status_code == 422
    decided = client.post(f"/auditor/verification/{employer_id}", data={
        "decision": "verified", "note": "Registry checked", "csrf_token": csrf_of(detail)})
    assert decided.status_code == 302
    assert "Registry checked" in client.get(f"/auditor/verification/{employer_id}").get_data(as_text=True)
    assert "Gulf Coast Growers Inc." not in client.get("/auditor/verification").get_data(as_text=True)
    assert client.get("/auditor/verification/not-an-id").status_code == 404
