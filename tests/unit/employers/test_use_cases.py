"""The use cases on a fake store and matcher: events queued, states guarded, ownership, candidates' privacy."""

from __future__ import annotations

import pytest

from employers.candidates import ranked_candidates
from employers.handlers import on_offer_responded, on_offer_reviewed, on_vacancy_reviewed
from employers.offers import complete_offer, make_offer, own_offer, withdraw_offer
from employers.vacancies import close_vacancy, edit_vacancy, own_vacancy, submit_vacancy
from services.documents import OfferSchema, VacancySchema, normalised
from services.errors import Conflict, NotFound, Unavailable
from services.events import OFFER_RESPONDED, OFFER_REVIEWED, VACANCY_REVIEWED, new_event
from tests.documents import offer, vacancy
from tests.unit.employers.fakes import FakeEmployer, FakeMatcher, FakeStore

PRIVATE = {"display_name": "Ana", "gender": "female", "birth_year": 1994, "email": "ana@example.org"}


@pytest.fixture
def store():
    return FakeStore()


@pytest.fixture
def boss():
    return FakeEmployer()


def approved(store, boss, **changes):
    v = submit_vacancy(store, boss, normalised(VacancySchema(), vacancy(**changes)))
    on_vacancy_reviewed(new_event(VACANCY_REVIEWED, "ethics", str(v.pk), {"verdict": "pass", "revision": 1}), store)
    return v


def an_offer(v, worker="w1", **changes):
    return normalised(OfferSchema(), offer(vacancy_id=str(v.pk), worker_id=worker, **changes))


def test_submitting_queues_the_contract_payload(store, boss):
    v = submit_vacancy(store, boss, normalised(VacancySchema(), vacancy()))
    [event] = store.events(v.pk)
    assert (event["type"], event["source"], event["subject"]) == ("vacancy.submitted", "employers", str(v.pk))
    assert event["payload"] == {"vacancy": v.document, "employer_id": str(boss.id), "employer_name": "Orchard Co",
                                "revision": 1}


def test_editing_bumps_the_revision_until_the_vacancy_closes(store, boss):
    v = approved(store, boss)
    edit_vacancy(store, str(boss.id), v.pk, normalised(VacancySchema(), vacancy(title="Pear picker")))
    assert (v.revision, v.status, v.flags, v.document["title"]) == (2, "pending_review", [], "Pear picker")
    assert store.events(v.pk)[-1]["payload"]["revision"] == 2
    close_vacancy(store, str(boss.id), v.pk)
    with pytest.raises(Conflict):
        edit_vacancy(store, str(boss.id), v.pk, v.document)
    with pytest.raises(Conflict):
        close_vacancy(store, str(boss.id), v.pk)


def test_another_employers_documents_are_not_found(store, boss):
    v = approved(store, boss)
    o = make_offer(store, FakeMatcher({str(v.pk): [{"worker_id": "w1"}]}), boss, an_offer(v))
    rival = str(FakeEmployer().id)
    for call in (lambda: own_vacancy(store, rival, v.pk), lambda: own_offer(store, rival, o.pk),
                 lambda: own_vacancy(store, str(boss.id), "not-an-id"), lambda: close_vacancy(store, rival, v.pk),
                 lambda: withdraw_offer(store, rival, o.pk), lambda: complete_offer(store, rival, o.pk, 3)):
        with pytest.raises(NotFound):
            call()


def test_an_offer_needs_an_approved_vacancy_and_a_candidate(store, boss):
    pending = submit_vacancy(store, boss, normalised(VacancySchema(), vacancy()))
    matcher = FakeMatcher({str(pending.pk): [{"worker_id": "w1"}]})
    with pytest.raises(Conflict):
        make_offer(store, matcher, boss, an_offer(pending))
    v = approved(store, boss)
    matcher.by_vacancy[str(v.pk)] = [{"worker_id": "w1"}]
    with pytest.raises(Conflict):
        make_offer(store, matcher, boss, an_offer(v, worker="w9"))
    with pytest.raises(Unavailable):
        make_offer(store, FakeMatcher(down=True), boss, an_offer(v))
    o = make_offer(store, matcher, boss, an_offer(v))
    with pytest.raises(Conflict):
        make_offer(store, matcher, boss, an_offer(v))  # one live offer per worker and vacancy
    [event] = store.events(o.pk)
    assert event["type"] == "offer.submitted" and event["payload"]["vacancy"] == v.document
    assert event["payload"]["offer"]["worker_id"] == "w1" and event["payload"]["employer_name"] == "Orchard Co"


def test_withdraw_and_complete_only_in_their_state(store, boss):
    v = approved(store, boss, positions=5)
    o = make_offer(store, FakeMatcher({str(v.pk): [{"worker_id": "w1"}]}), boss, an_offer(v))
    with pytest.raises(Conflict):
        withdraw_offer(store, str(boss.id), o.pk)
    with pytest.raises(Conflict):
        complete_offer(store, str(boss.id), o.pk, 4)
    on_offer_reviewed(new_event(OFFER_REVIEWED, "ethics", str(o.pk), {"verdict": "pass", "revision": 1}), store)
    on_offer_responded(new_event(OFFER_RESPONDED, "workers", str(o.pk), {"response": "accepted"}), store)
    with pytest.raises(Conflict):
        withdraw_offer(store, str(boss.id), o.pk)
    complete_offer(store, str(boss.id), o.pk, 4)
    assert (o.status, o.employer_rating) == ("completed", 4)
    placement = store.events(o.pk, "placement.completed")[0]["payload"]
    assert placement["season"] == {"start": "2027-08-01", "end": "2027-10-31"} and placement["worker_rating"] is None
    with pytest.raises(Conflict):
        complete_offer(store, str(boss.id), o.pk, 5)


def test_candidates_never_show_contact_details_gender_or_age(store, boss):
    v = approved(store, boss)
    worker = {"origin_country": "GT", "languages": ["es"], "skills": ["pruning"], "availability": [],
              "past_seasons": 1, **PRIVATE}
    matcher = FakeMatcher({str(v.pk): [{"worker_id": "w1", "score": 0.7, "reasons": ["r"], "worker": worker},
                                       "garbage", {"score": 1}]})
    [candidate] = ranked_candidates(store, matcher, str(boss.id), v.pk)
    assert candidate["worker_id"] == "w1" and candidate["reasons"] == ["r"]
    assert not set(candidate["worker"]) & set(PRIVATE)
    assert ranked_candidates(store, FakeMatcher(), str(boss.id), v.pk) == []
    with pytest.raises(Unavailable):
        ranked_candidates(store, FakeMatcher(down=True), str(boss.id), v.pk)


def test_candidates_shown_are_reported_once_each_for_the_fairness_audit(store, boss):
    v = approved(store, boss)
    ranked = [{"worker_id": w, "score": 0.5, "reasons": [], "worker": {}} for w in ("w1", "w2")]
    ranked_candidates(store, FakeMatcher({str(v.pk): ranked}), str(boss.id), v.pk)
    ranked_candidates(store, FakeMatcher({str(v.pk): ranked}), str(boss.id), v.pk)  # the same page again
    ranked_candidates(store, FakeMatcher({str(v.pk): [*ranked, {"worker_id": "w3", "score": 0.4}]}),
                      str(boss.id), v.pk)
    reported = [e["payload"] for e in store.events(v.pk, "candidates.shown")]
    assert [p["worker_ids"] for p in reported] == [["w1", "w2"], ["w3"]]
    assert {p["employer_id"] for p in reported} == {str(boss.id)} and {p["vacancy_id"] for p in reported} == {str(v.pk)}
