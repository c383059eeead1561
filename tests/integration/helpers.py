"""Small helpers for tests that talk to the real broker."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import replace

from kafka import KafkaConsumer
from werkzeug.serving import make_server

from services.events import Envelope
from services.kafka import Publisher, client_options

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


def publish(settings, *events) -> None:
    """Publish ``events`` to the broker of ``settings``, as a service would."""
    publisher = Publisher(settings)
    try:
        publisher.publish(events)
    finally:
        publisher.close()


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


def mint_token(settings, subject: str, role: str, ttl_seconds: int = 600, service: str | None = None) -> str:
    """A bearer token signed as ``service`` (by default the one whose accounts have ``role``) signs its own;
    ``service`` tokens are signed as the matcher wants them."""
    from services.auth import issue_token
    from services.keys import service_token_key, token_key

    service = service or {"employer": "employers", "worker": "workers", "auditor": "ethics"}.get(role)
    key = service_token_key(settings.secret_key) if role == "service" else token_key(settings.secret_key, service)
    return issue_token(key, subject, role, ttl_seconds)[0]


def apart(settings, name: str):
    """``settings`` for the ``name`` service beside the test's own: its own database, one attempt per event."""
    return replace(settings, service=f"{settings.service}-{name}", consumer_max_attempts=1)


@contextmanager
def spawned(*runs):
    """Each ``(target, args, kwargs)`` of ``runs`` in its own process until the block ends, given ``stop=``, an
    event set at the end; each is then joined, or terminated if it has not stopped within 30 s. Yields the
    processes.

    Spawned processes, not threads: mongoengine keeps one connection per process, so two services in one
    process would share a database, and the point is that they do not (each owns its own, as in production).
    """
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    processes = [context.Process(target=target, args=args, kwargs={**kwargs, "stop": stop}, daemon=True)
                 for target, args, kwargs in runs]
    for process in processes:
        process.start()
    try:
        yield processes
    finally:
        stop.set()
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.terminate()


@contextmanager
def served(wsgi):
    """``wsgi`` over real HTTP on 127.0.0.1 (for a browser, or a client of another service) during the block:
    its base URL, ``http://127.0.0.1:<port>``."""
    server = make_server("127.0.0.1", 0, wsgi, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@contextmanager
def recorded_queries(database, collection: str):
    """The ``find`` commands sent to ``collection`` inside the block, as the database's profiler recorded them.

    Read from the server, so a test sees the query the code really sent, whatever built it.
    """
    database.command("profile", 2)
    found: list[dict] = []
    try:
        yield found
    finally:
        database.command("profile", 0)
    namespace = f"{database.name}.{collection}"
    found.extend(entry["command"] for entry in database["system.profile"].find({"op": "query", "ns": namespace}))


def plan_stages(plan: dict) -> list[str]:
    """The stages of an explain() winning plan, outermost first (COLLSCAN, IXSCAN, FETCH, ...)."""
    stages = []
    while plan:
        stages.append(plan["stage"])
        plan = plan.get("inputStage") or next(iter(plan.get("inputStages") or []), None)
    return stages


def explained(database, find: dict) -> dict:
    """explain() of a recorded ``find`` command, with execution statistics."""
    command = {key: find[key] for key in ("find", "filter", "sort", "projection", "limit") if key in find}
    return database.command("explain", command, verbosity="executionStats")


def register_recruiter(licence: str = "ON-RA-1234", status: str = "active", name: str = "Agencia X",
                       country: str = "CA"):
    """Put a recruiter in the ethics registry of the test's database (as an auditor would): the test documents'
    recruiter (``tests.documents``) is then licensed, and a fair vacancy passes instead of being flagged
    ``recruiter-unverified``."""
    from ethics import recruiters

    return recruiters.create({"name": name, "country": country, "licence": licence, "status": status,
                              "source": "test registry"}, "test-auditor", "auditor@example.org")
