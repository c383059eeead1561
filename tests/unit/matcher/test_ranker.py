"""The default weighting and the learned ranker's seam (fit, determinism, persistence)."""

import numpy as np
import pytest

from matcher import ranking
from matcher.features import FEATURES, Features
from matcher.ranker import DEFAULT_WEIGHTS, LearnedRanker, LinearRanker, enough_outcomes, load_ranker, outcome_rows
from matcher.tables import VacancyTable, WorkerTable
from tests.unit.matcher.builders import loaded, random_documents


def synthetic_outcomes(n=2000, seed=0):
    """Outcome rows where skills, pay and a good past season make success likelier."""
    rng = np.random.default_rng(seed)
    X = rng.random((n, len(FEATURES)))
    X[:, FEATURES.index("circular")] = rng.choice([-1.0, 0.0, 1.0], n)
    logit = 3 * X[:, 0] + 2 * X[:, 1] + 1.5 * X[:, FEATURES.index("circular")] - 3
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return X, y


def block():
    workers, vacancies, histories = random_documents(seed=5, n_vacancies=200, n_workers=3)
    body = [loaded(w, vacancies, h) for w, h in zip(workers, histories, strict=True)]
    return (WorkerTable.from_documents([b["worker"] for b in body], [b["history"] for b in body]),
            VacancyTable.from_documents(body[0]["vacancies"]))


def test_default_weights_cover_every_feature_and_scores_stay_in_0_1():
    assert set(DEFAULT_WEIGHTS) == set(FEATURES)
    assert sum(DEFAULT_WEIGHTS.values()) == pytest.approx(1.0)
    shape = (2, 3)
    best = Features({f: np.ones(shape, np.float32) for f in FEATURES}, np.zeros(shape, bool))
    worst = Features({f: np.full(shape, -1.0 if f == "circular" else 0.0, np.float32) for f in FEATURES},
                     np.zeros(shape, bool))
    assert np.allclose(LinearRanker().score(best), 1.0) and np.allclose(LinearRanker().score(worst), 0.0)


def test_learned_ranker_fits_synthetic_outcomes_and_predicts_deterministically():
    X, y = synthetic_outcomes()
    first = LearnedRanker(random_state=0).fit(X, y).predict_proba(X)[:, 1]
    second = LearnedRanker(random_state=0).fit(X, y).predict_proba(X)[:, 1]
    np.testing.assert_array_equal(first, second)
    # It learned the signal: successes score higher on average.
    assert first[y == 1].mean() > first[y == 0].mean() + 0.1


def test_learned_ranker_is_monotonic_in_every_feature():
    X, y = synthetic_outcomes()
    model = LearnedRanker().fit(X, y)
    base = np.full((1, len(FEATURES)), 0.5)
    for i in range(len(FEATURES)):
        higher = base.copy()
        higher[0, i] = 1.0
        assert model.predict_proba(higher)[0, 1] >= model.predict_proba(base)[0, 1]


def test_learned_ranker_persists_with_its_version_and_scores_a_block(tmp_path):
    X, y = synthetic_outcomes()
    model = LearnedRanker(version="learned-test").fit(X, y)
    path = tmp_path / "model.joblib"
    model.save(path)
    loaded_model = load_ranker(path)
    assert isinstance(loaded_model, LearnedRanker) and loaded_model.version == "learned-test"
    workers, vacancies = block()
    features = ranking.features_of(workers, vacancies)
    np.testing.assert_array_equal(loaded_model.score(features), model.score(features))
    assert loaded_model.score(features).shape == (len(workers), len(vacancies))
    indices, _ = ranking.top_k(workers, vacancies, k=5, ranker=loaded_model)
    assert indices.shape == (len(workers), 5)


def test_without_a_usable_model_file_the_default_weighting_ranks(tmp_path):
    assert isinstance(load_ranker(None), LinearRanker)
    assert isinstance(load_ranker(tmp_path / "absent.joblib"), LinearRanker)
    corrupt = tmp_path / "corrupt.joblib"
    corrupt.write_bytes(b"not a model")
    assert isinstance(load_ranker(corrupt), LinearRanker)


def test_outcome_rows_and_the_threshold_for_replacing_the_default():
    rows = [{"features": dict.fromkeys(FEATURES, 0.5), "outcome": i % 3 == 0} for i in range(300)]
    X, y = outcome_rows(rows)
    assert X.shape == (300, len(FEATURES)) and y.sum() == 100
    assert enough_outcomes(y)
    assert not enough_outcomes(y[:50])
    assert not enough_outcomes(np.ones(500))
    with pytest.raises(ValueError):
        LearnedRanker().fit(X[:, :3], y)
