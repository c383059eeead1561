"""The registry, the risk list and a party's record use indexes and read small documents, never the flags at large
(the method of ``test_query_plans``: real code, every query recorded and explained)."""
# ruff: noqa: F811 (pytest fixtures imported from other modules are parameters here)

from __future__ import annotations

import random

from ethics import parties, ranking, recruiters, store
from ethics.models import Auditor, Flag
from tests.integration.helpers import mint_token, register_recruiter
from tests.integration.test_query_plans import checked, ethics_client, recorded, recording, seed_flags  # noqa: F401

LICENCES = [f"GT-MT-{n:04d}" for n in range(30)]


def with_recruiters(rows: list[dict]) -> None:
    """Give the seeded flags recruiters (most documents have one), as the handlers store them."""
    rng = random.Random(7)
    collection = Flag._get_collection()
    for licence in LICENCES:
        register_recruiter(licence, rng.choice(["active", "revoked"]), f"Agency {licence}", "GT")
    chosen: dict[str, list] = {}
    for row in rows:
        chosen.setdefault(rng.choice(LICENCES + [""]).replace("-", ""), []).append(row["_id"])
    for key, ids in chosen.items():
        collection.update_many({"_id": {"$in": ids}}, {"$set": {"recruiter": key}})
    parties.rebuild()


def test_the_risk_list_records_and_registry_use_indexes_and_read_about_a_page(settings, database, recorded,
                                                                               ethics_client):
    rows = seed_flags()
    with_recruiters(rows)
    auditor = Auditor(email="plans-parties@example.org", password_hash="x").save()
    headers = {"Authorization": f"Bearer {mint_token(settings, str(auditor.id), 'auditor')}"}
    with recording("risk list"):
        first = ethics_client.get("/api/v1/risk?limit=20", headers=headers).get_json()
    assert len(first["items"]) == 20 and first["next_cursor"]
    with recording("risk list, next page"):
        second = ethics_client.get(f"/api/v1/risk?limit=20&cursor={first['next_cursor']}", headers=headers).get_json()
    assert {i["id"] for i in first["items"]}.isdisjoint(i["id"] for i in second["items"])
    assert first["items"][0]["score"] >= first["items"][-1]["score"] >= second["items"][0]["score"]
    with recording("registry by country and status"):
        found = ethics_client.get("/api/v1/recruiters?country=GT&status=revoked&limit=10", headers=headers)
    assert found.status_code == 200 and found.get_json()["items"]
    with recording("registry lookup of a vacancy's licence"):
        recruiters.registry_for({"name": "A", "licence": LICENCES[3]})
    for kind, key in (("employer", "emp7"), ("recruiter", LICENCES[5].replace("-", ""))):
        with recording(f"{kind}'s record"):
            record = ranking.record(kind, key)
            parties.names_of_flags(record["under_review"])
        assert sum(record["trend"]["flags"]) > 0
    with recording("flags stored again: marks"):
        store.add_flags([dict(row) for row in rows[:3]])
    with recording("marked months recounted"):
        assert store.recount_marked() > 0

    # The risk list reads parties only (one small document each, in the order of their index on MongoDB; the
    # local database sorts the candidates in memory): its cost is the number of parties, never of flags.
    assert {command[name] for label, name, command in recorded if label.startswith("risk list")} <= {
        "parties", "credentials"}
    problems = checked(recorded, {})  # every query through an index; the registry is small (one country here)
    assert not problems, "\n".join(problems)
