"""A worker's rating of a season: written once with its event, the form read as the API's JSON, the employer's
sums shown only from five raters."""

from __future__ import annotations

import pytest
from bson import ObjectId
from marshmallow import ValidationError
from werkzeug.datastructures import MultiDict

from services import errors, outbox
from services.events import PLACEMENT_RATED
from tests.fakes import OutboxSpy
from workers import grievances, offers, ratings
from workers.models import Offer
from workers.pages_offers import rating_data
from workers.schemas import RatingSchema

ANSWERS = {"paid_on_time": True, "housing_as_promised": False, "no_fees_charged": False, "treated_with_respect": True}
RECRUITER = {"name": "Agencia X", "licence": "ON-RA-1234"}


def entry(status="completed", rated_at=None, recruiter=None) -> Offer:
    return Offer(pk=ObjectId(), offer_id="o1", worker_id="w1", vacancy_id="v1", employer_id="e1", status=status,
                 verdict="pass", offer={"worker_fees": 0}, vacancy={"title": "Apples", "recruiter": recruiter},
                 rated_at=rated_at)


@pytest.fixture
def spy(monkeypatch):
    spy = OutboxSpy()
    monkeypatch.setattr(outbox, "write", spy)
    return spy


@pytest.fixture
def filed(monkeypatch):
    calls = []
    monkeypatch.setattr(grievances, "file_grievance", lambda data, worker_id: calls.append((data, worker_id)))
    return calls


def rate(monkeypatch, offer, data):
    monkeypatch.setattr(offers, "get", lambda worker_id, offer_id: offer)
    return ratings.rate("w1", "o1", RatingSchema().load(data))


def test_a_rating_and_its_event_are_one_write_conditional_on_a_completed_unrated_offer(monkeypatch, spy, filed):
    offer = entry(recruiter=RECRUITER)
    rate(monkeypatch, offer, {"employer_rating": 2, "recruiter_rating": 4, "answers": ANSWERS})
    [write] = spy.writes
    assert write.document_class is Offer
    assert write.filter == {"_id": offer.pk, "worker_id": "w1", "status": "completed", "rated_at": None}
    assert write.update["$set"]["rating"] == {"employer_rating": 2, "recruiter_rating": 4, "answers": ANSWERS,
                                              "comment": ""}
    [event] = write.events
    assert event.type == PLACEMENT_RATED and event.subject == "o1" and event.source == "workers"
    assert event.payload == {"offer_id": "o1", "vacancy_id": "v1", "employer_id": "e1", "worker_id": "w1",
                             "recruiter": RECRUITER, "employer_rating": 2, "recruiter_rating": 4,
                             "answers": ANSWERS}
    assert filed == []


def test_without_a_recruiter_the_recruiters_rating_is_null(monkeypatch, spy, filed):
    rate(monkeypatch, entry(), {"employer_rating": 5, "recruiter_rating": 4, "answers": ANSWERS})
    payload = spy.writes[0].events[0].payload
    assert payload["recruiter"] is None and payload["recruiter_rating"] is None


@pytest.mark.parametrize("offer", [entry(status="accepted"), entry(status="sent"), entry(rated_at="2027-01-01")])
def test_only_a_completed_unrated_season_is_rated(monkeypatch, spy, filed, offer):
    with pytest.raises(errors.Conflict):
        rate(monkeypatch, offer, {"employer_rating": 5, "answers": ANSWERS})
    assert spy.writes == []


def test_a_rating_that_lost_the_race_is_a_conflict_and_files_nothing(monkeypatch, spy, filed):
    spy.matched = False
    with pytest.raises(errors.Conflict):
        rate(monkeypatch, entry(), {"employer_rating": 5, "answers": ANSWERS, "comment": "Fees!",
                                    "send_comment_to_auditors": True})
    assert filed == []


def test_a_comment_goes_to_auditors_as_an_anonymous_grievance_only_when_asked(monkeypatch, spy, filed):
    rate(monkeypatch, entry(), {"employer_rating": 1, "answers": ANSWERS, "comment": "  They took 300 dollars. ",
                                "send_comment_to_auditors": True})
    [(data, worker_id)] = filed
    assert data == {"category": "fees", "text": "They took 300 dollars.", "employer_id": "e1", "offer_id": "o1",
                    "anonymous": True} and worker_id == "w1"
    rate(monkeypatch, entry(), {"employer_rating": 1, "answers": ANSWERS, "comment": "Kept to myself."})
    rate(monkeypatch, entry(), {"employer_rating": 1, "answers": ANSWERS, "comment": "  ",
                                "send_comment_to_auditors": True})
    assert len(filed) == 1


@pytest.mark.parametrize("body", [
    {}, {"employer_rating": 5}, {"employer_rating": 0, "answers": ANSWERS}, {"employer_rating": 6, "answers": ANSWERS},
    {"employer_rating": True, "answers": ANSWERS}, {"employer_rating": "5", "answers": ANSWERS},
    {"employer_rating": 5, "answers": {**ANSWERS, "paid_on_time": "yes"}},
    {"employer_rating": 5, "answers": {"paid_on_time": True}}, {"employer_rating": 5, "answers": [True]},
    {"employer_rating": 5, "answers": ANSWERS, "extra": 1}, {"employer_rating": 5, "answers": ANSWERS, "comment": 3},
    {"employer_rating": 5, "answers": ANSWERS, "comment": "x" * 5001},
    {"employer_rating": 5, "answers": ANSWERS, "send_comment_to_auditors": "true"},
])
def test_bad_input_is_refused_field_by_field(body):
    with pytest.raises(ValidationError) as caught:
        RatingSchema().load(body)
    assert isinstance(caught.value.messages, dict) and caught.value.messages


def test_the_form_reads_as_the_apis_json():
    form = MultiDict({"employer_rating": "4", "paid_on_time": "yes", "housing_as_promised": "no",
                      "no_fees_charged": "no", "treated_with_respect": "yes", "comment": "Hi",
                      "send_comment_to_auditors": "1"})
    assert RatingSchema().load(rating_data(form)) == {
        "employer_rating": 4, "recruiter_rating": None, "answers": ANSWERS, "comment": "Hi",
        "send_comment_to_auditors": True}
    with pytest.raises(ValidationError) as caught:
        RatingSchema().load(rating_data(MultiDict({"employer_rating": "9x", "paid_on_time": "maybe"})))
    assert set(caught.value.messages) == {"employer_rating", "answers"}


def test_the_average_is_shown_only_from_five_workers():
    assert ratings.shown(None) is None
    assert ratings.shown({"total": 20, "count": 5, "raters": 4}) is None  # one worker rated two seasons
    assert ratings.shown({"total": 23, "count": 5, "raters": 5}) == {"average": 4.6, "count": 5}
    assert ratings.shown({"total": 106, "count": 23, "raters": 20}) == {"average": 4.6, "count": 23}


def test_the_comment_category_follows_the_answers():
    assert ratings.comment_category(ANSWERS) == "fees"
    assert ratings.comment_category({**ANSWERS, "no_fees_charged": True}) == "housing"
    assert ratings.comment_category({**ANSWERS, "no_fees_charged": True, "paid_on_time": False}) == "wages"
    assert ratings.comment_category({k: True for k in ANSWERS}) == "other"
