"""Stored notifications and the e-mail sender's claims, on the real database, with the real SMTP server.

Each test can fail: a second store of one event, a second sender taking a leased notification, a sender
whose lease ran out marking another's work, or a retry with a new Message-ID would each show here.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from bson import ObjectId

from deploy.mailbox import serve
from services import errors, notifications
from services.notify import SmtpEmail
from services.notify_sender import EmailSender
from tests.integration.helpers import PORT_OFFSET, eventually, explained, plan_stages, recorded_queries
from workers.models import Notification

pytestmark = pytest.mark.integration

PORT = 18125 + PORT_OFFSET


@pytest.fixture
def mailbox(tmp_path):
    """aiosmtpd in a thread of this process, keeping messages under tmp_path/mail."""
    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(PORT, tmp_path / "mail", stop), daemon=True)
    thread.start()
    channel = SmtpEmail.from_url(f"smtp://127.0.0.1:{PORT}?from=n@lp.test")
    eventually(lambda: _accepts(channel), "the SMTP server", timeout=30)
    yield tmp_path / "mail"
    stop.set()
    thread.join(timeout=10)


def _accepts(channel) -> bool:
    import smtplib
    try:
        with smtplib.SMTP(channel.host, channel.port, timeout=2):
            return True
    except OSError:
        return False


def tell(event_id="e1", recipient="w1", email=True):
    return notifications.notify(Notification, event_id, recipient, "offer_new", "Hello", "/offers/1", "en", email)


def sender(channel=None, lease=60.0, address=lambda _r, _k: "ana@example.org"):
    return EmailSender(Notification, channel, address, "https://w.example", lease=timedelta(seconds=lease))


class Recording:
    """A channel that keeps what it was given (the sender's claims are what is tested here)."""

    domain = "lp.test"

    def __init__(self):
        self.sent = []

    def send(self, message):
        self.sent.append(message)


def test_one_event_tells_one_person_once(database):
    assert tell() is True
    assert tell() is False
    assert tell(recipient="w2") is True
    assert Notification.objects.count() == 2


def test_a_leased_notification_is_not_taken_by_another_sender(database):
    tell()
    first, second = sender(), sender()
    assert first.claim() is not None
    assert second.claim() is None


def test_a_sender_whose_lease_ran_out_cannot_mark_it_and_the_next_sends_it_once(database):
    tell()
    channel = Recording()
    stalled = sender(channel, lease=0.2)
    entry = stalled.claim()
    time.sleep(0.3)  # the stalled sender's lease runs out: another takes the notification over
    taker = sender(channel)
    assert taker.send_one() is True
    stalled._finish(entry, "failed")  # too late: not its any more
    stored = Notification.objects.get()
    assert (stored.email, len(channel.sent)) == ("sent", 1)
    assert taker.send_one() is False


def test_consent_withdrawn_drops_the_email_but_keeps_the_notification(database):
    tell()
    channel = Recording()
    assert sender(channel, address=lambda _r, _k: None).send_one() is True
    assert (Notification.objects.get().email, channel.sent) == ("dropped", [])


def test_a_notification_not_to_be_emailed_is_never_claimed(database):
    tell(email=False)
    assert sender(Recording()).claim() is None


def test_a_crash_after_the_server_accepted_resends_with_the_same_message_id(database, mailbox):
    """The one window left (the module's docstring): the copy carries the same Message-ID, so the mailbox
    keeps one message although it received two."""
    tell()
    channel = SmtpEmail.from_url(f"smtp://127.0.0.1:{PORT}?from=n@lp.test")
    crashing = sender(channel, lease=0.2)
    entry = crashing.claim()
    channel.send(crashing.message(entry, "ana@example.org"))  # sent, then the process dies before marking it
    time.sleep(0.3)
    assert sender(channel).send_one() is True
    lines = (mailbox / "received.log").read_text().splitlines()
    assert len(lines) == 2 and lines[0].split("\t")[1] == lines[1].split("\t")[1]
    assert len(list(mailbox.glob("*.eml"))) == 1
    assert Notification.objects.get().email == "sent"


def test_the_page_and_the_unread_count_are_the_persons_own(database):
    for n in range(5):
        tell(event_id=f"e{n}")
    tell(event_id="other", recipient="w2")
    page, cursor = notifications.page(Notification, "w1", 3, None)
    rest, end = notifications.page(Notification, "w1", 3, cursor)
    assert [len(page), len(rest), end] == [3, 2, None]
    assert notifications.unread(Notification, "w1") == 5
    notifications.mark_read(Notification, "w1", str(page[0].pk))
    assert notifications.unread(Notification, "w1") == 4
    with pytest.raises(errors.NotFound):
        notifications.mark_read(Notification, "w2", str(page[1].pk))
    with pytest.raises(errors.NotFound):
        notifications.mark_read(Notification, "w1", str(ObjectId()))


def test_the_list_the_count_and_the_senders_queue_are_served_by_indexes(database):
    """3,000 notifications of 300 people: each query reads an index, and a page examines about a page."""
    Notification.ensure_indexes()
    now = notifications.utcnow()
    Notification._get_collection().insert_many([
        {"_id": ObjectId(), "key": f"e{n}", "recipient_id": f"w{n % 300}", "kind": "offer_new", "text": "t",
         "link": "", "language": "en", "read": n % 2 == 0, "created_at": now,
         "email": "sent" if n % 10 else "pending", "lease_until": now - timedelta(seconds=1)} for n in range(3000)])
    with recorded_queries(database, Notification._get_collection_name()) as finds:
        notifications.page(Notification, "w7", 5, None)
    filters = [find["filter"] for find in finds]
    filters += [{"recipient_id": "w7", "read": False}, {"email": "pending", "lease_until": {"$lt": now}}]
    for query in filters:
        stats = explained(database, {"find": Notification._get_collection_name(), "filter": query})
        assert "COLLSCAN" not in plan_stages(stats["queryPlanner"]["winningPlan"]), query
        assert stats["executionStats"]["totalDocsExamined"] <= 300, query
