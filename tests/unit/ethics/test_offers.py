"""Offers: their own terms, and substitution of worse terms than their vacancy."""

import pytest

from ethics import engine
from tests.unit.ethics.documents import offer, rules, vacancy


def test_a_lower_hourly_wage_blocks():
    verdict = engine.check_offer(offer(wage={"amount": 17.00, "currency": "CAD", "per": "hour"}),
                                 vacancy(wage={"amount": 18.00, "currency": "CAD", "per": "hour"}))
    assert "offer-lower-wage" in rules(verdict) and verdict.verdict == "block"


def test_wages_are_compared_per_hour_across_units():
    # 3822 CAD a month at 45 h/week is 19.60 an hour: the same as the vacancy
    same = offer(wage={"amount": 3822, "currency": "CAD", "per": "month"})
    assert "offer-lower-wage" not in rules(engine.check_offer(same, vacancy()))
    longer = offer(wage={"amount": 3822, "currency": "CAD", "per": "month"}, hours_per_week=50)
    assert "offer-lower-wage" in rules(engine.check_offer(longer, vacancy()))


def test_a_higher_wage_is_fine():
    assert engine.check_offer(offer(wage={"amount": 21, "currency": "CAD", "per": "hour"}), vacancy()).verdict == "pass"


def test_new_fees_block_twice_over():
    verdict = engine.check_offer(offer(worker_fees=200), vacancy(worker_fees=0))
    assert {"offer-new-fees", "worker-fees"} <= rules(verdict)


def test_fees_without_the_vacancy_still_block_as_worker_fees():
    verdict = engine.check_offer(offer(worker_fees=200), None)
    assert rules(verdict) == {"worker-fees"}


@pytest.mark.parametrize("changes, words", [
    ({"hours_per_week": 50}, "50 hours"),
    ({"deductions": [{"label": "transport", "amount": 10, "per": "week"}]}, "new deduction"),
    ({"housing": {"provided": True, "weekly_deduction": 45}}, "housing deduction of 45"),
    ({"housing": {"provided": False, "weekly_deduction": 0}}, "no housing"),
    ({"season": {"start": "2027-07-15", "end": "2027-10-31"}}, "outside"),
])
def test_worse_terms_are_reviewed(changes, words):
    verdict = engine.check_offer(offer(**changes), vacancy())
    worse = [f for f in verdict.flags if f.rule == "offer-worse-terms"]
    assert worse and any(words in f.message for f in worse)
    assert all(f.severity == "review" for f in worse)


def test_a_higher_deduction_with_the_same_label_is_worse_but_an_equal_one_is_not():
    promised = vacancy(deductions=[{"label": "Meals", "amount": 40, "per": "week"}])
    equal = offer(deductions=[{"label": "meals", "amount": 40, "per": "week"}])
    higher = offer(deductions=[{"label": "meals", "amount": 200, "per": "month"}])
    assert "offer-worse-terms" not in rules(engine.check_offer(equal, promised))
    assert "offer-worse-terms" in rules(engine.check_offer(higher, promised))


def test_a_shorter_season_inside_the_vacancy_is_fine():
    inside = offer(season={"start": "2027-08-15", "end": "2027-10-15"})
    assert engine.check_offer(inside, vacancy()).verdict == "pass"


def test_the_contract_language_must_be_one_of_the_vacancy():
    assert "contract-language" in rules(engine.check_offer(offer(contract_language="fr"), vacancy()))
    assert "contract-language" in rules(engine.check_offer(offer(contract_language=""), None))
    assert "contract-language" not in rules(engine.check_offer(offer(contract_language="fr"), None))


def test_the_minimum_wage_needs_the_vacancy_destination():
    low = offer(wage={"amount": 12, "currency": "CAD", "per": "hour"})
    assert "below-minimum-wage" in rules(engine.check_offer(low, vacancy(wage={"amount": 12, "currency": "CAD",
                                                                                "per": "hour"})))
    assert "below-minimum-wage" not in rules(engine.check_offer(low, None))


def test_offer_terms_and_hours_are_checked_without_the_vacancy():
    verdict = engine.check_offer(offer(hours_per_week=70, terms="The employer keeps your passport until you leave."),
                                 None)
    assert {"excessive-hours", "passport-retention"} <= rules(verdict)
