"""The services' log lines: a closed Kafka client's cancelled metadata refresh is not an ERROR line."""

import logging

from services.logs import ClosedClientNoiseFilter


def _record(name: str, message: str, *args) -> logging.LogRecord:
    return logging.LogRecord(name, logging.ERROR, __file__, 1, message, args, None)


def test_a_cancelled_metadata_refresh_is_dropped_and_real_failures_are_kept():
    noise = ClosedClientNoiseFilter()
    assert noise.filter(_record("kafka.cluster", "Metadata refresh: failed %s", "Cancelled")) is False
    assert noise.filter(_record("kafka.cluster", "Metadata refresh: failed %s", "KafkaConnectionError")) is True
    assert noise.filter(_record("matcher.index", "Metadata refresh: failed %s", "Cancelled")) is True
