"""``matches.updated`` through Kafka: two matcher worker processes (no leader) with their own ranking indexes,
and a matcher web whose read of a worker's matches watches that worker.

The two workers are real processes (``python -c`` running ``matcher.worker.run`` for this test's service:
its database and consumer group); the web app runs in this process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import contextmanager

from deploy.stack import ROOT
from matcher.app import create_app
from matcher.models import ShownMatches
from services.events import MATCHES_UPDATED, Envelope
from tests.integration.helpers import eventually, mint_token, read_topic
from tests.integration.test_matcher_flow import profile_event, publish, reviewed, tag

WORKER = """
import dataclasses, sys
from matcher.worker import run
from services.config import Settings
run(dataclasses.replace(Settings.from_env("matcher"), service=sys.argv[1], consumer_max_attempts=1))
"""


@contextmanager
def matcher_worker(settings, log_path):
    """A matcher worker process of this test's service; stopped with SIGTERM (as compose and the stack do)."""
    env = {**os.environ, "LP_SECRET_KEY": settings.secret_key, "LP_MONGO_URL": settings.mongo_url,
           "LP_KAFKA_BOOTSTRAP": settings.kafka_bootstrap, "LP_MONGO_DB_PREFIX": settings.mongo_db_prefix}
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-c", WORKER, settings.service], env=env, cwd=ROOT,
                                   stdout=log, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def notices_for(settings, worker_id: str) -> list[Envelope]:
    records = read_topic(settings, MATCHES_UPDATED, expected=10**6, timeout=3)
    return [e for e in (Envelope.from_bytes(r.value) for r in records) if e.subject == worker_id]


def test_two_matcher_workers_send_one_small_notice_to_the_watched_worker_only(settings, database, tmp_path):
    ana, luis, employer, first = tag("w"), tag("w"), tag("e"), tag("v")
    publish(settings, profile_event(ana), profile_event(luis), reviewed(first, employer))
    with matcher_worker(settings, tmp_path / "worker-1.log"), matcher_worker(settings, tmp_path / "worker-2.log"):
        app = create_app({"TESTING": True}, settings=settings)
        index = app.extensions["matcher_index"]
        try:
            eventually(lambda: index.ready, "the web's ranking index built", timeout=180)
            client = app.test_client()
            client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {mint_token(settings, 'workers', 'service')}"

            def ana_sees(vacancy_id):
                response = client.get(f"/api/v1/workers/{ana}/matches?limit=20")
                return response.status_code == 200 and vacancy_id in [m["vacancy_id"] for m in response.json["matches"]]

            eventually(lambda: ana_sees(first), "ana's matches (her read watches her)", timeout=180)
            shown = ShownMatches.objects(id=ana).first()
            assert shown is not None and first in shown.ids
            assert ShownMatches.objects(id=luis).first() is None  # nobody read luis's matches

            # A vacancy ana cannot take (German required) moves nothing of hers: no notice. Then one she can,
            # better paid than any other: her first 20 change, one notice, whichever worker screened it.
            german, better = tag("v"), tag("v")
            publish(settings, reviewed(german, employer, requirements={"languages": ["de"], "min_age": 18,
                                                                     "certifications": [], "other": ""}))
            publish(settings, reviewed(better, employer, wage={"amount": 45.0, "currency": "CAD", "per": "hour"}))
            [notice] = eventually(lambda: notices_for(settings, ana), "ana's notice", timeout=120)
            assert notice.payload["kind"] == "worker" and notice.payload["worker_id"] == ana
            assert notice.payload["matches"][0]["vacancy_id"] == better
            assert german not in [m["vacancy_id"] for m in notice.payload["matches"]]
            assert len(notice.to_bytes()) <= 2048
            assert set(notice.payload["matches"][0]) == {"vacancy_id", "score", "reason_keys"}
            shown = ShownMatches.objects(id=ana).first()
            assert shown.ids[0] == better and shown.last_notice_at is not None

            assert len(notices_for(settings, ana)) == 1  # not sent twice by the two processes
            assert notices_for(settings, luis) == []  # eligible for both vacancies, but not watched
        finally:
            index.stop()
