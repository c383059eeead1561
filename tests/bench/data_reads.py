"""Timed reads of the pages and APIs over HTTP, signed in as each role (for ``tests.bench.data_bench``).

One client, one request at a time: a read's latency is its own cost, not a queue's. Each row is warmed
up first (templates, connections, the gunicorn workers' first request), then read ``reads`` times or
until its time budget is spent (at least three reads). A read that takes longer than the timeout ends
its row: later ones would only wait as long.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pyotp
import requests

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
TARGET_MS = 200.0
MIN_READS = 3
WARM_UP_SLOW_MS = 1000.0


class SignInError(RuntimeError):
    """A sign-in did not go as the services' contract says."""


@dataclass(frozen=True)
class Read:
    """One row of the table: who reads what."""

    group: str
    name: str
    http: requests.Session
    url: str

    @property
    def key(self) -> tuple[str, str]:
        return self.group, self.name


@dataclass
class Figures:
    """The latencies of one row at one scale (ms), and what went wrong."""

    latencies_ms: list = field(default_factory=list)
    errors: int = 0
    timeouts: int = 0
    statuses: set = field(default_factory=set)
    empty: bool = False  # a JSON list that came back with no items: the row would measure nothing

    def percentile(self, p: float) -> float:
        """Nearest rank: the smallest latency with at least ``p`` % of the reads at or below it."""
        ordered = sorted(self.latencies_ms)
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] if ordered else float("nan")

    @property
    def passes(self) -> bool:
        return (bool(self.latencies_ms) and not (self.errors or self.timeouts or self.empty)
                and self.percentile(95) < TARGET_MS)

    def cell(self, timeout_s: float) -> str:
        """``p50 / p95 ms (n) PASS`` or ``... over``, with errors and timeouts said."""
        if self.timeouts and not self.latencies_ms:
            return f"> {timeout_s * 1000:,.0f} (timed out) over"
        text = f"{ms(self.percentile(50))} / {ms(self.percentile(95))} ({len(self.latencies_ms)})"
        if self.timeouts:
            text += f", {self.timeouts} over {timeout_s:.0f} s"
        if self.errors:
            text += f", {self.errors} errors (HTTP {', '.join(map(str, sorted(self.statuses)))})"
        if self.empty:
            text += ", EMPTY list"
        return f"{text} {'PASS' if self.passes else 'over'}"


def ms(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:,.0f}"


def measure(read: Read, reads: int, timeout_s: float, budget_s: float) -> Figures:
    """Warm up, then time up to ``reads`` GETs of ``read.url`` within ``budget_s`` (at least MIN_READS)."""
    figures = Figures()
    warm = Figures()
    for _ in range(2):
        answered = len(warm.latencies_ms)
        if not _get(read, timeout_s, warm) or len(warm.latencies_ms) == answered:
            break  # timed out, or an error: the timed reads will count them
        if warm.latencies_ms[-1] > WARM_UP_SLOW_MS:
            break
    if warm.timeouts:
        figures.timeouts = 1
        return figures
    figures.empty = warm.empty
    started = time.monotonic()
    while len(figures.latencies_ms) + figures.errors < reads:
        if not _get(read, timeout_s, figures):
            break
        spent = time.monotonic() - started
        if spent > budget_s and len(figures.latencies_ms) + figures.errors >= MIN_READS:
            break
    return figures


def _get(read: Read, timeout_s: float, figures: Figures) -> bool:
    """One timed GET (body included); False when it timed out."""
    started = time.perf_counter()
    try:
        response = read.http.get(read.url, timeout=(5, timeout_s), allow_redirects=False)
    except requests.Timeout:
        figures.timeouts += 1
        return False
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code == 200:
        figures.latencies_ms.append(elapsed)
        body = response.json() if response.headers.get("Content-Type", "").startswith("application/json") else None
        figures.empty = figures.empty or (isinstance(body, dict) and body.get("items") == [])
    else:
        figures.errors += 1
        figures.statuses.add(response.status_code)
    return True


# -- signing in


def api_session(base: str, email: str, password: str, otp: str | None = None) -> requests.Session:
    """A session carrying the bearer token of ``POST /api/v1/tokens``."""
    http = requests.Session()
    body = {"email": email, "password": password, **({"otp": otp} if otp else {})}
    response = _patiently(http, "POST", f"{base}/api/v1/tokens", json=body)
    if response.status_code != 200:
        raise SignInError(f"{base} token: {response.status_code} {response.text[:200]}")
    http.headers["Authorization"] = f"Bearer {response.json()['token']}"
    return http


def page_session(base: str, email: str, password: str, code: str | None = None) -> requests.Session:
    """A session signed in through the sign-in form (and the auditor's code step when ``code`` is given)."""
    http = requests.Session()
    _post_form(http, f"{base}/login", {"email": email, "password": password})
    if code is not None:
        _post_form(http, f"{base}/login/code", {"code": code})
    return http


def _post_form(http: requests.Session, url: str, fields: dict) -> None:
    form = _patiently(http, "GET", url)
    token = CSRF.search(form.text)
    if token is None:
        raise SignInError(f"{url}: no CSRF field in the form ({form.status_code})")
    response = _patiently(http, "POST", url, data={**fields, "csrf_token": token.group(1)}, allow_redirects=False)
    if response.status_code != 302:
        raise SignInError(f"{url}: {response.status_code} instead of a redirect")


def totp_codes(secret: str) -> tuple[str, str]:
    """Two codes an enrolled auditor's app would show, in two successive 30 s steps (each code works once)."""
    totp = pyotp.TOTP(secret)
    now = time.time()
    return totp.at(now), totp.at(now + totp.interval)


# -- the rows


@dataclass(frozen=True)
class Readers:
    """Signed-in sessions and the ids the rows need."""

    urls: dict
    auditor_api: requests.Session
    auditor_web: requests.Session
    employer_api: requests.Session
    employer_web: requests.Session
    worker_api: requests.Session
    worker_web: requests.Session
    employer_id: str
    flag_id: str  # the newest flag
    cursor: str  # the unfiltered list's next_cursor: the id of the 50th newest flag
    vacancy_id: str  # the employer's newest vacancy


def flag_filters(employer_id: str, today: datetime | None = None) -> list[tuple[str, dict]]:
    """The auditor's list filters, one at a time, plus the combination an auditor uses most."""
    today = (today or datetime.now(UTC)).date()
    month = {"from": (today - timedelta(days=91)).isoformat(), "to": (today - timedelta(days=61)).isoformat()}
    return [("unfiltered", {}), ("employer", {"employer": employer_id}), ("rule (long-hours)", {"rule": "long-hours"}),
            ("severity (block)", {"severity": "block"}), ("status (confirmed)", {"status": "confirmed"}),
            ("from/to (one month)", month), ("employer + status open", {"employer": employer_id, "status": "open"})]


def rows(readers: Readers) -> list[Read]:
    """Every read of the table, baselines first in each group."""
    ethics, employers, workers = (readers.urls[s] for s in ("ethics", "employers", "workers"))
    # The ids come from the loaded data, not from a read: at a large scale that read may itself fail.
    flag_id, cursor, vacancy_id = readers.flag_id, readers.cursor, readers.vacancy_id
    api, web = readers.auditor_api, readers.auditor_web
    auditor = "auditor (ethics)"
    result = [Read(auditor, "baseline: GET /healthz", web, f"{ethics}/healthz"),
              Read(auditor, "baseline: one flag's page by id", web, f"{ethics}/auditor/flags/{flag_id}")]
    for name, query in [*flag_filters(readers.employer_id), ("next page (cursor)", {"cursor": cursor})]:
        suffix = f"?{urlencode(query)}" if query else ""
        result.append(Read(auditor, f"flags API, {name}", api, f"{ethics}/api/v1/flags{suffix}"))
        result.append(Read(auditor, f"flags page, {name}", web, f"{ethics}/auditor/flags{suffix}"))
    one_employer = urlencode({"employer": readers.employer_id})
    result += [Read(auditor, "CSV of one employer (API)", api, f"{ethics}/api/v1/flags.csv?{one_employer}"),
               Read(auditor, "CSV of one employer (page)", web, f"{ethics}/auditor/flags.csv?{one_employer}"),
               Read(auditor, "compliance summary page", web, f"{ethics}/auditor/employers"),
               Read(auditor, "chart (trends.svg)", web, f"{ethics}/auditor/trends.svg")]
    api, web = readers.employer_api, readers.employer_web
    employer = "employer (employers)"
    result += [Read(employer, "baseline: GET /healthz", api, f"{employers}/healthz"),
               Read(employer, "baseline: one vacancy by id (API)", api, f"{employers}/api/v1/vacancies/{vacancy_id}"),
               Read(employer, "vacancies API", api, f"{employers}/api/v1/vacancies"),
               Read(employer, "vacancies page", web, f"{employers}/vacancies"),
               Read(employer, "offers API", api, f"{employers}/api/v1/offers"),
               Read(employer, "offers page", web, f"{employers}/offers"),
               Read(employer, "offers API, one vacancy", api, f"{employers}/api/v1/offers?vacancy_id={vacancy_id}")]
    worker = "worker (workers)"
    result += [Read(worker, "baseline: GET /healthz", readers.worker_api, f"{workers}/healthz"),
               Read(worker, "baseline: own profile (API /me)", readers.worker_api, f"{workers}/api/v1/me"),
               Read(worker, "offers API", readers.worker_api, f"{workers}/api/v1/me/offers"),
               Read(worker, "offers page", readers.worker_web, f"{workers}/offers")]
    return result


def _patiently(http: requests.Session, method: str, url: str, attempts: int = 5, **kwargs) -> requests.Response:
    """A request of a sign-in, asked again after a 5xx: an overloaded database answers 503."""
    for attempt in range(1, attempts + 1):
        response = http.request(method, url, timeout=600, **kwargs)
        if response.status_code < 500 or attempt == attempts:
            return response
        time.sleep(10)
    return response
