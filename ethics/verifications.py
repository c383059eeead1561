"""Use cases of employer verification: the auditors' queue of registrations, and their decisions.

An employer registers at sign-up (``employer.registered``, kept by ``ethics.handlers``); an auditor
verifies or rejects the registration with a note. The decision is kept with every earlier one and
published as ``employer.verified`` in the same write, so the employers service and the matcher learn it
(where verification is required, only verified employers reach workers).
"""

from __future__ import annotations

from bson import ObjectId
from bson.errors import InvalidId

from ethics.flags import object_id
from ethics.models import EmployerFlagCounts, EmployerRegistration, Flag, VerificationDecision
from services import errors, outbox
from services.events import EMPLOYER_VERIFIED, new_event
from services.keyset import id_page

# How many of the employer's latest flags the verification page shows next to its registration.
RECENT_FLAGS = 10


def page(verification: str | None, limit: int, cursor: str | None) -> tuple[list[EmployerRegistration], str | None]:
    """Registrations newest first, of one verification state if given, after ``cursor``."""
    try:
        after = ObjectId(cursor) if cursor else None
    except (InvalidId, TypeError) as exc:
        raise errors.Invalid("The cursor is not one this service gave out.") from exc
    equal = {"verification": verification} if verification else {}
    docs, next_id = id_page(EmployerRegistration._get_collection(), equal, limit, after)
    return [EmployerRegistration._from_son(doc) for doc in docs], (str(next_id) if next_id else None)


def get(employer_id) -> EmployerRegistration:
    """One employer's registration; NotFound when none came."""
    registration = EmployerRegistration.objects(id=object_id(str(employer_id))).first()
    if registration is None:
        raise errors.NotFound("No such employer.")
    return registration


def history(employer_id: str) -> dict:
    """What the auditors already know of the employer: its flag counts and latest flags."""
    counts = EmployerFlagCounts.objects(id=str(employer_id)).first()
    recent = Flag.objects(employer_id=str(employer_id)).order_by("-created_at").limit(RECENT_FLAGS)
    return {"counts": counts, "flags": list(recent)}


def decide(employer_id, decision: str, note: str, auditor_id: str, auditor_email: str) -> EmployerRegistration:
    """Record an auditor's decision and publish ``employer.verified`` (Conflict if another landed first)."""
    registration = get(employer_id)
    entry = VerificationDecision(decision=decision, note=note, auditor_id=auditor_id, auditor_email=auditor_email)
    event = new_event(EMPLOYER_VERIFIED, EmployerRegistration.event_source, str(registration.id),
                      {"employer_id": str(registration.id), "decision": decision})
    # Conditional on the number of decisions read: two auditors deciding at once cannot both win.
    written = outbox.write(
        EmployerRegistration, {"_id": registration.id, "decision_count": registration.decision_count},
        {"$push": {"decisions": entry.to_mongo().to_dict()}, "$set": {"verification": decision},
         "$inc": {"decision_count": 1}},
        [event],
    )
    if not written:
        raise errors.Conflict("Another auditor decided on this employer meanwhile; reload it.")
    return get(employer_id)


def to_dict(registration: EmployerRegistration) -> dict:
    """The contract's queue item."""
    return {"id": str(registration.id), "name": registration.name, "country": registration.country,
            "registration_number": registration.registration_number,
            "registered_at": registration.registered_at, "verification": registration.verification}
