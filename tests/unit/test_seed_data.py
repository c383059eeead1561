"""The demo population is valid and gets the verdicts it is meant to show."""

from datetime import UTC, datetime

import pytest

from deploy.seed_data import EMPLOYERS, PAST_SEASONS, RECRUITERS, WORKERS, all_vacancies, demo_registry
from ethics import engine
from ethics.rules.recruiters import STATUSES
from matcher.schemas import WorkerProfileSchema
from services.documents import VacancySchema, normalised


@pytest.mark.parametrize(("employer", "vacancy", "expected"), all_vacancies(),
                         ids=[v["title"] for _e, v, _x in all_vacancies()])
def test_each_demo_vacancy_gets_its_intended_verdict(employer, vacancy, expected):
    assert employer in {e["key"] for e in EMPLOYERS}
    document = normalised(VacancySchema(), vacancy)
    registry = demo_registry(datetime.now(UTC).date())  # as the seed registers it before posting
    assert engine.check_vacancy(document, registry=registry).verdict == expected


def test_the_demo_registry_covers_the_demo_countries_and_every_status():
    countries = {e["country"] for e in EMPLOYERS} | {w["origin_country"] for w in WORKERS}
    assert {r["country"] for r in RECRUITERS} >= countries
    assert {r["status"] for r in RECRUITERS} == set(STATUSES)
    rules = {f.rule for _e, v, _x in all_vacancies()
             for f in engine.check_vacancy(v, registry=demo_registry(datetime.now(UTC).date())).flags}
    assert {"recruiter-licence-invalid", "recruiter-unverified"} <= rules


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
