"""The open data's queries use indexes (see ``test_query_plans``): the fold reads one window of reviews, the
publication the confirmed flags and the tallies of published parties, and a public read one snapshot."""
# ruff: noqa: F811 (pytest fixtures imported from other modules are parameters here)

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from ethics import open_data
from ethics.app import create_app as create_ethics_app
from ethics.models import Review
from tests.integration.test_query_plans import DAYS, checked, past, recorded, recording, seed_flags  # noqa: F401


def seed_reviews(count: int = 3000, employers: int = 40) -> None:
    rng = random.Random(7)
    rows = []
    agency = {"name": "Agencia X", "licence": "ON-RA-1", "country": "GT"}
    for i in range(count):
        created = past(rng.uniform(0, DAYS)).replace(microsecond=0)
        rows.append({"_id": f"event-{i}", "request_event_id": f"event-{i}", "kind": rng.choice(["vacancy", "offer"]),
                     "document_id": f"v{i}", "employer_id": f"emp{rng.randrange(employers)}",
                     "verdict": rng.choice(["pass", "flag", "block"]), "rules_version": "v", "flags": [],
                     "recruiter_named": rng.choice([None, agency]),
                     "created_at": created})
    Review._get_collection().insert_many(rows)


def test_the_open_data_fold_publication_and_reads_use_indexes(settings, database, recorded):
    seed_flags()
    seed_reviews()
    open_data.fold_reviews(datetime.now(UTC) - timedelta(days=1))  # all but the last day, unrecorded
    client = create_ethics_app({"TESTING": True}, settings).test_client()
    with recording("open data: fold a day and publish"):
        published = open_data.publish()
    with recording("open data: public JSON and CSV"):
        assert client.get("/api/v1/public/compliance").get_json()["version"] == published["version"]
        assert client.get("/api/v1/public/compliance.csv").status_code == 200
    assert len(published["items"]) == 41  # 40 employers and the recruiter
    problems = checked(recorded, {})
    assert not problems, "\n".join(problems)
