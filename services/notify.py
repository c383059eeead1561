"""Channels that tell a person something outside the app: e-mail over SMTP, and SMS (log-only for now).

A channel is anything with ``send(message)`` that raises on failure (``ChannelError`` when worth
retrying). Adding an SMS or WhatsApp provider means one more class here and one more entry in
``channels``; the sender loop (``services.notifications``) does not change.

Every message carries a Message-ID made from the notification's key (``message_id``): a message sent
again after a crash (between the server's acceptance and our record of it) carries the same id, so the
receiving side can tell the copy from a new message.
"""

from __future__ import annotations

import hashlib
import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

log = logging.getLogger(__name__)

DEFAULT_SMTP_PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
SMTP_TIMEOUT_SECONDS = 30


class ChannelError(RuntimeError):
    """A message could not be handed over now; the sender tries again later."""


@dataclass(frozen=True)
class Message:
    """One message to one person, already in their language."""

    to: str
    subject: str
    body: str
    message_id: str
    language: str = "en"


def message_id(key: str, domain: str) -> str:
    """The Message-ID of the notification ``key``: the same for every attempt at sending it."""
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"


@dataclass(frozen=True)
class SmtpEmail:
    """E-mail through an SMTP server named by a URL: ``smtp://[user:password@]host[:port][?from=addr]``;
    ``smtp+starttls://`` upgrades the connection, ``smtps://`` is TLS from the start."""

    scheme: str
    host: str
    port: int
    sender: str
    username: str = ""
    password: str = ""

    @classmethod
    def from_url(cls, url: str) -> SmtpEmail:
        parts = urlsplit(url)
        if parts.scheme not in DEFAULT_SMTP_PORTS or not parts.hostname:
            raise ValueError(f"LP_SMTP_URL must be smtp://, smtp+starttls:// or smtps://host[:port], not {url!r}")
        sender = parse_qs(parts.query).get("from", [f"notifications@{parts.hostname}"])[0]
        return cls(parts.scheme, parts.hostname, parts.port or DEFAULT_SMTP_PORTS[parts.scheme], sender,
                   unquote(parts.username or ""), unquote(parts.password or ""))

    @property
    def domain(self) -> str:
        """The part after @ of the sender: where the Message-IDs come from."""
        return self.sender.rpartition("@")[2] or self.host

    def compose(self, message: Message) -> EmailMessage:
        mail = EmailMessage()
        mail["From"], mail["To"], mail["Subject"] = self.sender, message.to, message.subject
        mail["Message-ID"] = message.message_id
        mail.set_content(message.body)
        mail["Content-Language"] = message.language  # after set_content, which drops every Content-* header
        return mail

    def send(self, message: Message) -> None:
        """Hand ``message`` to the server; ChannelError if it cannot be handed over now."""
        try:
            with self._connect() as server:
                if self.username:
                    server.login(self.username, self.password)
                server.send_message(self.compose(message))
        except smtplib.SMTPRecipientsRefused as exc:
            raise ValueError(f"the server refuses the address: {exc.recipients}") from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise ChannelError(f"SMTP {self.host}:{self.port}: {exc}") from exc

    def _connect(self) -> smtplib.SMTP:
        if self.scheme == "smtps":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=SMTP_TIMEOUT_SECONDS,
                                    context=ssl.create_default_context())
        server = smtplib.SMTP(self.host, self.port, timeout=SMTP_TIMEOUT_SECONDS)
        if self.scheme == "smtp+starttls":
            server.starttls(context=ssl.create_default_context())
        return server


class LogSms:
    """SMS that are only written to the log: the default until a provider is configured."""

    domain = "sms.invalid"

    def send(self, message: Message) -> None:
        log.info("SMS (log only) to %s: %s", message.to, message.subject)


def channels(smtp_url: str) -> dict:
    """The channels this process can send on: ``email`` when ``smtp_url`` is set, ``sms`` always."""
    found: dict = {"sms": LogSms()}
    if smtp_url:
        found["email"] = SmtpEmail.from_url(smtp_url)
    return found
