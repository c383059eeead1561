"""The notifications APIs of the contract on the real database: the employers' consumer tells an employer in
the language and with the consent chosen on the settings page; the workers' and employers' lists page newest
first, mark read, and keep each account to its own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from employers.app import create_app as employers_app
from employers.handlers import on_offer_responded, on_offer_reviewed
from employers.models import Employer
from employers.models import Notification as EmployerNotification
from services.events import GRIEVANCE_FILED, OFFER_RESPONDED, OFFER_REVIEWED, PLACEMENT_COMPLETED, new_event
from tests.documents import offer
from tests.integration.employers_support import FakeMatcher, csrf, web_sign_up
from tests.integration.employers_support import sign_up as employer_sign_up
from tests.integration.helpers import mint_token
from tests.integration.test_employers_api import approved_vacancy
from tests.integration.workers_support import reviewed_offer
from tests.integration.workers_support import sign_up as worker_sign_up
from workers.app import create_app as workers_app
from workers.handlers import on_grievance_filed, on_placement_completed
from workers.handlers import on_offer_reviewed as worker_on_offer_reviewed
from workers.models import Notification as WorkerNotification
from workers.models import Worker

pytestmark = pytest.mark.integration
ITEM_FIELDS = {"id", "kind", "created_at", "read", "text", "link"}


def test_an_employer_is_told_in_french_and_e_mailed_only_what_they_asked_for(settings, database):
    matcher = FakeMatcher()
    client = employers_app({"TESTING": True, "MATCHER_CLIENT": matcher}, settings).test_client()
    email = web_sign_up(client)
    saved = client.post("/notifications/settings", data={"csrf_token": csrf(client), "language": "fr",
                                                         "email": ["offer_answered"]})
    assert saved.status_code == 302
    token = client.post("/api/v1/tokens", json={"email": email, "password": "long enough password"}).get_json()
    boss = {"id": str(Employer.by_email(email).pk), "headers": {"Authorization": f"Bearer {token['token']}"}}
    vacancy_id = approved_vacancy(client, boss, matcher, "w1")
    offer_id = client.post("/api/v1/offers", json=offer(vacancy_id=vacancy_id, worker_id="w1"),
                           headers=boss["headers"]).get_json()["id"]
    verdict = new_event(OFFER_REVIEWED, "ethics", offer_id, {"offer_id": offer_id, "verdict": "pass", "revision": 1})
    on_offer_reviewed(verdict)
    on_offer_reviewed(verdict)  # delivered again: told once
    on_offer_responded(new_event(OFFER_RESPONDED, "workers", offer_id, {"offer_id": offer_id, "worker_id": "w1",
                                                                        "response": "accepted"}))

    listed = client.get("/api/v1/notifications", headers=boss["headers"]).get_json()
    assert [item["kind"] for item in listed["items"]] == ["offer_answered", "offer_verdict"]
    assert all(set(item) == ITEM_FIELDS for item in listed["items"])
    assert listed["items"][0]["text"] == "Un travailleur a accepté votre offre pour Apple harvest worker"
    assert listed["items"][0]["link"] == f"/offers/{offer_id}"
    stored = {n.kind: n.email for n in EmployerNotification.objects(recipient_id=boss["id"])}
    assert stored == {"offer_answered": "pending", "offer_verdict": "off"}
    assert "Un travailleur a accepté" in client.get("/notifications").get_data(as_text=True)

    first = client.get("/api/v1/notifications?limit=1", headers=boss["headers"]).get_json()
    second = client.get(f"/api/v1/notifications?limit=1&cursor={first['next_cursor']}",
                        headers=boss["headers"]).get_json()
    assert [first["items"][0]["kind"], second["items"][0]["kind"], second["next_cursor"]] == [
        "offer_answered", "offer_verdict", None]
    item_id = first["items"][0]["id"]
    other = employer_sign_up(client, name="Other Farm")
    assert client.post(f"/api/v1/notifications/{item_id}/read", headers=other["headers"]).status_code == 404
    read = client.post(f"/api/v1/notifications/{item_id}/read", headers=boss["headers"])
    assert read.status_code == 200 and read.get_json()["read"] is True
    assert client.get("/api/v1/notifications").status_code == 401
    worker_token = mint_token(settings, "w1", "worker", service="employers")
    assert client.get("/api/v1/notifications", headers={"Authorization": f"Bearer {worker_token}"}).status_code == 403


def test_a_worker_lists_and_marks_their_notifications(settings, database):
    client = workers_app({"TESTING": True, "MATCHER_CLIENT": FakeMatcher()}, settings).test_client()
    worker_id, headers = worker_sign_up(client)
    other_id, other_headers = worker_sign_up(client)
    for _ in range(3):
        worker_on_offer_reviewed(reviewed_offer(worker_id))
    worker_on_offer_reviewed(reviewed_offer(other_id))
    page = client.get("/api/v1/me/notifications?limit=2", headers=headers).get_json()
    rest = client.get(f"/api/v1/me/notifications?limit=2&cursor={page['next_cursor']}", headers=headers).get_json()
    assert [len(page["items"]), len(rest["items"]), rest["next_cursor"]] == [2, 1, None]
    assert all(set(item) == ITEM_FIELDS and item["kind"] == "offer_new" for item in page["items"] + rest["items"])
    assert page["items"][0]["text"] == "New job offer from Farm 0: Apple harvest worker"
    item_id = page["items"][0]["id"]
    assert client.post(f"/api/v1/me/notifications/{item_id}/read", headers=other_headers).status_code == 404
    assert client.post(f"/api/v1/me/notifications/{item_id}/read", headers=headers).get_json()["read"] is True
    assert client.post("/api/v1/me/notifications/not-an-id/read", headers=headers).status_code == 404
    assert client.get("/api/v1/me/notifications?cursor=zzz", headers=headers).status_code == 400
    assert WorkerNotification.objects(recipient_id=worker_id, read=False).count() == 2


def test_a_worker_is_told_of_a_recent_season_to_rate_and_of_a_named_grievance_received(settings, database):
    client = workers_app({"TESTING": True, "MATCHER_CLIENT": FakeMatcher()}, settings).test_client()
    worker_id, headers = worker_sign_up(client)
    Worker.objects(pk=worker_id).update_one(set__ui_language="fr")
    recent, old = reviewed_offer(worker_id), reviewed_offer(worker_id)
    for event in (recent, old):
        worker_on_offer_reviewed(event)
    ended = (datetime.now(UTC) - timedelta(days=10)).date().isoformat()
    for event, end in ((recent, ended), (old, "2020-10-31")):
        on_placement_completed(new_event(PLACEMENT_COMPLETED, "employers", event.subject, {
            "offer_id": event.subject, "worker_id": worker_id, "season": {"start": "2020-08-01", "end": end},
            "completed": True, "employer_rating": 4}))
    on_grievance_filed(new_event(GRIEVANCE_FILED, "workers", "g1", {"category": "fees", "text": "x",
                                                                    "anonymous": False, "worker_id": worker_id}))
    on_grievance_filed(new_event(GRIEVANCE_FILED, "workers", "g2", {"category": "fees", "text": "x",
                                                                    "anonymous": True}))
    items = client.get("/api/v1/me/notifications", headers=headers).get_json()["items"]
    told = [(item["kind"], item["text"], item["link"]) for item in items if item["kind"] != "offer_new"]
    assert told == [
        ("grievance_status", "Votre signalement a été reçu et transmis aux auditeurs", "/rights"),
        ("season_to_rate", "Votre saison chez Farm 0 est finie : donnez votre avis", f"/offers/{recent.subject}")]
