"""The ethics service's background process: Kafka consumer and outbox relay.

Run with ``python -m ethics.worker``.
"""

from __future__ import annotations

from services.worker import run_worker

# Topic -> handler(envelope). The service's issue fills these in.
HANDLERS: dict = {}
# Document classes whose outbox this process relays.
OUTBOX_DOCUMENTS: tuple = ()


def main() -> None:
    run_worker("ethics", HANDLERS, OUTBOX_DOCUMENTS)


if __name__ == "__main__":
    main()
