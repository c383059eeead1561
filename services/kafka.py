"""Kafka plumbing shared by every service: topic creation and the publisher."""

from __future__ import annotations

import logging
import socket
import time

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import (
    ClusterAuthorizationFailedError,
    KafkaError,
    TopicAlreadyExistsError,
    TopicAuthorizationFailedError,
)

from services.config import Settings
from services.events import ALL_TOPICS, Envelope

log = logging.getLogger(__name__)
# How long a starting process waits for the topics it needs to have leaders before it goes on regardless.
TOPICS_READY_SECONDS = 15.0

DEFAULT_PARTITIONS = 3


def kafka_reachable(settings: Settings, timeout: float = 1.0) -> bool:
    """True when a TCP connection to some bootstrap server succeeds."""
    for server in settings.kafka_servers:
        host, _, port = server.rpartition(":")
        try:
            with socket.create_connection((host or "127.0.0.1", int(port)), timeout=timeout):
                return True
        except OSError:
            continue
    return False


def client_options(settings: Settings) -> dict:
    """The connection options of every kafka-python client of ``settings``: SASL when a user is set."""
    options = {"bootstrap_servers": settings.kafka_servers}
    if settings.kafka_security_protocol != "PLAINTEXT":
        options.update(security_protocol=settings.kafka_security_protocol,
                       sasl_mechanism=settings.kafka_sasl_mechanism,
                       sasl_plain_username=settings.kafka_username,
                       sasl_plain_password=settings.kafka_password)
    return options


def new_topic(settings: Settings, name: str, partitions: int = DEFAULT_PARTITIONS) -> NewTopic:
    """A topic as the settings want it: on a cluster of three, three replicas of which two must take a write."""
    return NewTopic(name, partitions, settings.kafka_replication_factor,
                    topic_configs={"min.insync.replicas": str(settings.kafka_min_insync_replicas)})


def group_members(settings: Settings) -> int | None:
    """How many members the broker counts in the service's consumer group; None when it cannot say."""
    try:
        admin = KafkaAdminClient(**client_options(settings), client_id=f"{settings.service}-watch")
    except KafkaError:
        return None
    try:
        return len(admin.describe_groups([settings.service])[settings.service]["members"])
    except (KafkaError, KeyError, TypeError):
        return None
    finally:
        admin.close()


def ensure_topics(settings: Settings, topics=ALL_TOPICS, partitions: int = DEFAULT_PARTITIONS) -> None:
    """Create the contract topics and their dead-letter topics if missing."""
    admin = KafkaAdminClient(**client_options(settings), client_id=f"{settings.service}-admin")
    try:
        # Under ACLs a service sees only the topics it may use, and may create none: the
        # administrator's setup (services.kafka_acl) created them all before any service started.
        existing = set(admin.list_topics())
        missing = [new_topic(settings, t, partitions) for t in topics if t not in existing]
        if missing:
            try:
                admin.create_topics(missing)
                log.info("created topics %s", ", ".join(t.name for t in missing))
                existing.update(t.name for t in missing)
            except TopicAlreadyExistsError:
                # Another process created them between our look and our create.
                existing.update(t.name for t in missing)
            except (TopicAuthorizationFailedError, ClusterAuthorizationFailedError):
                log.info("not allowed to create topics (ACLs): leaving that to the administrator")
        wait_for_leaders(admin, [t for t in topics if t in existing])
    finally:
        admin.close()


def wait_for_leaders(admin: KafkaAdminClient, topics: list[str], timeout: float = TOPICS_READY_SECONDS) -> bool:
    """Wait until the cluster's metadata gives every partition of these topics a leader; False on timeout.

    The controller knows a new topic before every broker does: a consumer that subscribed then was told
    "Topic ... not found in cluster metadata" (an ERROR line per topic at each cold start).
    """
    deadline = time.monotonic() + timeout
    while True:
        pending = [t["name"] for t in admin.describe_topics(topics) if not _led(t)] if topics else []
        if not pending:
            return True
        if time.monotonic() >= deadline:
            log.warning("topics without a leader after %.0f s: %s", timeout, ", ".join(sorted(pending)))
            return False
        time.sleep(0.2)


def _led(topic: dict) -> bool:
    """True when a topic's metadata has no error and a leader for each of its partitions.

    A partition's own error is not looked at: with a replica's broker down it says so (9) but is led.
    """
    partitions = topic.get("partitions") or []
    return topic.get("error_code") == 0 and bool(partitions) and all(p.get("leader_id", -1) >= 0 for p in partitions)


class Publisher:
    """Sends envelopes to their topic, keyed by subject, acknowledged by all replicas."""

    def __init__(self, settings: Settings, **overrides):
        self._settings = settings
        self._overrides = overrides
        self._producer: KafkaProducer | None = None

    def _ensure_producer(self) -> KafkaProducer:
        # Created lazily: a producer cannot be built while the broker is down,
        # and the outbox relay must survive that and try again later.
        if self._producer is None:
            config = dict(
                **client_options(self._settings),
                client_id=f"{self._settings.service}-publisher",
                acks="all",
                # Idempotence lets the client retry until delivery_timeout_ms
                # without writing a message twice.
                enable_idempotence=True,
                delivery_timeout_ms=30000,
                linger_ms=5,
                max_block_ms=5000,
                request_timeout_ms=10000,
            )
            config.update(self._overrides)
            self._producer = KafkaProducer(**config)
        return self._producer

    def send(self, envelope: Envelope):
        """Queue one envelope; returns the send future."""
        return self._ensure_producer().send(
            envelope.topic, key=envelope.subject.encode(), value=envelope.to_bytes()
        )

    def send_raw(self, topic: str, key: bytes | None, value: bytes | None, headers=None):
        """Queue raw bytes (the dead-letter path keeps the original message as is)."""
        return self._ensure_producer().send(topic, key=key, value=value, headers=headers or [])

    def publish(self, envelopes, timeout: float = 15.0) -> None:
        """Send a batch and wait until every message is acknowledged.

        One flush per batch, never per message: waiting on each future
        costs two orders of magnitude in throughput.
        """
        futures = [self.send(e) for e in envelopes]
        deadline = time.monotonic() + timeout
        try:
            for future in futures:
                future.get(timeout=max(0.0, deadline - time.monotonic()))
        except KafkaError:
            # A producer that timed out can stay wedged after a broker restart (kafka-python 3.0
            # waited forever in flush() in the broker-kill test): the next batch gets a new one.
            self._abandon()
            raise

    def flush(self, timeout: float = 15.0) -> None:
        if self._producer is not None:
            self._producer.flush(timeout=timeout)

    def _abandon(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            try:
                producer.close(timeout=0)
            except Exception:  # noqa: BLE001 - a wedged producer may fail to close in any way
                log.warning("abandoned a producer that did not close", exc_info=True)

    def close(self) -> None:
        if self._producer is not None:
            try:
                self._producer.close(timeout=5)
            except KafkaError:
                log.warning("producer did not close cleanly", exc_info=True)
            self._producer = None
