"""Anonymous means anonymous: a worker's anonymous grievance about their own offer, filed through the real pages
and API, relayed through Kafka and recorded by the ethics worker, leaves nothing an auditor (API, CSV, pages) or
an employer can link to the worker: no offer id (the employer reads an offer's worker), no worker id, and no
time finer than the day."""
# ruff: noqa: F811 (pytest fixtures imported from other modules are parameters here)

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

from bson import ObjectId

from employers.worker import HANDLERS as EMPLOYERS_HANDLERS
from ethics.__main__ import create_auditor
from ethics.app import create_app as create_ethics_app
from ethics.grievance_flags import anonymise_old_flags
from ethics.models import Flag, Review
from services.coarse_time import day_start, is_day_object_id
from services.events import GRIEVANCE_FILED
from services.kafka import Publisher
from services.outbox import OutboxRelay
from tests.integration.helpers import eventually, read_topic
from tests.integration.test_ethics_flow import ethics_worker  # noqa: F401 (fixture)
from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    PASSWORD,
    app,
    client,
    fake_matcher,
    reviewed_offer,
    worker_document,
)
from workers.grievance_release import anonymise_old_grievances, release_due
from workers.handlers import on_offer_reviewed
from workers.models import Grievance, Worker

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
# Any ISO 8601 date-time: every one the auditor sees of this grievance must be a midnight.
DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d(?:\.\d+)?)")
AUDITOR_PASSWORD = "auditor password long enough"


def csrf(response) -> str:
    return CSRF.search(response.get_data(as_text=True)).group(1)


def signed_up_worker_with_an_offer(client) -> tuple[Worker, str, dict]:
    """A worker signed in on ``client`` with an offer from employer emp0 in the inbox; and a bearer header."""
    document = worker_document()
    page = client.get("/signup")
    client.post("/signup", data={"csrf_token": csrf(page), "name": document["name"], "email": document["email"],
                                 "password": PASSWORD, "birth_year": "1994", "origin_country": "GT"})
    worker = Worker.by_email(document["email"])
    offer = reviewed_offer(str(worker.pk))
    on_offer_reviewed(offer)
    token = client.post("/api/v1/tokens", json={"email": document["email"], "password": PASSWORD}).get_json()
    return worker, offer.subject, {"Authorization": f"Bearer {token['token']}"}


def only_midnights(text: str) -> bool:
    return all(float(t.replace(":", "")) == 0 for t in DATE_TIME.findall(text))


def test_the_report_form_never_carries_the_offer_in_its_address(client):
    worker, offer_id, _ = signed_up_worker_with_an_offer(client)
    offer_page = client.get(f"/offers/{offer_id}")
    html = offer_page.get_data(as_text=True)
    assert offer_id in html
    assert not re.search(r'(href|action)="[^"]*report\?', html), "a link or form puts the report's subject in the URL"
    form = client.post("/report", data={"csrf_token": csrf(offer_page), "offer_id": offer_id, "start": "1"})
    assert form.status_code == 200 and f'name="offer_id" value="{offer_id}"' in form.get_data(as_text=True)
    assert "error" not in form.get_data(as_text=True)
    # An old link with the offer in the address: the form does not take it up.
    assert 'name="offer_id" value=""' in client.get(f"/report?offer_id={offer_id}").get_data(as_text=True)


def test_an_anonymous_grievance_cannot_be_linked_to_the_worker(client, ethics_worker, settings):
    worker, offer_id, bearer = signed_up_worker_with_an_offer(client)
    worker_id = str(worker.pk)
    employer = "emp0"  # the offer's employer (tests.integration.workers_support.reviewed_offer)
    offer_page = client.get(f"/offers/{offer_id}")
    form = client.post("/report", data={"csrf_token": csrf(offer_page), "offer_id": offer_id, "start": "1"})
    sent = client.post("/report", data={"csrf_token": csrf(form), "offer_id": offer_id, "anonymous": "1",
                                        "category": "fees", "text": "The recruiter asked me for 300 dollars."})
    assert sent.status_code == 302
    by_api = client.post("/api/v1/grievances", headers=bearer, json={
        "offer_id": offer_id, "category": "passport", "text": "They keep our passports.", "anonymous": True})
    assert by_api.status_code == 201 and is_day_object_id(ObjectId(by_api.get_json()["id"]))

    # What the workers service keeps: the employer, the category and the text; the day only.
    stored = list(Grievance._get_collection().find({"employer_id": employer}))
    assert len(stored) == 2
    for row in stored:
        assert not row.get("offer_id") and not row.get("worker_id") and not row.get("outbox")
        assert is_day_object_id(row["_id"]) and row["created_at"] == day_start()
        assert offer_id not in str(row) and worker_id not in str(row) and only_midnights(str(row["held"]))

    # Held until the day is over: nothing reaches Kafka today.
    relay = OutboxRelay(Publisher(ethics_worker), [Grievance])
    assert release_due() == 0 and relay.relay_once() == 0
    assert release_due(datetime.now(UTC) + timedelta(days=1)) == 2
    assert relay.relay_once() == 2
    subjects = {str(row["_id"]) for row in stored}

    def both_released():
        # The topic holds other tests' grievances too: read it until these two are there (one short read
        # missed them on a busy machine).
        released = [r for r in read_topic(ethics_worker, GRIEVANCE_FILED, expected=0, timeout=5)
                    if r.key and r.key.decode() in subjects]
        return released if len(released) >= 2 else None

    messages = eventually(both_released, "both grievances on Kafka", timeout=60)
    assert len(messages) == 2
    for message in messages:
        raw = message.value.decode()
        assert offer_id not in raw and worker_id not in raw and only_midnights(raw)

    # What auditors see, through the ethics API, its CSV and its pages.
    flags = eventually(lambda: list(Flag.objects(employer_id=employer, document_kind="grievance")) if
                       Flag.objects(employer_id=employer, document_kind="grievance").count() == 2 else None,
                       "both grievance flags", timeout=90)
    ethics = create_ethics_app({"TESTING": True}, settings).test_client()
    auditor = create_auditor(f"auditor-{uuid.uuid4().hex[:6]}@example.org", AUDITOR_PASSWORD)
    token = ethics.post("/api/v1/tokens", json={"email": auditor.email, "password": AUDITOR_PASSWORD}).get_json()
    headers = {"Authorization": f"Bearer {token['token']}"}
    listed = ethics.get(f"/api/v1/flags?employer={employer}", headers=headers)
    assert len(listed.get_json()["items"]) == 2
    csv_text = ethics.get(f"/api/v1/flags.csv?employer={employer}", headers=headers).get_data(as_text=True)
    login = ethics.get("/login")
    ethics.post("/login", data={"email": auditor.email, "password": AUDITOR_PASSWORD, "csrf_token": csrf(login)})
    pages = [ethics.get(f"/auditor/flags?employer={employer}")] + [ethics.get(f"/auditor/flags/{f.id}")
                                                                   for f in flags]
    assert all(page.status_code == 200 for page in pages)
    seen = [listed.get_data(as_text=True), csv_text] + [page.get_data(as_text=True) for page in pages]
    for text in seen:
        assert offer_id not in text and worker_id not in text
    assert only_midnights(listed.get_data(as_text=True)) and only_midnights(csv_text)
    for item in listed.get_json()["items"]:
        assert is_day_object_id(ObjectId(item["id"])) and is_day_object_id(ObjectId(item["document_id"]))
        assert item["created_at"].startswith(day_start().date().isoformat())
    assert "300 dollars" in seen[-2] + seen[-1]

    # The employers service never receives a grievance, nor any review the ethics service publishes because
    # of one (reviews, whose events reach employers, come only from vacancies and offers): the employers API
    # has nothing about it to show.
    assert GRIEVANCE_FILED not in EMPLOYERS_HANDLERS and Review.objects.count() == 0


def test_grievances_and_flags_an_older_version_stored_are_anonymised_once(database):
    filed = datetime(2026, 11, 20, 14, 2, 37, tzinfo=UTC)
    old_id = ObjectId.from_datetime(filed)
    pending = {"id": str(uuid.uuid4()), "type": GRIEVANCE_FILED, "version": 1, "source": "workers",
               "occurred_at": "2026-11-20T14:02:37.000Z", "subject": str(old_id),
               "payload": {"employer_id": "emp1", "offer_id": "o1", "category": "fees", "text": "A fee.",
                           "anonymous": True}}
    grievances = Grievance._get_collection()
    grievances.insert_many([
        {"_id": old_id, "category": "fees", "text": "A fee.", "employer_id": "emp1", "offer_id": "o1",
         "anonymous": True, "worker_id": "", "created_at": filed, "outbox": [pending]},
        {"_id": ObjectId(), "category": "wages", "text": "Unpaid.", "employer_id": "emp1", "offer_id": "o2",
         "anonymous": True, "worker_id": "", "created_at": filed, "outbox": []},
        {"_id": ObjectId(), "category": "housing", "text": "Crowded.", "employer_id": "emp1", "offer_id": "o3",
         "anonymous": False, "worker_id": "w3", "created_at": filed, "outbox": []}])
    assert anonymise_old_grievances() == 2 and anonymise_old_grievances() == 0
    rows = {row["category"]: row for row in grievances.find()}
    assert len(rows) == 3 and rows["housing"]["offer_id"] == "o3" and rows["housing"]["worker_id"] == "w3"
    for category in ("fees", "wages"):
        row = rows[category]
        assert not row["offer_id"] and not row["worker_id"] and not row["outbox"]
        assert is_day_object_id(row["_id"]) and row["created_at"] == datetime(2026, 11, 20, tzinfo=UTC)
    # The event not yet published goes out with a day's batch, without the offer; the published one is not resent.
    [held] = rows["fees"]["held"]
    assert "offer_id" not in held["payload"] and held["occurred_at"] == "2026-11-20T00:00:00.000Z"
    assert rows["wages"]["held"] == []

    flags = Flag._get_collection()
    decision = {"decision": "confirmed", "note": "seen", "auditor_id": "a1", "auditor_email": "a@example.org",
                "decided_at": filed + timedelta(days=1)}
    common = {"employer_id": "emp1", "document_kind": "grievance", "rule": "grievance", "severity": "review",
              "message": "m", "evidence": "A fee.", "rules_version": "v", "created_at": filed + timedelta(seconds=3)}
    flags.insert_many([
        {**common, "key": "grievance:old", "document_id": str(old_id), "status": "confirmed",
         "decisions": [decision], "decision_count": 1,
         "document": {"category": "fees", "text": "A fee.", "offer_id": "o1", "anonymous": True}},
        # Left half-moved by a crash: marked, no copy yet.
        {**common, "key": "grievance:crashed#moving", "document_id": str(ObjectId()), "status": "open",
         "decisions": [], "decision_count": 0,
         "document": {"category": "wages", "text": "Unpaid.", "offer_id": "o2", "anonymous": True}},
        {**common, "key": "grievance:named", "document_id": str(ObjectId()), "status": "open", "decisions": [],
         "decision_count": 0, "document": {"category": "housing", "text": "Crowded.", "offer_id": "o3",
                                           "anonymous": False}}])
    assert anonymise_old_flags() == 2 and anonymise_old_flags() == 0
    stored = {row["key"]: row for row in flags.find()}
    assert set(stored) == {"grievance:old", "grievance:crashed", "grievance:named"}
    assert stored["grievance:named"]["document"]["offer_id"] == "o3"
    for key in ("grievance:old", "grievance:crashed"):
        row = stored[key]
        assert "offer_id" not in row["document"] and row["created_at"] == datetime(2026, 11, 20, tzinfo=UTC)
        assert is_day_object_id(row["_id"]) and is_day_object_id(ObjectId(row["document_id"]))
    assert stored["grievance:old"]["decisions"][0]["note"] == "seen"
    assert stored["grievance:old"]["status"] == "confirmed"


def test_a_migration_cut_short_or_run_twice_at_once_makes_each_grievance_once(database):
    filed = datetime(2026, 11, 20, 14, 2, 37, tzinfo=UTC)
    old = {"_id": ObjectId.from_datetime(filed), "category": "fees", "text": "A fee.", "employer_id": "emp1",
           "offer_id": "o1", "anonymous": True, "worker_id": "", "created_at": filed, "outbox": []}
    grievances = Grievance._get_collection()
    grievances.insert_one(dict(old))
    assert anonymise_old_grievances() == 1
    # As if the first run had stopped after writing the new grievance, or a second worker read the old one
    # before the first deleted it: the old row is there again beside its new form.
    grievances.insert_one(dict(old))
    anonymise_old_grievances()
    assert [row["category"] for row in grievances.find()] == ["fees"]
