"""Whole-engine behaviour: fair examples pass, odd documents do not raise, checks are pure and fast."""

import copy

import pytest

from ethics import engine
from tests.unit.ethics.documents import offer, rules, vacancy

FAIR_DESCRIPTION = (
    "We are hiring 12 seasonal workers for the apple harvest in Simcoe, Ontario. The employer pays the "
    "round-trip airfare, the visa and the work permit. No recruitment fees are charged to workers. Workers keep "
    "their passports. Workers are free to join a union. There is no curfew. Wages are paid every week by direct "
    "deposit. Los trabajadores conservan sus pasaportes y no se cobra ninguna tarifa de reclutamiento."
)


def test_the_contract_examples_pass():
    assert engine.check_vacancy(vacancy()).verdict == "pass"
    assert engine.check_offer(offer(), vacancy()).verdict == "pass"
    assert engine.check_offer(offer(), None).verdict == "pass"


def test_a_long_fair_description_in_two_languages_passes():
    verdict = engine.check_vacancy(vacancy(description=FAIR_DESCRIPTION))
    assert verdict.verdict == "pass", verdict.to_dict()


def test_the_language_field_does_not_limit_the_text_rules():
    verdict = engine.check_vacancy(vacancy(language="en", contract_languages=["en", "es"],
                                           description="El trabajador debe pagar una cuota de reclutamiento."))
    assert "worker-fees" in rules(verdict)


@pytest.mark.parametrize("document", [
    {}, {"wage": None, "recruiter": "x", "destination": "CA", "deductions": [None, {"label": 5}]},
    {"wage": {"amount": "17"}, "hours_per_week": "45", "season": {"start": "not a date"}, "requirements": []},
    {"title": None, "description": 12, "requirements": {"other": None, "min_age": None}, "housing": None},
])
def test_odd_documents_do_not_raise(document):
    assert engine.check_vacancy(document).verdict in {"pass", "flag", "block"}
    assert engine.check_offer(document, document).verdict in {"pass", "flag", "block"}
    assert engine.check_offer(document, None).verdict in {"pass", "flag", "block"}


def test_missing_optional_fields_are_tolerated():
    doc = vacancy(recruiter=None, description="", isco_code="")
    for key in ("employer_pays", "housing", "deductions", "season", "requirements"):
        del doc[key]
    assert engine.check_vacancy(doc).verdict == "pass"


def test_checks_do_not_change_their_input():
    doc = vacancy(description=FAIR_DESCRIPTION, worker_fees=10)
    before = copy.deepcopy(doc)
    engine.check_vacancy(doc)
    engine.check_offer(offer(worker_fees=5), doc)
    assert doc == before
