"""Offer rules: the offer's own terms and its comparison with the vacancy (contract substitution)."""

from __future__ import annotations

from ethics.rules.catalogue import Flag, make_flag
from ethics.rules.fields import day, items, mapping, money, number, text
from ethics.rules.textnorm import fold
from services.pay import convert, currency_code, season_weeks, weekly_deduction


def _hourly(doc: dict) -> tuple[float | None, str]:
    wage = mapping(doc.get("wage"))
    amount = number(wage.get("amount"))
    if amount is None:
        return None, ""
    return convert(amount, text(wage.get("per")), "hour", number(doc.get("hours_per_week"))), \
        currency_code(wage.get("currency"))


def language_flags(offer: dict, vacancy: dict | None) -> list[Flag]:
    """contract-language: the offer's contract must be in one of the vacancy's contract languages."""
    language = text(offer.get("contract_language")).strip().lower()
    if not language:
        return [make_flag("contract-language", "The contract must be in a language the worker reads: the offer gives "
                          "no contract language.", "contract_language: none")]
    if vacancy is None:
        return []
    allowed = [text(lang).strip().lower() for lang in items(vacancy.get("contract_languages"))]
    if language in allowed:
        return []
    return [make_flag("contract-language", f"The contract must be in a language the worker reads: the offer's "
                      f"contract is in {language}, not in the vacancy's {', '.join(allowed) or 'none'}.",
                      f"contract_language: {language}; vacancy contract_languages: {', '.join(allowed) or 'none'}")]


# An offer season under half of the vacancy's is a different job, not an adjustment of its dates (a
# shorter season inside the vacancy's, as in a later start, stays a review point of offer-worse-terms).
SHORTER_SEASON_SHARE = 0.5


def substitution_flags(offer: dict, vacancy: dict) -> list[Flag]:
    """offer-lower-wage, offer-new-fees, offer-shorter-season and offer-worse-terms against the vacancy."""
    return _wage_flags(offer, vacancy) + _fee_flags(offer, vacancy) + _season_flags(offer, vacancy) + \
        _worse_terms(offer, vacancy)


def _season_flags(offer: dict, vacancy: dict) -> list[Flag]:
    weeks, promised = season_weeks(offer.get("season")), season_weeks(vacancy.get("season"))
    if weeks is None or not promised or weeks >= SHORTER_SEASON_SHARE * promised:
        return []
    return [make_flag("offer-shorter-season", f"The offer must keep the season the worker was recruited for: it "
                      f"lasts {weeks:.0f} weeks instead of {promised:.0f} (less than half).",
                      f"offer season {weeks:.1f} weeks; vacancy season {promised:.1f} weeks")]


def _wage_flags(offer: dict, vacancy: dict) -> list[Flag]:
    (offered, currency), (promised, promised_currency) = _hourly(offer), _hourly(vacancy)
    if offered is None or promised is None or currency != promised_currency or offered >= promised - 0.005:
        return []
    return [make_flag("offer-lower-wage", f"The offer must not pay less than the vacancy: "
                      f"{money(offered, currency)} per hour instead of {money(promised, currency)}.",
                      f"offer {money(offered, currency)}/hour; vacancy {money(promised, currency)}/hour")]


def _fee_flags(offer: dict, vacancy: dict) -> list[Flag]:
    offered, promised = number(offer.get("worker_fees")) or 0.0, number(vacancy.get("worker_fees")) or 0.0
    if offered <= promised or offered <= 0:
        return []
    currency = text(mapping(offer.get("wage")).get("currency"))
    return [make_flag("offer-new-fees", f"The offer must not add worker fees: it charges {money(offered, currency)} "
                      f"where the vacancy charged {money(promised, currency)}.",
                      f"offer worker_fees: {offered:g}; vacancy worker_fees: {promised:g}")]


def _weekly_by_label(doc: dict) -> dict[str, tuple[str, float]]:
    weeks = season_weeks(doc.get("season"))
    found: dict[str, tuple[str, float]] = {}
    for item in items(doc.get("deductions")):
        item = mapping(item)
        label = text(item.get("label")).strip()
        weekly = weekly_deduction(item, weeks)
        if label and weekly:
            key = fold(label)
            found[key] = (label, found.get(key, (label, 0.0))[1] + weekly)
    return found


def _worse_terms(offer: dict, vacancy: dict) -> list[Flag]:
    worse: list[tuple[str, str]] = []
    hours, promised_hours = number(offer.get("hours_per_week")), number(vacancy.get("hours_per_week"))
    if hours is not None and promised_hours is not None and hours > promised_hours:
        worse.append((f"{hours:g} hours a week instead of {promised_hours:g}",
                      f"offer hours_per_week: {hours:g}; vacancy: {promised_hours:g}"))
    promised = _weekly_by_label(vacancy)
    for key, (label, weekly) in _weekly_by_label(offer).items():
        before = promised.get(key, (label, 0.0))[1]
        if weekly > before + 0.005:
            what = "a new deduction" if key not in promised else "a higher deduction"
            worse.append((f"{what} for \"{label}\"", f"deduction \"{label}\": {weekly:.2f}/week, vacancy {before:.2f}"))
    worse += _housing_terms(mapping(offer.get("housing")), mapping(vacancy.get("housing")))
    worse += _season_terms(mapping(offer.get("season")), mapping(vacancy.get("season")))
    return [make_flag("offer-worse-terms", f"The offer must keep the vacancy's terms: it has {what}.", evidence)
            for what, evidence in worse]


def _housing_terms(housing: dict, promised: dict) -> list[tuple[str, str]]:
    worse = []
    if promised.get("provided") is True and housing.get("provided") is False:
        worse.append(("no housing although the vacancy provided it", "offer housing.provided: false; vacancy: true"))
    charge, promised_charge = number(housing.get("weekly_deduction")), number(promised.get("weekly_deduction")) or 0.0
    if charge is not None and charge > promised_charge + 0.005:
        worse.append((f"a housing deduction of {charge:g} a week instead of {promised_charge:g}",
                      f"offer housing.weekly_deduction: {charge:g}; vacancy: {promised_charge:g}"))
    return worse


def _season_terms(season: dict, promised: dict) -> list[tuple[str, str]]:
    start, end = day(season.get("start")), day(season.get("end"))
    promised_start, promised_end = day(promised.get("start")), day(promised.get("end"))
    if None in (start, end, promised_start, promised_end) or (promised_start <= start and end <= promised_end):
        return []
    return [(f"a season ({start} to {end}) outside the vacancy's ({promised_start} to {promised_end})",
             f"offer season {start}..{end}; vacancy season {promised_start}..{promised_end}")]
