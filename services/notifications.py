"""What a person is told, as each service keeps it: stored notifications, their consent settings, the texts
in the person's language.

A service subclasses ``Notification`` and ``NotificationSettings`` (its own collections) and creates
notifications in its consumer's handlers with ``notify``: one per (event id, recipient), so a redelivered
event adds nothing. A notification to be e-mailed is stored ``email="pending"``; the sender loop
(``services.notify_sender``) sends it and records it ``sent``. Nothing is sent from a web request.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from babel.support import Translations
from bson import ObjectId
from bson.errors import InvalidId
from mongoengine import BooleanField, DateTimeField, Document, IntField, ListField, NotUniqueError, StringField

from services import errors
from services.keyset import id_page

# The states of a notification's e-mail: not to be sent, waiting (or being retried), sent, given up, or
# dropped because the person has no address or no longer wants it.
EMAIL_STATES = ("off", "pending", "sent", "failed", "dropped")
UNREAD_SHOWN = 99  # the header shows "99+" past this: the count stops there


def utcnow() -> datetime:
    return datetime.now(UTC)


class Notification(Document):
    """One thing one person is told (in-app always; by e-mail while ``email`` is ``pending``).

    ``key`` is the event id, the recipient and the kind: unique, so an event delivered twice tells once
    (the kind: one event may tell one person two things, as a verdict that applies a waiting answer).
    ``text`` is written in the person's language when the event arrives. ``lease_until`` and ``owner``
    belong to the sender loop: a sender holds a pending notification until then (a new one's is its creation,
so the sender's query is one equality and one range, served by one index).
    """

    key = StringField(required=True, unique=True)
    recipient_id = StringField(required=True)
    kind = StringField(required=True)
    text = StringField(required=True)
    link = StringField(default="")
    language = StringField(default="en")
    read = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)
    email = StringField(default="off", choices=EMAIL_STATES)
    lease_until = DateTimeField()
    owner = StringField(default="")
    attempts = IntField(default=0)
    sent_at = DateTimeField()

    # Lists newest first, the unread count in the header, and the sender's queue: each query its index.
    meta = {"abstract": True, "indexes": [("recipient_id", "-id"), ("recipient_id", "read"),
                                          ("email", "lease_until")]}


class NotificationSettings(Document):
    """A person's consent per channel: in-app is always on; ``email_off`` lists the kinds they do not
    want e-mailed (none at first: these are messages about their own offers and seasons)."""

    id = StringField(primary_key=True)  # the person's id
    email_off = ListField(StringField())
    language = StringField(default="")
    updated_at = DateTimeField(default=utcnow)

    meta = {"abstract": True}


def notify(document: type[Notification], event_id: str, recipient_id: str, kind: str, text: str, link: str,
           language: str, email: bool) -> bool:
    """Store what ``recipient_id`` is told of event ``event_id`` (``kind``); False if it was stored already."""
    entry = document(key=f"{event_id}:{recipient_id}:{kind}", recipient_id=recipient_id, kind=kind, text=text,
                     link=link, language=language, email="pending" if email else "off", lease_until=utcnow())
    try:
        entry.save(force_insert=True)
    except NotUniqueError:
        return False
    return True


def wants_email(settings: NotificationSettings | None, kind: str) -> bool:
    return settings is None or kind not in settings.email_off


def page(document: type[Notification], recipient_id: str, limit: int, cursor: str | None):
    """The person's notifications, newest first, and the next page's cursor (``services.keyset``)."""
    after = _object_id(cursor, "The cursor is not one this service gave out.") if cursor else None
    docs, next_id = id_page(document._get_collection(), {"recipient_id": recipient_id}, limit, after)
    return [document._from_son(doc) for doc in docs], (str(next_id) if next_id else None)


def unread(document: type[Notification], recipient_id: str) -> int:
    """How many are unread, counted up to ``UNREAD_SHOWN + 1`` at most."""
    return document._get_collection().count_documents({"recipient_id": recipient_id, "read": False},
                                                      limit=UNREAD_SHOWN + 1)


def mark_read(document: type[Notification], recipient_id: str, notification_id: str) -> Notification:
    """Mark one of the person's notifications read; another person's (or none) is NotFound."""
    pk = _object_id(notification_id, "No such notification.", errors.NotFound)
    if not document.objects(pk=pk, recipient_id=recipient_id).update_one(set__read=True):
        raise errors.NotFound("No such notification.")
    return document.objects.get(pk=pk)


def save_settings(document: type[NotificationSettings], person_id: str, email_off, language: str = "") -> None:
    fields = {"set__email_off": sorted(set(email_off)), "set__updated_at": utcnow()}
    if language:
        fields["set__language"] = language
    document.objects(id=person_id).update_one(upsert=True, **fields)


def to_dict(entry: Notification) -> dict:
    """The contract's item: id, kind, created_at, read, text, link."""
    return {"id": str(entry.pk), "kind": entry.kind, "created_at": entry.created_at, "read": entry.read,
            "text": entry.text, "link": entry.link}


def _object_id(text: str, message: str, error=errors.Invalid) -> ObjectId:
    try:
        return ObjectId(text)
    except (InvalidId, TypeError) as exc:
        raise error(message) from exc


@lru_cache(maxsize=32)
def translations(directory: str, language: str) -> Translations:
    """The catalogue of ``language`` under a service's ``translations`` folder (compiled if needed), for
    texts written outside a request: a consumer writes in the recipient's language, not a page's."""
    from services.web.i18n import compile_catalogues

    compile_catalogues(Path(directory))
    return Translations.load(directory, [language], domain="messages")
