"""The ethics service's background process: reviews submissions, records grievances, relays verdicts.

Run with ``python -m ethics.worker``.
"""

from __future__ import annotations

from ethics.flag_counts import build_once
from ethics.grievance_flags import anonymise_old_flags
from ethics.handlers import record_grievance, review_offer, review_vacancy
from ethics.models import Review
from services.events import GRIEVANCE_FILED, OFFER_SUBMITTED, VACANCY_SUBMITTED
from services.worker import run_worker

HANDLERS = {
    VACANCY_SUBMITTED: review_vacancy,
    OFFER_SUBMITTED: review_offer,
    GRIEVANCE_FILED: record_grievance,
}
OUTBOX_DOCUMENTS = (Review,)


def main() -> None:
    run_worker("ethics", HANDLERS, OUTBOX_DOCUMENTS, upgrades=(anonymise_old_flags, build_once))


if __name__ == "__main__":
    main()
