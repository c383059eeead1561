"""Rules on structured fields: fees, employer-paid costs, hours, age, recruiter, languages, deductions."""

import pytest

from ethics import engine
from tests.unit.ethics.documents import rules, vacancy


def flags_of(verdict, rule):
    return [flag for flag in verdict.flags if flag.rule == rule]


def test_worker_fees_block_with_the_amount_in_the_message():
    verdict = engine.check_vacancy(vacancy(worker_fees=500))
    (flag,) = flags_of(verdict, "worker-fees")
    assert flag.severity == "block"
    assert flag.message == "Workers must not pay recruitment fees: the vacancy charges 500 CAD."


def test_zero_fees_pass():
    assert "worker-fees" not in rules(engine.check_vacancy(vacancy(worker_fees=0)))


@pytest.mark.parametrize("key", ["visa", "inbound_travel"])
def test_costs_left_to_the_worker_block(key):
    doc = vacancy()
    doc["employer_pays"][key] = False
    (flag,) = flags_of(engine.check_vacancy(doc), "worker-costs")
    assert flag.evidence == f"employer_pays.{key}: false"


@pytest.mark.parametrize("pathway, flagged", [("seasonal", True), ("circular", True), ("temporary", False)])
def test_unpaid_return_travel_is_reviewed_for_seasonal_and_circular_work(pathway, flagged):
    doc = vacancy(pathway=pathway)
    doc["employer_pays"]["return_travel"] = False
    verdict = engine.check_vacancy(doc)
    assert ("no-return-travel" in rules(verdict)) is flagged
    assert verdict.verdict == ("flag" if flagged else "pass")


@pytest.mark.parametrize("hours, rule", [(48, None), (48.5, "long-hours"), (60, "long-hours"), (61, "excessive-hours")])
def test_hours_thresholds(hours, rule):
    found = rules(engine.check_vacancy(vacancy(hours_per_week=hours))) & {"long-hours", "excessive-hours"}
    assert found == ({rule} if rule else set())


@pytest.mark.parametrize("age, blocked", [(16, True), (17, True), (18, False), (21, False)])
def test_underage_minimum_age_blocks(age, blocked):
    doc = vacancy()
    doc["requirements"]["min_age"] = age
    assert ("underage" in rules(engine.check_vacancy(doc))) is blocked


def test_recruiter_without_licence_is_reviewed_but_direct_hire_is_not():
    unlicensed = vacancy(recruiter={"name": "Agencia X", "licence": ""})
    assert "unlicensed-recruiter" in rules(engine.check_vacancy(unlicensed))
    assert "unlicensed-recruiter" not in rules(engine.check_vacancy(vacancy(recruiter=None)))
    assert "unlicensed-recruiter" not in rules(engine.check_vacancy(vacancy()))


@pytest.mark.parametrize("changes, reason", [
    ({"contract_languages": []}, "no contract language"),
    ({"language": "fr"}, "written in fr"),
    ({"contract_languages": ["en", "fr"], "language": "en"}, "requires es"),
])
def test_contract_language_is_reviewed(changes, reason):
    (flag,) = flags_of(engine.check_vacancy(vacancy(**changes)), "contract-language")
    assert flag.severity == "review" and reason in flag.message


def test_a_required_language_among_several_is_enough():
    doc = vacancy(contract_languages=["es"], language="es")
    doc["requirements"]["languages"] = ["es", "en"]
    assert "contract-language" not in rules(engine.check_vacancy(doc))


@pytest.mark.parametrize("label, rule", [
    ("visa fee", "worker-costs"), ("Billet d'avion", "worker-costs"), ("examen médico", "worker-costs"),
    ("recruitment agency", "worker-costs"), ("frè rekritman", "worker-costs"), ("loan repayment", "debt-bondage"),
    ("adiantamento", "debt-bondage"), ("security deposit", "exit-penalty"), ("return flight", "no-return-travel"),
])
def test_deductions_named_for_costs_the_worker_must_not_bear(label, rule):
    doc = vacancy(deductions=[{"label": label, "amount": 20, "per": "month"}])
    (flag,) = flags_of(engine.check_vacancy(doc), rule)
    assert label in flag.evidence and "20 CAD per month" in flag.evidence


@pytest.mark.parametrize("label", ["meals", "rent", "comida", "logement", "health insurance", "seguro médico"])
def test_ordinary_deductions_are_not_cost_shifting(label):
    doc = vacancy(deductions=[{"label": label, "amount": 10, "per": "week"}],
                  wage={"amount": 20, "currency": "CAD", "per": "hour"})
    assert engine.check_vacancy(doc).verdict == "pass"
