"""The other services' client of the matcher's read API (``/api/v1`` on the matcher).

The matcher ranks on request from the index it holds in memory: a worker's
matches (ids, scores and reasons: the workers service shows its own vacancy
cards), a vacancy's candidates, a worker's itineraries. Calls carry
a short-lived ``service`` token signed with the service-to-matcher key
(``services.keys``), which signs nothing else.
A matcher that is down or slow raises ``MatcherUnavailable``: callers answer
503 (API) or show "matches are being prepared" (pages), never a 500.
"""

from __future__ import annotations

import requests

from services.auth import issue_token
from services.config import Settings
from services.http_read import get_json
from services.keys import keyring

TIMEOUT_SECONDS = (2.0, 5.0)  # connect, read
TOKEN_TTL_SECONDS = 300


class MatcherUnavailable(RuntimeError):
    """The matcher could not answer (down, timed out, or a 5xx)."""


class MatcherClient:
    """Reads matches, candidates and itineraries from the matcher."""

    def __init__(self, settings: Settings, session: requests.Session | None = None):
        self.settings = settings
        self.base = settings.matcher_url.rstrip("/") + "/api/v1"
        self.http = session or requests.Session()
        self._token_key = keyring(settings, settings.service).service_tokens

    def matches(self, worker_id: str, limit: int = 20) -> dict | None:
        """``{"worker_id", "matches": [{"vacancy_id", "score", "reason_keys", "reasons"}], "updated_at"}`` best
        first, or None if the matcher has no profile yet."""
        return self._get(f"/workers/{worker_id}/matches", {"limit": limit})

    def candidates(self, vacancy_id: str, limit: int = 20) -> dict | None:
        """``{"vacancy_id", "candidates": [...], "updated_at"}`` best first, or None if not an open approved vacancy."""
        return self._get(f"/vacancies/{vacancy_id}/candidates", {"limit": limit})

    def candidate_counts(self, vacancy_ids: list[str]) -> dict[str, int]:
        """How many workers are eligible for each of ``vacancy_ids`` (up to 100) that is open; others absent."""
        if not vacancy_ids:
            return {}
        return dict((self._get("/candidate-counts", {"vacancy": list(vacancy_ids)}) or {}).get("counts") or {})

    def itineraries(self, worker_id: str) -> dict | None:
        """``{"itineraries": [...]}`` for the next 12 months, or None if the matcher has no profile yet."""
        return self._get(f"/workers/{worker_id}/itineraries", {})

    def skills(self, query: str, limit: int = 10) -> list[str]:
        """Phrases of the matcher's skill vocabulary for a typed ``query``, best first."""
        found = self._get("/skills", {"q": query, "limit": limit})
        return [str(item) for item in (found or {}).get("items", [])]

    def _get(self, path: str, params: dict) -> dict | None:
        token, _ = issue_token(self._token_key, self.settings.service, "service", TOKEN_TTL_SECONDS)
        return get_json(self.http, self.base + path, params, TIMEOUT_SECONDS, MatcherUnavailable,
                        headers={"Authorization": f"Bearer {token}"})
