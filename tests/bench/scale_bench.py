"""Matching at scale (issue 14): one row of figures per size, beside the same figures of a baseline version.

    python -m tests.bench.scale_bench [--sizes 2000,20000,100000] [--baseline-ref 19083c0]
        [--baseline-sizes 2000] [--absorb-minutes 60] [--baseline-absorb-minutes 10] [--timed 40] [--pace 2]

(``make bench-scale``, ``BENCH_SCALE_ARGS='--sizes 2000'``; also part of ``make bench``.) For each N, on a
local stack of its own (SecantusDB, Kafka, every service and consumer, gunicorn without access log):

1. 32 reader and 40 observer workers and one employer sign up through the services' APIs; then N
   synthetic workers and N/10 open vacancies go straight into Kafka as the services' own events
   (``tests.bench.scale_seed``; the ethics consumer is moved past the seed's submissions, whose verdicts
   the seed carries), and the run waits until the matcher has absorbed them: its consumer group has read
   everything, its ``/readyz`` answers 200, and a sample of workers and vacancies (with every reader and
   observer) has a list in its read API. Versions that cannot get there within ``--absorb-minutes`` are
   reported as not finishing.
2. Index build: the matcher's web processes are restarted and timed until ``/readyz`` answers 200 (shown
   as "-" for a version without a ranking index, matcher/index.py).
3. Submit -> visible: ``--timed`` vacancies posted through the employers API at ``--pace`` a second, each the
   only one in Ireland in its week, so that it is the first match of exactly one observer (one per vacancy,
   so no per-worker notice coalescing hides it), who polls ``GET /api/v1/me/matches`` until it appears;
   those not visible within ``--patience`` seconds are counted. Kafka's end offsets before and after
   (and every message in between) give the events and bytes published per timed vacancy.
4. ``GET /api/v1/vacancies/{id}/candidates`` of the timed vacancies, one at a time: p50 / p99.
5. ``GET /api/v1/me/matches`` at 32 clients (``tests.bench.http_load``): cached (the readers' tokens
   repeated) and uncached (a version with ``LP_MATCHES_CACHE_SECONDS`` gets its workers web restarted with 0;
   otherwise the reads are spread over every reader and observer account, and the table says so).
6. Peak RSS (VmHWM) of every matcher process: each gunicorn worker and each worker process.

``--baseline-ref REF`` runs the same harness (these files, copied) in a git worktree of REF with its own
``make install``, at ``--baseline-sizes``, right after the same size here. Figures, never timed tests.
The table goes to docs/scale-benchmark.md (after each size, so a long run cut short keeps its rows).

Ports: 26001-26004 (services), 26092/26093 (Kafka), 26017 (database), below the ephemeral range, each
moved up by ``LP_BENCH_PORT_OFFSET`` (else ``LP_TEST_PORT_OFFSET``), so that it runs beside the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from deploy.stack import ROOT, SERVICES, Stack
from services.config import Settings
from services.events import MATCHES_UPDATED, PLACEMENT_COMPLETED, VACANCY_SUBMITTED
from tests.bench.data_bench import git, machine, port_offset
from tests.bench.data_reads import Figures
from tests.bench.http_load import run_load
from tests.bench.scale_kafka import KafkaView, Traffic
from tests.bench.scale_phases import (
    Awaited,
    MatcherReads,
    Visibility,
    employer_document,
    observer_document,
    peak_rss,
    reader_document,
    shown,
    sign_up,
    time_restart,
    timed_reads,
    timed_vacancy,
    wait_absorbed,
    wait_for_matches,
)
from tests.bench.scale_seed import SEED_TOPICS, Population, publish, say

REPORT = ROOT / "docs" / "scale-benchmark.md"
DEFAULT_BASELINE = "19083c0"  # main before issue 14: stored lists kept by a refresher
CACHE_SETTING = "LP_MATCHES_CACHE_SECONDS"
# The bench's own files, copied into a baseline checkout so that it runs the same harness.
HARNESS_FILES = ("scale_bench.py", "scale_kafka.py", "scale_phases.py", "scale_seed.py")
SAMPLE_WORKERS, SAMPLE_VACANCIES, LAST_VACANCIES = 100, 50, 10
# One employer posts every timed vacancy: past the per-employer limits meant for people.
RAISED_LIMITS = {"LP_VACANCY_CHANGES_PER_HOUR": "100000", "LP_VACANCY_CHANGES_PER_DAY": "100000"}


@dataclass(frozen=True)
class Design:
    """What the measured version offers, read from its checkout."""

    index: bool  # matcher/index.py: a ranking index each matcher web process builds at start
    cache_setting: bool  # LP_MATCHES_CACHE_SECONDS: the workers service's per-worker cache of /me/matches

    @classmethod
    def of(cls, root: Path) -> Design:
        sources = [*root.glob("workers/**/*.py"), *root.glob("services/**/*.py")]
        return cls(index=(root / "matcher" / "index.py").exists(),
                   cache_setting=any(CACHE_SETTING in path.read_text() for path in sources))


@dataclass
class Row:
    """What one size measured on one version (JSON-able: a baseline run hands its rows over as JSON)."""

    workers: int
    vacancies: int
    label: str
    commit: str
    load_start: float
    load_end: float = 0.0
    absorb_cap_minutes: float = 0.0
    events: int = 0  # in the seed
    published_seconds: float | None = None
    absorb_seconds: float | None = None
    absorb_status: str = ""  # where absorbing stood when it ended
    sampled_with_matches: str = ""
    index_seconds: float | None = None  # None: no index in this version
    restart_seconds: float | None = None
    delays: list = field(default_factory=list)  # seconds per timed vacancy, None when never visible
    timed_ids: list = field(default_factory=list)
    patience: float = 0.0
    traffic: dict = field(default_factory=dict)  # topic -> [messages, bytes, largest]
    candidates_ms: list = field(default_factory=list)
    candidates_errors: int = 0
    cached: dict = field(default_factory=dict)
    uncached: dict = field(default_factory=dict)
    rss_mb: dict = field(default_factory=dict)
    error: str = ""

    @property
    def finished(self) -> bool:
        return self.absorb_seconds is not None and not self.error


# -- figures as table cells (pure)


def visibility(delays: list) -> tuple[float, float, int]:
    """p50 and p95 (s, nearest rank) of the vacancies seen, and how many were never seen (counted apart, as
    in issue 14's table)."""
    seen = Figures(latencies_ms=[d for d in delays if d is not None])
    return seen.percentile(50), seen.percentile(95), sum(1 for d in delays if d is None)


def per_vacancy(traffic: dict, n: int) -> tuple[float, float, float, float]:
    """Events and bytes per timed vacancy (``traffic``: topic -> [messages, bytes, largest]): all topics,
    then ``matches.updated`` alone."""
    every = [Traffic(*t) for t in traffic.values()]
    updated = Traffic(*traffic.get(MATCHES_UPDATED, [0, 0, 0]))
    n = max(n, 1)
    return (sum(t.messages for t in every) / n, updated.messages / n, sum(t.bytes for t in every) / n,
            updated.bytes / n)


def load_cell(figures: dict) -> str:
    if not figures:
        return ""
    text = f"{figures['rate']:,.0f} req/s, {figures['p50']:.0f} / {figures['p99']:.0f} ms"
    return text + (f", {figures['errors']} errors" if figures.get("errors") else "")


def rss_cell(rss: dict) -> str:
    """``web 310, 305; worker 420, 415`` (MB, each process)."""
    groups: dict[str, list] = {}
    for name, mb in sorted(rss.items()):
        kind = "web" if "-web" in name else "worker"
        groups.setdefault(kind, []).append(f"{mb:,.0f}")
    return "; ".join(f"{kind} {', '.join(values)}" for kind, values in sorted(groups.items()))


def cells(row: Row) -> list[str]:
    """The row's cells, in the order of ``HEADER``."""
    size = f"{row.workers:,} x {row.vacancies:,}"
    if row.absorb_seconds is None:
        why = row.error or f"did not finish in {row.absorb_cap_minutes:g} min"
        return [size, row.label, why] + [""] * (len(HEADER) - 4) + [f"{row.load_start:.1f}-{row.load_end:.1f}"]
    p50, p95, never = visibility(row.delays)
    events, updated, size_bytes, updated_bytes = per_vacancy(row.traffic, len(row.delays))
    candidates = Figures(latencies_ms=row.candidates_ms)
    return [
        size, row.label, f"{row.absorb_seconds:,.0f} s",
        "-" if row.index_seconds is None else f"{row.index_seconds:.1f} s",
        f"{p50:.2f} / {p95:.2f} s" if row.delays else "",
        f"{never} of {len(row.delays)}" if row.delays else "",
        load_cell(row.cached), load_cell(row.uncached),
        f"{candidates.percentile(50):.0f} / {candidates.percentile(99):.0f} ms" if row.candidates_ms else "",
        f"{events:.1f} ({updated:.1f})" if row.delays else "",
        f"{size_bytes / 1024:,.1f} kB ({updated_bytes / 1024:,.1f} kB)" if row.delays else "",
        rss_cell(row.rss_mb), f"{row.load_start:.1f}-{row.load_end:.1f}",
    ]


HEADER = ["workers x vacancies", "version", "seed absorbed", "index build",
          "submit -> visible p50 / p95 (of those seen)",
          "never visible in 120 s", "`/me/matches` cached, 32 clients: req/s, p50 / p99",
          "uncached", "candidates p50 / p99", "events per vacancy (`matches.updated`)",
          "bytes per vacancy (`matches.updated`)", "peak RSS per matcher process (MB)", "load average"]


def table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cells(row)) + " |" for row in rows]
    return "\n".join(lines)


def details(row: Row) -> str:
    """What a row's cells leave out: the traffic per topic, how the uncached reads were made, errors."""
    if row.absorb_seconds is None:
        return (f"- {row.workers:,} x {row.vacancies:,}, {row.label} (`{row.commit}`): "
                + (row.error or f"seed of {row.events:,} events published in {row.published_seconds:.0f} s, not "
                   f"absorbed after {row.absorb_cap_minutes:g} min: {row.absorb_status}"))
    topics = ", ".join(f"`{t}` {m:,} ({b / 1024:,.0f} kB, largest {big / 1024:,.1f} kB)"
                       for t, (m, b, big) in sorted(row.traffic.items()))
    restart = ("" if row.index_seconds is not None
               else f"; matcher web restarted to /readyz in {row.restart_seconds:.1f} s")
    return (f"- {row.workers:,} x {row.vacancies:,}, {row.label} (`{row.commit}`): seed published in "
            f"{row.published_seconds:.0f} s; sampled workers with a match {row.sampled_with_matches}{restart}; "
            f"uncached reads: {row.uncached.get('how', '')}; candidates: {len(row.candidates_ms)} reads, "
            f"{row.candidates_errors} errors; published during the timed phase: {topics or 'nothing'}"
            + (f"; error: {row.error}" if row.error else ""))


# -- one size on one version


def bench_stack() -> Stack:
    offset = port_offset()
    return Stack(var=ROOT / "var" / "bench-scale", kafka_port=26092 + offset, controller_port=26093 + offset,
                 mongo_port=26017 + offset, ports={s: 26000 + i + offset for i, s in enumerate(SERVICES, 1)},
                 gunicorn_workers=2, access_log=False)


def run_size(stack: Stack, n_workers: int, args, design: Design) -> Row:
    row = Row(workers=n_workers, vacancies=max(1, n_workers // 10), label=args.label,
              commit=git("rev-parse", "--short", "HEAD"), load_start=os.getloadavg()[0],
              absorb_cap_minutes=args.absorb_minutes, patience=args.patience)
    say(f"{row.workers:,} workers x {row.vacancies:,} vacancies, {args.label}: starting a fresh stack")
    stack.down()
    shutil.rmtree(stack.var, ignore_errors=True)
    stack.up()
    settings = Settings(service="bench-scale", kafka_bootstrap=f"127.0.0.1:{stack.kafka_port}")
    kafka = KafkaView(settings)
    try:
        measure(stack, kafka, settings, row, args, design)
    except Exception as exc:  # noqa: BLE001 (the row says what failed; the other sizes still run)
        row.error = " ".join(f"{type(exc).__name__}: {exc}".replace("|", "/").split())[:300]
        say(f"failed: {row.error}")
    finally:
        row.load_end = os.getloadavg()[0]
        kafka.close()
        stack.down()
    return row


def measure(stack: Stack, kafka: KafkaView, settings: Settings, row: Row, args, design: Design) -> None:
    today = dt.date.today()
    urls = {s: f"http://127.0.0.1:{p}" for s, p in stack.ports.items()}
    population = Population.make(row.workers, row.vacancies, today)
    say(f"signing up 1 employer, {args.clients} readers and {args.timed} observers")
    employer = sign_up(urls["employers"], 0, employer_document(), worker=False)
    readers = [sign_up(urls["workers"], 1 + i, reader_document(i, today, population.workers[i][1]["skills"]))
               for i in range(args.clients)]
    observers = [sign_up(urls["workers"], 1 + args.clients + k, observer_document(k, today))
                 for k in range(args.timed)]
    say(f"publishing {len(population):,} events")
    # The seed carries the ethics service's verdicts (its consumer must not review those submissions again),
    # and past seasons of offers the workers service never made: its consumer would change nothing for them
    # (a real programme's history arrived over years; at 100,000 workers the seed has 150,000 of them).
    for group, _topic in SKIPPED:
        stack.stop(f"{group}-worker")
    row.events, row.published_seconds = len(population), publish(settings, population)
    for group, topic in SKIPPED:
        skip_to_end(kafka, group, topic)
        stack.start_service(group)
    rng = random.Random(row.workers)
    sample = [w for w, _ in rng.sample(population.workers, min(SAMPLE_WORKERS, len(population.workers)))]
    vacancy_ids = [v for v, _, _ in population.vacancies]
    awaited = Awaited(workers={*sample, *(p.id for p in readers + observers)},
                      vacancies={*rng.sample(vacancy_ids, min(SAMPLE_VACANCIES, len(vacancy_ids))),
                                 *vacancy_ids[-LAST_VACANCIES:]})
    matcher = MatcherReads(urls["matcher"], stack.secret_key())
    row.absorb_seconds, row.absorb_status = wait_absorbed(stack, kafka, matcher, awaited, SEED_TOPICS,
                                                          args.absorb_minutes * 60)
    if row.absorb_seconds is None:
        say(f"the seed was not absorbed in {args.absorb_minutes:g} min: {row.absorb_status}")
        return
    row.sampled_with_matches = f"{sum(1 for w in sample if matcher.match_count(w))}/{len(sample)}"
    say(f"absorbed in {row.absorb_seconds:.0f} s; sampled workers with a match: {row.sampled_with_matches}")
    row.restart_seconds = time_restart(stack)
    row.index_seconds = row.restart_seconds if design.index else None
    say(f"matcher web restarted, /readyz 200 after {row.restart_seconds:.1f} s")
    say(f"readers' fewest matches: {wait_for_matches(readers)}")
    timed_phase(stack, kafka, row, args, employer, observers, today)
    read_phases(stack, row, args, design, employer, readers, observers)
    row.rss_mb = peak_rss(stack)
    say(f"peak RSS of the matcher processes: {rss_cell(row.rss_mb)} MB")


# Consumer groups moved past the seed's events on a topic: (group, topic).
SKIPPED = (("ethics", VACANCY_SUBMITTED), ("workers", PLACEMENT_COMPLETED))


def skip_to_end(kafka: KafkaView, group: str, topic: str, attempts: int = 30) -> None:
    """``group`` past the seed's events on ``topic``; retried while the stopped member is still in the group."""
    for attempt in range(attempts):
        try:
            kafka.skip_to_end(group, topic)
            return
        except Exception:  # noqa: BLE001 (the broker drops a member that left within its session timeout)
            if attempt == attempts - 1:
                raise
            time.sleep(2)


# The matcher sends a worker at most one notice a minute (matcher/notices.py NOTICE_GAP; not imported: this
# harness also runs in checkouts of versions without it).
NOTICE_GAP_SECONDS = 60.0


def timed_phase(stack, kafka: KafkaView, row: Row, args, employer, observers, today: dt.date) -> None:
    for observer in observers:  # as a phone shows the list first: a cache filled, a watch set, if any
        shown(observer)
    # Observers were watched while the seed was still being absorbed and may have had a notice since: the
    # next one would then wait out the minute, which is coalescing, not delivery time. Measured from rest.
    settle(kafka)
    say(f"waiting {NOTICE_GAP_SECONDS:g} s so that no observer's last notice defers the next")
    time.sleep(NOTICE_GAP_SECONDS)
    before = kafka.end_offsets()
    documents = [timed_vacancy(k, today) for k in range(args.timed)]
    say(f"submitting {args.timed} vacancies at {args.pace:g}/s; each observer watches its /me/matches")
    visibility_run = Visibility(employer, observers, documents, args.pace, args.patience)
    row.delays = visibility_run.run()
    settle(kafka)
    row.traffic = {t: traffic.as_list() for t, traffic in kafka.traffic(before, kafka.end_offsets()).items()}
    p50, p95, never = visibility(row.delays)
    say(f"submit -> visible p50 {p50:.2f} s, p95 {p95:.2f} s, never {never} of {len(row.delays)}")
    row.timed_ids = [vacancy_id for vacancy_id, _ in visibility_run.submitted.values()]


def settle(kafka: KafkaView, quiet: float = 5.0, cap: float = 120.0) -> None:
    """Wait until no topic has grown for ``quiet`` seconds: what the timed vacancies set off is all counted."""
    started, last, since = time.monotonic(), kafka.end_offsets(), time.monotonic()
    while time.monotonic() - since < quiet and time.monotonic() - started < cap:
        time.sleep(1)
        now = kafka.end_offsets()
        if now != last:
            last, since = now, time.monotonic()


def read_phases(stack, row: Row, args, design: Design, employer, readers, observers) -> None:
    ids = row.timed_ids

    def candidates(i):
        return employer.api.http.get(f"{employer.api.base}/vacancies/{ids[i % len(ids)]}/candidates", timeout=60)

    row.candidates_ms, row.candidates_errors = timed_reads(candidates, args.reads)
    say(f"candidates: p50 {Figures(latencies_ms=row.candidates_ms).percentile(50):.0f} ms, "
        f"p99 {Figures(latencies_ms=row.candidates_ms).percentile(99):.0f} ms, {row.candidates_errors} errors")
    row.cached = matches_load(stack, readers, args)
    row.cached["how"] = f"the {len(readers)} readers' tokens repeated"
    say(f"/me/matches cached: {load_cell(row.cached)}")
    if design.cache_setting:
        os.environ[CACHE_SETTING] = "0"
        try:
            time_restart(stack, "workers")
            row.uncached = matches_load(stack, readers, args)
        finally:
            os.environ.pop(CACHE_SETTING)
        row.uncached["how"] = f"workers web restarted with {CACHE_SETTING}=0, the same {len(readers)} readers"
    else:
        row.uncached = matches_load(stack, readers + observers, args)
        row.uncached["how"] = (f"no {CACHE_SETTING} in this version: spread over {len(readers + observers)} "
                               "distinct accounts (readers and observers)")
    say(f"/me/matches uncached ({row.uncached['how']}): {load_cell(row.uncached)}")


def matches_load(stack, people, args) -> dict:
    """``GET /api/v1/me/matches`` with gzip as phones ask, ``args.clients`` connections, after a 2 s warm-up."""
    calls = [("/api/v1/me/matches", {"Authorization": p.authorization, "Accept-Encoding": "gzip"}) for p in people]
    run_load("127.0.0.1", stack.ports["workers"], calls, args.clients, 2)
    result = run_load("127.0.0.1", stack.ports["workers"], calls, args.clients, args.load_seconds)
    return {"rate": result.rate, "p50": result.percentile(50), "p99": result.percentile(99),
            "errors": result.errors, "requests": result.requests}


# -- the baseline: the same harness in a checkout of another version


def baseline_checkout(ref: str) -> Path:
    """A worktree of ``ref`` under var/, with its own virtualenv and this harness copied in."""
    commit = git("rev-parse", "--short=10", f"{ref}^{{commit}}")
    if commit == "unknown":
        raise SystemExit(f"[bench-scale] unknown --baseline-ref {ref}")
    path = ROOT / "var" / "scale-baseline" / commit
    if not (path / ".git").exists():
        say(f"checking out {ref} ({commit}) in {path.relative_to(ROOT)}")
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), commit], check=True)
    say(f"make install in {path.relative_to(ROOT)} (its own virtualenv)")
    subprocess.run(["make", "-C", str(path), "install"], check=True)
    for name in HARNESS_FILES:
        shutil.copy2(Path(__file__).with_name(name), path / "tests" / "bench" / name)
    return path


def run_baseline(path: Path, n_workers: int, args) -> Row:
    """The harness at one size in the baseline checkout, as a process of its own; its row."""
    out = path / "var" / f"scale-rows-{n_workers}.json"
    out.unlink(missing_ok=True)
    command = [str(path / ".venv" / "bin" / "python"), "-m", "tests.bench.scale_bench", "--sizes", str(n_workers),
               "--baseline-ref", "none", "--absorb-minutes", str(args.baseline_absorb_minutes),
               "--timed", str(args.timed), "--pace", str(args.pace), "--patience", str(args.patience),
               "--load-seconds", str(args.load_seconds), "--reads", str(args.reads), "--clients", str(args.clients),
               "--label", f"baseline {args.baseline_ref}", "--report", "none", "--json", str(out)]
    code = subprocess.run(command, cwd=path).returncode
    if out.exists():
        return Row(**json.loads(out.read_text())[0])
    return Row(workers=n_workers, vacancies=max(1, n_workers // 10), label=f"baseline {args.baseline_ref}",
               commit=path.name, load_start=os.getloadavg()[0], error=f"the baseline run exited with {code}")


# -- the report


def report(rows: list[Row], args, command: str, started: dt.datetime, seconds: float) -> str:
    return f"""# Scale benchmark

Measured {started:%Y-%m-%d %H:%M} UTC by `{command}` on {machine()}; branch
`{git("rev-parse", "--abbrev-ref", "HEAD")}` at `{git("rev-parse", "--short", "HEAD")}`; the whole run took
{seconds / 60:.0f} min. The machine is shared: the last column is the load average at the start and end of each
row. Each row is one version on a fresh local stack (SecantusDB, Kafka, every service and consumer; gunicorn
2 workers x 4 threads, no access log). How each figure is made: `tests/bench/scale_bench.py`.

- **seed absorbed**: N synthetic workers (5 languages, 10 destination countries, seasons over the next 16
  months, past placements) and N/10 open vacancies sent to Kafka as the services' own events, until the
  matcher's consumer group has read them all, its `/readyz` answers 200 and {SAMPLE_WORKERS} sampled workers,
  {SAMPLE_VACANCIES + LAST_VACANCIES} vacancies and every signed-up account have a list in its read API.
- **index build**: the matcher's web processes restarted until `/readyz` answers 200 three times in a row
  ("-": this version has no ranking index).
- **submit -> visible**: {args.timed} vacancies posted through the employers API at {args.pace:g}/s, each seen
  by its own observer polling `GET /api/v1/me/matches`; never visible = not within {args.patience:g} s.
- **`/me/matches`**: {args.clients} keep-alive clients for {args.load_seconds:g} s, gzip; uncached: see the notes.
- **candidates**: `GET /api/v1/vacancies/{{id}}/candidates` of the timed vacancies through the employers API,
  {args.reads} reads one at a time.
- **events / bytes per vacancy**: every message on every topic (key + value) from just before the first timed
  vacancy until Kafka is quiet for 5 s after the last was seen, divided by {args.timed}. A version that sends
  notices only for workers who read their matches lately has these then: the {args.timed} observers, the
  {args.clients} readers and the {SAMPLE_WORKERS} sampled workers whose lists the wait for the seed read.
- **peak RSS**: VmHWM of each matcher gunicorn worker (started at the index build) and each matcher worker process.

Targets at 100,000 x 10,000 on 2 cores (issue 14): submit -> visible p95 under 1 s; cached `/me/matches`
1,000 req/s or more with p99 under 50 ms, uncached p99 under 150 ms; candidates p99 under 200 ms; events per
vacancy that do not grow with the number of workers (apart from the coalesced per-worker notices); under 1.5
GB RSS per matcher process.

{table(rows)}

Notes per row:

{chr(10).join(details(row) for row in rows)}
"""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tests.bench.scale_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)

    def sizes(text: str) -> list[int]:
        return [int(s.replace("_", "")) for s in text.split(",") if s.strip()]

    parser.add_argument("--sizes", type=sizes, default=[2000, 20_000, 100_000], help="numbers of workers")
    parser.add_argument("--baseline-ref", default=DEFAULT_BASELINE,
                        help=f"version to measure beside this one (default {DEFAULT_BASELINE}; 'none' for none)")
    parser.add_argument("--baseline-sizes", type=sizes, default=[2000], help="sizes the baseline runs at")
    parser.add_argument("--absorb-minutes", type=float, default=60.0, help="cap on absorbing the seed")
    parser.add_argument("--baseline-absorb-minutes", type=float, default=10.0, help="the baseline's cap")
    parser.add_argument("--timed", type=int, default=40, help="vacancies submitted for submit -> visible")
    parser.add_argument("--pace", type=float, default=2.0, help="timed vacancies a second")
    parser.add_argument("--patience", type=float, default=120.0, help="seconds before a vacancy counts as never seen")
    parser.add_argument("--clients", type=int, default=32, help="concurrent /me/matches clients (and readers)")
    parser.add_argument("--load-seconds", type=float, default=15.0, help="seconds of each /me/matches load")
    parser.add_argument("--reads", type=int, default=100, help="timed candidates reads")
    parser.add_argument("--label", default="this checkout", help="the version's name in the table")
    parser.add_argument("--report", default=str(REPORT), help="markdown report ('none': not written)")
    parser.add_argument("--json", default="", help="also write the rows as JSON here")
    args = parser.parse_args(argv)
    if not args.sizes or min(args.sizes) < 10 or args.timed < 1 or args.pace <= 0:
        parser.error("--sizes needs numbers of at least 10, --timed at least 1 and --pace above 0")
    args.baseline_ref = None if args.baseline_ref.lower() in ("", "none") else args.baseline_ref
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    command = shlex.join(["python", "-m", "tests.bench.scale_bench", *(sys.argv[1:] if argv is None else argv)])
    started, clock = dt.datetime.now(dt.UTC), time.monotonic()
    os.environ.update(RAISED_LIMITS)
    design = Design.of(ROOT)
    say(f"this checkout: ranking index {'yes' if design.index else 'no'}, {CACHE_SETTING} "
        f"{'yes' if design.cache_setting else 'no'}; {machine()}; load average {os.getloadavg()[0]:.1f}")
    baseline = baseline_checkout(args.baseline_ref) if args.baseline_ref else None
    stack, rows, stopped = bench_stack(), [], {}
    for n_workers in args.sizes:
        runs = [("this", lambda n=n_workers: run_size(stack, n, args, design))]
        if baseline is not None and n_workers in args.baseline_sizes:
            runs.append(("baseline", lambda n=n_workers: run_baseline(baseline, n, args)))
        for version, run in runs:
            if version in stopped:  # a version that did not finish a smaller size is not tried at a larger one
                rows.append(Row(workers=n_workers, vacancies=max(1, n_workers // 10), label=stopped[version].label,
                                commit=stopped[version].commit, load_start=os.getloadavg()[0],
                                error=f"not tried: did not finish at {stopped[version].workers:,} workers"))
                continue
            rows.append(run())
            if not rows[-1].finished:
                stopped[version] = rows[-1]
            write(rows, args, command.strip(), started, time.monotonic() - clock)
            print(table(rows), flush=True)
    return 0


def write(rows: list[Row], args, command: str, started: dt.datetime, seconds: float) -> None:
    if args.report != "none":
        Path(args.report).write_text(report(rows, args, command, started, seconds))
        say(f"written to {args.report}")
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(row) for row in rows]))


if __name__ == "__main__":
    sys.exit(main())
