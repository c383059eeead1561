"""The risk score of an employer or a recruiter (pure): what counts, how much, and how fast it fades.

A party's score is the weighted sum of its measures, each event counted with the weight of its measure
times ``2 ** (-age / HALF_LIFE_DAYS)``: a confirmed violation of last month weighs almost fully, one of a
year ago about a quarter. Events are counted by calendar month (``ethics.parties``) and dated at the
middle of their month, so the score moves by whole months, never per page view.

Every event's factor is referred to the fixed day ``REFERENCE`` (``month_factor``): a party's stored
``weighted`` sum then never needs updating as time passes, and since every party's score is that sum
times the same ``decay(now)``, the order of the risk list is the order of ``weighted`` (one index).
"""

from __future__ import annotations

from datetime import UTC, datetime

HALF_LIFE_DAYS = 180
# Measure -> weight. A confirmed grievance counts as confirmed and as a grievance; a dismissed flag not at all.
WEIGHTS = {"confirmed": 4.0, "open_block": 2.0, "grievances": 2.0, "low_ratings": 1.0}
MEASURES = tuple(WEIGHTS)
# A worker's rating of the employer (or the recruiter) at or below this counts as low (1-5 stars).
LOW_RATING = 2
REFERENCE = datetime(2026, 1, 1, tzinfo=UTC)
DESCRIPTIONS = {
    "confirmed": "flags an auditor confirmed (any rule)",
    "open_block": "blocking flags still open",
    "grievances": "workers' grievances not dismissed",
    "low_ratings": f"workers' ratings of {LOW_RATING} stars or fewer",
}


def _days(moment: datetime) -> float:
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return (moment - REFERENCE).total_seconds() / 86400


def month_middle(month: datetime) -> datetime:
    """The middle of the calendar month starting ``month`` (the 16th, 00:00, is close enough for any month)."""
    return month.replace(day=16)


def month_factor(month: datetime) -> float:
    """The weight of an event of ``month`` referred to ``REFERENCE``: ``2 ** (days since REFERENCE / half-life)``."""
    return 2.0 ** (_days(month_middle(month)) / HALF_LIFE_DAYS)


def weighted(months: list[dict]) -> float:
    """The score referred to ``REFERENCE`` of a party's months (``{"month", measure: count...}``)."""
    return sum(WEIGHTS[m] * int(row.get(m) or 0) * month_factor(row["month"]) for row in months for m in MEASURES)


def decay(now: datetime) -> float:
    """What a ``weighted`` sum is worth at ``now``: ``2 ** (-days since REFERENCE / half-life)``."""
    return 2.0 ** (-_days(now) / HALF_LIFE_DAYS)


def score(weighted_sum: float, now: datetime | None = None) -> float:
    """The score at ``now``: each event weighted by its measure and halved every ``HALF_LIFE_DAYS``."""
    return round(weighted_sum * decay(now or datetime.now(UTC)), 2)


def weights_table() -> list[dict]:
    """The weights as the risk page shows them."""
    return [{"measure": m, "weight": WEIGHTS[m], "what": DESCRIPTIONS[m]} for m in MEASURES]
