"""The other services' client of the ethics service's public dry-run check (``POST /api/v1/checks``).

The employers' vacancy form asks ethics what its rules would say of a vacancy before it is submitted.
The check stores nothing and needs no account (CONTRACT.md: "anyone"), so no token is sent. Asking over
HTTP, rather than importing ``ethics.engine``, keeps an employers deploy independent of the rules version
and keeps the text classifier out of every employers web process.
An ethics service that is down, slow, or answers anything but a verdict raises ``EthicsUnavailable``:
the form then says the check is unavailable and the vacancy can still be submitted (the event flow
checks it when it arrives), never a 500.
"""

from __future__ import annotations

import logging

import requests

from services.config import Settings

log = logging.getLogger(__name__)

CONNECT_SECONDS = 2.0
# Beyond the check's own budget for free text (LP_CHECK_BUDGET_SECONDS), time for the structured rules and
# the network: a check that spends its whole budget still answers in time.
READ_MARGIN_SECONDS = 3.0
VERDICTS = ("pass", "flag", "block")


class EthicsUnavailable(RuntimeError):
    """The ethics service could not answer with a verdict (down, timed out, a 5xx or a malformed answer)."""


class EthicsClient:
    """Dry-run checks of documents by the ethics service."""

    def __init__(self, settings: Settings, session: requests.Session | None = None,
                 timeout: tuple[float, float] | None = None):
        self.url = settings.ethics_url.rstrip("/") + "/api/v1/checks"
        self.http = session or requests.Session()
        self.timeout = timeout or (CONNECT_SECONDS, settings.check_budget_seconds + READ_MARGIN_SECONDS)

    def check_vacancy(self, document: dict) -> dict:
        """``{"verdict", "rules_version", "flags": [...]}`` for a vacancy document (the contract's shape).

        Flag messages come back in English, as stored flags are: the caller shows them in its reader's
        language through ``services.flag_messages``."""
        return self._check({"kind": "vacancy", "document": document})

    def _check(self, body: dict) -> dict:
        try:
            response = self.http.post(self.url, json=body, timeout=self.timeout, headers={"Accept-Language": "en"})
        except requests.RequestException as exc:
            raise EthicsUnavailable(f"ethics unreachable: {exc.__class__.__name__}") from exc
        if response.status_code != 200:
            # A 4xx too: the two services disagree on the document, which the employer cannot fix here.
            log.warning("ethics answered %s to a dry-run check", response.status_code)
            raise EthicsUnavailable(f"ethics answered {response.status_code}")
        return _verdict(response)


def _verdict(response: requests.Response) -> dict:
    """The answer's verdict, or ``EthicsUnavailable`` if it is not one."""
    try:
        verdict = response.json()
    except ValueError as exc:
        raise EthicsUnavailable("ethics answered something other than JSON") from exc
    if not (isinstance(verdict, dict) and verdict.get("verdict") in VERDICTS
            and isinstance(verdict.get("flags"), list) and all(isinstance(f, dict) for f in verdict["flags"])):
        raise EthicsUnavailable("ethics answered something other than a verdict")
    return verdict
