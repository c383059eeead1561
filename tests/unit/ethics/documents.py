"""Fair vacancy and offer documents (the contract's examples) to vary in the ethics tests."""

from __future__ import annotations

import copy


def vacancy(**changes) -> dict:
    """The contract's example vacancy, which breaks no rule, with top-level fields replaced."""
    doc = {
        "title": "Apple harvest worker",
        "description": "Harvest apples and load bins in the orchard.",
        "language": "en",
        "occupation": "Fruit picker",
        "isco_code": "9211",
        "skills": ["fruit picking", "ladder work"],
        "destination": {"country": "CA", "region": "Ontario", "city": "Simcoe"},
        "pathway": "seasonal",
        "season": {"start": "2027-08-01", "end": "2027-10-31"},
        "positions": 12,
        "wage": {"amount": 17.60, "currency": "CAD", "per": "hour"},
        "hours_per_week": 45,
        "worker_fees": 0,
        "recruiter": {"name": "Agencia X", "licence": "ON-RA-1234"},
        "employer_pays": {"inbound_travel": True, "return_travel": True, "visa": True},
        "housing": {"provided": True, "weekly_deduction": 30},
        "deductions": [{"label": "meals", "amount": 40, "per": "week"}],
        "contract_languages": ["en", "es"],
        "requirements": {"languages": ["es"], "min_age": 18, "certifications": [], "other": ""},
    }
    doc.update(copy.deepcopy(changes))
    return doc


def offer(**changes) -> dict:
    """The contract's example offer, identical in terms to ``vacancy()``, with fields replaced."""
    doc = {
        "vacancy_id": "v1",
        "worker_id": "w1",
        "wage": {"amount": 17.60, "currency": "CAD", "per": "hour"},
        "hours_per_week": 45,
        "season": {"start": "2027-08-01", "end": "2027-10-31"},
        "worker_fees": 0,
        "housing": {"provided": True, "weekly_deduction": 30},
        "deductions": [],
        "contract_language": "es",
        "terms": "Harvest apples as described in the vacancy.",
    }
    doc.update(copy.deepcopy(changes))
    return doc


def rules(verdict) -> set[str]:
    """The rule ids of a verdict's flags."""
    return {flag.rule for flag in verdict.flags}
