"""One pay rule for every service: ethics' wage check, the matcher's net pay and the workers' pages agree.

Each property calls the services' own functions (not ``services.pay`` directly), so it fails as soon
as one of them converts pay its own way again.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from ethics import engine
from ethics.rules import offers, wages
from matcher.skills import default_space
from matcher.tables import VacancyTable
from services import pay
from tests.unit.matcher.builders import loaded, order, rank, vacancy, worker
from workers import formatting

# No wall-clock deadline (machines are shared) and no example database left behind.
PROPERTY = settings(deadline=None, database=None, max_examples=300)
# A destination whose minimum is stated per hour, day, week and month, and one whose currency (PAB)
# is compared with the minimum's (USD) at par. None pays a daily minimum for rest days too (MX, GT do:
# that legal rule is ethics' alone and is tested in tests/unit/ethics/test_wages.py).
DESTINATIONS = [({"country": "CA", "region": "Ontario", "city": "Simcoe"}, "CAD"),
                ({"country": "DO", "region": "", "city": ""}, "DOP"),
                ({"country": "JM", "region": "", "city": ""}, "JMD"),
                ({"country": "CO", "region": "", "city": ""}, "COP"),
                ({"country": "PA", "region": "", "city": ""}, "PAB")]
EDGE_HOURS = [1, 4.5, 5, 7.5, 8, 35, 40, 45, 48, 50, 60, 84, 167.5, 168]
# Money differences smaller than this are rounding, not a verdict (ethics compares within 0.005).
CENT = 0.01


@st.composite
def documents(draw):
    """A valid vacancy of any pay shape, around its destination's minimum so verdicts go both ways."""
    destination, currency = draw(st.sampled_from(DESTINATIONS))
    hours = draw(st.one_of(st.sampled_from(EDGE_HOURS), st.floats(1, 168, allow_nan=False)))
    per = draw(st.sampled_from(["hour", "day", "week", "month"]))
    start = date(2027, 1, 1) + timedelta(days=draw(st.integers(0, 364)))
    end = start + timedelta(days=draw(st.integers(0, 400)))
    season = {"start": start.isoformat(), "end": end.isoformat()}
    minimum = wages.destination_minimum({"season": season}, destination)
    amount = round(minimum.per_unit(per, hours) * draw(st.floats(0.3, 2.0)), 2)
    weekly_minimum = minimum.per_unit("week", hours)
    share = st.floats(0, 0.4)
    scale = {"week": 1, "month": 4, "season": ((end - start).days + 1) / 7}
    deductions = [{"label": draw(st.sampled_from(["meals", "tools", "rent", "transport"])), "per": period,
                   "amount": round(draw(share) * weekly_minimum * scale[period], 2)}
                  for period in draw(st.lists(st.sampled_from(["week", "month", "season"]), max_size=3))]
    return vacancy("v1", destination=destination, season=season, hours_per_week=hours, deductions=deductions,
                   wage={"amount": max(amount, 0.01), "currency": currency, "per": per},
                   housing={"provided": draw(st.booleans()),
                            "weekly_deduction": round(draw(share) * weekly_minimum, 2)},
                   worker_fees=draw(st.sampled_from([0, 0, 150.0, 1200.0])))


def page(doc: dict) -> dict:
    """What the workers' pages show: pay per hour and week, deductions per week, the season's weeks."""
    shown = formatting.pay(doc["wage"], doc["hours_per_week"])
    return {**shown, "deductions": formatting.weekly_deductions(doc, doc["season"]),
            "weeks": formatting.season_weeks(doc["season"])}


def matcher_net_hourly(doc: dict) -> float:
    """The matcher's net pay per hour, as its API loads the vacancy and its ranking table reads it."""
    body = loaded(worker(), [doc])
    return float(VacancyTable.from_documents(body["vacancies"], default_space()).net_hourly[0])


def minimum_page(doc: dict) -> dict:
    """The destination's minimum shown the workers' way, at the document's hours."""
    minimum = wages.destination_minimum(doc, doc["destination"])
    return formatting.pay({"amount": minimum.amount, "per": minimum.per}, doc["hours_per_week"])


def clear_of_the_floor(doc: dict, shown: dict, floor: dict) -> bool:
    """Far enough from the minimum that ethics' rounding (0.005 in the wage's own unit) cannot decide."""
    return abs(shown["hourly"] - floor["hourly"]) * min(1, doc["hours_per_week"] / 5) > CENT


def fired(doc: dict) -> set[str]:
    return {flag.rule for flag in wages.wage_flags(doc, doc["destination"])}


@PROPERTY
@given(documents())
def test_the_wage_floor_check_compares_the_hourly_figure_the_worker_sees(doc):
    shown, floor = page(doc), minimum_page(doc)
    assume(clear_of_the_floor(doc, shown, floor))
    assert ("below-minimum-wage" in fired(doc)) == (shown["hourly"] < floor["hourly"])


@PROPERTY
@given(documents())
def test_ethics_counts_the_deductions_the_worker_sees(doc):
    shown, floor = page(doc), minimum_page(doc)
    assert wages.weekly_deductions(doc)[0] == pytest.approx(shown["deductions"])
    left = shown["weekly"] - shown["deductions"]
    assume(clear_of_the_floor(doc, shown, floor) and abs(shown["deductions"] - 0.25 * shown["weekly"]) > CENT)
    assert ("excessive-deductions" in fired(doc)) == (shown["deductions"] > 0.25 * shown["weekly"])
    if "below-minimum-wage" in fired(doc):
        return  # the lower wage is the block already
    assume(abs(left - floor["weekly"]) > CENT)
    assert ("deductions-below-minimum" in fired(doc)) == (left < floor["weekly"])


@PROPERTY
@given(documents())
def test_the_rankings_net_pay_is_the_pages_pay_less_deductions_and_fees(doc):
    shown = page(doc)
    fees = doc["worker_fees"] / shown["weeks"]
    expected = (shown["weekly"] - shown["deductions"] - fees) / doc["hours_per_week"]
    assert matcher_net_hourly(doc) == pytest.approx(expected, rel=1e-9, abs=1e-9)


@PROPERTY
@given(documents(), documents())
def test_an_offer_pays_less_exactly_when_the_page_shows_less_per_hour(offer, promised):
    offer["wage"]["currency"] = promised["wage"]["currency"]
    shown, before = page(offer)["hourly"], page(promised)["hourly"]
    assume(abs(shown - before) * min(1, promised["hours_per_week"] / 5, offer["hours_per_week"] / 5) > CENT)
    lower = "offer-lower-wage" in {flag.rule for flag in offers.substitution_flags(offer, promised)}
    assert lower == (shown < before)


# The documented rule, by hand: 100 a day at 50 hours a week is 10 an hour everywhere.

def test_a_day_is_a_fifth_of_the_weeks_hours_in_the_kernel():
    assert pay.hourly(100, "day", 50) == pytest.approx(10)
    assert pay.weekly(100, "day", 50) == pytest.approx(500)
    assert pay.convert(3000, "month", "week", 40) == pytest.approx(3000 * 12 / 52)
    assert pay.convert(500, "week", "day", 50) == pytest.approx(100)


def test_a_day_is_a_fifth_of_the_weeks_hours_for_ethics():
    assert wages.convert(100, "day", "hour", 50) == pytest.approx(10)
    # Ontario's minimum is 17.60 an hour: a 10-hour day must pay 176 (the old 8-hour figure said 140.80).
    at_50 = {"destination": {"country": "CA", "region": "Ontario"}, "hours_per_week": 50, "deductions": [],
             "housing": {"provided": False, "weekly_deduction": 0}}
    assert "below-minimum-wage" not in {f.rule for f in engine.check_vacancy(
        vacancy(wage={"amount": 176, "currency": "CAD", "per": "day"}, **at_50)).flags}
    assert "below-minimum-wage" in {f.rule for f in engine.check_vacancy(
        vacancy(wage={"amount": 175, "currency": "CAD", "per": "day"}, **at_50)).flags}


def test_a_day_is_a_fifth_of_the_weeks_hours_for_the_ranking():
    doc = vacancy(wage={"amount": 100, "currency": "CAD", "per": "day"}, hours_per_week=50, deductions=[],
                  housing={"provided": False, "weekly_deduction": 0}, worker_fees=0)
    assert matcher_net_hourly(doc) == pytest.approx(10)  # 12.5 when a day counted 8 hours
    # So 11 an hour now ranks above 100 a day at 50 hours.
    daily, hourly = doc | {"id": "daily"}, vacancy("hourly", wage={"amount": 11.0, "currency": "CAD", "per": "hour"},
                                                   hours_per_week=50, housing=doc["housing"], deductions=[])
    assert order(rank(worker(), [daily, hourly])) == ["hourly", "daily"]


def test_a_day_is_a_fifth_of_the_weeks_hours_on_the_workers_pages():
    assert formatting.pay({"amount": 100, "currency": "CAD", "per": "day"}, 50) == {
        "hourly": pytest.approx(10), "weekly": pytest.approx(500), "currency": "CAD"}


def test_a_month_is_52_twelfths_of_a_week_everywhere():
    doc = vacancy(wage={"amount": 5200, "currency": "CAD", "per": "month"}, hours_per_week=40, deductions=[],
                  housing={"provided": False, "weekly_deduction": 0}, worker_fees=0)
    assert formatting.pay(doc["wage"], 40)["weekly"] == pytest.approx(1200)
    assert wages.convert(5200, "month", "week", 40) == pytest.approx(1200)
    assert matcher_net_hourly(doc) == pytest.approx(30)


# Unknown hours: what each caller gets (services/pay.py's docstring).

@pytest.mark.parametrize("hours", [None, 0, -5, float("nan"), "40", True])
def test_unknown_hours_give_no_figure_to_ethics_and_no_flag(hours):
    assert pay.known_hours(hours) is None
    assert wages.convert(100, "day", "hour", hours) is None
    assert wages.convert(15, "hour", "hour", hours) == 15  # a wage per hour needs no hours
    daily = {"wage": {"amount": 1, "currency": "CAD", "per": "day"}, "hours_per_week": hours,
             "season": {"start": "2027-08-01", "end": "2027-10-31"}}
    assert wages.wage_flags(daily, {"country": "CA", "region": "Ontario"}) == []


def test_unknown_hours_are_shown_at_40_a_week_on_the_workers_pages():
    assert formatting.pay({"amount": 800, "currency": "cad ", "per": "week"}, None) == {
        "hourly": 20, "weekly": 800, "currency": "CAD"}
    assert formatting.pay({"amount": 20, "currency": "CAD", "per": "hour"}, 0)["weekly"] == 800


@pytest.mark.parametrize("hours", [0, None])
def test_the_matcher_never_ranks_a_vacancy_without_hours(hours):
    with pytest.raises(ValidationError):
        loaded(worker(), [vacancy(hours_per_week=hours)])


def test_housing_charged_without_housing_is_still_taken_from_pay_everywhere():
    doc = vacancy(housing={"provided": False, "weekly_deduction": 60}, deductions=[], worker_fees=0,
                  wage={"amount": 20, "currency": "CAD", "per": "hour"}, hours_per_week=40)
    assert formatting.weekly_deductions(doc, doc["season"]) == 60
    assert wages.weekly_deductions(doc)[0] == 60
    assert matcher_net_hourly(doc) == pytest.approx(20 - 60 / 40)


def test_currency_codes_are_normalised_once_and_at_par_codes_compare():
    assert pay.currency_code(" cad ") == "CAD" and pay.currency_code(None) == ""
    assert pay.comparable_currency("pab") == pay.comparable_currency("USD") == "USD"
    below = vacancy(destination={"country": "PA"}, wage={"amount": 1.0, "currency": "PAB", "per": "hour"})
    assert "below-minimum-wage" in {f.rule for f in engine.check_vacancy(below).flags}
