"""`python -m deploy.backup dump|restore` against the real database (SecantusDB): a service's database comes
back as it was, with its types and its unique index, and a restore replaces what was there."""

import datetime as dt
import uuid

import pytest
from bson import ObjectId
from pymongo import MongoClient
from pymongo.errors import DuplicateKeyError

from deploy import backup


@pytest.fixture
def service_db(stack):
    client = MongoClient(stack.mongo_url)
    prefix = f"test_{uuid.uuid4().hex[:8]}_"
    yield client, prefix
    client.drop_database(f"{prefix}workers")
    client.close()


def test_a_dump_restores_documents_types_and_indexes_and_replaces_later_changes(stack, service_db, tmp_path, capsys):
    client, prefix = service_db
    database = client[f"{prefix}workers"]
    when = dt.datetime(2027, 3, 1, 8, 30, tzinfo=dt.UTC)
    workers = [{"_id": ObjectId(), "email": f"w{i}@example.org", "joined": when, "skills": ["picking"],
                "outbox": [{"type": "worker.registered", "n": i}]} for i in range(1200)]
    database["workers"].insert_many(workers)
    database["workers"].create_index("email", unique=True)
    database["offers"].insert_one({"_id": "o-1", "status": "sent"})
    env = {"LP_MONGO_URL": stack.mongo_url, "LP_MONGO_DB_PREFIX": prefix}
    path = tmp_path / "workers.jsonl.gz"

    assert backup.main(["dump", "workers", str(path)], environ=env) == 0
    database["workers"].delete_many({"email": {"$in": ["w1@example.org", "w2@example.org"]}})
    database["offers"].update_one({"_id": "o-1"}, {"$set": {"status": "accepted"}})
    database["later"].insert_one({"_id": 1})
    assert backup.main(["restore", "workers", str(path)], environ=env) == 0
    print(capsys.readouterr().out)

    restored = list(database["workers"].find(sort=[("_id", 1)]))
    assert len(restored) == 1200 and restored[0]["_id"] == workers[0]["_id"]
    assert restored[5]["joined"].replace(tzinfo=dt.UTC) == when and restored[5]["outbox"] == [
        {"type": "worker.registered", "n": 5}]
    assert database["offers"].find_one({"_id": "o-1"})["status"] == "sent"
    assert "later" not in database.list_collection_names()
    with pytest.raises(DuplicateKeyError):
        database["workers"].insert_one({"email": "w3@example.org"})
