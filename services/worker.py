"""Entry point shared by every service's background process.

One process per service runs its Kafka consumer loop and its outbox relay
(a thread); more processes of the same service share the work through the
consumer group and the relay's leases.
"""

from __future__ import annotations

import logging
import signal
import threading

from kafka import KafkaConsumer
from kafka.errors import KafkaError
from pymongo.errors import PyMongoError

from services import db, upgrades
from services.config import Settings
from services.consumer import ConsumerLoop, ConsumerStuck, MembershipWatch
from services.kafka import Publisher, client_options, ensure_topics, group_members
from services.ledger import EventLedger, adopt_old_rows
from services.logs import configure_logging
from services.outbox import OutboxRelay, mark_unmarked

log = logging.getLogger(__name__)


def retry_until(stop: threading.Event, what: str, action, delay: float = 2.0):
    """Call ``action`` until it stops raising KafkaError, saying what it waits for."""
    while not stop.is_set():
        try:
            return action()
        except KafkaError as exc:
            log.info("waiting for Kafka to %s (%s)", what, exc)
            stop.wait(delay)
    return None


def build_consumer(settings: Settings, topics, max_poll_records: int = 100) -> KafkaConsumer:
    return KafkaConsumer(
        *topics,
        **client_options(settings),
        group_id=settings.service,
        client_id=f"{settings.service}-consumer",
        # Auto-commit would commit before the handler finished.
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_poll_records=max_poll_records,
    )


def run_upgrades(functions) -> None:
    """Run each upgrade once per database (``services.upgrades``): they read whole collections, which at a
    year of data takes seconds (50,000 grievance flags: 11 s), too long to repeat at every start."""
    for function in functions:
        if upgrades.once(db.database(), f"{function.__module__}.{function.__qualname__}", function):
            log.info("ran the upgrade %s", function.__qualname__)


def run_worker(service: str, handlers: dict, outbox_documents=(), settings: Settings | None = None,
               stop: threading.Event | None = None, jobs=(), upgrades=(), prepare=None,
               max_poll_records: int = 100) -> None:
    """Run ``service``'s consumer (``handlers``: topic → function) and outbox relay until stopped.

    ``jobs`` are more background loops of the service (objects with a
    ``name`` and ``run(stop)``), each in a thread watched like the others.
    ``upgrades`` are idempotent functions that bring data an older version
    stored up to date; each runs once per database (``run_upgrades``), before anything else.
    ``prepare(stop)``, if given, is called once the database is connected and upgraded and the topics
    exist, before any thread starts (the matcher builds its ranking index there, which follows the topics).
    ``max_poll_records`` bounds a consumer batch: larger for handlers that queue their writes in bulk
    (``services.batch``), small for slow ones (an ethics review may take seconds; a batch must end well
    within Kafka's poll interval).
    """
    settings = settings or Settings.from_env(service)
    configure_logging(service, settings.log_level)
    stop = stop or _stop_on_signals()
    db.connect(settings)
    run_upgrades((adopt_old_rows, *upgrades))
    mark_unmarked(outbox_documents)
    retry_until(stop, "create topics", lambda: ensure_topics(settings))
    if prepare is not None and not stop.is_set():
        prepare(stop)
    publisher = Publisher(settings)
    threads, relay = [], None
    if outbox_documents:
        relay = OutboxRelay(publisher, outbox_documents)
        threads.append(threading.Thread(target=relay.run, args=(stop, settings.outbox_poll_seconds),
                                        name="outbox-relay", daemon=True))
    if handlers:
        wake = relay.wake if relay is not None else None
        threads.append(threading.Thread(target=_consume, args=(settings, handlers, publisher, stop, wake,
                                                               max_poll_records), name="consumer", daemon=True))
    threads += [threading.Thread(target=_run_job, args=(job, stop), name=job.name, daemon=True) for job in jobs]
    for thread in threads:
        thread.start()
    log.info("%s worker running: consumes %s, relays %s", service, sorted(handlers) or "nothing",
             [d.__name__ for d in outbox_documents] or "nothing")
    crashed = _watch(threads, stop)
    for thread in threads:
        thread.join(timeout=10)
    publisher.close()
    if crashed:
        # Crash-only: exit non-zero so the supervisor (compose, `make up`)
        # starts a fresh process instead of a half-alive one.
        raise SystemExit(f"{service} worker: thread {crashed} died; see the log above")
    log.info("%s worker stopped", service)


def _run_job(job, stop: threading.Event, longest_wait: float = 10.0) -> None:
    """``job.run(stop)``, started again after the database went away (waiting 1 s, doubling up to
    ``longest_wait``), as the consumer and the relay wait out an outage; any other error ends the thread
    (and so the process: crash-only)."""
    wait = min(1.0, longest_wait)
    while not stop.is_set():
        try:
            job.run(stop)
            return
        except PyMongoError as exc:
            log.warning("%s waits for the database (%s); again in %.0f s", job.name, exc, wait)
            stop.wait(wait)
            wait = min(wait * 2, longest_wait)


def _watch(threads, stop: threading.Event) -> str | None:
    """Wait for ``stop``; if a thread dies first, stop the others and name it."""
    while not stop.wait(1.0):
        for thread in threads:
            if not thread.is_alive():
                stop.set()
                return thread.name
    return None


def _consume(settings: Settings, handlers: dict, publisher: Publisher, stop: threading.Event,
             after_batch=None, max_poll_records: int = 100) -> None:
    """Consume until ``stop``; a consumer that lost its group (``ConsumerStuck``) is closed and replaced."""
    while not stop.is_set():
        consumer = retry_until(stop, "subscribe", lambda: build_consumer(settings, list(handlers), max_poll_records))
        if consumer is None:
            return
        watch = MembershipWatch(lambda: group_members(settings), settings.consumer_stuck_seconds)
        loop = ConsumerLoop(consumer, handlers, EventLedger(settings.service), publisher,
                            max_attempts=settings.consumer_max_attempts, after_batch=after_batch, watch=watch)
        try:
            loop.run(stop)
        except ConsumerStuck as exc:
            log.warning("%s consumer: %s; a new consumer joins the group", settings.service, exc)


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()

    def _request_stop(signum, _frame):
        log.info("signal %s: stopping", signum)
        stop.set()

    signal.signal(signal.SIGTERM, _request_stop)
    signal.signal(signal.SIGINT, _request_stop)
    return stop
