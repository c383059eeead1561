"""The ethics API and auditor pages over the real database: tokens, flags, decisions, CSV, sign-in."""
# ruff: noqa: F811 (pytest fixtures imported from ethics_support are parameters here)

from __future__ import annotations

import csv
import io
import re

import pytest

from ethics import store
from ethics.handlers import on_grievance_filed, on_vacancy_submitted
from services.auth import issue_token
from services.events import GRIEVANCE_FILED, VACANCY_SUBMITTED, new_event
from tests.documents import vacancy
from tests.integration.ethics_support import PASSWORD, auditor, client  # noqa: F401 (fixtures)
from tests.integration.helpers import mint_token


@pytest.fixture
def flagged(database):
    """Two employers' unfair vacancies and a grievance, through the real handlers."""
    on_vacancy_submitted(new_event(VACANCY_SUBMITTED, "employers", "v-fees", {"employer_id": "emp-a",
                                                                        "vacancy": vacancy(worker_fees=450)}))
    on_vacancy_submitted(new_event(VACANCY_SUBMITTED, "employers", "v-hours", {"employer_id": "emp-b",
                                                                         "vacancy": vacancy(hours_per_week=66)}))
    hostile = {"employer_id": "emp-a", "category": "other", "text": '=HYPERLINK("http://x")', "anonymous": True}
    on_grievance_filed(new_event(GRIEVANCE_FILED, "workers", "g-1", hostile))
    store.recount_marked()  # the compliance summary's counts, as the worker's recount job keeps them


def bearer(client, email, password=PASSWORD):
    response = client.post("/api/v1/tokens", json={"email": email, "password": password})
    return response


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_tokens_only_for_the_right_password_and_rate_limited(client, auditor):
    assert bearer(client, auditor.email, "wrong").status_code == 401
    ok = bearer(client, auditor.email)
    assert ok.status_code == 200 and set(ok.get_json()) == {"token", "expires_at"}
    statuses = [bearer(client, auditor.email, "wrong").status_code for _ in range(6)]
    assert statuses[-1] == 429 and "Retry-After" in bearer(client, auditor.email, "wrong").headers
    assert bearer(client, "nobody@example.org").status_code == 401


def test_flags_need_an_auditor(client, flagged, settings):
    assert client.get("/api/v1/flags").status_code == 401
    employer = mint_token(settings, "emp-a", "employer", 60, service="ethics")
    assert client.get("/api/v1/flags", headers=auth(employer)).status_code == 403
    assert client.get("/api/v1/flags.csv", headers=auth(employer)).status_code == 403


def test_an_auditor_token_made_with_another_services_key_is_refused(client, auditor, settings):
    """A break-in at the workers service (its key) cannot mint auditor tokens: ethics has a key of its own."""
    own = mint_token(settings, str(auditor.id), "auditor")
    assert client.get("/api/v1/flags", headers=auth(own)).status_code == 200
    for service in ("workers", "employers", "matcher"):
        forged = mint_token(settings, str(auditor.id), "auditor", service=service)
        response = client.get("/api/v1/flags", headers=auth(forged))
        assert response.status_code == 401 and response.get_json()["error"]["code"] == "unauthorized"
    signed_with_the_master = issue_token(settings.secret_key, str(auditor.id), "auditor", 600)[0]
    assert client.get("/api/v1/flags", headers=auth(signed_with_the_master)).status_code == 401


def test_flags_filter_and_page(client, auditor, flagged):
    token = bearer(client, auditor.email).get_json()["token"]
    everything = client.get("/api/v1/flags?limit=200", headers=auth(token)).get_json()
    rules = {f["rule"] for f in everything["items"]}
    assert {"worker-fees", "excessive-hours", "grievance"} <= rules
    only_a = client.get("/api/v1/flags?employer=emp-a", headers=auth(token)).get_json()["items"]
    assert only_a and {f["employer_id"] for f in only_a} == {"emp-a"}
    blocks = client.get("/api/v1/flags?severity=block&rule=excessive-hours", headers=auth(token)).get_json()["items"]
    assert [(f["rule"], f["document_id"]) for f in blocks] == [("excessive-hours", "v-hours")]

    seen, cursor = [], None
    while True:
        page = client.get("/api/v1/flags?limit=1" + (f"&cursor={cursor}" if cursor else ""), headers=auth(token))
        body = page.get_json()
        seen += [f["id"] for f in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(f["id"] for f in everything["items"]) and len(set(seen)) == len(seen)
    bad = client.get("/api/v1/flags?severity=fatal&limit=0", headers=auth(token))
    assert bad.status_code == 422 and set(bad.get_json()["error"]["fields"]) == {"severity", "limit"}


def test_decisions_are_kept_in_order_and_never_overwritten(client, auditor, flagged):
    token = bearer(client, auditor.email).get_json()["token"]
    flag = client.get("/api/v1/flags?rule=worker-fees", headers=auth(token)).get_json()["items"][0]
    url = f"/api/v1/flags/{flag['id']}/decision"
    first = client.post(url, json={"decision": "confirmed", "note": "fee in the contract"}, headers=auth(token))
    assert first.status_code == 200 and first.get_json()["status"] == "confirmed"
    second = client.post(url, json={"decision": "dismissed", "note": "refunded"}, headers=auth(token)).get_json()
    assert second["status"] == "dismissed"
    assert [(d["decision"], d["note"], d["auditor_email"]) for d in second["decisions"]] == [
        ("confirmed", "fee in the contract", auditor.email), ("dismissed", "refunded", auditor.email)]
    assert client.post(url, json={"decision": "maybe"}, headers=auth(token)).status_code == 422
    assert client.post("/api/v1/flags/nonsense/decision", json={"decision": "confirmed"},
                       headers=auth(token)).status_code == 404
    assert client.post(f"/api/v1/flags/{'0' * 24}/decision", json={"decision": "confirmed"},
                       headers=auth(token)).status_code == 404


def test_csv_export_is_filtered_and_inert_in_spreadsheets(client, auditor, flagged):
    token = bearer(client, auditor.email).get_json()["token"]
    response = client.get("/api/v1/flags.csv?employer=emp-a", headers=auth(token))
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert rows and {r["employer_id"] for r in rows} == {"emp-a"}
    grievance = next(r for r in rows if r["rule"] == "grievance")
    assert grievance["evidence"].startswith("'=")


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_an_auditor_finds_decides_and_exports_in_the_browser_pages(client, auditor, flagged):
    assert client.get("/auditor/flags").status_code == 302
    page = client.get("/login").get_data(as_text=True)
    wrong = client.post("/login", data={"email": auditor.email, "password": "nope", "csrf_token": csrf_of(page)})
    assert wrong.status_code == 401 and "Wrong e-mail or password" in wrong.get_data(as_text=True)
    signed_in = client.post("/login", data={"email": auditor.email, "password": PASSWORD, "csrf_token": csrf_of(page)})
    assert signed_in.status_code == 302

    listing = client.get("/auditor/flags?rule=worker-fees").get_data(as_text=True)
    flag_path = re.search(r'href="(/auditor/flags/[0-9a-f]{24})"', listing).group(1)
    detail = client.get(flag_path).get_data(as_text=True)
    assert "worker-fees" in detail and "No decision yet" in detail
    decided = client.post(f"{flag_path}/decision", data={"decision": "confirmed", "note": "seen in contract",
                                                         "csrf_token": csrf_of(detail)})
    assert decided.status_code == 302
    assert "seen in contract" in client.get(flag_path).get_data(as_text=True)
    assert client.post(f"{flag_path}/decision", data={"decision": "confirmed"}).status_code == 400  # no CSRF

    csv_link = re.search(r'href="(/auditor/flags\.csv[^"]*)"', listing).group(1).replace("&amp;", "&")
    assert "worker-fees" in client.get(csv_link).get_data(as_text=True)
    summary = client.get("/auditor/employers").get_data(as_text=True)
    assert "emp-a" in summary and "emp-b" in summary
    chart = client.get("/auditor/trends.svg")
    assert chart.mimetype == "image/svg+xml" and b"<polyline" in chart.data
