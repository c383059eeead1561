"""An auditor's decision on a flag is written through the kernel's ``outbox.write`` (one meaning of written)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from bson import ObjectId

from ethics import flag_counts, flags, parties
from ethics.models import Flag
from services import outbox
from tests.fakes import OutboxSpy


@pytest.fixture
def stored(monkeypatch):
    """A flag with two decisions, read without a database; the recounts marked are kept."""
    flag = SimpleNamespace(id=ObjectId(), decision_count=2, employer_id="e1", document_kind="vacancy", document={},
                           document_id="v1")
    recounted = []
    monkeypatch.setattr(flags, "get", lambda flag_id: flag)
    monkeypatch.setattr(flag_counts, "after_decision", recounted.append)
    monkeypatch.setattr(parties, "after_flag", lambda decided: recounted.append(f"party of {decided.employer_id}"))
    return flag, recounted


def test_a_decision_is_one_write_conditional_on_the_decisions_read(monkeypatch, stored):
    flag, recounted = stored
    spy = OutboxSpy()
    monkeypatch.setattr(outbox, "write", spy)
    flags.decide(str(flag.id), "dismissed", "seen", "a1", "a@example.org")
    [write] = spy.writes
    assert write.document_class is Flag and write.filter == {"_id": flag.id, "decision_count": 2}
    assert write.update["$set"] == {"status": "dismissed"} and write.update["$inc"] == {"decision_count": 1}
    assert write.update["$push"]["decisions"]["auditor_email"] == "a@example.org" and write.events == []
    assert recounted == ["e1", "party of e1"]


def test_a_decision_that_lost_the_race_is_refused_and_counts_nothing(monkeypatch, stored):
    flag, recounted = stored
    monkeypatch.setattr(outbox, "write", OutboxSpy(matched=False))
    with pytest.raises(Exception, match="Another auditor decided"):
        flags.decide(str(flag.id), "confirmed", "", "a2", "b@example.org")
    assert recounted == []


def test_a_decision_on_a_named_grievance_carries_its_event_in_the_same_write(monkeypatch, stored):
    flag, _recounted = stored
    flag.document_kind, flag.document_id, flag.document = "grievance", "g1", {"anonymous": False, "text": "x"}
    spy = OutboxSpy()
    monkeypatch.setattr(outbox, "write", spy)
    flags.decide(str(flag.id), "confirmed", "", "a1", "a@example.org")
    [write] = spy.writes
    [event] = write.events
    assert (event.type, event.subject, event.payload) == ("grievance.decided", "g1",
                                                          {"grievance_id": "g1", "status": "confirmed"})
