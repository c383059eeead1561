"""Dead-letter topics after a fix: republish each dead letter of ``<topic>.dlq`` once to ``<topic>``.

    python -m services.dlq size <topic>      # dead letters not yet replayed (what the DLQ alert watches)
    python -m services.dlq replay <topic>    # republish them, each once, then record that

What was replayed is recorded as the committed offsets of the consumer group
``dlq-replay.<topic>`` in Kafka itself: each dead letter is republished and
acknowledged by the brokers (acks=all) before its offset is committed, so a
second run starts after it and republishes nothing. A run killed between the
two republishes that one letter again on the next run; the consumers' ledger
of handled event ids (services/ledger.py) then acts on it once all the same.
The replayed message keeps its key and value (so its event id) and says where
it came from in a ``replayed-from`` header.

Settings are the services' LP_KAFKA_* variables; under ACLs run it as the
Kafka admin (the services may only write their DLQs, not read them).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass

from kafka import KafkaConsumer, TopicPartition
from kafka.structs import OffsetAndMetadata

from services.config import Settings, kafka_from_env
from services.events import dlq_topic
from services.kafka import Publisher, client_options

log = logging.getLogger(__name__)


@dataclass
class Replay:
    """What one run did: letters republished, and the dead-letter topic it read."""

    topic: str
    dead_letter_topic: str
    republished: int = 0


def replay_group(topic: str) -> str:
    """The consumer group whose committed offsets record how far ``topic``'s dead letters were replayed."""
    return f"dlq-replay.{topic}"


def _open(settings: Settings, topic: str) -> tuple[KafkaConsumer, list[TopicPartition]]:
    """A consumer of ``topic``'s DLQ in its replay group, assigned every partition at its committed offset."""
    consumer = KafkaConsumer(**client_options(settings), group_id=replay_group(topic),
                             client_id=f"{settings.service}-dlq", enable_auto_commit=False,
                             auto_offset_reset="earliest")
    partitions = [TopicPartition(dlq_topic(topic), p)
                  for p in sorted(consumer.partitions_for_topic(dlq_topic(topic)) or ())]
    consumer.assign(partitions)
    return consumer, partitions


def pending(settings: Settings, topic: str) -> int:
    """How many dead letters of ``topic`` are not replayed yet."""
    consumer, partitions = _open(settings, topic)
    try:
        ends = consumer.end_offsets(partitions)
        return sum(ends[tp] - consumer.position(tp) for tp in partitions)
    finally:
        consumer.close(autocommit=False)


def replay(settings: Settings, topic: str) -> Replay:
    """Republish every dead letter of ``topic`` that no earlier run replayed, up to the DLQ's end now."""
    result = Replay(topic, dlq_topic(topic))
    consumer, partitions = _open(settings, topic)
    publisher = Publisher(settings)
    try:
        ends = consumer.end_offsets(partitions)
        remaining = {tp for tp in partitions if consumer.position(tp) < ends[tp]}
        while remaining:
            for tp, records in consumer.poll(timeout_ms=1000).items():
                for record in records:
                    if record.offset >= ends[tp]:
                        continue  # a letter dead-lettered during this run waits for the next
                    _republish(publisher, topic, record)
                    consumer.commit({tp: OffsetAndMetadata(record.offset + 1, "", -1)})
                    result.republished += 1
            remaining = {tp for tp in remaining if consumer.position(tp) < ends[tp]}
    finally:
        consumer.close(autocommit=False)
        publisher.close()
    return result


def _republish(publisher: Publisher, topic: str, record) -> None:
    """Send one dead letter back to ``topic`` and wait until the brokers hold it (before its offset moves)."""
    headers = [(k, v) for k, v in (record.headers or []) if k != "replayed-from"]
    headers.append(("replayed-from", f"{record.topic}:{record.partition}:{record.offset}".encode()))
    publisher.send_raw(topic, record.key, record.value, headers).get(timeout=30)
    log.info("replayed %s@%d:%d to %s", record.topic, record.partition, record.offset, topic)


def main(argv=None, environ=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["replay", "size"])
    parser.add_argument("topic", help="the topic whose dead letters to read, e.g. vacancy.submitted")
    args = parser.parse_args(argv)
    if args.topic.endswith(".dlq"):
        parser.error(f"name the topic, not its dead-letter topic: {args.topic.removesuffix('.dlq')}")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings(service="dlq-replay", **kafka_from_env(dict(os.environ if environ is None else environ)))
    if args.command == "size":
        print(f"{dlq_topic(args.topic)}: {pending(settings, args.topic)} dead letters not replayed")
    else:
        done = replay(settings, args.topic)
        print(f"{done.dead_letter_topic}: republished {done.republished} to {done.topic}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
