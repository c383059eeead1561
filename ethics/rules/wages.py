"""Minimum wage table and the wage and deduction rules.

Units, deductions and currency codes follow the kernel's pay rule (``services.pay``: a day is
``hours_per_week / 5`` hours, a month ``52 / 12`` weeks; unknown hours give no figure, so no flag).
A wage in another currency than the table's is not compared at all: no exchange rate is guessed.

Deductions (per week, month or season, plus ``housing.weekly_deduction``) are compared per week:
over a quarter of gross pay is ``excessive-deductions`` (review); net pay below the weekly minimum
is ``deductions-below-minimum`` (block), where lodging and board count as partial payment in kind
up to ``IN_KIND_SHARE`` of the minimum, as destination laws allow.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ethics.rules.catalogue import Flag, make_flag
from ethics.rules.fields import day, mapping, money, number, text
from ethics.rules.textnorm import fold
from services.pay import comparable_currency, convert, housing_per_week, season_weeks, weekly_items

TABLE_PATH = Path(__file__).resolve().parent.parent / "data" / "minimum_wages.json"
EXCESSIVE_SHARE = 0.25
# Some destination laws credit lodging and board toward the minimum at a capped "reasonable value"
# (US FLSA s. 3(m), Ontario O. Reg. 285/01); the caps differ by place and are not in the table, so no
# credit is given: pay after every deduction must reach the minimum (ILO C.95 art. 8; the rule).
# Raise this share to credit lodging and board up to that share of the weekly minimum.
IN_KIND_SHARE = 0.0
IN_KIND = re.compile(r"(?<!\w)(?:meals?|food|board|lodg\w*|rent|housing|rooms?|comidas?|aliment\w*|hospedaje|vivienda|"
                     r"alojamiento|renta|alquiler|repas|nourriture|logement|loyer|refeic\w*|moradia|aluguel|manje|"
                     r"lojman|kay)(?!\w)")


@dataclass(frozen=True)
class MinimumWage:
    """One entry of the minimum wage table."""

    country: str
    region: str | None
    codes: tuple[str, ...]
    amount: float
    currency: str
    per: str
    effective: date
    source: str
    keys: frozenset[str] = frozenset()
    # Where the law pays a daily minimum for every day of the week, rest
    # days included (GT, MX), a week's minimum is that many days' pay.
    paid_days_per_week: int | None = None

    @property
    def place(self) -> str:
        return self.region or self.country

    def days_pay(self, amount: float, per: str) -> float | None:
        """A week's pay of a daily wage where every day is paid (None elsewhere)."""
        return amount * self.paid_days_per_week if per == "day" and self.paid_days_per_week else None

    def per_unit(self, to: str, hours_per_week: float | None) -> float | None:
        """This minimum expressed per ``to`` (hour/day/week/month) for a job of ``hours_per_week``."""
        if self.per == "day" and self.paid_days_per_week and to != "day":
            weekly = self.amount * self.paid_days_per_week
            return convert(weekly, "week", to, hours_per_week)
        return convert(self.amount, self.per, to, hours_per_week)


def _code(value: str) -> str:
    return re.sub(r"[^A-Z]", "", value.upper())


def _load(path: Path = TABLE_PATH) -> tuple[MinimumWage, ...]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        MinimumWage(e["country"], e["region"], tuple(c.upper() for c in e.get("codes", ())), float(e["amount"]),
                    e["currency"], e["per"], date.fromisoformat(e["effective"]), e["source"],
                    frozenset([fold(e["region"] or "")] + [_code(c) for c in e.get("codes", ())]) - {""},
                    e.get("paid_days_per_week"))
        for e in raw["entries"])


TABLE = _load()


def _region_keys(region: str) -> set[str]:
    """A region given by full name (any case or accents) or ISO code ("ON", "CA-ON")."""
    return {fold(region), _code(region)} - {""}


def minimum_for(country: str, region: str = "", on: date | None = None) -> MinimumWage | None:
    """The minimum in force on ``on`` (latest if None) for the region if listed, else the country."""
    country = country.strip().upper()
    candidates = [e for e in TABLE if e.country == country]
    keys = _region_keys(region)
    regional = [e for e in candidates if e.region and keys & e.keys]
    chosen = regional or [e for e in candidates if e.region is None]
    if not chosen:
        return None
    in_force = [e for e in chosen if on is None or e.effective <= on]
    return max(in_force, key=lambda e: e.effective) if in_force else min(chosen, key=lambda e: e.effective)


def regional_places() -> list[tuple[str, str]]:
    """Every (country, region) the table has a regional minimum for, in table order (each once)."""
    return list(dict.fromkeys((e.country, e.region) for e in TABLE if e.region))


def destination_minimum(doc: dict, destination) -> MinimumWage | None:
    """The minimum for a vacancy or offer: its destination, on the first day of its season."""
    place = mapping(destination)
    if not text(place.get("country")):
        return None
    start = day(mapping(doc.get("season")).get("start"))
    return minimum_for(text(place.get("country")), text(place.get("region")), start)


def weekly_deductions(doc: dict) -> tuple[float, float]:
    """A document's deductions per week: (all of them, the lodging and board among them)."""
    weekly = weekly_items(doc, season_weeks(doc.get("season")))
    total = in_kind = 0.0
    for item, amount in weekly:
        total += amount
        in_kind += amount if IN_KIND.search(fold(text(item.get("label")))) else 0.0
    housing = housing_per_week(doc)
    return total + housing, in_kind + housing


def wage_flags(doc: dict, destination, noun: str = "vacancy") -> list[Flag]:
    """below-minimum-wage, excessive-deductions and deductions-below-minimum for a vacancy or offer."""
    wage = mapping(doc.get("wage"))
    amount, per, currency = number(wage.get("amount")), text(wage.get("per")), text(wage.get("currency"))
    hours = number(doc.get("hours_per_week"))
    if amount is None or amount < 0:
        return []
    flags: list[Flag] = []
    minimum = destination_minimum(doc, destination)
    comparable = minimum is not None and comparable_currency(currency) == comparable_currency(minimum.currency)
    # Compared in the vacancy's own unit, so a daily wage meets a daily minimum day for day.
    required = minimum.per_unit(per, hours) if comparable else None
    offered = amount if required is not None else None
    below = offered is not None and offered < required - 0.005
    if below:
        flags.append(make_flag(
            "below-minimum-wage",
            f"The wage must reach the legal minimum: the {noun} pays {money(offered, currency)} per {per}, "
            f"below the {money(required, minimum.currency)} per {per} required in {minimum.place}.",
            f"wage {money(amount, currency)} per {per} at {hours or 0:g} h/week; minimum "
            f"{money(minimum.amount, minimum.currency)} per {minimum.per} ({minimum.source}, "
            f"from {minimum.effective})"))
    gross = minimum.days_pay(amount, per) if comparable else None
    gross = gross if gross is not None else convert(amount, per, "week", hours)
    deducted, in_kind = weekly_deductions(doc)
    if gross is None or gross <= 0 or deducted <= 0:
        return flags
    if deducted > EXCESSIVE_SHARE * gross:
        flags.append(make_flag(
            "excessive-deductions",
            f"Deductions should not take more than a quarter of pay: the {noun} deducts {money(deducted, currency)} "
            f"of {money(gross, currency)} gross a week ({deducted / gross:.0%}).",
            f"weekly deductions {money(deducted, currency)} (housing included); weekly gross {money(gross, currency)}"))
    floor = minimum.per_unit("week", hours) if comparable else None
    if floor is None or below:
        return flags
    counted = deducted - min(in_kind, IN_KIND_SHARE * floor)
    if gross - counted < floor - 0.005:
        flags.append(make_flag(
            "deductions-below-minimum",
            f"Deductions must not push pay below the legal minimum: the {noun} "
            f"leaves {money(gross - deducted, currency)}"
            f" a week, below the {money(floor, currency)} weekly minimum of {minimum.place}.",
            f"weekly gross {money(gross, currency)} minus deductions {money(deducted, currency)} (lodging and board "
            f"{money(in_kind, currency)}, credited up to {money(IN_KIND_SHARE * floor, currency)}); weekly minimum "
            f"{money(floor, currency)} ({minimum.source})"))
    return flags
