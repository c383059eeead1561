"""The year-of-data benchmark's population and figures (no database: the documents are checked as made)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
import requests

from tests.bench.data_bench import parse_args, port_offset
from tests.bench.data_reads import Figures, Read, measure
from tests.bench.year_data import Sizes, Year


def population(scale: float) -> tuple[Year, dict]:
    year = Year(Sizes.at(scale), "not a real hash", now=datetime(2027, 6, 1, tzinfo=UTC))
    made = defaultdict(list)
    for service, document in year.documents():
        document.validate()
        made[(service, document._get_collection_name())].append(document.to_mongo().to_dict())
    return year, made


@pytest.fixture(scope="module")
def small():
    return population(0.02)


def test_sizes_scale_and_keep_whole_cycles_of_employers():
    assert Sizes.at(1) == Sizes(employers=500, workers=20_000, vacancies=20_000, offers=100_000, grievances=50_000,
                                flags=100_000)
    assert Sizes.at(0.1).flags == 10_000 and Sizes.at(0.1).employers == 50
    assert Sizes.at(0.001).employers == 10 and Sizes.at(0.001).vacancies == 20


def test_the_counts_asked_for_are_made(small):
    year, made = small
    sizes = year.sizes
    counts = {key: len(rows) for key, rows in made.items()}
    assert counts[("ethics", "flags")] == sizes.flags
    assert counts[("employers", "vacancies")] == sizes.vacancies
    assert counts[("employers", "offers")] == sizes.offers
    assert counts[("workers", "grievances")] == sizes.grievances
    assert counts[("employers", "employers")] == sizes.employers and counts[("workers", "workers")] == sizes.workers
    assert 0 < counts[("workers", "offers")] < sizes.offers  # only offers the ethics service let through


def test_flags_spread_over_the_year_and_employers_with_a_mix_of_rules_and_statuses(small):
    year, made = small
    flags = made[("ethics", "flags")]
    assert len({f["employer_id"] for f in flags}) == year.sizes.employers
    months = {(f["created_at"].year, f["created_at"].month) for f in flags}
    assert len(months) >= 12
    assert all(year.now - timedelta(days=366) <= f["created_at"] <= year.now for f in flags)
    assert len({f["rule"] for f in flags}) >= 10
    assert {f["status"] for f in flags} == {"open", "confirmed", "dismissed"}
    assert {f["severity"] for f in flags} == {"block", "review"}
    decided = [f for f in flags if f["status"] != "open"]
    assert all(f["decisions"][-1]["decision"] == f["status"] and f["decision_count"] == 1 for f in decided)
    assert len(decided) > len(flags) // 5
    # ids order the lists: they must tell the flag's own time
    assert all(abs(f["_id"].generation_time - f["created_at"]) < timedelta(seconds=1) for f in flags)


def test_a_block_flag_blocks_its_document_and_blocked_offers_never_reach_the_worker(small):
    _, made = small
    blocked = {f["document_id"] for f in made[("ethics", "flags")] if f["severity"] == "block"}
    for collection in ("vacancies", "offers"):
        for row in made[("employers", collection)]:
            assert (row["status"] == "blocked") == (str(row["_id"]) in blocked)
    inbox = {row["offer_id"] for row in made[("workers", "offers")]}
    assert not inbox & blocked
    assert inbox <= {str(row["_id"]) for row in made[("employers", "offers")]}


def test_every_grievance_flags_its_employer_and_anonymous_ones_tell_only_the_day(small):
    _, made = small
    grievances = {str(g["_id"]): g for g in made[("workers", "grievances")]}
    grievance_flags = [f for f in made[("ethics", "flags")] if f["document_kind"] == "grievance"]
    assert {f["document_id"] for f in grievance_flags} == set(grievances)
    for flag in grievance_flags:
        grievance = grievances[flag["document_id"]]
        assert flag["employer_id"] == grievance["employer_id"] and flag["rule"] == "grievance"
        if grievance["anonymous"]:
            assert flag["created_at"].time() == datetime.min.time() and "offer_id" not in flag["document"]
    assert {g["anonymous"] for g in grievances.values()} == {True, False}


def test_employer_zero_and_worker_zero_read_as_much_at_every_scale():
    def share(scale):
        year, made = population(scale)
        flags = Counter(f["employer_id"] for f in made[("ethics", "flags")])
        offers = sum(row["worker_id"] == year.worker_ids[0] for row in made[("employers", "offers")])
        mean = year.sizes.flags / year.sizes.employers
        return flags[year.employer_ids[0]], flags[year.employer_ids[0]] > 3 * mean, offers

    small_flags, small_large, small_offers = share(0.02)
    large_flags, large_large, large_offers = share(0.1)
    assert small_large and large_large  # one of the largest employers
    assert small_flags == pytest.approx(large_flags, rel=0.2)  # about 770 flags at any scale
    assert small_offers >= 12 and large_offers >= 12


def test_figures_percentiles_and_verdict():
    figures = Figures(latencies_ms=[float(v) for v in range(1, 101)])
    assert figures.percentile(50) == 50 and figures.percentile(95) == 95
    assert figures.passes and figures.cell(60).endswith("PASS")
    slow = Figures(latencies_ms=[150.0] * 18 + [250.0] * 2)
    assert slow.percentile(95) == 250 and not slow.passes and slow.cell(60).endswith("over")
    assert not Figures(latencies_ms=[5.0], empty=True).passes
    assert not Figures(latencies_ms=[5.0], errors=1).passes
    assert "timed out" in Figures(timeouts=1).cell(60)


def test_arguments_and_ports():
    args = parse_args(["--scales", "0.02,0.1", "--reads", "3"])
    assert args.scales == [0.02, 0.1] and args.reads == 3
    with pytest.raises(SystemExit):
        parse_args(["--scales", "0"])
    assert port_offset({"LP_TEST_PORT_OFFSET": "300"}) == 300
    assert port_offset({"LP_BENCH_PORT_OFFSET": "7", "LP_TEST_PORT_OFFSET": "300"}) == 7
    assert port_offset({}) == 0


class Answers:
    """A stand-in for a requests session: answers GETs with the given statuses, or times out on None."""

    def __init__(self, statuses):
        self.statuses = list(statuses)

    def get(self, url, **kwargs):
        status = self.statuses.pop(0)
        if status is None:
            raise requests.Timeout()
        return SimpleNamespace(status_code=status, headers={"Content-Type": "application/json"},
                               json=lambda: {"items": [1]})


def test_measure_counts_errors_and_ends_a_row_at_its_first_timeout():
    def read(statuses):
        return measure(Read("g", "n", Answers(statuses), "http://x"), reads=4, timeout_s=1, budget_s=60)

    assert len(read([200, 200, 200, 200, 200, 200]).latencies_ms) == 4
    overloaded = read([503, 503, 200, 503, 200])  # the warm-up stops at its error
    assert len(overloaded.latencies_ms) == 2 and overloaded.errors == 2 and overloaded.statuses == {503}
    assert "2 errors (HTTP 503)" in overloaded.cell(1) and not overloaded.passes
    cut = read([200, 200, 200, None])
    assert len(cut.latencies_ms) == 1 and cut.timeouts == 1 and not cut.passes
    never = read([None])
    assert never.timeouts == 1 and not never.latencies_ms


def test_the_ids_the_rows_read_are_the_newest_flags_and_employer_zeros_vacancy(small):
    year, made = small
    ids = sorted((f["_id"] for f in made[("ethics", "flags")]), reverse=True)
    assert year.newest_flag_ids(50) == [str(i) for i in ids[:50]]
    vacancy = next(v for v in made[("employers", "vacancies")] if str(v["_id"]) == year.newest_vacancy_id())
    assert vacancy["employer_id"] == year.employer_ids[0]
