"""The employers' web pages on the database: sign-up, the vacancy form, the dry run, candidates, offers, languages."""

from __future__ import annotations

import re

from employers.forms import OFFER_FORM, VACANCY_FORM
from employers.handlers import on_offer_responded, on_offer_reviewed, on_vacancy_reviewed
from employers.models import Offer, Vacancy
from services.events import OFFER_RESPONDED, OFFER_REVIEWED, VACANCY_REVIEWED, new_event
from tests.documents import vacancy
from tests.integration import employers_support
from tests.integration.employers_support import PASSWORD, csrf, form_of, web_sign_up

app, client, matcher = employers_support.app, employers_support.client, employers_support.matcher  # fixtures


def post_form(client, path, data):
    return client.post(path, data={"csrf_token": csrf(client), **data})


def submit_vacancy(client, **changes) -> str:
    response = post_form(client, "/vacancies/new", {**form_of(vacancy(**changes), VACANCY_FORM), "action": "submit"})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"].rsplit("/", 1)[1]


def test_sign_up_checks_fields_csrf_and_duplicates(client):
    assert client.get("/vacancies").status_code == 302  # sign-in first
    no_token = client.post("/signup", data={"name": "X", "email": "x@example.org", "password": PASSWORD,
                                            "country": "CA"})
    assert no_token.status_code == 400
    bad = post_form(client, "/signup", {"name": "", "email": "nope", "password": "short", "country": "Canada"})
    page = bad.get_data(as_text=True)
    assert bad.status_code == 422
    for name in ("name", "email", "password", "country"):
        assert f'href="#{name}"' in page and f'aria-describedby="{name}-error"' in page.replace(f"{name}-hint ", "")
    email = web_sign_up(client)
    assert client.get("/vacancies").status_code == 200
    client.post("/logout", data={"csrf_token": csrf(client)})
    again = post_form(client, "/signup", {"name": "Y", "email": email.upper(), "password": PASSWORD, "country": "CA"})
    assert again.status_code == 409 and "already exists" in again.get_data(as_text=True)
    wrong = post_form(client, "/login", {"email": email, "password": "not the password"})
    assert wrong.status_code == 401
    assert post_form(client, "/login", {"email": email, "password": PASSWORD}).status_code == 302


def test_the_form_shows_errors_inline_and_keeps_values(client):
    web_sign_up(client)
    data = form_of(vacancy(), VACANCY_FORM) | {"title": "", "season-end": "2027-01-01", "wage-amount": "lots",
                                                "deductions-2-label": "tools", "action": "submit"}
    response = post_form(client, "/vacancies/new", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and Vacancy.objects.count() == 0
    summary = page[page.index('id="error-summary"'):page.index("</div>", page.index('id="error-summary"'))]
    for name in ("title", "season-end", "wage-amount", "deductions-2-amount"):
        assert f'href="#{name}"' in summary
        assert re.search(rf'id="{name}" name="{name}"[^>]*aria-describedby="[^"]*{name}-error"[^>]*aria-invalid="true"',
                         page), name
        assert f'id="{name}-error"' in page
    assert "The season cannot end before it starts." in page and "Enter a number." in page
    assert 'value="lots"' in page and 'value="Fruit picker"' in page and 'value="tools"' in page


def test_check_before_submitting_stores_nothing(client):
    web_sign_up(client)
    unfair = form_of(vacancy(worker_fees=450, hours_per_week=70), VACANCY_FORM) | {"action": "check"}
    page = post_form(client, "/vacancies/new", unfair).get_data(as_text=True)
    assert "Would be blocked" in page and "Nothing has been saved yet." in page
    assert 'class="sev-block"' in page and 'value="450"' in page
    fair = post_form(client, "/vacancies/new", form_of(vacancy(), VACANCY_FORM) | {"action": "check"})
    assert "found nothing to flag" in fair.get_data(as_text=True)
    assert Vacancy.objects.count() == 0


def test_submit_review_and_read_why_it_was_blocked(client):
    web_sign_up(client)
    vacancy_id = submit_vacancy(client, deductions=[{"label": "meals", "amount": 40, "per": "week"},
                                                    {"label": "tools", "amount": 5, "per": "month"}])
    stored = Vacancy.objects.get(id=vacancy_id)
    assert stored.status == "pending_review" and len(stored.document["deductions"]) == 2
    assert stored.outbox[0]["type"] == "vacancy.submitted"
    assert "Waiting for the ethics review" in client.get(f"/vacancies/{vacancy_id}").get_data(as_text=True)
    on_vacancy_reviewed(new_event(VACANCY_REVIEWED, "ethics", vacancy_id, {
        "vacancy_id": vacancy_id, "verdict": "block", "revision": 1,
        "flags": [{"rule": "worker-fees", "severity": "block", "message": "Workers must not pay recruitment fees."}]}))
    page = client.get(f"/vacancies/{vacancy_id}?lang=es").get_data(as_text=True)
    assert "Por qué se bloqueó esta vacante" in page and "Workers must not pay recruitment fees." in page
    listing = client.get("/vacancies").get_data(as_text=True)
    assert "Bloqueada" in listing  # the language stays chosen
    edit = client.get(f"/vacancies/{vacancy_id}/edit").get_data(as_text=True)
    assert 'value="Apple harvest worker"' in edit and 'value="tools"' in edit
    changed = post_form(client, f"/vacancies/{vacancy_id}/edit",
                        form_of(vacancy(positions=4), VACANCY_FORM) | {"action": "submit"})
    assert changed.status_code == 302
    stored = Vacancy.objects.get(id=vacancy_id)
    assert (stored.revision, stored.status, stored.document["positions"]) == (2, "pending_review", 4)
    assert post_form(client, f"/vacancies/{vacancy_id}/close", {}).status_code == 302
    assert Vacancy.objects.get(id=vacancy_id).status == "closed"


def test_pages_speak_four_languages(client):
    for lang, words in (("es", "Crear una cuenta"), ("fr", "Créer un compte"), ("pt", "Criar uma conta"),
                        ("en", "Create an account")):
        page = client.get(f"/?lang={lang}").get_data(as_text=True)
        assert words in page and f'<html lang="{lang}">' in page
        assert all(f'hreflang="{other}"' in page for other in ("en", "es", "fr", "pt") if other != lang)
    web_sign_up(client)
    client.get("/?lang=fr")
    bad = post_form(client, "/vacancies/new", {"action": "submit"}).get_data(as_text=True)
    assert "Veuillez corriger ces champs" in bad and "Remplissez ce champ." in bad


def test_candidates_offers_and_the_season(client, matcher):
    web_sign_up(client)
    vacancy_id = submit_vacancy(client)
    assert client.get(f"/vacancies/{vacancy_id}/candidates").status_code == 409
    on_vacancy_reviewed(new_event(VACANCY_REVIEWED, "ethics", vacancy_id, {"verdict": "pass", "revision": 1}))
    matcher.rank(vacancy_id, "w1", "w2")
    page = client.get(f"/vacancies/{vacancy_id}/candidates").get_data(as_text=True)
    assert "season fits the availability" in page and "fruit picking" in page and "GT" in page
    for secret in ("ana@example.org", "female", "1994", "Ana"):
        assert secret not in page
    assert f"/vacancies/{vacancy_id}/offers/new?worker_id=w1" in page.replace("&amp;", "&")

    form_page = client.get(f"/vacancies/{vacancy_id}/offers/new?worker_id=w1").get_data(as_text=True)
    for value in ('value="19.6"', 'value="CAD"', 'value="2027-08-01"', 'value="45"', 'value="es"', 'value="w1"',
                  'value="meals"'):
        assert value in form_page, value
    offer_form = form_of({"worker_id": "w1", "wage": {"amount": 19.6, "currency": "CAD", "per": "hour"},
                          "hours_per_week": 45, "season": {"start": "2027-08-01", "end": "2027-10-31"},
                          "housing": {"provided": True, "weekly_deduction": 30}, "contract_language": "es"},
                         OFFER_FORM)
    stranger = post_form(client, f"/vacancies/{vacancy_id}/offers/new", offer_form | {"worker_id": "nobody"})
    assert stranger.status_code == 409 and "not among the vacancy" in stranger.get_data(as_text=True)
    made = post_form(client, f"/vacancies/{vacancy_id}/offers/new", offer_form)
    assert made.status_code == 302
    offer_id = made.headers["Location"].rsplit("/", 1)[1]
    on_offer_reviewed(new_event(OFFER_REVIEWED, "ethics", offer_id, {"verdict": "pass", "revision": 1}))
    assert "Withdraw the offer" in client.get(f"/offers/{offer_id}").get_data(as_text=True)
    on_offer_responded(new_event(OFFER_RESPONDED, "workers", offer_id, {"worker_id": "w1", "response": "accepted"}))
    assert "Complete the season" in client.get(f"/offers/{offer_id}").get_data(as_text=True)
    assert post_form(client, f"/offers/{offer_id}", {}).status_code == 405
    unrated = client.post(f"/offers/{offer_id}/complete", data={"csrf_token": csrf(client)})
    assert unrated.status_code == 422 and "Choose a rating from 1 to 5." in unrated.get_data(as_text=True)
    rated = client.post(f"/offers/{offer_id}/complete", data={"csrf_token": csrf(client),
                                                             "employer_rating": "5"})
    assert rated.status_code == 302
    stored = Offer.objects.get(id=offer_id)
    assert (stored.status, stored.employer_rating) == ("completed", 5)
    assert "Season completed" in client.get("/offers").get_data(as_text=True)


def test_another_employers_pages_are_not_found(app):
    owner, other = app.test_client(), app.test_client()
    web_sign_up(owner)
    vacancy_id = submit_vacancy(owner)
    web_sign_up(other, "Rival Farms")
    for path in (f"/vacancies/{vacancy_id}", f"/vacancies/{vacancy_id}/edit", f"/vacancies/{vacancy_id}/candidates",
                 f"/vacancies/{vacancy_id}/offers/new"):
        assert other.get(path).status_code == 404, path
    missing = other.get(f"/vacancies/{vacancy_id}?lang=es")
    assert missing.content_type.startswith("text/html")
    assert "Aquí no hay nada, o pertenece a otra cuenta." in missing.get_data(as_text=True)
    assert post_form(other, "/vacancies", {}).status_code == 405
    assert other.post(f"/vacancies/{vacancy_id}/close",
                      data={"csrf_token": csrf(other)}).status_code == 404
    assert Vacancy.objects.get(id=vacancy_id).status == "pending_review"
