"""The employers app without a database: routes, the OpenAPI document, authentication before anything else."""

from __future__ import annotations

import pytest

from employers.app import create_app
from employers.worker import HANDLERS, OUTBOX_DOCUMENTS
from services.config import Settings
from services.events import EMPLOYER_VERIFIED, OFFER_RESPONDED, OFFER_REVIEWED, VACANCY_REVIEWED, WORKER_ERASED

PROTECTED = [("get", "/api/v1/vacancies"), ("post", "/api/v1/vacancies"), ("get", "/api/v1/vacancies/x"),
             ("put", "/api/v1/vacancies/x"), ("post", "/api/v1/vacancies/x/close"),
             ("get", "/api/v1/vacancies/x/candidates"), ("post", "/api/v1/offers"), ("get", "/api/v1/offers"),
             ("get", "/api/v1/offers/x"), ("post", "/api/v1/offers/x/withdraw"), ("post", "/api/v1/offers/x/complete")]


@pytest.fixture
def client():
    settings = Settings(service="employers", secret_key="unit-secret", mongo_url="mongodb://127.0.0.1:1",
                        kafka_bootstrap="127.0.0.1:1")
    return create_app({"TESTING": True, "MATCHER_CLIENT": object()}, settings).test_client()


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_the_api_wants_a_token_first(client, method, path):
    response = getattr(client, method)(path, json={})
    assert response.status_code == 401 and response.get_json()["error"]["code"] == "unauthorized"


def test_the_openapi_document_describes_the_contract_shapes(client):
    spec = client.get("/openapi.json").get_json()
    candidates = spec["paths"]["/api/v1/vacancies/{vacancy_id}/candidates"]["get"]["responses"]["200"]
    assert candidates["content"]["application/json"]["schema"]["type"] == "array"
    vacancy = spec["components"]["schemas"]["VacancyOut"]["properties"]
    assert {"id", "status", "flags", "revision", "title", "season", "wage"} <= set(vacancy)


def test_the_home_page_links_sign_in_sign_up_and_the_api(client):
    page = client.get("/").get_data(as_text=True)
    assert 'href="/login"' in page and 'href="/signup"' in page and 'href="openapi.json"' in page
    assert client.get("/vacancies").status_code == 302  # pages need a session


def test_the_worker_consumes_its_topics_and_relays_its_three_outboxes():
    assert set(HANDLERS) == {VACANCY_REVIEWED, OFFER_REVIEWED, OFFER_RESPONDED, EMPLOYER_VERIFIED, WORKER_ERASED}
    assert {d.__name__ for d in OUTBOX_DOCUMENTS} == {"Vacancy", "Offer", "Employer"}
