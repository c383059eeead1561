"""The soak benchmark's pure parts: the open loop that drops late operations, the data-adjusted memory
verdict and the report (tests/bench/soak_schedule.py, soak_figures.py, soak_bench.py)."""

from __future__ import annotations

import collections
import dataclasses
import re
import threading
import time

from tests.bench.soak_bench import (
    HISTORY,
    Minute,
    Samples,
    cpu_seconds,
    cpu_table,
    drive,
    route,
    routes_table,
    write_report,
)
from tests.bench.soak_figures import against_data, flat, judge
from tests.bench.soak_schedule import Schedule

# -- the schedule


def test_a_schedule_on_time_hands_out_every_slot_in_order():
    schedule = Schedule(start=100.0, rate=2, until=103.0, slack=0.5)
    taken = [schedule.take(now=schedule.due(k)) for k in range(6)]
    assert [slot for slot, _ in taken] == [0, 1, 2, 3, 4, 5]
    assert all(len(skipped) == 0 for _, skipped in taken)
    assert schedule.take(now=103.0) == (None, range(6, 6))


def test_slots_late_by_more_than_the_slack_are_skipped_not_queued():
    schedule = Schedule(start=0.0, rate=10, until=60.0, slack=1.0)
    assert schedule.take(now=0.0)[0] == 0
    slot, skipped = schedule.take(now=5.0)  # a client thread free again 5 s later
    assert list(skipped) == list(range(1, 40))  # due before 4.0 s: more than 1 s late
    assert slot == 40  # due at 4.0 s, exactly at the slack: still on time
    assert schedule.take(now=5.0)[0] == 41


def test_nothing_is_handed_out_past_until_and_the_rest_count_as_skipped():
    schedule = Schedule(start=0.0, rate=1, until=10.0, slack=1.0)
    slot, skipped = schedule.take(now=30.0)
    assert slot is None and list(skipped) == list(range(10))
    assert schedule.take(now=31.0) == (None, range(10, 10))


class SlowTraffic:
    """A stand-in for the soak's Traffic: one operation that takes longer than the rate allows."""

    def __init__(self, takes: float):
        self.takes, self.starts, self.skipped_at = takes, [], []
        self.stopped = threading.Event()

    def cycle(self):
        return [self.operation]

    def operation(self):
        self.starts.append(time.monotonic())
        time.sleep(self.takes)

    def skip(self, due):
        self.skipped_at += due


def test_drive_drops_what_it_cannot_start_in_time_and_starts_nothing_after_until():
    traffic = SlowTraffic(takes=0.3)
    until = time.monotonic() + 1.0
    drive(traffic, rate=20, until=until, threads=1, slack=0.1)
    assert traffic.stopped.is_set()
    assert len(traffic.starts) + len(traffic.skipped_at) == 20  # every slot either started or counted skipped
    assert 1 <= len(traffic.starts) <= 5  # one thread, 0.3 s each: a backlog would have started all 20
    assert max(traffic.starts) < until + 0.1


# -- the memory verdict


def steady(first: float, per_minute: float, minutes: int = 30) -> dict[int, float]:
    return {m: first + per_minute * m for m in range(1, minutes + 1)}


def test_rss_that_follows_the_documents_is_flat_against_the_data_and_reports_its_cost():
    documents = steady(1000, 200)  # 200 documents a minute
    rss = {m: 80 + 0.05 * documents[m] + (0.4 if m % 2 else -0.4) for m in documents}  # 50 MB per 1,000
    assert not flat(rss)  # against time it grows
    verdict = against_data(rss, documents)
    assert verdict.flat and verdict.how == "data"
    assert abs(verdict.mb_per_1000_documents - 50) < 0.5


def test_a_step_in_rss_that_the_data_does_not_make_is_not_flat_against_the_data():
    documents = {m: 1000 + 200 * m if m <= 15 else 4000 for m in range(1, 31)}  # the data stops at minute 15
    rss = {m: 100 + 0.01 * documents[m] + (0 if m < 20 else 40) for m in documents}  # +40 MB after it stopped
    assert not against_data(rss, documents).flat
    rss = {m: 100 + 2.0 * m for m in documents}  # growth with time, not with the data
    assert not against_data(rss, documents).flat


def test_only_the_database_and_the_matcher_are_judged_against_the_data():
    documents = steady(1000, 200)
    rss = {m: 80 + 0.05 * documents[m] for m in documents}
    assert judge("database", rss, documents).flat
    assert judge("matcher-web 1", rss, documents).flat
    assert judge("matcher-worker-2", rss, documents).how == "data"
    other = judge("workers-web 1", rss, documents)
    assert other.how == "time" and not other.flat
    assert judge("database", rss, {}).how == "time"  # no data sampled: no allowance for it


# -- the report


def test_the_report_counts_skipped_operations_and_keeps_the_earlier_runs(tmp_path):
    report = tmp_path / "soak.md"
    report.write_text(f"# old\n\nold verdict\n\n{HISTORY}\n\n## A run before\n\nits figures\n")
    samples = Samples(rss={"database": {m: 60 + m for m in range(1, 7)}, "kafka-1": {m: 600 for m in range(1, 7)}},
                      lag={m: {"matcher": 0} for m in range(1, 7)},
                      data={m: {"documents": 1000 * m, "data_mb": m} for m in range(1, 7)})
    minutes = {m: Minute([10.0, 20.0], collections.Counter({"200": 2}), skipped=3 if m == 2 else 0)
               for m in range(6)}
    verdict = write_report({"command": "x", "rate": 4, "minutes": "6", "date": "today"}, samples, minutes, {}, report)
    text = report.read_text()
    assert "3 operations skipped" in verdict
    assert "database judged against the documents held" in verdict and "NOT flat" not in verdict
    assert "| 3 | 2 | 2 | 0 | 0 | 0 | 3 | 20 | 0 | 3000 | 3.0 |" in text
    assert "old verdict" not in text and text.count(HISTORY) == 1 and "## A run before\n\nits figures" in text
    assert (tmp_path / "soak.svg").exists() and '"skipped": 3' in (tmp_path / "soak.json").read_text()


def test_a_request_kind_names_its_route_without_ids_or_query():
    assert route("GET", "http://127.0.0.1:8001/api/v1/vacancies/6b11a7f0c3/offers?page=2") == \
        "GET /api/v1/vacancies/{id}/offers"
    assert route("POST", "http://127.0.0.1:8002/api/v1/me/offers/o-17/answer") == "POST /api/v1/me/offers/{id}/answer"


def test_the_report_shows_which_request_grew_slower_from_the_first_minutes_to_the_last():
    def minute(matches_ms):
        return Minute(by_route={"GET /api/v1/me/matches": [matches_ms] * 100, "GET /healthz": [5.0] * 100})

    minutes = {m: minute(100.0 if m < 15 else 900.0) for m in range(30)}
    table = routes_table(minutes)
    assert table[0] == "## Latency per request, minutes 4-13 against 20-29"
    assert table[4] == "| `GET /api/v1/me/matches` | 2000 | 100 | 900 | 100 | 900 |"  # the slowest at the end first
    assert table[5] == "| `GET /healthz` | 2000 | 5 | 5 | 5 | 5 |"


def test_the_report_shows_which_process_works_harder_from_the_first_minutes_to_the_last():
    cpu = {"database": {m: 30.0 * m if m <= 14 else 420 + 54.0 * (m - 14) for m in range(1, 31)},  # 0.5 then 0.9
           "mail": {m: 0.6 * m for m in range(1, 31)}}  # 0.01 a core throughout
    table = cpu_table(cpu)
    assert table[0] == "## CPU per process (cores used), minutes 4-13 against 21-30"
    assert table[4:] == ["| database | 0.50 | 0.90 |", "| mail | 0.01 | 0.01 |"]


def test_a_process_cpu_time_is_read_from_proc():
    import os

    spent = cpu_seconds(os.getpid())
    sum(i * i for i in range(2_000_000))  # some work of this process's own
    assert spent is not None and cpu_seconds(os.getpid()) > spent
    assert cpu_seconds(2**22 + 1) is None  # beyond pid_max: no such process


# -- Kafka's heap


def heap_flags(flags: list[str]) -> tuple[str, str]:
    return (next(f for f in flags if f.startswith("-Xms"))[4:], next(f for f in flags if f.startswith("-Xmx"))[4:])


def test_kafka_commits_its_whole_heap_at_start_locally_and_in_compose():
    """-Xms = -Xmx and AlwaysPreTouch: the soak's Kafka RSS is flat from the start, not the heap growing."""
    import yaml

    from deploy.stack import ROOT, Stack

    local = Stack.from_env({}).java(ROOT)
    assert "-XX:+AlwaysPreTouch" in local and len(set(heap_flags(local))) == 1
    anchors = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    opts = [service["environment"]["KAFKA_HEAP_OPTS"] for name, service in anchors["services"].items()
            if re.fullmatch(r"kafka-\d", name)]
    assert opts and all("-XX:+AlwaysPreTouch" in o and len(set(heap_flags(o.split()))) == 1 for o in opts)


def test_a_run_cut_short_after_one_sample_still_gets_its_report(tmp_path):
    samples = Samples(rss={"database": {1: 60.0}}, lag={1: {"matcher": 0}}, data={1: {"documents": 10, "data_mb": 0.1}})
    minutes = {0: Minute([10.0], collections.Counter({"200": 1}), skipped=0)}
    write_report({"command": "x", "rate": 4, "minutes": "30", "date": "today", "ended": " **Cut short**"},
                 samples, minutes, {}, tmp_path / "soak.md")
    assert "**Cut short**" in (tmp_path / "soak.md").read_text()


def test_python_processes_keep_two_malloc_arenas_locally_and_in_the_image():
    """A password hash's 19 MiB block is not kept by an arena per gunicorn thread (the soak's RSS steps)."""
    from deploy.stack import ROOT, Stack

    assert Stack.from_env({}).service_env()["MALLOC_ARENA_MAX"] == "2"
    assert re.search(r"^\s*MALLOC_ARENA_MAX=2\b", (ROOT / "deploy" / "Dockerfile").read_text(), re.MULTILINE)


def test_the_local_database_bounds_its_cache_and_keeps_no_oplog(tmp_path, monkeypatch):
    """SecantusDB's defaults (a 1 GB cache, a replica set's oplog that nothing reads) grow and slow any soak."""
    from deploy import stack

    monkeypatch.delenv("LP_DB_CACHE_SIZE", raising=False)
    started = []
    monkeypatch.setattr(stack.Stack, "spawn", lambda self, name, argv, env=None: started.append(argv))
    monkeypatch.setattr(stack, "wait_for", lambda *args: None)
    monkeypatch.setattr(stack, "ensure_port_free", lambda *args: None)
    dataclasses.replace(stack.Stack.from_env({}), var=tmp_path).start_database()
    [argv] = started

    def option(name):
        return argv[argv.index(name) + 1]

    assert option("--cache-size") == "256M" and "--standalone" in argv
