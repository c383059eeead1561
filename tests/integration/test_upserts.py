"""Upserts by _id at the same moment, as rate limits, sign-in failures and credentials make them."""

from concurrent.futures import ThreadPoolExecutor

from services import db


def test_first_upserts_of_one_id_at_once_each_return_the_document_and_all_count(database):
    collection = database["counters"]
    keys = [f"window-{i // 8}" for i in range(8 * 40)]  # 8 callers at once on each new _id

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda key: db.find_one_and_upsert(collection, key, {"$inc": {"hits": 1}}), keys))

    assert all(answer is not None and 1 <= answer["hits"] <= 8 for answer in answers)
    assert sorted(document["hits"] for document in collection.find()) == [8] * 40
