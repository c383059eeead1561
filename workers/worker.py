"""The workers service's background process: the offer inbox and the vacancy cards from events, the outbox
relay, the daily release of anonymous grievances.

Run with ``python -m workers.worker``.
"""

from __future__ import annotations

from services.config import Settings
from services.events import (
    CANDIDATES_SHOWN,
    GRIEVANCE_DECIDED,
    GRIEVANCE_FILED,
    OFFER_REVIEWED,
    OFFER_WITHDRAWN,
    PLACEMENT_COMPLETED,
    PLACEMENT_RATED,
    VACANCY_CLOSED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
)
from services.notify_sender import email_job
from services.worker import run_worker
from workers import notices
from workers.fairness import FairnessPublisher
from workers.grievance_release import GrievanceRelease, anonymise_old_grievances, date_held_grievances
from workers.handlers import (
    on_candidates_shown,
    on_grievance_decided,
    on_grievance_filed,
    on_offer_reviewed,
    on_offer_withdrawn,
    on_placement_completed,
    on_placement_rated,
    on_vacancy_closed,
    on_vacancy_reviewed,
    on_vacancy_submitted,
)
from workers.models import Erasure, FairnessTally, Grievance, Notification, Offer, Worker
from workers.profiles import republish_profiles_without_birth_year
from workers.store import drop_match_lists

HANDLERS = {
    OFFER_REVIEWED: on_offer_reviewed,
    OFFER_WITHDRAWN: on_offer_withdrawn,
    PLACEMENT_COMPLETED: on_placement_completed,
    PLACEMENT_RATED: on_placement_rated,
    VACANCY_SUBMITTED: on_vacancy_submitted,
    VACANCY_REVIEWED: on_vacancy_reviewed,
    VACANCY_CLOSED: on_vacancy_closed,
    GRIEVANCE_FILED: on_grievance_filed,
    GRIEVANCE_DECIDED: on_grievance_decided,
    CANDIDATES_SHOWN: on_candidates_shown,
}
# worker.profile_updated (Worker), offer.responded and placement.rated (Offer), grievance.filed (Grievance),
# worker.erased (Erasure), fairness.tallied (FairnessTally).
OUTBOX_DOCUMENTS = (Worker, Offer, Grievance, Erasure, FairnessTally)


def main(service: str = "workers") -> None:
    """Run the process (``service`` names its database and consumer group: tests give their own)."""
    settings = Settings.from_env(service)
    # The e-mails of the notifications the handlers store (none when LP_SMTP_URL is not set).
    sender = email_job(settings, Notification, notices.address)
    run_worker(service, HANDLERS, OUTBOX_DOCUMENTS, settings=settings,
               jobs=(GrievanceRelease(), FairnessPublisher(), *([sender] if sender else [])),
               upgrades=(anonymise_old_grievances, date_held_grievances, republish_profiles_without_birth_year,
                         drop_match_lists))


if __name__ == "__main__":
    main()
