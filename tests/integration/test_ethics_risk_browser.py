"""An auditor in headless Chromium: registers a recruiter, revokes it, sees a vacancy by that recruiter blocked
by the ethics worker (real Kafka and database), opens the recruiter's record; and the flags table, the risk
list and the records fit a 1280-pixel screen without sideways scrolling."""

from __future__ import annotations

import uuid

import pytest
from bson import ObjectId

from ethics import store
from ethics.__main__ import create_auditor
from ethics.app import create_app
from ethics.handlers import _flag_row, on_employer_registered
from ethics.models import Flag
from ethics.rules.catalogue import make_flag
from services.events import EMPLOYER_REGISTERED, VACANCY_SUBMITTED, new_event
from tests.documents import vacancy
from tests.e2e.browser import browser, shot  # noqa: F401 (fixture)
from tests.integration.helpers import eventually, served
from tests.integration.test_ethics_flow import ethics_worker, publish  # noqa: F401 (fixture)

PASSWORD = "correct horse battery"
WIDTH = 1280


@pytest.fixture
def base_url(settings, database):
    with served(create_app({"TESTING": True}, settings)) as url:
        yield url


@pytest.fixture
def page(browser):  # noqa: F811 (the fixture's parameter)
    return browser.new_page(viewport={"width": WIDTH, "height": 900})


def fits(page, name: str) -> None:
    """No sideways scrolling at 1280 pixels; a screenshot for the record."""
    shot(page, f"ethics-{name}")
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"{name}: {scroll} px wide on a {client} px screen"


def long_flags(employer_id: str) -> None:
    """Flags with the longest things a row can hold: a long name, a long unbroken piece of evidence."""
    flag = make_flag("worker-fees", "Workers must not pay recruitment fees.", "fee:" + "X" * 300)
    store.add_flags([_flag_row(f"long:{i}", flag, employer_id, "vacancy", "v" * 24 + str(i), {"title": "T"}, "t",
                               "AGENCIALABORALINTERNACIONALDELOSALTOSCUCHUMATANES0000001") for i in range(3)])


def test_an_auditor_revokes_a_recruiter_and_its_vacancy_is_blocked(page, base_url, ethics_worker):  # noqa: F811
    auditor = create_auditor(f"auditor-{uuid.uuid4().hex[:6]}@example.org", PASSWORD)
    employer_id = str(ObjectId())
    on_employer_registered(new_event(EMPLOYER_REGISTERED, "employers", employer_id, {
        "employer_id": employer_id, "name": "Sociedad Agrícola de Exportación del Pacífico Sur S.A. de C.V.",
        "country": "MX", "registration_number": "RFC 1"}))
    long_flags(employer_id)
    page.goto(base_url + "/login")
    page.fill("#email", auditor.email)
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")

    page.click("nav >> text=Recruiters")
    page.fill("input[name=name]", "Reclutamiento Maya Quiché")
    page.fill("form.stack input[name=country]", "GT")
    page.fill("form.stack input[name=licence]", "GT-MT-2027-118")
    page.fill("input[name=valid_until]", "2029-06-30")
    page.fill("form.stack input[name=source]", "MINTRAB register, checked by phone")
    page.click("button:has-text('Register')")
    assert "Reclutamiento Maya Quiché" in page.inner_text("h1")
    page.select_option("select[name=status]", "revoked")
    page.fill("input[name=source]", "MINTRAB resolution 4411")
    page.click("button:has-text('Save the change')")
    assert "revoked" in page.inner_text("h1")
    history = page.inner_text("table")
    assert "status: active → revoked" in history and auditor.email in history
    fits(page, "recruiter")

    vacancy_id = f"v-{uuid.uuid4().hex[:8]}"
    publish(ethics_worker, new_event(VACANCY_SUBMITTED, "employers", vacancy_id, {
        "employer_id": employer_id, "employer_name": "Sociedad Agrícola", "vacancy": vacancy(
            title="Cosecha de mango", recruiter={"name": "Maya Quiché", "licence": "GT-MT-2027-118"})}))
    eventually(lambda: Flag.objects(document_id=vacancy_id, rule="recruiter-licence-invalid").first(),
               "the vacancy blocked by the revoked licence", timeout=120, interval=1)

    page.click("text=Its compliance record")
    main = page.inner_text("main")
    assert "Reclutamiento Maya Quiché" in main and "recruiter-licence-invalid" in main
    assert "Cosecha de mango" in main  # its vacancy under review
    assert "Sociedad Agrícola de Exportación del Pacífico Sur" in main  # the employer by name
    assert page.locator("svg.small-multiples").count() == 1 and "Open blocks" in page.inner_text("table.trend")
    fits(page, "recruiter-record")

    page.click("nav >> text=Flags")
    assert "Reclutamiento Maya Quiché" in page.inner_text("table.flags")
    fits(page, "flags")
    page.click("nav >> text=Risk")
    assert "Reclutamiento Maya Quiché" in page.inner_text("main") and "Weight" in page.inner_text("main")
    fits(page, "risk")
    page.click("text=Sociedad Agrícola de Exportación del Pacífico Sur S.A. de C.V.")
    assert "worker-fees" in page.inner_text("main")
    fits(page, "employer-record")
