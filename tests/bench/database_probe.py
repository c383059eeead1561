"""Does the local database's time per operation, or its RSS, grow with the documents it holds?

    python -m tests.bench.database_probe [--with-oplog] [--port 27991]

Starts SecantusDB alone (as ``deploy/stack.py`` does, on a throwaway store and a 64 MB cache), then 4 threads
each insert a document, find one by ``_id`` and update the new one, and every 2,500 documents it prints the
server's RSS and the milliseconds one such round took per thread. ``--with-oplog`` runs it as the one-node
replica set it used to be (oplog bounded to 10,000 entries), to show what the oplog's trimming costs.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import threading
import time

import pymongo
from bson import ObjectId

from deploy.stack import database_server, port_open, wait_for

THREADS, STEP, STEPS = 4, 2500, 8


def rss_mb(pid: int) -> float:
    """The resident memory of a process, in MB."""
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS:"))


def start(port: int, with_oplog: bool) -> subprocess.Popen:
    """The database server on a fresh temporary store."""
    topology = ["--oplog-retention-seconds", "300", "--oplog-max-entries", "10000"] if with_oplog else ["--standalone"]
    server = subprocess.Popen([str(database_server()), "--host", "127.0.0.1", "--port", str(port), "--storage-path",
                               tempfile.mkdtemp(prefix="lp-probe-"), "--log-level", "WARNING", "--sync-on-commit",
                               "--cache-size", "64M", *topology])
    wait_for(lambda: port_open(port), f"the database on {port}", 60, lambda: server.poll() is None)
    return server


def rounds(docs, ids: list, count: int, took: list) -> None:
    """``count`` rounds of insert, find by id, update by id; appends the seconds they took."""
    began = time.monotonic()
    for i in range(count):
        doc = {"owner": str(ObjectId()), "status": "open", "created": time.time(), "text": "x" * 300}
        docs.insert_one(doc)
        ids.append(doc["_id"])
        docs.find_one({"_id": ids[i * 7 % len(ids)]})
        docs.update_one({"_id": doc["_id"]}, {"$set": {"status": "seen"}})
    took.append(time.monotonic() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--with-oplog", action="store_true")
    parser.add_argument("--port", type=int, default=27991)
    args = parser.parse_args()
    server = start(args.port, args.with_oplog)
    try:
        docs = pymongo.MongoClient(f"mongodb://127.0.0.1:{args.port}/?directConnection=true").probe.docs
        docs.create_index("owner")
        ids: list = []
        print(f"{'with' if args.with_oplog else 'without'} an oplog; RSS at start {rss_mb(server.pid):.0f} MB")
        for step in range(1, STEPS + 1):
            took: list[float] = []
            threads = [threading.Thread(target=rounds, args=(docs, ids, STEP // THREADS, took)) for _ in range(THREADS)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            print(f"documents {step * STEP:6d}  RSS {rss_mb(server.pid):4.0f} MB  "
                  f"ms a round per thread {1000 * max(took) / (STEP // THREADS):5.1f}", flush=True)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
