"""Vacancy drafts and the vacancy form's pickers over the real database and the real ethics web process:
an incomplete draft is kept, listed, reopened and submitted; it never reaches ethics nor the API's list
until then; the picker endpoints answer small JSON and the pay line the ethics minimum."""

from __future__ import annotations

import re

from employers.forms import VACANCY_FORM
from employers.models import Vacancy, VacancyDraft
from tests.documents import vacancy
from tests.integration import employers_support
from tests.integration.employers_support import csrf, form_of, web_sign_up

app, client, matcher = employers_support.app, employers_support.client, employers_support.matcher  # fixtures
DRAFT_LINK = re.compile(r'href="/vacancies/drafts/([0-9a-f]{24})"')


def post_form(client, path, data):
    return client.post(path, data={"csrf_token": csrf(client), **data})


def save_draft(client, data: dict, path: str = "/vacancies/new") -> str:
    response = post_form(client, path, {**data, "action": "draft"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/vacancies")
    return DRAFT_LINK.findall(client.get("/vacancies").get_data(as_text=True))[0]


def test_an_incomplete_draft_is_kept_listed_and_private(app, client):
    web_sign_up(client)
    draft_id = save_draft(client, {"title": "Pruning crew", "wage-amount": "not yet", "destination-country": "CA"})
    listed = client.get("/vacancies").get_data(as_text=True)
    assert "Pruning crew" in listed and "Draft: not submitted" in listed
    assert Vacancy.objects.count() == 0  # nothing to review, nothing published (a draft has no outbox)
    assert VacancyDraft.objects.get(id=draft_id).values["wage-amount"] == "not yet"
    reopened = client.get(f"/vacancies/drafts/{draft_id}").get_data(as_text=True)
    assert 'value="Pruning crew"' in reopened and 'value="not yet"' in reopened
    assert '<option value="CA" data-currency="CAD" selected>' in reopened

    other = app.test_client()
    web_sign_up(other, "Other Farm")
    assert other.get(f"/vacancies/drafts/{draft_id}").status_code == 404
    assert post_form(other, f"/vacancies/drafts/{draft_id}/delete", {}).status_code == 404
    assert "Pruning crew" not in other.get("/vacancies").get_data(as_text=True)


def test_a_draft_is_saved_again_then_submitted_once_valid(client):
    web_sign_up(client)
    draft_id = save_draft(client, {"title": "Apple harvest worker"})
    invalid = post_form(client, f"/vacancies/drafts/{draft_id}", {"title": "Apple harvest worker", "action": "submit"})
    assert invalid.status_code == 422 and VacancyDraft.objects.count() == 1 and Vacancy.objects.count() == 0
    full = form_of(vacancy(isco_code=""), VACANCY_FORM) | {"occupation": "fruit and vegetable picker"}
    assert save_draft(client, full, f"/vacancies/drafts/{draft_id}") == draft_id  # the same draft, updated
    submitted = post_form(client, f"/vacancies/drafts/{draft_id}", {**full, "action": "submit"})
    assert submitted.status_code == 302 and "/vacancies/" in submitted.headers["Location"]
    (stored,) = Vacancy.objects
    assert stored.status == "pending_review" and stored.document["isco_code"] == "9211"  # named as ESCO does
    assert VacancyDraft.objects.count() == 0
    assert client.get(f"/vacancies/drafts/{draft_id}").status_code == 404


def test_a_draft_can_be_thrown_away(client):
    web_sign_up(client)
    draft_id = save_draft(client, {"title": "Not needed"})
    assert post_form(client, f"/vacancies/drafts/{draft_id}/delete", {}).status_code == 302
    assert VacancyDraft.objects.count() == 0 and "Not needed" not in client.get("/vacancies").get_data(as_text=True)


def test_the_pickers_answer_small_json(client, matcher):
    assert client.get("/vacancies/occupations?q=fruit").status_code == 302  # signed-in employers only
    web_sign_up(client)
    found = client.get("/vacancies/occupations?q=fruit+and+veg")
    assert {"name": "fruit and vegetable picker", "isco_code": "9211"} in found.get_json()
    assert len(found.get_data()) < 2000
    assert client.get("/vacancies/skills?q=cosecha+de+fr").get_json() == ["cosecha de fruta"]
    matcher.down = True
    assert client.get("/vacancies/skills?q=cosecha").get_json() == []


def test_the_pay_line_compares_with_the_ethics_minimum(client):
    web_sign_up(client)
    query = {"wage-amount": "16", "wage-currency": "CAD", "wage-per": "hour", "hours_per_week": "45",
             "housing-weekly_deduction": "30", "destination-country": "CA", "destination-region": "Ontario",
             "season-start": "2027-08-01", "season-end": "2027-10-31"}
    line = client.get("/vacancies/pay-line", query_string=query).get_data(as_text=True).replace("\xa0", " ")
    assert "Per hour after deductions: 15.33 CAD." in line and "17.60 CAD per hour" in line
    assert "below the destination" in line and "Ontario Employment Standards Act" in line
    assert "reaches the minimum" in client.get("/vacancies/pay-line",
                                               query_string={**query, "wage-amount": "20"}).get_data(as_text=True)
    nowhere = client.get("/vacancies/pay-line", query_string={**query, "destination-country": "ZZ"})
    assert "No legal minimum is known" in nowhere.get_data(as_text=True)
