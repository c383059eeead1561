"""Following topics from every process that keeps something in memory: no consumer group, never a commit.

A consumer group shares partitions out, so each event reaches one process
of a service. An in-memory read model (the matcher's ranking index, the
workers' cache of matches) must see every event in every process instead:
``TopicTail`` assigns itself every partition of its topics and calls
``handle(topic, envelope)`` for each message, in partition order.

Where it starts:

- ``"latest"``: from now on (a cache that was empty a moment ago);
- ``"committed:<group>"``: from the offsets that consumer group committed,
  read when ``position()`` is called. Everything before them is already in
  that group's database, so a process that loads the database after
  ``position()`` and then replays from there misses nothing (handlers must
  be idempotent: some events are both in the database and replayed).

A handler that raises is logged and the tail moves on: the group's own
consumer, not the tail, dead-letters bad events. Kafka going away is waited
out, resuming from the last offsets handled.
"""

from __future__ import annotations

import logging
import threading
import time

from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

from services.config import Settings
from services.events import Envelope, MalformedEvent
from services.kafka import client_options

log = logging.getLogger(__name__)

COMMITTED = "committed:"


class TopicTail:
    """A daemon thread calling ``handle(topic, envelope)`` for every message of ``topics``, in every process."""

    def __init__(self, settings: Settings, topics, handle, start: str = "latest", name: str = "tail",
                 poll_ms: int = 200, retry_seconds: float = 2.0):
        self.settings = settings
        self.topics = tuple(topics)
        self.handle = handle
        self.start_at = start
        self.name = name
        self.poll_ms = poll_ms
        self.retry_seconds = retry_seconds
        self.caught_up = threading.Event()  # set once the offsets that were last at ``position()`` are read
        self.handled = 0
        self._next: dict[TopicPartition, int] = {}
        self._targets: dict[TopicPartition, int] = {}
        self._consumer: KafkaConsumer | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ life cycle

    def position(self, stop: threading.Event | None = None) -> dict:
        """Decide where the tail starts (waiting for Kafka and the topics); returns ``{TopicPartition: offset}``.

        Call it before loading whatever the tail keeps current; ``start()`` calls it if nobody did.
        """
        stop = stop or self._stop
        while not stop.is_set():
            try:
                self._position()
                return dict(self._next)
            except (KafkaError, TopicsMissing) as exc:
                log.info("%s waits for Kafka (%s)", self.name, exc)
                self._close()
                stop.wait(self.retry_seconds)
        return {}

    def start(self) -> TopicTail:
        """Follow the topics in a daemon thread from the position decided by ``position()``."""
        self._thread = threading.Thread(target=self.run, args=(self._stop,), name=self.name, daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def run(self, stop: threading.Event) -> None:
        """Poll and handle until ``stop`` is set, waiting out Kafka outages; closes the consumer."""
        try:
            if not self._next:
                self.position(stop)
            while not stop.is_set():
                try:
                    self.poll_once()
                except KafkaError as exc:
                    log.warning("%s lost Kafka (%s); resuming in %.1fs", self.name, exc, self.retry_seconds)
                    self._close()
                    stop.wait(self.retry_seconds)
        finally:
            self._close()

    # ------------------------------------------------------------------ work

    def poll_once(self) -> int:
        """Handle one poll's messages; returns how many."""
        consumer = self._connected()
        batches = consumer.poll(timeout_ms=self.poll_ms)
        count = 0
        for tp, records in batches.items():
            for record in records:
                self._handle(record)
                self._next[tp] = record.offset + 1
                count += 1
        self.handled += count
        if not self.caught_up.is_set() and all(consumer.position(tp) >= end for tp, end in self._targets.items()):
            self.caught_up.set()
            log.info("%s caught up with %s", self.name, ", ".join(self.topics))
        return count

    def _handle(self, record) -> None:
        try:
            envelope = Envelope.from_bytes(record.value)
        except MalformedEvent as exc:
            log.warning("%s skips a malformed message at %s@%d: %s", self.name, record.topic, record.offset, exc)
            return
        try:
            self.handle(record.topic, envelope)
        except Exception:  # noqa: BLE001 - the group's consumer dead-letters bad events; the tail must go on
            log.exception("%s could not apply event %s of %s", self.name, envelope.id, record.topic)

    # ------------------------------------------------------------------ Kafka

    def _position(self) -> None:
        consumer = self._new_consumer()
        partitions = self._partitions(consumer)
        consumer.assign(partitions)
        self._targets = consumer.end_offsets(partitions)
        if self.start_at.startswith(COMMITTED):
            committed = self._committed(self.start_at[len(COMMITTED):], partitions)
            starts = {tp: committed.get(tp, 0) for tp in partitions}
        elif self.start_at == "latest":
            starts = dict(self._targets)
        else:
            raise ValueError(f"unknown start {self.start_at!r}")
        for tp, offset in starts.items():
            consumer.seek(tp, offset)
        self._next = starts
        self._consumer = consumer
        if all(starts[tp] >= end for tp, end in self._targets.items()):
            self.caught_up.set()

    def _connected(self) -> KafkaConsumer:
        """The consumer, rebuilt at the offsets handled so far after an outage."""
        if self._consumer is None:
            consumer = self._new_consumer()
            consumer.assign(list(self._next))
            for tp, offset in self._next.items():
                consumer.seek(tp, offset)
            self._consumer = consumer
        return self._consumer

    def _new_consumer(self) -> KafkaConsumer:
        return KafkaConsumer(**client_options(self.settings), group_id=None, enable_auto_commit=False,
                             client_id=f"{self.settings.service}-{self.name}", auto_offset_reset="earliest")

    def _partitions(self, consumer: KafkaConsumer) -> list[TopicPartition]:
        partitions = []
        for topic in self.topics:
            found = consumer.partitions_for_topic(topic)
            if not found:
                raise TopicsMissing(f"topic {topic} has no partitions yet")
            partitions += [TopicPartition(topic, p) for p in sorted(found)]
        return partitions

    def _committed(self, group: str, partitions) -> dict:
        """The offsets ``group`` committed (a consumer named by the group reads them without joining it)."""
        reader = KafkaConsumer(**client_options(self.settings), group_id=group, enable_auto_commit=False,
                               client_id=f"{self.settings.service}-{self.name}-offsets")
        try:
            found = {tp: reader.committed(tp) for tp in partitions}
        finally:
            reader.close(autocommit=False)
        return {tp: offset for tp, offset in found.items() if offset is not None and offset >= 0}

    def _close(self) -> None:
        consumer, self._consumer = self._consumer, None
        if consumer is not None:
            try:
                consumer.close(autocommit=False)
            except Exception:  # noqa: BLE001 - closing a consumer whose broker is gone may fail in any way
                log.debug("%s: consumer did not close cleanly", self.name, exc_info=True)


class TopicsMissing(RuntimeError):
    """A topic the tail follows does not exist yet (the services' workers create them at start)."""


def wait_caught_up(tail: TopicTail, timeout: float) -> bool:
    """Whether ``tail`` caught up within ``timeout`` seconds (for start-up readiness and tests)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if tail.caught_up.wait(0.1):
            return True
    return tail.caught_up.is_set()
