"""Words that come from data (matcher keys, categories, statuses), as translatable labels.

Each is written out with ``_l`` so that the catalogue extraction finds it;
the unit tests check that every key of the matcher is here.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

# matcher/reasons.py REASONS, in the worker's words.
REASONS = {
    "worked_here_last_season": _l("You worked here last season."),
    "worked_here_before": _l("You worked well with this employer before."),
    "skills_match": _l("Your skills match this job."),
    "good_pay": _l("The pay is better than most jobs paid in the same money."),
    "housing_provided": _l("Housing is provided."),
    "travel_paid": _l("The employer pays your travel there and back."),
    "employer_good_record": _l("This employer has a good record."),
    "long_season": _l("The season uses most of the time you are free."),
    "season_fits_availability": _l("The season fits the dates you are free."),
}
# matcher/reasons.py EXCLUSIONS.
EXCLUSIONS = {
    "not_open": _l("This job is not open."),
    "season_outside_availability": _l("The season is outside the dates you are free."),
    "missing_language": _l("You do not speak a language the job needs."),
    "country_not_preferred": _l("The country is not one you chose."),
    "below_min_age": _l("You are younger than the job allows."),
    "missing_certification": _l("You do not have a certificate the job needs."),
}
PATHWAYS = {
    "seasonal": _l("Seasonal (one season, then home)"),
    "circular": _l("Circular (come back every year)"),
    "temporary": _l("Temporary (longer stay)"),
}
CATEGORIES = {
    "fees": _l("They asked me to pay a fee"),
    "passport": _l("They kept my passport or papers"),
    "wages": _l("Pay was missing or too low"),
    "housing": _l("Bad or unsafe housing"),
    "safety": _l("Danger at work"),
    "harassment": _l("Threats, abuse or harassment"),
    "contract": _l("The job is not what was promised"),
    "other": _l("Something else"),
}
STATUSES = {
    "sent": _l("Waiting for your answer"),
    "accepted": _l("You accepted"),
    "declined": _l("You said no"),
    "withdrawn": _l("The employer took it back"),
    "completed": _l("Season finished"),
}
GENDERS = {"female": _l("Woman"), "male": _l("Man"), "other": _l("Other")}
PAY_PER = {"hour": _l("per hour"), "day": _l("per day"), "week": _l("per week"), "month": _l("per month")}
DEDUCTION_PER = {"week": _l("per week"), "month": _l("per month"), "season": _l("per season")}


def label(table: dict, key: str) -> str:
    """The translated label of ``key``, or the key itself if unknown (new keys show, untranslated)."""
    value = table.get(key)
    return str(value) if value is not None else key
