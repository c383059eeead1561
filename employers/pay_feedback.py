"""The vacancy form's pay line: the wage per hour after deductions, beside the destination's legal minimum.

The figure is the kernel's pay rule (``services.pay.net_hourly``: wage per week less deductions and worker
fees, over the week's hours), the one ethics and the workers' pages use; the minimum is the ethics
service's (``GET /api/v1/minimum-wage``, asked over HTTP and kept a few minutes, as it changes once a year).
The form shows the line after a check or a failed submission, and its script asks for it as the employer
types (``pages_pickers.pay_line``), so the rule is never written again in JavaScript.
The ethics dry-run check stays the judge: this line is a guide, and where a minimum is daily with rest days
paid (Mexico, Guatemala) the rule's weekly figure is stricter than the hourly one shown here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from flask import current_app

from employers.forms import VACANCY_FORM, _number, document_from_form
from services.ethics_client import EthicsUnavailable
from services.pay import comparable_currency, convert, currency_code, known_hours, net_hourly

CACHE_SECONDS = 600
# An ethics that did not answer is asked again after this long, not at every keystroke.
DOWN_SECONDS = 30
NUMBERS = ("hours_per_week", "worker_fees")


@dataclass(frozen=True)
class PayLine:
    """What the line says: the hourly figure (None if the form does not give it yet) and the minimum."""

    net_hourly: float | None
    currency: str
    minimum: dict | None = None  # the ethics answer
    minimum_hourly: float | None = None  # the minimum per hour at the vacancy's hours, same currency only
    ethics_down: bool = False
    other_currency: bool = False
    asked: bool = False  # a destination country was given, so ethics was asked

    @property
    def below(self) -> bool:
        return self.net_hourly is not None and self.minimum_hourly is not None \
            and self.net_hourly < self.minimum_hourly - 0.005


def _amount(raw) -> float | None:
    try:
        value = float(_number(str(raw)))
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def pay_document(form) -> dict:
    """The pay parts of a vacancy form as the kernel's pay rule reads them (amounts as numbers; what is not
    a number yet is left out)."""
    document, _rows = document_from_form(VACANCY_FORM, form)
    wage = document.get("wage") or {}
    wage["amount"] = _amount(wage.get("amount", ""))
    for name in NUMBERS:
        document[name] = _amount(document.get(name, ""))
    housing = document.get("housing") or {}
    housing["weekly_deduction"] = _amount(housing.get("weekly_deduction", ""))
    for item in document.get("deductions") or []:
        item["amount"] = _amount(item.get("amount", ""))
    return document


def _day(raw) -> str:
    try:
        return date.fromisoformat(str(raw)).isoformat()
    except ValueError:
        return ""


class MinimumCache:
    """The ethics minimum per (country, region, day), kept ``CACHE_SECONDS``; a failure kept ``DOWN_SECONDS``."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.kept: dict[tuple, tuple[float, dict | None, bool]] = {}

    def get(self, client, country: str, region: str, on: str) -> tuple[dict | None, bool]:
        """(the minimum or None, whether ethics was down)."""
        key = (country, region.casefold(), on)
        now = self.clock()
        kept = self.kept.get(key)
        if kept and kept[0] > now:
            return kept[1], kept[2]
        try:
            found, down = client.minimum_wage(country, region, on), False
        except EthicsUnavailable:
            found, down = None, True
        if len(self.kept) > 5000:  # bounded: keys come from what people type
            self.kept.clear()
        self.kept[key] = (now + (DOWN_SECONDS if down else CACHE_SECONDS), found, down)
        return found, down


def app_cache() -> MinimumCache:
    """This app's cache of minima (one per app: each app has its own ethics client)."""
    return current_app.extensions.setdefault("minimum_cache", MinimumCache())


def pay_line(form, client, cache: MinimumCache) -> PayLine:
    """The line for a (possibly unfinished) vacancy form."""
    document = pay_document(form)
    currency = currency_code((document.get("wage") or {}).get("currency"))
    net = net_hourly(document)
    place = document.get("destination") or {}
    country = str(place.get("country") or "")
    if len(country) != 2:
        return PayLine(net, currency)
    minimum, down = cache.get(client, country, str(place.get("region") or ""),
                              _day((document.get("season") or {}).get("start", "")))
    if minimum is None:
        return PayLine(net, currency, ethics_down=down, asked=True)
    if comparable_currency(minimum.get("currency")) != comparable_currency(currency):
        return PayLine(net, currency, minimum, other_currency=True, asked=True)
    hours = known_hours(document.get("hours_per_week"))
    hourly = convert(float(minimum["amount"]), str(minimum.get("per")), "hour", hours)
    return PayLine(net, currency, minimum, hourly, asked=True)
