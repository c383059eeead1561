"""The matcher over the real broker and the database: events in, rankings out of the index that follows them.

The matcher worker (a thread here) keeps the read model in the database;
the web app's ranking index is built from it and follows the topics.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import replace

import pytest

from matcher.app import create_app
from matcher.models import EmployerRecord, VacancyRecord
from matcher.worker import run
from services.events import (
    PLACEMENT_COMPLETED,
    VACANCY_CLOSED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    WORKER_PROFILE_UPDATED,
    new_event,
)
from services.ledger import HandledEvent
from tests.documents import vacancy
from tests.integration.helpers import eventually, mint_token, publish


@pytest.fixture
def matcher_worker(settings, database):
    """The matcher worker (the database side) in a thread."""
    stop = threading.Event()
    worker_settings = replace(settings, consumer_max_attempts=1)
    thread = threading.Thread(target=run, kwargs={"settings": worker_settings, "stop": stop}, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join()  # until it has stopped: left running, it would use the next test's database


@pytest.fixture
def matcher_app(settings, matcher_worker):
    """The matcher web app with its own ranking index, once built."""
    app = create_app({"TESTING": True}, settings=settings)
    index = app.extensions["matcher_index"]
    eventually(lambda: index.ready, "the ranking index built and caught up", timeout=120)
    yield app
    index.stop()


@pytest.fixture
def matcher(settings, matcher_app):
    """A client of the matcher's API with a service token."""
    client = matcher_app.test_client()
    token = mint_token(settings, "workers", "service", 600)
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


def applied_by(app) -> set:
    """The ids of the events the app's index is handed from now on (its tail's handler, observed)."""
    tail, seen = app.extensions["matcher_index"].tail, set()
    handle = tail.handle

    def observed(topic, envelope):
        handle(topic, envelope)
        seen.add(envelope.id)

    tail.handle = observed
    return seen


def tag(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def profile(**changes) -> dict:
    base = {"display_name": "Ana", "origin_country": "GT", "birth_year": 1994, "languages": ["es"],
            "skills": ["fruit picking", "pruning"], "certifications": [],
            "availability": [{"start": "2027-03-01", "end": "2027-11-30"}], "preferred_countries": ["CA"],
            "pathways": ["seasonal", "circular"]}
    return {**base, **changes}


def profile_event(worker_id, revision=1, **changes):
    return new_event(WORKER_PROFILE_UPDATED, "workers", worker_id,
                     {"worker_id": worker_id, "revision": revision, "profile": profile(**changes)})


# Better paid than the other tests' vacancies (the topics carry theirs too), so ours top the lists.
WELL_PAID = {"amount": 30.0, "currency": "CAD", "per": "hour"}


def reviewed(vacancy_id, employer_id, verdict="pass", revision=1, **changes):
    payload = {"kind": "vacancy", "vacancy_id": vacancy_id, "employer_id": employer_id, "employer_name": "Orchard",
               "verdict": verdict, "flags": [], "rules_version": "test", "revision": revision}
    if verdict != "block":
        payload["vacancy"] = vacancy(**{"wage": WELL_PAID, **changes})
    return new_event(VACANCY_REVIEWED, "ethics", vacancy_id, payload)


def matches(client, worker_id, among):
    """The worker's matches among this test's vacancies (the topics also carry other tests' events)."""
    response = client.get(f"/api/v1/workers/{worker_id}/matches?limit=100")
    if response.status_code != 200:
        return None
    return [m["vacancy_id"] for m in response.get_json()["matches"] if m["vacancy_id"] in among]


def candidates(client, vacancy_id, among):
    response = client.get(f"/api/v1/vacancies/{vacancy_id}/candidates?limit=100")
    if response.status_code != 200:
        return None
    return [c["worker_id"] for c in response.get_json()["candidates"] if c["worker_id"] in among]


def test_rankings_follow_verdicts_profiles_and_closing(settings, matcher_app, matcher):
    ana, luis = tag("w"), tag("w")
    fair, blocked, employer = tag("v"), tag("v"), tag("e")
    publish(settings, profile_event(ana),
            profile_event(luis, availability=[{"start": "2027-01-01", "end": "2027-05-31"}]),
            reviewed(fair, employer), reviewed(blocked, employer, verdict="block"))

    mine = {fair, blocked}
    eventually(lambda: matches(matcher, ana, mine) == [fair], "the fair vacancy in Ana's matches")
    body = matcher.get(f"/api/v1/workers/{ana}/matches?limit=100").get_json()
    [first] = [m for m in body["matches"] if m["vacancy_id"] == fair]
    assert first["reasons"] and first["reasons"][-1] == "the season fits your availability"
    assert first["reason_keys"][-1] == "season_fits_availability" and 0 < first["score"] <= 1
    assert "vacancy" not in first and body["updated_at"]  # the workers service keeps the cards
    eventually(lambda: candidates(matcher, fair, {ana, luis}) == [ana], "Ana, and not Luis, among the candidates")
    [candidate] = [c for c in matcher.get(f"/api/v1/vacancies/{fair}/candidates?limit=100").get_json()["candidates"]
                   if c["worker_id"] == ana]
    assert candidate["worker"]["display_name"] == "Ana" and "birth_year" not in candidate["worker"]
    assert candidate["worker"]["past_seasons"] == 0 and candidate["reasons"]
    assert matcher.get(f"/api/v1/vacancies/{blocked}/candidates").status_code == 404
    assert matches(matcher, luis, mine) == []

    publish(settings, new_event(VACANCY_CLOSED, "employers", fair,
                                {"vacancy_id": fair, "employer_id": employer, "status": "filled"}))
    eventually(lambda: matches(matcher, ana, mine) == [], "the filled vacancy gone from Ana's matches")
    assert matcher.get(f"/api/v1/vacancies/{fair}/candidates").status_code == 404
    # A late verdict does not reopen a filled vacancy, in the database or in the index.
    seen = applied_by(matcher_app)
    late, edited = reviewed(fair, employer, revision=5), profile_event(ana, revision=2, skills=["fruit picking"])
    publish(settings, late, edited)
    eventually(lambda: {late.id, edited.id} <= seen, "the late verdict and the new profile applied by the index")
    eventually(lambda: HandledEvent.objects(event_id=late.id).first(), "the late verdict handled by the worker")
    assert VacancyRecord.objects.get(id=fair).status == "closed"
    index = matcher_app.extensions["matcher_index"]
    eventually(lambda: index.worker_profile(ana)["skills"] == ["fruit picking"], "the new profile folded in")
    assert matches(matcher, ana, mine) == []
    assert matcher.get(f"/api/v1/vacancies/{fair}/candidates").status_code == 404


def test_a_good_season_with_an_employer_ranks_its_vacancy_first_next_year(settings, matcher):
    ana, known, unknown = tag("w"), tag("e"), tag("e")
    # The same job at two employers: tied, they list in id order, so "other" comes first until the placement.
    other, returning = tag("v-0"), tag("v-z")
    publish(settings, profile_event(ana), reviewed(other, unknown), reviewed(returning, known))
    mine = {other, returning}
    eventually(lambda: matches(matcher, ana, mine) == [other, returning], "both vacancies listed, tied")

    placement = {"offer_id": tag("o"), "vacancy_id": tag("v"), "worker_id": ana, "employer_id": known,
                 "season": {"start": "2026-08-01", "end": "2026-10-31"}, "completed": True,
                 "employer_rating": 5, "worker_rating": 5}
    publish(settings, new_event(PLACEMENT_COMPLETED, "employers", placement["offer_id"], placement))
    eventually(lambda: matches(matcher, ana, mine) == [returning, other], "the returning employer first")
    [top] = [m for m in matcher.get(f"/api/v1/workers/{ana}/matches?limit=100").get_json()["matches"]
             if m["vacancy_id"] == returning]
    assert top["reason_keys"][0] == "worked_here_last_season"
    assert top["reasons"][0] == "you worked here last season"
    itineraries = matcher.get(f"/api/v1/workers/{ana}/itineraries").get_json()["itineraries"]
    assert itineraries and itineraries[0]["vacancy_ids"]


def test_each_event_acts_once_and_older_revisions_change_nothing(settings, matcher):
    employer, vacancy_id = tag("e"), tag("v")
    event = reviewed(vacancy_id, employer)
    publish(settings, event, event)
    eventually(lambda: VacancyRecord.objects(id=vacancy_id, status="open").first(), "the vacancy open")
    resubmitted = new_event(VACANCY_SUBMITTED, "employers", vacancy_id,
                            {"vacancy": vacancy(), "employer_id": employer, "revision": 2})
    publish(settings, resubmitted, reviewed(vacancy_id, employer, revision=1, title="Stale"))
    eventually(lambda: VacancyRecord.objects(id=vacancy_id, status="pending").first(), "the new revision pending")
    last = reviewed(vacancy_id, employer, revision=2, title="Edited")
    publish(settings, last)
    # The handler writes the vacancy, then the employer's count: wait until it has finished.
    eventually(lambda: HandledEvent.objects(event_id=last.id).first(), "revision 2 handled")
    record = VacancyRecord.objects.get(id=vacancy_id, status="open")
    assert record.document["title"] == "Edited"
    assert EmployerRecord.objects.get(id=employer).reviewed == 3  # the duplicate counted once


def test_the_read_api_is_for_services_only(settings, matcher):
    matcher.environ_base.pop("HTTP_AUTHORIZATION")
    assert matcher.get("/api/v1/workers/w1/matches").status_code == 401
    # A worker's token is signed with the workers' own key, which the matcher does not accept.
    token = mint_token(settings, "w1", "worker", 600)
    response = matcher.get("/api/v1/workers/w1/matches", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"
    service = mint_token(settings, "workers", "service", 600)
    unknown = matcher.get(f"/api/v1/workers/{tag('w')}/matches?limit=0", headers={"Authorization": f"Bearer {service}"})
    assert unknown.status_code == 422


def test_a_season_already_under_way_is_not_offered(settings, matcher):
    worker, employer, started, coming = tag("w"), tag("e"), tag("v-0"), tag("v-z")
    both_years = [{"start": "2025-01-01", "end": "2027-12-31"}]
    publish(settings, profile_event(worker, availability=both_years),
            reviewed(started, employer, season={"start": "2026-06-01", "end": "2026-09-30"}),
            reviewed(coming, employer))
    eventually(lambda: matches(matcher, worker, {started, coming}) == [coming], "only the season still to come")


def test_a_verdict_read_before_its_submission_still_opens_the_vacancy(settings, matcher_app, matcher):
    worker, employer, vacancy_id = tag("w"), tag("e"), tag("v-0")
    submitted = new_event(VACANCY_SUBMITTED, "employers", vacancy_id,
                          {"vacancy": vacancy(), "employer_id": employer, "revision": 1})
    # Two topics, so the matcher may read the verdict first.
    publish(settings, profile_event(worker), reviewed(vacancy_id, employer))
    eventually(lambda: matches(matcher, worker, {vacancy_id}) == [vacancy_id], "the vacancy among the matches")
    seen = applied_by(matcher_app)
    publish(settings, submitted)
    eventually(lambda: HandledEvent.objects(event_id=submitted.id).first(), "the late submission handled")
    eventually(lambda: submitted.id in seen, "the late submission applied by the index")
    assert VacancyRecord.objects.get(id=vacancy_id).status == "open"
    assert matches(matcher, worker, {vacancy_id}) == [vacancy_id]
