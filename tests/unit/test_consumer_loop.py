"""The consumer loop's delivery rules, with a fake consumer and publisher."""

import pytest
from kafka.structs import TopicPartition
from pymongo.errors import ServerSelectionTimeoutError

from services.consumer import ConsumerLoop
from services.events import Envelope
from tests.fakes import FakeConsumer, FakePublisher, FakeRecord, MemoryLedger

TOPIC = "vacancy.submitted"
TP = TopicPartition(TOPIC, 0)


def record(offset, envelope=None, value=None):
    raw = envelope.to_bytes() if envelope else value
    return FakeRecord(TOPIC, 0, offset, b"key", raw)


def event(subject="v1"):
    return Envelope(type=TOPIC, source="test", subject=subject, payload={"n": subject})


def make_loop(batches, handler):
    consumer = FakeConsumer(batches=[{TP: batch} for batch in batches])
    loop = ConsumerLoop(consumer, {TOPIC: handler}, MemoryLedger(), FakePublisher(), max_attempts=3, retry_delay=0)
    return loop, consumer


def test_handles_and_commits_after_the_handler():
    seen = []
    loop, consumer = make_loop([[record(0, event("a")), record(1, event("b"))]], lambda e: seen.append(e.subject))
    loop.poll_once()
    assert seen == ["a", "b"]
    assert consumer.commits == [{TP: 2}]


def test_same_event_twice_is_acted_on_once():
    seen = []
    same = event("a")
    loop, consumer = make_loop([[record(0, same)], [record(1, same)]], lambda e: seen.append(e.id))
    loop.poll_once()
    loop.poll_once()
    assert seen == [same.id]
    assert loop.outcome.duplicates == 1
    assert consumer.commits == [{TP: 1}, {TP: 2}]


def test_poison_message_goes_to_dlq_after_retries_and_the_next_is_handled():
    attempts, seen = [], []

    def handler(e):
        if e.subject == "bad":
            attempts.append(1)
            raise ValueError("cannot handle")
        seen.append(e.subject)

    loop, consumer = make_loop([[record(0, event("bad")), record(1, event("good"))]], handler)
    loop.poll_once()
    assert len(attempts) == 3
    assert seen == ["good"]
    topic, key, _value, headers = loop.dead_letters.sent[0]
    assert (topic, key) == ("vacancy.submitted.dlq", b"key")
    assert b"ValueError" in headers["error"]
    assert consumer.commits == [{TP: 2}]


def test_malformed_json_goes_to_dlq_without_retry():
    loop, consumer = make_loop([[record(0, value=b"{not json")]], lambda e: None)
    loop.poll_once()
    assert [s[0] for s in loop.dead_letters.sent] == ["vacancy.submitted.dlq"]
    assert loop.dead_letters.sent[0][2] == b"{not json"
    assert consumer.commits == [{TP: 1}]


def test_outage_does_not_dead_letter_but_rewinds():
    def handler(e):
        if e.subject == "b":
            raise ServerSelectionTimeoutError("database down")

    loop, consumer = make_loop([[record(0, event("a")), record(1, event("b"))]], handler)
    with pytest.raises(ServerSelectionTimeoutError):
        loop.poll_once()
    assert loop.dead_letters.sent == []
    assert consumer.seeks == [(TP, 1)]
    assert consumer.commits == [{TP: 1}]
    assert loop.outcome.handled == 1


def test_outage_rewinds_every_partition_to_what_was_not_committed():
    tp1 = TopicPartition(TOPIC, 1)

    def handler(e):
        if e.subject == "b":
            raise ServerSelectionTimeoutError("database down")

    consumer = FakeConsumer(batches=[{
        TP: [record(0, event("a")), record(1, event("b"))],
        tp1: [FakeRecord(TOPIC, 1, 7, b"k", event("c").to_bytes())],
    }])
    loop = ConsumerLoop(consumer, {TOPIC: handler}, MemoryLedger(), FakePublisher(), retry_delay=0)
    with pytest.raises(ServerSelectionTimeoutError):
        loop.poll_once()
    assert sorted(consumer.seeks) == sorted([(TP, 1), (tp1, 7)])


def test_same_event_twice_in_one_poll_is_acted_on_once():
    seen = []
    same = event("a")
    loop, consumer = make_loop([[record(0, same), record(1, same)]], lambda e: seen.append(e.id))
    loop.poll_once()
    assert seen == [same.id] and loop.outcome.duplicates == 1
    assert loop.ledger.ids == {same.id}


def test_after_batch_runs_once_a_batch_was_handled_and_recorded():
    calls = []
    consumer = FakeConsumer(batches=[{TP: [record(0, event("a")), record(1, event("b"))]}, {}])
    loop = ConsumerLoop(consumer, {TOPIC: lambda e: None}, MemoryLedger(), FakePublisher(), retry_delay=0,
                        after_batch=lambda: calls.append(list(consumer.commits)))
    loop.poll_once()
    loop.poll_once()  # an empty poll handles nothing: no call
    assert calls == [[{TP: 2}]]  # once, after the commit
