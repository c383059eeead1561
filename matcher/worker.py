"""The matcher service's background process: Kafka consumer and outbox relay.

Run with ``python -m matcher.worker``.
"""

from __future__ import annotations

from services.worker import run_worker

# Topic -> handler(envelope). The service's issue fills these in.
HANDLERS: dict = {}
# Document classes whose outbox this process relays.
OUTBOX_DOCUMENTS: tuple = ()


def main() -> None:
    run_worker("matcher", HANDLERS, OUTBOX_DOCUMENTS)


if __name__ == "__main__":
    main()
