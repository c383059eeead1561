"""The fairness audit's test and what auditors are shown of the totals (pure: no database)."""

from __future__ import annotations

import math

import pytest

from ethics import fairness


def exact_cdf(k: int, n: int, p: float) -> float:
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k + 1))


@pytest.mark.parametrize(("k", "n", "p"), [(0, 20, 0.5), (1, 20, 0.5), (5, 20, 0.4), (12, 30, 0.4), (3, 50, 0.1),
                                          (49, 50, 0.99)])
def test_the_binomial_tail_is_exact(k, n, p):
    assert fairness.binomial_cdf(k, n, p) == pytest.approx(exact_cdf(k, n, p), rel=1e-9)


def test_the_binomial_tail_holds_for_thousands_of_offers_without_underflow():
    assert 0.0 < fairness.binomial_cdf(300, 2000, 0.2) < 1e-3
    assert fairness.binomial_cdf(400, 2000, 0.2) == pytest.approx(0.5, abs=0.02)
    assert fairness.binomial_cdf(20, 20, 0.3) == 1.0 and fairness.binomial_cdf(3, 20, 0.0) == 1.0
    assert fairness.binomial_cdf(3, 20, 1.0) == 0.0


def totals(shown=(20, 20), offered=(1, 19), unstated=0) -> dict:
    return {"shown": {"female": shown[0], "male": shown[1], "unstated": unstated},
            "offered": {"female": offered[0], "male": offered[1]}}


def test_offers_to_women_far_below_their_share_of_candidates_are_a_finding():
    found = fairness.finding(totals())
    assert found is not None and found.p_value == pytest.approx(21 / 2**20)
    assert "to women 1" in found.evidence() and "10.0 expected" in found.evidence()


@pytest.mark.parametrize("counts", [
    totals(offered=(8, 12)),                  # within chance (p = 0.25)
    totals(offered=(0, 19)),                  # fewer than 20 offers: no test
    totals(shown=(10, 9), offered=(1, 19)),   # fewer than 20 candidates with a stated gender
    totals(shown=(0, 40), offered=(0, 25)),   # no woman among the candidates: nothing to compare
    {},
])
def test_no_finding_without_enough_offers_or_a_clear_shortfall(counts):
    assert fairness.finding(counts) is None


def test_the_unstated_are_left_out_of_the_test():
    # 30 unstated candidates and offers change nothing: the shares are of those who stated a gender.
    with_unstated = totals(unstated=30)
    with_unstated["offered"]["unstated"] = 30
    assert fairness.finding(with_unstated).p_value == fairness.finding(totals()).p_value


def test_cells_of_one_to_four_people_are_hidden_and_so_is_a_share_that_would_reveal_one():
    rows = {r["stage"]: r for r in fairness.stage_rows({
        "shown": {"female": 12, "male": 30, "unstated": 3},
        "offered": {"female": 3, "male": 40},
        "completed": {"male": 7}})}
    assert rows["shown"] == {"stage": "shown", "people": 42, "women": 12, "share": 12 / 42, "unstated": None}
    assert rows["offered"]["women"] is None and rows["offered"]["share"] is None and rows["offered"]["people"] == 43
    assert rows["completed"] == {"stage": "completed", "people": 7, "women": 0, "share": 0.0, "unstated": 0}


def test_a_share_is_hidden_when_the_men_are_few_too():
    [row] = [r for r in fairness.stage_rows({"shown": {"female": 30, "male": 2}}) if r["stage"] == "shown"]
    assert row["share"] is None and row["women"] is None and row["people"] == 32


def test_origins_are_listed_most_candidates_first():
    rows = fairness.origin_rows({"MX": {"shown": {"female": 5, "male": 5}}, "GT": {"shown": {"female": 9, "male": 9}}})
    assert [r["origin"] for r in rows] == ["GT", "MX"]
