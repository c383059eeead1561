"""The other services' client of the ethics service's public dry-run check (``POST /api/v1/checks``) and
minimum-wage lookup (``GET /api/v1/minimum-wage``, and the regions its table lists).

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
from services.http_read import get_json

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
        self.base = settings.ethics_url.rstrip("/") + "/api/v1"
        self.url = self.base + "/checks"
        self.http = session or requests.Session()
        self.timeout = timeout or (CONNECT_SECONDS, settings.check_budget_seconds + READ_MARGIN_SECONDS)

    def check_vacancy(self, document: dict) -> dict:
        """``{"verdict", "rules_version", "flags": [...]}`` for a vacancy document (the contract's shape).

        Flag messages come back in English, as stored flags are: the caller shows them in its reader's
        language through ``services.flag_messages``."""
        return self._check({"kind": "vacancy", "document": document})

    def minimum_wage(self, country: str, region: str = "", on: str = "") -> dict | None:
        """``{"country", "region", "amount", "currency", "per", "effective", "source"}`` in force on ``on``
        (an ISO date; the latest if blank), or None when ethics knows no minimum for the place."""
        params = {k: v for k, v in {"country": country, "region": region, "on": on}.items() if v}
        found = self._get("/minimum-wage", params)
        if found is not None and not (isinstance(found, dict) and isinstance(found.get("amount"), int | float)):
            raise EthicsUnavailable("ethics answered something other than a minimum wage")
        return found

    def regions(self) -> list[dict]:
        """``[{"country", "region"}]``: the regions the minimum wage table lists."""
        found = self._get("/minimum-wage/regions", {})
        items = found.get("items") if isinstance(found, dict) else None
        if not isinstance(items, list):
            raise EthicsUnavailable("ethics answered something other than a list of regions")
        return [i for i in items if isinstance(i, dict) and i.get("country") and i.get("region")]

    def _get(self, path: str, params: dict) -> dict | None:
        """The JSON answer to a read, None on a 404 (``EthicsUnavailable`` when ethics cannot answer)."""
        return get_json(self.http, self.base + path, params, (CONNECT_SECONDS, READ_MARGIN_SECONDS), EthicsUnavailable)

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
