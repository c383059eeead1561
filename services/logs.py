"""Logging set-up: one line per record, tagged with the service and request id."""

from __future__ import annotations

import logging

from flask import g, has_request_context


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


class ClosedClientNoiseFilter(logging.Filter):
    """Drops kafka-python's ERROR "Metadata refresh: failed Cancelled": it is what a client closed while its
    first metadata request is in flight logs (the matcher's offset reader at each start), not a failure."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "kafka.cluster" and record.getMessage() == "Metadata refresh: failed Cancelled")


def configure_logging(service: str, level: str = "INFO") -> None:
    """Send logs to stderr in a grep-friendly format (idempotent)."""
    root = logging.getLogger()
    root.setLevel(level)
    if any(getattr(h, "_lp_handler", False) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler._lp_handler = True
    handler.addFilter(RequestIdFilter())
    handler.addFilter(ClosedClientNoiseFilter())
    handler.setFormatter(
        logging.Formatter(f"%(asctime)s %(levelname)s {service} [%(request_id)s] %(name)s: %(message)s")
    )
    root.addHandler(handler)
    # kafka-python logs every reconnect attempt at WARNING/ERROR while a
    # broker is down; our own loops already say so once per retry.
    logging.getLogger("kafka").setLevel(max(logging.getLevelName(level), logging.ERROR))
