"""The ethics service's background process: reviews submissions, records grievances and workers' ratings,
relays verdicts.

Run with ``python -m ethics.worker``.
"""

from __future__ import annotations

from ethics.flag_counts import build_once
from ethics.grievance_flags import anonymise_old_flags
from ethics.handlers import (
    on_employer_registered,
    on_grievance_filed,
    on_offer_submitted,
    on_placement_rated,
    on_vacancy_submitted,
    on_worker_erased,
)
from ethics.models import EmployerRegistration, Flag, Review
from ethics.parties import build_once as build_parties_once
from services.events import (
    EMPLOYER_REGISTERED,
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
}
OUTBOX_DOCUMENTS = (Review, EmployerRegistration, Flag)


def main() -> None:
    run_worker("ethics", HANDLERS, OUTBOX_DOCUMENTS, upgrades=(anonymise_old_flags, build_once, build_parties_once))


if __name__ == "__main__":
    main()
