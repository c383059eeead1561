"""Why a vacancy is shown, or not, as message keys with their English text.

The workers service translates the keys; the English sentences are what
the contract's ``reasons`` and ``excluded[].reason`` carry.
"""

from __future__ import annotations

import functools

import numpy as np

from matcher.features import Features

REASONS = {
    "worked_here_last_season": "you worked here last season",
    "worked_here_before": "you worked well with this employer before",
    "skills_match": "your skills match this job",
    "good_pay": "the pay is better than most jobs paid in the same currency",
    "housing_provided": "housing is provided",
    "travel_paid": "the employer pays your travel there and back",
    "employer_good_record": "this employer has a good record",
    "long_season": "the season uses most of the time you are available",
    "season_fits_availability": "the season fits your availability",
}
EXCLUSIONS = {
    "not_open": "vacancy not open",
    "season_outside_availability": "season outside availability",
    "missing_language": "missing required language",
    "country_not_preferred": "country not preferred",
    "below_min_age": "below minimum age",
    "missing_certification": "missing required certification",
}
# Every match passed the availability gate, so this one always holds; it
# closes the list so that no match goes without a reason.
ALWAYS = "season_fits_availability"
MAX_SPECIFIC = 3
# A feature becomes a reason from these values on.
THRESHOLDS = {"skills": 0.5, "pay": 0.75, "housing": 1.0, "travel": 1.0, "compliance": 0.8, "season_fit": 0.6}
KEY_OF = {"skills": "skills_match", "pay": "good_pay", "housing": "housing_provided", "travel": "travel_paid",
          "compliance": "employer_good_record", "season_fit": "long_season"}


def explain(features: Features, weights: dict, workers: np.ndarray, vacancies: np.ndarray) -> list[tuple]:
    """Reason keys (1 to 4) for the pairs (workers[i], vacancies[i]), strongest first.

    A feature's strength is its weighted value in the default model, so the
    reasons describe what the transparent weighting rewards; a working
    relationship with the employer always comes first. Returns tuples,
    shared between pairs with the same reasons (there are few combinations).
    """
    keys = ["worked_here_last_season", "worked_here_before", *KEY_OF.values()]
    strength = np.full((len(workers), len(keys)), -np.inf)

    def value(name):
        return np.broadcast_to(features.values[name], features.shape)[workers, vacancies]

    last = features.last_season[workers, vacancies]
    returning = value("circular") > 0
    strength[last, 0] = 10.0
    strength[returning & ~last, 1] = 9.0
    for column, (name, _key) in enumerate(KEY_OF.items(), start=2):
        v = value(name)
        hit = v >= THRESHOLDS[name]
        strength[hit, column] = weights.get(name, 0.0) * v[hit]
    order = np.argsort(-strength, axis=1, kind="stable")[:, :MAX_SPECIFIC]
    chosen = np.take_along_axis(strength, order, axis=1) > -np.inf
    codes = np.where(chosen, order, -1).tolist()
    combinations: dict[tuple, tuple] = {}
    for row in map(tuple, codes):
        if row not in combinations:
            combinations[row] = tuple(keys[c] for c in row if c >= 0) + (ALWAYS,)
    return [combinations[row] for row in map(tuple, codes)]


@functools.cache
def sentences(keys: tuple) -> tuple:
    """The English text of reason keys."""
    return tuple(REASONS[k] for k in keys)
