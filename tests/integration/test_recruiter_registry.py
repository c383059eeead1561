"""The recruiter registry over the real database and Kafka: auditors keep it through the API, every change is
kept, and the ethics worker checks vacancies and offers against it (contract: "Additions: accountability")."""

from __future__ import annotations

import uuid

import pytest

from ethics.__main__ import create_auditor
from ethics.app import create_app
from ethics.models import Flag, Review
from ethics.rules.recruiters import licence_key
from services.events import OFFER_REVIEWED, OFFER_SUBMITTED, VACANCY_REVIEWED, VACANCY_SUBMITTED, new_event
from tests.documents import offer, vacancy
from tests.integration.helpers import eventually, mint_token
from tests.integration.test_ethics_flow import ethics_worker, publish, reviewed  # noqa: F401 (fixture)

PASSWORD = "correct horse battery"


@pytest.fixture
def client(settings, database):
    return create_app({"TESTING": True}, settings).test_client()


@pytest.fixture
def headers(client):
    auditor = create_auditor(f"auditor-{uuid.uuid4().hex[:6]}@example.org", PASSWORD)
    token = client.post("/api/v1/tokens", json={"email": auditor.email, "password": PASSWORD}).get_json()["token"]
    return {"Authorization": f"Bearer {token}", "X-Auditor": auditor.email}


def register(client, headers, **fields) -> str:
    body = {"name": "Servicios Laborales Quetzal", "country": "GT", "licence": f"GT-MT-{uuid.uuid4().hex[:6]}",
            "status": "active", "valid_until": "2030-12-31", "source": "MINTRAB register", **fields}
    response = client.post("/api/v1/recruiters", json=body, headers=headers)
    assert response.status_code == 201, response.get_json()
    assert set(response.get_json()) == {"id"}
    return response.get_json()["id"]


def items(client, headers, query: str) -> list[dict]:
    response = client.get(f"/api/v1/recruiters?{query}", headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


def test_auditors_register_filter_and_change_recruiters_with_every_change_kept(client, headers):
    quetzal = register(client, headers, licence="GT-MT-0042")
    register(client, headers, name="Agencia Chiapas", country="MX", licence="MX-STPS-77", status="suspended")
    assert [r["id"] for r in items(client, headers, "licence=gt-mt 0042")] == [quetzal]  # any spelling
    assert {r["name"] for r in items(client, headers, "country=MX")} == {"Agencia Chiapas"}
    assert {r["licence"] for r in items(client, headers, "status=suspended&country=MX")} == {"MX-STPS-77"}
    assert items(client, headers, "status=revoked") == []

    changed = client.patch(f"/api/v1/recruiters/{quetzal}", headers=headers,
                           json={"status": "revoked", "source": "MINTRAB resolution 12/2027"})
    assert changed.status_code == 200, changed.get_json()
    body = changed.get_json()
    assert body["status"] == "revoked" and body["may_recruit"] is False and body["valid_until"] == "2030-12-31"
    created, revoked = body["history"]
    assert created["changes"]["licence"] == [None, "GT-MT-0042"]
    assert revoked["changes"] == {"status": ["active", "revoked"],
                                  "source": ["MINTRAB register", "MINTRAB resolution 12/2027"]}
    assert revoked["auditor_email"] == headers["X-Auditor"] and revoked["changed_at"]
    # Changing nothing records nothing; the name and licence cannot be changed.
    same = client.patch(f"/api/v1/recruiters/{quetzal}", headers=headers, json={"status": "revoked"})
    assert len(same.get_json()["history"]) == 2
    assert client.patch(f"/api/v1/recruiters/{quetzal}", headers=headers, json={"name": "X"}).status_code == 422


def test_the_registry_answers_with_the_contracts_errors(client, headers, settings):
    register(client, headers, licence="HN-STSS-9")
    duplicate = client.post("/api/v1/recruiters", headers=headers, json={
        "name": "Copy", "country": "HN", "licence": "hn stss 9", "status": "active"})
    assert duplicate.status_code == 409
    for bad in ({"name": "A", "country": "ZZ", "licence": "1", "status": "active"},
                {"name": "A", "country": "GT", "licence": "1", "status": "lapsed"},
                {"name": "A", "country": "GT", "licence": "--", "status": "active"},
                {"name": "A", "country": "GT", "status": "active"}):
        response = client.post("/api/v1/recruiters", headers=headers, json=bad)
        assert response.status_code == 422 and response.get_json()["error"]["fields"], bad
    assert client.patch("/api/v1/recruiters/not-an-id", headers=headers, json={"status": "active"}).status_code == 404
    assert client.get("/api/v1/recruiters?cursor=zzz", headers=headers).status_code == 400
    assert client.get("/api/v1/recruiters").status_code == 401
    employer = mint_token(settings, "e1", "employer", 60, service="ethics")
    assert client.get("/api/v1/recruiters", headers={"Authorization": f"Bearer {employer}"}).status_code == 403
    assert client.get("/api/v1/risk", headers={"Authorization": f"Bearer {employer}"}).status_code == 403


def test_the_list_pages_newest_first(client, headers):
    ids = [register(client, headers, country="SV") for _ in range(5)]
    seen, cursor = [], None
    while True:
        body = client.get("/api/v1/recruiters?country=SV&limit=2" + (f"&cursor={cursor}" if cursor else ""),
                          headers=headers).get_json()
        seen += [r["id"] for r in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == list(reversed(ids))


def test_the_dry_run_checks_the_registry_too(client, headers):
    licence = f"JM-MLSS-{uuid.uuid4().hex[:4]}"
    document = vacancy(recruiter={"name": "Island Labour Ltd", "licence": licence})
    unverified = client.post("/api/v1/checks", json={"kind": "vacancy", "document": document}).get_json()
    assert unverified["verdict"] == "flag" and {f["rule"] for f in unverified["flags"]} == {"recruiter-unverified"}
    register(client, headers, name="Island Labour Ltd", country="JM", licence=licence, status="expired")
    blocked = client.post("/api/v1/checks", json={"kind": "vacancy", "document": document}).get_json()
    assert blocked["verdict"] == "block" and "recruiter-licence-invalid" in {f["rule"] for f in blocked["flags"]}
    direct = client.post("/api/v1/checks", json={"kind": "vacancy", "document": vacancy(recruiter=None)}).get_json()
    assert direct["verdict"] == "pass"


def test_the_worker_checks_vacancies_and_offers_against_the_registry(ethics_worker, client, headers):  # noqa: F811
    revoked, unknown = f"GT-MT-{uuid.uuid4().hex[:6]}", f"GT-MT-{uuid.uuid4().hex[:6]}"
    recruiter_id = register(client, headers, licence=revoked)
    client.patch(f"/api/v1/recruiters/{recruiter_id}", headers=headers, json={"status": "revoked"})
    employer = f"emp-{uuid.uuid4().hex[:6]}"
    by_revoked = vacancy(recruiter={"name": "Servicios Laborales Quetzal", "licence": revoked})
    subjects = {name: f"v-{name}-{uuid.uuid4().hex[:6]}" for name in ("revoked", "unknown", "direct")}
    documents = {"revoked": by_revoked, "unknown": vacancy(recruiter={"name": "Nobody", "licence": unknown}),
                 "direct": vacancy(recruiter=None)}
    offer_id = f"o-{uuid.uuid4().hex[:6]}"
    publish(ethics_worker, *[new_event(VACANCY_SUBMITTED, "employers", subjects[n], {
        "employer_id": employer, "employer_name": "Finca El Sol", "vacancy": documents[n]}) for n in subjects],
        new_event(OFFER_SUBMITTED, "employers", offer_id, {"employer_id": employer, "offer": offer(),
                                                            "vacancy": by_revoked}))

    got = {e.subject: e.payload for e in reviewed(ethics_worker, VACANCY_REVIEWED, set(subjects.values()), 3)}
    verdicts = {name: (got[s]["verdict"], {f["rule"] for f in got[s]["flags"]}) for name, s in subjects.items()}
    assert verdicts["revoked"] == ("block", {"recruiter-licence-invalid"})
    assert verdicts["unknown"] == ("flag", {"recruiter-unverified"})
    assert verdicts["direct"] == ("pass", set())
    [offer_review] = reviewed(ethics_worker, OFFER_REVIEWED, {offer_id}, 1)
    assert offer_review.payload["verdict"] == "block" and "offer" not in offer_review.payload
    # The flags and reviews carry the recruiter, so the recruiter has its own record.
    key = licence_key(revoked)
    expected = {subjects["revoked"], offer_id}
    eventually(lambda: {f.document_id for f in Flag.objects(recruiter=key)} == expected, "the recruiter's flags")
    assert Review.objects(document_id=subjects["direct"]).first().recruiter == ""
    # The worker's recount job counts the recruiter's month a moment after the flags were stored.
    risk = eventually(lambda: _risk_item(client, headers, "recruiter", recruiter_id, open_block=2),
                      "the recruiter's risk")
    assert risk["name"] == "Servicios Laborales Quetzal" and risk["score"] > 0


def _risk_item(client, headers, kind, party_id, open_block=None):
    """The party's item of the risk list (None if absent, or if ``open_block`` is given and differs)."""
    body = client.get("/api/v1/risk?limit=200", headers=headers).get_json()
    item = next((i for i in body["items"] if i["kind"] == kind and i["id"] == party_id), None)
    return item if item is not None and open_block in (None, item["open_block"]) else None
