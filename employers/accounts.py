"""Employer accounts: sign-up and the session of the signed-in employer."""

from __future__ import annotations

from mongoengine import NotUniqueError

from employers.models import Employer
from employers.store import object_id
from services import errors
from services.passwords import hash_password

DUPLICATE = "An account with this e-mail address already exists."


def create_account(data: dict) -> Employer:
    """Store a new employer from a validated sign-up (``AccountRequestSchema``); Conflict for a known e-mail."""
    employer = Employer(name=data["name"], email=data["email"], password_hash=hash_password(data["password"]),
                        country=data["country"])
    try:
        # The unique index decides: two sign-ups racing cannot both win.
        return employer.save(force_insert=True)
    except NotUniqueError as exc:
        raise errors.Conflict(DUPLICATE) from exc


def employer_of(subject: str) -> Employer:
    """The account a token or session names; Unauthorized when it no longer exists."""
    oid = object_id(subject)
    employer = Employer.objects(id=oid).first() if oid else None
    if employer is None:
        raise errors.Unauthorized("This account no longer exists.")
    return employer
