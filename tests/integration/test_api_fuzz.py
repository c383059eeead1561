"""API fuzzing: schemathesis against each service's ``/openapi.json``, on the real database.

Every operation gets a bounded number of generated requests (valid and
not), sent with the credentials of a role that may call it. The checks:
no server error, and every answer's status, content type and body match
what the OpenAPI document (generated from the marshmallow schemas) says.
Rejecting input the document cannot express (a season ending before it
starts, an unknown field) is allowed, so "valid data rejected" is not one.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from ethics.__main__ import create_auditor
from services.kafka import ensure_topics
from tests.integration.helpers import eventually, mint_token

EXAMPLES_PER_OPERATION = 25
# Revoking the token would leave every later operation a 401; it has no input to fuzz.
TAKES_NO_INPUT_AND_ENDS_THE_TOKEN = {"DELETE /api/v1/tokens"}
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def fuzz(app, headers: dict) -> list[str]:
    """Run every operation of ``app``'s OpenAPI document; returns the labels it ran."""
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    labels = []
    for result in schema.get_all_operations():
        operation = result.ok()
        labels.append(operation.label)
        if operation.label in TAKES_NO_INPUT_AND_ENDS_THE_TOKEN:
            continue

        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                             suppress_health_check=list(HealthCheck))
        def run(case):
            # The in-process (WSGI) transport does not unzip, and the workers service gzips for clients that ask.
            case.call_and_validate(headers={"Accept-Encoding": "identity", **headers}, checks=CHECKS)

        run()
    return labels


def bearer(settings, subject: str, role: str) -> dict:
    return {"Authorization": f"Bearer {mint_token(settings, subject, role)}"}


def test_ethics_api_survives_fuzzing(settings, database):
    from ethics.app import create_app

    auditor = create_auditor("fuzz-auditor@example.org", "a long enough password")
    labels = fuzz(create_app({"TESTING": True}, settings=settings), bearer(settings, str(auditor.id), "auditor"))
    assert "POST /api/v1/checks" in labels and "GET /api/v1/flags" in labels


def test_matcher_api_survives_fuzzing(settings, database):
    from matcher.app import create_app

    ensure_topics(settings)  # the index follows them (the services' workers create them)
    app = create_app({"TESTING": True}, settings=settings)
    index = app.extensions["matcher_index"]
    try:
        eventually(lambda: index.ready, "the matcher's ranking index built", timeout=120)
        labels = fuzz(app, bearer(settings, "workers", "service"))
    finally:
        index.stop()
    assert "POST /api/v1/rank" in labels and "GET /api/v1/workers/{worker_id}/matches" in labels


class MatcherKnowingNoOne:
    """The matcher client's interface, answering as a matcher with no profile or vacancy yet."""

    def matches(self, worker_id, limit=20):
        return None

    def candidates(self, vacancy_id, limit=20):
        return None

    def itineraries(self, worker_id):
        return None


SIGN_UPS = {
    "employers": {"name": "Fuzz Farms", "country": "CA"},
    "workers": {"name": "Fuzz Worker", "origin_country": "GT", "birth_year": 1990, "languages": ["es"],
                "skills": ["fruit picking"], "availability": [{"start": "2027-03-01", "end": "2027-11-30"}]},
}


@pytest.mark.parametrize("service", ["employers", "workers"])
def test_account_services_survive_fuzzing(settings, database, service):
    """Fuzzed as a signed-in account holder, so the owner's endpoints are reached, not only their 401."""
    module = pytest.importorskip(f"{service}.app")
    # A matcher that knows no one: its 503 when down is the contract's answer, not what is fuzzed here.
    app = module.create_app({"TESTING": True, "MATCHER_CLIENT": MatcherKnowingNoOne()}, settings=settings)
    client = app.test_client()
    account = {**SIGN_UPS[service], "email": f"fuzz-{service}@example.org", "password": "a long enough password"}
    assert client.post("/api/v1/accounts", json=account).status_code == 201
    token = client.post("/api/v1/tokens", json={"email": account["email"], "password": account["password"]})
    labels = fuzz(app, {"Authorization": f"Bearer {token.get_json()['token']}"})
    assert "POST /api/v1/accounts" in labels
