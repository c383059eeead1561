"""The ethics service's public minimum-wage lookup over the real app: the figure the wage rule compares
with, a 404 for an unknown place and the contract's error body for a malformed query."""

from __future__ import annotations

from datetime import date

import pytest

from ethics.app import create_app
from ethics.rules.wages import minimum_for


@pytest.fixture
def client(settings, database):
    return create_app({"TESTING": True}, settings).test_client()


def test_a_region_by_name_or_code_gives_the_rules_own_minimum(client):
    by_name = client.get("/api/v1/minimum-wage?country=CA&region=Ontario&on=2027-08-01")
    by_code = client.get("/api/v1/minimum-wage?country=ca&region=CA-ON&on=2027-08-01")
    assert by_name.status_code == 200 and by_code.get_json() == by_name.get_json()
    body = by_name.get_json()
    rule = minimum_for("CA", "Ontario", date(2027, 8, 1))
    assert body == {"country": "CA", "region": "Ontario", "amount": rule.amount, "currency": "CAD",
                    "per": rule.per, "effective": rule.effective.isoformat(), "source": rule.source}


def test_a_country_without_the_region_gives_the_national_minimum(client):
    body = client.get("/api/v1/minimum-wage?country=US&region=Nowhere").get_json()
    assert body["country"] == "US" and body["region"] is None and body["currency"] == "USD"


def test_the_date_picks_the_minimum_in_force_then(client):
    old = client.get("/api/v1/minimum-wage?country=CA&region=BC&on=2020-01-01").get_json()
    new = client.get("/api/v1/minimum-wage?country=CA&region=BC&on=2027-01-01").get_json()
    assert old["effective"] < new["effective"] or old == new
    assert new["effective"] <= "2027-01-01"


def test_an_unknown_country_is_a_404_in_the_contract_shape(client):
    response = client.get("/api/v1/minimum-wage?country=ZZ")
    assert response.status_code == 404
    assert set(response.get_json()["error"]) >= {"code", "message"}


@pytest.mark.parametrize("query", ["", "?country=Canada", "?country=CA&on=someday", "?country=C1"])
def test_a_malformed_query_is_refused_with_its_fields(client, query):
    response = client.get("/api/v1/minimum-wage" + query)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_failed" and set(error["fields"]) <= {"country", "on"} and error["fields"]


def test_the_listed_regions_are_the_tables(client):
    items = client.get("/api/v1/minimum-wage/regions").get_json()["items"]
    assert {"country": "CA", "region": "Ontario"} in items
    assert all(minimum_for(i["country"], i["region"]).region == i["region"] for i in items)
    assert client.get("/openapi.json").get_json()["paths"]["/api/v1/minimum-wage"]
