"""Small helpers for tests that talk to the real broker."""

from __future__ import annotations

import os
import time
import uuid

from kafka import KafkaConsumer

from services.events import Envelope

# Every fixed test port is moved up by this much, so that two checkouts on
# one machine can run their integration tests at the same time.
PORT_OFFSET = int(os.environ.get("LP_TEST_PORT_OFFSET", "0"))


def eventually(check, what: str, timeout: float = 60.0, interval: float = 0.2):
    """Poll ``check`` until it returns something truthy; fail naming ``what``.

    The timeout bounds a hang; it is not a speed requirement.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"gave up waiting for {what} after {timeout:.0f}s")


def unique_topic(prefix: str = "it") -> str:
    return f"{prefix}.{uuid.uuid4().hex[:10]}"


def read_topic(settings, topic: str, expected: int, timeout: float = 60.0, headers: bool = False):
    """Read ``topic`` from the beginning until ``expected`` records arrived (or time ran out)."""
    consumer = KafkaConsumer(topic, bootstrap_servers=settings.kafka_servers, group_id=None,
                             auto_offset_reset="earliest", enable_auto_commit=False)
    records = []
    deadline = time.monotonic() + timeout
    try:
        while len(records) < expected and time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend(batch)
        # One more short poll catches anything past the expected count.
        for batch in consumer.poll(timeout_ms=1000).values():
            records.extend(batch)
    finally:
        consumer.close()
    return records


def envelopes(records) -> list[Envelope]:
    return [Envelope.from_bytes(r.value) for r in records]
