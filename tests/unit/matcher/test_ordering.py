"""Orderings on hand-made scenarios, reasons, and agreement with the per-pair reference."""

import pytest

from matcher.reasons import REASONS
from tests import matcher_reference as reference
from tests.unit.matcher.builders import loaded, order, placement, random_documents, rank, vacancy, worker


def scores(result: dict) -> dict[str, float]:
    return {m["vacancy_id"]: m["score"] for m in result["matches"]}


def test_a_better_skills_match_ranks_higher():
    vacancies = [vacancy("weld", title="Welder", occupation="Welder", skills=["welding"]),
                 vacancy("apples", title="Apple harvest worker", occupation="Fruit picker",
                         skills=["fruit picking", "ladder work"])]
    assert order(rank(worker(), vacancies)) == ["apples", "weld"]
    assert order(rank(worker(skills=["soldador"]), vacancies)) == ["weld", "apples"]


def test_skills_match_across_languages():
    vacancies = [vacancy("care", title="Care assistant", occupation="Care worker", skills=["elderly care"]),
                 vacancy("fruit", title="Harvest", occupation="Fruit picker", skills=["fruit picking"])]
    assert order(rank(worker(skills=["cueillette de fruits"]), vacancies)) == ["fruit", "care"]
    assert order(rank(worker(skills=["cuidado de personas mayores"]), vacancies)) == ["care", "fruit"]


def test_higher_net_pay_in_the_same_currency_ranks_higher():
    vacancies = [vacancy("low", wage={"amount": 16.0}), vacancy("high", wage={"amount": 19.0})]
    assert order(rank(worker(), vacancies)) == ["high", "low"]


def test_deductions_count_against_pay():
    # 20/h with 300 a week taken back nets 20 - 300/45 = 13.3/h, below a plain 16/h.
    vacancies = [vacancy("gross", wage={"amount": 20.0}, deductions=[{"label": "meals", "amount": 300, "per": "week"}]),
                 vacancy("net", wage={"amount": 16.0})]
    assert order(rank(worker(), vacancies)) == ["net", "gross"]


def test_pay_is_compared_only_within_a_currency():
    # Alone in its currency, a vacancy is neither well nor badly paid, whatever the number.
    one = scores(rank(worker(), [vacancy("cad", wage={"amount": 17.0}),
                                 vacancy("mxn", wage={"amount": 900.0, "currency": "MXN"})]))
    two = scores(rank(worker(), [vacancy("cad", wage={"amount": 17.0}),
                                 vacancy("mxn", wage={"amount": 1.0, "currency": "MXN"})]))
    assert one == two


def test_weekly_and_hourly_pay_compare_per_hour():
    vacancies = [vacancy("weekly", wage={"amount": 900.0, "per": "week"}),  # 20/h over 45 h
                 vacancy("hourly", wage={"amount": 18.0, "per": "hour"})]
    assert order(rank(worker(), vacancies)) == ["weekly", "hourly"]


def test_a_good_season_with_the_same_employer_ranks_higher_than_an_equal_vacancy():
    vacancies = [vacancy("other", employer_id="e-other"), vacancy("known", employer_id="e-known")]
    assert order(rank(worker(), vacancies)) == ["other", "known"]  # equal: input order
    result = rank(worker(), vacancies, [placement("e-known", worker_rating=5, employer_rating=4)])
    assert order(result) == ["known", "other"]
    assert result["matches"][0]["reason_keys"][0] == "worked_here_last_season"
    assert "you worked here last season" in result["matches"][0]["reasons"]


@pytest.mark.parametrize("history", [
    [placement("e-known", completed=False, worker_rating=None, employer_rating=None)],
    [placement("e-known", worker_rating=2, employer_rating=5)],
    [placement("e-known", worker_rating=5, employer_rating=1)],
])
def test_an_abandoned_or_badly_rated_season_lowers_the_score(history):
    vacancies = [vacancy("known", employer_id="e-known"), vacancy("other", employer_id="e-other")]
    result = rank(worker(), vacancies, history)
    assert order(result) == ["other", "known"]
    assert scores(result)["known"] < scores(result)["other"]


def test_middling_ratings_are_neutral():
    vacancies = [vacancy("known", employer_id="e-known"), vacancy("other", employer_id="e-other")]
    result = rank(worker(), vacancies, [placement("e-known", worker_rating=3, employer_rating=4)])
    assert scores(result)["known"] == scores(result)["other"]


def test_a_better_employer_record_ranks_higher():
    vacancies = [vacancy("unknown"), vacancy("good", employer_compliance=0.95),
                 vacancy("poor", employer_compliance=0.1)]
    assert order(rank(worker(), vacancies)) == ["good", "unknown", "poor"]


def test_housing_and_paid_travel_rank_higher():
    vacancies = [vacancy("bare", housing={"provided": False, "weekly_deduction": 0},
                         employer_pays={"inbound_travel": False, "return_travel": False, "visa": True}),
                 vacancy("full")]
    result = rank(worker(), vacancies)
    assert order(result) == ["full", "bare"]
    assert {"housing_provided", "travel_paid"} <= set(result["matches"][0]["reason_keys"])


def test_every_match_has_one_to_four_known_reasons_in_english_and_as_keys():
    workers, vacancies, histories = random_documents(seed=3)
    for w, h in zip(workers, histories, strict=True):
        for match in rank(w, vacancies, h)["matches"]:
            assert 1 <= len(match["reason_keys"]) <= 4
            assert list(match["reasons"]) == [REASONS[k] for k in match["reason_keys"]]
            assert match["reason_keys"][-1] == "season_fits_availability"
            assert 0.0 <= match["score"] <= 1.0


@pytest.mark.parametrize("seed", [1, 2])
def test_vectorised_ranking_agrees_with_the_per_pair_reference(seed):
    workers, vacancies, histories = random_documents(seed)
    for w, h in zip(workers, histories, strict=True):
        body = loaded(w, vacancies, h)
        result = rank(w, vacancies, h)
        expected, expected_excluded = reference.rank_naive(body["worker"], body["vacancies"], body["history"])
        assert {e["vacancy_id"]: e["reason_key"] for e in result["excluded"]} == dict(expected_excluded)
        got = scores(result)
        assert set(got) == {vacancy_id for vacancy_id, _ in expected}
        for vacancy_id, score in expected:
            assert got[vacancy_id] == pytest.approx(score, abs=1e-4)


def test_no_vacancies_no_matches():
    assert rank(worker(), []) == {"matches": [], "excluded": []}


def test_a_season_rated_well_by_the_only_side_that_rated_counts_as_good():
    from matcher.features import placement_signal

    season = {"employer_id": "e", "season": {"start": "2026-05-01", "end": "2026-09-30"}, "completed": True}
    assert placement_signal({**season, "employer_rating": 5, "worker_rating": None}) == 1.0
    assert placement_signal({**season, "employer_rating": None, "worker_rating": None}) == 0.0
    assert placement_signal({**season, "employer_rating": 5, "worker_rating": 2}) == -1.0
    assert placement_signal({**season, "completed": False, "employer_rating": 5}) == -1.0
