"""Fakes of the kernel's ports, for unit tests (never in integration tests)."""

from __future__ import annotations

from dataclasses import dataclass, field

from services.events import Envelope


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


class MemoryCredentials:
    """services.credentials' store in a dict: versions and open sessions per account key."""

    def __init__(self):
        from services.credentials import State

        self._state, self.states = State, {}

    def state(self, key):
        return self.states.get(key) or self._state()

    def open_session(self, key, expires_at):
        import secrets

        current, session_id = self.state(key), secrets.token_hex(16)
        self.states[key] = self._state(current.version, {**current.sessions, session_id: expires_at})
        return session_id, current.version

    def close_session(self, key, session_id):
        current = self.state(key)
        self.states[key] = self._state(current.version,
                                       {k: v for k, v in current.sessions.items() if k != session_id})

    def forget(self, key):
        self.states.pop(key, None)

    def end_all(self, key, keep_session=None):
        current = self.state(key)
        kept = {k: v for k, v in current.sessions.items() if k == keep_session}
        self.states[key] = self._state(current.version + 1, kept)
        return current.version + 1


@dataclass
class OutboxWrite:
    """One call of ``services.outbox.write`` as an ``OutboxSpy`` kept it."""

    document_class: type
    filter: dict
    update: dict
    events: list  # as ``services.events.Envelope``

    def event_types(self) -> list[str]:
        return [event.type for event in self.events]


@dataclass
class OutboxSpy:
    """Stands in for ``services.outbox.write`` (``monkeypatch.setattr(outbox, "write", spy)``): keeps each
    write and answers ``matched``. A service that wrote its state or events another way would not be seen
    here (and, with no database in unit tests, would fail)."""

    matched: bool = True
    writes: list = field(default_factory=list)

    def __call__(self, document_class, filter_, update, events=()):
        kept = [e if isinstance(e, Envelope) else Envelope.from_stored(e) for e in events]
        self.writes.append(OutboxWrite(document_class, filter_, update, kept))
        return self.matched
