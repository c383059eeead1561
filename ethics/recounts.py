"""Counts counted again a moment after the writes that change them, not inside each write.

The auditors' counts (an employer's flags by state, a rule's flags per week, a party's month in the risk
view) are recounted from the flags, reviews and ratings, never incremented, so that a redelivered event
or a crash between two writes cannot make them drift (``ethics.flag_counts``, ``ethics.parties``). Done
inside every write, a recount costs the rows of what it counts: one employer's 1,000 vacancies of a month
read about half a million rows, and the ethics worker fell to one review a second.

So a write only marks what it touched (:func:`mark`: one small upsert, queued with the consumer's batch of
writes), and :class:`RecountJob` counts each marked thing again once per round (``LP_RECOUNT_SECONDS``,
2 s by default), however many writes marked it, then removes the mark unless a newer write marked it
meanwhile (its ``revision`` moved: it is counted again next round). A count is then at most a round or
two behind the writes; a write costs one mark per count it touches, whatever the size of the programme.
One ethics worker at a time runs the rounds (a lease); another takes over if it stops.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from pymongo.errors import PyMongoError

from ethics.models import Recount
from services import batch
from services.lease import Leases

log = logging.getLogger(__name__)

LEASE = "ethics-recounts"


def mark(what: str, *args: str) -> None:
    """``what(*args)`` changed: count it again in the next round (queued in the consumer's batch, if any)."""
    key = "|".join((what, *args))
    batch.update_one(Recount, {"pk": key}, {"set__what": what, "set__args": list(args), "inc__revision": 1},
                     upsert=True)


def recount_marked(recounters: dict[str, Callable[..., object]]) -> int:
    """Count again everything marked, with ``recounters[what](*args)``; how many marks were counted.

    The whole queue is read, in one cursor: every mark in it is work to do (so the read is a scan, and no
    index would read less), and a mark counted and marked again stays behind the others rather than ahead.
    """
    collection = Recount._get_collection()
    return sum(_recount(collection, found, recounters) for found in collection.find({}))


def _recount(collection, found: dict, recounters: dict) -> int:
    recounter = recounters.get(found.get("what"))
    if recounter is None:
        log.error("recount %s: nothing counts %r; mark removed", found["_id"], found.get("what"))
        collection.delete_one({"_id": found["_id"]})
        return 0
    try:
        recounter(*found.get("args", []))
    except PyMongoError:
        raise  # the worker waits out the database and runs the job again
    except Exception:
        # The other marks matter more: logged, and this one is tried again next round.
        log.exception("recount %s failed", found["_id"])
        return 0
    collection.delete_one({"_id": found["_id"], "revision": found.get("revision", 0)})
    return 1


class RecountJob:
    """A worker job (``services.worker.run_worker``): runs ``recount()`` every ``seconds`` while it holds the
    lease (one ethics worker at a time)."""

    name = "recounts"

    def __init__(self, recount: Callable[[], int], seconds: float, leases: Leases | None = None):
        self.recount = recount
        self.seconds = seconds
        self.leases = leases or Leases()

    def run(self, stop) -> None:
        while not stop.is_set():
            if self.leases.lead(Recount._get_collection().database, LEASE):
                counted = self.recount()
                if counted:
                    log.debug("%d counts counted again", counted)
            stop.wait(self.seconds)
