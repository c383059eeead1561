"""Numbers, money, dates and pay figures in the reader's language (Jinja filters and helpers)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from flask_babel import get_locale

from workers import reference

# CLDR has no Haitian Creole month names; these are the usual ones.
_CREOLE_MONTHS = ("janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm",
                  "desanm")
# The ethics service's assumptions (ethics/data/minimum_wages.json): a 5-day week, 52/12 weeks a month.
WEEKS_PER_MONTH = 52 / 12
DAYS_PER_WEEK = 5


def language() -> str:
    locale = get_locale()
    return locale.language if locale else "en"


def money(amount, currency: str) -> str:
    """``17.6, "CAD"`` → "CA$17.60" written the reader's way."""
    try:
        return format_currency(float(amount), currency, locale=language())
    except (TypeError, ValueError):
        return f"{amount} {currency}"


def number(value) -> str:
    try:
        return format_decimal(float(value), format="#,##0.#", locale=language())
    except (TypeError, ValueError):
        return str(value)


def day(value) -> str:
    """An ISO date as "1 August 2027" in the reader's language."""
    try:
        when = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    if language() == "ht":
        return f"{when.day} {_CREOLE_MONTHS[when.month - 1]} {when.year}"
    return format_date(when, format="long", locale=language())


def country(code: str) -> str:
    return reference.country_name(code, language())


def language_label(code: str) -> str:
    return reference.language_name(code, language())


def place(destination: dict) -> str:
    """"Simcoe, Ontario, Canada"."""
    parts = [destination.get("city"), destination.get("region"), country(destination.get("country", ""))]
    return ", ".join(p for p in parts if p)


def season_weeks(season: dict) -> float:
    try:
        days = (date.fromisoformat(season["end"]) - date.fromisoformat(season["start"])).days + 1
    except (KeyError, TypeError, ValueError):
        return 0.0
    return max(days, 0) / 7


def pay(wage: dict, hours_per_week) -> dict:
    """Pay per hour and per week whatever period the wage is stated in."""
    amount, per = float(wage.get("amount") or 0), wage.get("per", "hour")
    hours = float(hours_per_week or 0) or 40.0
    weekly = {"hour": amount * hours, "day": amount * DAYS_PER_WEEK, "week": amount,
              "month": amount / WEEKS_PER_MONTH}.get(per, amount * hours)
    return {"hourly": weekly / hours, "weekly": weekly, "currency": wage.get("currency", "")}


def weekly_deductions(document: dict, season: dict) -> float:
    """Housing and other deductions taken per week (monthly and per-season ones spread over the weeks)."""
    housing = document.get("housing") or {}
    total = float(housing.get("weekly_deduction") or 0) if housing.get("provided") else 0.0
    weeks = season_weeks(season) or 1.0
    for item in document.get("deductions") or []:
        amount = float(item.get("amount") or 0)
        total += {"week": amount, "month": amount / WEEKS_PER_MONTH, "season": amount / weeks}.get(item.get("per"), 0)
    return total


FILTERS = {"money": money, "number": number, "day": day, "country": country, "language_name": language_label,
           "place": place}
