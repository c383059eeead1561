"""A year of data: read latency of every page and API at several data sizes, written to docs/data-benchmark.md.

    python -m tests.bench.data_bench [--scales 0.1,1] [--reads 20] [--timeout 60] [--row-seconds 60]

(``make bench-data``; also part of ``make bench``.) For each scale, on a local stack of its own (a fresh
database, Kafka, the four services' web processes; their consumers are stopped once started, since
nothing is submitted; ``--consumers`` runs them during the reads), it loads a year of data through the
models (``tests.bench.year_data``: at scale 1 100,000 flags over 500 employers and 12 months, 20,000 vacancies,
100,000 offers, 50,000 grievances), then reads over HTTP as an auditor (password and TOTP code), an
employer and a worker, and prints p50 and p95 of each page and API next to baselines of the same
service. The target is p95 < 200 ms on 2 cores: each row says PASS or over, and nothing fails on time,
since these are figures, not timed tests.

Ports: 24001-24004 (services), 24092/24093 (Kafka), 24017 (database), below the ephemeral range (where an
outgoing connection can hold a port for a moment), each moved up by ``LP_BENCH_PORT_OFFSET``
(else ``LP_TEST_PORT_OFFSET``), so that it runs beside the tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from pymongo import MongoClient

from deploy.stack import ROOT, SERVICES, Stack
from services.config import Settings
from services.passwords import hash_password
from tests.bench import bulk_load, data_reads
from tests.bench.bulk_load import say
from tests.bench.year_data import Sizes, Year

REPORT = ROOT / "docs" / "data-benchmark.md"
PASSWORD = "bench reads a year of data"
AUDITOR_EMAIL = "auditor@bench.example.org"
AUDITOR_PASSWORD = "bench auditor reads a year of flags"
SETTLE_SECONDS = 15
FLAG_PAGE = 50  # the flag list's default page size: its next_cursor is the id of the page's last flag


@dataclass
class ScaleRun:
    """What one scale loaded and measured."""

    scale: float
    sizes: Sizes
    stored: dict
    load_seconds: float
    counts_seconds: float | None
    read_seconds: float
    figures: dict  # (group, name) -> data_reads.Figures


def port_offset(environ=os.environ) -> int:
    return int(environ.get("LP_BENCH_PORT_OFFSET") or environ.get("LP_TEST_PORT_OFFSET") or 0)


def bench_stack() -> Stack:
    offset = port_offset()
    return Stack(var=ROOT / "var" / "bench-data", kafka_port=24092 + offset, controller_port=24093 + offset,
                 mongo_port=24017 + offset, smtp_port=24025 + offset,
                 ports={s: 24000 + i + offset for i, s in enumerate(SERVICES, 1)}, gunicorn_workers=2, access_log=False)


def fresh_stack(stack: Stack) -> None:
    """Everything but Kafka stopped, an empty database, then the web processes up (the consumers are stopped
    once started: nothing is submitted, and their periodic outbox sweeps would slow the load down)."""
    for name in reversed(stack.process_names()):
        if name != "kafka":
            stack.stop(name)
    shutil.rmtree(stack.var / "database", ignore_errors=True)
    stack.up()
    for service in SERVICES:
        stack.stop(f"{service}-worker")


def start_consumers(stack: Stack) -> None:
    """The consumers back (``--consumers``), given time to finish their start-up work before the reads."""
    stack.up()
    say(f"consumers started; letting them settle for {SETTLE_SECONDS} s")
    time.sleep(SETTLE_SECONDS)


def load(stack: Stack, year: Year) -> tuple[dict, float, float | None]:
    """The year's documents and the accounts that read them; what was stored, seconds, seconds of the counts."""
    settings = {s: Settings.from_env(s, stack.service_env()) for s in SERVICES}
    started = time.monotonic()
    bulk_load.ensure_indexes(settings)
    sizes = year.sizes
    expected = sizes.employers + sizes.workers + sizes.vacancies + 2 * sizes.offers + sizes.grievances + sizes.flags
    client = MongoClient(settings["ethics"].mongo_url, tz_aware=True)
    try:
        loader = bulk_load.BulkLoader(client, settings, expected)
        for service, document in year.documents():
            loader.add(service, document)
        stored = dict(loader.finish())
    finally:
        client.close()
    seconds = time.monotonic() - started
    say(f"loaded in {seconds:.0f} s: {loader.progress()}")
    return stored, seconds, bulk_load.rebuild_flag_counts(settings["ethics"])


def sign_in(stack: Stack, year: Year, secret: str) -> data_reads.Readers:
    urls = {s: f"http://127.0.0.1:{p}" for s, p in stack.ports.items()}
    token_code, page_code = data_reads.totp_codes(secret)
    employer, worker = year.employer_email(0), year.worker_email(0)
    newest = year.newest_flag_ids(FLAG_PAGE)
    return data_reads.Readers(
        urls=urls,
        auditor_api=data_reads.api_session(urls["ethics"], AUDITOR_EMAIL, AUDITOR_PASSWORD, token_code),
        auditor_web=data_reads.page_session(urls["ethics"], AUDITOR_EMAIL, AUDITOR_PASSWORD, page_code),
        employer_api=data_reads.api_session(urls["employers"], employer, PASSWORD),
        employer_web=data_reads.page_session(urls["employers"], employer, PASSWORD),
        worker_api=data_reads.api_session(urls["workers"], worker, PASSWORD),
        worker_web=data_reads.page_session(urls["workers"], worker, PASSWORD),
        employer_id=year.employer_ids[0], flag_id=newest[0], cursor=newest[-1], vacancy_id=year.newest_vacancy_id())


def run_scale(stack: Stack, scale: float, args, password_hash: str) -> ScaleRun:
    sizes = Sizes.at(scale)
    say(f"scale {scale:g}: {sizes.describe()}")
    fresh_stack(stack)
    year = Year(sizes, password_hash)
    stored, load_seconds, counts_seconds = load(stack, year)
    if args.consumers:
        start_consumers(stack)
    settings = Settings.from_env("ethics", stack.service_env())
    enrolment = bulk_load.create_enrolled_auditor(settings, AUDITOR_EMAIL, AUDITOR_PASSWORD)
    readers = sign_in(stack, year, enrolment.secret)
    started, figures = time.monotonic(), {}
    for read in data_reads.rows(readers):
        figures[read.key] = data_reads.measure(read, args.reads, args.timeout, args.row_seconds)
        say(f"  {read.group:<22} {read.name:<42} {figures[read.key].cell(args.timeout)}")
    return ScaleRun(scale, sizes, stored, load_seconds, counts_seconds, time.monotonic() - started, figures)


# -- the report


def table(runs: list[ScaleRun], timeout_s: float) -> str:
    """The markdown table: one row per read, one column per scale, and how p50 grew from the first scale."""
    growth = len(runs) > 1
    header = ["who", "read"] + [f"scale {r.scale:g}: p50 / p95 ms (n)" for r in runs]
    header += [f"p50 growth ({runs[-1].sizes.flags / runs[0].sizes.flags:g}x the data)"] if growth else []
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for key in runs[0].figures:
        cells = [key[0], key[1]] + [r.figures[key].cell(timeout_s) if key in r.figures else "" for r in runs]
        if growth:
            first, last = (runs[0].figures[key].percentile(50), runs[-1].figures.get(key))
            ratio = last.percentile(50) / first if last is not None and first > 0 else float("nan")
            cells.append("" if ratio != ratio else f"{ratio:.1f}x")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def sizes_table(runs: list[ScaleRun]) -> str:
    lines = ["| scale | loaded | load (s) | counts rebuilt (s) | reads (s) |", "|---|---|---|---|---|"]
    for r in runs:
        stored = ", ".join(f"{k} {n:,}" for k, n in sorted(r.stored.items()))
        counts = "no rebuild()" if r.counts_seconds is None else f"{r.counts_seconds:.1f}"
        lines.append(f"| {r.scale:g} | {stored} | {r.load_seconds:.0f} | {counts} | {r.read_seconds:.0f} |")
    return "\n".join(lines)


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                 platform.processor() or "unknown CPU")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({model}), {memory:.0f} GiB, Python {platform.python_version()}"


def git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def report(runs: list[ScaleRun], args, command: str, started: datetime, load_start: float, seconds: float) -> str:
    database = metadata.version("SecantusDB")
    consumers = ("the consumers stopped during the load, then running during the reads (`--consumers`)"
                 if args.consumers else "the consumers stopped, as nothing is submitted")
    return f"""# Year-of-data benchmark

Measured {started:%Y-%m-%d %H:%M} UTC by `{command}` on {machine()}; load average {load_start:.1f} at the
start and {os.getloadavg()[0]:.1f} at the end; branch `{git("rev-parse", "--abbrev-ref", "HEAD")}` at
`{git("rev-parse", "--short", "HEAD")}`; SecantusDB {database}. The whole run took {seconds / 60:.0f} min.

For each scale, a fresh local stack (SecantusDB, Kafka, the four services' web processes: gunicorn, 2
workers x 4 threads, no access log; {consumers}) is loaded with a year
of data through the models (`tests/bench/year_data.py`; at scale 1: 100,000 flags over 500 employers and
12 months, half of them the grievance flags of the 50,000 grievances, 20,000 vacancies, 100,000 offers
and the workers' inbox entries of those the ethics service let through, 20,000 workers). Then one client
reads each page or API in turn over HTTP, signed in as an auditor (password, then a TOTP code), as
employer 0 (one of the largest: about 770 flags, 150 vacancies and 770 offers at every scale) or as
worker 0 (a dozen offers): warmed up, then {args.reads} reads or as many as fit in {args.row_seconds:g} s
(at least 3), each cut off after {args.timeout:g} s. Figures are p50 / p95 in ms with the number of reads;
PASS when p95 < {data_reads.TARGET_MS:.0f} ms (the target on 2 cores), else over. The baselines are cheap
reads of the same service in the same run: read the others against them. The last column is how p50 grew
from the smallest scale to the largest: about 1x for a read that only touches its own page of data.

{table(runs, args.timeout)}

What each scale loaded (`database.collection documents`) and how long it took:

{sizes_table(runs)}
"""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tests.bench.data_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="0.1,1", help="data sizes to run, 1 = a year (default 0.1,1)")
    parser.add_argument("--reads", type=int, default=20, help="timed reads per row (default 20)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a read is cut off")
    parser.add_argument("--row-seconds", type=float, default=60.0, help="time budget of one row's reads")
    parser.add_argument("--report", default=str(REPORT), help="where to write the markdown report")
    parser.add_argument("--consumers", action="store_true",
                        help="run the services' consumers during the reads (their outbox sweeps included)")
    args = parser.parse_args(argv)
    args.scales = [float(s) for s in args.scales.split(",") if s.strip()]
    if not args.scales or min(args.scales) <= 0 or args.reads < 1:
        parser.error("--scales needs positive numbers and --reads at least 1")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    command = "python -m tests.bench.data_bench " + " ".join(sys.argv[1:] if argv is None else argv)
    started, load_start, clock = datetime.now(UTC), os.getloadavg()[0], time.monotonic()
    stack = bench_stack()
    stack.down()
    shutil.rmtree(stack.var, ignore_errors=True)
    password_hash, runs = hash_password(PASSWORD), []
    try:
        for scale in args.scales:
            runs.append(run_scale(stack, scale, args, password_hash))
            # Written after every scale: a long run cut short keeps what it measured.
            text = report(runs, args, command.strip(), started, load_start, time.monotonic() - clock)
            Path(args.report).write_text(text)
            print(table(runs, args.timeout), flush=True)
    finally:
        stack.down()
    print(text, flush=True)
    say(f"written to {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
