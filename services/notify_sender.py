"""The loop that e-mails pending notifications, in a service's background process (never a web request).

Each pending notification is claimed with one conditional update (pending and not leased, or its lease
run out) that leases it to this process, so two senders never send it at once, and a sender that dies
while holding it leaves it to another once the lease runs out. A failure that may pass (the server is
down) leaves it pending with a later lease; after ``max_attempts`` it is recorded ``failed``.

Retried without duplicates: a notification is marked ``sent`` only by the process that holds its lease,
and every attempt carries the same Message-ID (``services.notify.message_id``). The one window left is a
crash after the server accepted the message and before it is marked: the copy sent then has the same
Message-ID, which a receiver uses to drop it (the local mailbox, ``deploy/mailbox.py``, does).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import timedelta

from pymongo import ReturnDocument

from services.lease import process_owner
from services.notifications import Notification, utcnow
from services.notify import ChannelError, Message, message_id

log = logging.getLogger(__name__)


@dataclass
class EmailSender:
    """Sends ``document``'s pending notifications on ``channel`` (``services.notify.SmtpEmail``).

    ``address(recipient_id, kind)`` gives the e-mail address, or None when the person has none any more or
    turned this kind off (then the notification is ``dropped``). ``base_url`` makes the links absolute.
    """

    document: type[Notification]
    channel: object
    address: object
    base_url: str = ""
    lease: timedelta = timedelta(seconds=60)
    poll_seconds: float = 1.0
    max_attempts: int = 10
    owner: str = field(default_factory=process_owner)
    name: str = "email-sender"

    def run(self, stop: threading.Event) -> None:
        """Send until ``stop``; sleeps ``poll_seconds`` when nothing is waiting."""
        while not stop.is_set():
            if not self.send_one():
                stop.wait(self.poll_seconds)

    def send_one(self) -> bool:
        """Claim and send one pending notification; False if none was waiting."""
        entry = self.claim()
        if entry is None:
            return False
        to = self.address(entry["recipient_id"], entry["kind"])
        if not to:
            self._finish(entry, "dropped")
            return True
        try:
            self.channel.send(self.message(entry, to))
        except ChannelError as exc:
            self._retry(entry, exc)
        except ValueError as exc:  # refused for good (a bad address): trying again would not help
            log.warning("notification %s: not sent: %s", entry["_id"], exc)
            self._finish(entry, "failed")
        else:
            self._finish(entry, "sent", sent_at=utcnow())
        return True

    def claim(self) -> dict | None:
        """Lease one pending notification whose lease is free or run out; None if there is none."""
        now = utcnow()
        return self.document._get_collection().find_one_and_update(
            {"email": "pending", "lease_until": {"$lt": now}},
            {"$set": {"lease_until": now + self.lease, "owner": self.owner}, "$inc": {"attempts": 1}},
            return_document=ReturnDocument.AFTER)

    def message(self, entry: dict, to: str) -> Message:
        link = f"{self.base_url.rstrip('/')}{entry.get('link') or ''}"
        body = f"{entry['text']}\n\n{link}\n" if entry.get("link") else f"{entry['text']}\n"
        return Message(to=to, subject=entry["text"], body=body, language=entry.get("language") or "en",
                       message_id=message_id(entry["key"], getattr(self.channel, "domain", "localhost")))

    def _finish(self, entry: dict, state: str, **more) -> None:
        # Only while this process still holds the lease: one that ran out belongs to another sender now.
        self.document._get_collection().update_one(
            {"_id": entry["_id"], "owner": self.owner, "email": "pending"},
            {"$set": {"email": state, "lease_until": None, **more}})
        log.info("notification %s (%s): e-mail %s", entry["_id"], entry["kind"], state)

    def _retry(self, entry: dict, exc: Exception) -> None:
        if entry.get("attempts", 0) >= self.max_attempts:
            log.warning("notification %s: giving up after %s attempts: %s", entry["_id"], entry["attempts"], exc)
            self._finish(entry, "failed")
            return
        wait = min(self.lease * 2 ** (entry.get("attempts", 1) - 1), timedelta(hours=1))
        self.document._get_collection().update_one(
            {"_id": entry["_id"], "owner": self.owner, "email": "pending"},
            {"$set": {"lease_until": utcnow() + wait}})
        log.info("notification %s: e-mail not sent (%s); next try in %s", entry["_id"], exc, wait)


def email_job(settings, document: type[Notification], address) -> EmailSender | None:
    """The e-mail sender of a service's background process, or None when ``LP_SMTP_URL`` is not set."""
    from services.notify import channels

    channel = channels(settings.smtp_url).get("email")
    if channel is None:
        log.info("LP_SMTP_URL is not set: notifications are shown in the app only")
        return None
    base_url = settings.public_url or f"http://127.0.0.1:{settings.ports.get(settings.service, 0)}"
    return EmailSender(document, channel, address, base_url, lease=timedelta(seconds=settings.notify_lease_seconds))
