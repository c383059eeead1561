"""FerretDB built with ``FERRETDB_PATCHES``: `{_id: {$in: [...]}}` is answered from the _id index.

The backend narrows by _id in SQL and FerretDB applies the whole filter again to what comes
back, so the answers must be those of a full read; and a document planted where FerretDB cannot
decode it shows which queries read only the listed rows.
"""

from contextlib import closing

import pytest
from bson import ObjectId
from pymongo.errors import OperationFailure

from tests.integration.helpers import ferretdb_sqlite, ferretdb_table, plant_unreadable_document

OIDS = [ObjectId() for _ in range(3)]


@pytest.fixture
def things(database):
    things = database["things"]
    things.insert_many([{"_id": f"s{i}", "x": i, "kind": ("odd", "even")[i % 2 == 0]} for i in range(6)]
                       + [{"_id": oid, "x": 10 + i, "kind": "even"} for i, oid in enumerate(OIDS)]
                       + [{"_id": 7, "x": 7, "kind": "odd"}])
    return things


def ids(cursor) -> set[str]:
    return {str(doc["_id"]) for doc in cursor}


def test_id_in_finds_exactly_the_listed_documents(things):
    listed = ["s1", "s4", "missing", OIDS[0], ObjectId()]
    assert ids(things.find({"_id": {"$in": listed}})) == {"s1", "s4", str(OIDS[0])}
    assert ids(things.find({"_id": {"$in": listed}, "kind": "even"})) == {"s4", str(OIDS[0])}
    assert ids(things.find({"_id": {"$in": ["s5"]}, "x": {"$gt": 2}})) == {"s5"}
    assert ids(things.find({"_id": {"$in": ["missing", ObjectId()]}})) == set()
    # The same hex as a string is another _id (SQLite sees the same JSON; FerretDB filters again).
    assert ids(things.find({"_id": {"$in": [str(OIDS[1]), "s0"]}})) == {"s0"}
    assert ids(things.find({"_id": {"$in": [OIDS[1], OIDS[2]]}})) == {str(OIDS[1]), str(OIDS[2])}
    # Not pushed down, answered as before.
    assert ids(things.find({"_id": {"$in": ["s1", 7]}})) == {"s1", "7"}
    assert ids(things.find({"_id": {"$in": []}})) == set()
    assert ids(things.find({"_id": {"$in": ["s1", "s2"], "$ne": "s1"}})) == {"s2"}
    # Every command that reads through the backend.
    assert things.count_documents({"_id": {"$in": listed}}) == 3
    assert ids(things.aggregate([{"$match": {"_id": {"$in": listed}}}])) == {"s1", "s4", str(OIDS[0])}
    assert things.update_many({"_id": {"$in": listed}, "kind": "odd"}, {"$set": {"x": 99}}).modified_count == 1
    assert ids(things.find({"x": 99})) == {"s1"}
    assert things.delete_many({"_id": {"$in": ["s2", OIDS[2], "missing"]}}).deleted_count == 2
    assert things.count_documents({}) == 8


def test_id_in_reads_only_the_listed_rows_through_the_id_index(stack, settings, things):
    plant_unreadable_document(stack, settings, "things", "planted")
    # A query that reads the whole collection meets the planted document, as does one that lists it.
    for reads_it in ({"x": 1}, {"_id": {"$in": ["s1", 7]}}, {"_id": {"$in": ["planted", "s1"]}}):
        with pytest.raises(OperationFailure):
            list(things.find(reads_it))

    listed = ["s1", "s4", "missing", OIDS[0]]
    assert ids(things.find({"_id": {"$in": listed}})) == {"s1", "s4", str(OIDS[0])}
    assert ids(things.find({"_id": {"$in": listed}, "kind": "odd"})) == {"s1"}
    assert things.count_documents({"_id": {"$in": listed}}) == 3
    assert things.delete_many({"_id": {"$in": ["s3", OIDS[1]]}}).deleted_count == 2

    # The SQL the backend now sends, `<IDColumn> IN (?, ...)` with IDColumn as patched, uses the index.
    with closing(ferretdb_sqlite(stack, settings)) as sqlite:
        table = ferretdb_table(sqlite, "things")
        plan = sqlite.execute(f'EXPLAIN QUERY PLAN SELECT _ferretdb_sjson FROM "{table}" '
                              '''WHERE _ferretdb_sjson->"_id" IN (?, ?)''', ('"s1"', '"s4"')).fetchall()
    assert [detail for *_, detail in plan] == [f"SEARCH {table} USING INDEX {table}__id_ (<expr>=?)"]
