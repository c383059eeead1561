"""Auditors' two-factor sign-in on the database, through the real token endpoint, sign-in pages and operator command."""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import replace

import pyotp
import pytest
from pymongo import MongoClient

from ethics import two_factor
from ethics.__main__ import create_auditor, main
from ethics.app import create_app
from ethics.models import TwoFactor

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def client(settings, database):
    return create_app({"TESTING": True}, settings).test_client()


@pytest.fixture
def prod_client(settings, database):
    return create_app({"TESTING": True}, replace(settings, env="prod")).test_client()


@pytest.fixture
def auditor(database):
    return create_auditor(f"auditor-{uuid.uuid4().hex[:6]}@example.org", PASSWORD)


def token(client, auditor, otp=None):
    body = {"email": auditor.email, "password": PASSWORD} | ({"otp": otp} if otp is not None else {})
    return client.post("/api/v1/tokens", json=body)


def next_unused_code(secret: str) -> str:
    """A code from a later 30-second step than any used, as an authenticator would show (one step ahead is
    within the accepted window)."""
    return pyotp.TOTP(secret).at(time.time() + 30)


def test_an_enrolled_auditor_needs_a_code_for_a_token_and_each_code_works_once(client, auditor):
    enrolment = two_factor.enrol(auditor)
    for otp in (None, "not-a-code"):  # (each counts as a failed sign-in: five reach the limit)
        refused = token(client, auditor, otp)
        assert refused.status_code == 401 and refused.get_json()["error"]["code"]
    code = pyotp.TOTP(enrolment.secret).now()
    assert token(client, auditor, code).status_code == 200
    assert token(client, auditor, code).status_code == 401  # replayed
    recovery = enrolment.recovery_codes[0]
    assert token(client, auditor, recovery.upper()).status_code == 200
    assert token(client, auditor, recovery).status_code == 401  # used up
    assert token(client, auditor, enrolment.recovery_codes[1]).status_code == 200


def test_wrong_codes_count_toward_the_sign_in_limits(client, auditor):
    enrolment = two_factor.enrol(auditor)
    statuses = [token(client, auditor, "123456").status_code for _ in range(6)]
    assert statuses[:4] == [401] * 4 and statuses[-1] == 429
    assert token(client, auditor, next_unused_code(enrolment.secret)).status_code == 429


def test_the_sign_in_page_asks_the_code_after_the_password(client, auditor):
    enrolment = two_factor.enrol(auditor)
    page = client.get("/login")
    first = client.post("/login?next=/auditor/employers", data={"email": auditor.email, "password": PASSWORD,
                                                                "csrf_token": CSRF.search(page.text).group(1)})
    assert first.status_code == 302 and first.headers["Location"].endswith("/login/code")
    assert client.get("/auditor/flags").status_code == 302  # not signed in before the code
    form = client.get("/login/code")
    assert form.status_code == 200 and 'autocomplete="one-time-code"' in form.text
    csrf = CSRF.search(form.text).group(1)
    assert client.post("/login/code", data={"code": "000000", "csrf_token": csrf}).status_code == 401
    done = client.post("/login/code", data={"code": pyotp.TOTP(enrolment.secret).now(), "csrf_token": csrf})
    assert done.status_code == 302 and done.headers["Location"].endswith("/auditor/employers")
    assert client.get("/auditor/flags").status_code == 200
    assert client.get("/login/code").status_code == 302  # the pending step ended with the sign-in


def test_without_the_password_step_there_is_no_code_step(client):
    assert client.get("/login/code").headers["Location"].endswith("/login")


def test_production_refuses_auditors_without_two_factor(prod_client, auditor):
    assert token(prod_client, auditor).status_code == 403
    page = prod_client.get("/login")
    refused = prod_client.post("/login", data={"email": auditor.email, "password": PASSWORD,
                                               "csrf_token": CSRF.search(page.text).group(1)})
    assert refused.status_code == 403 and "two-factor" in refused.text
    enrolment = two_factor.enrol(auditor)
    assert token(prod_client, auditor, pyotp.TOTP(enrolment.secret).now()).status_code == 200


def test_development_auditors_without_two_factor_sign_in_with_the_password(client, auditor):
    assert token(client, auditor).status_code == 200


def test_the_operator_command_enrols_and_prints_codes_stored_only_hashed(settings, monkeypatch, capsys):
    prefix = f"test_{uuid.uuid4().hex[:8]}_"
    monkeypatch.setenv("LP_SECRET_KEY", "integration-test-secret-key-0123456789")
    monkeypatch.setenv("LP_MONGO_URL", settings.mongo_url)
    monkeypatch.setenv("LP_MONGO_DB_PREFIX", prefix)
    try:
        assert main(["create-auditor", "--email", "cli-auditor@example.org", "--password", PASSWORD]) == 0
        printed = capsys.readouterr().out
        secret = re.search(r"two-factor secret: (\w+)", printed).group(1)
        assert "otpauth://totp/" in printed and secret in printed
        codes = re.search(r"recovery codes \(each works once\): (.+)", printed).group(1).split()
        assert len(codes) == len(set(codes)) == 10
        [record] = TwoFactor.objects
        assert record.totp_secret == secret
        assert not set(codes) & set(record.recovery_hashes) and len(record.recovery_hashes) == 10
        assert main(["enrol-2fa", "--email", "cli-auditor@example.org"]) == 0
        assert TwoFactor.objects.get().totp_secret != secret  # re-enrolment replaces the secret
        assert main(["enrol-2fa", "--email", "nobody@example.org"]) == 1
    finally:
        MongoClient(settings.mongo_url).drop_database(f"{prefix}ethics")
