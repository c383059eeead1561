"""A ``matches.updated`` notice goes into the shown matches' outbox in the same update as the outcome,
built by the kernel's ``outbox.with_events`` (the building block of ``outbox.write``), for the bulk write."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from matcher.notices import NoticeSender
from services import outbox
from services.events import MATCHES_UPDATED, Envelope
from tests.unit.matcher.test_notices import FakeIndex

NOW = datetime(2027, 3, 1, 12, tzinfo=UTC)


def matches(prefix: str) -> list[dict]:
    return [{"vacancy_id": f"{prefix}{i}", "score": 0.9 - i / 100, "reason_keys": []} for i in range(3)]


def mark(ids: list[str]) -> dict:
    return {"_id": "w1", "ids": ids, "floor": None, "watched_until": NOW + timedelta(minutes=5),
            "due_at": NOW, "marked_at": NOW}


def test_a_changed_list_is_recorded_with_its_notice_in_one_update_built_by_the_kernel(monkeypatch):
    real, built = outbox.with_events, []

    def spy(update, events):
        events = list(events)
        built.append((update, events, real(update, events)))
        return built[-1][2]

    monkeypatch.setattr(outbox, "with_events", spy)
    sender = NoticeSender(FakeIndex(matches={"w1": matches("new-")}))
    outcome, update = sender.decide(mark(["old-0"]), NOW)
    [(base, events, returned)] = built
    assert outcome == "sent" and update is returned  # the kernel's update, not one built alongside it
    assert base["$set"]["ids"] == ["new-0", "new-1", "new-2"] and base["$set"]["last_notice_at"] == NOW
    [notice] = [Envelope.from_stored(e) for e in update["$push"]["outbox"]["$each"]]
    assert notice.type == MATCHES_UPDATED and notice.subject == "w1"
    assert update["$set"][outbox.PENDING] is True


def test_an_unchanged_list_carries_no_event(monkeypatch):
    def refuse(update, events):
        raise AssertionError("an unchanged list carries no event")

    monkeypatch.setattr(outbox, "with_events", refuse)
    sender = NoticeSender(FakeIndex(matches={"w1": matches("same-")}))
    outcome, update = sender.decide(mark(["same-0", "same-1", "same-2"]), NOW)
    assert outcome == "unchanged" and "$push" not in update
