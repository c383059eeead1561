"""The ethics service's background process: reviews submissions, records grievances and workers' ratings,
relays verdicts.

Run with ``python -m ethics.worker``.
"""

from __future__ import annotations

from ethics.fairness import OverallJob
from ethics.flag_counts import build_once
from ethics.grievance_flags import anonymise_old_flags
from ethics.handlers import (
    on_employer_registered,
    on_fairness_tallied,
    on_grievance_filed,
    on_offer_submitted,
    on_placement_rated,
    on_vacancy_submitted,
    on_worker_erased,
)
from ethics.models import EmployerRegistration, Flag, Review
from ethics.open_data import OpenDataJob
from ethics.parties import build_once as build_parties_once
from ethics.recounts import RecountJob
from ethics.store import recount_marked
from services.config import Settings
from services.events import (
    EMPLOYER_REGISTERED,
    FAIRNESS_TALLIED,
    GRIEVANCE_FILED,
    OFFER_SUBMITTED,
    PLACEMENT_RATED,
    VACANCY_SUBMITTED,
    WORKER_ERASED,
)
from services.worker import run_worker

HANDLERS = {
    VACANCY_SUBMITTED: on_vacancy_submitted,
    OFFER_SUBMITTED: on_offer_submitted,
    GRIEVANCE_FILED: on_grievance_filed,
    EMPLOYER_REGISTERED: on_employer_registered,
    PLACEMENT_RATED: on_placement_rated,
    WORKER_ERASED: on_worker_erased,
    FAIRNESS_TALLIED: on_fairness_tallied,
}
OUTBOX_DOCUMENTS = (Review, EmployerRegistration, Flag)


def main() -> None:
    settings = Settings.from_env("ethics")
    run_worker("ethics", HANDLERS, OUTBOX_DOCUMENTS, settings=settings,
               upgrades=(anonymise_old_flags, build_once, build_parties_once),
               jobs=jobs(settings))


def jobs(settings: Settings) -> tuple:
    """The ethics worker's background loops besides the consumer and the relay."""
    return (RecountJob(recount_marked, settings.recount_seconds), OverallJob(),
            OpenDataJob(settings.open_data_seconds))


if __name__ == "__main__":
    main()
