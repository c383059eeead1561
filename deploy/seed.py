"""Demo data for ``make run``, created through the services' public APIs.

The platform issue provides the stack only: the employers', workers' and
ethics' APIs that the demo population goes through are built by their own
issues, and this module grows with them.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="[seed] %(message)s")
    log.info("no demo data yet: accounts, vacancies and profiles come with the services' APIs")


if __name__ == "__main__":
    main()
