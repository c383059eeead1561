"""Measures the choices the kernel made for FerretDB again on the database it now runs on (SecantusDB).

    python -m tests.bench.kernel_choices --mongo-url mongodb://127.0.0.1:27017 [--size 100000]

Uses (and drops) a database of its own, ``lp_kernel_choices``. Prints the median and p95 of each way:

- outbox: how the relay finds documents with events among ``size`` documents (markers in a collection of
  their own read and deleted one by one, plus a full sweep every 10 s; or a sparse index on a pending field);
- expiry: a rate-limit hit with the old 1 % sweep (``delete_many`` on an unindexed ``expires_at``) against
  the TTL index doing it in the server;
- ledger: 100 handled-event ids looked up by keyed ``_id $in`` or by ``{group, event_id $in}`` on a unique index;
- big events: a 27 kB ``matches.updated`` envelope stored as JSON text or as a nested document, read and written.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

from bson import ObjectId
from pymongo import ASCENDING, MongoClient

DATABASE = "lp_kernel_choices"


def timed(label: str, run, repeat: int = 30) -> float:
    """Run ``run`` ``repeat`` times; print and return the median in ms."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    median, p95 = statistics.median(times), times[max(0, int(0.95 * len(times)) - 1)]
    print(f"  {label:64s} median {median:8.2f} ms   p95 {p95:8.2f} ms", flush=True)
    return median


def documents(size: int, pending_every: int) -> list[dict]:
    envelope = {"type": "offer.responded", "source": "workers", "subject": "s", "payload": {"x": 1}}
    return [{"_id": ObjectId(), "worker_id": f"w{i % 5000}", "document": {"title": "Picker " * 20},
             "outbox": [dict(envelope, id=str(i))] if i % pending_every == 0 else [],
             **({"outbox_pending": True} if i % pending_every == 0 else {})} for i in range(size)]


def outbox(db, size: int) -> None:
    print(f"outbox: finding documents with events among {size} (1 in 1000 pending)")
    coll, markers = db["offers"], db["outbox_pending"]
    for start in range(0, size, 5000):
        coll.insert_many(documents(min(5000, size - start), 1000))
    coll.create_index([("outbox_pending", ASCENDING)], sparse=True)
    pending = [d["_id"] for d in coll.find({"outbox_pending": True}, {"_id": 1})]
    timed("old: full sweep find({outbox.0: $exists}).limit(100) (every 10 s)",
          lambda: list(coll.find({"outbox.0": {"$exists": True}}, {"outbox": 1}).limit(100)), repeat=5)

    def by_markers():
        markers.insert_many([{"_id": f"offers|{p}", "c": "offers", "d": p} for p in pending])
        taken = list(markers.find({"c": "offers"}).limit(100))
        for marker in taken:
            markers.delete_one({"_id": marker["_id"]})
        return [coll.find_one({"_id": m["d"]}, {"outbox": 1}) for m in taken]

    timed("old: markers (write them, read by c, delete each, read each document)", by_markers, repeat=10)
    timed("new: find({outbox_pending: true}).limit(100) on the sparse index",
          lambda: list(coll.find({"outbox_pending": True}, {"outbox": 1}).limit(100)))
    target = pending[0]
    timed("old write path: $push the event, then insert a marker",
          lambda: (coll.update_one({"_id": target}, {"$push": {"outbox": {"id": "e"}}}),
                   markers.replace_one({"_id": f"offers|{target}"}, {"c": "offers", "d": target}, upsert=True)))
    timed("new write path: $push the event and $set outbox_pending, one write",
          lambda: coll.update_one({"_id": target},
                                  {"$push": {"outbox": {"id": "e"}}, "$set": {"outbox_pending": True}}))


def expiry(db, rows: int) -> None:
    print(f"expiry: rate-limit windows, {rows} stored")
    old, new = db["rate_limits_swept"], db["rate_limits_ttl"]
    expired = datetime.now(UTC) - timedelta(hours=1)
    for coll in (old, new):
        coll.insert_many([{"_id": f"k{i}:1", "hits": 1, "expires_at": expired + timedelta(seconds=i % 7200)}
                          for i in range(rows)])
    new.create_index([("expires_at", ASCENDING)], expireAfterSeconds=3600 * 24)  # kept for the run: measures hits

    def hit(coll):
        return coll.find_one_and_update({"_id": f"key:{uuid.uuid4().hex[:4]}"}, {"$inc": {"hits": 1},
                                        "$setOnInsert": {"expires_at": datetime.now(UTC)}}, upsert=True)

    timed("a hit (find_one_and_update by _id), TTL index present", lambda: hit(new), repeat=50)
    timed("the old sweep a hit ran 1 time in 100: delete_many(expires_at < now), no index",
          lambda: old.delete_many({"expires_at": {"$lt": expired}}), repeat=5)


def ledger(db, rows: int) -> None:
    print(f"ledger: 100 event ids of one group among {rows} handled")
    keyed, indexed = db["ledger_keyed"], db["ledger_indexed"]
    ids = [str(uuid.uuid4()) for _ in range(rows)]
    for start in range(0, rows, 5000):
        keyed.insert_many([{"_id": f"g:{e}", "group": "g", "event_id": e} for e in ids[start:start + 5000]])
        indexed.insert_many([{"group": "g", "event_id": e} for e in ids[start:start + 5000]])
    indexed.create_index([("group", ASCENDING), ("event_id", ASCENDING)], unique=True)
    asked = ids[::max(1, rows // 100)][:100]
    timed("keyed: find({_id: {$in: [group:event, ...]}})",
          lambda: list(keyed.find({"_id": {"$in": [f"g:{e}" for e in asked]}}, {"event_id": 1})))
    timed("indexed: find({group, event_id: {$in: [...]}}) on (group, event_id)",
          lambda: list(indexed.find({"group": "g", "event_id": {"$in": asked}}, {"event_id": 1})))


def big_events(db) -> None:
    print("big events: one matches.updated envelope of about 27 kB in a document")
    coll = db["lists"]
    cards = [{"vacancy_id": str(ObjectId()), "score": 0.5, "reason_keys": ["skills", "language", "season"],
              "vacancy": {"title": "Apple harvest worker", "country": "CA", "region": "Ontario", "wage": 17.2,
                          "currency": "CAD", "hours_per_week": 40, "positions": 12}} for _ in range(100)]
    envelope = {"id": str(uuid.uuid4()), "type": "matches.updated", "payload": {"matches": cards}}
    text = json.dumps(envelope)
    print(f"  (text {len(text)} characters)")
    coll.insert_many([{"_id": "text", "outbox": [text]}, {"_id": "nested", "outbox": [envelope]}])
    timed("read as text (find_one + json.loads)", lambda: json.loads(coll.find_one({"_id": "text"})["outbox"][0]))
    timed("read nested (find_one)", lambda: coll.find_one({"_id": "nested"})["outbox"][0])
    timed("write as text ($set)",
          lambda: coll.update_one({"_id": "text"}, {"$set": {"outbox": [json.dumps(envelope)]}}))
    timed("write nested ($set)", lambda: coll.update_one({"_id": "nested"}, {"$set": {"outbox": [envelope]}}))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mongo-url", default=os.environ.get("LP_MONGO_URL", "mongodb://127.0.0.1:27017"))
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args(argv)
    client = MongoClient(args.mongo_url, tz_aware=True)
    client.drop_database(DATABASE)
    db = client[DATABASE]
    try:
        outbox(db, args.size)
        expiry(db, 5000)
        ledger(db, args.size)
        big_events(db)
    finally:
        client.drop_database(DATABASE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
