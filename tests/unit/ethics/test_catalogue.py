"""The rule catalogue matches the shared list of rule ids and severities."""

import re
from pathlib import Path

import pytest

from ethics import engine
from ethics.rules.catalogue import make_flag

RULE_IDS = Path(__file__).resolve().parents[3] / "ethics" / "RULE_IDS.md"


def listed_rules() -> dict[str, str]:
    rows = re.findall(r"^\|\s*([a-z0-9-]+)\s*\|\s*(block|review)\s*\|", RULE_IDS.read_text(), re.MULTILINE)
    return dict(rows)


def test_the_shared_list_is_read():
    assert len(listed_rules()) >= 20


def test_every_listed_rule_is_in_the_catalogue_with_its_severity():
    catalogue = {entry["id"]: entry for entry in engine.catalogue()}
    for rule_id, severity in listed_rules().items():
        assert rule_id in catalogue, rule_id
        assert catalogue[rule_id]["severity"] == severity, rule_id


def test_catalogue_has_no_rule_outside_the_shared_list():
    assert {entry["id"] for entry in engine.catalogue()} == set(listed_rules())


def test_entries_have_exactly_the_public_fields_and_plain_text():
    for entry in engine.catalogue():
        assert set(entry) == {"id", "severity", "principle", "description"}
        assert len(entry["principle"]) > 10 and len(entry["description"]) > 20


@pytest.mark.parametrize("rule_id, words", [
    ("worker-fees", "Employer Pays"), ("passport-retention", "identity documents"),
    ("union-ban", "C.87"), ("discrimination", "C.111"), ("below-minimum-wage", "minimum wage"),
])
def test_principles_name_their_source(rule_id, words):
    entry = next(e for e in engine.catalogue() if e["id"] == rule_id)
    assert words in entry["principle"]


def test_make_flag_takes_severity_and_principle_from_the_catalogue():
    flag = make_flag("long-hours", "Too long.", "hours_per_week: 50")
    assert (flag.rule, flag.severity, flag.message, flag.evidence) == ("long-hours", "review", "Too long.",
                                                                       "hours_per_week: 50")
    assert "48" in flag.principle


def test_rules_version_looks_like_a_dated_version():
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", engine.RULES_VERSION)
