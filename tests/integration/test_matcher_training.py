"""Training the learned ranker from outcomes stored in the read model (real database)."""

from __future__ import annotations

import numpy as np

from matcher import training
from matcher.features import FEATURES
from matcher.models import OfferOutcome, PlacementRecord, VacancyRecord, WorkerRecord
from tests.documents import vacancy
from tests.integration.test_matcher_flow import profile


def store_outcomes(n_workers: int, n_vacancies: int) -> None:
    """Workers answer offers; they accept the well-paid jobs and decline the others."""
    WorkerRecord._get_collection().insert_many(
        [{"_id": f"w{i}", "revision": 1, "profile": profile()} for i in range(n_workers)])
    wages = [12.0 + 2 * (j % 8) for j in range(n_vacancies)]
    VacancyRecord._get_collection().insert_many(
        [{"_id": f"v{j}", "status": "closed", "employer_id": f"e{j % 5}", "revision": 1,
          "document": vacancy(wage={"amount": wages[j], "currency": "CAD", "per": "hour"})}
         for j in range(n_vacancies)])
    OfferOutcome._get_collection().insert_many(
        [{"_id": f"o{i}-{j}", "worker_id": f"w{i}", "vacancy_id": f"v{j}", "accepted": wages[j] >= 20}
         for i in range(n_workers) for j in range(i % 3, n_vacancies, 3)])


def test_too_few_outcomes_train_nothing(database):
    store_outcomes(n_workers=3, n_vacancies=12)
    ranker, count, _successes = training.train("t")
    assert ranker is None and count == 12


def test_outcomes_train_a_model_that_prefers_what_workers_accepted(database):
    store_outcomes(n_workers=30, n_vacancies=24)
    # An accepted season that was abandoned counts as a failure.
    PlacementRecord(id="p1", worker_id="w1", employer_id="e4", vacancy_id="v4", completed=False,
                    season={"start": "2027-08-01", "end": "2027-10-31"}).save()
    rows = training.outcomes()
    assert ("w1", "v4", 0) in rows and ("w4", "v4", 1) in rows and len(rows) == 240
    ranker, count, successes = training.train("t")
    assert ranker is not None and count == 240 and 0 < successes < count
    low, high = np.zeros((1, len(FEATURES))), np.zeros((1, len(FEATURES)))
    low[0, FEATURES.index("pay")], high[0, FEATURES.index("pay")] = 0.1, 0.9
    assert ranker.predict_proba(high)[0, 1] > ranker.predict_proba(low)[0, 1]
