"""Hostile and malformed input, on every API endpoint and form: the contract's errors, never a 5xx."""

from __future__ import annotations

import json

import pytest

from employers.forms import OFFER_FORM, VACANCY_FORM
from tests.documents import vacancy
from tests.integration import employers_support
from tests.integration.employers_support import csrf, sign_up, web_sign_up

app, client, matcher = employers_support.app, employers_support.client, employers_support.matcher  # fixtures
BODIES = ["null", '"text"', "123", "[]", "{}", '{"title": {"$gt": ""}}', "[" * 5000 + "]" * 5000, "{bad",
          json.dumps({"employer_rating": 1e400}), json.dumps(vacancy(positions=10**30, wage={"amount": "NaN"}))]
VALUES = ["", "\x00", "é" * 5000, "1e999", "99999999999999999999999", "-0", "0000-00-00", "<script>x</script>",
          "NaN", "{\"$ne\": 1}"]


@pytest.fixture
def boss(client):
    return sign_up(client)


@pytest.fixture
def vacancy_id(client, boss):
    return client.post("/api/v1/vacancies", json=vacancy(), headers=boss["headers"]).get_json()["id"]


def test_malformed_bodies_get_4xx_in_the_contract_shape(client, boss, vacancy_id):
    endpoints = [("post", "/api/v1/accounts"), ("post", "/api/v1/tokens"), ("post", "/api/v1/vacancies"),
                 ("put", f"/api/v1/vacancies/{vacancy_id}"), ("post", "/api/v1/offers"),
                 ("post", f"/api/v1/offers/{'0' * 24}/complete")]
    for method, path in endpoints:
        for body in BODIES:
            response = getattr(client, method)(path, data=body, content_type="application/json",
                                               headers=boss["headers"])
            assert 400 <= response.status_code < 500, (path, body[:40], response.status_code)
            assert set(response.get_json()["error"]) == {"code", "message", "fields"}


def test_hostile_queries_and_ids(client, boss):
    for path in ("/api/v1/vacancies?limit=abc", "/api/v1/vacancies?cursor=%00", "/api/v1/vacancies/%24where",
                 "/api/v1/offers/" + "f" * 500, "/api/v1/vacancies/x/candidates?limit=-1"):
        response = client.get(path, headers=boss["headers"])
        assert 400 <= response.status_code < 500, path
    # A parameter that names no filter is ignored, never passed to the database.
    ignored = client.get("/api/v1/offers?status[$ne]=x", headers=boss["headers"])
    assert ignored.status_code == 200 and ignored.get_json() == {"items": [], "next_cursor": None}


def test_hostile_form_values_never_break_the_pages(client):
    web_sign_up(client)
    token = csrf(client)
    for value in VALUES:
        for spec, path in ((VACANCY_FORM, "/vacancies/new"), (OFFER_FORM, f"/vacancies/{'0' * 24}/offers/new")):
            data = {name: value for name in spec.fields} | {"csrf_token": token, "action": "check"}
            response = client.post(path, data=data)
            assert response.status_code < 500, (path, value[:20], response.status_code)
    for path in ("/signup", "/login"):
        response = client.post(path, data={"csrf_token": token, "email": "\x00" * 300, "password": "é" * 5000,
                                           "name": "<b>", "country": "\x00"})
        assert response.status_code < 500 and "<b>" not in response.get_data(as_text=True)
