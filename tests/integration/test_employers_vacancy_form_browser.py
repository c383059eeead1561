"""The vacancy form in headless Chromium, as a new employer in Spanish meets it (issue 20): every code picked
by name, the occupation's ISCO-08 code filled in, skills suggested from the matcher's vocabulary, the pay per
hour after deductions against the destination's minimum (from the real ethics web process) before
submitting, a draft saved, reopened and submitted. And the same form with JavaScript off: selects, and the
pay line after "Check before submitting"."""
# ruff: noqa: F811 (pytest fixtures imported from tests.e2e.browser are parameters here)

from __future__ import annotations

from tests.e2e.browser import VIEWPORT, browser  # noqa: F401 (fixture)
from tests.integration import employers_support, test_employers_browser
from tests.integration.employers_support import PASSWORD
from tests.integration.test_employers_browser import shot

app, matcher = employers_support.app, employers_support.matcher  # fixtures
base_url = test_employers_browser.base_url  # fixture
SPANISH = {"create": "Crear la cuenta", "draft": "Guardar como borrador", "submit": "Enviar la vacante",
           "check": "Comprobar antes de enviar", "pending": "Esperando la revisión ética"}


def sign_up_in_spanish(page, base_url, email: str) -> None:
    page.goto(base_url + "/signup?lang=es")
    page.fill("#name", "Huertos del Norte")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.select_option("#country", label="México")
    page.click(f"button:has-text('{SPANISH['create']}')")
    page.goto(base_url + "/vacancies/new?lang=es")  # signing in starts a new session


def pick(page, selector: str, typed: str, choice: str) -> None:
    """Type into a picker and click the suggestion that says ``choice``."""
    page.fill(selector, "")
    page.type(selector, typed)
    page.click(f"{selector}-suggestions button:has-text('{choice}')")


def fill_the_job(page) -> None:
    page.fill("#title", "Cosechador de manzanas")
    page.select_option("#language", label="español")
    pick(page, "#occupation", "fruit and veg", "fruit and vegetable picker")
    pick(page, "#skills", "cosecha de fr", "cosecha de fruta")
    page.select_option("#destination-country", label="Canadá")
    page.fill("#destination-region", "Ontario")
    for box in ("#contract_languages-es", "#contract_languages-en", "#requirements-languages-es"):
        page.check(box)
    page.fill("#positions", "4")
    page.fill("#season-start", "2027-08-01")
    page.fill("#season-end", "2027-10-31")


def pay_line(page, text: str) -> str:
    page.wait_for_function("t => document.getElementById('pay-line').innerText.includes(t)", arg=text)
    return page.inner_text("#pay-line")


def test_a_new_employer_in_spanish_posts_with_pickers_sees_the_pay_and_keeps_a_draft(browser, base_url, app):
    page = browser.new_page(viewport=VIEWPORT)
    sign_up_in_spanish(page, base_url, "huertos@example.org")
    fill_the_job(page)
    assert page.input_value("#isco_code") == "9211"
    assert page.input_value("#skills") == "cosecha de fruta, "
    assert page.input_value("#wage-currency") == "CAD"  # filled from the country

    page.fill("#wage-amount", "16")
    page.fill("#hours_per_week", "45")
    page.fill("#housing-weekly_deduction", "30")
    line = pay_line(page, "Mínimo del destino")
    # 16 an hour, 30 a week for housing over 45 hours: 15.33 an hour, below Ontario's 17.60.
    assert "Por hora después de deducciones: 15,33" in line and "17,60" in line and "Ontario" in line
    assert "por debajo del mínimo" in line
    shot(page, "form-pay-below-es")
    page.fill("#wage-amount", "19,60")
    assert "18,93" in pay_line(page, "Alcanza el mínimo")

    page.click(f"button:has-text('{SPANISH['draft']}')")
    assert "Cosechador de manzanas" in page.inner_text("#drafts")
    page.click("#drafts a:has-text('Cosechador de manzanas')")
    assert page.input_value("#language") == "es" and page.input_value("#isco_code") == "9211"
    assert page.input_value("#destination-country") == "CA" and page.input_value("#wage-amount") == "19,60"
    assert page.is_checked("#contract_languages-en") and page.is_checked("#requirements-languages-es")
    assert page.inner_text("label[for=contract_languages-en]") == "inglés"
    assert "18,93" in pay_line(page, "Alcanza el mínimo")
    shot(page, "form-draft-reopened-es")

    page.click(f"button:has-text('{SPANISH['submit']}')")
    assert SPANISH["pending"] in page.inner_text("#status")
    assert "es, en" in page.inner_text("main")  # the contract's languages, as codes in the document
    page.goto(base_url + "/vacancies")
    assert page.locator("#drafts").count() == 0  # submitted, so no longer a draft


def test_without_javascript_the_selects_and_the_check_do_the_work(browser, base_url, app):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_up_in_spanish(page, base_url, "sinjs@example.org")
    page.fill("#title", "Cosechador de manzanas")
    page.select_option("#language", label="español")
    page.fill("#occupation", "fruit and vegetable picker")  # as ESCO names it; the ISCO code left blank
    page.fill("#skills", "cosecha de fruta")
    page.select_option("#destination-country", label="Canadá")
    page.fill("#destination-region", "Ontario")
    page.select_option("#wage-currency", "CAD")  # no script fills it
    for selector, value in {"#positions": "4", "#season-start": "2027-08-01", "#season-end": "2027-10-31",
                            "#wage-amount": "16", "#hours_per_week": "45", "#housing-weekly_deduction": "30"}.items():
        page.fill(selector, value)
    assert page.inner_text("#pay-line") == ""  # nothing computes it in the page
    assert page.locator("#occupation-suggestions").count() == 0

    page.click(f"button:has-text('{SPANISH['check']}')")
    line = page.inner_text("#pay-line")
    assert "15,33" in line and "17,60" in line and "por debajo del mínimo" in line
    assert page.input_value("#isco_code") == "9211"  # filled in by the server
    assert "Sería bloqueada" in page.inner_text("#verdict")
    shot(page, "form-no-js-check-es")

    page.fill("#wage-amount", "19.60")
    page.click(f"button:has-text('{SPANISH['draft']}')")
    page.click("#drafts a:has-text('Cosechador de manzanas')")
    page.click(f"button:has-text('{SPANISH['submit']}')")
    assert SPANISH["pending"] in page.inner_text("#status")
    context.close()
