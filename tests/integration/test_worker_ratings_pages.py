"""The rating form on the offer page: shown only for a completed, unrated season, in five languages, under
50 KB, and working as a plain HTML form (no script needed); on a 360×740 phone in headless Chromium, with and
without JavaScript."""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import pytest

from services.events import PLACEMENT_RATED
from tests.integration.test_workers_browser import browser, fits_the_screen, phone, shot, small_tap_targets  # noqa: F401
from tests.integration.test_workers_pages import LIMIT_BYTES, csrf, transferred, web_sign_up
from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    PASSWORD,
    app,
    client,
    fake_matcher,
    live_server,
    reviewed_offer,
    worker_document,
)
from workers.app import LANGUAGES
from workers.handlers import on_offer_reviewed
from workers.models import Grievance, Offer, Worker

QUESTIONS = ("paid_on_time", "housing_as_promised", "no_fees_charged", "treated_with_respect")
FORM_MARK = 'name="employer_rating"'


def season(worker_id: str, status: str = "completed") -> str:
    """An offer of the worker's in ``status`` (a completed season by default); its id."""
    event = reviewed_offer(worker_id)
    on_offer_reviewed(event)
    Offer.objects(offer_id=event.subject).update_one(set__status=status)
    return event.subject


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_shows_in_every_language_under_50_kb(client, language):
    worker, _ = web_sign_up(client, language)
    offer_id = season(str(worker.pk))
    total, sizes = transferred(client, f"/offers/{offer_id}")
    assert total <= LIMIT_BYTES, sizes
    text = client.get(f"/offers/{offer_id}").get_data(as_text=True)
    assert FORM_MARK in text and 'name="recruiter_rating"' in text  # the vacancy had a recruiter
    if language != "en":
        assert "How was the employer?" not in text and "Rate this season" not in text


@pytest.mark.parametrize("status", ["sent", "accepted", "declined", "withdrawn"])
def test_no_form_before_the_season_is_completed(client, status):
    worker, _ = web_sign_up(client, "en")
    offer_id = season(str(worker.pk), status)
    assert FORM_MARK not in client.get(f"/offers/{offer_id}").get_data(as_text=True)
    page = client.get(f"/offers/{offer_id}")
    refused = client.post(f"/offers/{offer_id}/rating", data={"csrf_token": csrf(page), "employer_rating": "5",
                                                              **dict.fromkeys(QUESTIONS, "yes")})
    assert refused.status_code == 409 and Offer.objects.get(offer_id=offer_id).rated_at is None


def test_the_form_rates_once_and_says_what_is_missing(client):
    worker, _ = web_sign_up(client, "fr")
    offer_id = season(str(worker.pk))
    page = client.get(f"/offers/{offer_id}")
    incomplete = client.post(f"/offers/{offer_id}/rating", data={"csrf_token": csrf(page), "employer_rating": "2",
                                                                 "paid_on_time": "no", "comment": "Rien."})
    text = incomplete.get_data(as_text=True)
    assert incomplete.status_code == 422 and "Répondez oui ou non." in text
    assert 'value="2" checked' in text and "Rien." in text  # what was given is kept
    assert Offer.objects.get(offer_id=offer_id).rated_at is None
    form = {"csrf_token": csrf(page), "employer_rating": "2", "recruiter_rating": "1", "comment": "Rien.",
            **dict.fromkeys(QUESTIONS, "yes"), "paid_on_time": "no"}
    done = client.post(f"/offers/{offer_id}/rating", data=form)
    assert done.status_code == 302
    shown = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Merci. Votre note est enregistrée." in shown and FORM_MARK not in shown
    assert "Vous avez noté cette saison 2 sur 5." in shown
    stored = Offer.objects.get(offer_id=offer_id)
    assert stored.rating["answers"]["paid_on_time"] is False and stored.rating["recruiter_rating"] == 1
    assert [e["type"] for e in stored.outbox] == [PLACEMENT_RATED]
    again = client.post(f"/offers/{offer_id}/rating", data=form)
    assert again.status_code == 409 and len(Offer.objects.get(offer_id=offer_id).outbox) == 1
    assert client.post(f"/offers/{offer_id}/rating", data={**form, "csrf_token": "x"}).status_code in (400, 403)


@pytest.mark.parametrize("javascript", [True, False])
def test_a_worker_rates_a_season_on_a_phone(browser, live_server, javascript):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="pt-BR", java_script_enabled=javascript)
    page = context.new_page()
    document = worker_document()
    page.goto(live_server + "/?lang=pt")
    page.click("text=Criar uma conta")
    page.fill("#name", document["name"])
    page.fill("#email", document["email"])
    page.fill("#password", PASSWORD)
    page.click("button[type=submit] >> nth=-1")
    offer_id = season(str(Worker.by_email(document["email"]).pk))

    page.goto(f"{live_server}/offers/{offer_id}")
    assert page.locator("#rate").count() == 1
    assert small_tap_targets(page) == [] and fits_the_screen(page)
    page.check("input[name=employer_rating][value='4']")
    page.click("button:has-text('Enviar minha avaliação')")  # nothing answered yet: told so, nothing saved
    assert "Por favor responda a todas as perguntas." in page.content()
    assert Offer.objects.get(offer_id=offer_id).rated_at is None
    page.locator("#rate").scroll_into_view_if_needed()
    shot(page, f"10-rating-form{'' if javascript else '-no-js'}", full_page=False)
    page.check("input[name=employer_rating][value='4']")
    page.check("input[name=recruiter_rating][value='3']")
    for name in QUESTIONS:
        page.check(f"input[name={name}][value={'no' if name == 'no_fees_charged' else 'yes'}]")
    page.fill("#comment", "Cobraram 200 dólares pela viagem.")
    page.check("input[name=send_comment_to_auditors]")
    page.click("button:has-text('Enviar minha avaliação')")
    assert "Obrigado. Sua avaliação foi salva." in page.content()
    assert page.locator("#rate").count() == 0
    shot(page, f"11-rated{'' if javascript else '-no-js'}", full_page=False)
    stored = Offer.objects.get(offer_id=offer_id).rating
    assert (stored["employer_rating"], stored["recruiter_rating"]) == (4, 3)
    assert stored["answers"]["no_fees_charged"] is False
    # The comment went to the auditors as an anonymous grievance about the employer.
    [grievance] = Grievance.objects(text="Cobraram 200 dólares pela viagem.")
    assert (grievance.category, grievance.employer_id, grievance.anonymous, grievance.worker_id) == (
        "fees", "emp0", True, "")
    context.close()
