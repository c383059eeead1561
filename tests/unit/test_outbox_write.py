"""The kernel's one outbox write (``services.outbox.write``): state and events in one update, and what
"written" means."""

from __future__ import annotations

from dataclasses import dataclass, field

from services import outbox
from services.events import new_event


@dataclass
class Result:
    matched_count: int
    modified_count: int


@dataclass
class FakeCollection:
    """Answers each ``update_one`` with the next (matched, modified) and keeps what it was asked."""

    answers: list
    calls: list = field(default_factory=list)

    def update_one(self, filter_, update):
        self.calls.append((filter_, update))
        return Result(*self.answers.pop(0))


def document_class(collection):
    return type("Doc", (), {"_get_collection": staticmethod(lambda: collection)})


def test_the_state_and_the_events_go_in_one_update_of_the_filtered_document():
    collection = FakeCollection([(1, 1)])
    event = new_event("offer.responded", "workers", "o1", {"response": "accepted"})
    assert outbox.write(document_class(collection), {"_id": "o1", "status": "sent"},
                        {"$set": {"status": "accepted"}}, [event]) is True
    [(filter_, update)] = collection.calls
    assert filter_ == {"_id": "o1", "status": "sent"}
    assert update == {"$set": {"status": "accepted", outbox.PENDING: True},
                      "$push": {"outbox": {"$each": [event.to_dict()]}}}


def test_written_means_matched_whether_or_not_a_field_changed():
    collection = FakeCollection([(1, 0), (0, 0)])
    cls = document_class(collection)
    assert outbox.write(cls, {"_id": 1}, {"$set": {"status": "same"}}) is True  # matched, nothing to change
    assert outbox.write(cls, {"_id": 1, "revision": 3}, {"$set": {"status": "x"}}) is False  # the condition failed
    assert collection.calls[0][1] == {"$set": {"status": "same"}}  # no events: the update as given


def test_events_kept_as_documents_or_text_are_stored_as_they_are():
    event = new_event("matches.updated", "matcher", "w1", {"count": 0})
    update = outbox.with_events({"$unset": {"due_at": ""}}, [event.to_text(), event.to_dict()])
    assert update["$push"]["outbox"]["$each"] == [event.to_text(), event.to_dict()]
    assert update["$unset"] == {"due_at": ""} and update["$set"] == {outbox.PENDING: True}


def test_an_update_that_pushes_to_a_list_keeps_its_push_beside_the_events():
    event = new_event("employer.verified", "ethics", "e1", {"decision": "verified"})
    update = outbox.with_events({"$push": {"decisions": {"decision": "verified"}}, "$inc": {"decision_count": 1}},
                                [event])
    assert update["$push"] == {"decisions": {"decision": "verified"}, "outbox": {"$each": [event.to_dict()]}}
    assert update["$inc"] == {"decision_count": 1}
