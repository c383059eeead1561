"""Use cases of the worker's account and profile; each saved profile publishes ``worker.profile_updated``.

The event goes into the worker document's outbox in the same write as the
profile, so a saved profile is always published and nothing is published
that was not saved.
"""

from __future__ import annotations

from bson import ObjectId
from mongoengine import NotUniqueError

from services import db, errors, outbox
from services.db import plain
from services.documents import MATCHING_FIELDS
from services.events import WORKER_PROFILE_UPDATED, new_event
from services.passwords import hash_password
from workers.models import Worker, utcnow

# What the matcher needs (the kernel's list); never the e-mail, the full name or the gender.
PUBLISHED_FIELDS = MATCHING_FIELDS
EDITABLE_FIELDS = ("name", *PUBLISHED_FIELDS, "gender", "ui_language")


def display_name(name: str) -> str:
    """The first name only, which is all the other services may show."""
    words = (name or "").split()
    return words[0][:40] if words else ""


def profile_payload(worker_id: str, revision: int, profile: dict) -> dict:
    """The ``worker.profile_updated`` payload of docs/events.md."""
    published = {key: profile.get(key) for key in PUBLISHED_FIELDS}
    for key in ("languages", "skills", "certifications", "availability", "preferred_countries", "pathways"):
        published[key] = list(published[key] or [])
    return {"worker_id": worker_id, "revision": revision,
            "profile": {"display_name": display_name(profile.get("name", "")), **published}}


def create_worker(account: dict) -> Worker:
    """A new worker from the contract's worker document (revision 1, published); Conflict if the e-mail is taken."""
    fields = {key: account[key] for key in EDITABLE_FIELDS if key in account}
    worker = Worker(email=account["email"], password_hash=hash_password(account["password"]), revision=1, **fields)
    # The id is minted before the insert: the first event carries it.
    worker.pk = ObjectId()
    worker.record_event(WORKER_PROFILE_UPDATED, profile_payload(str(worker.pk), 1, fields))
    try:
        db.save_new(worker)
    except NotUniqueError as exc:
        raise errors.Conflict("An account with this e-mail address already exists.") from exc
    return worker


def current_profile(worker: Worker) -> dict:
    """The fields a worker may change, as stored, in plain Python types."""
    return {key: plain(getattr(worker, key)) for key in EDITABLE_FIELDS}


def update_profile(worker: Worker, changes: dict) -> Worker:
    """Apply ``changes`` (absent fields keep their value); publish when what the matcher sees changed.

    The write is conditional on the revision read, so two saves at once
    cannot both become revision n+1: the second gets a Conflict.
    """
    before = current_profile(worker)
    after = {**before, **{key: changes[key] for key in EDITABLE_FIELDS if key in changes}}
    update = {"$set": {**after, "updated_at": utcnow()}}
    revision = worker.revision
    published_changed = any(after[key] != before[key] for key in PUBLISHED_FIELDS) or \
        display_name(after["name"]) != display_name(before["name"])
    events = []
    if published_changed:
        revision += 1
        events.append(new_event(WORKER_PROFILE_UPDATED, Worker.event_source, str(worker.pk),
                                profile_payload(str(worker.pk), revision, after)))
        update["$set"]["revision"] = revision
    if not outbox.write(Worker, {"_id": worker.pk, "revision": worker.revision}, update, events):
        raise errors.Conflict("Your profile was changed somewhere else meanwhile; reload it and try again.")
    return Worker.objects.get(pk=worker.pk)



def republish_profiles_without_birth_year() -> int:
    """Publish again, at their current revision, the profiles saved without a birth year; returns how many.

    A matcher older than the shared profile schema dead-lettered them, so
    those workers never got a match; the current one matches them. A one-off
    upgrade (``services.upgrades``), run after the matcher is upgraded.
    Idempotent: the matcher takes a revision it already has as the same
    profile, and a save in the meantime (a new revision) publishes itself.
    """
    published = 0
    for worker in Worker.objects(birth_year=None):
        event = new_event(WORKER_PROFILE_UPDATED, Worker.event_source, str(worker.pk),
                          profile_payload(str(worker.pk), worker.revision, current_profile(worker)))
        published += outbox.write(Worker, {"_id": worker.pk, "revision": worker.revision}, {}, [event])
    return published
