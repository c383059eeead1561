"""Every query behind a page or an API uses an index, and a list page reads about a page, not the collection.

Each test stores a few thousand documents (``insert_many``) in the test's own database, with the indexes the
models declare, then runs the real code (the API through Flask's test client, or the function behind a page)
while a pymongo command listener records every query it sends. Each recorded query is then explained as sent
(filter, sort, projection, limit) with ``executionStats``: no plan may scan the collection (COLLSCAN), and the
documents a list page examines, over all the queries it made, must stay a small part of the collection. A write
(update, delete) is explained as the find of its filter, which is how a database picks what it changes.

One gap of the local database's ``explain`` (SecantusDB 0.7.0b3) is allowed for: a filter on ``_id`` and other
fields (a conditional write such as ``{_id, decision_count}``) is answered by the ``_id`` look-up with the rest
checked on that document, as MongoDB does, but its explain reports COLLSCAN. Such a plan passes only when the
filter's first field is ``_id`` (the clause the database then looks up) and ``{_id: ...}`` alone explains as an
index scan.

A work queue is read whole by the job that drains it (``recounts``, ``ethics.recounts``: every document in it is
work to do, so no index would read less); that one read, a find with no filter on the queue, may scan.
"""
# ruff: noqa: F811 (pytest fixtures imported from other modules are parameters here)

from __future__ import annotations

import random
import uuid
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from bson import ObjectId
from pymongo import monitoring

from employers.app import create_app as create_employers_app
from employers.models import Employer, Vacancy
from employers.models import Offer as EmployerOffer
from employers.store import STORE
from ethics import flag_counts, flags, reports
from ethics import store as ethics_store
from ethics.app import create_app as create_ethics_app
from ethics.models import Auditor, Flag, Review
from matcher.app import create_app as create_matcher_app
from matcher.models import PlacementRecord, ShownMatches, VacancyRecord, WorkerRecord
from matcher.notices import NoticeScreen, NoticeSender, mark_due, watch
from services import credentials, db, logins, ratelimit
from services.events import VACANCY_CLOSED, VACANCY_REVIEWED, VACANCY_SUBMITTED, new_event
from services.kafka import Publisher, ensure_topics
from services.ledger import EventLedger, HandledEvent
from services.outbox import OutboxRelay
from tests.documents import offer as offer_document
from tests.documents import vacancy as vacancy_document
from tests.integration.employers_support import FakeMatcher as EmployersMatcher
from tests.integration.helpers import eventually, mint_token
from workers import grievance_release
from workers import handlers as workers_handlers
from workers import offers as worker_offers
from workers import store as workers_store
from workers.app import create_app as create_workers_app
from workers.models import Grievance, VacancyCard, Worker
from workers.models import Offer as WorkerOffer

DAYS = 120
QUERIES = {"find", "aggregate", "count", "findAndModify", "update", "delete", "distinct"}
# A list page may examine at most this share of the collection, over all the queries it made.
PAGE_SHARE = 0.12


class Recorder(monitoring.CommandListener):
    """Records the queries sent while a label is set (registered before any test's client exists)."""

    def __init__(self):
        self.label: str | None = None
        self.sent: list[tuple[str, str, dict]] = []

    def started(self, event):
        if self.label is not None and event.command_name in QUERIES:
            self.sent.append((self.label, event.command_name, dict(event.command)))

    def succeeded(self, event):
        pass

    def failed(self, event):
        pass


RECORDER = Recorder()
monitoring.register(RECORDER)


@contextmanager
def recording(label: str):
    RECORDER.label = label
    try:
        yield
    finally:
        RECORDER.label = None


@pytest.fixture
def recorded(database):
    RECORDER.sent.clear()
    yield RECORDER.sent
    RECORDER.sent.clear()


def past(days: float) -> datetime:
    return datetime.now(UTC) - timedelta(days=days)


def made_at(moment: datetime) -> ObjectId:
    """An ObjectId made at ``moment`` (as one made then would be), its tail random."""
    return ObjectId(ObjectId.from_datetime(moment).binary[:4] + random.randbytes(8))


# --- explaining what was recorded ---------------------------------------------------------------------------

WORK_QUEUES = {"recounts"}
SESSION_FIELDS = ("lsid", "$db", "$clusterTime", "txnNumber", "$readPreference", "readConcern", "writeConcern",
                  "ordered")


def as_read(name: str, command: dict) -> list[dict]:
    """The read(s) to explain for a recorded command: itself, or for a write the find of each filter."""
    body = {k: v for k, v in command.items() if k not in SESSION_FIELDS}
    if name == "update":
        return [{"find": body["update"], "filter": u["q"], **({} if u.get("multi") else {"limit": 1})}
                for u in body["updates"]]
    if name == "delete":
        return [{"find": body["delete"], "filter": d["q"], **({"limit": 1} if d.get("limit") else {})}
                for d in body["deletes"]]
    return [body]


def explain(database, read: dict) -> dict:
    return database.command({"explain": read, "verbosity": "executionStats"})


def filter_of(read: dict) -> dict:
    return read.get("filter") or read.get("query") or next(
        (s["$match"] for s in read.get("pipeline", []) if "$match" in s), {})


def by_id_first(database, read: dict) -> dict | None:
    """The allowed explain gap (see the module docstring): with ``_id`` first, the explain of ``_id`` alone
    (what the database runs), if that is an index scan; else None."""
    query = filter_of(read)
    if not query or next(iter(query)) != "_id":
        return None
    alone = explain(database, {"find": next(iter(read.values())), "filter": {"_id": query["_id"]}})
    return None if "COLLSCAN" in [s for plan in winning_plans(alone) for s in stages(plan)] else alone


def winning_plans(explain: dict):
    if "queryPlanner" in explain:
        yield explain["queryPlanner"]["winningPlan"]
    for stage in explain.get("stages", []):
        if "$cursor" in stage:
            yield stage["$cursor"]["queryPlanner"]["winningPlan"]


def stages(plan: dict):
    yield plan.get("stage")
    if "inputStage" in plan:
        yield from stages(plan["inputStage"])
    for inner in plan.get("inputStages", []):
        yield from stages(inner)


def docs_examined(explain: dict) -> int:
    if "executionStats" in explain:
        return int(explain["executionStats"].get("totalDocsExamined", 0))
    return sum(int(s["$cursor"]["executionStats"].get("totalDocsExamined", 0))
               for s in explain.get("stages", []) if "$cursor" in s)


def checked(sent, pages: dict[str, str]) -> list[str]:
    """Explain every recorded query: the problems found (COLLSCAN; a page reading too much) and a line per
    query, printed for the record. ``pages`` maps a list page's label to the collection it lists."""
    database = db.database()  # the apps' connection: making an app reconnects
    problems, examined = [], {}
    for label, name, command in sent:
        collection = command[name]
        for read in as_read(name, command):
            explained = explain(database, read)
            plan_stages = [s for plan in winning_plans(explained) for s in stages(plan)]
            if "COLLSCAN" in plan_stages and (looked_up := by_id_first(database, read)) is not None:
                explained = looked_up
                plan_stages = ["_id first:"] + [s for plan in winning_plans(explained) for s in stages(plan)]
            count = docs_examined(explained)
            examined[label] = examined.get(label, 0) + count
            print(f"[plans] {label:38s} {name:13s} {collection:26s} {'/'.join(filter(None, plan_stages)):32s} "
                  f"examined {count}")
            queue_read = name == "find" and collection in WORK_QUEUES and not filter_of(read)
            if ("COLLSCAN" in plan_stages or not plan_stages) and not queue_read:
                problems.append(f"{label}: {name} on {collection} scans the collection: {filter_of(read)}")
    for label, collection in pages.items():
        size = database[collection].estimated_document_count()
        if label not in examined:
            problems.append(f"{label}: no query recorded")
        elif examined[label] > PAGE_SHARE * size:
            problems.append(f"{label}: examined {examined[label]} of {size} {collection}")
        else:
            print(f"[plans] {label}: examined {examined[label]} of {size} {collection}")
    return problems


# --- ethics ----------------------------------------------------------------------------------------------------

RULES = [("worker-fees", "block"), ("long-hours", "review"), ("passport-retention", "block"), ("grievance", "review"),
         ("contract-language", "review"), ("debt-bondage", "block")]


def seed_flags(count: int = 3000, employers: int = 40) -> list[dict]:
    rng = random.Random(13)
    rows = []
    for i in range(count):
        created = past(rng.uniform(0, DAYS)).replace(microsecond=0)
        rule, severity = rng.choice(RULES)
        rows.append({"_id": made_at(created), "key": f"seed:{i}", "employer_id": f"emp{rng.randrange(employers)}",
                     "document_kind": "vacancy", "document_id": f"v{i}", "document": {"title": "Picker"},
                     "rule": rule, "severity": severity, "message": "m", "evidence": "e", "rules_version": "v",
                     "status": rng.choice(["open", "open", "open", "confirmed", "dismissed"]), "decisions": [],
                     "decision_count": 0, "created_at": created})
    Flag._get_collection().insert_many(rows)
    flag_counts.rebuild()
    return rows


@pytest.fixture
def ethics_client(settings, database):
    return create_ethics_app({"TESTING": True}, settings).test_client()


def test_the_auditors_lists_reports_and_decisions_use_indexes_and_read_about_a_page(
        settings, database, recorded, ethics_client):
    rows = seed_flags()
    auditor = Auditor(email="plans@example.org", password_hash="x").save()
    headers = {"Authorization": f"Bearer {mint_token(settings, str(auditor.id), 'auditor')}"}
    filters = {"unfiltered": "", "employer": "employer=emp7", "rule": "rule=worker-fees", "severity": "severity=block",
               "status": "status=dismissed", "employer and status": "employer=emp7&status=open",
               "rule and severity": "rule=long-hours&severity=review",
               "a month": f"from={date.today() - timedelta(days=60)}&to={date.today() - timedelta(days=30)}"}
    pages = {}
    for name, query in filters.items():
        with recording(f"flags {name}"):
            first = ethics_client.get(f"/api/v1/flags?limit=20&{query}", headers=headers).get_json()
        assert first["items"] and first["next_cursor"], name
        with recording(f"flags {name}, next page"):
            second = ethics_client.get(f"/api/v1/flags?limit=20&{query}&cursor={first['next_cursor']}",
                                       headers=headers).get_json()
        assert second["items"], name
        pages.update({f"flags {name}": "flags", f"flags {name}, next page": "flags"})
    with recording("flags CSV of one employer"):
        exported = ethics_client.get("/api/v1/flags.csv?employer=emp7", headers=headers).get_data(as_text=True)
    assert len(exported.splitlines()) == 1 + sum(1 for row in rows if row["employer_id"] == "emp7")
    pages["flags CSV of one employer"] = "flags"
    with recording("compliance summary"):
        summary = reports.compliance_by_employer()
    with recording("weekly chart"):
        reports.chart_svg(*reports.weekly_counts())
    assert len(summary) == 40
    flag_id = str(rows[0]["_id"])
    with recording("flag detail, decision and recount"):
        flags.get(flag_id)
        flags.decide(flag_id, "confirmed", "seen", str(auditor.id), auditor.email)
    with recording("flags stored again: marks"):
        ethics_store.add_flags([dict(row) for row in rows[:3]])
    with recording("marked counts recounted"):
        assert ethics_store.recount_marked() > 0
    with recording("auditor sign-in lookups"):
        Auditor.by_email(auditor.email)
        Auditor.signed_in(str(auditor.id))
        Review.objects(id="some-event").first()

    problems = checked(recorded, pages)
    assert not problems, "\n".join(problems)


def test_an_old_id_cursor_is_a_400_and_pages_follow_each_other_without_gaps(settings, database, ethics_client):
    rows = seed_flags(count=400, employers=3)
    headers = {"Authorization": f"Bearer {mint_token(settings, 'auditor-1', 'auditor')}"}
    assert ethics_client.get(f"/api/v1/flags?cursor={rows[0]['_id']}", headers=headers).status_code == 400
    assert ethics_client.get("/api/v1/flags?cursor=bm90OmEtY3Vyc29y", headers=headers).status_code == 400
    seen, cursor = [], None
    while True:
        page = ethics_client.get("/api/v1/flags?limit=37&employer=emp1" + (f"&cursor={cursor}" if cursor else ""),
                                 headers=headers).get_json()
        seen += [(item["created_at"], item["id"]) for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    expected = sorted(((r["created_at"], str(r["_id"])) for r in rows if r["employer_id"] == "emp1"), reverse=True)
    assert [flag_id for _, flag_id in seen] == [flag_id for _, flag_id in expected]


# --- employers -------------------------------------------------------------------------------------------------

def test_an_employers_vacancies_and_offers_use_indexes_and_read_about_a_page(settings, database, recorded):
    rng = random.Random(7)
    employers = [str(ObjectId()) for _ in range(20)]
    vacancies, document = [], vacancy_document()
    for i in range(2000):
        created = past(rng.uniform(0, 2 * DAYS))
        vacancies.append({"_id": made_at(created), "employer_id": employers[i % 20], "employer_name": "E",
                          "document": document, "status": rng.choice(["approved", "pending_review"]),
                          "flags": [], "revision": 1, "created_at": created, "updated_at": created, "outbox": []})
    Vacancy._get_collection().insert_many(vacancies)
    offers = []
    for _ in range(3000):
        vacancy = vacancies[rng.randrange(len(vacancies))]
        created = past(rng.uniform(0, 2 * DAYS))
        offers.append({"_id": made_at(created), "employer_id": vacancy["employer_id"], "employer_name": "E",
                       "vacancy_id": str(vacancy["_id"]), "worker_id": f"w{rng.randrange(500)}",
                       "document": offer_document(vacancy_id=str(vacancy["_id"])),
                       "status": rng.choice(["sent", "accepted", "declined"]), "flags": [], "revision": 1,
                       "created_at": created, "updated_at": created, "outbox": []})
    EmployerOffer._get_collection().insert_many(offers)
    client = create_employers_app({"TESTING": True, "MATCHER_CLIENT": EmployersMatcher()}, settings).test_client()
    owner = employers[3]
    headers = {"Authorization": f"Bearer {mint_token(settings, owner, 'employer')}"}
    own_vacancy = next(v for v in vacancies if str(v["_id"]) == next(o["vacancy_id"] for o in offers
                                                                    if o["employer_id"] == owner))
    lists = {"vacancies": "/api/v1/vacancies?limit=50",
             "vacancies approved": "/api/v1/vacancies?limit=50&status=approved", "offers": "/api/v1/offers?limit=50",
             "offers sent": "/api/v1/offers?limit=50&status=sent",
             "offers of a vacancy": f"/api/v1/offers?limit=50&vacancy_id={own_vacancy['_id']}&status=sent"}
    pages = {}
    for name, path in lists.items():
        with recording(f"employer {name}"):
            body = client.get(path, headers=headers).get_json()
        assert "items" in body, body
        pages[f"employer {name}"] = "vacancies" if name.startswith("vacancies") else "offers"
        if body["next_cursor"]:
            with recording(f"employer {name}, next page"):
                assert client.get(f"{path}&cursor={body['next_cursor']}", headers=headers).status_code == 200
            pages[f"employer {name}, next page"] = pages[f"employer {name}"]
    own = [v["_id"] for v in vacancies if v["employer_id"] == owner][:20]
    with recording("employer overview: offers counted"):
        counted = STORE.offer_counts(own)
    assert sum(sum(c.values()) for c in counted.values()) == sum(1 for o in offers if o["vacancy_id"] in
                                                              {str(v) for v in own})
    pages["employer overview: offers counted"] = "offers"
    with recording("employer look-ups by id and for an offer"):
        STORE.vacancy(own_vacancy["_id"])
        STORE.offer(offers[0]["_id"])
        STORE.count_offers(str(own_vacancy["_id"]), ("accepted", "completed"))
        STORE.offer_exists(str(own_vacancy["_id"]), "w1", ("sent", "accepted"))
        Employer.by_email("someone@example.org")
        Employer.objects(id=ObjectId(owner)).first()

    problems = checked(recorded, pages)
    assert not problems, "\n".join(problems)


# --- workers ---------------------------------------------------------------------------------------------------

def test_a_workers_offers_and_the_grievance_batch_use_indexes(settings, database, recorded):
    rng = random.Random(11)
    workers = [str(ObjectId()) for _ in range(60)]
    rows = []
    for i in range(3000):
        received = past(rng.uniform(0, 2 * DAYS))
        rows.append({"_id": made_at(received), "offer_id": f"o{i}", "worker_id": workers[i % 60], "vacancy_id": "v",
                     "employer_id": "e", "employer_name": "E", "verdict": rng.choice(["pass", "flag", ""]),
                     "revision": 1, "status": "sent", "offer": {"wage": 1}, "vacancy": {}, "received_at": received})
    WorkerOffer._get_collection().insert_many(rows)
    # Anonymous grievances, the last few still held for their day's batch.
    Grievance._get_collection().insert_many([
        {"_id": made_at(past(i % 90)), "category": "fees", "text": "t", "employer_id": "e", "anonymous": True,
         "created_at": past(i % 90), "held": [], "outbox": []} for i in range(2000)])
    Grievance._get_collection().update_many({"created_at": {"$gte": past(1)}},
                                            {"$set": {"held_day": past(1), "held": [{"id": "e"}]}})
    client = create_workers_app({"TESTING": True, "MATCHER_CLIENT": object()}, settings).test_client()
    headers = {"Authorization": f"Bearer {mint_token(settings, workers[5], 'worker')}"}
    with recording("worker offers"):
        body = client.get("/api/v1/me/offers?limit=5", headers=headers).get_json()
    assert body["items"] and body["next_cursor"]
    with recording("worker offers, next page"):
        assert client.get(f"/api/v1/me/offers?limit=5&cursor={body['next_cursor']}", headers=headers).status_code == 200
    with recording("worker offer and account look-ups"):
        worker_offers.get(workers[5], body["items"][0]["id"])
        WorkerOffer.objects(offer_id="o1").first()
        Worker.by_email("someone@example.org")
    with recording("grievance batch"):
        grievance_release.release_due()

    problems = checked(recorded, {"worker offers": "offers", "worker offers, next page": "offers",
                                  "grievance batch": "grievances"})
    assert not problems, "\n".join(problems)


def test_the_workers_vacancy_cards_are_written_and_joined_by_id(settings, database, recorded):
    VacancyCard._get_collection().insert_many([{"_id": f"v{i}", "revision": 1, "status": "open", "card": "{}"}
                                               for i in range(3000)])
    document = vacancy_document()
    reviewed = new_event(VACANCY_REVIEWED, "ethics", "v7", {"verdict": "pass", "revision": 2, "vacancy": document})
    with recording("vacancy cards: the verdicts"):
        workers_handlers.on_vacancy_reviewed(reviewed)
        workers_handlers.on_vacancy_submitted(new_event(VACANCY_SUBMITTED, "employers", "v8", {"revision": 2}))
        workers_handlers.on_vacancy_closed(new_event(VACANCY_CLOSED, "employers", "v9", {}))
    with recording("vacancy cards: the matches' join"):
        found = workers_store.cards(["v7", "v8", "v9", *[f"v{i}" for i in range(100, 117)]])
    assert len(found) == 18 and found["v7"]["title"] == document["title"]  # v8 is under review, v9 closed

    problems = checked(recorded, {})
    assert not problems, "\n".join(problems)


# --- matcher read API ------------------------------------------------------------------------------------------

def test_the_matchers_read_api_reads_nothing_from_the_database(settings, database, recorded):
    """Matches and candidates are ranked from the process's in-memory index (``matcher.index``)."""
    profile = {"birth_year": 1990, "languages": ["es"], "skills": ["fruit picking"],
               "availability": [{"start": "2027-03-01", "end": "2027-11-30"}]}
    workers = [f"w{i}" for i in range(300)]
    vacancies = [f"v{i}" for i in range(300)]
    WorkerRecord._get_collection().insert_many([{"_id": w, "revision": 1, "profile": profile} for w in workers])
    VacancyRecord._get_collection().insert_many([{"_id": v, "status": "open", "employer_id": "e1",
                                                  "document": vacancy_document()} for v in vacancies])
    PlacementRecord._get_collection().insert_many([{"_id": f"p{i}", "worker_id": workers[i % 300], "employer_id": "e1",
                                                    "season": {"start": "2026-08-01", "end": "2026-10-31"},
                                                    "completed": True} for i in range(1000)])
    ensure_topics(settings)  # the index follows them (the services' workers create them)
    app = create_matcher_app({"TESTING": True}, settings)
    index = app.extensions["matcher_index"]
    try:
        eventually(lambda: index.ready, "the matcher's ranking index built", timeout=120)
        client = app.test_client()
        headers = {"Authorization": f"Bearer {mint_token(settings, 'employers', 'service')}"}
        with recording("matcher worker matches"):
            assert client.get(f"/api/v1/workers/{workers[0]}/matches", headers=headers).get_json()["matches"]
        with recording("matcher vacancy candidates"):
            assert client.get(f"/api/v1/vacancies/{vacancies[0]}/candidates", headers=headers).get_json()["candidates"]
        with recording("matcher candidate counts"):
            counts = client.get(f"/api/v1/candidate-counts?vacancy={vacancies[0]}&vacancy={vacancies[1]}&vacancy=gone",
                                headers=headers).get_json()["counts"]
        assert counts == {vacancies[0]: 300, vacancies[1]: 300}  # every worker fits; an unknown id is absent
    finally:
        index.stop()
    read_model = {"workers", "vacancies", "placements"}
    assert not [command for _label, name, command in recorded if command.get(name) in read_model]


class RankedIndex:
    """The answers of ``matcher.index.RankingIndex`` the notices use: every worker's list has moved."""

    def worker_matches(self, worker_id, limit=20, today=None):
        return [{"vacancy_id": f"new{i}", "score": 0.9, "reason_keys": []} for i in range(limit)]

    def vacancy_scores(self, vacancy_id):
        return [f"w{i}" for i in range(0, 3000, 7)], np.full(429, 0.99, dtype=np.float32)

    def flush(self):
        pass


def test_the_matchers_notices_use_indexes_and_read_only_the_recent_and_the_due(settings, database, recorded):
    now = datetime.now(UTC)
    ids = [f"v{i}" for i in range(20)]
    # A day of watches, most long over; a few due.
    ShownMatches._get_collection().insert_many([
        {"_id": f"w{i}", "ids": ids, "scores": [0.5] * 20, "floor": 0.5, "updated_at": now - timedelta(hours=i / 125),
         "watched_until": now - timedelta(hours=i / 125) + timedelta(minutes=6),
         **({"due_at": now - timedelta(seconds=1)} if i % 100 == 0 else {})} for i in range(3000)])
    screen = NoticeScreen(RankedIndex())
    with recording("notice watch"):
        watch("w1", [{"vacancy_id": v, "score": 0.5, "reason_keys": []} for v in ids])
        watch("w-new", [{"vacancy_id": v, "score": 0.6, "reason_keys": []} for v in ids])
    with recording("notice poll"):
        screen.load()
        screen.load()
    with recording("notice marks"):
        mark_due(["w7", "w14", "w1"], screen._last_notices(["w7", "w14", "w1"]))
    with recording("notice sender"):
        NoticeSender(RankedIndex()).send_once()

    problems = checked(recorded, {"notice poll": "shown_matches", "notice sender": "shown_matches"})
    assert not problems, "\n".join(problems)


# --- the kernel: sign-in state, limits, the ledger, the outbox --------------------------------------------------

def test_sign_in_state_limits_the_ledger_and_the_outbox_relay_use_indexes(settings, database, recorded):
    HandledEvent._get_collection().insert_many([{"_id": f"g:{uuid.uuid4()}", "group": "g", "event_id": str(i)}
                                                for i in range(3000)])
    Worker._get_collection().insert_many([{"name": "n", "email": f"w{i}@example.org", "password_hash": "x",
                                           "outbox": []} for i in range(2000)])
    pending = Worker(name="p", email="p@example.org", password_hash="x")
    pending.record_event("worker.profile_updated", {"worker_id": "p"})
    pending.save()
    ensure_topics(settings)
    publisher = Publisher(settings)
    app = create_workers_app({"TESTING": True, "MATCHER_CLIENT": object()}, settings)
    try:
        with recording("ledger: which events were handled"):
            EventLedger("g").seen_many([str(i) for i in range(50)])
        with app.test_request_context("/login", environ_base={"REMOTE_ADDR": "192.0.2.7"}):
            with recording("credentials read"):
                credentials.MongoCredentials().state("worker:abc")
            with recording("sign-in limits"):
                ratelimit.hit("plans", 100, 60)
                logins.guarded("someone@example.org", lambda: False)
                logins.guarded("someone@example.org", lambda: True)
        with recording("outbox relay"):
            assert OutboxRelay(publisher, [Worker]).relay_once() == 1
    finally:
        publisher.close()

    problems = checked(recorded, {})
    assert not problems, "\n".join(problems)
