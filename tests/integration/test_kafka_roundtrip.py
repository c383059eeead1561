"""Publishing to the real broker and reading the contract envelope back."""

from services.events import Envelope
from services.kafka import Publisher, client_options, ensure_topics
from tests.integration.helpers import envelopes, read_topic, unique_topic


def test_published_envelope_reads_back_keyed_by_subject(settings):
    topic = unique_topic()
    ensure_topics(settings, [topic])
    sent = [Envelope(type=topic, source="employers", subject=f"v{i}", payload={"i": i, "text": "Récolte"})
            for i in range(5)]
    publisher = Publisher(settings)
    try:
        publisher.publish(sent)
    finally:
        publisher.close()
    records = read_topic(settings, topic, expected=5)
    assert sorted(envelopes(records), key=lambda e: e.subject) == sent
    assert {r.key for r in records} == {e.subject.encode() for e in sent}
    # Keyed by subject: one subject's events share a partition.
    by_key = {}
    for r in records:
        by_key.setdefault(r.key, set()).add(r.partition)
    assert all(len(partitions) == 1 for partitions in by_key.values())


def test_topics_are_created_with_their_dead_letter_topics(settings):
    from kafka import KafkaAdminClient

    ensure_topics(settings)
    admin = KafkaAdminClient(**client_options(settings))
    try:
        names = set(admin.list_topics())
    finally:
        admin.close()
    assert {"vacancy.submitted", "vacancy.submitted.dlq", "matches.updated.dlq"} <= names


def test_new_topics_are_led_on_the_real_broker_once_ensure_topics_returns(settings):
    """ensure_topics waits for leaders: the broker's own metadata (not a fake's) must read as led."""
    from kafka import KafkaAdminClient

    from services.kafka import wait_for_leaders

    topic = unique_topic()
    ensure_topics(settings, [topic])
    admin = KafkaAdminClient(**client_options(settings))
    try:
        assert wait_for_leaders(admin, [topic], timeout=0) is True
        assert wait_for_leaders(admin, ["never.created.topic"], timeout=0) is False
    finally:
        admin.close()
