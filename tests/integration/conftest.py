"""Integration tests run against a real Apache Kafka broker and a real database (SecantusDB).

The session starts both on ports of their own (19092 and 27217, moved up by
``LP_TEST_PORT_OFFSET`` so that two checkouts can test side by side), with
data under var/test/, so a `make up` stack on the default ports is left alone.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid

import pytest
import requests
from kafka import TopicPartition
from kafka.admin import KafkaAdminClient, OffsetSpec
from kafka.errors import KafkaError, NoError
from pymongo import MongoClient

from deploy.stack import ROOT, Stack
from services import db
from services.config import Settings
from tests.integration.helpers import PORT_OFFSET, eventually

TEST_SECRET = "integration-test-secret-key-0123456789"


@pytest.fixture(scope="session")
def stack():
    """Kafka and the database (SecantusDB) for this test session, stopped at the end."""
    infra = Stack(var=ROOT / "var" / "test", kafka_port=19092 + PORT_OFFSET, controller_port=19093 + PORT_OFFSET,
                  mongo_port=27217 + PORT_OFFSET)
    infra.down()
    shutil.rmtree(infra.var, ignore_errors=True)
    infra.start_database()
    infra.start_kafka()
    yield infra
    infra.down()


@pytest.fixture(scope="session")
def kafka_admin(stack):
    admin = KafkaAdminClient(bootstrap_servers=f"127.0.0.1:{stack.kafka_port}", client_id="integration-tests")
    yield admin
    admin.close()


@pytest.fixture
def settings(stack, kafka_admin):
    """Settings of a throwaway service whose database is fresh for each test, and whose consumer group starts
    where the topics stand when the test starts."""
    name = f"it{uuid.uuid4().hex[:8]}"
    settings = Settings(
        service=name,
        secret_key=TEST_SECRET,
        mongo_url=stack.mongo_url,
        kafka_bootstrap=f"127.0.0.1:{stack.kafka_port}",
        mongo_db_prefix="test_",
        ports={name: 0},
    )
    _start_at_the_end(kafka_admin, name)
    return settings


def _start_at_the_end(admin: KafkaAdminClient, group: str) -> None:
    """Commit ``group`` at the end of every topic there is. The test's database is fresh: it holds none of the
    events earlier tests left on the session's broker, so its services must not replay them (a group that never
    committed starts at the beginning, as in production). Events the test publishes come after, and are read."""
    topics = [t for t in admin.list_topics() if not t.startswith("__")]
    ends = {TopicPartition(topic["name"], partition["partition_index"]): OffsetSpec.LATEST
            for topic in admin.describe_topics(topics) for partition in topic["partitions"]}
    if ends:
        failed = {tp: result["error"] for tp, result in _reset_offsets(admin, group, ends).items()
                  if result["error"] is not NoError}
        assert not failed, f"could not start {group} at the end of the topics: {failed}"


def _reset_offsets(admin: KafkaAdminClient, group: str, ends: dict, patience: float = 60.0) -> dict:
    """``reset_group_offsets``, tried again on a retriable error: a fresh broker has no group coordinator
    until its offsets topic exists (CoordinatorNotAvailable for the first group that asks)."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return admin.reset_group_offsets(group, ends)
        except KafkaError as error:
            if not error.retriable or time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@pytest.fixture
def database(settings):
    """mongoengine bound to the test's own database."""
    db.connect(settings)
    yield db.database()
    db.database().client.drop_database(settings.mongo_db)


@pytest.fixture(autouse=True)
def indexes_stopped(monkeypatch):
    """Stop every ranking index a test started (a matcher app or worker builds one, with threads that
    follow Kafka and read the database), and every matcher web's tail of notices: left running, they
    would keep querying into later tests."""
    from matcher import app as matcher_app
    from matcher import index as matcher_index

    started = []

    def start_index(*args, **kwargs):
        index = real(*args, **kwargs)
        started.append(index)
        return index

    def follow_notices(*args, **kwargs):  # the matcher web's tail of notices, stopped the same way
        tail = real_follow(*args, **kwargs)
        started.append(tail)
        return tail

    real, real_follow = matcher_index.start_index, matcher_app.follow_notices
    monkeypatch.setattr(matcher_index, "start_index", start_index)
    monkeypatch.setattr(matcher_app, "start_index", start_index)
    monkeypatch.setattr(matcher_app, "follow_notices", follow_notices)
    yield
    for index in started:
        index.stop()


@pytest.fixture(scope="session")
def ethics_web(stack, tmp_path_factory):
    """The ethics web app as production runs it (gunicorn, its own database, the session's Kafka), in its
    own process: the base URL the employers' dry run asks (``POST /api/v1/checks``)."""
    port, prefix = _free_port(), f"test_{uuid.uuid4().hex[:8]}_"
    env = {**os.environ, "LP_SECRET_KEY": TEST_SECRET, "LP_MONGO_URL": stack.mongo_url,
           "LP_KAFKA_BOOTSTRAP": f"127.0.0.1:{stack.kafka_port}", "LP_MONGO_DB_PREFIX": prefix,
           "LP_LOG_LEVEL": "WARNING"}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)  # one worker's own counts, read by the dry-run tests
    with open(tmp_path_factory.mktemp("ethics-web") / "ethics-web.log", "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4",
             "--worker-class", "gthread", "ethics.app:create_app()"], env=env, cwd=ROOT, stdout=log,
            stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        eventually(lambda: _ready(base) or process.poll() is not None, "the ethics web process", timeout=120)
        assert process.poll() is None, f"the ethics web process exited (see {log.name})"
        _register_test_recruiter(MongoClient(stack.mongo_url)[f"{prefix}ethics"])
        yield base
    finally:
        process.terminate()
        process.wait()
        MongoClient(stack.mongo_url).drop_database(f"{prefix}ethics")


def _register_test_recruiter(database) -> None:
    """The test documents' recruiter (``tests.documents``) in that ethics database's registry, active: a fair
    vacancy's dry run then passes instead of being flagged ``recruiter-unverified``."""
    database.recruiters.insert_one({"name": "Agencia X", "country": "CA", "licence": "ON-RA-1234",
                                    "licence_key": "ONRA1234", "status": "active", "valid_until": "",
                                    "source": "test registry", "history": [], "revision": 0})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ready(base: str) -> bool:
    try:
        return requests.get(f"{base}/readyz", timeout=5).status_code == 200
    except requests.RequestException:
        return False
