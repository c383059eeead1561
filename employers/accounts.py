"""Employer accounts: sign-up and the session of the signed-in employer."""

from __future__ import annotations

from bson import ObjectId
from mongoengine import NotUniqueError

from employers.models import Employer
from employers.store import object_id
from services import db, errors, outbox
from services.events import EMPLOYER_REGISTERED, new_event
from services.passwords import hash_password

DUPLICATE = "An account with this e-mail address already exists."


REGISTRATION_FIELDS = ("registration_number", "contact")


def create_account(data: dict, verification_required: bool = False) -> Employer:
    """Store a new employer from a validated sign-up (``AccountRequestSchema``) and publish
    ``employer.registered`` for the auditors who verify it; Conflict for a known e-mail.

    Where verification is required, the registration number and a contact are too (the auditors cannot
    verify a business without them); ``Incomplete`` names what is missing.
    """
    missing = [name for name in REGISTRATION_FIELDS if not data.get(name)]
    if verification_required and missing:
        raise errors.Incomplete("Give the business registration number and a contact, so it can be verified.",
                                {name: ["Required to verify the employer."] for name in missing})
    employer = Employer(name=data["name"], email=data["email"], password_hash=hash_password(data["password"]),
                        country=data["country"], **{name: data.get(name, "") for name in REGISTRATION_FIELDS})
    employer.pk = ObjectId()
    employer.record_event(EMPLOYER_REGISTERED, registered_payload(employer))
    try:
        # The unique index decides: two sign-ups racing cannot both win (nor both publish).
        return db.save_new(employer)
    except NotUniqueError as exc:
        raise errors.Conflict(DUPLICATE) from exc


def registered_payload(employer: Employer) -> dict:
    """What ``employer.registered`` says of an employer (the contract's payload)."""
    return {"employer_id": str(employer.pk), "name": employer.name, "country": employer.country,
            "registration_number": employer.registration_number or ""}


def register_older_accounts() -> int:
    """Send the accounts made before verification existed to the auditors' queue (``employer.registered``),
    once each: an upgrade run at the worker's start. Returns how many."""
    count = 0
    for employer in Employer.objects(verification__exists=False).only("id", "name", "country",
                                                                       "registration_number"):
        event = new_event(EMPLOYER_REGISTERED, Employer.event_source, str(employer.pk), registered_payload(employer))
        # Conditional on the field still missing: a second run, or a racing worker, sends nothing twice.
        count += outbox.write(Employer, {"_id": employer.pk, "verification": {"$exists": False}},
                              {"$set": {"verification": "unverified"}}, [event])
    return count


def require_verified(employer: Employer, verification_required: bool) -> None:
    """Refuse, where verification is required, what reaches workers (candidates, offers) before an auditor
    verified the employer."""
    if verification_required and employer.verification != "verified":
        raise errors.UnverifiedEmployer(
            "An auditor has not verified this employer yet: candidates and offers open once it has.")


def employer_of(subject: str) -> Employer:
    """The account a token or session names; Unauthorized when it no longer exists."""
    oid = object_id(subject)
    employer = Employer.objects(id=oid).first() if oid else None
    if employer is None:
        raise errors.Unauthorized("This account no longer exists.")
    return employer
