"""Exposure concentration and the mild spreading re-rank."""

import numpy as np
import pytest

from tests import matcher_exposure as exposure


def test_gini_is_zero_when_equal_and_high_when_one_takes_all():
    assert exposure.gini(np.array([5, 5, 5, 5])) == pytest.approx(0.0)
    assert exposure.gini(np.array([0, 0, 0, 12])) == pytest.approx(0.75)
    assert exposure.gini(np.array([])) == 0.0


def test_report_counts_appearances_over_all_vacancies():
    top = np.array([[0, 1], [0, 1], [0, -1]])
    report = exposure.report(top, n_vacancies=4)
    assert report["never_shown"] == 0.5
    assert report["max_share_of_lists"] == 1.0


def crowded(noise=0.02):
    """Workers who mostly agree (a shared score) with a little taste of their own, best first."""
    n_workers, n_vacancies = 50, 30
    rng = np.random.default_rng(0)
    scores = np.linspace(0.80, 0.70, n_vacancies) + rng.normal(0, noise, (n_workers, n_vacancies))
    candidates = np.argsort(-scores, axis=1)
    scores = np.take_along_axis(scores, candidates, axis=1).astype(np.float32)
    return candidates, scores, np.ones(n_vacancies, dtype=np.int64)


def test_spread_lowers_concentration_within_its_bound():
    candidates, scores, positions = crowded()
    before = exposure.report(candidates[:, :5], 30)
    top, new_scores = exposure.spread(candidates, scores, positions, k=5)
    after = exposure.report(top, 30)
    assert after["gini"] < before["gini"]
    assert after["never_shown"] < before["never_shown"]
    # No score moves by more than the strength.
    by_vacancy = np.empty_like(scores)
    np.put_along_axis(by_vacancy, candidates, scores, axis=1)
    original = np.take_along_axis(by_vacancy, top, axis=1)
    assert ((original - new_scores) <= exposure.DEFAULT_STRENGTH + 1e-6).all()


def test_spread_treats_workers_with_equal_candidates_alike_whatever_their_order():
    candidates, scores, positions = crowded()
    same = np.tile(candidates[:1], (len(candidates), 1)), np.tile(scores[:1], (len(scores), 1))
    top, _ = exposure.spread(*same, positions, k=5)
    assert (top == top[0]).all()
    top, _ = exposure.spread(candidates, scores, positions, k=5)
    reversed_top, _ = exposure.spread(candidates[::-1], scores[::-1], positions, k=5)
    assert (reversed_top[::-1] == top).all()


def test_more_positions_absorb_more_exposure():
    candidates, scores, positions = crowded()
    positions[0] = 100  # the top vacancy hires many: showing it widely is fine
    penalty = exposure.penalty(candidates[:, :5], positions)
    assert penalty[0] < penalty[1]
