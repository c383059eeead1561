"""Ranking models: the transparent default weighting, and a learned one once outcomes exist.

Both score a ``Features`` block into a (W x N) array in [0, 1] and see only
the features of ``matcher.features``, so neither can use gender, origin or
age, whatever it learns.
"""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import joblib
import numpy as np
import sklearn
from sklearn.base import BaseEstimator
from sklearn.ensemble import HistGradientBoostingClassifier

from matcher.features import FEATURES, RANGES, Features

log = logging.getLogger(__name__)

# The default model, in one place. Skills and pay lead; a good past season
# with the same employer (circular migration) weighs as much as pay's upper
# quartile against its lower one; the employer's compliance record and the
# practical terms (housing, travel, how well the season fills the worker's
# time, the kind of pathway asked for) follow.
DEFAULT_WEIGHTS = {
    "skills": 0.30,
    "pay": 0.20,
    "circular": 0.15,
    "compliance": 0.10,
    "season_fit": 0.08,
    "housing": 0.07,
    "travel": 0.06,
    "pathway": 0.04,
}
MODEL_FORMAT = 1
# Fewer outcomes than this, or fewer of either class, and the default stays.
MIN_OUTCOMES = 200
MIN_PER_CLASS = 20


class LinearRanker:
    """The transparent default: a weighted sum of the features, rescaled to [0, 1]."""

    version = "default-1"

    def __init__(self, weights: dict | None = None):
        self.weights = dict(DEFAULT_WEIGHTS if weights is None else weights)

    def score(self, features: Features) -> np.ndarray:
        low = sum(w * RANGES[f][0] for f, w in self.weights.items())
        high = sum(w * RANGES[f][1] for f, w in self.weights.items())
        scale = 1 / (high - low)
        # Features with one row (the vacancy's own) are summed once, then broadcast to the block.
        one_row = [f for f in self.weights if features.values[f].shape[0] == 1]
        total = np.full(features.shape, -low * scale, dtype=np.float32)
        total += sum(np.float32(self.weights[f] * scale) * features.values[f] for f in one_row)
        for name, weight in self.weights.items():
            if name not in one_row:
                total += np.float32(weight * scale) * features.values[name]
        return total


class LearnedRanker(BaseEstimator):
    """P(a placement succeeds | features), learned from outcome rows.

    Gradient boosting with a fixed ``random_state``, constrained to be
    monotonic increasing in every feature: better pay or a better employer
    record can never lower a score, whatever noise the outcomes hold.
    """

    def __init__(self, max_iter: int = 200, learning_rate: float = 0.1, max_leaf_nodes: int = 15,
                 random_state: int = 0, version: str = "learned-1"):
        self.max_iter = max_iter
        self.learning_rate = learning_rate
        self.max_leaf_nodes = max_leaf_nodes
        self.random_state = random_state
        self.version = version

    def fit(self, X, y) -> LearnedRanker:
        """Fit on rows of ``FEATURES`` values and outcomes (1: accepted and completed, 0: not)."""
        X, y = np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.int64)
        if X.ndim != 2 or X.shape[1] != len(FEATURES):
            raise ValueError(f"expected rows of {len(FEATURES)} features: {', '.join(FEATURES)}")
        self.model_ = HistGradientBoostingClassifier(
            max_iter=self.max_iter, learning_rate=self.learning_rate, max_leaf_nodes=self.max_leaf_nodes,
            monotonic_cst=[1] * len(FEATURES), random_state=self.random_state,
        ).fit(X, y)
        self.features_ = FEATURES
        self.n_outcomes_ = len(y)
        return self

    def predict_proba(self, X) -> np.ndarray:
        return self.model_.predict_proba(np.asarray(X, dtype=np.float64))

    def score(self, features: Features) -> np.ndarray:
        probability = self.predict_proba(features.matrix())[:, 1]
        return probability.reshape(features.shape).astype(np.float32)

    def save(self, path: str | Path) -> None:
        """Persist with its version, feature names and scikit-learn version."""
        joblib.dump({"format": MODEL_FORMAT, "version": self.version, "features": FEATURES,
                     "sklearn": sklearn.__version__, "ranker": self}, path)

    @classmethod
    def load(cls, path: str | Path) -> LearnedRanker:
        """Load a model saved by ``save``; refuse one made for other features."""
        bundle = joblib.load(path)
        if bundle.get("format") != MODEL_FORMAT or tuple(bundle.get("features", ())) != FEATURES:
            raise ValueError(f"{path}: a model for other features or format")
        if bundle.get("sklearn") != sklearn.__version__:
            log.warning("%s was saved with scikit-learn %s, running %s", path, bundle.get("sklearn"),
                        sklearn.__version__)
        return bundle["ranker"]


def enough_outcomes(y) -> bool:
    """Whether outcomes are numerous and varied enough to replace the default weighting."""
    y = np.asarray(y)
    return len(y) >= MIN_OUTCOMES and min((y == 1).sum(), (y == 0).sum()) >= MIN_PER_CLASS


def outcome_rows(rows: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    """``[{"features": {name: value}, "outcome": bool}]`` as the (X, y) ``LearnedRanker.fit`` takes."""
    X = np.array([[row["features"][f] for f in FEATURES] for row in rows], dtype=np.float64)
    y = np.array([int(bool(row["outcome"])) for row in rows], dtype=np.int64)
    return X.reshape(len(rows), len(FEATURES)), y


def load_ranker(path: str | Path | None) -> LinearRanker | LearnedRanker:
    """The learned model at ``path`` if there is a usable one, else the default weighting."""
    if not path or not Path(path).is_file():
        return LinearRanker()
    try:
        ranker = LearnedRanker.load(path)
    except (OSError, EOFError, ImportError, pickle.UnpicklingError, ValueError, KeyError, AttributeError) as exc:
        log.warning("cannot use the model at %s (%s): default weighting", path, exc)
        return LinearRanker()
    log.info("ranking with learned model %s from %s", ranker.version, path)
    return ranker
