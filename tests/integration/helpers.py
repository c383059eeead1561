"""Small helpers for tests that talk to the real broker."""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from contextlib import closing

from kafka import KafkaConsumer

from services.events import Envelope
from services.kafka import client_options

# Every fixed test port is moved up by this much, so that two checkouts on
# one machine can run their integration tests at the same time.
PORT_OFFSET = int(os.environ.get("LP_TEST_PORT_OFFSET", "0"))


def eventually(check, what: str, timeout: float = 60.0, interval: float = 0.2):
    """Poll ``check`` until it returns something truthy; fail naming ``what``.

    The timeout bounds a hang; it is not a speed requirement.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"gave up waiting for {what} after {timeout:.0f}s")


def unique_topic(prefix: str = "it") -> str:
    return f"{prefix}.{uuid.uuid4().hex[:10]}"


def read_topic(settings, topic: str, expected: int, timeout: float = 60.0, headers: bool = False):
    """Read ``topic`` from the beginning until ``expected`` records arrived (or time ran out)."""
    consumer = KafkaConsumer(topic, **client_options(settings), group_id=None,
                             auto_offset_reset="earliest", enable_auto_commit=False)
    records = []
    deadline = time.monotonic() + timeout
    try:
        while len(records) < expected and time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend(batch)
        # One more short poll catches anything past the expected count.
        for batch in consumer.poll(timeout_ms=1000).values():
            records.extend(batch)
    finally:
        consumer.close()
    return records


def envelopes(records) -> list[Envelope]:
    return [Envelope.from_bytes(r.value) for r in records]


def ferretdb_sqlite(stack, settings) -> sqlite3.Connection:
    """A connection to the SQLite file behind the test's FerretDB database (close it)."""
    return sqlite3.connect(stack.var / "ferretdb" / f"{settings.mongo_db}.sqlite")


def ferretdb_table(sqlite, collection: str) -> str:
    """The SQLite table FerretDB keeps ``collection`` in."""
    (table,) = sqlite.execute("SELECT table_name FROM _ferretdb_collections WHERE name = ?", (collection,)).fetchone()
    return table


def plant_unreadable_document(stack, settings, collection: str, _id: str) -> None:
    """Write, behind FerretDB's back, a document of ``collection`` (existing) that FerretDB cannot decode.

    Any query that reads it fails: a query that still answers read only the rows its filter
    selected in SQL, which shows a pushdown without timing anything.
    """
    # Valid JSON with a string _id (the _id index takes it), but "x" is no int though its schema says so.
    row = {"$s": {"p": {"_id": {"t": "string"}, "x": {"t": "int"}}, "$k": ["_id", "x"]}, "_id": _id, "x": "no int"}
    with closing(ferretdb_sqlite(stack, settings)) as sqlite, sqlite:
        sqlite.execute(f'INSERT INTO "{ferretdb_table(sqlite, collection)}" VALUES (?)', (json.dumps(row),))


def mint_token(settings, subject: str, role: str, ttl_seconds: int = 600, service: str | None = None) -> str:
    """A bearer token signed as ``service`` (by default the one whose accounts have ``role``) signs its own;
    ``service`` tokens are signed as the matcher wants them."""
    from services.auth import issue_token
    from services.keys import service_token_key, token_key

    service = service or {"employer": "employers", "worker": "workers", "auditor": "ethics"}.get(role)
    key = service_token_key(settings.secret_key) if role == "service" else token_key(settings.secret_key, service)
    return issue_token(key, subject, role, ttl_seconds)[0]
