"""Issue 18.6: forms work by keyboard alone. In Chromium, with Tab to move, the keys of the text typed,
Space to tick a box and Enter to send, an employer posts a vacancy and a worker signs up and fills in
their profile; what was typed is then read back through the API, which proves the forms were sent.
"""

from __future__ import annotations

import uuid

from deploy.seed import Api
from tests.e2e.browser import VIEWPORT, chromium, shot
from tests.e2e.conftest import PASSWORD

SPACE = object()
# What has the focus: a field by its id (a box or a button by name=value), or "button:" and a button's text.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const paired = e.name && (["checkbox", "radio"].includes(e.type) || e.tagName === "BUTTON");
  if (paired) return `${e.name}=${e.value}`;
  return e.tagName === "BUTTON" ? `button:${e.textContent.trim()}` : e.id || e.name || e.textContent.trim();
}"""
# A page has far fewer stops than this; a focus trap or a missing field ends the test instead of looping.
MOST_TABS = 400


def by_keyboard(page, answers: dict, send: str) -> None:
    """Tab through the page from its top; at each field of ``answers`` type its text (or press Space), and
    at the ``send`` button press Enter once every answer is given."""
    page.focus("body")
    given = set()
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused == send:
            assert given == set(answers), f"reached {send} before {sorted(set(answers) - given)}"
            with page.expect_navigation():  # the form is sent: the browser goes to its answer
                page.keyboard.press("Enter")
            return
        if focused in answers and focused not in given:
            answer = answers[focused]
            page.keyboard.press("Space") if answer is SPACE else page.keyboard.type(answer)
            given.add(focused)
    raise AssertionError(f"{send} never had the focus; not reached: {sorted(set(answers) - given)}")


VACANCY = {
    # The pickers are selects (typed to, as a keyboard user does: the option whose name begins so) and boxes.
    "title": "Keyboard apple harvest", "description": "Harvest apples and load bins.", "language": "English",
    "occupation": "Fruit picker", "isco_code": "9211", "skills": "fruit picking, ladder work",
    "destination-country": "Canada", "destination-region": "Ontario", "destination-city": "Simcoe",
    "positions": "3",
    # A date field takes the digits of the browser's locale (en-US: month, day, year).
    "season-start": "08012027", "season-end": "10312027", "wage-amount": "19.60", "wage-currency": "Canadian",
    "hours_per_week": "45", "worker_fees": "0", "employer_pays-inbound_travel=on": SPACE,
    "employer_pays-return_travel=on": SPACE, "employer_pays-visa=on": SPACE, "housing-provided=on": SPACE,
    "housing-weekly_deduction": "30", "contract_languages=en": SPACE, "contract_languages=es": SPACE,
    "requirements-languages=es": SPACE,
}


def test_an_employer_posts_a_vacancy_by_keyboard_alone(platform):
    email = f"keys-{uuid.uuid4().hex[:8]}@e2e.example.org"
    api = Api(platform.url("employers"))
    api.sign_up({"name": "Keyboard Orchards", "email": email, "password": PASSWORD, "country": "CA"})
    with chromium() as browser:
        page = browser.new_context(viewport=VIEWPORT, locale="en-US").new_page()
        page.goto(platform.url("employers") + "/login?lang=en")
        by_keyboard(page, {"email": email, "password": PASSWORD}, "button:Sign in")
        page.goto(platform.url("employers") + "/vacancies/new")
        by_keyboard(page, VACANCY, "action=submit")
        shot(page, "keyboard-vacancy-sent")
        assert "/vacancies/" in page.url and not page.url.endswith("/new"), page.url
    [stored] = api.items("/vacancies")
    assert stored["id"] == page.url.rstrip("/").rsplit("/", 1)[1]
    assert (stored["title"], stored["season"], stored["destination"]["country"]) == (
        "Keyboard apple harvest", {"start": "2027-08-01", "end": "2027-10-31"}, "CA")
    assert stored["employer_pays"] == {"inbound_travel": True, "return_travel": True, "visa": True}
    assert stored["housing"] == {"provided": True, "weekly_deduction": 30}
    assert (stored["language"], stored["wage"]["currency"]) == ("en", "CAD")
    assert sorted(stored["contract_languages"]) == ["en", "es"] and stored["requirements"]["languages"] == ["es"]


def test_a_worker_signs_up_and_fills_the_profile_by_keyboard_alone(platform):
    email = f"keys-{uuid.uuid4().hex[:8]}@e2e.example.org"
    with chromium() as browser:
        page = browser.new_context(viewport=VIEWPORT, locale="en-US").new_page()
        page.goto(platform.url("workers") + "/signup?lang=en")
        by_keyboard(page, {"name": "Ana López", "email": email, "password": PASSWORD}, "button:Create my account")
        assert "/profile" in page.url, page.url
        by_keyboard(page, {"start_0": "03012027", "end_0": "11302027", "skills": "fruit picking",
                           "languages=es": SPACE, "preferred_countries=CA": SPACE, "pathways=seasonal": SPACE,
                           "birth_year": "1994", "origin_country": "Guatemala"}, "button:Save")
        shot(page, "keyboard-worker-profile-saved")
    api = Api(platform.url("workers"))
    token = api.call("POST", "/tokens", json={"email": email, "password": PASSWORD}).json()["token"]
    api.http.headers["Authorization"] = f"Bearer {token}"
    me = api.call("GET", "/me").json()
    assert (me["name"], me["origin_country"], me["birth_year"]) == ("Ana López", "GT", 1994)
    assert me["availability"] == [{"start": "2027-03-01", "end": "2027-11-30"}]
    # The page's language comes ticked already; Space ticked Spanish.
    assert "es" in me["languages"] and (me["preferred_countries"], me["pathways"]) == (["CA"], ["seasonal"])
    assert me["skills"] == ["fruit picking"]
