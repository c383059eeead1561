"""Issue 20, both settings of LP_REQUIRE_EMPLOYER_VERIFICATION, in Chromium on the whole stack.

Required (a stack of its own, ports 29001-29004 moved by ``LP_TEST_PORT_OFFSET``): an unverified employer
signs up and submits a vacancy that ethics approves; its pages say why it waits and what happens next, its
candidates are refused (403 ``unverified_employer``) and the vacancy is not in a worker's matches, while a
verified employer's vacancy posted after it is. An auditor verifies it on the ethics pages
(/auditor/verification); then the vacancy reaches the worker and the employer sees its candidates.

Not required (the journeys' stack, the local demo's setting): a new employer sees candidates at once.
"""

from __future__ import annotations

import os
import uuid

import pytest
import requests

from deploy.seed import Api
from tests.e2e.browser import VIEWPORT, chromium, reload_until, shot
from tests.e2e.conftest import PASSWORD, Platform, fresh_stack, started
from tests.e2e.test_journeys import matched, post_vacancy
from tests.integration.helpers import eventually
from tests.integration.test_employers_browser import fill_vacancy

WAITING = "The auditors have not verified this employer yet."


@pytest.fixture(scope="module")
def strict_platform():
    """A stack whose services require verified employers (as LP_ENV=prod does)."""
    stack = fresh_stack("test-e2e-verification", 29000)
    previous = os.environ.get("LP_REQUIRE_EMPLOYER_VERIFICATION")
    # Only for the processes this stack spawns now: the journeys' stack keeps the demo's setting.
    os.environ["LP_REQUIRE_EMPLOYER_VERIFICATION"] = "true"
    try:
        platform = started(stack)
    finally:
        if previous is None:
            del os.environ["LP_REQUIRE_EMPLOYER_VERIFICATION"]
        else:
            os.environ["LP_REQUIRE_EMPLOYER_VERIFICATION"] = previous
    try:
        yield platform
    finally:
        stack.down()


def verified_employer(platform: Platform, auditor: dict) -> Api:
    """An employer the auditor verified through the API, once its registration reached the queue."""
    api = Api(platform.url("employers"))
    api.sign_up({"name": "Verified Control Farms", "email": f"control-{uuid.uuid4().hex[:8]}@e2e.example.org",
                 "password": PASSWORD, "country": "CA", "registration_number": "ON 555", "contact": "Bo, 555"})
    employer_id = api.call("GET", "/me").json()["id"]
    eventually(lambda: requests.post(f"{platform.url('ethics')}/api/v1/employers/{employer_id}/verification",
                                     json={"decision": "verified", "note": "control"}, headers=auditor["headers"],
                                     timeout=30).status_code == 200, "the control employer verified", 120, 1)
    eventually(lambda: api.call("GET", "/me").json()["verification"] == "verified",
               "the control employer told it is verified", 120, 1)
    return api


def sign_up(page, base: str, name: str, email: str, registration: bool) -> None:
    page.goto(base + "/signup?lang=en")
    page.fill("#name", name)
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.select_option("#country", "CA")
    if registration:
        page.fill("#registration_number", "ON BN 123456789")
        page.fill("#contact", "Marie Tremblay, +1 519 555 0142")
    page.click("button:has-text('Create the account')")


def post_in_browser(page, title: str) -> str:
    """Fill and submit the vacancy form; returns the vacancy's id once ethics approved it."""
    page.click("a:has-text('Post a new vacancy')")
    fill_vacancy(page, title=title, wage="19.60")
    page.click("button:has-text('Submit the vacancy')")
    reload_until(page, "#status", "Approved", "the vacancy's approval")
    return page.url.rstrip("/").rsplit("/", 1)[1]


def test_an_unverified_employer_reaches_workers_only_after_an_auditor_verifies_it(strict_platform):
    platform = strict_platform
    worker, worker_id = platform.worker()
    auditor = platform.auditor()
    email, name = f"strict-{uuid.uuid4().hex[:8]}@e2e.example.org", "Niagara Unverified Orchards"
    employers = platform.url("employers")
    with chromium() as browser:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        sign_up(page, employers, name, email, registration=True)
        assert WAITING in page.inner_text("main")  # says why, and what happens next
        vacancy_id = post_in_browser(page, "Apple harvest, waiting for verification")
        assert WAITING in page.inner_text("main") and "once the auditors have verified" in page.inner_text("main")
        shot(page, "verification-required-vacancy-approved")

        refused = page.goto(f"{employers}/vacancies/{vacancy_id}/candidates")
        assert refused.status == 403
        assert "open once the auditors have verified this employer" in page.inner_text("main")
        api = Api(employers)
        token = api.call("POST", "/tokens", json={"email": email, "password": PASSWORD}).json()["token"]
        api.http.headers["Authorization"] = f"Bearer {token}"
        answer = api.call("GET", f"/vacancies/{vacancy_id}/candidates", expect=(403,))
        assert answer.json()["error"]["code"] == "unverified_employer"
        assert api.call("GET", "/me").json()["verification"] == "unverified"

        # A verified employer's vacancy, approved after this one, reaches the worker; this one does not.
        control = post_vacancy(verified_employer(platform, auditor))
        eventually(lambda: control in matched(worker), "the verified employer's vacancy in the matches", 120, 1)
        assert vacancy_id not in matched(worker)

        desk = context.new_page()
        desk.goto(platform.url("ethics") + "/login")
        desk.fill("#email", auditor["email"])
        desk.fill("#password", auditor["password"])
        desk.click("button:has-text('Sign in')")
        desk.fill("#code", auditor["recovery"][0])
        desk.click("button:has-text('Sign in')")
        desk.goto(platform.url("ethics") + "/auditor/verification")
        desk.click(f"a:has-text('{name}')")
        assert "ON BN 123456789" in desk.inner_text("main")
        desk.check("input[name=decision][value=verified]")
        desk.fill("#note", "Checked in the Ontario business register.")
        desk.click("button:has-text('Record decision')")
        assert "(verified)" in desk.inner_text("h1")
        shot(desk, "verification-auditor-verified")

        eventually(lambda: vacancy_id in matched(worker), "the vacancy in the worker's matches once verified",
                   120, 1)
        page.goto(f"{employers}/vacancies/{vacancy_id}")
        eventually(lambda: page.reload() and WAITING not in page.inner_text("main"),
                   "the employer's pages without the notice once verified", 120, 1)
        page.click("a:has-text('See the candidates')")
        assert worker_id in page.content()
        shot(page, "verification-required-candidates")


def test_without_verification_a_new_employer_sees_candidates_at_once(platform):
    _worker, worker_id = platform.worker()
    with chromium() as browser:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        sign_up(page, platform.url("employers"), "Demo Setting Orchards",
                f"open-{uuid.uuid4().hex[:8]}@e2e.example.org", registration=False)
        assert WAITING not in page.inner_text("main")
        vacancy_id = post_in_browser(page, "Apple harvest, demo setting")
        page.click("a:has-text('See the candidates')")
        assert page.url.endswith(f"/vacancies/{vacancy_id}/candidates")
        reload_until(page, "main", "Make an offer", "the candidates ranked")
        assert worker_id in page.content()
        shot(page, "verification-off-candidates")
