"""The fairness audit's totals, counted where the workers' self-described gender is kept (docs/fairness.md).

Per employer: how many of the candidates it was shown (``candidates.shown``), of the offers it made that
reached workers (``offer.reviewed`` pass or flag) and of the seasons completed (``placement.completed``)
were women, men, other or unstated, in all and by origin country. Gender is never published per worker
and never reaches ranking; the ethics service gets only each employer's totals, in ``fairness.tallied``,
and runs the test there (``ethics.fairness``).

The totals are counted again, not incremented: a change marks the employer's tally ``dirty`` (one
batched write per event), and :class:`FairnessPublisher` counts each dirty employer's rows (through the
``employer_id`` indexes: the cost is that employer's rows, never the programme's) and publishes the result.
A replayed event or an erased worker's rows leave correct totals.
"""

from __future__ import annotations

import logging

from bson import ObjectId

from services import batch, db, outbox
from services.events import FAIRNESS_TALLIED, new_event
from workers.models import SHOWN_VERDICTS, FairnessTally, Offer, ShownCandidate, Worker

log = logging.getLogger(__name__)

STAGES = ("shown", "offered", "completed")
UNSTATED = "unstated"
UNKNOWN_ORIGIN = "??"
PUBLISH_SECONDS = 30.0
PUBLISH_BATCH = 200


def worker_facts(worker_ids: list[str]) -> dict[str, dict]:
    """``{worker id: {"gender", "origin_country"}}`` of the workers that exist (an erased one is absent)."""
    ids = [ObjectId(w) for w in worker_ids if ObjectId.is_valid(w)]
    found = Worker._get_collection().find({"_id": {"$in": ids}}, {"gender": 1, "origin_country": 1})
    return {str(row["_id"]): {"gender": row.get("gender"), "origin_country": row.get("origin_country")}
            for row in found}


def record_shown(vacancy_id: str, employer_id: str, worker_ids: list[str]) -> int:
    """Keep the candidates an employer was shown for a vacancy (once per worker and vacancy) and mark its
    tally; how many of the workers still have an account."""
    facts = worker_facts(worker_ids)
    db.insert_new(ShownCandidate._get_collection(), [
        {"_id": f"{vacancy_id}:{worker_id}", "employer_id": employer_id, "worker_id": worker_id, **fact}
        for worker_id, fact in facts.items()])
    mark_changed(employer_id)
    return len(facts)


def mark_changed(employer_id: str) -> None:
    """The employer's totals may have moved: count them again (queued in the consumer's batch)."""
    if employer_id:
        batch.update_one(FairnessTally, {"pk": employer_id}, {"set__dirty": True, "inc__revision": 1}, upsert=True)


def tally(employer_id: str) -> tuple[dict, dict]:
    """The employer's totals: ``counts`` ``{stage: {gender: n}}`` and ``by_origin``
    ``{country: {stage: {gender: n}}}``, zero cells left out."""
    counts: dict = {}
    by_origin: dict = {}

    def add(stage: str, row: dict) -> None:
        gender = row.get("gender") or UNSTATED
        origin = row.get("origin_country") or UNKNOWN_ORIGIN
        for totals in (counts, by_origin.setdefault(origin, {})):
            cell = totals.setdefault(stage, {})
            cell[gender] = cell.get(gender, 0) + 1

    for row in ShownCandidate._get_collection().find({"employer_id": employer_id}, {"gender": 1, "origin_country": 1}):
        add("shown", row)
    offers = Offer._get_collection().find({"employer_id": employer_id, "verdict": {"$in": list(SHOWN_VERDICTS)}},
                                          {"gender": 1, "origin_country": 1, "status": 1})
    for row in offers:
        add("offered", row)
        if row.get("status") == "completed":
            add("completed", row)
    return counts, by_origin


def publish(employer_id: str) -> bool:
    """Count one dirty employer's totals and publish them; False when its revision moved meanwhile (a
    newer change: it stays dirty, for the next round) or it is not dirty."""
    stored = FairnessTally._get_collection().find_one({"_id": employer_id, "dirty": True}, {"revision": 1})
    if stored is None:
        return False
    revision = stored.get("revision", 0)
    counts, by_origin = tally(employer_id)
    event = new_event(FAIRNESS_TALLIED, FairnessTally.event_source, employer_id, {
        "employer_id": employer_id, "revision": revision, "counts": counts, "by_origin": by_origin})
    return outbox.write(FairnessTally, {"_id": employer_id, "revision": revision},
                        {"$set": {"dirty": False, "counts": counts, "by_origin": by_origin}}, [event])


def publish_dirty(limit: int = PUBLISH_BATCH) -> int:
    """Publish the totals of up to ``limit`` dirty employers; how many were published."""
    dirty = [row["_id"] for row in FairnessTally._get_collection().find({"dirty": True}, {"_id": 1}).limit(limit)]
    published = sum(publish(employer_id) for employer_id in dirty)
    if published:
        outbox.wake_relays(FairnessTally)
        log.info("fairness totals of %d employers published", published)
    return published


class FairnessPublisher:
    """A worker job (``services.worker.run_worker``): publishes changed totals every ``poll_seconds``."""

    name = "fairness-publisher"

    def __init__(self, poll_seconds: float = PUBLISH_SECONDS):
        self.poll_seconds = poll_seconds

    def run(self, stop) -> None:
        while not stop.is_set():
            while publish_dirty() == PUBLISH_BATCH and not stop.is_set():
                pass  # a backlog (a bulk load): the next batch at once
            stop.wait(self.poll_seconds)
