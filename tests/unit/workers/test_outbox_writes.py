"""The workers service writes every state change that carries events through the kernel's ``outbox.write``:
an answer to an offer, a saved profile, the day's batch of anonymous grievances."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from bson import ObjectId

from services import outbox
from services.events import GRIEVANCE_FILED, OFFER_RESPONDED, WORKER_PROFILE_UPDATED, new_event
from tests.fakes import OutboxSpy
from workers import grievance_release, store
from workers.models import Grievance, Offer, Worker
from workers.profiles import update_profile


@pytest.fixture
def spy(monkeypatch):
    spy = OutboxSpy()
    monkeypatch.setattr(outbox, "write", spy)
    return spy


def test_an_answer_is_one_write_conditional_on_the_offer_still_sent(spy):
    offer = Offer(pk=ObjectId(), offer_id="o1", worker_id="w1", status="sent")
    event = new_event(OFFER_RESPONDED, "workers", "o1", {"response": "accepted"})
    assert store.answer_offer(offer, "w1", "accepted", event) is True
    [write] = spy.writes
    assert write.document_class is Offer and write.filter == {"_id": offer.pk, "worker_id": "w1", "status": "sent"}
    assert write.update["$set"]["status"] == "accepted" and write.events == [event]
    spy.matched = False
    assert store.answer_offer(offer, "w1", "declined", event) is False


def profile_worker() -> Worker:
    return Worker(pk=ObjectId(), name="Ana Lopez", email="ana@example.org", password_hash="x", revision=3,
                  origin_country="GT", languages=["es"], skills=["pruning"])


def test_a_published_change_of_profile_and_its_event_are_one_write(spy):
    worker = profile_worker()
    spy.matched = False  # another save won: refused (and nothing is read back)
    with pytest.raises(Exception, match="changed somewhere else"):
        update_profile(worker, {"skills": ["pruning", "fruit picking"]})
    [write] = spy.writes
    assert write.document_class is Worker and write.filter == {"_id": worker.pk, "revision": 3}
    assert write.update["$set"]["revision"] == 4 and write.update["$set"]["skills"] == ["pruning", "fruit picking"]
    assert write.event_types() == [WORKER_PROFILE_UPDATED] and write.events[0].payload["revision"] == 4


def test_a_change_the_matcher_does_not_see_is_written_without_an_event(spy):
    spy.matched = False
    with pytest.raises(Exception, match="changed somewhere else"):
        update_profile(profile_worker(), {"ui_language": "fr"})
    [write] = spy.writes
    assert write.events == [] and "revision" not in write.update["$set"]


class HeldGrievances:
    """The grievances collection as ``release_due`` reads it: two held events, one per grievance."""

    def __init__(self):
        self.rows = [{"_id": ObjectId(), "held": [new_event(GRIEVANCE_FILED, "workers", f"g{i}", {}).to_dict()]}
                     for i in range(2)]

    def find(self, filter_, projection):
        return list(self.rows)


def test_the_days_batch_moves_each_held_event_to_the_outbox_in_one_write(monkeypatch, spy):
    collection = HeldGrievances()
    monkeypatch.setattr(Grievance, "_get_collection", lambda: collection)
    assert grievance_release.release_due(datetime(2027, 3, 2, tzinfo=UTC)) == 2
    assert {w.document_class for w in spy.writes} == {Grievance}
    by_id = {w.filter["_id"]: w for w in spy.writes}
    for row in collection.rows:
        write = by_id[row["_id"]]
        assert write.filter == {"_id": row["_id"], "held.0": {"$exists": True}}
        assert write.update == {"$set": {"held": []}, "$unset": {"held_day": ""}}
        assert [e.to_dict() for e in write.events] == row["held"]
