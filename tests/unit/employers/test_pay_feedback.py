"""The vacancy form's pay line: the kernel's pay rule on an unfinished form, beside the ethics minimum."""

from __future__ import annotations

import pytest

from employers.pay_feedback import DOWN_SECONDS, MinimumCache, pay_document, pay_line
from services.ethics_client import EthicsUnavailable
from services.pay import net_hourly
from tests.documents import vacancy

ONTARIO = {"country": "CA", "region": "Ontario", "amount": 17.6, "currency": "CAD", "per": "hour",
           "effective": "2025-10-01", "source": "Ontario ESA"}
FORM = {"wage-amount": "17,60", "wage-currency": "cad", "wage-per": "hour", "hours_per_week": "45",
        "housing-weekly_deduction": "30", "deductions-0-label": "meals", "deductions-0-amount": "40",
        "deductions-0-per": "week", "destination-country": "ca", "destination-region": "Ontario",
        "season-start": "2027-08-01", "season-end": "2027-10-31"}


class Ethics:
    def __init__(self, answer=ONTARIO, down=False):
        self.answer, self.down, self.asked = answer, down, []

    def minimum_wage(self, country, region="", on=""):
        self.asked.append((country, region, on))
        if self.down:
            raise EthicsUnavailable("down (test)")
        return self.answer


def test_the_figure_is_the_kernels_rule_on_the_typed_numbers():
    document = pay_document(FORM)
    assert document["wage"]["amount"] == 17.6 and document["hours_per_week"] == 45.0
    line = pay_line(FORM, Ethics(), MinimumCache())
    assert line.net_hourly == pytest.approx(17.6 - 70 / 45) == pytest.approx(net_hourly(document))
    # The same figure for the stored document the form would become.
    stored = vacancy(wage={"amount": 17.6, "currency": "CAD", "per": "hour"}, hours_per_week=45,
                     housing={"provided": True, "weekly_deduction": 30},
                     deductions=[{"label": "meals", "amount": 40, "per": "week"}], worker_fees=0,
                     season={"start": "2027-08-01", "end": "2027-10-31"})
    assert line.net_hourly == pytest.approx(net_hourly(stored))


def test_below_the_minimum_and_reaching_it():
    ethics = Ethics()
    below = pay_line(FORM, ethics, MinimumCache())
    assert below.below and below.minimum == ONTARIO and below.minimum_hourly == 17.6 and below.asked
    assert ethics.asked == [("CA", "Ontario", "2027-08-01")]
    enough = pay_line({**FORM, "wage-amount": "19.20"}, Ethics(), MinimumCache())
    assert not enough.below and enough.net_hourly > 17.6


def test_a_monthly_minimum_is_compared_per_hour_at_the_vacancys_hours():
    monthly = {**ONTARIO, "amount": 1000.0, "per": "month", "currency": "USD"}
    line = pay_line({**FORM, "wage-currency": "USD", "hours_per_week": "40"}, Ethics(monthly), MinimumCache())
    assert line.minimum_hourly == pytest.approx(1000 / (40 * 52 / 12))


def test_what_is_not_compared():
    other = pay_line({**FORM, "wage-currency": "USD"}, Ethics(), MinimumCache())
    assert other.other_currency and other.minimum_hourly is None and not other.below
    unknown = pay_line(FORM, Ethics(answer=None), MinimumCache())
    assert unknown.asked and unknown.minimum is None and not unknown.ethics_down
    down = pay_line(FORM, Ethics(down=True), MinimumCache())
    assert down.ethics_down and not down.below and down.net_hourly is not None
    nowhere = pay_line({**FORM, "destination-country": ""}, Ethics(), MinimumCache())
    assert not nowhere.asked and nowhere.minimum is None
    unfinished = pay_line({"wage-amount": "seventeen", "destination-country": "CA"}, Ethics(), MinimumCache())
    assert unfinished.net_hourly is None and not unfinished.below


def test_the_minimum_is_kept_and_a_down_ethics_is_asked_again_later():
    now = [0.0]
    cache, ethics = MinimumCache(clock=lambda: now[0]), Ethics(down=True)
    assert pay_line(FORM, ethics, cache).ethics_down
    ethics.down = False
    assert pay_line(FORM, ethics, cache).ethics_down and len(ethics.asked) == 1
    now[0] = DOWN_SECONDS + 1
    assert pay_line(FORM, ethics, cache).minimum == ONTARIO and len(ethics.asked) == 2
    pay_line({**FORM, "wage-amount": "20"}, ethics, cache)
    assert len(ethics.asked) == 2  # another wage, the same place and day
