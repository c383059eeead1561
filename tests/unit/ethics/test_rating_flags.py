"""A worker's "fees were charged" or "not paid on time" answer puts a review flag on the employer, once."""

from __future__ import annotations

import pytest

from ethics import engine, handlers, store
from services.events import PLACEMENT_RATED, new_event
from services.flag_messages import localise

FINE = {"paid_on_time": True, "housing_as_promised": True, "no_fees_charged": True, "treated_with_respect": True}


def rated(answers, offer_id="o1"):
    return new_event(PLACEMENT_RATED, "workers", offer_id,
                     {"offer_id": offer_id, "vacancy_id": "v1", "employer_id": "e1", "worker_id": "w1",
                      "recruiter": None, "employer_rating": 2, "recruiter_rating": None, "answers": answers})


@pytest.fixture
def stored(monkeypatch):
    rows = []
    monkeypatch.setattr(store, "add_flags", rows.extend)
    monkeypatch.setattr(store, "add_rating", lambda *args: None)  # the season's ratings: see test_parties
    return rows


def test_fees_charged_and_late_pay_each_flag_the_employer_for_review(stored):
    handlers.on_placement_rated(rated({**FINE, "no_fees_charged": False, "paid_on_time": False}))
    assert {(r["rule"], r["severity"], r["employer_id"], r["document_kind"]) for r in stored} == {
        ("rating-fees-charged", "review", "e1", "rating"), ("rating-paid-late", "review", "e1", "rating")}
    assert {r["key"] for r in stored} == {"rating:o1:rating-fees-charged", "rating:o1:rating-paid-late"}
    assert all(r["document"] == {"offer_id": "o1", "vacancy_id": "v1", "answers": r["document"]["answers"]}
               for r in stored)


def test_the_same_rating_again_has_the_same_keys(stored):
    answers = {**FINE, "paid_on_time": False}
    handlers.on_placement_rated(rated(answers))
    handlers.on_placement_rated(rated(answers))  # a new event id: published again, or replayed
    assert [r["key"] for r in stored] == ["rating:o1:rating-paid-late"] * 2  # add_flags skips stored keys


@pytest.mark.parametrize("answers", [FINE, {**FINE, "housing_as_promised": False, "treated_with_respect": False},
                                     {**FINE, "no_fees_charged": None, "paid_on_time": "no"}])
def test_other_answers_raise_no_flag(stored, answers):
    handlers.on_placement_rated(rated(answers))
    assert stored == []


def test_an_event_without_employer_or_answers_is_dead_lettered(stored):
    with pytest.raises(ValueError):
        handlers.on_placement_rated(new_event(PLACEMENT_RATED, "workers", "o1", {"answers": FINE}))
    with pytest.raises(ValueError):
        handlers.on_placement_rated(new_event(PLACEMENT_RATED, "workers", "o1", {"employer_id": "e1"}))


@pytest.mark.parametrize("lang", ["es", "fr", "pt", "ht"])
def test_the_messages_are_localised(lang):
    for flag in engine.rating_flags({"no_fees_charged": False, "paid_on_time": False}):
        assert localise(flag.message, lang) != flag.message
