"""The risk score: weights per measure, halved every half-life, an order that time does not change; and the
month counts it is made from."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from ethics import charts, parties, risk

NOW = datetime(2027, 1, 20, tzinfo=UTC)


def month(year, number):
    return datetime(year, number, 1, tzinfo=UTC)


def score(months, now=NOW):
    return risk.score(risk.weighted(months), now)


def test_each_measure_counts_its_weight_at_the_middle_of_its_month():
    this_month = month(2027, 1)
    fresh = 2 ** ((risk.month_middle(this_month) - NOW).days / risk.HALF_LIFE_DAYS)
    for measure, weight in risk.WEIGHTS.items():
        assert score([{"month": this_month, measure: 1}]) == pytest.approx(weight * fresh, abs=0.01)
    assert score([{"month": this_month, "flags": 9, "reviewed": 9, "dismissed": 9}]) == 0  # not risk measures


def test_an_event_weighs_half_after_one_half_life():
    old = month(2026, 7)
    age = (NOW - risk.month_middle(old)).days
    expected = risk.WEIGHTS["confirmed"] * 2 ** (-age / risk.HALF_LIFE_DAYS)
    assert score([{"month": old, "confirmed": 1}]) == pytest.approx(expected, abs=0.01)
    later = risk.month_middle(old) + timedelta(days=risk.HALF_LIFE_DAYS)
    assert score([{"month": old, "confirmed": 1}], later) == pytest.approx(risk.WEIGHTS["confirmed"] / 2, abs=0.01)


def test_recent_trouble_outranks_more_trouble_long_ago():
    recent = [{"month": month(2027, 1), "confirmed": 2}]
    long_ago = [{"month": month(2025, 1), "confirmed": 5}]
    assert score(recent) > score(long_ago)


def test_the_order_of_stored_sums_is_the_order_of_scores_at_any_time():
    parties_months = [[{"month": month(2026, m), "open_block": m % 3, "grievances": 12 - m}] for m in range(1, 13)]
    sums = [risk.weighted(m) for m in parties_months]
    for now in (NOW, NOW + timedelta(days=400), NOW + timedelta(days=4000)):
        scores = [risk.score(s, now) for s in sums]
        assert sorted(range(12), key=lambda i: -sums[i]) == sorted(range(12), key=lambda i: (-scores[i], -sums[i]))


def test_the_weights_are_stated():
    table = risk.weights_table()
    assert {row["measure"] for row in table} == set(risk.WEIGHTS) and all(row["what"] for row in table)


def counts() -> dict:
    return {**dict.fromkeys((*parties.COUNTS, "seq"), 0), "confirmed_by_rule": Counter()}


def test_a_months_counts_take_each_flag_by_its_state():
    got = counts()
    for flag in ({"rule": "worker-fees", "severity": "block", "status": "open"},
                 {"rule": "worker-fees", "severity": "block", "status": "confirmed", "decision_count": 1},
                 {"rule": "grievance", "severity": "review", "status": "open"},
                 {"rule": "grievance", "severity": "review", "status": "dismissed", "decision_count": 2},
                 {"rule": "long-hours", "severity": "review", "status": "open"}):
        parties.add_flag(got, flag)
    assert (got["flags"], got["open_block"], got["confirmed"], got["dismissed"], got["grievances"]) == (5, 1, 1, 1, 1)
    assert got["confirmed_by_rule"] == {"worker-fees": 1}
    assert got["seq"] == 5 + 3  # rows plus decisions: only grows


def test_a_flag_review_or_rating_counts_for_its_employer_and_its_recruiter_in_its_month():
    moment = datetime(2027, 3, 31, 23, 59, tzinfo=UTC)
    assert parties.touched({"employer_id": "e1", "recruiter": "GTMTPS001", "created_at": moment}) == {
        ("employer", "e1", month(2027, 3)), ("recruiter", "GTMTPS001", month(2027, 3))}
    assert parties.touched({"employer_id": "e1", "recruiter": "", "created_at": moment}) == {
        ("employer", "e1", month(2027, 3))}
    assert parties.touched({"employer_id": "e1", "rated_at": moment}, "rated_at") == {
        ("employer", "e1", month(2027, 3))}
    assert parties.next_month(month(2027, 12)) == month(2028, 1)


def test_the_small_multiples_draw_one_panel_per_measure_with_its_peak():
    starts = [month(2026, m) for m in range(2, 13)] + [month(2027, 1)]
    svg = charts.small_multiples(starts, {"flags": [0] * 11 + [7], "confirmed": [1] * 12}, {"flags": "Flags raised"},
                                 "Record")
    assert svg.startswith("<svg") and svg.count("<g>") == 2 and "Flags raised" in svg and "max 7" in svg
    assert svg.count("<rect") == 24 and "<script" not in svg
