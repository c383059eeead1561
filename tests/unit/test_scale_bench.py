"""The scale benchmark's pure parts: its population and events, the arithmetic of its figures, its table."""

from __future__ import annotations

import datetime as dt

import pytest

from ethics import engine
from matcher.schemas import WorkerProfileSchema
from services.documents import VacancySchema
from services.events import MATCHES_UPDATED, VACANCY_REVIEWED, VACANCY_SUBMITTED
from tests.bench.scale_bench import (
    HEADER,
    Design,
    Row,
    cells,
    details,
    parse_args,
    per_vacancy,
    rss_cell,
    table,
    visibility,
)
from tests.bench.scale_kafka import group_lag, messages_between
from tests.bench.scale_phases import (
    LOGINS_PER_ADDRESS,
    observer_document,
    seen_within,
    source_address,
    timed_vacancy,
    vm_hwm_mb,
)
from tests.bench.scale_seed import LEAD_DAYS, Population

TODAY = dt.date(2027, 3, 1)


@pytest.fixture(scope="module")
def population():
    return Population.make(300, 30, TODAY)


def test_population_sizes_and_stable_ids(population):
    again = Population.make(300, 30, TODAY)
    assert len(population.workers) == 300 and len(population.vacancies) == 30
    assert [w for w, _ in population.workers] == [w for w, _ in again.workers]
    ids = [w for w, _ in population.workers] + [v for v, _, _ in population.vacancies]
    assert len(set(ids)) == len(ids) and all(len(i) == 24 and int(i, 16) >= 0 for i in ids)
    assert 0 < len(population.placements) < 3 * 300
    assert len(population) == 300 + len(population.placements) + 60


def test_dates_start_a_week_from_today_and_seasons_spread_over_the_months_after(population):
    starts = [dt.date.fromisoformat(d["season"]["start"]) for _, _, d in population.vacancies]
    assert min(starts) >= TODAY + dt.timedelta(days=LEAD_DAYS)
    assert max(starts) - min(starts) > dt.timedelta(days=200)
    windows = [dt.date.fromisoformat(w["start"]) for _, p in population.workers for w in p["availability"]]
    assert min(windows) >= TODAY + dt.timedelta(days=LEAD_DAYS)
    assert all(dt.date.fromisoformat(e["season"]["end"]) < TODAY for _, _, e in population.placements)


def test_events_are_the_services_own_and_valid(population):
    events = list(population.events())
    assert len(events) == len(population)
    by_type = {}
    for event in events:
        by_type.setdefault(event.type, []).append(event)
    assert {e.source for e in by_type["worker.profile_updated"]} == {"workers"}
    assert {e.source for e in by_type[VACANCY_SUBMITTED]} == {"employers"}
    assert {e.source for e in by_type[VACANCY_REVIEWED]} == {"ethics"}
    for event in by_type["worker.profile_updated"][:50]:
        profile = {k: v for k, v in event.payload["profile"].items() if k != "display_name"}
        WorkerProfileSchema().load(profile)
        assert event.subject == event.payload["worker_id"] and event.payload["revision"] == 1
    submitted = {e.subject: e for e in by_type[VACANCY_SUBMITTED]}
    for event in by_type[VACANCY_REVIEWED]:
        payload = event.payload
        assert payload["verdict"] == "pass" and payload["flags"] == [] and payload["revision"] == 1
        assert payload["request_event_id"] == submitted[event.subject].id
        VacancySchema().load(payload["vacancy"])
    # Every submission comes before its verdict.
    order = {(e.type, e.subject): i for i, e in enumerate(events)}
    assert all(order[(VACANCY_SUBMITTED, s)] < order[(VACANCY_REVIEWED, s)] for s in submitted)
    languages = {lang for e in by_type["worker.profile_updated"] for lang in e.payload["profile"]["languages"]}
    assert languages == {"es", "en", "fr", "pt", "ht"}


def test_each_timed_vacancy_passes_ethics_and_fits_only_its_own_observer():
    for k in range(4):
        document = VacancySchema().load(timed_vacancy(k, TODAY))
        assert engine.check_vacancy(VacancySchema().dump(document), 2.0).verdict == "pass"
    def fits(k, j):
        season = timed_vacancy(j, TODAY)["season"]
        window = observer_document(k, TODAY)["availability"][0]
        return window["start"] <= season["start"] and season["end"] <= window["end"]
    assert all(fits(k, k) for k in range(4))
    assert not any(fits(k, j) for k in range(4) for j in range(4) if j != k)
    assert observer_document(0, TODAY)["preferred_countries"] == [timed_vacancy(0, TODAY)["destination"]["country"]]


def test_sign_ins_spread_over_loopback_addresses_under_the_per_address_cap():
    addresses = [source_address(i) for i in range(3 * LOGINS_PER_ADDRESS)]
    assert addresses[0] == "127.0.0.2" and addresses[-1] == "127.0.0.4"
    assert max(addresses.count(a) for a in set(addresses)) == LOGINS_PER_ADDRESS


def test_visibility_percentiles_count_the_never_seen():
    delays = [0.1 * i for i in range(1, 21)] + [None, None]
    p50, p95, never = visibility(delays)
    assert p50 == pytest.approx(1.0) and p95 == pytest.approx(1.9) and never == 2


def test_a_vacancy_seen_past_the_patience_counts_as_never_seen():
    assert seen_within({0: 1.5, 2: 120.02, 3: 120.0}, 5, 120) == [1.5, None, None, 120.0, None]


def test_messages_between_offsets_per_topic():
    before = {("a", 0): 10, ("a", 1): 5, ("b", 0): 7}
    after = {("a", 0): 15, ("a", 1): 5, ("b", 0): 7, ("c", 0): 3}
    assert messages_between(before, after) == {"a": 5, "b": 0, "c": 3}


def test_group_lag_counts_what_the_group_has_not_committed_on_the_topics_asked():
    ends = {("t", 0): 10, ("t", 1): 4, ("u", 0): 9, ("other", 0): 50}
    assert group_lag({("t", 0): 7}, ends, {"t", "u"}) == (3 + 4 + 9, {"t"})
    assert group_lag({}, ends, {"t"}) == (14, set())
    assert group_lag({("t", 0): 10, ("t", 1): 4, ("u", 0): 9}, ends, {"t", "u"}) == (0, {"t", "u"})


def test_events_and_bytes_per_vacancy():
    traffic = {MATCHES_UPDATED: [80, 800_000, 27_000], VACANCY_SUBMITTED: [40, 40_000, 1000],
               VACANCY_REVIEWED: [40, 48_000, 1200]}
    assert per_vacancy(traffic, 40) == (4.0, 2.0, 22_200.0, 20_000.0)
    assert per_vacancy({}, 40) == (0.0, 0.0, 0.0, 0.0)


def test_peak_rss_from_proc_status():
    assert vm_hwm_mb("Name:\tpython\nVmPeak:\t  900000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t 1 kB\n") == 200.0
    assert vm_hwm_mb("Name:\tkthreadd\n") is None
    assert rss_cell({"matcher-web 1": 310.4, "matcher-web 2": 305.0, "matcher-worker": 420.0,
                     "matcher-worker-2": 415.6}) == "web 310, 305; worker 420, 416"


def finished_row(**changes) -> Row:
    row = Row(workers=2000, vacancies=200, label="new", commit="abc", load_start=1.0, load_end=2.5,
              absorb_seconds=95.2, index_seconds=3.25, delays=[0.5, 0.7, None, 0.6],
              traffic={MATCHES_UPDATED: [8, 8192, 1500], VACANCY_SUBMITTED: [4, 4096, 1024]},
              candidates_ms=[float(i) for i in range(1, 101)],
              cached={"rate": 1234.4, "p50": 12.2, "p99": 40.6, "errors": 0},
              uncached={"rate": 300.0, "p50": 50.0, "p99": 120.0, "errors": 2},
              rss_mb={"matcher-web 1": 500.0, "matcher-worker": 600.0})
    for key, value in changes.items():
        setattr(row, key, value)
    return row


def test_a_row_of_the_table():
    assert cells(finished_row()) == [
        "2,000 x 200", "new", "95 s", "3.2 s", "0.60 / 0.70 s", "1 of 4", "1,234 req/s, 12 / 41 ms",
        "300 req/s, 50 / 120 ms, 2 errors", "50 / 99 ms", "3.0 (2.0)", "3.0 kB (2.0 kB)", "web 500; worker 600",
        "1.0-2.5"]
    assert cells(finished_row(index_seconds=None))[3] == "-"


def test_a_version_that_did_not_finish_says_so_in_a_row_as_wide():
    row = finished_row(absorb_seconds=None, absorb_cap_minutes=10, events=49_471, published_seconds=20.4,
                       absorb_status="matcher group 18,525 events behind")
    assert len(cells(row)) == len(HEADER)
    assert cells(row)[2] == "did not finish in 10 min"
    assert details(row).endswith("49,471 events published in 20 s, not absorbed after 10 min: "
                                 "matcher group 18,525 events behind")
    lines = table([finished_row(), row]).splitlines()
    assert len(lines) == 4 and all(line.count("|") == len(HEADER) + 1 for line in lines)


def test_design_read_from_a_checkout(tmp_path):
    (tmp_path / "matcher").mkdir()
    (tmp_path / "workers").mkdir()
    (tmp_path / "workers" / "cache.py").write_text("SECONDS = 'LP_MATCHES_CACHE_SECONDS'\n")
    assert Design.of(tmp_path) == Design(index=False, cache_setting=True)
    (tmp_path / "matcher" / "index.py").write_text("")
    (tmp_path / "workers" / "cache.py").write_text("")
    assert Design.of(tmp_path) == Design(index=True, cache_setting=False)


def test_arguments():
    args = parse_args(["--sizes", "2000,20_000", "--baseline-ref", "none"])
    assert args.sizes == [2000, 20_000] and args.baseline_ref is None and args.baseline_sizes == [2000]
    assert parse_args([]).baseline_ref == "19083c0" and parse_args([]).sizes == [2000, 20_000, 100_000]
    with pytest.raises(SystemExit):
        parse_args(["--sizes", "5"])
