"""The vacancy form stays small on a slow link: its lists of names are sent gzipped, and the picker answers
are a few hundred bytes."""

from __future__ import annotations

from tests.integration import employers_support
from tests.integration.employers_support import web_sign_up

app, client, matcher = employers_support.app, employers_support.client, employers_support.matcher  # fixtures
GZIP = {"Accept-Encoding": "gzip"}


def test_the_form_and_its_script_are_gzipped_and_small(client):
    web_sign_up(client)
    for language in ("en", "es", "fr", "pt"):
        page = client.get(f"/vacancies/new?lang={language}", headers=GZIP)
        assert page.headers["Content-Encoding"] == "gzip" and len(page.get_data()) < 15_000, language
    script = client.get("/static/employers/vacancy_form.js", headers=GZIP)
    assert script.headers["Content-Encoding"] == "gzip" and len(script.get_data()) < 3_000


def test_the_picker_answers_are_small(client):
    web_sign_up(client)
    for path in ("/vacancies/occupations?q=worker", "/vacancies/skills?q=pick"):
        answer = client.get(path)
        assert answer.status_code == 200 and 0 < len(answer.get_data()) < 1_500 and answer.get_json(), path
