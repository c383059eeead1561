"""Numbers, money, dates and pay figures in the reader's language (Jinja filters and helpers)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from flask_babel import get_locale

from services import pay as pay_rule
from workers import reference

# CLDR has no Haitian Creole month names; these are the usual ones.
_CREOLE_MONTHS = ("janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm",
                  "desanm")


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
    """The season's length in weeks (0 when its dates are missing or odd)."""
    return pay_rule.season_weeks(season) or 0.0


def pay(wage: dict, hours_per_week) -> dict:
    """Pay per hour and per week whatever period the wage is stated in (``services.pay``'s rule).

    A document without usable hours is shown at ``ASSUMED_HOURS_PER_WEEK``, and a period the
    contract does not list is read per hour, so the page always has a figure.
    """
    amount = float(wage.get("amount") or 0)
    per = wage.get("per") if wage.get("per") in pay_rule.PERIODS else "hour"
    hours = pay_rule.known_hours(hours_per_week) or pay_rule.ASSUMED_HOURS_PER_WEEK
    return {"hourly": pay_rule.hourly(amount, per, hours), "weekly": pay_rule.weekly(amount, per, hours),
            "currency": pay_rule.currency_code(wage.get("currency"))}


def weekly_deductions(document: dict, season: dict) -> float:
    """Housing and other deductions taken per week (monthly and per-season ones spread over the weeks)."""
    return pay_rule.weekly_deductions(document, pay_rule.season_weeks(season))


FILTERS = {"money": money, "number": number, "day": day, "country": country, "language_name": language_label,
           "place": place}
