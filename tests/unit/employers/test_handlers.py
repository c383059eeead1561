"""The worker's handlers on a fake store: verdicts, responses, stale and out-of-order events."""

from __future__ import annotations

import pytest

from employers.handlers import on_offer_responded, on_offer_reviewed, on_vacancy_reviewed
from employers.offers import make_offer, withdraw_offer
from employers.vacancies import close_vacancy, edit_vacancy, submit_vacancy
from services.documents import OfferSchema, VacancySchema, normalised
from services.events import OFFER_RESPONDED, OFFER_REVIEWED, VACANCY_CLOSED, VACANCY_REVIEWED, new_event
from tests.documents import offer, vacancy
from tests.unit.employers.fakes import FakeEmployer, FakeMatcher, FakeStore

FLAG = {"rule": "worker-fees", "severity": "block", "principle": "ILO GP&OG 7", "message": "No fees.",
        "evidence": "500", "extra": "ignored"}


@pytest.fixture
def store():
    return FakeStore()


@pytest.fixture
def employer():
    return FakeEmployer()


def reviewed(vacancy_id, verdict="pass", revision=1, flags=()):
    return new_event(VACANCY_REVIEWED, "ethics", str(vacancy_id), {"vacancy_id": str(vacancy_id), "verdict": verdict,
                                                                   "revision": revision, "flags": list(flags)})


def new_vacancy(store, employer, **changes):
    return submit_vacancy(store, employer, normalised(VacancySchema(), vacancy(**changes)))


@pytest.mark.parametrize(("verdict", "status"), [("pass", "approved"), ("flag", "approved"), ("block", "blocked")])
def test_a_verdict_sets_the_status_and_keeps_the_flags(store, employer, verdict, status):
    v = new_vacancy(store, employer)
    on_vacancy_reviewed(reviewed(v.pk, verdict, flags=[FLAG]), store)
    assert v.status == status
    assert v.flags == [{k: FLAG[k] for k in ("rule", "severity", "principle", "message", "evidence")}]


def test_a_verdict_on_an_older_revision_is_ignored(store, employer):
    v = new_vacancy(store, employer)
    edit_vacancy(store, str(employer.id), v.pk, normalised(VacancySchema(), vacancy(positions=2)))
    on_vacancy_reviewed(reviewed(v.pk, "block", revision=1), store)
    assert (v.status, v.revision) == ("pending_review", 2)
    on_vacancy_reviewed(reviewed(v.pk, "pass", revision=2), store)
    assert v.status == "approved"
    on_vacancy_reviewed(reviewed(v.pk, "pass", revision=3), store)  # never submitted: ignored too
    assert v.revision == 2


def test_a_late_verdict_never_reopens_a_closed_vacancy(store, employer):
    v = new_vacancy(store, employer)
    close_vacancy(store, str(employer.id), v.pk)
    on_vacancy_reviewed(reviewed(v.pk, "pass"), store)
    assert v.status == "closed"
    assert [e["type"] for e in store.events(v.pk)] == ["vacancy.submitted", VACANCY_CLOSED]


def test_unknown_documents_are_ignored_and_unknown_verdicts_refused(store, employer):
    on_vacancy_reviewed(reviewed("0" * 24), store)  # nothing to do, nothing raised
    v = new_vacancy(store, employer)
    with pytest.raises(ValueError):
        on_vacancy_reviewed(reviewed(v.pk, "maybe"), store)
    event = reviewed(v.pk)
    event.payload.pop("revision")  # read as about the current revision
    on_vacancy_reviewed(event, store)
    assert v.status == "approved"


def sent_offer(store, employer, worker="w1", positions=1):
    v = new_vacancy(store, employer, positions=positions)
    on_vacancy_reviewed(reviewed(v.pk), store)
    matcher = FakeMatcher({str(v.pk): [{"worker_id": worker}]})
    o = make_offer(store, matcher, employer, normalised(OfferSchema(), offer(vacancy_id=str(v.pk), worker_id=worker)))
    on_offer_reviewed(new_event(OFFER_REVIEWED, "ethics", str(o.pk), {"offer_id": str(o.pk), "verdict": "flag",
                                                                      "revision": 1, "flags": [FLAG]}), store)
    return v, o


def responded(o, response="accepted", worker="w1"):
    return new_event(OFFER_RESPONDED, "workers", str(o.pk), {"offer_id": str(o.pk), "worker_id": worker,
                                                             "response": response})


def test_an_offer_is_sent_or_blocked_once(store, employer):
    _v, o = sent_offer(store, employer)
    assert o.status == "sent" and o.flags[0]["rule"] == "worker-fees"
    block = new_event(OFFER_REVIEWED, "ethics", str(o.pk), {"offer_id": str(o.pk), "verdict": "block", "revision": 1})
    on_offer_reviewed(block, store)  # a second verdict does not move a sent offer
    assert o.status == "sent"


def test_an_acceptance_fills_the_vacancy_and_publishes_its_closing(store, employer):
    v, o = sent_offer(store, employer, positions=1)
    on_offer_responded(responded(o), store)
    assert (o.status, v.status) == ("accepted", "filled")
    [closed] = store.events(v.pk, VACANCY_CLOSED)
    assert closed["payload"] == {"vacancy_id": str(v.pk), "employer_id": str(employer.id), "status": "filled"}
    on_offer_responded(responded(o, "declined"), store)  # out of order now: ignored
    assert o.status == "accepted"


def test_responses_out_of_order_or_from_someone_else_are_ignored(store, employer):
    v, o = sent_offer(store, employer, positions=2)
    on_offer_responded(responded(o, worker="w-other"), store)
    on_offer_responded(responded(o, response="maybe"), store)
    assert o.status == "sent"
    on_offer_responded(responded(o, "declined"), store)
    assert (o.status, v.status) == ("declined", "approved")


def verdict_on(o, verdict: str):
    return new_event(OFFER_REVIEWED, "ethics", str(o.pk), {"offer_id": str(o.pk), "verdict": verdict, "revision": 1})


def test_an_answer_read_before_the_verdict_waits_for_it(store, employer):
    v, o = sent_offer(store, employer, positions=3)
    early = store.add(type(o)(employer_id=o.employer_id, vacancy_id=o.vacancy_id, worker_id="w1", document={}))
    on_offer_responded(responded(early), store)
    assert (early.status, early.early_response) == ("pending_review", "accepted")
    on_offer_reviewed(verdict_on(early, "pass"), store)
    assert early.status == "accepted"
    refused = store.add(type(o)(employer_id=o.employer_id, vacancy_id=o.vacancy_id, worker_id="w1", document={}))
    on_offer_responded(responded(refused), store)
    on_offer_reviewed(verdict_on(refused, "block"), store)
    assert refused.status == "blocked"


def test_a_withdrawn_offer_stays_withdrawn(store, employer):
    _v, o = sent_offer(store, employer)
    withdraw_offer(store, str(employer.id), o.pk)
    on_offer_responded(responded(o), store)
    assert o.status == "withdrawn"
