"""``GET /api/v1/me/matches`` of the workers service alone, cached and uncached, at 32 clients.

The workers web (gunicorn, as ``make up`` runs it: 2 processes × 4 threads)
and its worker run on a database and Kafka of their own; the matcher is
``tests.bench.fake_matcher`` (the same 20 vacancies for everyone), so the
figures are the workers service's own cost: the bearer token's check (one
read of the account's version), then the cached bytes, or on a miss the
matcher's answer over HTTP, the 20 cards by ``_id $in`` and gzip.

    python -m tests.bench.workers_matches_bench [--workers 2000] [--seconds 20] [--warm 180]
"""

from __future__ import annotations

import argparse
import os
import shutil
import time

from bson import ObjectId

from deploy.stack import ROOT, Stack, wait_for
from services import db, keys
from services.auth import issue_token
from services.config import Settings
from services.kafka import ensure_topics
from tests.bench.http_load import run_load
from tests.integration.helpers import PORT_OFFSET
from tests.integration.workers_support import realistic_matches, reviewed_vacancy
from workers.handlers import on_vacancy_reviewed
from workers.models import Worker

CONNECTIONS = 32
FAKE_MATCHER = "fake-matcher"


def bench_stack() -> Stack:
    offset = PORT_OFFSET + 1000  # clear of the integration tests' ports with the same offset
    return Stack(var=ROOT / "var" / "bench-workers", kafka_port=19092 + offset, controller_port=19093 + offset,
                 mongo_port=27217 + offset, access_log=False,
                 ports={"employers": 18001 + offset, "workers": 18002 + offset, "ethics": 18003 + offset,
                        "matcher": 18004 + offset})


def start_fake_matcher(stack: Stack) -> None:
    gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
    # Its access log counts the misses: one line per ranking asked.
    stack.spawn(FAKE_MATCHER, [gunicorn, "--bind", f"127.0.0.1:{stack.ports['matcher']}", "--workers", "1",
                               "--threads", "8", "--worker-class", "gthread", "--access-logfile", "-",
                               "tests.bench.fake_matcher:app"])
    wait_for(lambda: stack.readyz("matcher"), "the fake matcher", 60)


def start_workers(stack: Stack, cache_seconds: int) -> None:
    os.environ["LP_MATCHES_CACHE_SECONDS"] = str(cache_seconds)
    stack.start_service("workers")
    wait_for(lambda: stack.readyz("workers"), "workers /readyz", 90)


def seed(stack: Stack, count: int) -> list[tuple[str, dict]]:
    """``count`` workers and the 20 cards; each worker's path and headers, as a phone asks (gzip)."""
    settings = Settings(service="workers", secret_key=stack.secret_key(), mongo_url=stack.mongo_url,
                        kafka_bootstrap=f"127.0.0.1:{stack.kafka_port}")
    db.connect(settings)
    ids = [ObjectId() for _ in range(count)]
    # Complete profiles: the worker's upgrades have nothing to republish.
    Worker._get_collection().insert_many([{"_id": i, "name": "Bench", "email": f"bench-{i}@example.org",
                                           "password_hash": "x", "birth_year": 1990, "revision": 1, "outbox": []}
                                          for i in ids])
    ensure_topics(settings)  # the web processes' tails wait for them: nothing is cached until they follow
    for match in realistic_matches(20):
        on_vacancy_reviewed(reviewed_vacancy(match["vacancy"]))
    key = keys.keyring(settings, "workers").tokens
    return [("/api/v1/me/matches", {"Authorization": f"Bearer {issue_token(key, str(i), 'worker', 7200)[0]}",
                                    "Accept-Encoding": "gzip"}) for i in ids]


def measure(stack: Stack, calls, seconds: float, label: str, warm: float) -> None:
    port = stack.ports["workers"]
    started = time.monotonic()
    while True:  # cached: until both processes hold (nearly) every answer
        asked = rankings_asked(stack)
        warming = run_load("127.0.0.1", port, calls, CONNECTIONS, 5)
        if rankings_asked(stack) - asked <= warming.requests / 100 or time.monotonic() - started > warm:
            break
    asked = rankings_asked(stack)
    result = run_load("127.0.0.1", port, calls, CONNECTIONS, seconds)
    misses = rankings_asked(stack) - asked
    print(f"{label:34s} {result.summary()}, {misses:,} asked of the matcher  "
          f"(load average {os.getloadavg()[0]:.1f})", flush=True)


def rankings_asked(stack: Stack) -> int:
    with open(stack.log_dir / f"{FAKE_MATCHER}.log", "rb") as log:
        return sum(1 for line in log if b"/matches" in line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warm", type=float, default=180.0,
                        help="at most this many seconds of load until 1%% or fewer requests ask the matcher")
    args = parser.parse_args()
    stack = bench_stack()
    stack.down()
    shutil.rmtree(stack.var, ignore_errors=True)
    try:
        stack.start_database()
        stack.start_kafka()
        start_fake_matcher(stack)
        calls = seed(stack, args.workers)
        start_workers(stack, cache_seconds=300)
        print(f"GET /api/v1/me/matches, gzip, {CONNECTIONS} clients, {args.workers} workers, {args.seconds:g} s "
              f"(workers web: gunicorn 2 x 4 threads; fake matcher)", flush=True)
        measure(stack, [("/healthz", {})], args.seconds / 2, "/healthz (floor)", warm=0)
        measure(stack, calls, args.seconds, "cached (LP_MATCHES_CACHE_SECONDS=300)", warm=args.warm)
        stack.stop("workers-web")
        time.sleep(1)
        start_workers(stack, cache_seconds=0)
        measure(stack, calls, args.seconds, "uncached (LP_MATCHES_CACHE_SECONDS=0)", warm=0)
    finally:
        stack.stop("workers-web")
        stack.stop("workers-worker")
        stack.stop(FAKE_MATCHER)
        stack.down()


if __name__ == "__main__":
    main()
