"""The employers' dry run answers texts built to make the ethics rules slow, and vacancy creations and
edits are rate-limited per employer (issue 12, findings 1 and 6)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from employers.forms import VACANCY_FORM
from employers.models import Vacancy
from tests.attack_texts import ATTACKS, attack_vacancy
from tests.documents import vacancy
from tests.integration import employers_support
from tests.integration.employers_support import csrf, form_of, sign_up, web_sign_up

app, client, matcher = employers_support.app, employers_support.client, employers_support.matcher  # fixtures
TOO_MANY = "You have created or changed many vacancies in a short time."


def post_form(client, path, data):
    return client.post(path, data={"csrf_token": csrf(client), **data})


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_the_dry_run_answers_attacks_at_the_maximum_lengths(client, name):
    web_sign_up(client)
    page = post_form(client, "/vacancies/new", form_of(attack_vacancy(name), VACANCY_FORM) | {"action": "check"})
    assert page.status_code == 200
    assert "Nothing has been saved yet." in page.get_data(as_text=True)
    fair = post_form(client, "/vacancies/new", form_of(vacancy(), VACANCY_FORM) | {"action": "check"})
    assert "found nothing to flag" in fair.get_data(as_text=True)
    assert Vacancy.objects.count() == 0


def _limit(app, monkeypatch, per_hour: int) -> None:
    settings = replace(app.config["LP_SETTINGS"], vacancy_changes_per_hour=per_hour)
    monkeypatch.setitem(app.config, "LP_SETTINGS", settings)


def test_vacancy_creations_and_edits_are_rate_limited_in_the_api(app, client, monkeypatch):
    _limit(app, monkeypatch, 3)
    boss, other = sign_up(client), sign_up(client)
    created = [client.post("/api/v1/vacancies", json=vacancy(), headers=boss["headers"]) for _ in range(2)]
    assert [r.status_code for r in created] == [201, 201]
    vacancy_id = created[0].get_json()["id"]
    assert client.put(f"/api/v1/vacancies/{vacancy_id}", json=vacancy(positions=3),
                      headers=boss["headers"]).status_code == 200
    refused = client.post("/api/v1/vacancies", json=vacancy(requirements={"min_age": 40}), headers=boss["headers"])
    assert refused.status_code == 429 and refused.headers.get("Retry-After")
    assert refused.get_json()["error"]["code"] == "rate_limited" and "fields" in refused.get_json()["error"]
    edit = client.put(f"/api/v1/vacancies/{vacancy_id}", json=vacancy(), headers=boss["headers"])
    assert edit.status_code == 429
    # Another employer's count is its own; the refused requests stored nothing.
    assert client.post("/api/v1/vacancies", json=vacancy(), headers=other["headers"]).status_code == 201
    assert Vacancy.objects(employer_id=boss["id"]).count() == 2


def test_the_vacancy_form_keeps_what_was_typed_when_rate_limited(app, client, monkeypatch):
    _limit(app, monkeypatch, 1)
    web_sign_up(client)
    form = form_of(vacancy(title="Pear picker"), VACANCY_FORM) | {"action": "submit"}
    assert post_form(client, "/vacancies/new", form).status_code == 302
    page = post_form(client, "/vacancies/new", form)
    assert page.status_code == 429
    text = page.get_data(as_text=True)
    assert TOO_MANY in text and 'value="Pear picker"' in text
    assert Vacancy.objects.count() == 1
