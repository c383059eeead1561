"""`python -m services.dlq replay <topic>` through the real broker: a poisoned message, dead-lettered by the
consumer loop, is replayed after its handler is fixed, acted on once, and a second run republishes nothing."""

import uuid

import pytest

from services.consumer import ConsumerLoop
from services.dlq import main, pending, replay
from services.events import Envelope, dlq_topic
from services.kafka import Publisher, ensure_topics
from services.ledger import EventLedger
from tests.integration.helpers import read_topic, unique_topic
from tests.integration.test_consumer_delivery import consumer_for, run_until


def test_a_poisoned_message_is_replayed_once_after_the_handler_is_fixed(settings, database, capsys):
    topic, group = unique_topic(), f"g{uuid.uuid4().hex[:8]}"
    ensure_topics(settings, [topic, dlq_topic(topic)])
    poison = Envelope(type=topic, source="t", subject="v1", payload={"pay": "per piece"})
    good = Envelope(type=topic, source="t", subject="v2", payload={"pay": "hourly"})
    publisher = Publisher(settings)
    publisher.publish([poison, good])
    publisher.close()

    acted, fixed = [], False

    def handler(event):
        if event.payload["pay"] == "per piece" and not fixed:
            raise KeyError("a pay basis the handler did not know")
        acted.append(event.id)

    def loop():
        return ConsumerLoop(consumer_for(settings, topic, group), {topic: handler}, EventLedger(group),
                            Publisher(settings), max_attempts=2, retry_delay=0.01)

    broken = loop()
    run_until(broken, lambda: broken.outcome.dead_lettered == 1 and acted, "the poison dead-lettered")
    assert acted == [good.id]
    assert pending(settings, topic) == 1

    fixed = True
    first = replay(settings, topic)
    second = replay(settings, topic)
    print(f"\n[dlq] first replay republished {first.republished}, second {second.republished}")
    assert (first.republished, second.republished) == (1, 0)
    assert pending(settings, topic) == 0
    replayed = [r for r in read_topic(settings, topic, expected=3) if dict(r.headers).get("replayed-from")]
    assert [r.value for r in replayed] == [poison.to_bytes()]

    mended = loop()
    run_until(mended, lambda: mended.outcome.handled == 1, "the replayed message handled")
    assert sorted(acted) == sorted([good.id, poison.id])
    env = {"LP_KAFKA_BOOTSTRAP": settings.kafka_bootstrap}
    assert main(["replay", topic], environ=env) == 0
    assert f"republished 0 to {topic}" in capsys.readouterr().out


def test_a_dead_letter_topic_name_is_refused(capsys):
    with pytest.raises(SystemExit):
        main(["replay", "vacancy.submitted.dlq"], environ={})
    assert "name the topic" in capsys.readouterr().err
