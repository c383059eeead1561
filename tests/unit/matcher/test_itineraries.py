"""Itineraries: non-overlapping seasons, a week apart, most paid weeks, up to three distinct."""

import datetime as dt
import itertools

import pytest

from matcher import ranking
from matcher.itineraries import Job, best_itineraries, one_year_after
from tests.unit.matcher.builders import loaded, vacancy, worker

TODAY = dt.date(2027, 1, 1)


def job(vacancy_id, start, end, score=0.5):
    """A job from dates given as 'MM-DD' in 2027."""
    return Job(vacancy_id, dt.date.fromisoformat(f"2027-{start}").toordinal(),
               dt.date.fromisoformat(f"2027-{end}").toordinal(), score)


def ids(plans):
    return [[j.vacancy_id for j in plan.jobs] for plan in plans]


def free_days_between(a: Job, b: Job) -> int:
    return b.start - a.end - 1


def brute_force_best_days(jobs, gap=7):
    """Every valid chain, by depth-first search."""
    ordered = sorted(jobs, key=lambda j: j.start)

    def best_from(last, rest):
        return max([j.days + best_from(j, rest[i + 1:]) for i, j in enumerate(rest)
                    if last is None or free_days_between(last, j) >= gap], default=0)

    return best_from(None, ordered)


def test_chains_seasons_with_a_week_between_them():
    jobs = [job("spring", "03-01", "05-31"), job("summer", "06-08", "08-31"), job("autumn", "09-08", "11-30")]
    plans = best_itineraries(jobs, TODAY)
    assert ids(plans)[0] == ["spring", "summer", "autumn"]
    assert plans[0].to_dict()["paid_weeks"] == round(sum(j.days for j in jobs) / 7, 1)


def test_six_free_days_are_not_enough_seven_are():
    tight = [job("a", "03-01", "05-31"), job("b", "06-07", "08-31")]   # 6 free days (1-6 June)
    enough = [job("a", "03-01", "05-31"), job("b", "06-08", "08-31")]  # 7 free days (1-7 June)
    assert all(len(plan.jobs) == 1 for plan in best_itineraries(tight, TODAY))
    assert ids(best_itineraries(enough, TODAY))[0] == ["a", "b"]


def test_maximises_paid_weeks_where_greedy_earliest_end_would_not():
    jobs = [job("short", "03-01", "03-20"), job("long", "03-10", "08-31"), job("late", "09-10", "10-31")]
    assert ids(best_itineraries(jobs, TODAY))[0] == ["long", "late"]


def test_matches_brute_force_on_many_overlapping_jobs():
    starts = ["03-01", "03-15", "04-10", "05-02", "06-01", "06-20", "07-15", "08-09", "09-01", "10-05"]
    ends = ["04-01", "05-20", "05-25", "06-10", "07-10", "08-01", "08-30", "09-30", "10-15", "12-20"]
    jobs = [job(f"j{i}", s, e) for i, (s, e) in enumerate(itertools.product(starts[:5], ends[4:]))]
    jobs += [job(f"k{i}", s, e) for i, (s, e) in enumerate(zip(starts, ends, strict=True))]
    plans = best_itineraries(jobs, TODAY)
    assert plans[0].paid_days == brute_force_best_days(jobs)


def test_up_to_three_distinct_valid_plans_best_first_none_part_of_another():
    jobs = [job("a", "03-01", "05-31"), job("a2", "03-01", "05-31", 0.4), job("b", "06-08", "08-31"),
            job("b2", "06-10", "08-31", 0.9), job("c", "09-08", "11-30")]
    plans = best_itineraries(jobs, TODAY)
    assert len(plans) == 3
    assert len({frozenset(ids_) for ids_ in ids(plans)}) == 3
    assert [p.paid_days for p in plans] == sorted((p.paid_days for p in plans), reverse=True)
    for plan in plans:
        assert all(free_days_between(x, y) >= 7 for x, y in itertools.pairwise(plan.jobs))
    for better, worse in itertools.combinations(plans, 2):
        assert not {j.vacancy_id for j in worse.jobs} <= {j.vacancy_id for j in better.jobs}
    # Equal paid weeks: the better-matching job wins.
    assert ids(plans)[0] == ["a", "b", "c"]


def test_fewer_than_three_when_there_are_no_real_alternatives():
    jobs = [job("a", "03-01", "05-31"), job("b", "06-08", "08-31")]
    assert ids(best_itineraries(jobs, TODAY)) == [["a", "b"]]
    assert best_itineraries([], TODAY) == []


def test_only_seasons_within_the_next_twelve_months():
    jobs = [Job("past", TODAY.toordinal() - 10, TODAY.toordinal() + 30),
            Job("beyond", one_year_after(TODAY).toordinal() - 20, one_year_after(TODAY).toordinal() + 20),
            Job("ok", TODAY.toordinal(), TODAY.toordinal() + 30)]
    assert ids(best_itineraries(jobs, TODAY)) == [["ok"]]


def test_a_year_after_29_february():
    assert one_year_after(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


def test_plans_use_only_eligible_seasonal_or_circular_vacancies():
    vacancies = [vacancy("spring", season={"start": "2027-03-01", "end": "2027-05-31"}),
                 vacancy("summer", season={"start": "2027-06-08", "end": "2027-08-31"}, pathway="circular"),
                 vacancy("temp", season={"start": "2027-09-08", "end": "2027-11-30"}, pathway="temporary"),
                 vacancy("closed", season={"start": "2027-09-08", "end": "2027-11-30"}, status="closed"),
                 vacancy("es", season={"start": "2027-09-08", "end": "2027-11-30"}, destination={"country": "ES"})]
    body = loaded(worker(), vacancies)
    plans = ranking.plan_itineraries(body["worker"], body["vacancies"], today=TODAY)
    assert [p["vacancy_ids"] for p in plans] == [["spring", "summer"]]
    assert plans[0]["seasons"][0] == {"vacancy_id": "spring", "start": dt.date(2027, 3, 1),
                                      "end": dt.date(2027, 5, 31), "weeks": pytest.approx(13.1, abs=0.05)}
