"""An employer in headless Chromium: signs up, fills the vacancy form (one invalid try), sees the verdict,
makes an offer to a candidate, sees it accepted and closes the season with a rating.

The ethics and employers workers run (see employers_support.services_running),
so the verdicts come from the real engine over the real Kafka and the database.
"""
# ruff: noqa: F811 (pytest fixtures imported from tests.e2e.browser are parameters here)

from __future__ import annotations

import pytest

from services.events import OFFER_RESPONDED, new_event
from tests.e2e.browser import browser, page, reload_until  # noqa: F401 (fixtures)
from tests.e2e.browser import shot as save_shot
from tests.integration import employers_support
from tests.integration.employers_support import PASSWORD, services_running
from tests.integration.helpers import publish, served

app, matcher = employers_support.app, employers_support.matcher  # fixtures


@pytest.fixture
def base_url(app):
    with served(app) as url:
        yield url


def shot(page, name: str) -> None:
    save_shot(page, f"employers-{name}")


def fill_vacancy(page, title: str, wage: str) -> None:
    fields = {
        "#title": title, "#description": "Harvest apples and load bins in the orchard.",
        "#occupation": "Fruit picker", "#isco_code": "9211", "#skills": "fruit picking, ladder work",
        "#destination-region": "Ontario", "#destination-city": "Simcoe",
        "#positions": "3", "#season-start": "2027-08-01", "#season-end": "2027-10-31", "#wage-amount": wage,
        "#hours_per_week": "45", "#worker_fees": "0", "#housing-weekly_deduction": "30",
        "#deductions-0-label": "meals", "#deductions-0-amount": "40", "#recruiter-name": "Agencia X",
        "#recruiter-licence": "ON-RA-1234", "#contract_languages": "en, es", "#requirements-languages": "es",
    }
    # Picked by code from the selects (the options show names).
    for selector, value in {"#language": "en", "#destination-country": "CA", "#wage-currency": "CAD"}.items():
        page.select_option(selector, value)
    for selector, value in fields.items():
        page.fill(selector, value)
    for box in ("#employer_pays-inbound_travel", "#employer_pays-return_travel", "#employer_pays-visa",
                "#housing-provided"):
        page.check(box)


def test_an_employer_posts_a_vacancy_and_closes_a_season(page, base_url, app, matcher, settings):
    with services_running(settings):
        page.goto(base_url + "/")
        page.click("text=Create an employer account")
        page.fill("#name", "Browser Orchards")
        page.fill("#email", "browser@example.org")
        page.fill("#password", PASSWORD)
        page.select_option("#country", "CA")
        page.click("button:has-text('Create the account')")
        page.click("a:has-text('Post a new vacancy')")

        fill_vacancy(page, title="", wage="seventeen")
        page.click("button:has-text('Submit the vacancy')")
        assert page.is_visible("#error-summary")
        assert page.get_attribute("#title", "aria-invalid") == "true"
        assert "title-error" in page.get_attribute("#title", "aria-describedby")
        assert page.inner_text("#title-error") == "Fill in this field."
        assert page.inner_text("#wage-amount-error") == "Enter a number."
        assert page.input_value("#occupation") == "Fruit picker"  # kept
        shot(page, "form-errors")

        page.fill("#title", "Apple harvest worker")
        page.fill("#wage-amount", "19.60")
        page.click("button:has-text('Check before submitting')")
        assert "No problem found" in page.inner_text("#verdict")
        page.click("button:has-text('Submit the vacancy')")
        reload_until(page, "#status", "Approved", "the vacancy's approval")
        shot(page, "vacancy-approved")

        vacancy_id = page.url.rstrip("/").rsplit("/", 1)[1]
        matcher.rank(vacancy_id, "worker-1")
        page.click("a:has-text('See the candidates')")
        assert "season fits the availability" in page.inner_text("main")
        page.click("a:has-text('Make an offer')")
        assert page.input_value("#wage-amount") == "19.6" and page.input_value("#contract_language") == "es"
        page.fill("#terms", "Harvest apples as described in the vacancy.")
        page.click("button:has-text('Send the offer for review')")
        reload_until(page, "#status", "Sent to the worker", "the offer to pass the ethics review")

        offer_id = page.url.rstrip("/").rsplit("/", 1)[1]
        publish(settings, new_event(OFFER_RESPONDED, "workers", offer_id, {
            "offer_id": offer_id, "worker_id": "worker-1", "vacancy_id": vacancy_id, "response": "accepted"}))
        reload_until(page, "#status", "Accepted", "the worker's acceptance")
        page.check("input[name=employer_rating][value='5']")
        page.click("button:has-text('Complete the season')")
        assert "Season completed" in page.inner_text("#status")
        shot(page, "season-completed")

        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(base_url + "/vacancies/new?lang=es")
        page.click("button:has-text('Enviar la vacante')")
        assert "Corrija estos campos" in page.inner_text("#error-summary")
        shot(page, "form-errors-phone-es")
