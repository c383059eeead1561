"""The fairness audit over the real Kafka and the database: employers are shown candidates and make offers,
the workers service counts them by gender (which only it knows) and publishes the employer's totals, and the
ethics service, in its own process and database, keeps them and flags an employer whose offers went to women
far less often than women were among its candidates. No worker's id or gender leaves the workers service."""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import json
import uuid
from contextlib import contextmanager

from pymongo import MongoClient

from ethics import worker as ethics_worker
from services.events import CANDIDATES_SHOWN, FAIRNESS_TALLIED, new_event
from services.worker import run_worker
from tests.integration.helpers import apart, envelopes, eventually, read_topic, spawned
from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    app,
    client,
    fake_matcher,
    publish,
    reviewed_offer,
    worker_document,
    workers_worker,
)
from workers import fairness
from workers.models import FairnessTally, Offer, ShownCandidate


@contextmanager
def ethics_process(settings):
    """The ethics worker in its own process and database until the block ends; yields its database."""
    ethics = apart(settings, "ethics")
    databases = MongoClient(settings.mongo_url)
    try:
        with spawned((run_worker, ("ethics", ethics_worker.HANDLERS, ethics_worker.OUTBOX_DOCUMENTS),
                      {"settings": ethics})):
            yield databases[ethics.mongo_db]
    finally:
        databases.drop_database(ethics.mongo_db)


def sign_up(client, **changes) -> tuple[str]:
    """A new worker over the API (no token: these workers never sign in)."""
    response = client.post("/api/v1/accounts", json=worker_document(**changes))
    assert response.status_code == 201, response.get_json()
    return (response.get_json()["id"],)


def publish_totals(employer_id: str) -> None:
    """What the workers worker's ``FairnessPublisher`` job does every 30 s, now; then wait for the relay."""
    eventually(lambda: fairness.publish_dirty() or not FairnessTally.objects(id=employer_id, dirty=True).first(),
               "the employer's totals counted", timeout=60)
    eventually(lambda: not FairnessTally.objects(id=employer_id).first().outbox, "the totals relayed", timeout=60)


def offer_to(worker_id: str, employer_id: str):
    sent = reviewed_offer(worker_id)
    sent.payload["employer_id"] = employer_id
    return sent


def test_an_employer_whose_offers_skip_women_is_flagged_from_totals_alone(client, workers_worker):
    employer_id = f"emp{uuid.uuid4().hex[:12]}"
    women = [sign_up(client, gender="female", origin_country="GT")[0] for _ in range(20)]
    men = [sign_up(client, gender="male", origin_country="MX")[0] for _ in range(20)]
    unstated = [sign_up(client, gender=None, origin_country="HN")[0] for _ in range(3)]
    shown = women + men + unstated
    # Shown twice for the same vacancy: counted once.
    for _ in range(2):
        publish(workers_worker, new_event(CANDIDATES_SHOWN, "employers", "vac00", {
            "vacancy_id": "vac00", "employer_id": employer_id, "worker_ids": shown}))
    offers = [offer_to(w, employer_id) for w in [women[0], *men[:19], unstated[0]]]
    publish(workers_worker, *offers)
    eventually(lambda: ShownCandidate.objects(employer_id=employer_id).count() == 43
               and Offer.objects(employer_id=employer_id).count() == 21, "the shown candidates and offers kept",
               timeout=120)

    with ethics_process(workers_worker) as ethics_db:
        publish_totals(employer_id)
        tallied = eventually(lambda: [e for e in envelopes(read_topic(workers_worker, FAIRNESS_TALLIED, 1))
                                      if e.subject == employer_id], "fairness.tallied on Kafka", timeout=60)
        counts = tallied[-1].payload["counts"]
        assert counts["shown"] == {"female": 20, "male": 20, "unstated": 3}
        assert counts["offered"] == {"female": 1, "male": 19, "unstated": 1}
        assert tallied[-1].payload["by_origin"]["GT"]["shown"] == {"female": 20}
        text = json.dumps([e.payload for e in tallied])
        assert not any(worker_id in text for worker_id in shown), "a worker's id left the workers service"

        flag = eventually(lambda: ethics_db["flags"].find_one({"employer_id": employer_id,
                                                               "rule": "possible-sex-discrimination"}),
                          "the fairness flag", timeout=120)
        assert flag["severity"] == "review" and flag["document_kind"] == "fairness"
        assert "to women 1" in flag["evidence"] and "p = " in flag["evidence"]
        record = ethics_db["fairness_records"].find_one({"_id": employer_id})
        assert record["counts"] == counts and record["offers"] == 21


def test_an_employer_whose_offers_follow_its_candidates_is_not_flagged(client, workers_worker):
    employer_id = f"emp{uuid.uuid4().hex[:12]}"
    women = [sign_up(client, gender="female")[0] for _ in range(12)]
    men = [sign_up(client, gender="male")[0] for _ in range(12)]
    publish(workers_worker, new_event(CANDIDATES_SHOWN, "employers", "vac01", {
        "vacancy_id": "vac01", "employer_id": employer_id, "worker_ids": women + men}))
    publish(workers_worker, *[offer_to(w, employer_id) for w in women[:10] + men[:10]])
    eventually(lambda: Offer.objects(employer_id=employer_id).count() == 20, "the offers kept", timeout=120)
    eventually(lambda: ShownCandidate.objects(employer_id=employer_id).count() == 24, "the candidates kept",
               timeout=120)

    with ethics_process(workers_worker) as ethics_db:
        publish_totals(employer_id)
        record = eventually(lambda: ethics_db["fairness_records"].find_one({"_id": employer_id}),
                            "the totals kept by ethics", timeout=120)
        assert record["counts"]["offered"] == {"female": 10, "male": 10}
        assert ethics_db["flags"].find_one({"employer_id": employer_id}) is None
