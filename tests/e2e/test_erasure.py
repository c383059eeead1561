"""Data rights through the whole platform: a worker's export, then their erasure, after which no database
of any service holds their id, name or e-mail address anywhere (issue 17, CONTRACT.md "workers' voice").

Real processes, real Kafka, the real database: the worker signs up, saves a profile, gets an offer,
accepts it, the season is completed, and they file a grievance under their name; once every service has
seen all of that (checked: the scan finds the worker in each service's database), they erase their
account, and the scan, over every collection of every database, must find nothing. The employer's offer
stays, shown as a former worker's.
"""

from __future__ import annotations

import json
import random
import string

from pymongo import MongoClient

from tests.e2e.test_journeys import inbox, offer_terms, post_vacancy, status_of
from tests.integration.helpers import eventually

SERVICES = ("workers", "employers", "ethics", "matcher")
SYSTEM_DATABASES = {"admin", "local", "config"}


def letters(n: int) -> str:
    return "".join(random.choice(string.ascii_lowercase) for _ in range(n))


def traces(client: MongoClient, needles: list[str]) -> dict[str, list[str]]:
    """Where each of ``needles`` appears, as a string anywhere in a stored document: db.collection ids."""
    found: dict[str, list[str]] = {}
    for database in sorted(set(client.list_database_names()) - SYSTEM_DATABASES):
        for collection in client[database].list_collection_names():
            for document in client[database][collection].find():
                text = json.dumps(document, default=str, ensure_ascii=False)
                for needle in needles:
                    if needle in text:
                        found.setdefault(needle, []).append(f"{database}.{collection}:{document['_id']}")
    return found


def databases_holding(client: MongoClient, needle: str) -> set[str]:
    return {where.split(".")[0] for where in traces(client, [needle]).get(needle, [])}


def test_a_worker_exports_their_data_then_erases_it_from_every_service(platform):
    client = MongoClient(platform.stack.mongo_url)
    prefix = "lp_"
    first_name = letters(1).upper() + letters(9)
    name = f"{first_name} {letters(1).upper()}{letters(8)}"
    employer = platform.employer()
    worker, worker_id = platform.worker(name=name)
    email = worker.call("GET", "/me").json()["email"]
    worker.call("PUT", "/me", json={"skills": ["fruit picking", "ladder work", "pruning"]})

    vacancy_id = post_vacancy(employer)
    assert eventually(lambda: status_of(employer, f"/vacancies/{vacancy_id}"), "the verdict", 180) == "approved"
    eventually(lambda: worker_id in str(employer.call("GET", f"/vacancies/{vacancy_id}/candidates").json()),
               "the worker among the candidates", 180)
    worker.call("GET", "/me/matches", expect=(200, 503))  # the matcher now watches the worker
    # 50 hours a week: a review flag (long-hours), so the ethics service keeps the offer, worker id and all.
    offer_id = employer.call("POST", "/offers", json=offer_terms(vacancy_id, worker_id, hours_per_week=50)).json()["id"]
    assert eventually(lambda: status_of(employer, f"/offers/{offer_id}"), "the offer's review", 180) == "sent"
    eventually(lambda: offer_id in inbox(worker), "the offer in the worker's inbox", 180)
    worker.call("POST", f"/me/offers/{offer_id}/accept")
    eventually(lambda: status_of(employer, f"/offers/{offer_id}", "sent") == "accepted", "the acceptance", 180)
    employer.call("POST", f"/offers/{offer_id}/complete", json={"employer_rating": 4})
    worker.call("POST", "/grievances", json={"offer_id": offer_id, "category": "other", "anonymous": False,
                                              "text": "The bus to the farm came late every week."})

    # Every service holds the worker before the erasure (so the scan below can fail).
    databases = {f"{prefix}{service}" for service in SERVICES}
    eventually(lambda: databases <= databases_holding(client, worker_id), "the worker known to every service", 180)
    eventually(lambda: client[f"{prefix}matcher"]["placements"].find_one({"worker_id": worker_id}),
               "the completed season in the matcher", 180)
    eventually(lambda: client[f"{prefix}ethics"]["flags"].find_one({"document_id": {"$exists": True},
                                                                     "document.offer_id": offer_id}),
               "the grievance's flag in ethics", 180)
    assert client[f"{prefix}ethics"]["flags"].find_one({"document.worker_id": worker_id, "rule": "long-hours"})
    assert email in traces(client, [email]) and name in traces(client, [name])

    exported = worker.call("GET", "/me/export").json()
    assert exported["worker_id"] == worker_id and exported["profile"]["name"] == name
    assert exported["profile"]["email"] == email and "password_hash" not in json.dumps(exported)
    assert [o["offer_id"] for o in exported["offers"]] == [offer_id]
    assert [g["offer_id"] for g in exported["grievances"]] == [offer_id]

    assert worker.call("DELETE", "/me", expect=(202,)).json() == {"status": "erased"}
    assert worker.call("DELETE", "/me", expect=(202,)).status_code == 202  # again: the same answer
    worker.call("GET", "/me", expect=(401,))

    needles = [worker_id, name, first_name, email]
    eventually(lambda: not traces(client, needles), "no trace of the worker in any database", 180)

    offer = employer.call("GET", f"/offers/{offer_id}").json()
    assert offer["status"] == "completed" and offer["worker_id"].startswith("former-worker-")
    assert client[f"{prefix}ethics"]["flags"].find_one({"document.offer_id": offer_id}), "the evidence stays"
    assert client[f"{prefix}workers"]["erasures"].count_documents({"outbox.0": {"$exists": True}}) == 0
    # The matcher's index (each web process's) let the worker go too; a while later, still no trace.
    eventually(lambda: worker_id not in str(employer.call("GET", f"/vacancies/{vacancy_id}/candidates").json()),
               "the worker gone from the candidates", 180)
    assert not traces(client, needles)
