"""Soak benchmark (issue 19): mixed traffic at a steady moderate rate over a three-broker stack, for
``LP_SOAK_MINUTES`` (default 30), written to docs/soak-benchmark.md with docs/soak-benchmark.svg.

The traffic, round-robin at ``LP_SOAK_RATE`` operations a second (default 4) from four threads: sign-ups,
profile edits, vacancies (one in four unfair, so the auditor has flags), offers to candidates, accepts and
declines, reads of matches, lists and pages, auditor decisions. Every minute it records each process's
RSS (each gunicorn worker apart), the consumer lag of every group, the requests, 4xx, 5xx and client
errors of that minute and their p99 latency. It reports the RSS slope of each process after a warm-up,
the largest lag, the 5xx count and the ERROR lines of the services' logs.

    python -m tests.bench.soak_bench        # or: make bench-soak  (LP_SOAK_MINUTES=60 make bench-soak)
"""

from __future__ import annotations

import collections
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyotp
import requests
from kafka import KafkaConsumer
from kafka.admin import KafkaAdminClient

from deploy.seed import Api
from deploy.stack import ROOT
from tests.bench.scale_phases import SourceAddress, children, sign_up, source_address
from tests.documents import vacancy
from tests.e2e.conftest import fresh_stack
from tests.e2e.test_journeys import offer_terms

REPORT = ROOT / "docs" / "soak-benchmark.md"  # and its chart, soak-benchmark.svg beside it
PASSWORD = "soak password long enough"
N_EMPLOYERS, N_WORKERS = 4, 20
WARM_UP_MINUTES = 3  # start-up, caches and the JIT of Kafka's JVMs fill in first: not a leak


def say(text: str) -> None:
    print(f"[soak] {text}", flush=True)


def worker_document(i: int) -> dict:
    return {"name": f"Soak Worker {i}", "email": f"soak-{uuid.uuid4().hex[:12]}@bench.example.org",
            "password": PASSWORD, "origin_country": "GT", "birth_year": 1990 + i % 10, "languages": ["es"],
            "skills": ["fruit picking", "ladder work"], "certifications": [],
            "availability": [{"start": "2027-03-01", "end": "2028-11-30"}], "preferred_countries": ["CA"],
            "pathways": ["seasonal", "circular"]}


# ------------------------------------------------------------------------------------------- traffic


@dataclass
class Minute:
    """What one minute of traffic met."""

    latencies_ms: list = field(default_factory=list)
    statuses: collections.Counter = field(default_factory=collections.Counter)

    def p99(self) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else float("nan")

    def count(self, prefix: str) -> int:
        return sum(n for status, n in self.statuses.items() if status.startswith(prefix))


class Traffic:
    """The platform's users and what they do; every HTTP call is timed into the minute it ended in."""

    def __init__(self, stack, started: float):
        self.stack, self.started = stack, started
        self.minutes: dict[int, Minute] = collections.defaultdict(Minute)
        self.lock = threading.Lock()
        self.signups = itertools.count(N_WORKERS + N_EMPLOYERS + 1)
        self.url = {s: f"http://127.0.0.1:{p}" for s, p in stack.ports.items()}
        self.employers = [self._employer(i) for i in range(N_EMPLOYERS)]
        self.workers = [sign_up(self.url["workers"], N_EMPLOYERS + i, worker_document(i)) for i in range(N_WORKERS)]
        self.auditor = self._auditor()
        self.vacancies: list[tuple[Api, str]] = []
        self.offered: set[tuple[str, str]] = set()

    def _employer(self, i: int) -> Api:
        return sign_up(self.url["employers"], i, {"name": f"Soak Orchards {i}", "country": "CA", "password": PASSWORD,
                                                  "email": f"soak-employer-{uuid.uuid4().hex[:10]}@bench.example.org"},
                       worker=False).api

    def _auditor(self) -> dict:
        email = f"soak-auditor-{uuid.uuid4().hex[:8]}@bench.example.org"
        created = subprocess.run([sys.executable, "-m", "ethics", "create-auditor", "--email", email, "--password",
                                  PASSWORD], cwd=ROOT, env=self.stack.service_env(), check=True, capture_output=True,
                                 text=True)
        code = pyotp.TOTP(re.search(r"two-factor secret: (\w+)", created.stdout).group(1)).now()
        token = requests.post(f"{self.url['ethics']}/api/v1/tokens", timeout=30,
                              json={"email": email, "password": PASSWORD, "otp": code}).json()["token"]
        return {"Authorization": f"Bearer {token}"}

    # -- timing

    def call(self, session, method: str, url: str, **kwargs) -> requests.Response | None:
        begun = time.monotonic()
        try:
            response = session.request(method, url, timeout=30, **kwargs)
            status = str(response.status_code)
        except requests.RequestException as exc:
            response, status = None, type(exc).__name__
        ended = time.monotonic()
        with self.lock:
            minute = self.minutes[int((ended - self.started) // 60)]
            minute.latencies_ms.append((ended - begun) * 1000)
            minute.statuses[status] += 1
        return response

    def api(self, person: Api, method: str, path: str, **kwargs):
        return self.call(person.http, method, person.base + path, **kwargs)

    # -- the operations, one of each kind

    def sign_up(self):
        index = next(self.signups)
        api = Api(self.url["workers"])
        api.http.mount("http://", SourceAddress(source_address(index)))  # spread over client addresses
        self.api(api, "POST", "/accounts", json=worker_document(index))

    def edit_profile(self):
        worker = random.choice(self.workers)
        self.api(worker.api, "PUT", "/me", json={"skills": random.choice([["fruit picking", "ladder work"],
                                                                           ["fruit picking", "pruning"]])})

    def post_vacancy(self):
        employer = random.choice(self.employers)
        unfair = random.random() < 0.25
        response = self.api(employer, "POST", "/vacancies", json=vacancy(
            title=f"Soak harvest {uuid.uuid4().hex[:6]}", **({"worker_fees": 500} if unfair else {})))
        if response is not None and response.status_code == 201 and not unfair:
            with self.lock:
                self.vacancies.append((employer, response.json()["id"]))

    def make_offer(self):
        with self.lock:
            recent = self.vacancies[-30:]
        if not recent:
            return
        employer, vacancy_id = random.choice(recent)
        response = self.api(employer, "GET", f"/vacancies/{vacancy_id}/candidates")
        if response is None or response.status_code != 200:
            return
        listed = {w.id for w in self.workers} & set(re.findall(r"[0-9a-f]{24}", response.text))
        fresh = [w for w in listed if (vacancy_id, w) not in self.offered]
        if fresh:
            worker_id = random.choice(fresh)
            self.offered.add((vacancy_id, worker_id))
            self.api(employer, "POST", "/offers", json=offer_terms(vacancy_id, worker_id))

    def answer_offer(self):
        worker = random.choice(self.workers)
        response = self.api(worker.api, "GET", "/me/offers")
        if response is None or response.status_code != 200:
            return
        sent = [o["id"] for o in response.json()["items"] if o["status"] == "sent"]
        if sent:
            self.api(worker.api, "POST", f"/me/offers/{sent[0]}/{random.choice(['accept', 'decline'])}")

    def read(self):
        worker = random.choice(self.workers)
        self.api(worker.api, "GET", "/me/matches")
        self.api(random.choice(self.employers), "GET", "/vacancies", params={"limit": 20})
        page = random.choice(["employers", "workers", "ethics"])
        self.call(requests, "GET", f"{self.url[page]}/")

    def decide(self):
        response = self.call(requests, "GET", f"{self.url['ethics']}/api/v1/flags", headers=self.auditor)
        if response is None or response.status_code != 200:
            return
        open_flags = [f["id"] for f in response.json()["items"] if not f.get("decisions")]
        if open_flags:
            self.call(requests, "POST", f"{self.url['ethics']}/api/v1/flags/{open_flags[0]}/decision",
                      headers=self.auditor, json={"decision": random.choice(["confirmed", "dismissed"]),
                                                  "note": "Soak decision."})

    def cycle(self) -> list:
        """One round of the mix: reads weigh most, as on a real platform."""
        return [self.read, self.post_vacancy, self.read, self.edit_profile, self.make_offer, self.read,
                self.answer_offer, self.sign_up, self.read, self.decide]


def drive(traffic: Traffic, rate: float, until: float) -> None:
    """Start one operation every 1/rate seconds until ``until``, on four threads (a steady open loop)."""
    operations = itertools.cycle(traffic.cycle())
    with ThreadPoolExecutor(max_workers=4) as pool:
        pending = collections.deque()
        next_at = time.monotonic()
        while next_at < until:
            time.sleep(max(0.0, next_at - time.monotonic()))
            pending.append(pool.submit(next(operations)))
            while pending and pending[0].done():
                pending.popleft().result()  # an exception in the bench itself stops it, loudly
            next_at += 1 / rate


# ------------------------------------------------------------------------------------------ samples


def rss_mb(pid: int) -> float | None:
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def process_rss(stack) -> dict[str, float]:
    """RSS (MB) of each process of the stack: the database, each broker, each gunicorn worker, each consumer."""
    found = {}
    for name in stack.process_names():
        pid = stack.pid(name)
        if pid is None:
            continue
        pids = children(pid) if name.endswith("-web") else [pid]
        for n, each in enumerate(pids, 1):
            rss = rss_mb(each)
            if rss is not None:
                found[f"{name} {n}" if name.endswith("-web") else name] = rss
    return found


def consumer_lag(stack) -> dict[str, int]:
    """Messages not yet consumed, per consumer group (committed offset to the partition's end)."""
    admin = KafkaAdminClient(bootstrap_servers=stack.kafka_bootstrap)
    reader = KafkaConsumer(bootstrap_servers=stack.kafka_bootstrap)
    try:
        groups = [g["group_id"] for g in admin.list_groups() if not g["group_id"].startswith("dlq-replay")]
        lag = {}
        for group, committed in (admin.list_group_offsets(groups) if groups else {}).items():
            offsets = {tp: getattr(meta, "offset", meta) for tp, meta in committed.items()}
            # A fresh client knows no topic yet: without their metadata end_offsets left partitions out.
            reader.topics()
            ends = reader.end_offsets(list(offsets)) if offsets else {}
            missing = [tp for tp in offsets if tp not in ends]
            if missing:
                raise RuntimeError(f"no end offset for {missing[:3]}")
            lag[group] = sum(max(0, ends[tp] - offset) for tp, offset in offsets.items() if offset >= 0)
        return lag
    finally:
        reader.close()
        admin.close()


def sample_every_minute(stack, started: float, until: float, rss: dict, lag: dict) -> None:
    minute = 0
    while time.monotonic() < until + 1:
        time.sleep(max(0.0, started + 60 * (minute + 1) - time.monotonic()))
        minute += 1
        for name, mb in process_rss(stack).items():
            rss.setdefault(name, {})[minute] = mb
        try:
            lag[minute] = consumer_lag(stack)
        except Exception as exc:  # noqa: BLE001 - a missed sample is reported, the soak goes on
            say(f"minute {minute}: consumer lag not read ({exc})")
        say(f"minute {minute}: lag {sum(lag.get(minute, {}).values())}, "
            f"RSS {sum(v[minute] for v in rss.values() if minute in v):.0f} MB in all")


def log_errors(stack) -> collections.Counter:
    """ERROR lines of each log of the stack (Kafka's own logs included)."""
    found = collections.Counter()
    for path in sorted(stack.log_dir.glob("*.log")):
        for line in open(path, errors="replace"):
            if " ERROR " in line or line.startswith("ERROR"):
                found[path.stem] += 1
    return found


# ------------------------------------------------------------------------------------------ figures


def slope_per_hour(points: dict[int, float]) -> float:
    """Least-squares slope of RSS against minutes, in MB an hour, after the warm-up."""
    xs = [m for m in points if m > WARM_UP_MINUTES]
    if len(xs) < 2:
        return float("nan")
    ys = [points[m] for m in xs]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return 60 * sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0


def flat(points: dict[int, float]) -> bool:
    """Flat within noise: the drift the slope makes over the measured window is under 5 MB or 5%, or under
    twice the spread of the samples around their line."""
    xs = sorted(m for m in points if m > WARM_UP_MINUTES)
    if len(xs) < 2:
        return True
    drift = abs(slope_per_hour(points)) * (xs[-1] - xs[0]) / 60
    spread = statistics.pstdev(points[m] for m in xs)
    return drift <= max(5.0, 0.05 * statistics.fmean(points[m] for m in xs), 2 * spread)


def svg_chart(rss: dict, minutes: dict[int, Minute]) -> str:
    """Two small panels: RSS of each process (MB) and p99 latency (ms), against minutes."""
    width, height, pad = 720, 220, 40
    last = max([m for v in rss.values() for m in v] + list(minutes) + [1])
    colours = itertools.cycle(["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                               "#7f7f7f", "#bcbd22", "#17becf"])

    def panel(top: int, title: str, series: dict[str, dict[int, float]], unit: str) -> list[str]:
        values = [v for s in series.values() for v in s.values() if v == v]
        peak = max(values + [1.0]) * 1.1
        x = lambda m: pad + (width - 2 * pad) * m / last  # noqa: E731
        y = lambda v: top + height - pad - (height - 2 * pad) * v / peak  # noqa: E731
        out = [f'<text x="{pad}" y="{top + 20}" font-size="13">{title}</text>',
               f'<line x1="{pad}" y1="{y(0)}" x2="{width - pad}" y2="{y(0)}" stroke="#999"/>',
               f'<line x1="{pad}" y1="{y(0)}" x2="{pad}" y2="{y(peak)}" stroke="#999"/>',
               f'<text x="{pad - 4}" y="{y(peak) + 10}" font-size="10" text-anchor="end">{peak:.0f}</text>',
               f'<text x="{pad - 4}" y="{y(0)}" font-size="10" text-anchor="end">0 {unit}</text>',
               f'<text x="{width - pad}" y="{y(0) + 14}" font-size="10" text-anchor="end">minute {last}</text>']
        for (name, points), colour in zip(sorted(series.items()), colours, strict=False):
            line = " ".join(f"{x(m):.1f},{y(v):.1f}" for m, v in sorted(points.items()) if v == v)
            out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.2" points="{line}">'
                       f"<title>{name}</title></polyline>")
        return out

    p99 = {"p99 of all requests": {m: minute.p99() for m, minute in minutes.items()}}
    body = panel(0, "RSS of each process (MB; hover a line for its name)", rss, "MB")
    body += panel(height, "p99 latency per minute (ms)", p99, "ms")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{2 * height}" '
            f'font-family="sans-serif">\n' + "\n".join(body) + "\n</svg>\n")


def write_report(args: dict, rss: dict, lag: dict, minutes: dict[int, Minute], errors, report: Path) -> str:
    total = Minute()
    for minute in minutes.values():
        total.statuses.update(minute.statuses)
        total.latencies_ms += minute.latencies_ms
    lag_totals = {m: sum(groups.values()) for m, groups in lag.items()}
    measured = {m: v for m, v in lag_totals.items() if m > WARM_UP_MINUTES} or lag_totals
    lag_text = (f"lag at most {max(measured.values())} messages after the warm-up (last {lag_totals[max(lag_totals)]})"
                if measured else "consumer lag NOT measured")
    growing = [name for name, points in rss.items() if not flat(points)]
    verdict = (f"{'flat' if not growing else 'NOT flat: ' + ', '.join(growing)} memory; "
               f"{lag_text}; "
               f"{total.count('5')} 5xx of {sum(total.statuses.values()):,} requests")
    lines = [
        "# Soak benchmark (three brokers)", "",
        f"`{args['command']}` on {args['date']}: {args['minutes']} minutes at {args['rate']} operations a "
        f"second (sign-ups, profile edits, vacancies, offers, accepts and declines, reads of matches, lists and "
        f"pages, auditor decisions) from 4 threads, against `LP_KAFKA_BROKERS=3` (three KRaft nodes, replication "
        f"factor 3, `min.insync.replicas=2`), SecantusDB and the four services, on this 2-core machine shared "
        f"with other work. Written by `tests/bench/soak_bench.py`.", "",
        f"**Verdict: {verdict}.**", "",
        "![RSS of each process and p99 latency per minute](soak-benchmark.svg)", "",
        f"## RSS per process (MB; slope over minutes {WARM_UP_MINUTES + 1}+ in MB/hour)", "",
        "| process | first | last | min | max | slope MB/h | change in the middle third | in the last third | flat |",
        "|---|---|---|---|---|---|---|---|---|"]
    for name, points in sorted(rss.items()):
        values = [points[m] for m in sorted(points)]
        third = max(1, len(values) // 3)
        middle, last = values[2 * third - 1] - values[third - 1], values[-1] - values[-third - 1]
        lines.append(f"| {name} | {values[0]:.0f} | {values[-1]:.0f} | {min(values):.0f} | {max(values):.0f} | "
                     f"{slope_per_hour(points):+.1f} | {middle:+.0f} | {last:+.0f} | "
                     f"{'yes' if flat(points) else 'NO'} |")
    lines += ["", "Each gunicorn worker is its own line (`-web N`); the masters are left out. Kafka's JVMs start "
              "with a 256 MB heap and may grow to their `-Xmx512m` (plus metaspace and buffers): growth there that "
              "levels off is the heap filling, bounded by that setting. The matcher's processes hold the ranking "
              "index, which grows with the fair vacancies the traffic adds (one operation in ten posts a "
              f"vacancy, three in four of them fair: {args['rate'] * 0.1 * 0.75 * 3600:,.0f} an hour).",
              "", "## Per minute", "",
              "| minute | requests | 2xx | 4xx | 5xx | client errors | p99 ms | consumer lag (all groups) |",
              "|---|---|---|---|---|---|---|---|"]
    for m in sorted(minutes):
        minute = minutes[m]
        errors_ = sum(n for s, n in minute.statuses.items() if not s[0].isdigit())
        lines.append(f"| {m + 1} | {sum(minute.statuses.values())} | {minute.count('2')} | {minute.count('4')} | "
                     f"{minute.count('5')} | {errors_} | {minute.p99():.0f} | {lag_totals.get(m + 1, '')} |")
    lines += ["", "4xx are expected: an offer on a vacancy not reviewed yet (409), a second answer to an offer, "
              "a flag decided twice by the auditor's race with itself.", "",
              "## ERROR lines in the logs", "",
              (", ".join(f"{name}: {n}" for name, n in sorted(errors.items())) or "none"), "",
              f"Statuses over the run: {dict(sorted(total.statuses.items()))}; p99 over the run "
              f"{total.p99():.0f} ms.", ""]
    report.write_text("\n".join(lines))
    # The raw samples beside the report, to read a run again without repeating it.
    report.with_suffix(".json").write_text(json.dumps({
        "rss_mb": rss, "lag": {str(m): groups for m, groups in lag.items()},
        "minutes": {str(m + 1): {"p99_ms": minute.p99(), "statuses": dict(minute.statuses)}
                    for m, minute in sorted(minutes.items())}}, indent=1, default=str))
    report.with_suffix(".svg").write_text(svg_chart(rss, {m + 1: v for m, v in minutes.items()}))
    return verdict


@dataclass
class SoakResult:
    """What a soak measured, for a test to check."""

    verdict: str
    statuses: collections.Counter
    rss: dict
    lag: dict
    log_errors: collections.Counter

    def growing(self) -> list[str]:
        return [name for name, points in self.rss.items() if not flat(points)]


def soak(minutes_wanted: float, rate: float, name: str = "bench-soak", base: int = 22000,
         report: Path = REPORT) -> SoakResult:
    """Run the soak on a fresh three-broker stack of its own under var/<name>; write ``report`` and its chart."""
    os.environ.setdefault("LP_VACANCY_CHANGES_PER_HOUR", "100000")  # four employers post far beyond a real one
    os.environ.setdefault("LP_VACANCY_CHANGES_PER_DAY", "100000")
    stack = fresh_stack(name, base, kafka_brokers=3)
    say(f"starting a three-broker stack under {stack.var}")
    stack.up()
    try:
        say("signing up the employers, workers and the auditor")
        started = time.monotonic()
        traffic = Traffic(stack, started)
        until = started + 60 * minutes_wanted
        rss, lag = {}, {}
        sampler = threading.Thread(target=sample_every_minute, args=(stack, started, until, rss, lag), daemon=True)
        sampler.start()
        say(f"{minutes_wanted:g} minutes of traffic at {rate:g} operations a second")
        drive(traffic, rate, until)
        sampler.join()
        errors = log_errors(stack)
        args = {"command": f"LP_SOAK_MINUTES={minutes_wanted:g} make bench-soak", "rate": rate,
                "minutes": f"{minutes_wanted:g}", "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
        verdict = write_report(args, rss, lag, dict(traffic.minutes), errors, report)
        statuses = collections.Counter()
        for minute in traffic.minutes.values():
            statuses.update(minute.statuses)
        say(f"{verdict}; written to {report}")
        return SoakResult(verdict, statuses, rss, lag, errors)
    finally:
        stack.down()


def main() -> None:
    soak(float(os.environ.get("LP_SOAK_MINUTES") or 30), float(os.environ.get("LP_SOAK_RATE") or 4))


if __name__ == "__main__":
    main()
