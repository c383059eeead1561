"""Sex, nationality and age beyond the minimum never enter the score."""

import dataclasses

import numpy as np

from matcher import ranking
from matcher.tables import VacancyTable, WorkerTable
from tests.unit.matcher.builders import loaded, random_documents, rank


def test_profiles_differing_only_in_gender_origin_and_birth_year_get_identical_rankings():
    workers, vacancies, histories = random_documents(seed=7, n_vacancies=400)
    for base, history in zip(workers, histories, strict=True):
        # Both old enough for every vacancy's minimum age (at most 21 here).
        one = dict(base, gender="female", origin_country="GT", birth_year=1990)
        other = dict(base, gender="male", origin_country="MX", birth_year=1971)
        third = {k: v for k, v in base.items() if k not in ("gender", "origin_country")} | {"birth_year": 2001}
        first = rank(one, vacancies, history)
        assert first["matches"], "the scenario should rank something"
        assert rank(other, vacancies, history) == first
        assert rank(third, vacancies, history) == first


def test_batch_top_lists_are_identical_for_such_profiles():
    workers, vacancies, histories = random_documents(seed=8, n_vacancies=300, n_workers=1)
    base = loaded(workers[0], vacancies)["worker"]
    profiles = [dict(base, gender=g, origin_country=c, birth_year=y)
                for g, c, y in (("female", "GT", 1985), ("male", "JM", 1960), (None, None, 1999))]
    body = loaded(workers[0], vacancies)
    table = VacancyTable.from_documents(body["vacancies"])
    top, scores = ranking.top_k(WorkerTable.from_documents(profiles, [histories[0]] * 3), table, k=10)
    assert (top == top[0]).all() and (scores == scores[0]).all()


def test_the_worker_table_does_not_even_carry_gender_or_origin():
    names = {f.name for f in dataclasses.fields(WorkerTable)}
    assert not names & {"gender", "origin_country", "nationality", "sex"}
    assert "birth_year" in names  # for the minimum-age gate only


def test_age_only_gates_it_never_scores():
    workers, vacancies, _ = random_documents(seed=9, n_vacancies=200, n_workers=1)
    body = loaded(workers[0], vacancies)
    young, old = dict(body["worker"], birth_year=2000), dict(body["worker"], birth_year=1950)
    table = VacancyTable.from_documents(body["vacancies"])
    _, _, young_scores = ranking.score_block(WorkerTable.from_documents([young]), table)
    _, _, old_scores = ranking.score_block(WorkerTable.from_documents([old]), table)
    np.testing.assert_array_equal(young_scores, old_scores)
