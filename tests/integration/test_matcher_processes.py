"""Matcher web processes each hold their own ranking index: none answers before it is built, and two of them,
started at different times, give the same answers after the same events.

The two processes are real ones (``python -c`` serving ``matcher.app`` with werkzeug's threaded server, each
on its own port), not two apps in this process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import replace

import pytest
import requests

from deploy.stack import ROOT
from matcher.app import create_app
from matcher.models import WorkerRecord
from matcher.worker import run
from services.events import PLACEMENT_COMPLETED, VACANCY_CLOSED, new_event
from services.kafka import ensure_topics
from services.ledger import HandledEvent
from tests.bench.matcher_bench import free_port, stop
from tests.integration.helpers import eventually, mint_token
from tests.integration.test_matcher_flow import profile, profile_event, publish, reviewed, tag

SERVE = """
import dataclasses, sys
from werkzeug.serving import run_simple
from matcher.app import create_app
from services.config import Settings
settings = dataclasses.replace(Settings.from_env("matcher"), service=sys.argv[1])
run_simple("127.0.0.1", int(sys.argv[2]), create_app(settings=settings), threaded=True)
"""


@pytest.fixture
def matcher_worker(settings, database):
    stop = threading.Event()
    thread = threading.Thread(target=run, kwargs={"settings": replace(settings, consumer_max_attempts=1),
                                                  "stop": stop}, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join()  # until it has stopped: left running, it would use the next test's database


@contextmanager
def matcher_web(settings, log_path):
    """A matcher web process of this test's service (its database, its consumer group's offsets)."""
    port = free_port()
    env = {**os.environ, "LP_SECRET_KEY": settings.secret_key, "LP_MONGO_URL": settings.mongo_url,
           "LP_KAFKA_BOOTSTRAP": settings.kafka_bootstrap, "LP_MONGO_DB_PREFIX": settings.mongo_db_prefix,
           "LP_LOG_LEVEL": "WARNING"}
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-c", SERVE, settings.service, str(port)], env=env, cwd=ROOT,
                                   stdout=log, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def ready(base: str) -> bool:
    try:
        return requests.get(f"{base}/readyz", timeout=5).status_code == 200
    except requests.RequestException:
        return False


def answer(base: str, path: str, token: str):
    """The body of a read API answer without its time stamp, or the status code when not 200."""
    response = requests.get(f"{base}/api/v1{path}", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    if response.status_code != 200:
        return response.status_code
    return {k: v for k, v in response.json().items() if k != "updated_at"}


def publish_handled(settings, *events) -> None:
    """Publish, then wait until the matcher worker has written them all to the database."""
    publish(settings, *events)
    for event in events:
        eventually(lambda e=event: HandledEvent.objects(event_id=e.id).first(), f"{event.type} handled")


def test_two_processes_started_apart_give_the_same_answers_after_an_event(settings, matcher_worker, tmp_path):
    ana, luis, first, second, employer, other = tag("w"), tag("w"), tag("v"), tag("v"), tag("e"), tag("e")
    token = mint_token(settings, "workers", "service", 600)
    publish_handled(settings, profile_event(ana), reviewed(first, employer))
    with matcher_web(settings, tmp_path / "a.log") as a:
        eventually(lambda: ready(a), "process A ready", timeout=120)
        # B starts later: it loads what A followed from the database, and follows only what comes after.
        season = {"offer_id": tag("o"), "vacancy_id": first, "worker_id": ana, "employer_id": other,
                  "season": {"start": "2026-08-01", "end": "2026-10-31"}, "completed": True,
                  "employer_rating": 5, "worker_rating": 5}
        publish_handled(settings, profile_event(luis, languages=["es", "en"]), reviewed(second, other),
                        new_event(PLACEMENT_COMPLETED, "employers", season["offer_id"], season))
        with matcher_web(settings, tmp_path / "b.log") as b:
            eventually(lambda: ready(b), "process B ready", timeout=120)
            paths = [f"/workers/{ana}/matches?limit=100", f"/workers/{luis}/matches?limit=100",
                     f"/vacancies/{second}/candidates?limit=100", f"/workers/{ana}/itineraries"]

            def agree(expected_first_of_ana):
                answers = [[answer(base, path, token) for path in paths] for base in (a, b)]
                ids = [m["vacancy_id"] for m in answers[0][0]["matches"] if m["vacancy_id"] in {first, second}] \
                    if isinstance(answers[0][0], dict) else None
                return answers[0] == answers[1] and ids == expected_first_of_ana

            # Employers' records are reloaded every 30 s by each process: the answers meet by then.
            eventually(lambda: agree([second, first]), "A and B agree, the returning employer first", timeout=120)

            # An event after both started: the first vacancy is filled.
            publish_handled(settings, new_event(VACANCY_CLOSED, "employers", first,
                                                {"vacancy_id": first, "employer_id": employer, "status": "filled"}))
            eventually(lambda: agree([second]), "A and B agree without the filled vacancy", timeout=120)
            assert answer(a, f"/vacancies/{first}/candidates", token) == 404
            assert answer(b, f"/vacancies/{first}/candidates", token) == 404
            [top] = [m for m in answer(b, paths[0], token)["matches"] if m["vacancy_id"] == second]
            assert top["reason_keys"][0] == "worked_here_last_season"


def test_readyz_and_the_read_api_answer_503_until_the_index_is_built(settings, database):
    # Enough workers that building takes seconds, so the first question comes before it is done.
    WorkerRecord._get_collection().insert_many([{"_id": f"w{i}", "revision": 1, "profile": profile()}
                                                for i in range(20_000)])
    ensure_topics(settings)  # the index follows them (the services' workers create them)
    app = create_app({"TESTING": True}, settings=settings)
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {mint_token(settings, 'workers', 'service', 600)}"
    try:
        early = client.get("/readyz")
        assert early.status_code == 503 and early.get_json()["checks"]["ranking_index"] is False
        assert early.get_json()["checks"]["database"] is True
        assert client.get("/api/v1/workers/w1/matches").status_code == 503
        eventually(lambda: client.get("/readyz").status_code == 200, "readyz once the index is built", timeout=180)
        assert client.get("/readyz").get_json()["checks"]["ranking_index"] is True
        assert client.get("/api/v1/workers/w1/matches").status_code == 200
        assert client.get("/api/v1/workers/nobody/matches").status_code == 404
    finally:
        app.extensions["matcher_index"].stop()
