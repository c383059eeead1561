"""The matcher's background process: keeps the read model from events and sends ``matches.updated`` notices.

Run with ``python -m matcher.worker``; run two or more (same consumer group,
no leader). Each process holds its own ranking index (``matcher.index``,
kept current by its own tail of the topics), and its consumer, after
writing each event to the read model, applies it to that index and screens
it for the watched workers it may concern (``matcher.notices``). Threads:
the consumer, the notice sender, the outbox relay (the notices).
"""

from __future__ import annotations

import logging
import time

from pymongo.errors import PyMongoError

from matcher import handlers
from matcher.models import ShownMatches
from matcher.notices import NoticeScreen, NoticeSender, watch_period
from matcher.ranker import load_ranker
from services import db
from services.batch import after_writes
from services.config import Settings
from services.events import (
    EMPLOYER_VERIFIED,
    OFFER_RESPONDED,
    PLACEMENT_COMPLETED,
    PLACEMENT_RATED,
    VACANCY_CLOSED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    WORKER_ERASED,
    WORKER_PROFILE_UPDATED,
)
from services.lease import LEASES
from services.worker import run_worker

log = logging.getLogger(__name__)

HANDLERS = {
    VACANCY_SUBMITTED: handlers.on_vacancy_submitted,
    VACANCY_REVIEWED: handlers.on_vacancy_reviewed,
    VACANCY_CLOSED: handlers.on_vacancy_closed,
    WORKER_PROFILE_UPDATED: handlers.on_worker_profile_updated,
    PLACEMENT_COMPLETED: handlers.on_placement_completed,
    PLACEMENT_RATED: handlers.on_placement_rated,
    OFFER_RESPONDED: handlers.on_offer_responded,
    EMPLOYER_VERIFIED: handlers.on_employer_verified,
    WORKER_ERASED: handlers.on_worker_erased,
}
OUTBOX_DOCUMENTS = (ShownMatches,)
# What an older version stored: lists kept ahead by its refresher, and the marks that fed it.
OLD_COLLECTIONS = ("worker_matches", "vacancy_candidates", "dirty")
SCREEN_ATTEMPTS = 3
# Handlers queue their writes (services.batch): a batch of 500 events is a few bulk writes.
BATCH_EVENTS = 500


class Notices:
    """This process's ranking index, notice screen and sender, built by ``prepare`` once the database is
    connected and the topics exist (the index follows them from the group's committed offsets); ``jobs``
    run the sender and the screen's poll of the watches."""

    progress_seconds = 10.0

    def __init__(self, settings: Settings):
        self.settings = settings
        self.index = self.screen = self.sender = None

    def prepare(self, stop) -> None:
        """Build the index (waiting until it is ready: the screen and the sender rank from it), the screen
        (with every running watch) and the sender."""
        # Imported here: the index is the read path's module, loaded by the processes that rank.
        from matcher.index import start_index

        self.index = start_index(self.settings, load_ranker(self.settings.matcher_model or None))
        started = noted = time.monotonic()
        while not self.index.ready and not stop.wait(0.1):
            if time.monotonic() - noted >= self.progress_seconds:
                log.info("waiting for the ranking index to be built (%.0fs)", time.monotonic() - started)
                noted = time.monotonic()
        self.sender = NoticeSender(self.index)
        self.screen = NoticeScreen(self.index, owner=self.sender.owner, period=watch_period(self.settings))
        self.screen.load()

    def jobs(self) -> tuple:
        return Part(self, "sender"), Part(self, "screen")

    def after(self, topic: str, event) -> None:
        """Apply a handled event to the index, then screen it (the index must know it first)."""
        self.index.apply(topic, event)
        if self.screen.after(topic, event):
            self.sender.wake()  # a notice is due: its sender need not wait for the next poll


class Part:
    """A job of ``run_worker`` run by what ``Notices.prepare`` built (named before it exists)."""

    def __init__(self, notices: Notices, part: str):
        self.notices, self.part, self.name = notices, part, f"notice-{part}"

    def run(self, stop) -> None:
        job = getattr(self.notices, self.part)
        if job is not None:  # None only when stopped before it was prepared
            job.run(stop)


def screened(handlers_by_topic: dict, notices) -> dict:
    """``handlers_by_topic``, each followed by ``notices.after`` (the index applies the event, the screen
    marks the watched workers it concerns).

    The read model is the truth and its handler runs first, raising as before (retry, dead letter); the
    index and the screen follow once the batch's writes are stored (``services.batch``). They only speed
    notices up: their failure is logged, never a reason to handle the
    event again (a handler such as the employer's review count is not idempotent) nor to dead-letter it.
    """
    def follow(topic, handler):
        def handle(event):
            handler(event)
            after_writes(lambda: _after(notices, topic, event))
        handle.__name__ = getattr(handler, "__name__", "handle")
        return handle

    return {topic: follow(topic, handler) for topic, handler in handlers_by_topic.items()}


def _after(notices, topic, event, pause: float = 0.5) -> None:
    for attempt in range(1, SCREEN_ATTEMPTS + 1):
        try:
            notices.after(topic, event)
            return
        except PyMongoError as exc:
            log.warning("screening event %s waits for the database (attempt %d): %s", event.id, attempt, exc)
            time.sleep(pause * attempt)
        except Exception:  # noqa: BLE001 - a notice lost is a cache kept a little longer, never a lost event
            log.exception("event %s of %s was handled but not screened", event.id, topic)
            return
    log.error("event %s of %s was handled but not screened (database unavailable): watched workers may keep "
              "an older list until their cache runs out", event.id, topic)


def drop_old_lists() -> None:
    """An upgrade: the lists and marks an older version kept, and its refresher's and lists' leases."""
    database = db.database()
    for name in OLD_COLLECTIONS:
        database.drop_collection(name)
    database[LEASES].delete_many({"_id": {"$in": ["refresher", *OLD_COLLECTIONS[:2]]}})


def run(settings: Settings | None = None, stop=None) -> None:
    """The worker with its index, screen and sender, on ``settings`` (default: the environment)."""
    settings = settings or Settings.from_env("matcher")
    notices = Notices(settings)
    run_worker("matcher", screened(HANDLERS, notices), OUTBOX_DOCUMENTS, settings=settings, stop=stop,
               jobs=notices.jobs(), upgrades=(drop_old_lists,), prepare=notices.prepare,
               max_poll_records=BATCH_EVENTS)


def main() -> None:
    run()


if __name__ == "__main__":
    main()
