"""The employers' store writes every state change and its events through the kernel's ``outbox.write``."""

from __future__ import annotations

from bson import ObjectId

from employers.models import Offer, Vacancy
from employers.store import MongoStore
from services import outbox
from tests.fakes import OutboxSpy


def test_a_transition_is_one_outbox_write_conditional_on_what_was_read(monkeypatch):
    spy = OutboxSpy()
    monkeypatch.setattr(outbox, "write", spy)
    vacancy = Vacancy(pk=ObjectId(), employer_id="e1", status="pending_review")
    expected = {"status": ["pending_review", "approved"], "revision": 2}
    events = [("vacancy.closed", {"reason": "filled"})]
    written = MongoStore().transition(vacancy, expected, {"status": "approved"}, events)
    [write] = spy.writes
    assert written is True and write.document_class is Vacancy
    assert write.filter == {"_id": vacancy.pk, "status": {"$in": ["pending_review", "approved"]}, "revision": 2}
    assert write.update["$set"]["status"] == "approved" and "updated_at" in write.update["$set"]
    assert write.event_types() == ["vacancy.closed"]
    assert write.events[0].subject == str(vacancy.pk) and write.events[0].source == "employers"


def test_a_transition_whose_condition_failed_is_not_written(monkeypatch):
    monkeypatch.setattr(outbox, "write", OutboxSpy(matched=False))
    offer = Offer(pk=ObjectId(), vacancy_id="v1", worker_id="w1", employer_id="e1", status="sent")
    assert MongoStore().transition(offer, {"status": "sent"}, {"status": "withdrawn"}) is False
