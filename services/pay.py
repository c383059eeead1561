"""Pay in one place: hourly and weekly equivalents, deductions, fees and currency codes.

**The rule for a day's hours.** A wage or a minimum is converted with the document's
``hours_per_week``: an hour is an hour, a day is a fifth of the week's hours (``hours_per_week /
DAYS_PER_WEEK``, a 5-day week however long it is), a week is ``hours_per_week`` hours and a month is
``WEEKS_PER_MONTH`` (52 / 12) such weeks. At 50 hours a week, 100 a day is 500 a week and 10 an hour
for the wage-floor check (ethics), the ranking (matcher) and the worker's pages alike. It is the
ethics service's rule, kept because the wage-floor check is the legal one and its verdicts must not move.

**Deductions** are compared per week: a ``week`` item as it is, a ``month`` item over 52 / 12 weeks,
a ``season`` item over the season's weeks (both end days counted); ``housing.weekly_deduction`` is
counted whether or not housing is ``provided`` (money taken from pay is taken). Items with no
positive amount, or an unknown period, count nothing. **Worker fees** are spread over the season.

**Unknown hours** (missing, zero, negative, not a number): every conversion that needs them returns
None; a wage per hour stays known per hour, and ``convert`` from a period to itself needs no hours.
What each caller does with None:

- ethics: None is "unknown", so the check that needs the figure is not made (its behaviour before
  this module: no wage or deduction flag is raised on a guess);
- matcher: never sees None, as its schema requires 1 to 168 hours and a season that does not end before
  it starts;
- workers' pages: show the document at ``ASSUMED_HOURS_PER_WEEK`` (their behaviour before this module),
  so a worker always sees a figure.

**Currency**: ``currency_code`` is the one normalisation of a document's code (trimmed, upper
case); ``comparable_currency`` also maps currencies that circulate at par by law onto one code.
No exchange rate is ever guessed: pay in two currencies is not compared.
"""

from __future__ import annotations

import math
from datetime import date

DAYS_PER_WEEK = 5
WEEKS_PER_MONTH = 52 / 12
PERIODS = ("hour", "day", "week", "month")
# Only the workers' pages assume hours, to show a figure for a document that gives none.
ASSUMED_HOURS_PER_WEEK = 40.0
# Balboa and US dollar circulate at par by law: that is not an exchange-rate guess.
AT_PAR = {"PAB": "USD"}


def amount_of(value) -> float | None:
    """A finite number as a float, or None (booleans and strings are not amounts)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def known_hours(hours_per_week) -> float | None:
    """The week's hours if they are a positive number, else None (unknown)."""
    hours = amount_of(hours_per_week)
    return hours if hours is not None and hours > 0 else None


def hours_in(per: str, hours_per_week) -> float | None:
    """How many working hours one ``per`` (hour/day/week/month) holds, or None if unknown."""
    if per == "hour":
        return 1.0
    hours = known_hours(hours_per_week)
    if hours is None:
        return None
    return {"day": hours / DAYS_PER_WEEK, "week": hours, "month": hours * WEEKS_PER_MONTH}.get(per)


def convert(amount: float, per: str, to: str, hours_per_week) -> float | None:
    """An amount per ``per`` expressed per ``to``, or None when the hours needed are unknown."""
    if per == to:
        return amount
    source, target = hours_in(per, hours_per_week), hours_in(to, hours_per_week)
    if source is None or target is None:
        return None
    return amount / source * target


def hourly(amount: float, per: str, hours_per_week) -> float | None:
    """The wage per hour (None when unknown)."""
    return convert(amount, per, "hour", hours_per_week)


def weekly(amount: float, per: str, hours_per_week) -> float | None:
    """The wage per week (None when unknown)."""
    return convert(amount, per, "week", hours_per_week)


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


def season_weeks(season) -> float | None:
    """The season's length in weeks (both end days counted), or None if a date is missing or it ends first."""
    season = season if isinstance(season, dict) else {}
    start, end = _day(season.get("start")), _day(season.get("end"))
    if start is None or end is None or end < start:
        return None
    return ((end - start).days + 1) / 7


def weekly_deduction(item: dict, weeks: float | None) -> float | None:
    """One deduction's weekly equivalent (per week, month or season of ``weeks``), or None."""
    amount, per = amount_of(item.get("amount")), item.get("per")
    if amount is None or amount <= 0:
        return None
    if per == "week":
        return amount
    if per == "month":
        return amount / WEEKS_PER_MONTH
    if per == "season" and weeks:
        return amount / weeks
    return None


def weekly_items(doc: dict, weeks: float | None) -> list[tuple[dict, float]]:
    """Each ``deductions`` item that takes money, with its weekly equivalent."""
    found = []
    listed = doc.get("deductions")
    for item in listed if isinstance(listed, list) else ():
        item = item if isinstance(item, dict) else {}
        amount = weekly_deduction(item, weeks)
        if amount:
            found.append((item, amount))
    return found


def housing_per_week(doc: dict) -> float:
    """``housing.weekly_deduction`` when positive (provided or not), else 0."""
    housing = doc.get("housing")
    amount = amount_of(housing.get("weekly_deduction")) if isinstance(housing, dict) else None
    return amount if amount and amount > 0 else 0.0


def weekly_deductions(doc: dict, weeks: float | None) -> float:
    """Housing and every other deduction, per week (season items spread over ``weeks``)."""
    return sum(amount for _, amount in weekly_items(doc, weeks)) + housing_per_week(doc)


def fees_per_week(doc: dict, weeks: float | None) -> float:
    """``worker_fees`` spread over the season's ``weeks`` (0 when none, or when the season is unknown)."""
    fees = amount_of(doc.get("worker_fees"))
    return fees / weeks if fees and fees > 0 and weeks else 0.0


def gross_weekly(doc: dict) -> float | None:
    """The document's wage per week, or None when unknown."""
    wage = doc.get("wage") if isinstance(doc.get("wage"), dict) else {}
    amount = amount_of(wage.get("amount"))
    return None if amount is None else weekly(amount, wage.get("per"), doc.get("hours_per_week"))


def net_weekly(doc: dict, weeks: float | None = None) -> float | None:
    """Pay per week after deductions and worker fees; ``weeks`` defaults to the document's season."""
    weeks = season_weeks(doc.get("season")) if weeks is None else weeks
    gross = gross_weekly(doc)
    return None if gross is None else gross - weekly_deductions(doc, weeks) - fees_per_week(doc, weeks)


def net_hourly(doc: dict, weeks: float | None = None) -> float | None:
    """Pay per hour after deductions and worker fees (``net_weekly`` over the week's hours), or None."""
    net, hours = net_weekly(doc, weeks), known_hours(doc.get("hours_per_week"))
    return None if net is None or hours is None else net / hours


def currency_code(value) -> str:
    """A document's currency code as compared and shown: trimmed, upper case ("" if not a string)."""
    return value.strip().upper() if isinstance(value, str) else ""


def comparable_currency(value) -> str:
    """The code two amounts must share to be compared (currencies at par by law share one)."""
    code = currency_code(value)
    return AT_PAR.get(code, code)
