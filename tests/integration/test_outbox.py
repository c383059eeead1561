"""The same-document outbox over the real database and the real broker, including a broker outage."""

import signal
import threading
from datetime import UTC, datetime

from mongoengine import StringField

from services.events import new_event
from services.kafka import Publisher, ensure_topics
from services.outbox import OutboxDocument, OutboxRelay, wait_until_empty, with_events
from tests.integration.helpers import envelopes, read_topic

TOPIC = "vacancy.submitted"


class Parcel(OutboxDocument):
    """A document whose saves publish events, as a vacancy's do."""

    event_source = "employers"
    title = StringField()
    meta = {"collection": "parcels"}


def submit(title: str) -> Parcel:
    parcel = Parcel(title=title)
    parcel.record_event(TOPIC, {"title": title})
    parcel.save()
    return parcel


def published_for(settings, subjects, expected):
    records = read_topic(settings, TOPIC, expected=expected)
    return [e for e in envelopes(records) if e.subject in subjects]


def test_state_and_event_are_one_write_and_the_relay_publishes_once(settings, database):
    ensure_topics(settings)
    parcel = submit("Apple harvest")
    stored = Parcel._get_collection().find_one({"_id": parcel.pk})
    assert stored["title"] == "Apple harvest" and len(stored["outbox"]) == 1

    publisher = Publisher(settings)
    try:
        relay = OutboxRelay(publisher, [Parcel])
        assert relay.relay_once() == 1
        assert relay.relay_once() == 0
    finally:
        publisher.close()
    assert Parcel.objects.get(pk=parcel.pk).outbox == []
    [event] = published_for(settings, {str(parcel.pk)}, expected=1)
    assert event.payload == {"title": "Apple harvest"} and event.source == "employers"


def test_an_event_kept_as_text_is_published_as_the_same_envelope(settings, database):
    ensure_topics(settings)
    parcel = submit("Cherry harvest")
    big = new_event(TOPIC, "employers", str(parcel.pk),
                    {"title": "Cherry harvest", "cards": [{"n": i} for i in range(50)]})
    Parcel._get_collection().update_one({"_id": parcel.pk}, with_events({}, [big.to_text()]))
    publisher = Publisher(settings)
    try:
        assert OutboxRelay(publisher, [Parcel]).relay_once() == 2
    finally:
        publisher.close()
    assert Parcel.objects.get(pk=parcel.pk).outbox == []
    published = {e.id: e for e in published_for(settings, {str(parcel.pk)}, expected=2)}
    assert published[big.id] == big


def test_events_saved_while_kafka_is_down_are_published_when_it_returns(stack, settings, database):
    ensure_topics(settings)
    stack.stop("kafka", signal.SIGKILL)
    parcels = [submit(f"Season job {i}") for i in range(20)]
    subjects = {str(p.pk) for p in parcels}

    publisher = Publisher(settings)
    stop = threading.Event()
    relay = threading.Thread(target=OutboxRelay(publisher, [Parcel]).run, args=(stop, 0.1, 2.0))
    relay.start()
    try:
        # The relay keeps failing while the broker is away; nothing is lost meanwhile.
        assert Parcel._get_collection().count_documents({"outbox.0": {"$exists": True}}) == 20
        stack.start_kafka()
        assert wait_until_empty([Parcel], timeout=120), "outbox not drained after Kafka came back"
    finally:
        stop.set()
        relay.join()
        publisher.close()
    published = published_for(settings, subjects, expected=20)
    assert sorted(e.subject for e in published) == sorted(subjects)


def test_one_relay_leads_a_collection_and_another_takes_over_when_its_lease_lapses(settings, database):
    ensure_topics(settings)
    publisher = Publisher(settings)
    try:
        first, second = OutboxRelay(publisher, [Parcel]), OutboxRelay(publisher, [Parcel])
        submit("Tomato season")
        assert first.relay_once() == 1
        submit("Cherry season")
        assert second.relay_once() == 0, "a second relay must wait while the first holds the lease"
        assert first.relay_once() == 1
        # The first relay dies: its lease lapses and the second carries on.
        database["outbox_leases"].update_one({"_id": "parcels"}, {"$set": {"until": datetime(2000, 1, 1, tzinfo=UTC)}})
        submit("Apple season")
        assert second.relay_once() == 1
    finally:
        publisher.close()


def test_a_writer_in_the_same_process_wakes_the_relay_between_polls(settings, database):
    ensure_topics(settings)
    publisher = Publisher(settings)
    relay, stop = OutboxRelay(publisher, [Parcel]), threading.Event()
    # An hour between polls: only the wake can publish within the test.
    thread = threading.Thread(target=relay.run, args=(stop, 3600.0))
    thread.start()
    try:
        assert wait_until_empty([Parcel], timeout=30)  # the first round found nothing and went to sleep
        parcel = submit("Pruning")
        relay.wake()
        assert wait_until_empty([Parcel], timeout=60), "the woken relay did not publish"
    finally:
        stop.set()
        relay.wake()
        thread.join()
        publisher.close()
    assert [e.subject for e in published_for(settings, {str(parcel.pk)}, expected=1)] == [str(parcel.pk)]
