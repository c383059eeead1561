"""Issue 18.6: axe-core in Chromium on every page of every service, in every language it has: no serious
or critical violation. The pages come from the apps' url maps (``tests.e2e.accessibility``), visited
anonymously and signed in (employer, worker, auditor) on the journeys' stack, with data seeded through the
public APIs so that pages with an id (a vacancy, an offer, a flag, a registration) have one to show.
The employer's vacancy form and the worker's sign-up are also checked showing their errors.
"""

from __future__ import annotations

import re
import uuid

import pytest
import requests

from deploy.seed import Api
from tests.e2e.accessibility import AXE, FAILING, SERVICES, check_pages, languages, page_paths, violations
from tests.e2e.browser import VIEWPORT, chromium
from tests.e2e.conftest import PASSWORD
from tests.e2e.test_journeys import matched, offer_terms, post_vacancy, status_of
from tests.integration.helpers import eventually

# Forms checked again once sent empty: (whose session, path, the button that sends it).
SENT_EMPTY = {"employers": [("signed in", "/vacancies/new", "button[name=action][value=submit]")],
              "workers": [("anonymous", "/signup", "main button[type=submit]")]}
CASES = [(service, language) for service in SERVICES for language in languages(service)]


@pytest.fixture(scope="module")
def seeded(platform) -> dict:
    """An employer with an approved and a blocked vacancy and an offer, the worker it went to, and an auditor
    with a flag to read: their sign-in details and the ids the pages take."""
    assert AXE.exists(), "axe-core is not installed: run `make a11y` (make test does)"
    tag = uuid.uuid4().hex[:8]
    employer = {"email": f"a11y-employer-{tag}@e2e.example.org", "password": PASSWORD}
    employer_api = Api(platform.url("employers"))
    employer_api.sign_up({"name": "Accessible Orchards", "country": "CA", **employer})
    worker = {"email": f"a11y-worker-{tag}@e2e.example.org", "password": PASSWORD}
    worker_api = Api(platform.url("workers"))
    worker_api.sign_up({"name": "Ana López", "origin_country": "GT", "birth_year": 1994, "languages": ["es"],
                        "skills": ["fruit picking"], "certifications": [],
                        "availability": [{"start": "2027-03-01", "end": "2028-11-30"}],
                        "preferred_countries": ["CA"], "pathways": ["seasonal"], **worker})
    worker_id = worker_api.call("GET", "/me").json()["id"]
    fair, blocked = post_vacancy(employer_api), post_vacancy(employer_api, worker_fees=500)
    eventually(lambda: status_of(employer_api, f"/vacancies/{fair}"), "the vacancy's verdict", 120, 1)
    eventually(lambda: status_of(employer_api, f"/vacancies/{blocked}"), "the blocked vacancy's verdict", 120, 1)
    eventually(lambda: fair in matched(worker_api), "the vacancy in the worker's matches", 120, 1)
    offer = employer_api.call("POST", "/offers", json=offer_terms(fair, worker_id)).json()["id"]
    eventually(lambda: offer in str(worker_api.call("GET", "/me/offers").json()), "the offer in the inbox", 120, 1)
    auditor = platform.auditor()
    flags_url = f"{platform.url('ethics')}/api/v1/flags"
    flags = eventually(lambda: requests.get(flags_url, timeout=30, headers=auditor["headers"]).json()["items"],
                       "a flag for the auditor", 120, 1)
    employer_id = employer_api.call("GET", "/me").json()["id"]
    recruiter = platform.register_recruiter(auditor, f"GT-{tag}", f"Agencia {tag}", "GT")
    ids = {"vacancy_id": fair, "offer_id": offer, "flag_id": flags[0]["id"], "employer_id": employer_id,
           "draft_id": saved_draft(platform.url("employers"), employer), "recruiter_id": recruiter,
           "kind": "employer", "key": employer_id}
    return {"employer": employer, "worker": worker, "auditor": auditor, "ids": ids}


def saved_draft(base: str, employer: dict) -> str:
    """The id of a draft the employer saved through the vacancy form (the draft pages take one)."""
    session = requests.Session()
    csrf = re.compile(r'name="csrf_token" value="([^"]+)"')
    login = session.get(f"{base}/login", timeout=30).text
    session.post(f"{base}/login", timeout=30, data={**employer, "csrf_token": csrf.search(login).group(1)})
    form = session.get(f"{base}/vacancies/new", timeout=30).text
    listed = session.post(f"{base}/vacancies/new", timeout=30, data={
        "title": "A draft for the checks", "action": "draft", "csrf_token": csrf.search(form).group(1)}).text
    return re.search(r"/vacancies/drafts/([0-9a-f]{24})", listed).group(1)


def sign_in(context, platform, service: str, seeded: dict) -> None:
    """Sign the context's session in as the service's person (the matcher has no one to sign in)."""
    if service == "matcher":
        return
    who = {"employers": "employer", "workers": "worker", "ethics": "auditor"}[service]
    page = context.new_page()
    page.goto(platform.url(service) + "/login")
    page.fill("#email", seeded[who]["email"])
    page.fill("#password", seeded[who]["password"])
    page.click("button[type=submit]")
    if service == "ethics":
        page.fill("#code", seeded["auditor"]["recovery"].pop())
        page.click("button[type=submit]")
    page.wait_for_load_state("load")
    assert "/login" not in page.url, f"{who} not signed in: {page.url}"
    page.close()


@pytest.mark.parametrize(("service", "language"), CASES)
def test_every_page_has_no_serious_accessibility_violation(platform, seeded, service, language):
    base, paths = platform.url(service), page_paths(service, seeded["ids"])
    problems = []
    with chromium() as browser:
        anonymous = browser.new_context(bypass_csp=True, viewport=VIEWPORT)
        problems += check_pages(anonymous, base, paths, language, set())
        signed_in = browser.new_context(bypass_csp=True, viewport=VIEWPORT)
        sign_in(signed_in, platform, service, seeded)
        problems += check_pages(signed_in, base, paths, language, set())
        # A form sent empty shows its errors: the state a person most needs to read.
        for context, path, button in SENT_EMPTY.get(service, ()):
            page = (signed_in if context == "signed in" else anonymous).new_page()
            page.goto(f"{base}{path}?lang={language}")
            page.click(button)
            assert page.is_visible(".error-summary, .error, [aria-invalid=true]"), f"{path}: no error shown"
            problems += [f"{language} {path} with errors: {v['impact']} {v['id']} ({v['help']}) at {v['nodes']}"
                         for v in violations(page) if v["impact"] in FAILING]
    assert not problems, "\n".join(problems)


def test_axe_is_injected_and_finds_what_it_should():
    """The check can fail: a page with an unlabelled field and an image without text is reported."""
    with chromium() as browser:
        page = browser.new_context(bypass_csp=True).new_page()
        page.set_content('<html lang="en"><title>t</title><main><img src="x.png"><input id="q"></main></html>')
        found = {v["id"]: v["impact"] for v in violations(page)}
    assert found.get("image-alt") == "critical" and found.get("label") == "critical", found
