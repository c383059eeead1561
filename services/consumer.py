"""The consumer loop: at-least-once delivery, acted on once per event id.

Offsets are committed only after a message was handled (or dead-lettered).
A handled event id is recorded in a ledger with a unique index, so a
redelivered event is skipped. A message whose handler keeps failing goes
to ``<topic>.dlq`` after a few attempts and the partition moves on; when
the failure is the database or Kafka being down, the loop instead waits
and retries the same message, since dead-lettering a healthy event
because of an outage would lose it.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from kafka.errors import CommitFailedError, KafkaError
from kafka.structs import OffsetAndMetadata
from pymongo.errors import ConnectionFailure

from services import batch
from services.events import Envelope, MalformedEvent, dlq_topic

log = logging.getLogger(__name__)

# Errors that say "the infrastructure is down", not "this message is bad".
TRANSIENT_ERRORS = (ConnectionFailure, KafkaError)


class TransientError(RuntimeError):
    """Raise from a handler to say: retry this message later, do not dead-letter it."""


class ConsumerStuck(RuntimeError):
    """The consumer polls, but the broker counts no member in its group: kafka-python lost its place (a
    member the broker dropped when its heartbeats came late, on an overloaded machine, was seen never to
    join again and to spin) and receives nothing. The worker replaces the consumer (``services.worker``)."""


class MembershipWatch:
    """While no message comes, asks the broker at most every ``seconds`` how many members the group has
    (``members()``: a count, or None when it cannot say); none while this consumer runs is
    :class:`ConsumerStuck`. A consumer that receives messages is never asked about."""

    def __init__(self, members: Callable[[], int | None], seconds: float, clock=time.monotonic):
        self.members = members
        self.seconds = seconds
        self.clock = clock
        self.quiet_since = self.next_ask = clock()

    def check(self, received: int) -> None:
        now = self.clock()
        if received:
            self.quiet_since = now
            return
        if now - self.quiet_since < self.seconds or now < self.next_ask:
            return
        self.next_ask = now + self.seconds
        if self.members() == 0:
            raise ConsumerStuck(f"no message for {now - self.quiet_since:.0f}s and the broker counts no member "
                                "in the group")


@dataclass
class Outcome:
    """What happened to one message (counted for logs and tests)."""

    handled: int = 0
    duplicates: int = 0
    dead_lettered: int = 0


class ConsumerLoop:
    """Feeds messages from a kafka-python consumer to handlers, one topic each.

    ``handlers`` maps a topic to a function taking an :class:`Envelope`.
    ``ledger`` remembers handled event ids (see :mod:`services.ledger`).
    ``dead_letters`` is a :class:`services.kafka.Publisher`.
    """

    def __init__(self, consumer, handlers, ledger, dead_letters, max_attempts=3, retry_delay=0.2,
                 after_batch=None, watch: MembershipWatch | None = None):
        self.consumer = consumer
        # Called after each batch is recorded (the worker wakes its outbox relay: handlers write events).
        self.after_batch = after_batch
        self.watch = watch
        self.handlers = dict(handlers)
        self.ledger = ledger
        self.dead_letters = dead_letters
        self.max_attempts = max_attempts
        self.retry_delay = retry_delay
        self.outcome = Outcome()

    def run(self, stop, poll_timeout_ms: int = 500, outage_backoff: float = 2.0) -> None:
        """Consume until ``stop`` (a threading.Event) is set, or :class:`ConsumerStuck`; always closes the
        consumer."""
        try:
            while not stop.is_set():
                try:
                    received = self.poll_once(poll_timeout_ms)
                    if self.watch is not None:
                        self.watch.check(received)
                except TRANSIENT_ERRORS as exc:
                    log.warning("consumer paused by an outage (%s); retrying in %.1fs", exc, outage_backoff)
                    stop.wait(outage_backoff)
        finally:
            self.consumer.close(autocommit=False)

    def poll_once(self, timeout_ms: int = 500) -> int:
        """Handle one poll's worth of messages, record them, commit; returns how many.

        On an outage every partition of the batch is rewound to its first
        message not yet committed, so nothing polled is skipped.
        """
        batches = self.consumer.poll(timeout_ms=timeout_ms)
        if not batches:
            return 0
        progress, handled = {}, []
        writes = batch.BatchWrites()
        try:
            # Handlers that queue their writes (services.batch) have them sent in bulk here, before the
            # events are recorded as handled: a crash in between only means they are handled again.
            with batch.collecting(writes):
                self._handle_batches(batches, progress, handled)
            writes.flush()
            self._record(progress, handled)
            if self.after_batch is not None and handled:
                self.after_batch()
        except TRANSIENT_ERRORS + (TransientError,):
            # Queued writes that were not all sent: none of the batch's events may be recorded.
            committed = {} if writes.unsent else self._record_what_we_can(progress, handled)
            for tp, records in batches.items():
                self.consumer.seek(tp, committed.get(tp, records[0].offset))
            raise
        return sum(len(r) for r in batches.values())

    def _handle_batches(self, batches, progress: dict, handled: list) -> None:
        envelopes = {}
        for records in batches.values():
            for record in records:
                envelopes[id(record)] = self._parse(record)
        ids = [e.id for e in envelopes.values() if isinstance(e, Envelope)]
        # One ledger look-up per batch, not one per message.
        seen = self.ledger.seen_many(ids) if ids else set()
        for tp, records in batches.items():
            for record in records:
                event = envelopes[id(record)]
                if isinstance(event, MalformedEvent):
                    self._dead_letter(record, f"malformed: {event}", attempts=0)
                else:
                    self._handle_event(record, event, seen, handled)
                progress[tp] = record.offset + 1

    def _record(self, progress: dict, handled: list) -> None:
        # The ledger first: an event committed but not recorded could be
        # acted on twice after a rebalance.
        if handled:
            self.ledger.mark_many(handled)
        self._commit(progress)

    def _record_what_we_can(self, progress: dict, handled: list) -> dict:
        try:
            self._record(progress, handled)
        except TRANSIENT_ERRORS:
            return {}
        return progress

    @staticmethod
    def _parse(record) -> Envelope | MalformedEvent:
        try:
            return Envelope.from_bytes(record.value)
        except MalformedEvent as exc:
            return exc

    def _handle_event(self, record, event: Envelope, seen: set, handled: list) -> None:
        """Act on one event unless its id was handled already; dead-letter it if it keeps failing."""
        if event.id in seen:
            self.outcome.duplicates += 1
            log.info("skipping event %s already handled", event.id)
            return
        handler = self.handlers.get(record.topic)
        if handler is None:
            log.warning("no handler for topic %s; ignoring event %s", record.topic, event.id)
            return
        error = self._attempt(handler, event)
        if error is None:
            seen.add(event.id)
            handled.append(event.id)
            self.outcome.handled += 1
        else:
            self._dead_letter(record, f"{type(error).__name__}: {error}", attempts=self.max_attempts)

    def _attempt(self, handler, event):
        """Run the handler up to ``max_attempts`` times; the last error, or None."""
        error = None
        writes = batch.current()
        for attempt in range(1, self.max_attempts + 1):
            try:
                with writes.event() if writes is not None else contextlib.nullcontext():
                    handler(event)
                return None
            except TRANSIENT_ERRORS + (TransientError,):
                raise
            except Exception as exc:  # noqa: BLE001 - a bad message must not stop the partition
                error = exc
            log.warning("handler failed on event %s (attempt %d): %s", event.id, attempt, error)
            if attempt < self.max_attempts:
                time.sleep(self.retry_delay * attempt)
        return error

    def _dead_letter(self, record, reason: str, attempts: int) -> None:
        headers = [
            ("error", reason.encode()[:1000]),
            ("attempts", str(attempts).encode()),
            ("original-topic", record.topic.encode()),
            ("original-partition", str(record.partition).encode()),
            ("original-offset", str(record.offset).encode()),
        ]
        self.dead_letters.send_raw(dlq_topic(record.topic), record.key, record.value, headers)
        # The dead letter must be durable before the offset moves past it.
        self.dead_letters.flush()
        self.outcome.dead_lettered += 1
        log.error("sent %s@%d to %s: %s", record.topic, record.offset, dlq_topic(record.topic), reason)

    def _commit(self, done: dict) -> None:
        if not done:
            return
        offsets = {tp: OffsetAndMetadata(offset, "", -1) for tp, offset in done.items()}
        try:
            self.consumer.commit(offsets)
        except CommitFailedError:
            # A rebalance took the partition away: its new owner will see
            # these messages again and the ledger will skip them.
            log.warning("commit failed after a rebalance; messages will be redelivered", exc_info=True)

