"""Fakes of the kernel's ports, for unit tests (never in integration tests)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FakeRecord:
    """What kafka-python's ConsumerRecord offers the loop."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


@dataclass
class FakeConsumer:
    """Hands out prepared batches, remembers commits and seeks."""

    batches: list = field(default_factory=list)
    commits: list = field(default_factory=list)
    seeks: list = field(default_factory=list)
    closed: bool = False

    def poll(self, timeout_ms=0):
        return self.batches.pop(0) if self.batches else {}

    def commit(self, offsets):
        self.commits.append({tp: meta.offset for tp, meta in offsets.items()})

    def seek(self, tp, offset):
        self.seeks.append((tp, offset))

    def close(self, autocommit=True):
        self.closed = True


@dataclass
class FakePublisher:
    """Keeps what would have gone to Kafka."""

    sent: list = field(default_factory=list)
    flushes: int = 0

    def send_raw(self, topic, key, value, headers=None):
        self.sent.append((topic, key, value, dict(headers or [])))

    def flush(self, timeout=None):
        self.flushes += 1


class MemoryLedger:
    """The handled-events ledger as a set."""

    def __init__(self):
        self.ids = set()

    def seen_many(self, event_ids):
        return self.ids & set(event_ids)

    def mark_many(self, event_ids):
        self.ids.update(event_ids)
