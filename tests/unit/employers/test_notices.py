"""Who the employers' handlers tell, and that a redelivered event tells nobody twice (fake store)."""

from __future__ import annotations

from employers.handlers import on_offer_responded, on_offer_reviewed
from services.events import OFFER_REVIEWED, new_event
from tests.unit.employers.fakes import FakeEmployer, FakeStore
from tests.unit.employers.test_handlers import responded, sent_offer


def test_the_employer_is_told_the_verdict_and_the_answer():
    store, employer = FakeStore(), FakeEmployer()
    _v, o = sent_offer(store, employer)
    on_offer_responded(responded(o, "declined"), store)
    assert [(kind, outcome) for _id, _to, kind, outcome in store.told] == [
        ("offer_verdict", "flag"), ("offer_answered", "declined")]
    assert {to for _id, to, _kind, _outcome in store.told} == {str(employer.id)}


def test_a_redelivered_event_tells_again_under_the_same_event_id_only():
    """After a crash between the state write and the notification, the redelivery finds the state applied:
    it tells under the same event id (stored once, ``services.notifications.notify``), and nothing else."""
    store, employer = FakeStore(), FakeEmployer()
    _v, o = sent_offer(store, employer)
    answer = responded(o, "accepted")
    on_offer_responded(answer, store)
    on_offer_responded(answer, store)
    answered = [event_id for event_id, _to, kind, _outcome in store.told if kind == "offer_answered"]
    assert answered == [answer.id, answer.id]


def test_a_verdict_that_no_longer_applies_tells_nothing():
    store, employer = FakeStore(), FakeEmployer()
    _v, o = sent_offer(store, employer)
    late_block = new_event(OFFER_REVIEWED, "ethics", str(o.pk), {"offer_id": str(o.pk), "verdict": "block",
                                                                 "revision": 1})
    on_offer_reviewed(late_block, store)
    assert [kind for _id, _to, kind, _outcome in store.told] == ["offer_verdict"]
