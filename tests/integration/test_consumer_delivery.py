"""The consumer loop over the real broker and the ledger in the real database."""

import uuid

from mongoengine import Document, IntField, StringField

from services import batch
from services.consumer import ConsumerLoop
from services.events import Envelope, dlq_topic
from services.kafka import Publisher, ensure_topics, group_members
from services.ledger import EventLedger, HandledEvent
from services.worker import build_consumer
from tests.integration.helpers import eventually, read_topic, unique_topic


def consumer_for(settings, topic, group):
    from dataclasses import replace

    return build_consumer(replace(settings, service=group), [topic])


def run_until(loop, condition, what):
    def step():
        loop.poll_once(timeout_ms=300)
        return condition()

    try:
        eventually(step, what, timeout=60, interval=0)
    finally:
        loop.consumer.close(autocommit=False)


def test_same_event_delivered_twice_is_acted_on_once(settings, database):
    topic = unique_topic()
    group = f"g{uuid.uuid4().hex[:8]}"
    ensure_topics(settings, [topic])
    first = Envelope(type=topic, source="t", subject="v1", payload={})
    second = Envelope(type=topic, source="t", subject="v2", payload={})
    publisher = Publisher(settings)
    publisher.publish([first, first, second])
    publisher.close()

    acted = []
    loop = ConsumerLoop(consumer_for(settings, topic, group), {topic: lambda e: acted.append(e.id)},
                        EventLedger(group), Publisher(settings))
    run_until(loop, lambda: loop.outcome.handled + loop.outcome.duplicates >= 3, "three deliveries")
    # Two subjects may sit on two partitions: no order between them.
    assert sorted(acted) == sorted([first.id, second.id])
    assert loop.outcome.duplicates == 1
    assert HandledEvent.objects(group=group).count() == 2

    # A new consumer of the same group resumes after the committed offsets.
    again = []
    resumed = ConsumerLoop(consumer_for(settings, topic, group), {topic: lambda e: again.append(e.id)},
                           EventLedger(group), Publisher(settings))
    for _ in range(5):
        resumed.poll_once(timeout_ms=500)
    resumed.consumer.close(autocommit=False)
    assert again == []


def test_poison_message_goes_to_dlq_and_the_next_is_handled(settings, database):
    topic = unique_topic()
    group = f"g{uuid.uuid4().hex[:8]}"
    ensure_topics(settings, [topic, dlq_topic(topic)])
    poison = Envelope(type=topic, source="t", subject="bad", payload={"boom": True})
    good = Envelope(type=topic, source="t", subject="good", payload={})
    publisher = Publisher(settings)
    publisher.publish([poison])
    publisher.send_raw(topic, b"junk", b"\xff not json")
    publisher.publish([good])
    publisher.close()

    acted = []

    def handler(event):
        if event.payload.get("boom"):
            raise ValueError("cannot handle this vacancy")
        acted.append(event.id)

    loop = ConsumerLoop(consumer_for(settings, topic, group), {topic: handler}, EventLedger(group),
                        Publisher(settings), max_attempts=3, retry_delay=0.05)
    run_until(loop, lambda: acted, "the good message")
    assert acted == [good.id]
    assert loop.outcome.dead_lettered == 2

    dead = read_topic(settings, dlq_topic(topic), expected=2)
    # Two keys may sit on two partitions of the DLQ: no order between them.
    by_value = {r.value: dict(r.headers) for r in dead}
    assert set(by_value) == {poison.to_bytes(), b"\xff not json"}
    assert b"ValueError" in by_value[poison.to_bytes()]["error"]
    assert by_value[poison.to_bytes()]["attempts"] == b"3"
    assert by_value[b"\xff not json"]["error"].startswith(b"malformed")


class Revisioned(Document):
    """A record kept at its newest revision, as the services' read models are."""

    id = StringField(primary_key=True)
    revision = IntField(default=0)
    meta = {"collection": "revisioned"}


def test_a_batch_of_queued_writes_keeps_each_newest_revision_in_the_database(settings, database):
    """Queued upserts go in bulk at the batch's end; one an older revision's condition refuses (E11000 from
    the real database) is skipped and the writes after it still land."""
    topic = unique_topic()
    group = f"g{uuid.uuid4().hex[:8]}"
    ensure_topics(settings, [topic])
    sent = [("w1", 2), ("w1", 1), ("w2", 1), ("w1", 3), ("w3", 5), ("w3", 4)]
    publisher = Publisher(settings)
    publisher.publish([Envelope(type=topic, source="t", subject=w, payload={"revision": r}) for w, r in sent])
    publisher.close()

    def keep_newest(event):
        revision = event.payload["revision"]
        batch.update_one(Revisioned, {"id": event.subject, "revision__lte": revision},
                         {"set__revision": revision}, upsert=True)

    loop = ConsumerLoop(consumer_for(settings, topic, group), {topic: keep_newest}, EventLedger(group),
                        Publisher(settings))
    run_until(loop, lambda: loop.outcome.handled >= len(sent), "every event handled")
    assert {r.id: r.revision for r in Revisioned.objects} == {"w1": 3, "w2": 1, "w3": 5}
    assert loop.outcome.dead_lettered == 0
    assert HandledEvent.objects(group=group).count() == len(sent)


def test_the_broker_counts_the_members_of_a_group(settings, database):
    topic = unique_topic()
    group = f"g{uuid.uuid4().hex[:8]}"
    ensure_topics(settings, [topic])
    from dataclasses import replace

    of_group = replace(settings, service=group)
    assert group_members(of_group) == 0  # no such group yet
    consumer = build_consumer(of_group, [topic])
    try:
        eventually(lambda: consumer.poll(timeout_ms=200) is not None and consumer.assignment(), "the assignment",
                   timeout=60, interval=0)
        assert group_members(of_group) == 1
    finally:
        consumer.close(autocommit=False)
    eventually(lambda: group_members(of_group) == 0, "the member gone after close", timeout=60, interval=0.5)
