"""Minimum wage table, unit conversions, region lookup, deduction rules."""

from datetime import date

import pytest

from ethics import engine
from ethics.rules import wages
from tests.unit.ethics.documents import rules, vacancy


@pytest.mark.parametrize("per, expected", [("hour", 20.0), ("day", 20.0 * 8), ("week", 20.0 * 40),
                                           ("month", 20.0 * 40 * 52 / 12)])
def test_an_hourly_wage_in_every_unit(per, expected):
    assert wages.convert(20.0, "hour", per, 40) == pytest.approx(expected)


def test_conversions_go_both_ways_and_need_hours():
    assert wages.convert(3000.0, "month", "hour", 40) == pytest.approx(3000 * 12 / 52 / 40)
    assert wages.convert(500.0, "week", "day", 50) == pytest.approx(100.0)
    assert wages.convert(15.0, "hour", "hour", None) == 15.0
    assert wages.convert(15.0, "hour", "week", None) is None


@pytest.mark.parametrize("region", ["Ontario", "ontario", "ON", "CA-ON", "ca-on"])
def test_a_region_by_name_or_iso_code(region):
    assert wages.minimum_for("CA", region).region == "Ontario"


def test_accents_do_not_matter_in_region_names():
    assert wages.minimum_for("CA", "Québec").region == "Quebec"


def test_a_province_with_a_higher_minimum_than_another():
    assert wages.minimum_for("CA", "British Columbia").amount > wages.minimum_for("CA", "Alberta").amount


def test_unknown_region_falls_back_to_the_national_minimum():
    federal = wages.minimum_for("US", "Texas")
    assert (federal.region, federal.amount) == (None, 7.25)
    assert wages.minimum_for("US", "WA").amount > federal.amount


def test_canada_has_no_national_entry_so_an_unknown_province_gives_nothing():
    assert wages.minimum_for("CA", "") is None
    assert wages.minimum_for("ZZ", "Anywhere") is None


def test_the_entry_in_force_on_the_date_is_chosen():
    assert wages.minimum_for("CA", "ON", date(2025, 6, 1)).amount == 17.20
    assert wages.minimum_for("CA", "ON", date(2027, 8, 1)).amount == 17.60


def test_every_entry_has_its_source_and_a_known_unit():
    for entry in wages.TABLE:
        assert entry.source and entry.per in {"hour", "day", "week", "month"} and entry.amount > 0
    countries = {entry.country for entry in wages.TABLE}
    assert {"CA", "US", "MX", "CR", "CL", "BR", "CO", "PE", "DO", "JM", "GT", "HN", "SV", "PA"} <= countries


def test_every_canadian_province_and_territory_is_covered():
    codes = {"AB", "BC", "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK", "NT", "NU", "YT"}
    assert all(wages.minimum_for("CA", code) is not None for code in codes)


def test_a_wage_below_the_provincial_minimum_blocks():
    verdict = engine.check_vacancy(vacancy(wage={"amount": 15.00, "currency": "CAD", "per": "hour"}))
    assert verdict.verdict == "block"
    flag = next(f for f in verdict.flags if f.rule == "below-minimum-wage")
    assert "17.60" in flag.message and "Ontario" in flag.message


def test_the_same_wage_passes_where_the_minimum_is_lower():
    doc = vacancy(wage={"amount": 15.00, "currency": "CAD", "per": "hour"},
                  destination={"country": "CA", "region": "AB"})
    assert "below-minimum-wage" not in rules(engine.check_vacancy(doc))


def test_a_monthly_wage_is_converted_with_the_weekly_hours():
    # 3000 CAD a month at 45 h/week is 15.38 CAD an hour: under Ontario's 17.60
    doc = vacancy(wage={"amount": 3000, "currency": "CAD", "per": "month"})
    assert "below-minimum-wage" in rules(engine.check_vacancy(doc))
    doc["hours_per_week"] = 35  # 19.78 CAD an hour
    assert "below-minimum-wage" not in rules(engine.check_vacancy(doc))


def test_a_daily_minimum_paid_for_every_day_of_the_week_is_met_week_by_week():
    # Mexico's daily minimum (315.04 MXN in 2026) is owed for the rest day too: 2,205.28 a week.
    mexico = {"country": "MX", "region": "Jalisco"}
    hourly = vacancy(destination=mexico, wage={"amount": 35, "currency": "MXN", "per": "hour"}, hours_per_week=48,
                     housing={"provided": False}, deductions=[])
    assert "below-minimum-wage" in rules(engine.check_vacancy(hourly))  # 1,680 a week
    hourly["wage"]["amount"] = 47
    assert "below-minimum-wage" not in rules(engine.check_vacancy(hourly))  # 2,256 a week
    daily = vacancy(destination=mexico, wage={"amount": 320, "currency": "MXN", "per": "day"}, hours_per_week=40,
                    housing={"provided": False}, deductions=[])
    assert "below-minimum-wage" not in rules(engine.check_vacancy(daily))  # day for day: 320 >= 315.04
    daily["wage"]["amount"] = 300
    assert "below-minimum-wage" in rules(engine.check_vacancy(daily))


def test_another_currency_is_not_compared():
    doc = vacancy(wage={"amount": 5, "currency": "USD", "per": "hour"})
    assert "below-minimum-wage" not in rules(engine.check_vacancy(doc))


def test_deductions_over_a_quarter_of_pay_are_reviewed():
    doc = vacancy(wage={"amount": 30, "currency": "CAD", "per": "hour"}, hours_per_week=40,
                  deductions=[{"label": "meals", "amount": 100, "per": "week"}],
                  housing={"provided": True, "weekly_deduction": 220})
    verdict = engine.check_vacancy(doc)  # 320 of 1,200 a week: 27%, net 880 above the 704 minimum
    assert "excessive-deductions" in rules(verdict)
    assert "deductions-below-minimum" not in rules(verdict)


def test_lodging_and_board_are_not_credited_against_the_minimum():
    doc = vacancy(wage={"amount": 17.60, "currency": "CAD", "per": "hour"}, hours_per_week=45)
    verdict = engine.check_vacancy(doc)  # the contract's example: 792 - 70 of housing and meals = 722
    assert verdict.verdict == "block" and "deductions-below-minimum" in rules(verdict)


def test_deductions_other_than_board_and_lodging_below_the_minimum_block():
    doc = vacancy(deductions=[{"label": "transport", "amount": 300, "per": "month"}])
    verdict = engine.check_vacancy(doc)
    assert {"deductions-below-minimum"} <= rules(verdict) and verdict.verdict == "block"


def test_season_deductions_are_spread_over_the_season():
    # 13 weeks (1 Aug to 31 Oct): 1300 a season is 100 a week, 50 is under 4
    heavy = vacancy(deductions=[{"label": "equipment rental", "amount": 1300, "per": "season"}],
                    wage={"amount": 20, "currency": "CAD", "per": "hour"}, hours_per_week=40,
                    housing={"provided": True, "weekly_deduction": 0})
    light = vacancy(deductions=[{"label": "equipment rental", "amount": 50, "per": "season"}],
                    wage={"amount": 20, "currency": "CAD", "per": "hour"}, hours_per_week=40)
    assert wages.weekly_deductions(heavy)[0] == pytest.approx(1300 / (92 / 7))
    assert "deductions-below-minimum" in rules(engine.check_vacancy(heavy))
    assert "deductions-below-minimum" not in rules(engine.check_vacancy(light))
