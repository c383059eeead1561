"""/me/matches from the matcher's read-time ranking and the workers service's own vacancy cards, cached per
process and dropped by the events (real database and Kafka; the matcher is a fake)."""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import gzip
import json
import re
import uuid
from dataclasses import replace

import pytest

from services.events import MATCHES_UPDATED, VACANCY_CLOSED, VACANCY_SUBMITTED, new_event
from services.worker import run_upgrades
from tests.documents import vacancy
from tests.integration.helpers import eventually
from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    PASSWORD,
    app,
    as_shown,
    client,
    fake_matcher,
    following_app,
    publish,
    realistic_matches,
    reviewed_vacancy,
    sign_up,
    workers_worker,
)
from workers import store
from workers.app import create_app
from workers.handlers import on_vacancy_closed, on_vacancy_reviewed, on_vacancy_submitted
from workers.models import VacancyCard, Worker

GZIP = {"Accept-Encoding": "gzip, deflate"}


def ids(body: dict) -> list[str]:
    return [m["vacancy_id"] for m in body["matches"]]


def card(vacancy_id: str = "", **changes) -> dict:
    """A vacancy card as the matcher's ``VacancyRecord.card()`` made it."""
    return {**vacancy(**changes), "id": vacancy_id or f"v{uuid.uuid4().hex[:10]}", "employer_id": "emp1",
            "employer_name": "Farm 1"}


def submitted(vacancy_id: str, revision: int):
    return new_event(VACANCY_SUBMITTED, "employers", vacancy_id, {"vacancy": vacancy(), "employer_id": "emp1",
                                                                  "employer_name": "Farm 1", "revision": revision})


def closed(vacancy_id: str):
    return new_event(VACANCY_CLOSED, "employers", vacancy_id, {"vacancy_id": vacancy_id, "employer_id": "emp1",
                                                               "status": "filled"})


def notice(worker_id: str):
    """``matches.updated`` for a worker whose first 20 changed, as the matcher sends it."""
    return new_event(MATCHES_UPDATED, "matcher", worker_id, {
        "kind": "worker", "worker_id": worker_id, "count": 1,
        "matches": [{"vacancy_id": "vac05", "score": 0.9, "reason_keys": ["skills_match"]}]})


def shown(vacancy_id: str) -> dict | None:
    return store.cards([vacancy_id]).get(vacancy_id)


# --- the cards, by the matcher's revision rules ------------------------------------------------------------------

def test_a_card_follows_its_latest_revision_and_a_closed_vacancy_never_comes_back(database):
    first, second = card(title="Apple picker"), card(title="Apple and pear picker")
    second["id"] = vacancy_id = first["id"]
    on_vacancy_reviewed(reviewed_vacancy(first, revision=1))
    assert shown(vacancy_id) == first
    on_vacancy_submitted(submitted(vacancy_id, 2))  # edited: under review again
    assert shown(vacancy_id) is None
    on_vacancy_reviewed(reviewed_vacancy(first, revision=1))  # the old verdict, delivered again
    assert shown(vacancy_id) is None
    on_vacancy_reviewed(reviewed_vacancy(second, verdict="flag", revision=2))
    assert shown(vacancy_id)["title"] == "Apple and pear picker"
    on_vacancy_submitted(submitted(vacancy_id, 2))  # its submission read after its verdict
    assert shown(vacancy_id)["title"] == "Apple and pear picker"
    on_vacancy_reviewed(reviewed_vacancy(second, verdict="block", revision=3))
    on_vacancy_reviewed(reviewed_vacancy(second, revision=2))
    assert shown(vacancy_id) is None
    on_vacancy_reviewed(reviewed_vacancy(second, revision=4))
    assert shown(vacancy_id) is not None
    on_vacancy_closed(closed(vacancy_id))
    on_vacancy_reviewed(reviewed_vacancy(second, revision=9))
    on_vacancy_submitted(submitted(vacancy_id, 10))
    assert shown(vacancy_id) is None and VacancyCard.objects.get(id=vacancy_id).status == "closed"


def test_a_document_that_is_not_the_contracts_vacancy_is_refused_and_hides_the_older_card(database):
    good = card()
    on_vacancy_reviewed(reviewed_vacancy(good, revision=1))
    broken = {**good, "wage": "a lot"}
    with pytest.raises(ValueError, match="not a contract vacancy"):
        on_vacancy_reviewed(reviewed_vacancy(broken, revision=2))
    assert shown(good["id"]) is None
    passed_without_terms = reviewed_vacancy(card(), revision=1)
    del passed_without_terms.payload["vacancy"]
    on_vacancy_reviewed(passed_without_terms)
    assert shown(passed_without_terms.subject) is None
    with pytest.raises(ValueError, match="verdict"):
        on_vacancy_reviewed(replace(reviewed_vacancy(card()), payload={"verdict": "maybe"}))


def test_the_workers_worker_keeps_the_cards_from_kafka(database, workers_worker):
    kept, blocked = card(), card()
    publish(workers_worker, reviewed_vacancy(kept), reviewed_vacancy(blocked),
            reviewed_vacancy(blocked, verdict="block", revision=2))
    eventually(lambda: shown(kept["id"]), "the passed vacancy's card")
    eventually(lambda: VacancyCard.objects(id=blocked["id"], revision=2).first(), "the block of the other")
    assert shown(blocked["id"]) is None
    publish(workers_worker, closed(kept["id"]))
    eventually(lambda: shown(kept["id"]) is None, "the closed vacancy's card gone")


def test_the_upgrade_drops_the_stored_match_lists(database):
    database["match_lists"].insert_one({"_id": "w1", "answer": b"old"})
    run_upgrades((store.drop_match_lists,))
    assert "match_lists" not in database.list_collection_names()


# --- /me/matches --------------------------------------------------------------------------------------------------

def test_matches_are_the_matchers_ranking_with_this_services_cards(client, fake_matcher):
    _, auth = sign_up(client)
    plain = client.get("/api/v1/me/matches", headers=auth)
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
    body = plain.get_json()
    assert body == {"matches": as_shown(realistic_matches(20)), "preparing": False,
                    "updated_at": "2026-11-28T10:00:00Z"}
    zipped = client.get("/api/v1/me/matches", headers={**auth, **GZIP})
    assert zipped.headers["Content-Encoding"] == "gzip" and json.loads(gzip.decompress(zipped.get_data())) == body


def test_the_token_of_an_account_gone_reads_no_matches(client, fake_matcher):
    worker_id, auth = sign_up(client)
    assert client.get("/api/v1/me/matches", headers=auth).status_code == 200
    Worker.objects(id=worker_id).delete()
    response = client.get("/api/v1/me/matches", headers=auth)
    assert response.status_code == 401 and response.get_json()["error"]["message"] == "This account no longer exists."


def test_a_vacancy_blocked_or_without_a_card_is_never_shown(client, fake_matcher):
    _, auth = sign_up(client)
    listed = realistic_matches(20)
    on_vacancy_reviewed(reviewed_vacancy(listed[0]["vacancy"], verdict="block", revision=2))
    on_vacancy_submitted(submitted("vac01", 2))
    on_vacancy_closed(closed("vac02"))
    VacancyCard.objects(id="vac03").delete()  # never reviewed here
    assert ids(client.get("/api/v1/me/matches", headers=auth).get_json()) == [f"vac{i:02d}" for i in range(4, 20)]


def test_a_season_begun_is_left_out(client, fake_matcher):
    _, auth = sign_up(client)
    begun = realistic_matches(1)[0]["vacancy"]
    begun["season"] = {"start": "2026-01-05", "end": "2027-12-20"}
    on_vacancy_reviewed(reviewed_vacancy(begun, revision=2))
    assert "vac00" not in ids(client.get("/api/v1/me/matches", headers=auth).get_json())


def test_being_prepared_and_the_matcher_down(client, fake_matcher):
    _, auth = sign_up(client)
    fake_matcher.preparing = True
    assert client.get("/api/v1/me/matches", headers=auth).get_json() == {
        "matches": [], "updated_at": None, "preparing": True}

    def down(*_args, **_kwargs):
        from services.matcher_client import MatcherUnavailable
        raise MatcherUnavailable("down")

    fake_matcher.matches = down
    response = client.get("/api/v1/me/matches", headers=auth)
    assert response.status_code == 503 and response.get_json()["error"]["code"] == "service_unavailable"
    web_sign_in(client)
    page = client.get("/matches")
    assert page.status_code == 503


# --- the cache ------------------------------------------------------------------------------------------------------

def test_a_cached_answer_is_served_without_asking_the_matcher(following_app, fake_matcher):
    client = following_app.test_client()
    worker_id, auth = sign_up(client)
    first = client.get("/api/v1/me/matches", headers={**auth, **GZIP})
    second = client.get("/api/v1/me/matches", headers={**auth, **GZIP})
    assert fake_matcher.calls_of(worker_id) == 1
    assert second.get_data() == first.get_data()
    assert len(json.loads(gzip.decompress(second.get_data()))["matches"]) == 20
    assert client.get("/api/v1/me/matches", headers=auth).get_json()["matches"] == as_shown(realistic_matches(20))
    assert fake_matcher.calls_of(worker_id) == 1


def test_being_prepared_is_not_cached(following_app, fake_matcher):
    client = following_app.test_client()
    worker_id, auth = sign_up(client)
    fake_matcher.preparing = True
    assert client.get("/api/v1/me/matches", headers=auth).get_json()["preparing"] is True
    fake_matcher.preparing = False
    assert len(client.get("/api/v1/me/matches", headers=auth).get_json()["matches"]) == 20
    assert fake_matcher.calls_of(worker_id) == 2


def test_a_workers_notice_on_kafka_drops_that_workers_answer_only(following_app, fake_matcher, settings):
    client = following_app.test_client()
    (worker_id, auth), (other_id, other_auth) = sign_up(client), sign_up(client)
    for headers in (auth, other_auth, auth, other_auth):
        client.get("/api/v1/me/matches", headers=headers)
    assert fake_matcher.calls_of(worker_id) == 1 and fake_matcher.calls_of(other_id) == 1
    publish(settings, notice(worker_id))
    cache = following_app.extensions["match_cache"]
    eventually(lambda: cache.get(worker_id, "2026-12-01") is None, "the notice to drop the answer")
    client.get("/api/v1/me/matches", headers=auth)
    client.get("/api/v1/me/matches", headers=other_auth)
    assert fake_matcher.calls_of(worker_id) == 2 and fake_matcher.calls_of(other_id) == 1


def test_a_vacancy_closed_leaves_the_cached_answers_at_once(following_app, fake_matcher, workers_worker):
    client = following_app.test_client()
    worker_id, auth = sign_up(client)
    assert "vac07" in ids(client.get("/api/v1/me/matches", headers=auth).get_json())
    publish(workers_worker, closed("vac07"))

    def without_it():
        return "vac07" not in ids(client.get("/api/v1/me/matches", headers=auth).get_json())

    eventually(without_it, "the closed vacancy to leave the worker's matches")
    assert fake_matcher.calls_of(worker_id) >= 2


def test_a_cache_of_0_seconds_asks_the_matcher_every_time(settings, database, fake_matcher):
    app = create_app({"TESTING": True, "MATCHER_CLIENT": fake_matcher, "LP_FOLLOW_EVENTS": True},
                     replace(settings, matches_cache_seconds=0))
    try:
        eventually(lambda: app.extensions["match_tail"].caught_up.is_set(), "the app to follow the events")
        client = app.test_client()
        worker_id, auth = sign_up(client)
        for _ in range(3):
            assert client.get("/api/v1/me/matches", headers=auth).status_code == 200
        assert fake_matcher.calls_of(worker_id) == 3 and len(app.extensions["match_cache"]) == 0
    finally:
        app.extensions["match_tail"].stop()


def test_the_pages_read_the_cached_answer(following_app, fake_matcher):
    client = following_app.test_client()
    worker_id = web_sign_in(client)
    page = client.get("/matches")
    assert page.status_code == 200 and page.get_data(as_text=True).count('href="/matches/vac') == 20
    assert client.get("/matches").status_code == 200 and client.get("/matches/vac03").status_code == 200
    assert fake_matcher.calls_of(worker_id) == 1
    assert client.get("/matches/no-such-vacancy").status_code == 404


def web_sign_in(client) -> str:
    """A worker signed in on the pages (a new account); its id."""
    email = f"reader-{uuid.uuid4().hex[:8]}@example.org"
    worker_id, _ = sign_up(client, email=email)
    form = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    assert client.post("/login", data={"csrf_token": token, "email": email, "password": PASSWORD}).status_code == 302
    return worker_id
