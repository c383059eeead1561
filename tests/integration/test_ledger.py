"""The handled-events ledger on FerretDB: keyed by group and event id, looked up by _id."""

from bson import ObjectId

from services.ledger import EventLedger, HandledEvent, adopt_old_rows
from tests.integration.helpers import plant_unreadable_document


def test_ledger_remembers_per_group_and_reads_only_the_asked_ids(stack, settings, database):
    ledger, other = EventLedger("g1"), EventLedger("g2")
    ledger.mark_many(["e1", "e2"])
    ledger.mark_many(["e2", "e3"])  # e2 again: skipped, not an error
    other.mark_many(["e1"])

    assert ledger.seen_many(["e1", "e2", "e3", "e4"]) == {"e1", "e2", "e3"}
    assert other.seen_many(["e1", "e2", "e3"]) == {"e1"}
    assert ledger.seen_many([]) == set()
    assert sorted((e.id, e.group, e.event_id) for e in HandledEvent.objects) == [
        ("g1:e1", "g1", "e1"), ("g1:e2", "g1", "e2"), ("g1:e3", "g1", "e3"), ("g2:e1", "g2", "e1")]
    unique = [index["key"] for index in database["handled_events"].index_information().values() if index.get("unique")]
    assert [("event_id", 1), ("group", 1)] in unique

    # One `_id $in` look-up: it never reads a document it did not ask for.
    plant_unreadable_document(stack, settings, "handled_events", "g1:planted")
    assert ledger.seen_many(["e1", "e4", "e1"]) == {"e1"}


def test_rows_of_an_older_version_are_re_keyed_and_found(stack, settings, database):
    old = [{"_id": ObjectId(), "group": "g1", "event_id": f"old{i}"} for i in range(3)]
    database["handled_events"].insert_many(old)
    EventLedger("g1").mark_many(["new"])
    assert EventLedger("g1").seen_many(["old0", "new"]) == {"new"}
    assert adopt_old_rows(batch=2) == 3
    assert EventLedger("g1").seen_many(["old0", "old1", "old2", "new", "other"]) == {"old0", "old1", "old2", "new"}
    assert adopt_old_rows() == 0 and database["handled_events"].count_documents({}) == 4
