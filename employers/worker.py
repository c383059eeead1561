"""The employers service's background process: applies verdicts and responses, relays its events, e-mails
notifications.

Run with ``python -m employers.worker``.
"""

from __future__ import annotations

from employers import notices
from employers.accounts import register_older_accounts
from employers.handlers import (
    on_employer_verified,
    on_offer_responded,
    on_offer_reviewed,
    on_vacancy_reviewed,
    on_worker_erased,
)
from employers.models import Employer, Notification, Offer, Vacancy
from services.config import Settings
from services.events import EMPLOYER_VERIFIED, OFFER_RESPONDED, OFFER_REVIEWED, VACANCY_REVIEWED, WORKER_ERASED
from services.notify_sender import email_job
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
    settings = Settings.from_env("employers")
    # The e-mails of the notifications the handlers store (none when LP_SMTP_URL is not set).
    sender = email_job(settings, Notification, notices.address)
    run_worker("employers", HANDLERS, OUTBOX_DOCUMENTS, settings=settings, jobs=[sender] if sender else (),
               upgrades=(register_older_accounts,))


if __name__ == "__main__":
    main()
