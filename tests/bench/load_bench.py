"""Load benchmark of the whole local stack (issue "prove it holds"), written to docs/load-benchmark.md.

(a) ``GET /api/v1/me/matches`` on the workers service at 32 concurrent
    clients for 30 s, next to ``GET /healthz`` of the same service (the
    floor of the web stack) and to ranking at read time through the
    matcher's stateless ``POST /api/v1/rank`` (what serving would cost
    without the read model).
(b) The time from a vacancy submitted (201 from the employers API) to the
    vacancy visible in a worker's matches, over 500 vacancies submitted at
    a steady pace. They ask for Haitian Creole, which a quarter of the
    workers speak, so each one moves several lists (not all); the observer
    closes each vacancy once seen, as a filled job would, so that the
    identical vacancies never crowd each other out of its top of the list.

Run with ``python -m tests.bench.load_bench`` (also part of ``make bench``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import statistics
import sys
import threading
import time
import uuid

import requests

from deploy.seed import Api
from deploy.stack import ROOT, Stack
from services.auth import issue_token
from services.keys import service_token_key
from tests.bench.http_load import run_load
from tests.documents import vacancy
from tests.integration.helpers import PORT_OFFSET

# Moved up by LP_TEST_PORT_OFFSET, as the tests' ports are.
PORTS = {service: 38000 + PORT_OFFSET + n for n, service in enumerate(["employers", "workers", "ethics", "matcher"], 1)}
REPORT = ROOT / "docs" / "load-benchmark.md"
PASSWORD = "bench password long enough"
CONNECTIONS, SECONDS = 32, 30
# 25 sign-ins plus the employer stay under the 30 logins per client address per 5 minutes (services.logins).
N_WORKERS, N_VACANCIES, N_TIMED = 25, 200, 500
N_CREOLE = 8  # workers who speak Haitian Creole, the observer among them
PACE_PER_SECOND = 4.0
SETTLE_SECONDS = 10


def say(text: str) -> None:
    print(f"[bench] {text}", flush=True)


def new_worker(url: str, i: int) -> tuple[Api, str]:
    api = Api(url)
    api.sign_up({"name": f"Worker {i}", "email": f"bench-{uuid.uuid4().hex[:10]}@example.org",
                 "password": PASSWORD, "origin_country": "GT", "birth_year": 1990,
                 "languages": ["es", "ht"] if i < N_CREOLE else ["es"],
                 "skills": ["fruit picking", "ladder work"], "certifications": [],
                 "availability": [{"start": "2027-01-01", "end": "2028-12-31"}], "preferred_countries": [],
                 "pathways": ["seasonal", "circular"]})
    return api, api.call("GET", "/me").json()["id"]


def harvest(i: int, wage: float, languages=("es",)) -> dict:
    return vacancy(title=f"Harvest {i}", wage={"amount": round(wage, 2), "currency": "CAD", "per": "hour"},
                   requirements={"languages": list(languages), "min_age": 18, "certifications": [], "other": ""})


def matches_of(worker: Api) -> set[str]:
    response = worker.call("GET", "/me/matches", expect=(200, 503))
    return {m["vacancy_id"] for m in response.json().get("matches", [])} if response.status_code == 200 else set()


def prepare(stack: Stack) -> tuple[Api, list[tuple[Api, str]]]:
    url = {s: f"http://127.0.0.1:{p}" for s, p in stack.ports.items()}
    employer = Api(url["employers"])
    employer.sign_up({"name": "Bench Farms", "email": f"bench-{uuid.uuid4().hex[:8]}@example.org",
                      "password": PASSWORD, "country": "CA"})
    workers = [new_worker(url["workers"], i) for i in range(N_WORKERS)]
    say(f"{N_WORKERS} workers signed up; posting {N_VACANCIES} vacancies")
    ids = [employer.call("POST", "/vacancies", json=harvest(i, 19.6 + 0.01 * i)).json()["id"]
           for i in range(N_VACANCIES)]
    # Every worker's list is ready before the reads are timed: the stack does no catching up meanwhile.
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        seen = [len(matches_of(worker)) for worker, _ in workers]
        if min(seen) >= min(20, len(ids)):
            break
        time.sleep(1)
    if min(seen) < min(20, len(ids)):
        raise RuntimeError(f"after 10 minutes a worker sees only {min(seen)} matches: the stack is not keeping up")
    say(f"every worker sees {min(seen)} matches or more; letting the stack settle for {SETTLE_SECONDS} s")
    time.sleep(SETTLE_SECONDS)
    return employer, workers


def bench_matches(stack: Stack, workers, documents) -> dict:
    port = stack.ports["workers"]
    # As phones ask (every mobile browser accepts gzip); the same without gzip for comparison.
    plain_calls = [("/api/v1/me/matches", {"Authorization": w.http.headers["Authorization"]}) for w, _ in workers]
    calls = [(path, {**headers, "Accept-Encoding": "gzip"}) for path, headers in plain_calls]
    floor = run_load("127.0.0.1", port, [("/healthz", {})], CONNECTIONS, SECONDS / 3)
    say(f"(a) GET /healthz (floor), {CONNECTIONS} clients: {floor.summary()}")
    served = run_load("127.0.0.1", port, calls, CONNECTIONS, SECONDS)
    say(f"(a) GET /api/v1/me/matches, gzip, {CONNECTIONS} clients, {SECONDS} s: {served.summary()}")
    unzipped = run_load("127.0.0.1", port, plain_calls, CONNECTIONS, SECONDS / 3)
    say(f"    the same without gzip: {unzipped.summary()}")
    body = json.dumps({"worker": {"birth_year": 1990, "languages": ["es"], "skills": ["fruit picking"],
                                  "availability": [{"start": "2027-01-01", "end": "2028-12-31"}]},
                       "vacancies": documents})
    started, latencies = time.perf_counter(), []
    session = requests.Session()
    # The ranking API takes services only, with the key of the matcher's service tokens.
    service_token, _ = issue_token(service_token_key(stack.secret_key()), "bench", "service", 3600)
    while time.perf_counter() - started < SECONDS / 3:
        t0 = time.perf_counter()
        session.post(f"http://127.0.0.1:{stack.ports['matcher']}/api/v1/rank", data=body,
                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {service_token}"},
                     timeout=30).raise_for_status()
        latencies.append((time.perf_counter() - t0) * 1000)
    at_read = len(latencies) / (time.perf_counter() - started)
    say(f"    ranking at read time instead (POST /rank, {len(documents)} vacancies, 1 client): "
        f"{at_read:.1f} req/s, median {statistics.median(latencies):.0f} ms; "
        f"ratio read model / ranking at read time {served.rate / at_read:.2f}x")
    return {"floor": floor, "served": served, "unzipped": unzipped, "at_read_rate": at_read,
            "at_read_median": statistics.median(latencies)}


def bench_freshness(employer: Api, observer: Api) -> dict:
    """Submit vacancies at a steady pace; the observer's watcher notes when each appears, then closes it."""
    submitted, visible, failures = {}, {}, []
    stop, lock = threading.Event(), threading.Lock()

    def watch():
        try:
            while not stop.is_set():
                now = time.perf_counter()
                with lock:  # the submitting thread adds to it meanwhile
                    awaited = set(submitted) - set(visible)
                for vacancy_id in matches_of(observer) & awaited:
                    visible[vacancy_id] = now
                    closer.call("POST", f"/vacancies/{vacancy_id}/close", expect=(200, 201, 409))
                time.sleep(0.05)
        except Exception as exc:  # noqa: BLE001 (re-raised by the main thread: a dead watcher reads as lost vacancies)
            failures.append(exc)

    closer = Api(employer.base.removesuffix("/api/v1"))
    closer.http.headers.update(employer.http.headers)
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    for i in range(N_TIMED):
        started = time.perf_counter()
        body = employer.call("POST", "/vacancies", json=harvest(10_000 + i, 25.0, languages=("ht",))).json()
        with lock:
            submitted[body["id"]] = time.perf_counter()
        if i % 100 == 99:
            say(f"(b) {i + 1}/{N_TIMED} vacancies submitted")
        time.sleep(max(0.0, 1 / PACE_PER_SECOND - (time.perf_counter() - started)))
    deadline = time.monotonic() + 120
    while len(set(submitted) & set(visible)) < len(submitted) and not failures and time.monotonic() < deadline:
        time.sleep(0.5)
    stop.set()
    watcher.join(timeout=5)
    if failures:
        raise RuntimeError("the watcher of the matches failed") from failures[0]
    delays = sorted(visible[v] - t for v, t in submitted.items() if v in visible)

    def p(q: float) -> float:
        return delays[min(len(delays) - 1, int(q * len(delays)))] if delays else float("nan")

    say(f"(b) submitted -> visible in a worker's matches: p50 {p(0.5):.2f} s, p95 {p(0.95):.2f} s "
        f"({len(delays)}/{len(submitted)} seen)")
    return {"p50": p(0.5), "p95": p(0.95), "seen": len(delays), "submitted": len(submitted)}


def verdicts(matches: dict, freshness: dict) -> tuple[str, str]:
    """Whether each target is met, in words, from the figures of this run."""
    served = matches["served"]
    reads = served.rate >= 300 and served.percentile(99) < 100 and not served.errors
    fresh = freshness["p95"] < 3 and freshness["seen"] == freshness["submitted"]
    return ("met" if reads else "**not met**"), ("met" if fresh else "**not met**")


def write_report(matches: dict, freshness: dict) -> None:
    served, unzipped, floor = matches["served"], matches["unzipped"], matches["floor"]
    reads, fresh = verdicts(matches, freshness)

    def figures(result) -> str:
        return (f"{result.rate:,.0f} req/s, p50 {result.percentile(50):.1f} ms, p99 {result.percentile(99):.1f} ms, "
                f"{result.errors} errors")

    rows = [
        (f"`GET /api/v1/me/matches`, gzip as phones ask, {CONNECTIONS} clients, {SECONDS} s", figures(served),
         f"`GET /healthz` of the same service: {floor.rate:,.0f} req/s, p99 {floor.percentile(99):.1f} ms; "
         f"ranking at read time (`POST /rank`, {N_VACANCIES} vacancies): {matches['at_read_rate']:.1f} req/s",
         f"300 req/s, p99 < 100 ms: {reads}"),
        (f"the same without gzip, {SECONDS / 3:.0f} s", figures(unzipped), "", ""),
        (f"vacancy submitted -> visible in a worker's matches ({freshness['submitted']} at {PACE_PER_SECOND:g}/s)",
         f"p50 {freshness['p50']:.2f} s, p95 {freshness['p95']:.2f} s ({freshness['seen']} seen)", "",
         f"p95 < 3 s: {fresh}"),
    ]
    table = "\n".join("| " + " | ".join(row) + " |" for row in rows)
    REPORT.write_text(f"""# Load benchmark

Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores (load average
{os.getloadavg()[0]:.1f} at the end) by `python -m tests.bench.load_bench` (part of `make bench`): the whole
local stack (gunicorn with 2 workers x 4 threads per service and, as in production where the gateway keeps it,
no access log; Kafka; SecantusDB), {N_WORKERS} workers,
{N_VACANCIES} vacancies before the timed part. Figures vary on a shared machine; compare them with the
baselines measured in the same run.

| measure | figure | baseline in the same run | target |
|---|---|---|---|
{table}

How: the matcher sends each worker's first 20 matches, vacancy cards included, in `matches.updated`; the
workers service keeps them per worker as the gzipped answer (`workers/match_lists.py`), so a request is a
token check (its signature, then the account's token version: one read by `_id`, so a revoked token stops at
once) and one read by `_id` of the answer. From submission to visible, a vacancy crosses the employers' outbox, ethics,
the matcher's refresher (which patches its snapshot from the changes instead of reloading it) and the
workers' consumer; the lists and big events are kept as text (chosen on FerretDB, the former local database, which
read text several times faster than nested documents).
""")
    say(f"written to {REPORT.relative_to(ROOT)}")


def main() -> None:
    stack = Stack(var=ROOT / "var" / "bench-load", kafka_port=38092 + PORT_OFFSET,
                  controller_port=38093 + PORT_OFFSET, mongo_port=38317 + PORT_OFFSET,
                  ports=dict(PORTS), gunicorn_workers=2, access_log=False)
    stack.down()
    shutil.rmtree(stack.var, ignore_errors=True)
    # One bench employer posts 700 vacancies: far past the per-employer limits meant for people.
    os.environ.update({"LP_VACANCY_CHANGES_PER_HOUR": "100000", "LP_VACANCY_CHANGES_PER_DAY": "100000"})
    say("starting the whole stack for the load benchmark")
    stack.up()
    try:
        employer, workers = prepare(stack)
        documents = [{**harvest(i, 19.6), "id": f"v{i}"} for i in range(N_VACANCIES)]
        matches = bench_matches(stack, workers, documents)
        freshness = bench_freshness(employer, workers[0][0])
        write_report(matches, freshness)
    finally:
        stack.down()


if __name__ == "__main__":
    sys.exit(main())
