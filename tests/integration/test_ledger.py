"""The handled-events ledger: keyed by group and event id, looked up by _id."""

from bson import ObjectId

from services.ledger import EventLedger, HandledEvent, adopt_old_rows
from tests.integration.helpers import explained, plan_stages, recorded_queries


def test_ledger_remembers_per_group(database):
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


def test_ledger_reads_only_the_asked_ids(database):
    # A ledger grows with every event handled: a look-up must not read it whole.
    EventLedger("g1").mark_many([f"e{i}" for i in range(300)])
    EventLedger("g2").mark_many([f"e{i}" for i in range(300)])
    asked = ["e1", "e4", "e1", "never"]

    with recorded_queries(database, "handled_events") as queries:
        assert EventLedger("g1").seen_many(asked) == {"e1", "e4"}

    (query,) = queries  # one query for the batch
    plan = explained(database, query)
    assert "COLLSCAN" not in plan_stages(plan["queryPlanner"]["winningPlan"])
    assert plan["executionStats"]["nReturned"] == 2
    assert plan["executionStats"]["totalDocsExamined"] <= len(set(asked))


def test_rows_of_an_older_version_are_re_keyed_and_found(database):
    old = [{"_id": ObjectId(), "group": "g1", "event_id": f"old{i}"} for i in range(3)]
    database["handled_events"].insert_many(old)
    EventLedger("g1").mark_many(["new"])
    assert EventLedger("g1").seen_many(["old0", "new"]) == {"new"}
    assert adopt_old_rows(batch=2) == 3
    assert EventLedger("g1").seen_many(["old0", "old1", "old2", "new", "other"]) == {"old0", "old1", "old2", "new"}
    assert adopt_old_rows() == 0 and database["handled_events"].count_documents({}) == 4
