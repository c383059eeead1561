"""Fixtures of the ethics service's integration tests: the app on the test's database and an auditor."""

from __future__ import annotations

import uuid

import pytest

from ethics.__main__ import create_auditor
from ethics.app import create_app

PASSWORD = "correct horse battery"


@pytest.fixture
def client(settings, database):
    return create_app({"TESTING": True}, settings).test_client()


@pytest.fixture
def auditor(database):
    return create_auditor(f"auditor-{uuid.uuid4().hex[:6]}@example.org", PASSWORD)


@pytest.fixture
def headers(client, auditor):
    """An auditor's bearer token."""
    token = client.post("/api/v1/tokens", json={"email": auditor.email, "password": PASSWORD}).get_json()["token"]
    return {"Authorization": f"Bearer {token}"}
