"""The matcher's ranking index in process: build time, read latencies and memory at a national scale.

Synthetic workers and vacancies (``tests.bench.matcher_bench.synthetic``)
are loaded as the database's read model would hand them over, then one
worker's matches and one vacancy's candidates are asked for, one at a
time, as a request thread would (one BLAS thread, as ``start_index``
sets). Wall and CPU time both: on a shared 2-core machine the wall clock
also counts other processes. No Kafka, no database.

    python -m tests.bench.index_bench [workers] [vacancies]
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from matcher.index import RankingIndex, ReadModel
from matcher.models import CLOSED, OPEN
from services.events import VACANCY_REVIEWED, WORKER_PROFILE_UPDATED, new_event
from tests.bench.matcher_bench import line, peak_rss_mb, rss_mb, synthetic
from tests.documents import vacancy as contract_vacancy
from tests.integration.test_matcher_flow import profile

TODAY = dt.date(2026, 12, 1)  # before every synthetic season: every open vacancy is upcoming


def read_model(n_vacancies: int, n_workers: int) -> ReadModel:
    """The synthetic documents as the database's collections hold them."""
    vacancies, workers, histories = synthetic(n_vacancies, n_workers)
    return ReadModel(
        vacancies=[{"_id": v["id"], "revision": 1, "status": OPEN if v["status"] == "approved" else CLOSED,
                    "employer_id": v["employer_id"], "employer_name": "", "document": v} for v in vacancies],
        workers=[{"_id": f"w{i}", "revision": 1, "profile": w} for i, w in enumerate(workers)],
        placements=[{"_id": f"p{i}-{k}", "worker_id": f"w{i}", **entry}
                    for i, history in enumerate(histories) for k, entry in enumerate(history)],
        compliance={f"emp-{i}": round(random.Random(i).uniform(0.3, 1.0), 2) for i in range(0, 1000, 2)},
    )


def timings(ask, keys) -> str:
    """p50/p99 of wall and CPU milliseconds of ``ask(key)`` over ``keys``."""
    wall, cpu = [], []
    for key in keys:
        started, started_cpu = time.perf_counter(), time.thread_time()
        ask(key)
        cpu.append(time.thread_time() - started_cpu)
        wall.append(time.perf_counter() - started)
    wall, cpu = np.array(wall) * 1000, np.array(cpu) * 1000
    return (f"wall p50 {np.median(wall):.1f} ms, p99 {np.percentile(wall, 99):.1f} ms; "
            f"CPU p50 {np.median(cpu):.1f} ms, p99 {np.percentile(cpu, 99):.1f} ms")


def main(n_workers: int = 100_000, n_vacancies: int = 10_000, asks: int = 500) -> None:
    threadpool_limits(1, user_api="blas")
    started = time.perf_counter()
    model = read_model(n_vacancies, n_workers)
    line(f"synthetic read model, {n_workers:,} workers x {n_vacancies:,} vacancies",
         f"{time.perf_counter() - started:.1f} s, RSS {rss_mb():.0f} MB")
    index = RankingIndex()
    started, started_cpu = time.perf_counter(), time.process_time()
    index.load_records(model)
    line("index build (load_records)", f"{time.perf_counter() - started:.1f} s wall, "
         f"{time.process_time() - started_cpu:.1f} s CPU: {len(index._snapshot.rows):,} open vacancies, "
         f"{len(index._rows):,} workers")
    open_ids = list(index._snapshot.rows)
    del model
    gc.collect()
    line("RSS with the index built", f"{rss_mb():.0f} MB now, peak {peak_rss_mb():.0f} MB "
         "(the index keeps the profiles and documents; the read model's other objects are freed)")
    rng = random.Random(1)
    workers = [f"w{rng.randrange(n_workers)}" for _ in range(asks)]
    line("worker_matches(limit=20)", timings(lambda w: index.worker_matches(w, 20, TODAY), workers))
    vacancies = [rng.choice(open_ids) for _ in range(asks)]
    line("vacancy_candidates(limit=20)", timings(lambda v: index.vacancy_candidates(v, 20), vacancies))
    line("vacancy_scores (every eligible worker)", timings(lambda v: index.vacancy_scores(v, TODAY), vacancies[:100]))
    events = [new_event(VACANCY_REVIEWED, "ethics", f"new-{i}", {"verdict": "pass", "revision": 1, "employer_id": "e",
                                                                 "vacancy": contract_vacancy()}) for i in range(20)]

    def one_vacancy_in(event):
        index.apply(VACANCY_REVIEWED, event)
        index.flush()

    line("a new vacancy applied and the table rebuilt", timings(one_vacancy_in, events))
    profiles = [new_event(WORKER_PROFILE_UPDATED, "workers", f"w{rng.randrange(n_workers)}",
                          {"revision": 2 + i, "profile": profile(languages=["es", "en"])}) for i in range(100)]

    def one_profile_in(event):
        index.apply(WORKER_PROFILE_UPDATED, event)
        index.flush()

    line("a profile applied and its row written", timings(one_profile_in, profiles))
    line("peak RSS", f"{peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main(*map(int, sys.argv[1:3]))
