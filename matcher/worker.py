"""The matcher's background process: keeps the read model and its lists fresh from events.

Run with ``python -m matcher.worker``. Three threads: the consumer (records,
outcomes and marks), the list refresher (``matcher.refresh``), the outbox relay
(``matches.updated``).
"""

from __future__ import annotations

from matcher import handlers
from matcher.ranker import load_ranker
from matcher.refresh import Refresher
from matcher.store import VacancyCandidates, WorkerMatches
from services.config import Settings
from services.events import (
    OFFER_RESPONDED,
    PLACEMENT_COMPLETED,
    VACANCY_CLOSED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    WORKER_PROFILE_UPDATED,
)
from services.worker import run_worker

HANDLERS = {
    VACANCY_SUBMITTED: handlers.vacancy_submitted,
    VACANCY_REVIEWED: handlers.vacancy_reviewed,
    VACANCY_CLOSED: handlers.vacancy_closed,
    WORKER_PROFILE_UPDATED: handlers.worker_profile_updated,
    PLACEMENT_COMPLETED: handlers.placement_completed,
    OFFER_RESPONDED: handlers.offer_responded,
}
OUTBOX_DOCUMENTS = (WorkerMatches, VacancyCandidates)


def run(settings: Settings | None = None, stop=None) -> None:
    """The worker with its refresher, on ``settings`` (default: the environment)."""
    settings = settings or Settings.from_env("matcher")
    refresher = Refresher(ranker=load_ranker(settings.matcher_model or None))
    run_worker("matcher", HANDLERS, OUTBOX_DOCUMENTS, settings=settings, stop=stop, jobs=(refresher,))


def main() -> None:
    run()


if __name__ == "__main__":
    main()
