"""The read model's top-k lists agree with the contract's ranking, pair for pair.

Scores are float32 products whose last digit depends on the block's shape
(BLAS), so they agree within ``CLOSE``; a reason whose feature sits right
on its threshold may then differ, which ``MOSTLY`` allows for rarely.
"""

import numpy as np

from matcher import lists
from matcher.tables import VacancyTable, WorkerTable, take
from tests.unit.matcher.builders import loaded, random_documents, rank

CLOSE = 2e-4
MOSTLY = 0.98


def agree(pairs) -> None:
    """``pairs`` of ((score, keys), (score, keys)): scores close, reasons the same nearly always."""
    pairs = list(pairs)
    assert pairs
    assert max(abs(a[0] - b[0]) for a, b in pairs) <= CLOSE
    assert sum(tuple(a[1]) == tuple(b[1]) for a, b in pairs) >= MOSTLY * len(pairs)


def tables(seed=7, n_vacancies=200, n_workers=40):
    workers, vacancies, histories = random_documents(seed, n_vacancies, n_workers)
    body = [loaded(w, vacancies, h) for w, h in zip(workers, histories, strict=True)]
    return (workers, vacancies, histories,
            WorkerTable.from_documents([b["worker"] for b in body], [b["history"] for b in body]),
            VacancyTable.from_documents(body[0]["vacancies"]))


def test_each_workers_list_is_the_head_of_its_ranking_with_the_same_reasons():
    workers, vacancies, histories, worker_table, vacancy_table = tables()
    computed = lists.worker_lists(worker_table, vacancy_table, k=10)
    pairs = []
    for worker, history, found in zip(workers, histories, computed, strict=True):
        ranking = {m["vacancy_id"]: m for m in rank(worker, vacancies, history)["matches"]}
        expected = sorted(m["score"] for m in ranking.values())[::-1][:10]
        assert np.allclose([s for _i, s, _k in found], expected, atol=CLOSE)
        pairs += [((s, k), (ranking[vacancy_table.ids[i]]["score"], ranking[vacancy_table.ids[i]]["reason_keys"]))
                  for i, s, k in found]
    agree(pairs)


def test_candidates_are_the_workers_that_rank_the_vacancy_with_the_same_score():
    workers, vacancies, histories, worker_table, vacancy_table = tables(seed=11)
    rows = np.arange(0, len(vacancy_table), 17)
    computed = lists.candidate_lists(worker_table, vacancy_table, rows, k=len(workers))
    rankings = [{m["vacancy_id"]: (m["score"], m["reason_keys"]) for m in rank(w, vacancies, h)["matches"]}
                for w, h in zip(workers, histories, strict=True)]
    assert any(computed), "the scenario should have some eligible pairs"
    pairs = []
    for row, found in zip(rows.tolist(), computed, strict=True):
        vacancy_id = vacancy_table.ids[row]
        expected = sorted(((w, r[vacancy_id]) for w, r in enumerate(rankings) if vacancy_id in r),
                          key=lambda pair: -pair[1][0])
        assert sorted(i for i, _s, _k in found) == sorted(w for w, _ in expected)
        pairs += [((score, keys), rankings[worker_row][vacancy_id]) for worker_row, score, keys in found]
        assert [s for _i, s, _k in found] == sorted((s for _i, s, _k in found), reverse=True)
    agree(pairs)


def test_lists_are_empty_not_failing_without_vacancies_or_eligible_pairs():
    _w, _v, _h, worker_table, vacancy_table = tables(n_vacancies=5, n_workers=3)
    none = take(vacancy_table, np.array([], dtype=np.int64))
    assert lists.worker_lists(worker_table, none, k=10) == [[], [], []]
    assert lists.candidate_lists(worker_table, vacancy_table, np.array([], dtype=np.int64), k=5) == []


def test_selecting_rows_keeps_each_workers_own_columns():
    _w, _v, _h, worker_table, vacancy_table = tables()
    rows = np.array([5, 2, 30])
    picked = worker_table.select(rows)
    whole = lists.eligible(worker_table, vacancy_table)
    assert (lists.eligible(picked, vacancy_table) == whole[rows]).all()
    assert list(picked.signals) == [worker_table.signals[r] for r in rows]
