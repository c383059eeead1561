"""Verdict aggregation, serialisation and the grievance flag."""

from ethics import engine
from ethics.rules.catalogue import make_flag
from tests.unit.ethics.documents import rules, vacancy


def test_no_flag_passes():
    verdict = engine.check_vacancy(vacancy())
    assert verdict.verdict == "pass" and verdict.flags == ()
    assert verdict.rules_version == engine.RULES_VERSION


def test_only_review_flags_give_flag():
    verdict = engine.check_vacancy(vacancy(hours_per_week=52))
    assert verdict.verdict == "flag"
    assert rules(verdict) == {"long-hours"}
    assert all(flag.severity == "review" for flag in verdict.flags)


def test_one_block_flag_among_reviews_blocks():
    verdict = engine.check_vacancy(vacancy(hours_per_week=52, worker_fees=300))
    assert verdict.verdict == "block"
    assert rules(verdict) == {"long-hours", "worker-fees"}


def test_to_dict_has_exactly_the_contract_shape():
    verdict = engine.check_vacancy(vacancy(worker_fees=500))
    data = verdict.to_dict()
    assert set(data) == {"verdict", "rules_version", "flags"}
    assert data["verdict"] == "block" and data["rules_version"] == engine.RULES_VERSION
    (flag,) = data["flags"]
    assert set(flag) == {"rule", "severity", "principle", "message", "evidence"}
    assert flag["rule"] == "worker-fees" and flag["severity"] == "block"
    assert "500" in flag["message"] and flag["evidence"] == "worker_fees: 500"


def test_identical_flags_are_reported_once():
    text = "Workers pay a recruitment fee of 300 USD."
    verdict = engine.check_vacancy(vacancy(description=text, title=text))
    # the same sentence in two fields names a different field in each message: two flags
    assert [f.rule for f in verdict.flags] == ["worker-fees", "worker-fees"]
    twice = engine.check_vacancy(vacancy(description=f"{text} {text}"))
    assert [f.rule for f in twice.flags] == ["worker-fees"]


def test_verdict_and_flags_are_immutable_values():
    verdict = engine.check_vacancy(vacancy(worker_fees=1))
    assert verdict == engine.check_vacancy(vacancy(worker_fees=1))
    assert isinstance(verdict.flags, tuple)
    assert make_flag("grievance", "m", "e") == make_flag("grievance", "m", "e")


def test_grievance_flag_is_a_review_with_the_shortened_text():
    text = "The supervisor shouts at us every day and kept my passport. " * 10
    flag = engine.grievance_flag("abuse", text)
    assert (flag.rule, flag.severity) == ("grievance", "review")
    assert "abuse" in flag.message
    assert len(flag.evidence) <= 200 and flag.evidence.startswith("The supervisor shouts")
    assert flag.evidence.endswith("\u2026")


def test_grievance_flag_tolerates_empty_input():
    flag = engine.grievance_flag("", "")
    assert flag.rule == "grievance" and flag.evidence == ""
