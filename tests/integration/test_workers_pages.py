"""The workers' web pages on the database: sign-up, sign-in, profile, matches, offers and reports, in five languages."""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    PASSWORD,
    app,
    client,
    fake_matcher,
    reviewed_offer,
    worker_document,
)
from workers.app import LANGUAGES
from workers.handlers import on_offer_reviewed
from workers.models import Grievance, Offer, Worker

LIMIT_BYTES = 50 * 1024


def csrf(response) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True)).group(1)


def web_sign_up(client, language="es", **changes):
    client.get(f"/?lang={language}")
    page = client.get("/signup")
    document = worker_document(**changes)
    response = client.post("/signup", data={"csrf_token": csrf(page), "name": document["name"],
                                            "email": document["email"], "password": PASSWORD,
                                            "birth_year": "1994", "origin_country": "GT"})
    assert response.status_code == 302, response.get_data(as_text=True)
    return Worker.by_email(document["email"]), document


def test_the_first_screen_asks_for_the_language_then_remembers_it(client):
    first = client.get("/").get_data(as_text=True)
    assert "Elija su idioma" in first and "Chwazi lang ou" in first
    assert "Kreye yon kont" in client.get("/?lang=ht").get_data(as_text=True)
    assert "Kreye yon kont" in client.get("/").get_data(as_text=True)  # remembered in the session


@pytest.mark.parametrize("language, greeting", [("en", "Jobs for you"), ("es", "Trabajos para usted"),
                                                ("fr", "Emplois pour vous"), ("pt", "Trabalhos para você"),
                                                ("ht", "Travay pou ou")])
def test_signed_up_workers_see_every_page_in_their_language(client, language, greeting):
    worker, _ = web_sign_up(client, language)
    assert worker.ui_language == language and worker.languages == [language]
    matches = client.get("/matches").get_data(as_text=True)
    assert greeting in matches and f'<html lang="{language}">' in matches
    on_offer_reviewed(reviewed_offer(str(worker.pk), worker_fees=0))
    for path in ("/profile", "/offers", "/rights", "/report", "/plan", "/matches/vac01"):
        assert client.get(path).status_code == 200, path
    offer_page = client.get(f"/offers/{Offer.objects.get(worker_id=str(worker.pk)).offer_id}")
    assert offer_page.status_code == 200


def test_a_language_chosen_on_any_page_becomes_the_workers(client):
    worker, _ = web_sign_up(client, "es")
    assert "Emplois pour vous" in client.get("/matches?lang=fr").get_data(as_text=True)
    assert Worker.objects.get(pk=worker.pk).ui_language == "fr"


def test_every_reason_shows_in_the_workers_language(client):
    web_sign_up(client, "es")
    page = client.get("/matches").get_data(as_text=True)
    assert "Sus habilidades sirven para este trabajo." in page and "La temporada cabe en las fechas" in page
    assert "your skills match" not in page
    assert page.count('class="card"') == 20


def test_forms_without_the_csrf_token_are_refused(client):
    client.get("/?lang=fr")
    response = client.post("/signup", data={"name": "X", "email": "x@example.org", "password": PASSWORD})
    assert response.status_code == 400 and "formulaire" in response.get_data(as_text=True)


def test_sign_in_wrong_passwords_are_rate_limited(client):
    worker, document = web_sign_up(client, "en")
    client.post("/logout", data={"csrf_token": csrf(client.get("/profile"))})
    assert client.get("/matches").status_code == 302
    page = client.get("/login")
    statuses = [client.post("/login", data={"csrf_token": csrf(page), "email": document["email"],
                                            "password": "wrong password"}).status_code for _ in range(6)]
    assert statuses[0] == 401
    blocked = client.post("/login", data={"csrf_token": csrf(page), "email": document["email"], "password": PASSWORD})
    assert "Too many tries" in blocked.get_data(as_text=True)


def test_the_profile_form_saves_several_availability_windows(client):
    worker, _ = web_sign_up(client, "pt")
    page = client.get("/profile")
    form = {"csrf_token": csrf(page), "name": "Ana López", "origin_country": "GT", "birth_year": "1994",
            "languages": ["es", "pt"], "skills": "colheita\npoda, trator", "certifications": "",
            "start_0": "2027-03-01", "end_0": "2027-05-31", "start_1": "2027-08-01", "end_1": "2027-11-30",
            "preferred_countries": ["CA"], "pathways": ["seasonal"], "gender": ""}
    saved = client.post("/profile", data=form)
    assert saved.status_code == 302
    worker.reload()
    assert worker.availability == [{"start": "2027-03-01", "end": "2027-05-31"},
                                   {"start": "2027-08-01", "end": "2027-11-30"}]
    assert worker.skills == ["colheita", "poda", "trator"] and worker.revision == 2
    bad = client.post("/profile", data={**form, "start_0": "2027-06-01", "end_0": "2027-05-01"})
    assert bad.status_code == 422 and "o fim não pode ser antes do início" in bad.get_data(as_text=True)
    assert Worker.objects.get(pk=worker.pk).revision == 2


def test_accept_from_the_offer_page_once(client):
    worker, _ = web_sign_up(client, "es")
    event = reviewed_offer(str(worker.pk))
    on_offer_reviewed(event)
    page = client.get(f"/offers/{event.subject}")
    text = page.get_data(as_text=True)
    for term in ("por hora", "por semana", "Usted no paga ninguna cuota de contratación", "El empleador paga su visa",
                 "Vivienda", "1 de agosto de 2027"):
        assert term in text, term
    accepted = client.post(f"/offers/{event.subject}/accept", data={"csrf_token": csrf(page)})
    assert accepted.status_code == 302
    again = client.post(f"/offers/{event.subject}/accept", data={"csrf_token": csrf(page)})
    assert again.status_code == 409 and "Ya no se puede responder" in again.get_data(as_text=True)
    assert Offer.objects.get(offer_id=event.subject).status == "accepted"


def test_someone_elses_offer_is_a_page_not_found(client):
    owner, _ = web_sign_up(client, "en")
    event = reviewed_offer(str(owner.pk))
    on_offer_reviewed(event)
    client.post("/logout", data={"csrf_token": csrf(client.get("/profile"))})
    web_sign_up(client, "en")
    response = client.get(f"/offers/{event.subject}")
    assert response.status_code == 404 and "not yours" in response.get_data(as_text=True)


def test_reports_from_anyone_are_anonymous(client):
    client.get("/?lang=ht")
    page = client.get("/report?employer_id=emp7")
    response = client.post("/report", data={"csrf_token": csrf(page), "category": "passport",
                                            "text": "Yo pran paspò m.", "employer_id": "emp7", "anonymous": "0"})
    assert response.status_code == 302
    grievance = Grievance.objects.get(employer_id="emp7")
    assert grievance.anonymous and grievance.worker_id == ""
    assert "worker_id" not in grievance.held[0]["payload"]


class _Resources(HTMLParser):
    """The URLs a page makes the browser load: stylesheets, scripts, images, manifest, icons."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href") and not attrs["href"].startswith("data:"):
            self.urls.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.urls.append(attrs["src"])


def transferred(client, path) -> tuple[int, list]:
    """Bytes sent for ``path`` and everything it loads, compressed as a phone would receive them."""
    headers = {"Accept-Encoding": "gzip, deflate, br"}
    page = client.get(path, headers=headers)
    assert page.status_code == 200
    html = gzip.decompress(page.data) if page.headers.get("Content-Encoding") == "gzip" else page.data
    parser = _Resources()
    parser.feed(html.decode())
    sizes = [(path, len(page.data))]
    for url in parser.urls:
        resource = client.get(urljoin("http://localhost" + path, url), headers=headers)
        assert resource.status_code == 200, url
        sizes.append((url, len(resource.data)))
    return sum(size for _, size in sizes), sizes


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_matches_page_with_20_matches_stays_under_50_kb(client, language):
    web_sign_up(client, language)
    total, sizes = transferred(client, "/matches")
    assert len(sizes) >= 3  # the page, its stylesheet, its script and manifest
    assert total <= LIMIT_BYTES, sizes
