"""The recruiter registry's rules: a licence that is registered but not valid blocks, one not registered is
flagged for review, direct hire raises neither; offers are checked through their vacancy's recruiter."""

from __future__ import annotations

from datetime import date

import pytest

from ethics import engine
from ethics.rules.recruiters import Registry, RegistryEntry, licence_key, registry_flags
from tests.unit.ethics.documents import offer, rules, vacancy

TODAY = date(2027, 1, 10)
REGISTRY_RULES = {"recruiter-licence-invalid", "recruiter-unverified"}


def registry(status="active", valid_until=None, licence="ON-RA-1234") -> Registry:
    return Registry(TODAY, {licence_key(licence): RegistryEntry("Agencia X", licence, status, valid_until)})


def test_licences_match_whatever_their_spacing_and_case():
    assert licence_key(" on-ra 1234 ") == licence_key("ON-RA-1234") == "ONRA1234"
    assert licence_key(None) == "" and licence_key("--") == ""


@pytest.mark.parametrize("status", ["suspended", "revoked", "expired"])
def test_a_registered_licence_that_is_not_active_blocks_the_vacancy(status):
    verdict = engine.check_vacancy(vacancy(), registry=registry(status))
    assert verdict.verdict == "block" and "recruiter-licence-invalid" in rules(verdict)
    [flag] = [f for f in verdict.flags if f.rule == "recruiter-licence-invalid"]
    assert status in flag.message and "ON-RA-1234" in flag.evidence and flag.severity == "block"


def test_an_active_licence_past_its_valid_until_day_blocks():
    assert "recruiter-licence-invalid" in rules(engine.check_vacancy(vacancy(), registry=registry(
        valid_until=date(2027, 1, 9))))
    # Valid through the day itself.
    assert rules(engine.check_vacancy(vacancy(), registry=registry(valid_until=TODAY))) & REGISTRY_RULES == set()


def test_an_active_registered_licence_passes():
    verdict = engine.check_vacancy(vacancy(recruiter={"name": "Agencia X", "licence": "on-ra-1234"}),
                                   registry=registry())
    assert verdict.verdict == "pass"


def test_a_licence_not_in_the_registry_is_flagged_for_review():
    verdict = engine.check_vacancy(vacancy(), registry=Registry(TODAY))
    assert verdict.verdict == "flag" and rules(verdict) == {"recruiter-unverified"}
    assert verdict.flags[0].severity == "review"


@pytest.mark.parametrize("recruiter", [None, {"name": "Agencia Y", "licence": ""}])
def test_direct_hire_and_a_missing_licence_raise_neither_registry_rule(recruiter):
    verdict = engine.check_vacancy(vacancy(recruiter=recruiter), registry=Registry(TODAY))
    assert rules(verdict) & REGISTRY_RULES == set()


def test_without_a_registry_the_rules_are_skipped():
    assert engine.check_vacancy(vacancy()).verdict == "pass"
    assert registry_flags({"name": "A", "licence": "X1"}, None, "vacancy") == []


def test_an_offer_is_checked_against_its_vacancys_recruiter_as_the_registry_stands_now():
    # The vacancy was approved while the licence was active; it has been revoked since.
    verdict = engine.check_offer(offer(), vacancy(), registry=registry("revoked"))
    assert verdict.verdict == "block" and "recruiter-licence-invalid" in rules(verdict)
    assert "vacancy's recruiter" in verdict.flags[0].message
    assert engine.check_offer(offer(), vacancy(), registry=registry()).verdict == "pass"
    assert rules(engine.check_offer(offer(), vacancy(recruiter=None), registry=Registry(TODAY))) == set()
    assert engine.check_offer(offer(), None, registry=registry("revoked")).verdict == "pass"  # no vacancy known


def test_the_registry_rules_are_in_the_catalogue():
    catalogue = {rule["id"]: rule["severity"] for rule in engine.catalogue()}
    assert catalogue["recruiter-licence-invalid"] == "block" and catalogue["recruiter-unverified"] == "review"
