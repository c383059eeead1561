"""Notifications end to end: an ``offer.reviewed`` through the real Kafka to the workers' consumer, stored in
the real database, e-mailed through the real SMTP server of the local stack (aiosmtpd, started as
``make up`` starts it).

Exactly one notification and one e-mail, although the event is delivered three times and the consumer
process, sender included, is killed while the e-mail is pending and started again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from email import message_from_bytes
from email.policy import default

import pytest

from deploy.stack import ROOT, Stack
from tests.integration.helpers import PORT_OFFSET, eventually
from tests.integration.workers_support import publish, reviewed_offer
from workers.handlers import on_offer_reviewed
from workers.models import Notification, Worker

pytestmark = pytest.mark.integration

RUN_WORKER = "import sys; from workers.worker import main; main(sys.argv[1])"


@pytest.fixture
def mail(tmp_path):
    """The stack's SMTP server on a port of this test session, keeping messages under its own folder."""
    mailbox = Stack(var=tmp_path / "stack", smtp_port=18025 + PORT_OFFSET)
    mailbox.start_mail()
    yield mailbox
    mailbox.stop("mail")


def messages(mailbox: Stack) -> list:
    return [message_from_bytes(path.read_bytes(), policy=default) for path in sorted(mailbox.mail_dir.glob("*.eml"))]


def deliveries(mailbox: Stack) -> list[str]:
    received = mailbox.mail_dir / "received.log"
    return received.read_text().splitlines() if received.exists() else []


def start_worker(settings, mailbox: Stack, log_path):
    """``python -m workers.worker`` as the stack runs it, on the test's database and consumer group."""
    env = {**os.environ, "LP_SECRET_KEY": settings.secret_key, "LP_MONGO_URL": settings.mongo_url,
           "LP_KAFKA_BOOTSTRAP": settings.kafka_bootstrap, "LP_MONGO_DB_PREFIX": settings.mongo_db_prefix,
           "LP_SMTP_URL": mailbox.smtp_url, "LP_NOTIFY_LEASE_SECONDS": "1",
           f"LP_{settings.service.upper()}_PUBLIC_URL": "https://w.example"}
    with open(log_path, "ab") as log:
        return subprocess.Popen([sys.executable, "-c", RUN_WORKER, settings.service], env=env, cwd=ROOT, stdout=log,
                                stderr=subprocess.STDOUT)


def kill(process) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_an_offer_is_told_once_and_mailed_once_across_redelivery_and_a_killed_sender(settings, database, mail,
                                                                                      tmp_path):
    worker = Worker(name="Ana", email="ana@example.org", password_hash="x", ui_language="es").save()
    event = reviewed_offer(str(worker.pk), "flag")
    mail.stop("mail")  # the server is down at first: the sender must keep the e-mail pending and retry
    process = start_worker(settings, mail, tmp_path / "worker.log")
    try:
        publish(settings, event, event)
        stored = eventually(lambda: Notification.objects(recipient_id=str(worker.pk), attempts__gte=1).first(),
                            "the notification stored and a first sending tried", timeout=120)
        assert stored.email == "pending"
        kill(process)  # mid-way: the e-mail is pending and leased to the process that dies
        on_offer_reviewed(event)  # and the handler runs again on the same event, past the consumer's ledger
        mail.start_mail()
        process = start_worker(settings, mail, tmp_path / "worker.log")
        publish(settings, event)
        eventually(lambda: Notification.objects(email="sent").first(), "the e-mail sent", timeout=120)
    finally:
        kill(process)
    assert Notification.objects(recipient_id=str(worker.pk)).count() == 1
    assert len(deliveries(mail)) == 1
    [message] = messages(mail)
    assert message["To"] == "ana@example.org"
    assert message["Content-Language"] == "es"
    assert message["Subject"] == stored.text
    assert stored.text.startswith("Nueva oferta de trabajo de Farm 0")
    assert f"https://w.example/offers/{event.subject}" in message.get_content()
