"""Soak benchmark (issue 19): mixed traffic at a steady moderate rate over a three-broker stack, for
``LP_SOAK_MINUTES`` (default 30), written to docs/soak-benchmark.md with docs/soak-benchmark.svg.

The traffic, round-robin at ``LP_SOAK_RATE`` operations a second (default 4) from four threads: sign-ups,
profile edits, vacancies (one in four unfair, so the auditor has flags), offers to candidates, accepts and
declines, reads of matches, lists and pages, auditor decisions; an operation not started within 2 s of its
time is dropped and counted as skipped (tests/bench/soak_schedule.py). Every minute it records each
process's RSS (each gunicorn worker apart), the consumer lag of every group, the documents the databases
hold, the requests, 4xx, 5xx, client errors and skipped operations of that minute and their p99 latency. It
reports each process's RSS slope after a warm-up and whether it is flat (tests/bench/soak_figures.py), the
largest lag, the 5xx count and the ERROR lines of the services' logs. ``LP_SOAK_REPORT`` writes the report
elsewhere than docs/soak-benchmark.md.

    python -m tests.bench.soak_bench        # or: make bench-soak  (LP_SOAK_MINUTES=60 make bench-soak)
"""

from __future__ import annotations

import collections
import itertools
import json
import math
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pymongo
import pymongo.errors
import pyotp
import requests
from kafka import KafkaConsumer, TopicPartition
from kafka.admin import KafkaAdminClient

from deploy.seed import Api
from deploy.stack import ROOT
from tests.bench.scale_phases import SourceAddress, children, sign_up, source_address
from tests.bench.soak_figures import WARM_UP_MINUTES, Judgement, judge, slope_per_hour
from tests.bench.soak_schedule import SLACK_SECONDS, Schedule
from tests.documents import vacancy
from tests.e2e.conftest import fresh_stack
from tests.e2e.test_journeys import offer_terms

REPORT = ROOT / "docs" / "soak-benchmark.md"  # and its chart, soak-benchmark.svg beside it
PASSWORD = "soak password long enough"
N_EMPLOYERS, N_WORKERS = 4, 20


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
    skipped: int = 0  # operations due this minute that no client thread could start in time (dropped)
    by_route: dict = field(default_factory=lambda: collections.defaultdict(list))  # route -> latencies (ms)

    def p99(self) -> float:
        return percentile(self.latencies_ms, 0.99)


    def count(self, prefix: str) -> int:
        return sum(n for status, n in self.statuses.items() if status.startswith(prefix))


def percentile(values: list, share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def route(method: str, url: str) -> str:
    """A request's kind, its ids and query left out: ``GET /api/v1/vacancies/{id}/offers``."""
    parts = urllib.parse.urlsplit(url).path.split("/")
    return method + " " + "/".join("{id}" if re.search(r"\d", part) and not re.fullmatch(r"v\d+", part) else part
                                   for part in parts)


class Traffic:
    """The platform's users and what they do; every HTTP call is timed into the minute it ended in."""

    def __init__(self, stack, started: float):
        self.stack, self.started = stack, started
        self.minutes: dict[int, Minute] = collections.defaultdict(Minute)
        self.lock = threading.Lock()
        self.stopped = threading.Event()  # set at the run's end: no request starts after it
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
        """One timed request, or None without a request once the run is over."""
        if self.stopped.is_set():
            return None
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
            minute.by_route[route(method, url)].append((ended - begun) * 1000)
            minute.statuses[status] += 1
        return response

    def skip(self, due: list[float]) -> None:
        """Count operations dropped for lateness in the minute they were due."""
        with self.lock:
            for at in due:
                self.minutes[int((at - self.started) // 60)].skipped += 1

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


def drive(traffic: Traffic, rate: float, until: float, threads: int = 4, slack: float = SLACK_SECONDS) -> None:
    """An open loop of ``rate`` operations a second until ``until`` on ``threads`` client threads: each
    operation starts at its due time, or is dropped (counted as skipped) when no thread was free in time.
    Traffic stops at ``until``; an error in the bench itself stops the run and is raised here."""
    schedule = Schedule(time.monotonic(), rate, until, slack)
    operations = traffic.cycle()
    failures: list[BaseException] = []

    def lane() -> None:
        while True:  # past until, take() counts the slots no thread started as skipped and ends the lane
            slot, skipped = schedule.take(time.monotonic())
            traffic.skip([schedule.due(k) for k in skipped])
            if slot is None or traffic.stopped.wait(max(0.0, schedule.due(slot) - time.monotonic())):
                return
            try:
                operations[slot % len(operations)]()
            except Exception as exc:  # noqa: BLE001 - a bug in the bench stops it, loudly, after the report
                failures.append(exc)
                traffic.stopped.set()

    lanes = [threading.Thread(target=lane, name=f"soak-client-{n}", daemon=True) for n in range(threads)]
    for each in lanes:
        each.start()
    try:
        for each in lanes:
            each.join(max(0.0, until - time.monotonic()))
    finally:
        traffic.stopped.set()  # at until, and on Ctrl-C: no request starts after it
    for each in lanes:
        each.join()  # the requests under way end within their timeout
    if failures:
        raise failures[0]


# ------------------------------------------------------------------------------------------ samples


def rss_mb(pid: int) -> float | None:
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """The CPU time (user and system) process ``pid`` has used so far."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()  # the fields after the command's name, from state
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime and stime, in clock ticks


def stack_pids(stack) -> dict[str, int]:
    """Each process of the stack by its name in the report: the database, each broker, each gunicorn worker
    (``employers-web 1``; the masters are left out), each consumer."""
    found = {}
    for name in stack.process_names():
        pid = stack.pid(name)
        if pid is None:
            continue
        pids = children(pid) if name.endswith("-web") else [pid]
        for n, each in enumerate(pids, 1):
            found[f"{name} {n}" if name.endswith("-web") else name] = each
    return found


def read_each(pids: dict[str, int], read) -> dict[str, float]:
    """``read(pid)`` of each process that could be read."""
    return {name: value for name, pid in pids.items() if (value := read(pid)) is not None}


def group_topics() -> dict[str, list[str]]:
    """Each service's consumer group and the topics its worker consumes."""
    import importlib

    return {service: sorted(importlib.import_module(f"{service}.worker").HANDLERS)
            for service in ("employers", "workers", "ethics", "matcher")}


def consumer_lag(stack) -> dict[str, int]:
    """Messages not yet consumed, per service's consumer group: from its committed offset (or, where it
    committed nothing, the partition's first offset) to the partition's end. Every service's group is
    measured, also one with no member or no commit: a consumer that stopped consuming shows as lag."""
    admin = KafkaAdminClient(bootstrap_servers=stack.kafka_bootstrap)
    reader = KafkaConsumer(bootstrap_servers=stack.kafka_bootstrap)
    try:
        reader.topics()  # a fresh client knows no topic yet: without their metadata end_offsets left some out
        lag = {}
        for group, topics in group_topics().items():
            partitions = [TopicPartition(topic, p) for topic in topics
                          for p in sorted(reader.partitions_for_topic(topic) or ())]
            ends, firsts = reader.end_offsets(partitions), reader.beginning_offsets(partitions)
            committed = {tp: getattr(meta, "offset", meta)
                         for tp, meta in admin.list_group_offsets(group)[group].items()}
            lag[group] = sum(max(0, ends[tp] - (committed[tp] if committed.get(tp, -1) >= 0 else firsts[tp]))
                             for tp in partitions)
        return lag
    finally:
        reader.close()
        admin.close()


def data_held(client: pymongo.MongoClient) -> dict[str, float]:
    """The documents in every database of the platform and their size (dbStats' objects and dataSize)."""
    documents = data_size = 0
    for name in client.list_database_names():
        if name not in ("admin", "config", "local"):
            stats = client[name].command("dbStats")
            documents += stats["objects"]
            data_size += stats["dataSize"]
    return {"documents": documents, "data_mb": data_size / 2**20}


@dataclass
class Samples:
    """What the sampler read each minute: RSS per process, lag per group, the data the database holds."""

    rss: dict = field(default_factory=dict)  # process -> {minute: MB}
    cpu: dict = field(default_factory=dict)  # process -> {minute: CPU seconds used since it started}
    lag: dict = field(default_factory=dict)  # minute -> {group: messages}
    data: dict = field(default_factory=dict)  # minute -> {"documents": n, "data_mb": MB}

    def documents(self) -> dict[int, float]:
        return {m: held["documents"] for m, held in self.data.items()}


def sample_every_minute(stack, started: float, minutes: int, samples: Samples, stopped: threading.Event) -> None:
    """Read the samples at the end of each minute 1..``minutes``, until ``stopped``."""
    client = pymongo.MongoClient(stack.mongo_url, serverSelectionTimeoutMS=10000)
    try:
        for minute in range(1, minutes + 1):
            if stopped.wait(max(0.0, started + 60 * minute - time.monotonic())):
                return
            sample(stack, client, minute, samples)
    finally:
        client.close()


def sample(stack, client, minute: int, samples: Samples) -> None:
    pids = stack_pids(stack)
    for name, mb in read_each(pids, rss_mb).items():
        samples.rss.setdefault(name, {})[minute] = mb
    for name, seconds in read_each(pids, cpu_seconds).items():
        samples.cpu.setdefault(name, {})[minute] = seconds
    try:
        samples.lag[minute] = consumer_lag(stack)
    except Exception as exc:  # noqa: BLE001 - a missed sample is reported, the soak goes on
        say(f"minute {minute}: consumer lag not read ({exc})")
    try:
        samples.data[minute] = data_held(client)
    except pymongo.errors.PyMongoError as exc:
        say(f"minute {minute}: data size not read ({exc})")
    say(f"minute {minute}: lag {sum(samples.lag.get(minute, {}).values())}, "
        f"RSS {sum(v[minute] for v in samples.rss.values() if minute in v):.0f} MB in all, "
        f"{samples.data.get(minute, {}).get('documents', '?')} documents")


def log_errors(stack) -> collections.Counter:
    """ERROR lines of each log of the stack (Kafka's own logs included)."""
    found = collections.Counter()
    for path in sorted(stack.log_dir.glob("*.log")):
        for line in open(path, errors="replace"):
            if " ERROR " in line or line.startswith("ERROR"):
                found[path.stem] += 1
    return found


# ------------------------------------------------------------------------------------------ figures


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


HISTORY = "## Earlier runs"  # a report's section from this heading on is kept when a run rewrites it


def judgements(samples: Samples) -> dict[str, Judgement]:
    return {name: judge(name, points, samples.documents()) for name, points in samples.rss.items()}


def rss_table(samples: Samples, judged: dict[str, Judgement]) -> list[str]:
    lines = [f"## RSS per process (MB; slope over minutes {WARM_UP_MINUTES + 1}+ in MB/hour)", "",
             "| process | first | last | min | max | slope MB/h | change in the middle third | in the last third "
             "| judged against | MB per 1,000 documents | flat |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, points in sorted(samples.rss.items()):
        values = [points[m] for m in sorted(points)]
        third = max(1, len(values) // 3)
        middle, last = ((values[2 * third - 1] - values[third - 1], values[-1] - values[-third - 1])
                        if len(values) > 1 else (0.0, 0.0))
        verdict = judged[name]
        per_1000 = f"{verdict.mb_per_1000_documents:+.2f}" if verdict.mb_per_1000_documents is not None else ""
        lines.append(f"| {name} | {values[0]:.0f} | {values[-1]:.0f} | {min(values):.0f} | {max(values):.0f} | "
                     f"{slope_per_hour(points):+.1f} | {middle:+.0f} | {last:+.0f} | "
                     f"{'the data held' if verdict.how == 'data' else 'time'} | {per_1000} | "
                     f"{'yes' if verdict.flat else 'NO'} |")
    return lines


HOW_JUDGED = (
    "How each process was judged. **Against time** (every process but the ones below): flat when the drift "
    "its least-squares slope makes over minutes {first}+ is under 5 MB, or 5% of its mean, or twice the spread "
    "of its samples. **Against the data held** (the database, SecantusDB, whose memory grows with the "
    "documents it holds: its WiredTiger cache, `LP_DB_CACHE_SIZE`, and more; and each matcher process, whose ranking "
    "index holds every worker and open vacancy, by design): "
    "RSS is fitted as a line against the documents in the platform's databases (dbStats' `objects`, summed "
    "each minute); the fit's slope is the MB per 1,000 documents above, and the RSS less that line (plus the "
    "mean) must be flat by the same criterion as the others and also stay within 5 MB or 5% of the mean from "
    "its lowest to its highest. That residual shows steps, a slope that changes, and growth while the data "
    "stands still; a leak that grew as steadily as the data would be taken into the fit's slope, so the MB "
    "per 1,000 documents is to be read too: the documents are {mean_kb:.1f} kB each on average (dataSize "
    "{data_mb:.1f} MB for {documents:,} documents at the end). Each gunicorn worker is its own line "
    "(`-web N`); the masters are left out. Kafka's JVMs start with their heap committed and touched "
    "(`-Xms512m -Xmx512m -XX:+AlwaysPreTouch`), so the heap's growth does not show as RSS growth.")


def minutes_table(minutes: dict[int, Minute], samples: Samples) -> list[str]:
    lag_totals = {m: sum(groups.values()) for m, groups in samples.lag.items()}
    lines = ["## Per minute", "",
             "| minute | requests | 2xx | 4xx | 5xx | client errors | skipped | p99 ms | consumer lag (all groups) "
             "| documents | data MB |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for m in sorted(minutes):
        minute, held = minutes[m], samples.data.get(m + 1, {})
        errors_ = sum(n for s, n in minute.statuses.items() if not s[0].isdigit())
        data_mb = f"{held['data_mb']:.1f}" if held else ""
        lines.append(f"| {m + 1} | {sum(minute.statuses.values())} | {minute.count('2')} | {minute.count('4')} | "
                     f"{minute.count('5')} | {errors_} | {minute.skipped} | {minute.p99():.0f} | "
                     f"{lag_totals.get(m + 1, '')} | {held.get('documents', '')} | {data_mb} |")
    return lines


def cpu_table(cpu: dict, window: int = 10) -> list[str]:
    """Each process's share of a core in the first ``window`` minutes after the warm-up and in the last
    ``window``: which process works harder as the data grows."""
    minutes = sorted({m for points in cpu.values() for m in points if m >= WARM_UP_MINUTES})
    if len(minutes) < 2:
        return []
    early, late = minutes[:window + 1], minutes[-(window + 1):]

    def cores(points: dict, which: list[int]) -> float:
        if which[0] not in points or which[-1] not in points or which[-1] == which[0]:
            return float("nan")
        return (points[which[-1]] - points[which[0]]) / (60 * (which[-1] - which[0]))

    rows = sorted(((name, cores(points, early), cores(points, late)) for name, points in cpu.items()),
                  key=lambda row: -row[2] if not math.isnan(row[2]) else 0)
    return [f"## CPU per process (cores used), minutes {early[0] + 1}-{early[-1]} against {late[0] + 1}-{late[-1]}", "",
            "| process | then | at the end |", "|---|---|---|",
            *(f"| {name} | {then:.2f} | {end:.2f} |" for name, then, end in rows)]


def routes_table(minutes: dict[int, Minute], window: int = 10) -> list[str]:
    """Each kind of request's latency in the first ``window`` minutes after the warm-up and in the last
    ``window`` full minutes: which requests, if any, grow slower as the data grows."""
    full = sorted(m for m in minutes if m >= WARM_UP_MINUTES)[:-1] or sorted(minutes)
    early, late = full[:window], full[-window:]

    def times(route_: str, which: list[int]) -> list[float]:
        return [t for m in which for t in minutes[m].by_route.get(route_, [])]

    routes = sorted({r for m in full for r in minutes[m].by_route},
                    key=lambda r: -percentile(times(r, late), 0.99) if times(r, late) else 0)
    lines = [f"## Latency per request, minutes {early[0] + 1}-{early[-1] + 1} against {late[0] + 1}-{late[-1] + 1}"
             if full else "## Latency per request", "",
             "| request | count | p50 ms then | p50 ms at the end | p99 ms then | p99 ms at the end |",
             "|---|---|---|---|---|---|"]
    for route_ in routes:
        first, last = times(route_, early), times(route_, late)
        lines.append(f"| `{route_}` | {len(first) + len(last)} | {percentile(first, 0.5):.0f} | "
                     f"{percentile(last, 0.5):.0f} | {percentile(first, 0.99):.0f} | {percentile(last, 0.99):.0f} |")
    return lines


def verdict_of(samples: Samples, judged: dict[str, Judgement], total: Minute) -> str:
    lag_totals = {m: sum(groups.values()) for m, groups in samples.lag.items()}
    after = {m: v for m, v in lag_totals.items() if m > WARM_UP_MINUTES} or lag_totals
    lag_text = (f"lag at most {max(after.values())} messages after the warm-up (last {lag_totals[max(lag_totals)]})"
                if after else "consumer lag NOT measured")
    growing = sorted(name for name, verdict in judged.items() if not verdict.flat)
    by_data = sorted(name for name, verdict in judged.items() if verdict.how == "data")
    memory = ("flat memory" if not growing else "memory NOT flat: " + ", ".join(growing))
    if by_data:
        memory += f" ({', '.join(by_data)} judged against the documents held)"
    return (f"{memory}; {lag_text}; {total.count('5')} 5xx of {sum(total.statuses.values()):,} requests; "
            f"{total.skipped:,} operations skipped (not started within {SLACK_SECONDS:g} s of their time)")


def write_report(args: dict, samples: Samples, minutes: dict[int, Minute], errors, report: Path) -> str:
    """Write ``report`` (keeping its earlier runs), the raw samples beside it and its chart; the verdict."""
    total = Minute()
    for minute in minutes.values():
        total.statuses.update(minute.statuses)
        total.latencies_ms += minute.latencies_ms
        total.skipped += minute.skipped
    judged = judgements(samples)
    verdict = verdict_of(samples, judged, total)
    last = samples.data.get(max(samples.data), {}) if samples.data else {}
    documents = last.get("documents", 0)
    lines = [
        "# Soak benchmark (three brokers)", "",
        f"`{args['command']}` on {args['date']}: {args['minutes']} minutes at {args['rate']} operations a "
        f"second (sign-ups, profile edits, vacancies, offers, accepts and declines, reads of matches, lists and "
        f"pages, auditor decisions) from 4 threads, against `LP_KAFKA_BROKERS=3` (three KRaft nodes, replication "
        f"factor 3, `min.insync.replicas=2`), SecantusDB and the four services, on this 2-core machine shared "
        f"with other work. Written by `tests/bench/soak_bench.py`.{args.get('ended', '')}", "",
        f"**Verdict: {verdict}.**", "",
        "![RSS of each process and p99 latency per minute](soak-benchmark.svg)", "",
        *rss_table(samples, judged), "",
        HOW_JUDGED.format(first=WARM_UP_MINUTES + 1, data_mb=last.get("data_mb", 0.0), documents=documents,
                          mean_kb=1024 * last.get("data_mb", 0.0) / documents if documents else 0.0), "",
        *minutes_table(minutes, samples), "",
        *routes_table(minutes), "",
        *cpu_table(samples.cpu), "",
        "4xx are expected: an offer on a vacancy not reviewed yet (409), a second answer to an offer, a flag "
        "decided twice by the auditor's race with itself. Skipped: operations due that minute that no client "
        "thread was free to start in time; they are dropped, not queued, so the load stays an open loop.", "",
        "## ERROR lines in the logs", "",
        (", ".join(f"{name}: {n}" for name, n in sorted(errors.items())) or "none"), "",
        f"Statuses over the run: {dict(sorted(total.statuses.items()))}; p99 over the run "
        f"{total.p99():.0f} ms.", ""]
    earlier = report.read_text() if report.exists() else ""
    if HISTORY in earlier:
        lines += ["", earlier[earlier.index(HISTORY):]]
    report.write_text("\n".join(lines))
    # The raw samples beside the report, to read a run again without repeating it.
    report.with_suffix(".json").write_text(json.dumps({
        "rss_mb": samples.rss, "cpu_seconds": samples.cpu, "lag": {str(m): groups for m, groups in samples.lag.items()},
        "data": {str(m): held for m, held in samples.data.items()},
        "minutes": {str(m + 1): {"p99_ms": minute.p99(), "statuses": dict(minute.statuses),
                                 "skipped": minute.skipped,
                                 "p99_ms_by_route": {r: percentile(t, 0.99) for r, t in minute.by_route.items()}}
                    for m, minute in sorted(minutes.items())}},
        indent=1, default=str))
    report.with_suffix(".svg").write_text(svg_chart(samples.rss, {m + 1: v for m, v in minutes.items()}))
    return verdict


@dataclass
class SoakResult:
    """What a soak measured, for a test to check."""

    verdict: str
    statuses: collections.Counter
    samples: Samples
    log_errors: collections.Counter
    skipped: int

    @property
    def rss(self) -> dict:
        return self.samples.rss

    @property
    def lag(self) -> dict:
        return self.samples.lag

    def growing(self) -> list[str]:
        return sorted(name for name, verdict in judgements(self.samples).items() if not verdict.flat)


def soak(minutes_wanted: float, rate: float, name: str = "bench-soak", base: int = 22000,
         report: Path = REPORT) -> SoakResult:
    """Run the soak on a fresh three-broker stack of its own under var/<name>; write ``report`` and its chart,
    also when the run is cut short (Ctrl-C, or an error in the bench: raised after the report is written)."""
    os.environ.setdefault("LP_VACANCY_CHANGES_PER_HOUR", "100000")  # four employers post far beyond a real one
    os.environ.setdefault("LP_VACANCY_CHANGES_PER_DAY", "100000")
    stack = fresh_stack(name, base, kafka_brokers=3)
    say(f"starting a three-broker stack under {stack.var}")
    stack.up()
    try:
        say("signing up the employers, workers and the auditor")
        started = time.monotonic()
        traffic = Traffic(stack, started)
        samples, stopped = Samples(), threading.Event()
        sampler = threading.Thread(target=sample_every_minute, daemon=True,
                                   args=(stack, started, math.ceil(minutes_wanted), samples, stopped))
        sampler.start()
        say(f"{minutes_wanted:g} minutes of traffic at {rate:g} operations a second")
        cut_short = run_traffic(traffic, rate, started + 60 * minutes_wanted)
        if cut_short:
            stopped.set()
        sampler.join()
        return finish(stack, traffic, samples, report, {
            "command": f"LP_SOAK_MINUTES={minutes_wanted:g} make bench-soak", "rate": rate,
            "minutes": f"{minutes_wanted:g}", "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "ended": (f" **Cut short** after {(time.monotonic() - started) / 60:.1f} minutes ({cut_short!r}): "
                      f"the figures are of what was collected." if cut_short else "")}, cut_short)
    finally:
        stack.down()


def run_traffic(traffic: Traffic, rate: float, until: float) -> BaseException | None:
    """Drive the traffic to ``until``; what cut it short (Ctrl-C, an error of the bench), if anything."""
    try:
        drive(traffic, rate, until)
    except (KeyboardInterrupt, Exception) as exc:  # noqa: BLE001 - the report is written all the same
        traffic.stopped.set()
        say(f"cut short ({exc!r}): writing the report of what was collected")
        return exc
    return None


def finish(stack, traffic: Traffic, samples: Samples, report: Path, args: dict,
           cut_short: BaseException | None) -> SoakResult:
    """Write the report; raise what cut the run short (but Ctrl-C) once it is written."""
    errors = log_errors(stack)
    with traffic.lock:  # a run cut short may still have requests under way on the client threads
        minutes = {m: Minute(list(v.latencies_ms), collections.Counter(v.statuses), v.skipped,
                             {r: list(times) for r, times in v.by_route.items()}) for m, v in traffic.minutes.items()}
    verdict = write_report(args, samples, minutes, errors, report)
    statuses = collections.Counter()
    for minute in minutes.values():
        statuses.update(minute.statuses)
    say(f"{verdict}; written to {report}")
    if isinstance(cut_short, Exception):
        raise cut_short
    return SoakResult(verdict, statuses, samples, errors, sum(m.skipped for m in minutes.values()))


def main() -> None:
    soak(float(os.environ.get("LP_SOAK_MINUTES") or 30), float(os.environ.get("LP_SOAK_RATE") or 4),
         report=Path(os.environ.get("LP_SOAK_REPORT") or REPORT))


if __name__ == "__main__":
    main()
