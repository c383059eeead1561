"""The fairness tally's mark is a valid batched write (the batch's transform checks the field names)."""

from __future__ import annotations

from services import batch
from workers import fairness
from workers.models import FairnessTally


def test_a_change_queues_one_upsert_that_marks_the_employer_dirty_and_moves_its_revision():
    writes = batch.BatchWrites()
    with batch.collecting(writes), writes.event():
        fairness.mark_changed("emp1")
        fairness.mark_changed("")  # an event naming no employer marks nothing
    [write] = writes._writes[FairnessTally]
    assert write._filter == {"_id": "emp1"} and write._upsert
    assert write._doc == {"$set": {"dirty": True}, "$inc": {"revision": 1}}
