"""Where employers must be verified, the ranking index ranks only verified employers' vacancies.

The index is fed events as its tail would hand them over; its read model is
loaded in memory (no database, no Kafka).
"""

from __future__ import annotations

import pytest

from matcher import records
from matcher.index import RankingIndex, ReadModel
from services.events import EMPLOYER_VERIFIED, new_event
from tests.unit.matcher.test_index import applied, listed, profile, reviewed


def verified(employer_id, decision="verified"):
    return new_event(EMPLOYER_VERIFIED, "ethics", employer_id, {"employer_id": employer_id, "decision": decision})


def index_of(require_verification: bool, verified_employers=frozenset()) -> RankingIndex:
    index = RankingIndex(require_verification=require_verification)
    index.load_records(ReadModel([], [], [], {}, frozenset(verified_employers)))
    return index


def test_an_unverified_employers_vacancy_reaches_no_one_until_verified_and_none_after_a_rejection():
    index = applied(index_of(True), profile("ana"), reviewed("v1", employer="e1"), reviewed("v2", employer="e2"))
    assert listed(index) == [], "no employer is verified yet"
    assert index.vacancy_candidates("v1", 10) is None and not index.open_vacancy("v1")

    applied(index, verified("e1"))
    assert listed(index) == ["v1"]
    assert [c["worker_id"] for c in index.vacancy_candidates("v1", 10)] == ["ana"]

    applied(index, verified("e1", "rejected"))
    assert listed(index) == [] and index.vacancy_candidates("v1", 10) is None


def test_verified_employers_come_from_the_read_model_at_load():
    index = applied(index_of(True, {"e2"}), profile("ana"), reviewed("v1", employer="e1"),
                    reviewed("v2", employer="e2"))
    assert listed(index) == ["v2"]


def test_without_the_requirement_every_approved_vacancy_is_ranked():
    index = applied(index_of(False), profile("ana"), reviewed("v1", employer="e1"), verified("e2", "rejected"))
    assert listed(index) == ["v1"]


def test_a_decision_the_contract_does_not_name_is_refused():
    with pytest.raises(ValueError):
        records.employer_verified(new_event(EMPLOYER_VERIFIED, "ethics", "e1", {"employer_id": "e1",
                                                                               "decision": "maybe"}))
