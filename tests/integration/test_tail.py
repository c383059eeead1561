"""``services.tail.TopicTail`` on a real broker: where it starts, and that it sees every partition."""

from __future__ import annotations

import threading
import uuid

from kafka import KafkaConsumer, TopicPartition
from kafka.structs import OffsetAndMetadata

from services.events import WORKER_PROFILE_UPDATED, new_event
from services.kafka import Publisher, client_options, ensure_topics
from services.tail import TopicTail, wait_caught_up
from tests.integration.helpers import eventually

TOPIC = WORKER_PROFILE_UPDATED


def events(tag: str, n: int) -> list:
    # Distinct subjects, so the events spread over the topic's partitions.
    return [new_event(TOPIC, "test", f"{tag}-{i}", {"n": i}) for i in range(n)]


def publish(settings, batch) -> None:
    publisher = Publisher(settings)
    try:
        publisher.publish(batch)
    finally:
        publisher.close()


def follow(settings, start: str, tag: str) -> tuple[TopicTail, list]:
    seen: list = []
    lock = threading.Lock()

    def handle(topic, envelope):
        if envelope.subject.startswith(tag):
            with lock:
                seen.append(envelope.subject)

    tail = TopicTail(settings, [TOPIC], handle, start=start, poll_ms=100)
    tail.position()
    return tail.start(), seen


def test_latest_sees_only_what_comes_after_it_and_every_partition(settings):
    ensure_topics(settings)
    tag = uuid.uuid4().hex[:8]
    publish(settings, events(f"{tag}-before", 3))
    tail, seen = follow(settings, "latest", tag)
    try:
        assert wait_caught_up(tail, 30)
        publish(settings, events(f"{tag}-after", 12))
        eventually(lambda: len(seen) >= 12, "the twelve new events")
        assert sorted(seen) == sorted(f"{tag}-after-{i}" for i in range(12))
    finally:
        tail.stop()


def test_committed_starts_where_the_group_stopped(settings):
    ensure_topics(settings)
    tag, group = uuid.uuid4().hex[:8], f"g{uuid.uuid4().hex[:8]}"
    handled = events(f"{tag}-handled", 4)
    publish(settings, handled)
    # The group handled everything up to here: commit the end offsets of every partition.
    consumer = KafkaConsumer(**client_options(settings), group_id=group, enable_auto_commit=False)
    partitions = [TopicPartition(TOPIC, p) for p in consumer.partitions_for_topic(TOPIC)]
    consumer.commit({tp: OffsetAndMetadata(end, "", -1) for tp, end in consumer.end_offsets(partitions).items()})
    consumer.close(autocommit=False)
    pending = events(f"{tag}-pending", 5)
    publish(settings, pending)
    tail, seen = follow(settings, f"committed:{group}", tag)
    try:
        assert wait_caught_up(tail, 30)
        eventually(lambda: len(seen) >= 5, "the five events the group had not handled")
        assert sorted(seen) == sorted(e.subject for e in pending)
    finally:
        tail.stop()


def test_a_group_that_never_committed_replays_from_the_beginning(settings):
    ensure_topics(settings)
    tag = uuid.uuid4().hex[:8]
    publish(settings, events(tag, 3))
    tail, seen = follow(settings, f"committed:never-{tag}", tag)
    try:
        eventually(lambda: len(seen) >= 3, "the events published before the tail started")
        assert tail.handled >= 3
    finally:
        tail.stop()
