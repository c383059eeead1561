"""One read of another service's JSON API, the way every client here reads: None on a 404, the client's own
"unavailable" error when the service is down, slow, or answers anything but 200 with JSON (never a 500)."""

from __future__ import annotations

import logging

import requests

log = logging.getLogger(__name__)


def get_json(http: requests.Session, url: str, params: dict, timeout, unavailable: type[Exception],
             headers: dict | None = None):
    """The decoded answer of ``GET url?params``; None on a 404; ``unavailable`` raised otherwise."""
    try:
        response = http.get(url, params=params, timeout=timeout, headers=headers or {})
    except requests.RequestException as exc:
        raise unavailable(f"{url} unreachable: {exc.__class__.__name__}") from exc
    if response.status_code == 404:
        return None
    if response.status_code != 200:
        log.warning("%s answered %s", url, response.status_code)
        raise unavailable(f"answered {response.status_code}")
    try:
        return response.json()
    except ValueError as exc:
        raise unavailable("answered something other than JSON") from exc
