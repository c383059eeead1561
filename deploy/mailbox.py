"""The local stack's SMTP server (aiosmtpd, on loopback): every message it receives is kept under a folder.

    python -m deploy.mailbox --port 8025 --directory var/mail

Each message is stored as ``<directory>/<hash of its Message-ID>.eml``: a copy sent again after a sender's
crash (same Message-ID, ``services.notify_sender``) replaces nothing and adds no file. Every delivery,
copies too, is one line of ``<directory>/received.log`` (time, Message-ID, recipients, file), so a test
can tell one delivery from two.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import signal
import threading
from datetime import UTC, datetime
from email import message_from_bytes
from pathlib import Path

from aiosmtpd.controller import Controller

log = logging.getLogger(__name__)
RECEIVED_LOG = "received.log"


class Mailbox:
    """aiosmtpd's handler: keeps each message as a file named after its Message-ID."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.lock = threading.Lock()
        directory.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.keep(envelope.content, envelope.rcpt_tos)
        return "250 Message accepted for delivery"

    def keep(self, content: bytes, recipients) -> Path:
        message_id = message_from_bytes(content).get("Message-ID", "") or hashlib.sha256(content).hexdigest()
        path = self.directory / f"{hashlib.sha256(message_id.encode()).hexdigest()[:24]}.eml"
        with self.lock:
            if not path.exists():
                temporary = path.with_suffix(".tmp")
                temporary.write_bytes(content)
                temporary.replace(path)
            with (self.directory / RECEIVED_LOG).open("a", encoding="utf-8") as received:
                received.write(f"{datetime.now(UTC).isoformat()}\t{message_id}\t{','.join(recipients)}\t{path.name}\n")
        # No addresses in the process log: log files travel further than the mailbox (the e2e test reads them).
        log.info("received %s for %d recipient(s): %s", message_id, len(recipients), path)
        return path


def serve(port: int, directory: Path, stop: threading.Event, host: str = "127.0.0.1") -> None:
    """Run the server until ``stop`` is set."""
    controller = Controller(Mailbox(directory), hostname=host, port=port)
    controller.start()
    log.info("SMTP on %s:%s, messages under %s", host, port, directory)
    try:
        stop.wait()
    finally:
        controller.stop()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--directory", type=Path, default=Path("var/mail"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # aiosmtpd logs each SMTP command at INFO, the recipients' addresses with them.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    serve(args.port, args.directory, stop)


if __name__ == "__main__":
    main()
