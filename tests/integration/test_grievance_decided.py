"""A worker is told the auditors' decision on the grievance they filed under their name (real database;
the handlers of both services called with the events their outboxes hold, as the relay would publish them).

Anonymous grievances tell no one: their flag names no grievance, so no ``grievance.decided`` is written.
"""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import pytest

from ethics import flags
from ethics.handlers import on_grievance_filed
from ethics.models import Flag
from services.events import GRIEVANCE_DECIDED, GRIEVANCE_FILED, Envelope, new_event
from tests.integration.workers_support import app, client, fake_matcher, sign_up  # noqa: F401 (fixtures)
from workers.handlers import on_grievance_decided
from workers.models import Grievance, Notification


def queued(document, event_type) -> list[Envelope]:
    return [e for e in (Envelope.from_stored(x) for x in document.reload().outbox) if e.type == event_type]


def file_grievance(client, auth, anonymous: bool) -> Grievance:
    response = client.post("/api/v1/grievances", headers=auth, json={
        "employer_id": "emp-1", "category": "wages", "text": "Paid two weeks late.", "anonymous": anonymous})
    assert response.status_code == 201, response.get_json()
    return Grievance.objects.get(pk=response.get_json()["id"])


@pytest.mark.parametrize(("decision", "told"), [
    ("confirmed", "The auditors confirmed your report: the employer's record shows it"),
    ("dismissed", "The auditors looked into your report and closed it"),
])
def test_the_worker_who_filed_a_named_grievance_is_told_the_decision_once(client, decision, told):
    worker_id, auth = sign_up(client)
    grievance = file_grievance(client, auth, anonymous=False)
    [filed] = queued(grievance, GRIEVANCE_FILED)
    on_grievance_filed(filed)
    flag = Flag.objects.get(document_id=str(grievance.pk))

    flags.decide(str(flag.id), decision, "Checked the pay slips.", "auditor-1", "a@example.org")
    [decided] = queued(flag, GRIEVANCE_DECIDED)
    assert decided.subject == str(grievance.pk)
    assert decided.payload == {"grievance_id": str(grievance.pk), "status": decision}

    on_grievance_decided(decided)
    on_grievance_decided(decided)  # redelivered: told once
    [notice] = Notification.objects(recipient_id=worker_id, text=told)
    assert (notice.kind, notice.link) == ("grievance_status", "/rights")


def test_an_anonymous_grievance_tells_no_one(client):
    _worker_id, auth = sign_up(client)
    grievance = file_grievance(client, auth, anonymous=True)
    # Anonymous grievances are published in the day's batch; its event says what that batch would.
    on_grievance_filed(new_event(GRIEVANCE_FILED, "workers", str(grievance.pk), {
        "employer_id": "emp-1", "category": "wages", "text": "Paid two weeks late.", "anonymous": True}))
    [flag] = Flag.objects(employer_id="emp-1", document_kind="grievance")
    flags.decide(str(flag.id), "confirmed", "", "auditor-1", "a@example.org")
    assert queued(flag, GRIEVANCE_DECIDED) == []


def test_a_decision_the_contract_does_not_name_is_refused():
    with pytest.raises(ValueError):
        on_grievance_decided(new_event(GRIEVANCE_DECIDED, "ethics", "g1", {"grievance_id": "g1", "status": "maybe"}))
