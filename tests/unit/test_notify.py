"""The channels adapter (services/notify.py): the SMTP URL, the composed e-mail, its Message-ID, the SMS
default, and an SMTP server that is down."""

from __future__ import annotations

import logging
import socket

import pytest

from services.notify import ChannelError, LogSms, Message, SmtpEmail, channels, message_id


def test_the_url_gives_server_port_sender_and_login():
    plain = SmtpEmail.from_url("smtp://127.0.0.1:8025?from=notifications@lp.example")
    assert (plain.scheme, plain.host, plain.port, plain.sender, plain.domain) == (
        "smtp", "127.0.0.1", 8025, "notifications@lp.example", "lp.example")
    secure = SmtpEmail.from_url("smtps://user%40x:p%2Fw@mail.example")
    assert (secure.port, secure.username, secure.password, secure.sender) == (
        465, "user@x", "p/w", "notifications@mail.example")
    assert SmtpEmail.from_url("smtp+starttls://mail.example").port == 587


@pytest.mark.parametrize("url", ["http://mail.example", "smtp://", "mail.example:25"])
def test_a_url_that_is_not_smtp_is_refused(url):
    with pytest.raises(ValueError):
        SmtpEmail.from_url(url)


def test_the_message_id_is_the_same_for_every_attempt_and_differs_between_notifications():
    assert message_id("e1:w1:offer_new", "lp.example") == message_id("e1:w1:offer_new", "lp.example")
    assert message_id("e1:w1:offer_new", "lp.example") != message_id("e2:w1:offer_new", "lp.example")
    assert message_id("e1:w1:offer_new", "lp.example").endswith("@lp.example>")


def test_the_composed_email_carries_language_and_message_id():
    channel = SmtpEmail.from_url("smtp://127.0.0.1:8025?from=n@lp.example")
    mail = channel.compose(Message("ana@example.org", "Nueva oferta", "Nueva oferta\n", "<x@lp.example>", "es"))
    assert (mail["To"], mail["From"], mail["Subject"]) == ("ana@example.org", "n@lp.example", "Nueva oferta")
    assert (mail["Message-ID"], mail["Content-Language"]) == ("<x@lp.example>", "es")
    assert "Nueva oferta" in mail.get_content()


def test_a_server_that_is_down_is_a_channel_error_to_retry():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: nothing listens there
    with pytest.raises(ChannelError):
        SmtpEmail.from_url(f"smtp://127.0.0.1:{port}").send(Message("a@b.c", "s", "b", "<i@b.c>"))


def test_sms_are_logged_only_and_email_needs_a_url(caplog):
    with caplog.at_level(logging.INFO, logger="services.notify"):
        LogSms().send(Message("+50212345678", "New job offer", "New job offer", "<i@sms.invalid>"))
    assert "SMS (log only) to +50212345678: New job offer" in caplog.text
    assert set(channels("")) == {"sms"}
    assert set(channels("smtp://127.0.0.1:8025")) == {"sms", "email"}
