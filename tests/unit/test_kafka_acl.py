"""The ACL table (services/kafka_acl.py) against the code it describes, and the Kafka client settings."""

from __future__ import annotations

import importlib
import stat

import pytest

from deploy import kafka_auth
from deploy.stack import Stack
from services.config import ConfigError, Settings, kafka_from_env
from services.events import (
    MATCHES_UPDATED,
    TOPICS,
    VACANCY_CLOSED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    dlq_topic,
)
from services.kafka import client_options
from services.kafka_acl import ROUTES, SERVICES, acls, grants


def test_every_topic_has_one_writer_and_is_in_the_table():
    assert set(ROUTES) == set(TOPICS)
    assert {writer for writer, _ in ROUTES.values()} <= set(SERVICES)


@pytest.mark.parametrize("service", SERVICES)
def test_the_readers_are_what_each_worker_handles_and_each_web_process_follows(service):
    handlers = importlib.import_module(f"{service}.worker").HANDLERS
    followed = getattr(importlib.import_module(f"{service}.app"), "FOLLOWED", ())
    assert {topic for topic, (_, readers) in ROUTES.items() if service in readers} == set(handlers) | set(followed)


def test_the_workers_service_reads_the_vacancy_verdicts_and_the_notices_but_cannot_write_them():
    granted = set(grants("workers"))
    for topic in (VACANCY_SUBMITTED, VACANCY_REVIEWED, VACANCY_CLOSED, MATCHES_UPDATED):
        assert ("TOPIC", topic, "READ") in granted and ("TOPIC", topic, "WRITE") not in granted


@pytest.mark.parametrize("service", SERVICES)
def test_a_service_writes_its_own_topics_and_the_dead_letters_of_what_it_reads(service):
    writes = {name for kind, name, operation in grants(service) if operation == "WRITE"}
    reads = {name for kind, name, operation in grants(service) if operation == "READ" and kind == "TOPIC"}
    own = {topic for topic, (writer, _) in ROUTES.items() if writer == service}
    assert writes == own | {dlq_topic(topic) for topic in reads}
    assert ("GROUP", service, "READ") in grants(service)


def test_only_ethics_may_write_verdicts():
    writers = {acl.principal for acl in acls()
               if acl.resource_pattern.resource_name == VACANCY_REVIEWED and acl.operation.name == "WRITE"}
    assert writers == {"User:ethics"}


def test_plaintext_unless_a_user_is_set():
    assert kafka_from_env({})["kafka_security_protocol"] == "PLAINTEXT"
    assert client_options(Settings(service="x")) == {"bootstrap_servers": ["127.0.0.1:9092"]}


def test_a_user_turns_on_sasl_scram_for_every_client():
    fields = kafka_from_env({"LP_KAFKA_BOOTSTRAP": "kafka:9092", "LP_KAFKA_USERNAME": "ethics",
                             "LP_KAFKA_PASSWORD": "pw-9f2c"})
    options = client_options(Settings(service="ethics", **fields))
    assert options == {"bootstrap_servers": ["kafka:9092"], "security_protocol": "SASL_PLAINTEXT",
                       "sasl_mechanism": "SCRAM-SHA-512", "sasl_plain_username": "ethics",
                       "sasl_plain_password": "pw-9f2c"}
    assert "pw-9f2c" not in repr(Settings(service="ethics", **fields))


def test_sasl_without_a_password_is_a_configuration_error():
    with pytest.raises(ConfigError, match="LP_KAFKA_PASSWORD"):
        kafka_from_env({"LP_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "LP_KAFKA_USERNAME": "ethics"})


def test_local_passwords_are_made_once_and_private(tmp_path):
    path = tmp_path / "var" / "kafka-credentials.json"
    first = kafka_auth.passwords(path, ["admin", "ethics"])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert kafka_auth.passwords(path, ["admin", "ethics"]) == first
    assert len(set(first.values())) == 2 and all(len(p) >= 32 for p in first.values())


def test_the_scram_stack_gives_each_service_its_own_user(tmp_path):
    stack = Stack(var=tmp_path, kafka_auth="scram")
    assert stack.kafka_env("workers")["LP_KAFKA_USERNAME"] == "workers"
    assert stack.kafka_env("workers")["LP_KAFKA_PASSWORD"] != stack.kafka_env("ethics")["LP_KAFKA_PASSWORD"]
    properties = "\n".join(stack.kafka_listener_properties())
    assert "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer" in properties
    assert "allow.everyone.if.no.acl.found=false" in properties
    assert Stack(var=tmp_path).kafka_env("workers") == {}
