"""Demo data for ``make run``.

Today it creates the demo auditor (through the ethics operator command) and
writes the demo logins to ``var/demo_logins.txt``. Employers, workers,
vacancies and past seasons come with the employers' and workers' APIs
(their own issues) and will be created through those APIs.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from ethics.__main__ import create_auditor
from ethics.models import Auditor
from services import db
from services.config import Settings

log = logging.getLogger(__name__)
LOGINS = Path(os.environ.get("LP_VAR_DIR", "var")) / "demo_logins.txt"
AUDITOR_EMAIL = "auditor@demo.labourpathways.org"


def seed_auditor() -> str:
    """The demo auditor's login line (created once, password kept in var/)."""
    db.connect(Settings.from_env("ethics"))
    if Auditor.objects(email=AUDITOR_EMAIL).first() is None or not LOGINS.exists():
        password = secrets.token_urlsafe(12)
        Auditor.objects(email=AUDITOR_EMAIL).delete()
        create_auditor(AUDITOR_EMAIL, password)
        LOGINS.parent.mkdir(parents=True, exist_ok=True)
        LOGINS.write_text(f"auditor  {AUDITOR_EMAIL}  {password}  http://127.0.0.1:8003/login\n")
        LOGINS.chmod(0o600)
    return LOGINS.read_text().strip()


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="[seed] %(message)s")
    log.info("demo logins (also in %s):", LOGINS)
    log.info("%s", seed_auditor())
    log.info("employers, workers and vacancies are not seeded yet: they come with the employers' and workers' APIs")


if __name__ == "__main__":
    main()
