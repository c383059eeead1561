"""The ethics service's background process: reviews submissions, records grievances, relays verdicts.

Run with ``python -m ethics.worker``.
"""

from __future__ import annotations

from ethics.flag_counts import build_once
from ethics.grievance_flags import anonymise_old_flags
from ethics.handlers import on_grievance_filed, on_offer_submitted, on_vacancy_submitted, on_worker_erased
from ethics.models import Review
from services.events import GRIEVANCE_FILED, OFFER_SUBMITTED, VACANCY_SUBMITTED, WORKER_ERASED
from services.worker import run_worker

HANDLERS = {
    VACANCY_SUBMITTED: on_vacancy_submitted,
    OFFER_SUBMITTED: on_offer_submitted,
    GRIEVANCE_FILED: on_grievance_filed,
    WORKER_ERASED: on_worker_erased,
}
OUTBOX_DOCUMENTS = (Review,)


def main() -> None:
    run_worker("ethics", HANDLERS, OUTBOX_DOCUMENTS, upgrades=(anonymise_old_flags, build_once))


if __name__ == "__main__":
    main()
