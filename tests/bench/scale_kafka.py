"""What the scale benchmark reads of Kafka: end offsets, a consumer group's lag, the traffic between two points.

Only the broker's public surface (offsets, committed group offsets, the messages), so the same code
measures any version of the services.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.admin import OffsetSpec

from services.kafka import client_options

Offsets = dict  # (topic, partition) -> offset


@dataclass
class Traffic:
    """What one topic carried between two sets of end offsets."""

    messages: int = 0
    bytes: int = 0  # key + value of each message
    largest: int = 0

    def as_list(self) -> list:
        return [self.messages, self.bytes, self.largest]


def messages_between(before: Offsets, after: Offsets) -> dict[str, int]:
    """Messages per topic from ``before`` to ``after`` (a partition absent before counts from 0)."""
    counts: dict[str, int] = {}
    for (topic, partition), end in after.items():
        counts[topic] = counts.get(topic, 0) + max(0, end - before.get((topic, partition), 0))
    return counts


def group_lag(committed: Offsets, ends: Offsets, topics) -> tuple[int, set]:
    """Messages of ``topics`` the group has not committed yet (a partition it never committed on counts
    from 0: the bench's topics start empty), and the topics it committed anything on."""
    lag = sum(max(0, end - committed.get((topic, partition), 0))
              for (topic, partition), end in ends.items() if topic in topics)
    return lag, {topic for topic, _ in committed if topic in topics}


class KafkaView:
    """One admin and one consumer connection to the bench's broker, for the run's look-ups."""

    def __init__(self, settings):
        self._settings = settings
        self._admin = KafkaAdminClient(**client_options(settings), client_id="bench-scale-admin")
        self._consumer = KafkaConsumer(**client_options(settings), group_id=None, enable_auto_commit=False,
                                       client_id="bench-scale-offsets")

    def close(self) -> None:
        self._consumer.close()
        self._admin.close()

    def partitions(self, topics=None) -> list[TopicPartition]:
        """Every partition of ``topics`` (default: every topic but Kafka's own ``__*``)."""
        names = self._admin.list_topics() if topics is None else topics
        return [TopicPartition(t, p) for t in sorted(names) if not t.startswith("__")
                for p in sorted(self._consumer.partitions_for_topic(t) or ())]

    def end_offsets(self, topics=None) -> Offsets:
        ends = self._consumer.end_offsets(self.partitions(topics))
        return {(tp.topic, tp.partition): offset for tp, offset in ends.items()}

    def committed(self, group: str) -> Offsets:
        found = self._admin.list_group_offsets({group: None}).get(group, {})
        return {(tp.topic, tp.partition): meta.offset for tp, meta in found.items() if meta.offset >= 0}

    def lag(self, group: str, topics) -> tuple[int, set]:
        """``group_lag`` of ``group`` on ``topics`` now."""
        return group_lag(self.committed(group), self.end_offsets(topics), set(topics))

    def skip_to_end(self, group: str, topic: str) -> None:
        """Commit ``group``'s position on ``topic`` at its end (the group must have no running member)."""
        answers = self._admin.reset_group_offsets(group, {tp: OffsetSpec.LATEST for tp in self.partitions([topic])})
        failed = {str(tp): a["error"] for tp, a in answers.items() if getattr(a["error"], "errno", 0)}
        if failed:
            raise RuntimeError(f"could not move {group} to the end of {topic}: {failed}")

    def traffic(self, before: Offsets, after: Offsets, timeout_s: float = 120.0) -> dict[str, Traffic]:
        """Messages, bytes and the largest message of each topic between two sets of end offsets."""
        counts = messages_between(before, after)
        found = {topic: Traffic(messages=n) for topic, n in counts.items() if n}
        ranges = {TopicPartition(t, p): (before.get((t, p), 0), end) for (t, p), end in after.items()
                  if end > before.get((t, p), 0)}
        if not ranges:
            return found
        reader = KafkaConsumer(**client_options(self._settings), group_id=None, enable_auto_commit=False,
                               client_id="bench-scale-traffic")
        try:
            reader.assign(list(ranges))
            for tp, (start, _) in ranges.items():
                reader.seek(tp, start)
            _read_ranges(reader, ranges, found, timeout_s)
        finally:
            reader.close()
        return found


def _read_ranges(reader: KafkaConsumer, ranges: dict, found: dict, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    pending = dict(ranges)
    while pending and time.monotonic() < deadline:
        for tp, records in reader.poll(timeout_ms=500).items():
            end = ranges[tp][1]
            for record in records:
                if record.offset >= end:
                    continue
                size = len(record.key or b"") + len(record.value or b"")
                traffic = found.setdefault(tp.topic, Traffic())
                traffic.bytes += size
                traffic.largest = max(traffic.largest, size)
        for tp in list(pending):
            if reader.position(tp) >= pending[tp][1]:
                del pending[tp]
                reader.pause(tp)
    if pending:
        raise RuntimeError(f"could not read back {len(pending)} partitions within {timeout_s:.0f} s")
