"""The workers service keeps each worker's matches from ``matches.updated`` and serves them itself (real database)."""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import uuid
from dataclasses import replace

from services.events import MATCHES_UPDATED, new_event
from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    PASSWORD,
    app,
    client,
    fake_matcher,
    realistic_matches,
    sign_up,
)
from workers.match_lists import MatchList, receive_matches, stored_answer, stored_matches


def updated(worker_id: str, matches, occurred_at: str = "2026-11-29T10:00:00.000Z"):
    """``matches.updated`` for a worker, as the matcher's refresher sends it (``matches`` None: an older matcher)."""
    payload = {"kind": "worker", "worker_id": worker_id, "ids": [m["vacancy_id"] for m in matches or []],
               "count": len(matches or [])}
    if matches is not None:
        payload["matches"] = matches
    return replace(new_event(MATCHES_UPDATED, "matcher", worker_id, payload), occurred_at=occurred_at)


def ids(body: dict) -> list[str]:
    return [m["vacancy_id"] for m in body["matches"]]


def test_stored_matches_are_served_without_asking_the_matcher(client, fake_matcher):
    worker_id, auth = sign_up(client)
    receive_matches(updated(worker_id, realistic_matches(25)))
    plain = client.get("/api/v1/me/matches", headers=auth)
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
    body = plain.get_json()
    assert ids(body) == [f"vac{i:02d}" for i in range(20)] and body["preparing"] is False
    assert body["updated_at"] == "2026-11-29T10:00:00.000Z"
    assert body["matches"][0]["reason_keys"][0] == "skills_match"
    assert body["matches"][0]["vacancy"]["employer_name"] == "Farm 0"
    zipped = client.get("/api/v1/me/matches", headers={**auth, "Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(zipped.get_data())) == body
    assert not [c for c in fake_matcher.calls if c[0] == "matches"]


def test_a_blocked_or_broken_vacancy_in_an_event_is_never_stored(client):
    worker_id, auth = sign_up(client)
    matches = realistic_matches(3)
    matches[0]["vacancy"]["status"] = "blocked"
    matches[1]["vacancy"]["wage"] = "a lot"
    receive_matches(updated(worker_id, matches))
    assert ids(client.get("/api/v1/me/matches", headers=auth).get_json()) == ["vac02"]


def test_an_older_event_changes_nothing_and_one_without_matches_hands_back_to_the_matcher(client, fake_matcher):
    worker_id, auth = sign_up(client)
    receive_matches(updated(worker_id, realistic_matches(2), occurred_at="2026-11-29T10:00:02.000Z"))
    receive_matches(updated(worker_id, realistic_matches(5), occurred_at="2026-11-29T10:00:01.000Z"))
    assert ids(client.get("/api/v1/me/matches", headers=auth).get_json()) == ["vac00", "vac01"]
    receive_matches(updated(worker_id, None, occurred_at="2026-11-29T10:00:01.500Z"))
    assert MatchList.objects(id=worker_id).count() == 1  # older too: kept
    receive_matches(updated(worker_id, None, occurred_at="2026-11-29T10:00:03.000Z"))
    assert MatchList.objects(id=worker_id).count() == 0
    body = client.get("/api/v1/me/matches", headers=auth).get_json()
    assert len(body["matches"]) == 20 and [c for c in fake_matcher.calls if c[0] == "matches"]


def test_a_season_begun_since_is_left_out_on_reading(client):
    worker_id, _ = sign_up(client)
    receive_matches(updated(worker_id, realistic_matches(6)))  # seasons start on the 1st of March to August 2027
    before = dt.date(2027, 1, 1)
    assert stored_answer(worker_id, today=before) == MatchList.objects.get(id=worker_id).answer
    in_may = dt.date(2027, 5, 10)
    assert ids(stored_matches(worker_id, today=in_may)) == ["vac03", "vac04", "vac05"]
    assert ids(json.loads(gzip.decompress(stored_answer(worker_id, today=in_may)))) == ["vac03", "vac04", "vac05"]
    assert stored_answer("no-such-worker") is None and stored_matches("no-such-worker") is None


def test_the_matches_page_reads_the_stored_matches(client, fake_matcher):
    email = f"reader-{uuid.uuid4().hex[:8]}@example.org"
    worker_id, _ = sign_up(client, email=email)
    receive_matches(updated(worker_id, realistic_matches(4)))
    form = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    assert client.post("/login", data={"csrf_token": token, "email": email, "password": PASSWORD}).status_code == 302
    page = client.get("/matches")
    assert page.status_code == 200 and page.get_data(as_text=True).count('href="/matches/vac0') == 4
    assert not [c for c in fake_matcher.calls if c[0] == "matches"]
