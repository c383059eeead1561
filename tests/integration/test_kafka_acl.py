"""Kafka with SCRAM users and the ACL table (services/kafka_acl.py), as `LP_KAFKA_AUTH=scram make up` runs it.

The broker is this module's own, formatted with the services' SCRAM users
and given the ACLs by the same step as production's; its ports are moved by
``LP_TEST_PORT_OFFSET`` like the session's, its data lives under var/.
"""

from __future__ import annotations

import shutil
import stat

import pytest
from kafka import KafkaConsumer, KafkaProducer
from kafka.errors import GroupAuthorizationFailedError, KafkaTimeoutError, TopicAuthorizationFailedError

from deploy.stack import ROOT, Stack
from services.config import Settings, kafka_from_env
from services.events import (
    MATCHES_UPDATED,
    OFFER_SUBMITTED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    WORKER_PROFILE_UPDATED,
    dlq_topic,
    new_event,
)
from services.kafka import Publisher, client_options
from services.tail import TopicTail
from tests.integration.conftest import TEST_SECRET
from tests.integration.helpers import PORT_OFFSET, eventually
from workers.app import FOLLOWED


@pytest.fixture(scope="module")
def scram_stack():
    infra = Stack(var=ROOT / "var" / "test-scram", kafka_port=19142 + PORT_OFFSET,
                  controller_port=19143 + PORT_OFFSET, kafka_auth="scram")
    infra.down()
    shutil.rmtree(infra.var, ignore_errors=True)
    infra.start_kafka()
    yield infra
    infra.down()


def as_user(stack: Stack, user: str) -> Settings:
    """Settings of a process of ``user``, from the environment the stack gives it."""
    env = {"LP_KAFKA_BOOTSTRAP": f"127.0.0.1:{stack.kafka_port}", **stack.kafka_env(user)}
    return Settings(service=user, secret_key=TEST_SECRET, **kafka_from_env(env))


def produce(settings: Settings, topic: str) -> None:
    """Publish one event to ``topic`` with ``settings``' credentials; raises what the broker answers."""
    publisher = Publisher(settings)
    try:
        publisher.publish([new_event(topic, settings.service, "acl-test", {"verdict": "pass"})])
    finally:
        publisher.close()


def test_the_workers_service_cannot_forge_a_verdict(scram_stack):
    with pytest.raises(TopicAuthorizationFailedError):
        produce(as_user(scram_stack, "workers"), VACANCY_REVIEWED)


def test_the_ethics_service_publishes_verdicts(scram_stack):
    produce(as_user(scram_stack, "ethics"), VACANCY_REVIEWED)


def test_the_workers_service_publishes_its_own_topic(scram_stack):
    produce(as_user(scram_stack, "workers"), WORKER_PROFILE_UPDATED)


def test_a_consumer_dead_letters_only_the_topics_it_reads(scram_stack):
    ethics = as_user(scram_stack, "ethics")
    dead_letter(ethics, dlq_topic(VACANCY_SUBMITTED))
    with pytest.raises(TopicAuthorizationFailedError):
        dead_letter(ethics, dlq_topic(MATCHES_UPDATED))


def test_a_consumer_reads_its_topics_in_its_own_group_only(scram_stack):
    ethics = as_user(scram_stack, "ethics")
    produce(as_user(scram_stack, "employers"), OFFER_SUBMITTED)
    assert _first_record(ethics, OFFER_SUBMITTED, group="ethics").topic == OFFER_SUBMITTED
    with pytest.raises(GroupAuthorizationFailedError):
        _first_record(ethics, OFFER_SUBMITTED, group="employers")


def test_a_workers_web_process_follows_the_notices_and_the_verdicts_without_a_group(scram_stack):
    received = []
    tail = TopicTail(as_user(scram_stack, "workers"), FOLLOWED, lambda topic, _event: received.append(topic),
                     start="latest", name="acl-tail")
    tail.start()
    try:
        # Positioned: it could list the topics' partitions and end offsets (Describe, granted with Read).
        eventually(tail.caught_up.is_set, "the tail to find its topics")
        produce(as_user(scram_stack, "matcher"), MATCHES_UPDATED)
        produce(as_user(scram_stack, "ethics"), VACANCY_REVIEWED)
        eventually(lambda: {MATCHES_UPDATED, VACANCY_REVIEWED} <= set(received), "the notice and the verdict")
    finally:
        tail.stop()


def test_a_client_without_credentials_is_refused(scram_stack):
    # Without SASL the broker answers nothing but the handshake: the client never gets metadata.
    with pytest.raises(KafkaTimeoutError, match="Unable to bootstrap"):
        KafkaProducer(bootstrap_servers=[f"127.0.0.1:{scram_stack.kafka_port}"], bootstrap_timeout_ms=3000)


def test_the_passwords_file_is_private(scram_stack):
    mode = (scram_stack.var / "kafka-credentials.json").stat().st_mode
    assert stat.S_IMODE(mode) == 0o600


def dead_letter(settings: Settings, topic: str) -> None:
    """Write one raw message to ``topic`` as the consumer loop's dead-letter path does."""
    publisher = Publisher(settings)
    try:
        publisher.send_raw(topic, b"acl-test", b"not an envelope").get(timeout=15)
    finally:
        publisher.close()


def _first_record(settings: Settings, topic: str, group: str):
    """The first record of ``topic`` read in consumer group ``group``; raises the broker's refusal."""
    consumer = KafkaConsumer(topic, **client_options(settings), group_id=group, auto_offset_reset="earliest",
                             enable_auto_commit=False)
    try:
        for _ in range(60):
            for records in consumer.poll(timeout_ms=500).values():
                return records[0]
        raise AssertionError(f"nothing read from {topic}")
    finally:
        consumer.close(autocommit=False)
