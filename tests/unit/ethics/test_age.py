"""A minimum age above 18 needs a stated legal reason, or it is flagged for review (issue 12, finding 6)."""

import pytest

from ethics import engine
from tests.unit.ethics.documents import rules, vacancy


def _with(min_age: int, other: str = "", description: str = "Harvest apples and load bins in the orchard."):
    requirements = {**vacancy()["requirements"], "min_age": min_age, "other": other}
    return engine.check_vacancy(vacancy(requirements=requirements, description=description))


def test_eighteen_is_no_flag():
    assert _with(18).verdict == "pass"


def test_under_eighteen_is_blocked():
    verdict = _with(16)
    assert verdict.verdict == "block" and "underage" in rules(verdict)


@pytest.mark.parametrize("age", [19, 21, 25, 40, 60])
def test_above_eighteen_without_a_reason_is_a_review_flag(age):
    verdict = _with(age)
    assert verdict.verdict == "flag"
    assert rules(verdict) == {"age-requirement"}
    flag = verdict.flags[0]
    assert flag.severity == "review" and f"requirements.min_age: {age}" == flag.evidence


@pytest.mark.parametrize("other, description", [
    ("Class A driving licence required (provincial law: 21 and over).", ""),
    ("", "Serving alcohol: the state regulation sets the minimum age at 21."),
    ("Licencia de conducir exigida por la ley.", ""),
    ("Permis de conduire exigé par la loi.", ""),
    ("Carteira de habilitação exigida por lei.", ""),
    ("Lwa a mande pou chofè yo gen 21 an.", ""),
])
def test_a_stated_legal_reason_clears_it(other, description):
    verdict = _with(21, other, description or "Drive the farm truck between orchards.")
    assert "age-requirement" not in rules(verdict)


@pytest.mark.parametrize("age", [22, 25, 40])
def test_a_legal_reason_excuses_no_age_above_21(age):
    verdict = _with(age, "Class A driving licence required by provincial law.")
    assert rules(verdict) == {"age-requirement"}


def test_an_upper_age_limit_is_still_discrimination():
    verdict = _with(21, "Driving licence required by law.", "Workers must be between 21 and 35 years old.")
    assert "discrimination" in rules(verdict)
