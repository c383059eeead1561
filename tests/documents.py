"""The contract's example documents, to vary in tests of every service."""

from __future__ import annotations

import copy

# The contract's example, with the wage raised from 17.60 to 19.60 CAD: at exactly Ontario's minimum,
# its 70 CAD of weekly deductions would push pay below the minimum, which the ethics engine blocks.
EXAMPLE_VACANCY = {
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
    "wage": {"amount": 19.60, "currency": "CAD", "per": "hour"},
    "hours_per_week": 45,
    "worker_fees": 0,
    "recruiter": {"name": "Agencia X", "licence": "ON-RA-1234"},
    "employer_pays": {"inbound_travel": True, "return_travel": True, "visa": True},
    "housing": {"provided": True, "weekly_deduction": 30},
    "deductions": [{"label": "meals", "amount": 40, "per": "week"}],
    "contract_languages": ["en", "es"],
    "requirements": {"languages": ["es"], "min_age": 18, "certifications": [], "other": ""},
}

EXAMPLE_OFFER = {
    "vacancy_id": "v1",
    "worker_id": "w1",
    "wage": {"amount": 19.60, "currency": "CAD", "per": "hour"},
    "hours_per_week": 45,
    "season": {"start": "2027-08-01", "end": "2027-10-31"},
    "worker_fees": 0,
    "housing": {"provided": True, "weekly_deduction": 30},
    "deductions": [],
    "contract_language": "es",
    "terms": "Harvest apples as described in the vacancy.",
}


def vacancy(**changes) -> dict:
    """A fair vacancy (the contract's example, wage raised) with top-level fields replaced."""
    return {**copy.deepcopy(EXAMPLE_VACANCY), **copy.deepcopy(changes)}


def offer(**changes) -> dict:
    """The contract's example offer, on the same terms as ``vacancy()``, with fields replaced."""
    return {**copy.deepcopy(EXAMPLE_OFFER), **copy.deepcopy(changes)}
