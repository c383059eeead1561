"""Faults on a stack of its own: the broker killed mid-stream, a consumer killed mid-batch, the database away.

Each test prints the counts it checked. Nothing is lost, nothing is acted
on twice, nothing answers 500, and everything recovers by itself (or by
`make up` restarting what died, as the supervisor would).
"""

from __future__ import annotations

import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from pymongo import MongoClient

from tests.documents import vacancy
from tests.e2e.conftest import Platform, fresh_stack, started
from tests.integration.helpers import eventually

N_STREAM = 1000
N_BATCH = 300
N_BEFORE_KILL = 100


@pytest.fixture(scope="module")
def broken():
    """A platform to break (ports 26001-26004)."""
    stack = fresh_stack("test-faults", 26000)
    with pytest.MonkeyPatch.context() as patch:
        # One employer posts 1,300 vacancies here, far beyond a real employer's limits (30 an hour);
        # the processes the tests restart read them too, so they stay raised while the module runs.
        patch.setenv("LP_VACANCY_CHANGES_PER_HOUR", "100000")
        patch.setenv("LP_VACANCY_CHANGES_PER_DAY", "100000")
        yield started(stack)
        stack.down()


def submit(employer, count: int, tag: str, during=None, at: int = -1) -> list[str]:
    """Post ``count`` fair vacancies from 4 threads; call ``during()`` once ``at`` of them are in."""
    done, lock = [], threading.Lock()

    def one(i: int) -> str:
        vacancy_id = employer.call("POST", "/vacancies", json=vacancy(title=f"{tag} {i}")).json()["id"]
        with lock:
            done.append(vacancy_id)
            if len(done) == at and during:
                threading.Thread(target=during, daemon=True).start()
        return vacancy_id

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(one, range(count)))


def statuses(employer) -> dict[str, str]:
    return {v["id"]: v["status"] for v in employer.items("/vacancies")}


def reviews_per_vacancy(platform: Platform, ids: list[str]) -> dict[str, int]:
    client = MongoClient(platform.stack.mongo_url)
    try:
        counts: dict[str, int] = {}
        for review in client["lp_ethics"]["reviews"].find({"document_id": {"$in": ids}}, {"document_id": 1}):
            counts[review["document_id"]] = counts.get(review["document_id"], 0) + 1
        return counts
    finally:
        client.close()


def all_reviewed(employer, ids: list[str]):
    found = statuses(employer)
    return found if all(found.get(i) not in (None, "pending_review") for i in ids) else None


@pytest.mark.timeout(1200)  # a bound on a hang, not a speed requirement
def test_the_broker_killed_during_1000_submissions_loses_and_repeats_nothing(broken):
    employer = broken.employer()

    def kill_and_revive():
        broken.stack.stop("kafka", signal.SIGKILL)
        time.sleep(5)
        broken.stack.up()

    ids = submit(employer, N_STREAM, "Stream", during=kill_and_revive, at=N_STREAM // 3)
    found = eventually(lambda: all_reviewed(employer, ids), "every vacancy reviewed", timeout=600, interval=5)
    reviews = reviews_per_vacancy(broken, ids)
    print(f"\n[faults] broker SIGKILL: {len(ids)} submitted, {len(set(ids) & set(found))} saved, "
          f"{sum(1 for i in ids if found[i] == 'approved')} approved, {len(reviews)} reviewed, "
          f"{sum(n > 1 for n in reviews.values())} reviewed twice")
    assert len(set(ids)) == N_STREAM and set(ids) <= set(found)
    assert all(found[i] == "approved" for i in ids)
    assert set(reviews) == set(ids) and set(reviews.values()) == {1}


@pytest.mark.timeout(900)
def test_a_consumer_killed_mid_batch_resumes_without_acting_twice(broken):
    employer = broken.employer()
    ids = submit(employer, N_BATCH, "Batch")

    def reviewed_some():
        count = len(reviews_per_vacancy(broken, ids))
        return count if 0 < count < N_BATCH else None

    eventually(reviewed_some, "the ethics worker half-way through", timeout=300, interval=0.2)
    broken.stack.stop("ethics-worker", signal.SIGKILL)
    broken.stack.up()
    found = eventually(lambda: all_reviewed(employer, ids), "every vacancy reviewed", timeout=600, interval=5)
    reviews = reviews_per_vacancy(broken, ids)
    print(f"\n[faults] ethics worker SIGKILL: {len(ids)} submitted, {len(reviews)} reviewed, "
          f"{sum(n > 1 for n in reviews.values())} reviewed twice")
    assert all(found[i] == "approved" for i in ids)
    assert set(reviews) == set(ids) and set(reviews.values()) == {1}


@pytest.mark.timeout(900)
def test_the_database_killed_and_away_for_ten_seconds_is_503_never_500_then_recovers_with_every_write(broken):
    employer = broken.employer()
    services = list(broken.stack.ports)
    # Killed the moment the last of these is acknowledged: each must be there after the restart.
    acknowledged = submit(employer, N_BEFORE_KILL, "Before the kill")
    broken.stack.stop("database", signal.SIGKILL)
    try:
        answers = {s: requests.get(f"{broken.url(s)}/readyz", timeout=10).status_code for s in services}
        write = employer.http.post(employer.base + "/vacancies", json=vacancy(title="While away"), timeout=15)
        time.sleep(10)
    finally:
        broken.stack.up()
    print(f"\n[faults] database SIGKILL, away 10 s: readyz {answers}, a write answered {write.status_code}")
    assert set(answers.values()) == {503}
    assert write.status_code == 503 and write.json()["error"]["code"]
    eventually(lambda: all(broken.stack.readyz(s) for s in services), "every service ready again", 120)
    employer.call("POST", "/vacancies", json=vacancy(title="After"))
    there = set(acknowledged) & set(statuses(employer))
    print(f"[faults] database SIGKILL: {len(acknowledged)} vacancies acknowledged before, {len(there)} there after")
    assert there == set(acknowledged)
    eventually(lambda: all_reviewed(employer, acknowledged), "every acknowledged vacancy reviewed", 600, 5)
    reviews = reviews_per_vacancy(broken, acknowledged)
    print(f"[faults] database SIGKILL: {len(reviews)} reviewed, {sum(n > 1 for n in reviews.values())} reviewed twice")
    assert set(reviews) == set(acknowledged) and set(reviews.values()) == {1}
