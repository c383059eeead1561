"""Vacancy creations and edits are counted per employer against the configured limits."""

from employers import vacancies
from services.config import Settings


def test_limits_are_settings_with_generous_defaults():
    settings = Settings.from_env("employers", {"LP_SECRET_KEY": "k"})
    assert (settings.vacancy_changes_per_hour, settings.vacancy_changes_per_day) == (30, 120)
    raised = Settings.from_env("employers", {"LP_SECRET_KEY": "k", "LP_VACANCY_CHANGES_PER_HOUR": "500",
                                             "LP_VACANCY_CHANGES_PER_DAY": "900"})
    assert (raised.vacancy_changes_per_hour, raised.vacancy_changes_per_day) == (500, 900)


def test_each_change_counts_in_the_employers_hour_and_day(monkeypatch):
    hits = []
    monkeypatch.setattr("services.ratelimit.hit", lambda key, limit, window: hits.append((key, limit, window)))
    vacancies.count_change("emp-1", Settings(service="employers", vacancy_changes_per_hour=5))
    assert hits == [("vacancy-changes-hour:emp-1", 5, 3600), ("vacancy-changes-day:emp-1", 120, 86400)]
