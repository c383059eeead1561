"""Writes queued in a consumer batch (services.batch), with a fake collection; the real database's side is in
tests/integration/test_consumer_delivery.py."""

import pytest
from kafka.structs import TopicPartition
from pymongo.errors import AutoReconnect, BulkWriteError

from services import batch
from services.consumer import ConsumerLoop
from services.events import Envelope
from tests.fakes import FakeConsumer, FakePublisher, FakeRecord, MemoryLedger

TOPIC = "worker.profile_updated"
TP = TopicPartition(TOPIC, 0)


class FakeCollection:
    """Keeps bulk writes; refuses those whose filter names an ``_id`` in ``refuse`` (as E11000 would)."""

    def __init__(self, refuse=(), down=False):
        self.refuse, self.down, self.written, self.calls = set(refuse), down, [], 0

    def bulk_write(self, operations, ordered=True):
        self.calls += 1
        if self.down:
            raise AutoReconnect("database down")
        for index, operation in enumerate(operations):
            if operation._filter["_id"] in self.refuse:
                raise BulkWriteError({"writeErrors": [{"index": index, "code": 11000}]})
            self.written.append(operation._filter["_id"])


class Record:
    """A stand-in document class: a name for the batch, a collection for the flush."""

    collection = FakeCollection()

    @classmethod
    def _get_collection(cls):
        return cls.collection


@pytest.fixture(autouse=True)
def fresh_collection(monkeypatch):
    monkeypatch.setattr(Record, "collection", FakeCollection())
    monkeypatch.setattr(batch.transform, "query", lambda _cls, **f: {"_id": f["id"]})
    monkeypatch.setattr(batch.transform, "update", lambda _cls, **u: {"$set": u})


def write(record_id):
    batch.update_one(Record, {"id": record_id}, {"set__x": 1}, upsert=True)


def envelope(subject):
    return Envelope(type=TOPIC, source="test", subject=subject, payload={})


def loop_over(subjects, handler, down=False):
    Record.collection.down = down
    records = [FakeRecord(TOPIC, 0, i, b"k", envelope(s).to_bytes()) for i, s in enumerate(subjects)]
    consumer = FakeConsumer(batches=[{TP: records}])
    return ConsumerLoop(consumer, {TOPIC: handler}, MemoryLedger(), FakePublisher(), retry_delay=0), consumer


def test_outside_a_batch_a_write_goes_at_once():
    write("a")
    assert Record.collection.written == ["a"]


def test_a_batch_sends_its_writes_in_one_bulk_write_before_recording_the_events():
    loop, consumer = loop_over(["a", "b", "c"], lambda e: write(e.subject))
    loop.poll_once()
    assert Record.collection.written == ["a", "b", "c"]
    assert Record.collection.calls == 1
    assert consumer.commits == [{TP: 3}] and len(loop.ledger.ids) == 3


def test_a_refused_upsert_skips_only_itself():
    Record.collection.refuse = {"b"}
    loop, _ = loop_over(["a", "b", "c"], lambda e: write(e.subject))
    loop.poll_once()
    assert Record.collection.written == ["a", "c"]


def test_a_handler_that_fails_half_way_leaves_no_write_and_is_dead_lettered():
    def handler(e):
        write(e.subject)
        if e.subject == "bad":
            raise ValueError("unreadable")

    loop, consumer = loop_over(["a", "bad", "c"], handler)
    loop.poll_once()
    assert Record.collection.written == ["a", "c"]
    assert [sent[0] for sent in loop.dead_letters.sent] == [f"{TOPIC}.dlq"]
    assert consumer.commits == [{TP: 3}]


def test_what_follows_the_writes_runs_after_they_are_stored():
    order = []

    def handler(e):
        write(e.subject)
        batch.after_writes(lambda: order.append(list(Record.collection.written)))

    loop, _ = loop_over(["a", "b"], handler)
    loop.poll_once()
    assert order == [["a", "b"], ["a", "b"]]


def test_a_flush_during_an_outage_records_nothing_and_rewinds():
    loop, consumer = loop_over(["a", "b"], lambda e: write(e.subject), down=True)
    with pytest.raises(AutoReconnect):
        loop.poll_once()
    assert consumer.commits == [] and loop.ledger.ids == set()
    assert consumer.seeks == [(TP, 0)]
