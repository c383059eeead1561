"""The workers app without a database: languages, money and dates, the matcher's ranking from a fake, gzip, wiring."""

from __future__ import annotations

import gzip

import pytest
from werkzeug.datastructures import MultiDict

from services import events as ev
from services.config import Settings
from services.matcher_client import MatcherUnavailable
from workers import formatting, matches
from workers.app import create_app
from workers.models import Erasure, FairnessTally, Grievance, Offer, Worker
from workers.pages_profile import form_profile
from workers.worker import HANDLERS, OUTBOX_DOCUMENTS


class FakeMatcher:
    def __init__(self, answer=None, error=None):
        self.answer, self.error = answer, error

    def matches(self, worker_id, limit=20):
        if self.error:
            raise self.error
        return self.answer

    def itineraries(self, worker_id):
        return {"itineraries": []}


@pytest.fixture
def app():
    settings = Settings(service="workers", secret_key="unit-test-secret-key-0123456789",
                        mongo_url="mongodb://127.0.0.1:1")
    return create_app({"TESTING": True, "MATCHER_CLIENT": FakeMatcher()}, settings)


def test_the_worker_process_is_wired():
    assert set(HANDLERS) == {ev.OFFER_REVIEWED, ev.OFFER_WITHDRAWN, ev.PLACEMENT_COMPLETED, ev.PLACEMENT_RATED,
                             ev.VACANCY_SUBMITTED, ev.VACANCY_REVIEWED, ev.VACANCY_CLOSED, ev.GRIEVANCE_FILED,
                             ev.GRIEVANCE_DECIDED, ev.CANDIDATES_SHOWN}
    assert set(OUTBOX_DOCUMENTS) == {Worker, Offer, Grievance, Erasure, FairnessTally}


def test_a_test_app_follows_no_events_and_so_caches_nothing(app):
    assert "match_tail" not in app.extensions and not app.extensions["match_cache"].enabled


def test_a_matcher_answer_that_is_not_an_object_is_the_matcher_being_unavailable(app):
    with app.test_request_context():
        app.extensions["matcher_client"] = FakeMatcher(["not", "an", "object"])
        with pytest.raises(MatcherUnavailable):
            matches.ranking("w1", 20)
        app.extensions["matcher_client"] = FakeMatcher(error=MatcherUnavailable("down"))
        with pytest.raises(MatcherUnavailable):
            matches.ranking("w1", 20)
        app.extensions["matcher_client"] = FakeMatcher(None)
        assert matches.ranking("w1", 20) is None


def test_the_ranking_keeps_ids_scores_and_reasons_only(app):
    with app.test_request_context():
        app.extensions["matcher_client"] = FakeMatcher({"updated_at": 5, "matches": [
            {"vacancy_id": "v1", "score": "0.5", "reasons": ["r"], "reason_keys": ["skills_match"],
             "vacancy": {"title": "from an older matcher: not read"}},
            {"vacancy_id": "v2", "score": None}, {"vacancy_id": ""}, {"vacancy_id": "v3", "reasons": "x"}, "junk"]})
        assert matches.ranking("w1", 20) == {"updated_at": None, "matches": [
            {"vacancy_id": "v1", "score": 0.5, "reasons": ["r"], "reason_keys": ["skills_match"]},
            {"vacancy_id": "v2", "score": 0.0, "reasons": [], "reason_keys": []}]}


@pytest.mark.parametrize("language, expected", [("es", "1 de agosto de 2027"), ("fr", "1 août 2027"),
                                                ("pt", "1 de agosto de 2027"), ("ht", "1 out 2027"),
                                                ("en", "August 1, 2027")])
def test_dates_in_the_readers_language(app, language, expected):
    with app.test_request_context(f"/?lang={language}"):
        assert formatting.day("2027-08-01") == expected


def test_pay_per_hour_and_week_whatever_the_period(app):
    assert formatting.pay({"amount": 20, "currency": "CAD", "per": "hour"}, 40) == {
        "hourly": 20, "weekly": 800, "currency": "CAD"}
    assert formatting.pay({"amount": 1000, "currency": "CAD", "per": "week"}, 50)["hourly"] == 20
    assert formatting.pay({"amount": 100, "currency": "CAD", "per": "day"}, 40)["weekly"] == 500
    offer = {"housing": {"provided": True, "weekly_deduction": 30},
             "deductions": [{"label": "meals", "amount": 40, "per": "week"},
                            {"label": "tools", "amount": 70, "per": "season"}]}
    ten_weeks = {"start": "2027-08-01", "end": "2027-10-09"}
    assert formatting.weekly_deductions(offer, ten_weeks) == pytest.approx(30 + 40 + 70 / 10)
    with app.test_request_context("/?lang=es"):
        assert formatting.money(19.6, "CAD") == "19,60\xa0CAD"


def test_the_profile_form_becomes_the_profile_document():
    form = MultiDict([("name", "Ana"), ("languages", "es"), ("languages", "ht"), ("skills", "a, b\nc\n\n"),
                      ("start_0", "2027-01-01"), ("end_0", "2027-02-01"), ("start_3", "2027-05-01"),
                      ("end_3", ""), ("birth_year", " "), ("gender", "")])
    profile = form_profile(form)
    assert profile["languages"] == ["es", "ht"] and profile["skills"] == ["a", "b", "c"]
    assert profile["availability"] == [{"start": "2027-01-01", "end": "2027-02-01"},
                                       {"start": "2027-05-01", "end": ""}]
    assert profile["birth_year"] is None and profile["gender"] is None


@pytest.mark.parametrize("language, phrase", [("es", "Elija su idioma"), ("ht", "Chwazi lang ou")])
def test_the_first_screen_offers_every_language(app, language, phrase):
    page = app.test_client().get("/").get_data(as_text=True)
    assert phrase in page and all(f'lang="{code}"' in page for code in ("en", "es", "fr", "pt", "ht"))


def test_pages_are_compressed_and_static_files_cached_long(app):
    client = app.test_client()
    page = client.get("/rights?lang=pt", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in page.headers["Vary"]
    assert "Seus direitos" in gzip.decompress(page.data).decode()
    assert client.get("/rights?lang=pt").headers.get("Content-Encoding") is None
    css = client.get("/static/workers.css", headers={"Accept-Encoding": "gzip"})
    assert css.headers["Content-Encoding"] == "gzip" and "max-age=31536000" in css.headers["Cache-Control"]
    assert client.get("/sw.js").headers["Cache-Control"] == "no-cache"


def test_the_manifest_is_in_the_readers_language(app):
    manifest = app.test_client().get("/manifest.webmanifest?lang=fr").get_json()
    assert manifest["short_name"] == "Travail équitable" and manifest["start_url"] == "/matches"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def test_pages_need_a_signed_in_worker(app):
    response = app.test_client().get("/matches")
    assert response.status_code == 302 and "/login?next=" in response.headers["Location"]
