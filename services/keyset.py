"""Newest-first lists whose cost does not grow with the collection: read back in time, window by window.

A ``find(filter).sort(time).limit(n)`` is bounded on MongoDB (it walks the index and stops), but the local
database (SecantusDB) builds the whole candidate list before it sorts and limits, so such a page costs as
much as every document the filter matches. A page here instead asks for one time window at a time
(``{eq fields..., time: {$gte: lo, $lt: hi}}``, served by an index whose fields are the equality fields
then the time field), starting with a day before the top of the page and growing the window until the
page is full or the floor is reached. Each query then reads about a page's worth of documents, on either
database.

Only one equality set goes to the database (the local planner serves "equalities + one range" from an
index whose fields are exactly those); the list's other filters are checked in Python (``residual``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from itertools import islice

from bson import ObjectId

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
FIRST_SPAN = timedelta(days=1)
# A window that reads about this many documents stops growing: pages read far fewer, the CSV export
# reads the whole filtered list in windows of this size instead of all at once.
WINDOW_DOCUMENTS = 1000
# An empty window grows faster: the walk past a list's oldest document to the floor takes a few queries.
GROWTH, EMPTY_GROWTH = 2, 8


def newest_first(fetch: Callable[[datetime, datetime | None], list[dict]], key: Callable[[dict], object],
                 top: datetime | None, *, floor: datetime = EPOCH, keep: Callable[[dict], bool] | None = None,
                 ) -> Iterator[dict]:
    """The documents ``fetch`` finds, newest first (by ``key``), going back from ``top`` (None: now) to
    ``floor``; those ``keep`` refuses are skipped.

    ``fetch(lo, hi)`` returns the documents of one window, ``lo <= time < hi``. For the first window
    ``hi`` is None: the caller bounds it from above itself (a cursor, a ``to`` date, or nothing).
    A generator: the caller takes what it needs (``itertools.islice``) and later windows are never read.
    """
    upper, hi, span = top or datetime.now(UTC), None, FIRST_SPAN
    while True:
        lo = _earlier(upper, span, floor)
        batch = fetch(lo, hi)
        yield from sorted((doc for doc in batch if keep is None or keep(doc)), key=key, reverse=True)
        if lo <= floor:
            return
        span = _next_span(span, len(batch))
        hi = upper = lo


def _earlier(moment: datetime, span: timedelta, floor: datetime) -> datetime:
    """``moment - span``, but not before ``floor`` (nor before the year 1)."""
    try:
        return max(moment - span, floor)
    except OverflowError:
        return floor


def _next_span(span: timedelta, read: int) -> timedelta:
    if read == 0:
        return span * EMPTY_GROWTH
    if read * GROWTH <= WINDOW_DOCUMENTS:
        return span * GROWTH
    # Dense: keep the next window near WINDOW_DOCUMENTS documents.
    return max(span * WINDOW_DOCUMENTS / read, timedelta(seconds=1))


def id_window(lo: datetime, hi: datetime | None) -> dict:
    """The ``_id`` range of the ObjectIds made in ``[lo, hi)`` (hi None: no upper bound)."""
    window = {"$gte": ObjectId.from_datetime(lo)}
    if hi is not None:
        window["$lt"] = ObjectId.from_datetime(hi)
    return window


def time_window(lo: datetime, hi: datetime | None) -> dict:
    """The range ``[lo, hi)`` of a date field (hi None: no upper bound)."""
    return {"$gte": lo} if hi is None else {"$gte": lo, "$lt": hi}


def split_filters(filters: dict, priority: tuple[str, ...]) -> tuple[dict, dict]:
    """``filters`` (field → value, the falsy ones ignored) as the one equality to send to the database,
    the first of ``priority`` present, and the others, to check in Python."""
    given = {field: value for field, value in filters.items() if value}
    chosen = next((field for field in priority if field in given), None)
    if chosen is None:
        return {}, given
    return {chosen: given.pop(chosen)}, given


def matching(residual: dict) -> Callable[[dict], bool]:
    """A ``keep`` for ``newest_first``: the stored document has every value of ``residual``."""
    return lambda doc: all(doc.get(field) == value for field, value in residual.items())


def id_page(collection, equal: dict, limit: int, cursor: ObjectId | None, keep: Callable[[dict], bool] | None = None,
            ) -> tuple[list[dict], ObjectId | None]:
    """One page of ``collection``'s documents that match ``equal`` and that ``keep`` keeps, newest ``_id``
    first, after the ``cursor`` id (the last of the previous page); and the next page's cursor (None at the end).

    The documents' ``_id`` are ObjectIds made when they were stored; ``equal``'s fields then ``_id``
    must be an index of the collection.
    """
    def fetch(lo: datetime, hi: datetime | None) -> list[dict]:
        window = id_window(lo, hi)
        if hi is None and cursor is not None:
            window["$lt"] = cursor
        return list(collection.find({**equal, "_id": window}))

    top = cursor.generation_time + timedelta(seconds=1) if cursor is not None else None
    docs = list(islice(newest_first(fetch, lambda doc: doc["_id"], top, keep=keep), limit + 1))
    return docs[:limit], (docs[limit - 1]["_id"] if len(docs) > limit else None)

