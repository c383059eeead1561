"""Back up and restore a service's database, over the MongoDB wire protocol (so the same on the local
SecantusDB and on production's MongoDB, where no mongodump may be at hand).

    python -m deploy.backup dump <service> <file>       # lp_<service> to one gzipped file
    python -m deploy.backup restore <service> <file>    # replaces lp_<service> with the file's content

The file holds, per collection, its indexes and its documents in MongoDB Extended JSON (canonical, so
types such as dates and ObjectIds come back as they were), one JSON object a line. A dump reads each
collection in turn while the service may write: each document is whole, but two collections may be a
moment apart; for a copy of one instant, stop the service's processes (web and worker) first. A restore
drops the database and writes everything back; stop the service's processes while it runs.

``LP_MONGO_URL`` (default: the local stack's database) says where; ``LP_MONGO_DB_PREFIX`` as the services.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
from pathlib import Path

from bson import json_util
from pymongo import MongoClient

try:
    from deploy.stack import Stack
except ImportError:  # run as a script from deploy/
    from stack import Stack

JSON_OPTIONS = json_util.CANONICAL_JSON_OPTIONS
BATCH = 500


def database_name(service: str, environ=os.environ) -> str:
    return f"{environ.get('LP_MONGO_DB_PREFIX', 'lp_')}{service}"


def dump(database, path: Path) -> dict[str, int]:
    """Write every collection of ``database`` (its indexes, then its documents) to ``path``; counts per collection."""
    counts = {}
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for name in sorted(database.list_collection_names()):
            collection = database[name]
            indexes = [index for index in collection.list_indexes() if index["name"] != "_id_"]
            out.write(json_util.dumps({"collection": name, "indexes": indexes}, json_options=JSON_OPTIONS) + "\n")
            counts[name] = 0
            for document in collection.find(sort=[("_id", 1)]):
                out.write(json_util.dumps({"in": name, "document": document}, json_options=JSON_OPTIONS) + "\n")
                counts[name] += 1
    return counts


def restore(database, path: Path) -> dict[str, int]:
    """Replace ``database`` with the content of a ``dump`` file; counts per collection."""
    database.client.drop_database(database.name)
    counts, pending = {}, {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json_util.loads(line, json_options=JSON_OPTIONS)
            if "collection" in row:
                name = row["collection"]
                counts[name] = 0
                database.create_collection(name)
                for index in row["indexes"]:
                    _create_index(database[name], index)
                continue
            batch = pending.setdefault(row["in"], [])
            batch.append(row["document"])
            if len(batch) >= BATCH:
                counts[row["in"]] += _flush(database, row["in"], pending)
    for name in list(pending):
        counts[name] += _flush(database, name, pending)
    return counts


def _create_index(collection, index: dict) -> None:
    options = {k: v for k, v in index.items() if k not in ("v", "key", "ns")}
    collection.create_index(list(index["key"].items()), **options)


def _flush(database, name: str, pending: dict) -> int:
    documents = pending.pop(name, [])
    if documents:
        database[name].insert_many(documents, ordered=True)
    return len(documents)


def main(argv=None, environ=os.environ) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["dump", "restore"])
    parser.add_argument("service", choices=["employers", "workers", "ethics", "matcher"])
    parser.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    url = environ.get("LP_MONGO_URL") or Stack.from_env(environ).mongo_url
    client = MongoClient(url)
    try:
        database = client[database_name(args.service, environ)]
        counts = (dump if args.command == "dump" else restore)(database, args.file)
    finally:
        client.close()
    verb = "wrote" if args.command == "dump" else "restored"
    print(f"{verb} {sum(counts.values())} documents of {database.name} "
          f"({', '.join(f'{n} {c}' for n, c in counts.items()) or 'no collections'}) "
          f"{'to' if args.command == 'dump' else 'from'} {args.file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
