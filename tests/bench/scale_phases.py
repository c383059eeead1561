"""The scale benchmark's phases over HTTP: accounts, waiting for the seed, the timed vacancies, the reads.

Everything goes through the services' public APIs (the matcher's read API with a service token, as the
other services call it), ``/readyz`` and the process table, so any version of the services can be measured.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
import uuid
from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter

from deploy.seed import Api
from services.auth import issue_token
from services.events import PLACEMENT_COMPLETED, VACANCY_REVIEWED, VACANCY_SUBMITTED
from services.keys import service_token_key
from services.logins import LOGINS_PER_CLIENT
from tests.bench.scale_seed import say
from tests.documents import vacancy

PASSWORD = "bench-scale password long enough"
# Sign-ins are capped per client address (services.logins): each address signs in this many accounts.
LOGINS_PER_ADDRESS = LOGINS_PER_CLIENT[0] - 5
TIMED_FIRST_DAY, TIMED_SPACING_DAYS, TIMED_DAYS = 30, 10, 6
# The timed vacancies' country: none of the synthetic vacancies is there (matcher_bench.COUNTRIES).
TIMED_COUNTRY = {"country": "IE", "region": "Leinster", "city": "Wexford"}
PROGRESS_SECONDS = 5.0


class SourceAddress(HTTPAdapter):
    """Connects from a given loopback address, so sign-ins spread over several client addresses."""

    def __init__(self, address: str, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def source_address(index: int) -> str:
    """The loopback address of the ``index``-th account signed in (127.0.0.2 for the first ones)."""
    return f"127.0.0.{2 + index // LOGINS_PER_ADDRESS}"


@dataclass
class Person:
    """An account signed in through its service's API."""

    api: Api
    id: str

    @property
    def authorization(self) -> str:
        return self.api.http.headers["Authorization"]


def sign_up(url: str, index: int, document: dict, worker: bool = True) -> Person:
    """An account signed up and signed in (from ``source_address(index)``); a worker's id from ``GET /me``."""
    api = Api(url)
    api.http.mount("http://", SourceAddress(source_address(index)))
    api.sign_up(document)
    return Person(api, str(api.call("GET", "/me").json()["id"]) if worker else "")


def window(first: dt.date, days: int) -> dict:
    return {"start": first.isoformat(), "end": (first + dt.timedelta(days=days)).isoformat()}


def timed_season(k: int, today: dt.date) -> dict:
    """The season of timed vacancy ``k``: a week, ten days after the one before."""
    return window(today + dt.timedelta(days=TIMED_FIRST_DAY + TIMED_SPACING_DAYS * k), TIMED_DAYS)


def timed_vacancy(k: int, today: dt.date) -> dict:
    """Timed vacancy ``k``: the only one in its country and week, so it is observer ``k``'s first match."""
    return vacancy(title=f"Strawberry harvest {k}", destination=TIMED_COUNTRY, season=timed_season(k, today),
                   wage={"amount": 15.5, "currency": "EUR", "per": "hour"}, recruiter=None, deductions=[])


def observer_document(k: int, today: dt.date) -> dict:
    """Observer ``k``: Spanish, Ireland only, free exactly around timed vacancy ``k``'s week."""
    season = timed_season(k, today)
    first = dt.date.fromisoformat(season["start"]) - dt.timedelta(days=1)
    return {"name": f"Observer {k}", "email": f"observer-{k}-{uuid.uuid4().hex[:8]}@bench.example.org",
            "password": PASSWORD, "origin_country": "GT", "birth_year": 1990, "languages": ["es"],
            "skills": ["fruit picking"], "certifications": [], "availability": [window(first, TIMED_DAYS + 2)],
            "preferred_countries": [TIMED_COUNTRY["country"]], "pathways": ["seasonal", "circular"]}


def reader_document(i: int, today: dt.date, skills: list) -> dict:
    """Reader ``i``: a worker with many matches (two common languages, any country, free for 15 months)."""
    return {"name": f"Reader {i}", "email": f"reader-{i}-{uuid.uuid4().hex[:8]}@bench.example.org",
            "password": PASSWORD, "origin_country": "MX", "birth_year": 1985 + i % 20, "languages": ["es", "en"],
            "skills": skills, "certifications": [],
            "availability": [window(today + dt.timedelta(days=7), 450)], "preferred_countries": [],
            "pathways": ["seasonal", "circular", "temporary"]}


def employer_document() -> dict:
    return {"name": "Bench Scale Farms", "email": f"employer-{uuid.uuid4().hex[:8]}@bench.example.org",
            "password": PASSWORD, "country": "IE"}


# -- the matcher's read API, as the other services call it


class MatcherReads:
    """``GET /api/v1/workers/{id}/matches`` and ``/vacancies/{id}/candidates`` with a service token."""

    def __init__(self, url: str, secret_key: str):
        self.url = url.rstrip("/") + "/api/v1"
        self.http = requests.Session()
        token, _ = issue_token(service_token_key(secret_key), "bench-scale", "service", 24 * 3600)
        self.http.headers["Authorization"] = f"Bearer {token}"

    def has_list(self, kind: str, ref: str) -> bool:
        """Whether the matcher answers a list for a worker or a vacancy: made (``updated_at``) or not empty."""
        path = f"/workers/{ref}/matches" if kind == "worker" else f"/vacancies/{ref}/candidates"
        try:
            response = self.http.get(self.url + path, params={"limit": 1}, timeout=30)
        except requests.RequestException:
            return False
        if response.status_code != 200:
            return False
        body = response.json()
        return body.get("updated_at") is not None or bool(body.get("matches") or body.get("candidates"))

    def match_count(self, worker_id: str) -> int:
        response = self.http.get(f"{self.url}/workers/{worker_id}/matches", params={"limit": 20}, timeout=30)
        return len(response.json().get("matches") or []) if response.status_code == 200 else 0


@dataclass
class Awaited:
    """The lists the seed must have reached before anything is timed."""

    workers: set
    vacancies: set

    def check(self, matcher: MatcherReads) -> None:
        """Drop what the matcher now answers a list for."""
        self.workers = {w for w in self.workers if not matcher.has_list("worker", w)}
        self.vacancies = {v for v in self.vacancies if not matcher.has_list("vacancy", v)}

    def __bool__(self) -> bool:
        return bool(self.workers or self.vacancies)


# Other services' consumers of the seed: a vacancy reaches a worker only with its card (the workers service
# keeps them), and the past seasons go through there too.
OTHER_READERS = {"workers": (PLACEMENT_COMPLETED, VACANCY_SUBMITTED, VACANCY_REVIEWED)}


def wait_absorbed(stack, kafka, matcher: MatcherReads, awaited: Awaited, topics,
                  cap_seconds: float) -> tuple[float | None, str]:
    """Seconds until the matcher group (and ``OTHER_READERS``) read every seed event, ``/readyz`` answers 200
    and every awaited worker and vacancy has a list (None when ``cap_seconds`` ran out first), and where it
    stood last."""
    started = time.monotonic()
    total_w, total_v = len(awaited.workers), len(awaited.vacancies)
    while True:
        lag, started_topics = kafka.lag("matcher", topics)
        others = {group: kafka.lag(group, read)[0] for group, read in OTHER_READERS.items()}
        read_all = started_topics == set(topics) and lag == 0 and not any(others.values())
        ready = stack.readyz("matcher")
        lists = "sampled lists not looked up before that"
        if ready and read_all:  # not before: the look-ups would only slow down the consumer they wait for
            awaited.check(matcher)
            lists = (f"sampled lists: workers {total_w - len(awaited.workers)}/{total_w}, "
                     f"vacancies {total_v - len(awaited.vacancies)}/{total_v}")
        elapsed = time.monotonic() - started
        behind = ", ".join(f"{group} {n:,}" for group, n in others.items())
        status = (f"matcher group {lag:,} events behind"
                  f"{'' if started_topics == set(topics) else ' (not reading every topic yet)'} ({behind}), "
                  f"/readyz {'200' if ready else 'not 200'}, {lists}")
        say(f"  absorbing, {elapsed:.0f} s: {status}")
        if read_all and ready and not awaited:
            return elapsed, status
        if elapsed > cap_seconds:
            return None, status
        time.sleep(PROGRESS_SECONDS)


def time_restart(stack, service: str = "matcher", in_a_row: int = 3, cap_seconds: float = 1800) -> float:
    """Stop ``service``'s web processes, start them again, and time until ``/readyz`` answers 200
    ``in_a_row`` times (each gunicorn worker builds its own state; one answer may come from either)."""
    stack.stop(f"{service}-web")
    started = last_note = time.monotonic()
    stack.start_service(service)
    streak = 0
    while streak < in_a_row:
        if time.monotonic() - started > cap_seconds:
            raise RuntimeError(f"{service} not ready {cap_seconds:.0f} s after a restart")
        streak = streak + 1 if stack.readyz(service) else 0
        if time.monotonic() - last_note > PROGRESS_SECONDS:
            last_note = time.monotonic()
            say(f"  {service} restarting: {last_note - started:.0f} s")
        time.sleep(0.05)
    return time.monotonic() - started


def shown(person: Person) -> set[str]:
    """The vacancy ids of the worker's ``/me/matches`` (none while it is being prepared)."""
    response = person.api.call("GET", "/me/matches", expect=(200, 503))
    return {m["vacancy_id"] for m in response.json().get("matches", [])} if response.status_code == 200 else set()


def wait_for_matches(readers: list[Person], full: int = 20, cap_seconds: float = 300) -> int:
    """Wait until every reader's ``/me/matches`` lists ``full`` matches, or something and the same as a
    poll before (a version that joins vacancy cards of its own may still be reading them); the fewest."""
    started, before = time.monotonic(), None
    while True:
        counts = [len(shown(r)) for r in readers]
        if min(counts) >= full or (min(counts) and counts == before) or time.monotonic() - started > cap_seconds:
            return min(counts)
        before = counts
        say(f"  readers with matches: {sum(1 for c in counts if c)}/{len(readers)}")
        time.sleep(PROGRESS_SECONDS)


# -- submitted -> visible


class Visibility:
    """Timed vacancies submitted at a steady pace, each watched in its own observer's ``/me/matches``."""

    def __init__(self, employer: Person, observers: list[Person], documents: list[dict], pace: float,
                 patience: float, watchers: int = 4):
        self.employer, self.observers, self.documents = employer, observers, documents
        self.pace, self.patience, self.watchers = pace, patience, watchers
        self.submitted: dict[int, tuple[str, float]] = {}  # k -> (vacancy id, when the 201 came)
        self.delays: dict[int, float] = {}
        self._lock, self._done = threading.Lock(), threading.Event()
        self._failures: list[BaseException] = []

    def run(self) -> list[float | None]:
        """Seconds from each 201 to the vacancy in its observer's matches (None: not within ``patience``)."""
        threads = [threading.Thread(target=self._watch, args=(part,), daemon=True) for part in range(self.watchers)]
        for thread in threads:
            thread.start()
        try:
            self._submit_all()
            self._wait()
        finally:
            self._done.set()
            for thread in threads:
                thread.join(timeout=30)
        if self._failures:
            raise RuntimeError("a watcher of the observers' matches failed") from self._failures[0]
        return seen_within(self.delays, len(self.documents), self.patience)

    def _submit_all(self) -> None:
        for k, document in enumerate(self.documents):
            started = time.perf_counter()
            vacancy_id = self.employer.api.call("POST", "/vacancies", json=document).json()["id"]
            with self._lock:
                self.submitted[k] = (vacancy_id, time.perf_counter())
            if k % 10 == 9:
                say(f"  {k + 1}/{len(self.documents)} submitted, {len(self.delays)} visible")
            time.sleep(max(0.0, 1 / self.pace - (time.perf_counter() - started)))

    def _awaited(self, part: int | None = None) -> list[tuple[int, str, float]]:
        now = time.perf_counter()
        with self._lock:
            return [(k, v, at) for k, (v, at) in self.submitted.items() if k not in self.delays
                    and now - at <= self.patience and (part is None or k % self.watchers == part)]

    def _wait(self) -> None:
        last_note = time.monotonic()
        while self._awaited() and not self._failures:
            if time.monotonic() - last_note > PROGRESS_SECONDS:
                last_note = time.monotonic()
                say(f"  {len(self.delays)}/{len(self.documents)} visible; waiting up to {self.patience:.0f} s each")
            time.sleep(0.2)

    def _watch(self, part: int) -> None:
        try:
            while not self._done.is_set():
                for k, vacancy_id, at in self._awaited(part):
                    if vacancy_id in shown(self.observers[k]):
                        seen = time.perf_counter()
                        with self._lock:
                            self.delays[k] = seen - at
                time.sleep(0.05)
        except Exception as exc:  # noqa: BLE001 (re-raised by run(): a dead watcher would read as lost vacancies)
            self._failures.append(exc)


def seen_within(delays: dict, n: int, patience: float) -> list[float | None]:
    """The delay of each of ``n`` vacancies, None when never seen or seen past ``patience`` (a look-up
    already on its way when the patience ran out may land a moment after it)."""
    return [d if d is not None and d <= patience else None for d in (delays.get(k) for k in range(n))]


def timed_reads(call, count: int, warm_up: int = 5) -> tuple[list[float], int]:
    """Milliseconds of ``count`` calls made one at a time (``call(i)`` returns the response) and the errors."""
    for i in range(warm_up):
        call(i)
    latencies, errors = [], 0
    for i in range(count):
        started = time.perf_counter()
        response = call(i)
        latencies.append((time.perf_counter() - started) * 1000)
        errors += response.status_code != 200
    return latencies, errors


# -- peak memory


def vm_hwm_mb(status_text: str) -> float | None:
    """The peak resident set (``VmHWM``) of a ``/proc/<pid>/status`` text, in MB."""
    for line in status_text.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (gunicorn's workers of its master)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return sorted(found)


def peak_rss(stack, service: str = "matcher") -> dict[str, float]:
    """VmHWM (MB) of each process of ``service``: every gunicorn worker of its web and each worker process."""
    found = {}
    for name in sorted(p.stem for p in stack.run_dir.glob(f"{service}-*.pid")):
        pid = stack.pid(name)
        if pid is None:
            continue
        pids = children(pid) if name.endswith("-web") else [pid]
        for n, each in enumerate(pids, 1):
            try:
                peak = vm_hwm_mb(open(f"/proc/{each}/status").read())
            except OSError:
                continue
            if peak is not None:
                found[f"{name} {n}" if name.endswith("-web") else name] = peak
    return found
