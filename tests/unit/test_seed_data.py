"""The demo population is valid and gets the verdicts it is meant to show."""

import pytest

from deploy.seed_data import EMPLOYERS, PAST_SEASONS, WORKERS, all_vacancies
from ethics import engine
from matcher.schemas import WorkerProfileSchema
from services.documents import VacancySchema, normalised


@pytest.mark.parametrize(("employer", "vacancy", "expected"), all_vacancies(),
                         ids=[v["title"] for _e, v, _x in all_vacancies()])
def test_each_demo_vacancy_gets_its_intended_verdict(employer, vacancy, expected):
    assert employer in {e["key"] for e in EMPLOYERS}
    assert engine.check_vacancy(normalised(VacancySchema(), vacancy)).verdict == expected


def test_the_demo_shows_every_verdict_and_the_required_origins():
    assert {verdict for _e, _v, verdict in all_vacancies()} == {"pass", "flag", "block"}
    assert {e["country"] for e in EMPLOYERS} == {"CA", "US", "MX"}
    assert {w["origin_country"] for w in WORKERS} >= {"GT", "HN", "SV", "MX", "HT", "JM"}


def test_demo_workers_are_valid_profiles_and_past_seasons_name_them():
    for worker in WORKERS:
        profile = {k: v for k, v in worker.items() if k not in ("name", "email", "password")}
        WorkerProfileSchema().load(profile)
    emails = {w["email"] for w in WORKERS}
    assert all(email in emails for _e, _v, placed in PAST_SEASONS for email, _rating in placed)
