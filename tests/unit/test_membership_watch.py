"""A consumer that lost its group is noticed (``MembershipWatch``) and replaced by the worker."""

from __future__ import annotations

import threading

import pytest
from kafka.structs import TopicPartition

from services import worker
from services.config import Settings
from services.consumer import ConsumerLoop, ConsumerStuck, MembershipWatch
from services.events import Envelope
from tests.fakes import FakeConsumer, FakePublisher, FakeRecord, MemoryLedger


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def watch_with(members: list, clock: Clock, seconds: float = 120) -> tuple[MembershipWatch, list]:
    asked = []

    def count():
        asked.append(clock.now)
        return members.pop(0)

    return MembershipWatch(count, seconds, clock), asked


def test_a_quiet_consumer_whose_group_has_no_member_is_stuck():
    clock = Clock()
    watch, asked = watch_with([0], clock)
    clock.now = 119
    watch.check(0)
    assert asked == []  # not quiet long enough to ask
    clock.now = 121
    with pytest.raises(ConsumerStuck, match="no member"):
        watch.check(0)
    assert asked == [121]


def test_the_broker_is_asked_at_most_once_a_period_and_messages_reset_the_quiet():
    clock = Clock()
    watch, asked = watch_with([1, None, 1], clock)
    for clock.now in (121, 150, 200, 241.5, 300):
        watch.check(0)  # one member (this one), then the broker cannot say: never stuck
    assert asked == [121, 241.5]
    clock.now = 310
    watch.check(3)  # messages: not quiet
    clock.now = 400
    watch.check(0)
    assert asked == [121, 241.5]  # 90 s quiet only
    clock.now = 431
    watch.check(0)
    assert asked == [121, 241.5, 431]


def test_the_loop_ends_on_a_stuck_consumer_and_closes_it():
    consumer = FakeConsumer(batches=[])
    watch = MembershipWatch(lambda: 0, 0.0)
    loop = ConsumerLoop(consumer, {"t": lambda e: None}, MemoryLedger(), FakePublisher(), watch=watch)
    with pytest.raises(ConsumerStuck):
        loop.run(threading.Event())
    assert consumer.closed


def test_the_worker_replaces_a_stuck_consumer_and_the_new_one_handles_the_messages(monkeypatch):
    stop, seen = threading.Event(), []
    tp = TopicPartition("t", 0)
    message = Envelope(type="t", source="test", subject="s1", payload={})
    zombie, fresh = FakeConsumer(batches=[]), FakeConsumer(batches=[{tp: [FakeRecord("t", 0, 0, b"k",
                                                                                      message.to_bytes())]}])
    built = [zombie, fresh]
    members = iter([0])  # the zombie's group has no member; the fresh consumer gets a message at once
    monkeypatch.setattr(worker, "build_consumer", lambda *args: built.pop(0))
    monkeypatch.setattr(worker, "group_members", lambda settings: next(members))
    monkeypatch.setattr(worker, "EventLedger", lambda group: MemoryLedger())

    def handle(envelope):
        seen.append(envelope.subject)
        stop.set()

    settings = Settings(service="test", secret_key="k" * 32, consumer_stuck_seconds=0.0)
    worker._consume(settings, {"t": handle}, FakePublisher(), stop)
    assert seen == ["s1"] and zombie.closed and fresh.closed and built == []
