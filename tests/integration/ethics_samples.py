"""Contract documents for the ethics tests: one fair vacancy and variations."""

from __future__ import annotations

import copy

FAIR_VACANCY = {
    "title": "Apple harvest worker",
    "description": "Seasonal apple harvest in Norfolk County. No recruitment fees are charged to workers.",
    "language": "en",
    "occupation": "Fruit picker",
    "isco_code": "9211",
    "skills": ["fruit picking", "ladder work"],
    "destination": {"country": "CA", "region": "Ontario", "city": "Simcoe"},
    "pathway": "seasonal",
    "season": {"start": "2027-08-01", "end": "2027-10-31"},
    "positions": 12,
    "wage": {"amount": 19.50, "currency": "CAD", "per": "hour"},
    "hours_per_week": 45,
    "worker_fees": 0,
    "recruiter": {"name": "Agencia X", "licence": "ON-RA-1234"},
    "employer_pays": {"inbound_travel": True, "return_travel": True, "visa": True},
    "housing": {"provided": True, "weekly_deduction": 30},
    "deductions": [{"label": "meals", "amount": 40, "per": "week"}],
    "contract_languages": ["en", "es"],
    "requirements": {"languages": ["es"], "min_age": 18, "certifications": [], "other": ""},
}


def vacancy(**changes) -> dict:
    """The fair vacancy with top-level fields replaced."""
    doc = copy.deepcopy(FAIR_VACANCY)
    doc.update(changes)
    return doc


def offer_for(vacancy_doc: dict, vacancy_id: str = "v1", worker_id: str = "w1", **changes) -> dict:
    """An offer with the vacancy's terms, with fields replaced."""
    doc = {
        "vacancy_id": vacancy_id,
        "worker_id": worker_id,
        "wage": dict(vacancy_doc["wage"]),
        "hours_per_week": vacancy_doc["hours_per_week"],
        "season": dict(vacancy_doc["season"]),
        "worker_fees": 0,
        "housing": dict(vacancy_doc["housing"]),
        "deductions": copy.deepcopy(vacancy_doc["deductions"]),
        "contract_language": "es",
        "terms": "Contrato de temporada según la vacante.",
    }
    doc.update(changes)
    return doc
