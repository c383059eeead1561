"""The workers service's background process: the offer inbox and the matches from events, the outbox relay,
the daily release of anonymous grievances.

Run with ``python -m workers.worker``.
"""

from __future__ import annotations

from services.events import MATCHES_UPDATED, OFFER_REVIEWED, OFFER_WITHDRAWN, PLACEMENT_COMPLETED
from services.worker import run_worker
from workers.grievance_release import GrievanceRelease, anonymise_old_grievances, date_held_grievances
from workers.match_lists import receive_matches
from workers.models import Grievance, Offer, Worker
from workers.offers import receive_completion, receive_review, receive_withdrawal
from workers.profiles import republish_profiles_without_birth_year

HANDLERS = {
    OFFER_REVIEWED: receive_review,
    OFFER_WITHDRAWN: receive_withdrawal,
    PLACEMENT_COMPLETED: receive_completion,
    MATCHES_UPDATED: receive_matches,
}
# worker.profile_updated (Worker), offer.responded (Offer), grievance.filed (Grievance).
OUTBOX_DOCUMENTS = (Worker, Offer, Grievance)


def main() -> None:
    run_worker("workers", HANDLERS, OUTBOX_DOCUMENTS, jobs=(GrievanceRelease(),),
               upgrades=(anonymise_old_grievances, date_held_grievances, republish_profiles_without_birth_year))


if __name__ == "__main__":
    main()
