"""A worker whose process stood still past its consumer's session timeout (as on an overloaded machine: the
broker drops a member whose heartbeats come late) consumes again afterwards, over the real Kafka and database.
Whichever way it comes back: kafka-python rejoining on its own (what it did here, on UnknownMemberId), or the
worker's ``MembershipWatch`` replacing a consumer that never rejoins (kafka-python 3.0.12 was seen so in a soak,
``LP_CONSUMER_STUCK_SECONDS``, shorter here but longer than a join takes)."""

from __future__ import annotations

import os
import signal
import time
import uuid
from dataclasses import replace

from pymongo import MongoClient

from ethics import worker as ethics_worker
from services.events import VACANCY_SUBMITTED, new_event
from services.kafka import group_members
from services.worker import run_worker
from tests.documents import vacancy
from tests.integration.helpers import apart, eventually, publish, spawned

# kafka-python's default session timeout is 10 s: paused longer, the broker drops the member.
PAUSE_SECONDS = 25


def submitted(settings, employer_id: str) -> str:
    vacancy_id = f"v-{uuid.uuid4().hex[:10]}"
    publish(settings, new_event(VACANCY_SUBMITTED, "employers", vacancy_id, {
        "employer_id": employer_id, "employer_name": "Paused Farms", "vacancy": vacancy()}))
    return vacancy_id


def test_a_worker_paused_past_its_session_timeout_reviews_again(settings, database):
    ethics = replace(apart(settings, "ethics"), consumer_stuck_seconds=30.0)
    reviews = MongoClient(settings.mongo_url)[ethics.mongo_db]["reviews"]

    def reviewed(vacancy_id: str) -> bool:
        return reviews.count_documents({"document_id": vacancy_id}) == 1

    try:
        with spawned((run_worker, ("ethics", ethics_worker.HANDLERS, ethics_worker.OUTBOX_DOCUMENTS),
                      {"settings": ethics})) as processes:
            [process] = processes
            first = submitted(settings, "emp-paused")
            eventually(lambda: reviewed(first), "the first vacancy reviewed", timeout=180, interval=0.5)
            os.kill(process.pid, signal.SIGSTOP)
            try:
                eventually(lambda: group_members(ethics) == 0, "the broker dropping the paused member",
                           timeout=120, interval=1)
            finally:
                time.sleep(max(0.0, PAUSE_SECONDS - 10))
                os.kill(process.pid, signal.SIGCONT)
            second = submitted(settings, "emp-paused")
            eventually(lambda: reviewed(second), "the vacancy after the pause reviewed", timeout=300, interval=0.5)
            assert group_members(ethics) == 1
    finally:
        MongoClient(settings.mongo_url).drop_database(ethics.mongo_db)
