"""Sign-in of the three services with pages, over the real database: where sign-in sends people, sessions that end,
password change, token revocation, and wrong passwords that slow the guesser without locking the owner out.

Each test runs against the employers, the workers and the ethics service (``site``).
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from services import logins
from tests.unit.workers.test_app import FakeMatcher

PASSWORD = "orchard ladders at sunrise"
NEW_PASSWORD = "seven quiet herons by the river"
ATTACKER, OWNER, OFFICE = "203.0.113.66", "198.51.100.7", "192.0.2.10"
PAGE_OF = {"employers": "/vacancies", "workers": "/profile", "ethics": "/auditor/flags"}
API_OF = {"employers": "/api/v1/vacancies", "workers": "/api/v1/me", "ethics": "/api/v1/flags"}
PASSWORD_PAGE_OF = {"employers": "/password", "workers": "/password", "ethics": "/auditor/password"}


@dataclass
class Site:
    service: str
    app: object
    email: str

    def client(self, address: str = OWNER):
        client = self.app.test_client()
        client.environ_base["REMOTE_ADDR"] = address
        return client


def _account(service: str, email: str) -> None:
    if service == "employers":
        from employers.accounts import create_account

        create_account({"name": "Orchard Co", "email": email, "password": PASSWORD, "country": "CA"})
    elif service == "workers":
        from workers.profiles import create_worker

        create_worker({"name": "Ana López", "email": email, "password": PASSWORD})
    else:
        from ethics.__main__ import create_auditor

        create_auditor(email, PASSWORD)


def _app(service: str, settings):
    if service == "employers":
        from employers.app import create_app

        return create_app({"TESTING": True, "MATCHER_CLIENT": FakeMatcher()}, settings)
    if service == "workers":
        from workers.app import create_app

        return create_app({"TESTING": True, "MATCHER_CLIENT": FakeMatcher()}, settings)
    from ethics.app import create_app

    return create_app({"TESTING": True}, settings)


@pytest.fixture(params=sorted(PAGE_OF))
def site(request, settings, database) -> Site:
    email = f"someone-{uuid.uuid4().hex[:8]}@example.org"
    _account(request.param, email)
    return Site(request.param, _app(request.param, settings), email)


def csrf_of(client) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").get_data(as_text=True)).group(1)


def sign_in(client, site: Site, password: str = PASSWORD, query: str = ""):
    return client.post(f"/login{query}", data={"csrf_token": csrf_of(client), "email": site.email,
                                               "password": password})


def token_of(client, site: Site, password: str = PASSWORD):
    return client.post("/api/v1/tokens", json={"email": site.email, "password": password})


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def signed_in(client, site: Site) -> bool:
    response = client.get(PAGE_OF[site.service])
    assert response.status_code in (200, 302)
    return response.status_code == 200


@pytest.mark.parametrize("target", ["/%09/evil.example/phish", "/%0D%0A/evil.example", "//evil.example",
                                    "/%5Cevil.example", "%5C/evil.example", "https://evil.example", "http:evil.example",
                                    "/%2F%2Fevil.example", "/%E3%80%82evil.example", "javascript:alert(1)"])
def test_sign_in_never_sends_the_browser_to_another_host(site, target):
    response = sign_in(site.client(), site, query=f"?next={target}")
    location = response.headers["Location"]
    assert response.status_code == 302 and "evil" not in location and "javascript" not in location
    assert urlsplit(location).netloc in ("", "localhost") and not location.startswith("//")


def test_sign_in_still_returns_to_the_page_asked_for(site):
    response = sign_in(site.client(), site, query=f"?next={PAGE_OF[site.service]}%3Fcursor%3Dabc")
    assert response.status_code == 302 and response.headers["Location"] == f"{PAGE_OF[site.service]}?cursor=abc"


def test_a_cookie_copied_before_sign_out_stops_working(site):
    browser = site.client()
    assert sign_in(browser, site).status_code == 302 and signed_in(browser, site)
    cookie_name = f"lp_{site.service}"
    stolen = browser.get_cookie(cookie_name).value
    browser.post("/logout", data={"csrf_token": csrf_of(browser)})
    thief = site.client(ATTACKER)
    thief.set_cookie(cookie_name, stolen)
    assert not signed_in(thief, site)
    assert not signed_in(browser, site)


def test_a_session_ends_twelve_hours_after_sign_in_however_often_it_is_used(site, monkeypatch):
    browser = site.client()
    sign_in(browser, site)
    browser.get(PAGE_OF[site.service])  # the first page after sign-in gives the session a new CSRF token
    assert browser.get(PAGE_OF[site.service]).headers.get("Set-Cookie") is None  # not renewed by each use
    signed_in_at = time.time()
    monkeypatch.setattr(time, "time", lambda: signed_in_at + 11 * 3600)
    with browser.session_transaction() as session:
        session["touched"] = True  # anything that re-sends the cookie, 11 hours later
    assert signed_in(browser, site)
    monkeypatch.setattr(time, "time", lambda: signed_in_at + 12 * 3600 + 60)
    assert not signed_in(browser, site)


def test_changing_the_password_on_a_page_ends_the_other_sessions_and_tokens(site):
    browser, phone = site.client(), site.client(OFFICE)
    sign_in(browser, site), sign_in(phone, site)
    token = token_of(site.client(), site).get_json()["token"]
    page = PASSWORD_PAGE_OF[site.service]
    weak = browser.post(page, data={"csrf_token": csrf_of(browser), "current_password": PASSWORD,
                                    "new_password": "password1234"})
    assert weak.status_code == 422 and signed_in(phone, site)
    wrong = browser.post(page, data={"csrf_token": csrf_of(browser), "current_password": "not my password",
                                     "new_password": NEW_PASSWORD})
    assert wrong.status_code == 422 and signed_in(phone, site)
    changed = browser.post(page, data={"csrf_token": csrf_of(browser), "current_password": PASSWORD,
                                       "new_password": NEW_PASSWORD})
    assert changed.status_code == 302
    assert signed_in(browser, site) and not signed_in(phone, site)
    assert site.client().get(API_OF[site.service], headers=bearer(token)).status_code == 401
    assert token_of(site.client(), site).status_code == 401
    assert token_of(site.client(), site, NEW_PASSWORD).status_code == 200


def test_the_api_changes_the_password_and_revokes_tokens(site):
    client = site.client()
    first = token_of(client, site).get_json()["token"]
    change = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    wrong = client.post("/api/v1/me/password", json={**change, "current_password": "nope"}, headers=bearer(first))
    assert wrong.status_code == 422 and list(wrong.get_json()["error"]["fields"]) == ["current_password"]
    for weak in ("short", "123456789012", site.email):
        response = client.post("/api/v1/me/password", json={**change, "new_password": weak}, headers=bearer(first))
        assert response.status_code == 422 and list(response.get_json()["error"]["fields"]) == ["new_password"]
    assert client.post("/api/v1/me/password", json=change).status_code == 401
    changed = client.post("/api/v1/me/password", json=change, headers=bearer(first))
    assert changed.status_code == 200
    second = changed.get_json()["token"]
    assert client.get(API_OF[site.service], headers=bearer(first)).status_code == 401
    assert client.get(API_OF[site.service], headers=bearer(second)).status_code == 200
    assert client.delete("/api/v1/tokens", headers=bearer(second)).status_code == 204
    assert client.get(API_OF[site.service], headers=bearer(second)).status_code == 401
    third = token_of(client, site, NEW_PASSWORD).get_json()["token"]
    assert client.get(API_OF[site.service], headers=bearer(third)).status_code == 200


def test_wrong_passwords_slow_the_guessing_address_but_never_lock_the_owner_out(site, monkeypatch):
    attacker = site.client(ATTACKER)
    statuses = [token_of(attacker, site, "wrong guess").status_code for _ in range(6)]
    assert token_of(site.client(OWNER), site).status_code == 200  # the owner, elsewhere, is let in
    assert sign_in(site.client(OFFICE), site).status_code == 302
    assert statuses == [401, 401, 401, 401, 429, 429]
    assert token_of(attacker, site).status_code == 429  # even the right password waits, from this address
    # Each further failure from the guessing address doubles its wait.
    waits = []
    for _ in range(3):
        waits.append(int(token_of(attacker, site, "wrong guess").headers["Retry-After"]))
        later = logins.now() + waits[-1] + 1  # the wait is over
        monkeypatch.setattr(logins, "now", lambda moment=later: moment)
        assert token_of(attacker, site, "wrong guess").status_code == 401
    assert waits[0] <= logins.FIRST_DELAY_SECONDS and waits[1:] == [10, 20]


def test_each_address_has_a_cap_on_sign_in_attempts(site, monkeypatch):
    monkeypatch.setattr(logins, "LOGINS_PER_CLIENT", (3, 300))
    attacker = site.client(ATTACKER)
    for n in range(3):
        other = Site(site.service, site.app, f"victim-{n}@example.org")
        assert token_of(attacker, other, "guess").status_code == 401
    capped = token_of(attacker, site)
    assert capped.status_code == 429 and "Retry-After" in capped.headers
    assert token_of(site.client(OWNER), site).status_code == 200
