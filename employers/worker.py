"""The employers service's background process: applies verdicts and responses, relays its events.

Run with ``python -m employers.worker``.
"""

from __future__ import annotations

from employers.accounts import register_older_accounts
from employers.handlers import (
    on_employer_verified,
    on_offer_responded,
    on_offer_reviewed,
    on_vacancy_reviewed,
    on_worker_erased,
)
from employers.models import Employer, Offer, Vacancy
from services.events import EMPLOYER_VERIFIED, OFFER_RESPONDED, OFFER_REVIEWED, VACANCY_REVIEWED, WORKER_ERASED
from services.worker import run_worker

HANDLERS = {
    VACANCY_REVIEWED: on_vacancy_reviewed,
    OFFER_REVIEWED: on_offer_reviewed,
    OFFER_RESPONDED: on_offer_responded,
    EMPLOYER_VERIFIED: on_employer_verified,
    WORKER_ERASED: on_worker_erased,
}
OUTBOX_DOCUMENTS = (Vacancy, Offer, Employer)


def main() -> None:
    run_worker("employers", HANDLERS, OUTBOX_DOCUMENTS, upgrades=(register_older_accounts,))


if __name__ == "__main__":
    main()
