"""A worker rates a completed season, over the real Kafka and the database: the rating and ``placement.rated``,
the ethics service's review flag and the matcher's placement record (each service in its own process and
database, as in production), and the employer's average on the cards once five workers rated it."""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import uuid
from contextlib import contextmanager

from pymongo import MongoClient

from ethics import worker as ethics_worker
from matcher import worker as matcher_worker
from services.events import PLACEMENT_COMPLETED, PLACEMENT_RATED, new_event
from services.worker import run_worker
from tests.integration.helpers import apart, envelopes, eventually, read_topic, spawned
from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    app,
    client,
    fake_matcher,
    publish,
    reviewed_offer,
    sign_up,
    workers_worker,
)
from workers.handlers import on_placement_rated
from workers.models import EmployerRating

SEASON = {"start": "2027-08-01", "end": "2027-10-31"}
FINE = {"paid_on_time": True, "housing_as_promised": True, "no_fees_charged": True, "treated_with_respect": True}


@contextmanager
def ethics_and_matcher(settings):
    """The ethics and matcher workers, each in its own process with its own database, until the block ends;
    yields their databases."""
    ethics, matcher = apart(settings, "ethics"), apart(settings, "matcher")
    databases = MongoClient(settings.mongo_url)
    try:
        with spawned((run_worker, ("ethics", ethics_worker.HANDLERS, ethics_worker.OUTBOX_DOCUMENTS),
                      {"settings": ethics}),
                     (matcher_worker.run, (), {"settings": matcher})):
            yield databases[ethics.mongo_db], databases[matcher.mongo_db]
    finally:
        for name in (ethics.mongo_db, matcher.mongo_db):
            databases.drop_database(name)


def completed_season(client, workers_worker, worker_id, auth, employer_id):
    """An offer of ``employer_id`` the worker accepted and whose season the employer completed (its rating of
    the worker: 4); the offer's id once the workers service shows it completed."""
    sent = reviewed_offer(worker_id)
    sent.payload["employer_id"] = employer_id
    publish(workers_worker, sent)
    eventually(lambda: client.get(f"/api/v1/me/offers/{sent.subject}", headers=auth).status_code == 200,
               "the offer in the inbox", timeout=90)
    assert client.post(f"/api/v1/me/offers/{sent.subject}/accept", headers=auth).status_code == 200
    publish(workers_worker, new_event(PLACEMENT_COMPLETED, "employers", sent.subject, {
        "offer_id": sent.subject, "vacancy_id": "vac00", "worker_id": worker_id, "employer_id": employer_id,
        "season": SEASON, "completed": True, "employer_rating": 4, "worker_rating": None}))
    eventually(lambda: client.get(f"/api/v1/me/offers/{sent.subject}", headers=auth).get_json()["status"]
               == "completed", "the season completed", timeout=90)
    return sent.subject


def rating(stars=5, **answers):
    return {"employer_rating": stars, "recruiter_rating": 3, "answers": {**FINE, **answers}}


def events_about(settings, topic, subject):
    def found():
        return [e for e in envelopes(read_topic(settings, topic, expected=0, timeout=2)) if e.subject == subject]

    return eventually(found, f"{topic} about {subject}", timeout=90, interval=1)


def test_a_rated_season_reaches_the_event_the_ethics_flag_and_the_matchers_record(client, workers_worker, settings):
    employer = f"emp-{uuid.uuid4().hex[:6]}"
    worker_id, auth = sign_up(client)
    with ethics_and_matcher(settings) as (ethics_db, matcher_db):
        sent = reviewed_offer(worker_id)
        sent.payload["employer_id"] = employer
        publish(workers_worker, sent)
        eventually(lambda: client.get(f"/api/v1/me/offers/{sent.subject}", headers=auth).status_code == 200,
                   "the offer in the inbox", timeout=90)
        path = f"/api/v1/me/offers/{sent.subject}/rating"
        assert client.post(path, json=rating(), headers=auth).status_code == 409  # not completed yet
        assert client.post(f"/api/v1/me/offers/{sent.subject}/accept", headers=auth).status_code == 200
        publish(workers_worker, new_event(PLACEMENT_COMPLETED, "employers", sent.subject, {
            "offer_id": sent.subject, "vacancy_id": "vac00", "worker_id": worker_id, "employer_id": employer,
            "season": SEASON, "completed": True, "employer_rating": 4, "worker_rating": None}))
        eventually(lambda: client.get(f"/api/v1/me/offers/{sent.subject}", headers=auth).get_json()["status"]
                   == "completed", "the season completed", timeout=90)

        bad = client.post(path, json={"employer_rating": 9, "answers": {"paid_on_time": "yes"}}, headers=auth)
        assert bad.status_code == 422 and set(bad.get_json()["error"]["fields"]) == {"employer_rating", "answers"}
        assert client.post(path, data="{", headers={**auth, "Content-Type": "application/json"}).status_code == 400
        assert client.get(f"/api/v1/me/offers/{sent.subject}", headers=auth).get_json()["rating"] is None

        created = client.post(path, json=rating(1, no_fees_charged=False), headers=auth)
        assert created.status_code == 201, created.get_json()
        assert created.get_json()["rating"]["employer_rating"] == 1
        assert client.post(path, json=rating(5), headers=auth).status_code == 409  # rated already
        other_id, other_auth = sign_up(client)
        assert client.post(path, json=rating(5), headers=other_auth).status_code == 404  # not theirs

        [event] = events_about(workers_worker, PLACEMENT_RATED, sent.subject)
        assert event.source == "workers" and event.payload == {
            "offer_id": sent.subject, "vacancy_id": "vac00", "employer_id": employer, "worker_id": worker_id,
            "recruiter": {"name": "Agencia X", "licence": "ON-RA-1234"}, "employer_rating": 1,
            "recruiter_rating": 3, "answers": {**FINE, "no_fees_charged": False}}

        flag = eventually(lambda: ethics_db["flags"].find_one({"key": f"rating:{sent.subject}:rating-fees-charged"}),
                          "the ethics service's review flag", timeout=120, interval=1)
        assert (flag["employer_id"], flag["severity"], flag["status"]) == (employer, "review", "open")
        assert ethics_db["flags"].count_documents({"employer_id": employer}) == 1  # paid on time: no other flag

        def both_sides():
            found = matcher_db["placements"].find_one({"_id": sent.subject})
            return found if found and found.get("worker_rating") and found.get("season") else None

        placement = eventually(both_sides, "the matcher's placement with both sides", timeout=120, interval=1)
        assert (placement["worker_id"], placement["employer_id"]) == (worker_id, employer)
        assert (placement["worker_rating"], placement["employer_rating"]) == (1, 4)


def test_the_employers_average_is_shown_from_the_fifth_worker_and_a_replay_counts_once(
        client, workers_worker, settings):
    employer = "emp1"  # the employer of some of the fake matcher's cards (vac01, vac05, ...)
    raters = [sign_up(client) for _ in range(5)]
    seasons = [completed_season(client, workers_worker, worker_id, auth, employer) for worker_id, auth in raters]
    _last_id, last_auth = raters[-1]

    def shown():
        offer = client.get(f"/api/v1/me/offers/{seasons[-1]}", headers=last_auth).get_json()
        listed = client.get("/api/v1/me/offers", headers=last_auth).get_json()["items"]
        [card] = [m for m in client.get("/api/v1/me/matches", headers=last_auth).get_json()["matches"]
                  if m["vacancy_id"] == "vac01"]
        assert offer["employer_rating"] == offer["vacancy"]["employer_rating"] == listed[0]["employer_rating"]
        assert card["employer_rating"] == card["vacancy"]["employer_rating"]
        return offer["employer_rating"], card["employer_rating"]

    stars = [5, 4, 5, 4, 5]
    for n, ((_worker_id, auth), offer_id, given) in enumerate(zip(raters, seasons, stars, strict=True), start=1):
        assert client.post(f"/api/v1/me/offers/{offer_id}/rating", json=rating(given), headers=auth).status_code \
            == 201
        eventually(lambda n=n: EmployerRating.objects(id=employer, count=n).first(), f"rating {n} counted",
                   timeout=90)
        if n < 5:
            assert shown() == (None, None), n
    assert shown() == ({"average": 4.6, "count": 5},) * 2

    # The same rating handled again (a redelivery past the ledger) is not counted twice.
    [event] = events_about(workers_worker, PLACEMENT_RATED, seasons[0])
    on_placement_rated(event)
    assert shown() == ({"average": 4.6, "count": 5},) * 2


def test_one_worker_rating_many_seasons_is_one_rater(client, workers_worker):
    worker_id, auth, worker_seasons = *sign_up(client), 2
    for _ in range(worker_seasons):
        offer_id = completed_season(client, workers_worker, worker_id, auth, "emp2")
        assert client.post(f"/api/v1/me/offers/{offer_id}/rating", json=rating(5), headers=auth).status_code == 201
    counted = eventually(lambda: EmployerRating.objects(id="emp2", count=worker_seasons).first(), "both counted",
                         timeout=90)
    assert counted.raters == 1 and counted.total == 5 * worker_seasons


def test_the_openapi_document_lists_the_rating(client):
    rating_path = client.get("/openapi.json").get_json()["paths"]["/api/v1/me/offers/{offer_id}/rating"]
    assert "201" in rating_path["post"]["responses"] and "422" in rating_path["post"]["responses"]
