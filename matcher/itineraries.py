"""Itineraries: sequences of seasons a worker could chain over the next 12 months.

Weighted interval scheduling with k-best lists: jobs sorted by end, each
prefix keeps its ``depth`` best distinct job sets, and a job extends the
sets of the jobs that end at least ``min_gap`` free days before it starts.
Value is paid days first, then the sum of match scores, so among equally
long plans the better-matching one wins.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

MIN_GAP_DAYS = 7
DEPTH_PER_RESULT = 10


@dataclass(frozen=True)
class Job:
    """One eligible season: dates as day ordinals, both inclusive."""

    vacancy_id: str
    start: int
    end: int
    score: float = 0.0

    @property
    def days(self) -> int:
        return self.end - self.start + 1


@dataclass(frozen=True)
class Itinerary:
    """Non-overlapping jobs in date order."""

    jobs: tuple

    @property
    def paid_days(self) -> int:
        return sum(job.days for job in self.jobs)

    def to_dict(self) -> dict:
        return {
            "vacancy_ids": [job.vacancy_id for job in self.jobs],
            "paid_weeks": round(self.paid_days / 7, 1),
            "seasons": [{"vacancy_id": job.vacancy_id, "start": dt.date.fromordinal(job.start),
                         "end": dt.date.fromordinal(job.end), "weeks": round(job.days / 7, 1)}
                        for job in self.jobs],
        }


def one_year_after(today: dt.date) -> dt.date:
    """The same day a year later (28 February for 29 February; the last date there is at the end of time)."""
    if today.year == dt.MAXYEAR:
        return dt.date.max
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def _chain(node) -> tuple:
    jobs = []
    while node is not None:
        job, node = node
        jobs.append(job)
    return tuple(reversed(jobs))


def best_itineraries(jobs: list[Job], today: dt.date, count: int = 3, min_gap: int = MIN_GAP_DAYS) -> list[Itinerary]:
    """Up to ``count`` itineraries, best first, from jobs starting on or after ``today`` and
    ending within a year of it, with at least ``min_gap`` free days between seasons.

    Distinct job sets only, and never one that is part of a better itinerary
    (taking fewer of the same jobs is not an alternative).
    """
    first, horizon = today.toordinal(), one_year_after(today).toordinal()
    usable = sorted((j for j in jobs if j.start >= first and j.end < horizon),
                    key=lambda j: (j.end, j.start, j.vacancy_id))
    ends = [j.end for j in usable]
    depth = max(count, 1) * DEPTH_PER_RESULT
    # best[i]: the `depth` best (value, chain) over the first i jobs; chains are
    # linked (job, parent) pairs so extending one costs no copy.
    best = [[((0, 0.0), None)]]
    for job in usable:
        previous = best[bisect.bisect_right(ends, job.start - min_gap - 1)]
        extended = [((days + job.days, score + job.score), (job, chain)) for (days, score), chain in previous]
        merged = sorted(best[-1] + extended, key=lambda entry: entry[0], reverse=True)
        best.append(merged[:depth])
    chosen: list[Itinerary] = []
    for _value, chain in best[-1]:
        plan = _chain(chain)
        ids = {job.vacancy_id for job in plan}
        if plan and not any(ids <= {job.vacancy_id for job in other.jobs} for other in chosen):
            chosen.append(Itinerary(plan))
        if len(chosen) == count:
            break
    return chosen
