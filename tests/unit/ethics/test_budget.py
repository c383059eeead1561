"""Every check has a time budget; a document whose text cannot be checked in time is never approved."""

import pytest

from ethics import engine
from ethics.rules.catalogue import BY_ID
from services.config import ConfigError, Settings, check_budget_seconds
from tests.attack_texts import ATTACKS, DESCRIPTION, attack_offer, attack_vacancy
from tests.unit.ethics.documents import offer, rules, vacancy

FAIR = "Harvest apples and load bins in the orchard. The employer pays the visa and the flights."


def test_a_vacancy_out_of_time_is_blocked_for_manual_review():
    verdict = engine.check_vacancy(vacancy(description=FAIR), budget_seconds=0)
    assert verdict.verdict == "block"
    assert "manual-review" in rules(verdict)
    flag = next(f for f in verdict.flags if f.rule == "manual-review")
    assert flag.severity == "block" and "could not be checked automatically" in flag.message
    assert flag.evidence.startswith("title")  # the first text field is where it stopped


def test_an_offer_out_of_time_is_blocked_for_manual_review():
    verdict = engine.check_offer(offer(terms=FAIR), vacancy(), budget_seconds=0)
    assert verdict.verdict == "block" and "manual-review" in rules(verdict)


def test_the_structured_rules_still_apply_when_the_text_runs_out_of_time():
    verdict = engine.check_vacancy(vacancy(description=FAIR, worker_fees=100), budget_seconds=0)
    assert {"worker-fees", "manual-review"} <= rules(verdict)


def test_a_fair_vacancy_within_the_budget_passes():
    verdict = engine.check_vacancy(vacancy(description=FAIR))
    assert verdict.verdict == "pass", rules(verdict)


def test_manual_review_is_a_catalogued_block_rule():
    assert BY_ID["manual-review"].severity == "block"
    assert "manual-review" in {rule["id"] for rule in engine.catalogue()}


def test_the_budget_is_a_setting():
    assert check_budget_seconds({}) == 2.0
    assert check_budget_seconds({"LP_CHECK_BUDGET_SECONDS": "0.5"}) == 0.5
    assert Settings.from_env("ethics", {"LP_SECRET_KEY": "k", "LP_CHECK_BUDGET_SECONDS": "3"}).check_budget_seconds == 3
    for wrong in ("0", "-1", "soon"):
        with pytest.raises(ConfigError):
            check_budget_seconds({"LP_CHECK_BUDGET_SECONDS": wrong})


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attacks_at_the_maximum_lengths_get_a_real_verdict(name):
    document = attack_vacancy(name)
    assert len(document["description"]) > DESCRIPTION - 50
    for verdict in (engine.check_vacancy(document, budget_seconds=None),
                    engine.check_offer(attack_offer(name), vacancy(), budget_seconds=None)):
        assert "manual-review" not in rules(verdict)
        assert verdict.verdict in {"pass", "flag", "block"}


def test_the_passport_attack_is_still_read_as_passport_retention():
    assert "passport-retention" in rules(engine.check_vacancy(attack_vacancy("passports"), budget_seconds=None))
