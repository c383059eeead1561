"""Integration tests run against a real Apache Kafka broker and a real database (SecantusDB).

The session starts both on ports of their own (19092 and 27217, moved up by
``LP_TEST_PORT_OFFSET`` so that two checkouts can test side by side), with
data under var/test/, so a `make up` stack on the default ports is left alone.
"""

from __future__ import annotations

import shutil
import uuid

import pytest

from deploy.stack import ROOT, Stack
from services import db
from services.config import Settings
from tests.integration.helpers import PORT_OFFSET

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


@pytest.fixture
def settings(stack):
    """Settings of a throwaway service whose database is fresh for each test."""
    name = f"it{uuid.uuid4().hex[:8]}"
    return Settings(
        service=name,
        secret_key=TEST_SECRET,
        mongo_url=stack.mongo_url,
        kafka_bootstrap=f"127.0.0.1:{stack.kafka_port}",
        mongo_db_prefix="test_",
        ports={name: 0},
    )


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
