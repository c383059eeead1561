"""The workers service's side of data rights, on the real database: the export's sections, and the erasure
sequence (each step, run twice, interrupted and finished) with the ``worker.erased`` event it leaves for
the relay. The other services' side and the whole flow through Kafka: tests/e2e/test_erasure.py.
"""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import json

from services import credentials
from services.events import CANDIDATES_SHOWN, WORKER_ERASED, Envelope, new_event
from services.ratelimit import RateWindow
from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    app,
    client,
    fake_matcher,
    reviewed_offer,
    sign_up,
)
from workers import erasure
from workers.handlers import on_candidates_shown, on_offer_reviewed
from workers.models import Erasure, Grievance, Offer, Worker


def a_worker_with_everything(client):
    """A worker shown to an employer as a candidate, with an offer, a grievance under their name (naming them in
    the text) and an anonymous one."""
    worker_id, auth = sign_up(client, name="Rosa Tzul")
    on_candidates_shown(new_event(CANDIDATES_SHOWN, "employers", "vac00", {
        "vacancy_id": "vac00", "employer_id": "emp0", "worker_ids": [worker_id]}))
    offer = reviewed_offer(worker_id)
    on_offer_reviewed(offer)
    for anonymous, text in ((False, "Rosa Tzul here: the bus came late."), (True, "No water in the field.")):
        response = client.post("/api/v1/grievances", headers=auth, json={
            "offer_id": offer.subject, "category": "other", "text": text, "anonymous": anonymous})
        assert response.status_code == 201, response.get_json()
    return worker_id, auth, offer.subject


def stored_text(*document_classes) -> str:
    return json.dumps([doc for cls in document_classes for doc in cls._get_collection().find()], default=str)


def test_the_export_holds_every_section_and_no_password(client):
    worker_id, auth, offer_id = a_worker_with_everything(client)
    body = client.get("/api/v1/me/export", headers=auth).get_json()
    assert set(body) == {"exported_at", "worker_id", "profile", "offers", "grievances", "notifications",
                         "shown_to_employers"}
    assert body["shown_to_employers"] == [{"vacancy_id": "vac00", "employer_id": "emp0"}]
    # Told of the new offer (workers.notices), with the consent as set (nothing turned off).
    assert [n["kind"] for n in body["notifications"]["items"]] == ["offer_new"]
    assert body["notifications"]["email_off"] == [] and body["offers"][0]["rating"] is None
    assert body["worker_id"] == worker_id and body["profile"]["name"] == "Rosa Tzul"
    assert body["profile"]["availability"] == [{"start": "2027-03-01", "end": "2027-11-30"}]
    assert [o["offer_id"] for o in body["offers"]] == [offer_id] and body["offers"][0]["offer"]["worker_id"]
    # Only the grievance filed under the worker's name: the anonymous one names no one.
    assert [g["text"] for g in body["grievances"]] == ["Rosa Tzul here: the bus came late."]
    assert "password" not in json.dumps(body)
    assert client.get("/api/v1/me/export").status_code == 401


def test_erasure_leaves_nothing_of_the_worker_and_one_event_for_the_relay(app, client):
    worker_id, auth, offer_id = a_worker_with_everything(client)
    email = Worker.objects.get(pk=worker_id).email
    with app.test_request_context():
        assert credentials.store().state(credentials.account_key("worker", worker_id)).version == 0
    assert RateWindow.objects(id__startswith=f"grievance-worker:{worker_id}:").count() == 1
    assert worker_id in stored_text(Worker, Offer, Grievance)

    response = client.delete("/api/v1/me", headers=auth)
    assert response.status_code == 202 and response.get_json() == {"status": "erased"}

    assert client.get("/api/v1/me", headers=auth).status_code == 401
    database = Worker._get_collection().database
    everything = json.dumps({name: list(database[name].find()) for name in database.list_collection_names()},
                            default=str)
    for trace in (email, "Rosa Tzul", "Rosa", "Tzul"):
        assert trace not in everything, trace
    # The id only in the event waiting for the relay, which takes it out once published.
    [waiting] = Erasure.objects
    [event] = [Envelope.from_stored(e) for e in waiting.outbox]
    assert event.type == WORKER_ERASED and event.subject == worker_id and event.payload == {"worker_id": worker_id}
    assert everything.count(worker_id) == json.dumps(list(Erasure._get_collection().find()), default=str).count(
        worker_id)
    # The grievances stay, naming no one; their events still waiting say the same.
    assert Grievance.objects.count() == 2
    assert Grievance.objects(anonymous=False).first().text == "[name removed] here: the bus came late."
    assert Offer.objects(offer_id=offer_id).count() == 0

    # Idempotent: the same answer, nothing more queued.
    assert client.delete("/api/v1/me", headers=auth).status_code == 202
    assert Erasure.objects.count() == 1 and len(Erasure.objects.first().outbox) == 1


def test_an_interrupted_erasure_is_finished_by_running_it_again_with_one_event(client):
    worker_id, auth, _offer_id = a_worker_with_everything(client)
    done = []

    def crash(worker):
        raise RuntimeError("the process died here")

    try:
        erasure.erase(worker_id, steps=(*erasure.STEPS[:2], crash))
    except RuntimeError:
        done.append("crashed")
    assert done and Worker.objects(pk=worker_id).count() == 1  # the account is still there to finish it
    assert client.delete("/api/v1/me", headers=auth).status_code == 202
    assert Worker.objects(pk=worker_id).count() == 0
    assert Erasure.objects.count() == 1 and len(Erasure.objects.first().outbox) == 1


def test_an_offer_reviewed_after_the_erasure_is_not_stored(client):
    worker_id, auth = sign_up(client)
    assert client.delete("/api/v1/me", headers=auth).status_code == 202
    late = reviewed_offer(worker_id)
    on_offer_reviewed(late)
    assert Offer.objects(offer_id=late.subject).count() == 0
