"""The writes of one consumer batch, sent to the database in bulk when the batch's events are handled.

On the local database a write alone costs 10 to 20 ms and 1 to 3 ms in a bulk write, so a consumer
that writes each event on its own absorbs about 60 events a second: a national programme's 100,000
profiles would take most of an hour. A handler that calls :func:`update_one` instead of writing
queues its write in the batch the consumer loop opened (:func:`collecting`); the loop sends the queue,
one ``bulk_write`` per collection in event order, before it records the events as handled. Outside
a batch (a page, a script, a unit test) :func:`update_one` writes at once.

A handler's writes join the batch only if the handler returns (:meth:`BatchWrites.event`): one that
fails half-way leaves nothing behind, and is retried or dead-lettered as before. Work that must
follow the stored writes (the matcher folds the event into its index, then screens it) is queued with
:func:`after_writes`.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable, Iterator

from mongoengine.queryset import transform
from pymongo import UpdateOne
from pymongo.errors import BulkWriteError, DuplicateKeyError

from services.db import DUPLICATE_KEY

log = logging.getLogger(__name__)

_current: contextvars.ContextVar[BatchWrites | None] = contextvars.ContextVar("batch_writes", default=None)


class BatchWrites:
    """Writes queued per collection, and what to run once they are stored."""

    def __init__(self):
        self._writes: dict[type, list[UpdateOne]] = {}
        self._after: list[Callable[[], None]] = []
        self._staged: list | None = None
        self._failed = False

    @contextlib.contextmanager
    def event(self) -> Iterator[None]:
        """Stage what one handler queues; keep it only if the handler returns."""
        self._staged = []
        try:
            yield
        except BaseException:
            self._staged = None
            raise
        staged, self._staged = self._staged, None
        for document_class, write in staged:
            if document_class is None:
                self._after.append(write)
            else:
                self._writes.setdefault(document_class, []).append(write)

    def queue(self, document_class, write) -> None:
        """Queue a write of ``document_class``'s collection (``None`` and a function: run it after)."""
        if self._staged is not None:
            self._staged.append((document_class, write))
        elif document_class is None:
            self._after.append(write)
        else:
            self._writes.setdefault(document_class, []).append(write)

    @property
    def unsent(self) -> bool:
        """Whether writes or what follows them are queued and not yet done (a failed flush leaves them)."""
        return bool(self._writes or self._after or self._failed)

    def flush(self) -> None:
        """Send the queued writes, then run what waited for them; both queues are emptied.

        Ordered, so a later event's write lands after an earlier one's; an upsert its condition refused
        (E11000: a newer revision is stored) is skipped and the rest go on. Another write error is raised
        as it is: the loop then retries the whole batch, as after an outage.
        """
        self._failed = bool(self._writes or self._after)
        writes, self._writes = self._writes, {}
        after, self._after = self._after, []
        for document_class, operations in writes.items():
            _bulk(document_class._get_collection(), operations)
        for function in after:
            function()
        self._failed = False


def _bulk(collection, operations: list[UpdateOne]) -> None:
    while operations:
        try:
            collection.bulk_write(operations, ordered=True)
            return
        except BulkWriteError as exc:
            errors = exc.details.get("writeErrors", [])
            if not errors or errors[0].get("code") != DUPLICATE_KEY:
                raise
            # Ordered writes stop at the first error: go on after the refused upsert.
            operations = operations[errors[0]["index"] + 1:]


@contextlib.contextmanager
def collecting(writes: BatchWrites | None = None) -> Iterator[BatchWrites]:
    """Open ``writes`` (a new batch by default) for the handlers run inside; the caller flushes it."""
    writes = writes if writes is not None else BatchWrites()
    token = _current.set(writes)
    try:
        yield writes
    finally:
        _current.reset(token)


def current() -> BatchWrites | None:
    """The batch open in this context, if any."""
    return _current.get()


def update_one(document_class, filter_: dict, update: dict, upsert: bool = False) -> None:
    """``document_class.objects(**filter_).update_one(**update, upsert=upsert)``, in the open batch if any.

    Both are mongoengine keywords (``revision__lt=3``, ``set__profile={...}``). An upsert whose filter
    a stored document refuses (E11000 on its ``_id``) changes nothing, in a batch or not.
    """
    write = UpdateOne(transform.query(document_class, **filter_), transform.update(document_class, **update),
                      upsert=upsert)
    batch = current()
    if batch is not None:
        batch.queue(document_class, write)
        return
    try:
        document_class._get_collection().bulk_write([write])
    except BulkWriteError as exc:
        if any(e.get("code") != DUPLICATE_KEY for e in exc.details.get("writeErrors", [])):
            raise
    except DuplicateKeyError:
        pass


def after_writes(function: Callable[[], None]) -> None:
    """Run ``function`` once the open batch's writes are stored (at once outside a batch)."""
    batch = current()
    if batch is None:
        function()
    else:
        batch.queue(None, function)
