"""The vacancy form's "Check before submitting" asks the ethics service over HTTP (``POST /api/v1/checks``),
and says the check is unavailable, never a 500, when ethics is down or failing: the vacancy can still be
submitted. The ethics web app is a real process (conftest ``ethics_web``); the database and Kafka are real."""

from __future__ import annotations

import html
import json
import re
import socket
from dataclasses import replace

import pytest
import requests

from employers.app import create_app
from employers.forms import VACANCY_FORM
from employers.models import Vacancy
from services.documents import VacancySchema, normalised
from services.flag_messages import localise
from tests.documents import vacancy
from tests.integration import employers_support
from tests.integration.employers_support import csrf, form_of, web_sign_up
from tests.integration.helpers import served

app, client, matcher = employers_support.app, employers_support.client, employers_support.matcher  # fixtures
UNAVAILABLE = {
    "en": "The check is unavailable right now; you can still submit, and the vacancy will be checked when it arrives.",
    "es": "La comprobación no está disponible en este momento; puede enviar la vacante de todos modos",
    "fr": "La vérification n'est pas disponible pour le moment ; vous pouvez tout de même soumettre",
    "pt": "A verificação não está disponível no momento; você ainda pode enviar a vaga",
}
CHECKS_SERVED = re.compile(r'http_requests_total\{[^}]*endpoint="api\.check"[^}]*method="POST"[^}]*'
                           r'status="200"[^}]*\} ([0-9.]+)')


def post_form(client, path, data):
    return client.post(path, data={"csrf_token": csrf(client), **data})


def checks_served(ethics_web: str) -> float:
    """How many dry-run checks the ethics web process has answered with 200 (its own /metrics)."""
    found = CHECKS_SERVED.search(requests.get(f"{ethics_web}/metrics", timeout=10).text)
    return float(found.group(1)) if found else 0.0


def test_the_dry_run_shows_the_ethics_services_verdict(client, ethics_web):
    web_sign_up(client)
    unfair = vacancy(worker_fees=450, hours_per_week=70)
    before = checks_served(ethics_web)
    page = post_form(client, "/vacancies/new", form_of(unfair, VACANCY_FORM) | {"action": "check"})
    assert checks_served(ethics_web) == before + 1  # asked over HTTP, once
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Would be blocked" in text and "Nothing has been saved yet." in text
    # The same verdict the ethics service gives anyone who asks.
    answer = requests.post(f"{ethics_web}/api/v1/checks", timeout=30,
                           json={"kind": "vacancy", "document": normalised(VacancySchema(), unfair)}).json()
    assert answer["verdict"] == "block" and {f["rule"] for f in answer["flags"]} >= {"worker-fees"}
    for flag in answer["flags"]:
        assert html.escape(flag["message"]) in text, flag["rule"]
    assert text.count('class="sev-') == len(answer["flags"])
    assert Vacancy.objects.count() == 0


def test_the_dry_run_reasons_follow_the_page_language(client, ethics_web):
    web_sign_up(client)
    unfair = vacancy(worker_fees=450)
    page = post_form(client, "/vacancies/new?lang=es", form_of(unfair, VACANCY_FORM) | {"action": "check"})
    text = page.get_data(as_text=True)
    answer = requests.post(f"{ethics_web}/api/v1/checks", timeout=30,
                           json={"kind": "vacancy", "document": normalised(VacancySchema(), unfair)}).json()
    (fees,) = [f for f in answer["flags"] if f["rule"] == "worker-fees"]
    spanish = localise(fees["message"], "es")
    assert spanish != fees["message"] and html.escape(spanish) in text


@pytest.fixture
def closed_port():
    """A port nothing listens on (bound, never listening: connections are refused) for the test's length."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield held.getsockname()[1]


@pytest.fixture
def failing_ethics():
    """An "ethics service" that answers every request with a 503 in the contract's error shape."""
    def wsgi(environ, start_response):
        body = json.dumps({"error": {"code": "unavailable", "message": "down", "fields": {}}}).encode()
        start_response("503 SERVICE UNAVAILABLE", [("Content-Type", "application/json")])
        return [body]

    with served(wsgi) as url:
        yield url


@pytest.fixture(params=["closed port", "answers 503"])
def ethics_down_url(request, closed_port, failing_ethics):
    return f"http://127.0.0.1:{closed_port}" if request.param == "closed port" else failing_ethics


@pytest.fixture
def down_client(settings, database, matcher, ethics_down_url):
    """An employers app whose ethics service cannot answer."""
    app = create_app({"TESTING": True, "MATCHER_CLIENT": matcher}, replace(settings, ethics_url=ethics_down_url))
    return app.test_client()


def test_without_ethics_the_form_says_so_and_the_vacancy_can_still_be_submitted(down_client):
    web_sign_up(down_client)
    form = form_of(vacancy(title="Pear picker"), VACANCY_FORM)
    page = post_form(down_client, "/vacancies/new", form | {"action": "check"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200, text
    assert UNAVAILABLE["en"] in text and 'value="Pear picker"' in text  # the form is kept as typed
    assert "Would be blocked" not in text and "found nothing to flag" not in text
    for language in ("es", "fr", "pt"):
        translated = post_form(down_client, f"/vacancies/new?lang={language}", form | {"action": "check"})
        assert translated.status_code == 200 and UNAVAILABLE[language] in translated.get_data(as_text=True)
    submitted = post_form(down_client, "/vacancies/new", form | {"action": "submit"})
    assert submitted.status_code == 302
    (stored,) = Vacancy.objects
    assert stored.status == "pending_review" and stored.outbox[0]["type"] == "vacancy.submitted"


def test_without_ethics_the_edit_form_says_so_too(down_client):
    web_sign_up(down_client)
    form = form_of(vacancy(), VACANCY_FORM)
    assert post_form(down_client, "/vacancies/new", form | {"action": "submit"}).status_code == 302
    (stored,) = Vacancy.objects
    page = post_form(down_client, f"/vacancies/{stored.pk}/edit", form | {"action": "check"})
    assert page.status_code == 200 and UNAVAILABLE["en"] in page.get_data(as_text=True)


def test_without_ethics_the_pay_line_says_the_minimum_is_unavailable_and_drafts_still_save(down_client):
    web_sign_up(down_client)
    form = form_of(vacancy(title="Pear picker"), VACANCY_FORM)
    line = down_client.get("/vacancies/pay-line", query_string=form).get_data(as_text=True)
    assert "Per hour after deductions:" in line and "minimum is unavailable right now" in line
    checked = post_form(down_client, "/vacancies/new", form | {"action": "check"}).get_data(as_text=True)
    assert "minimum is unavailable right now" in checked and 'id="destination-region"' in checked
    saved = post_form(down_client, "/vacancies/new", form | {"action": "draft"})
    assert saved.status_code == 302 and "Pear picker" in down_client.get("/vacancies").get_data(as_text=True)
