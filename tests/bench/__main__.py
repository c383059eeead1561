"""Kernel benchmarks over a real broker and database (SecantusDB) started for the run.

Each figure is printed next to a naive baseline measured in the same
process, with their ratio, since absolute numbers on a shared 2-core
machine mean little on their own.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import threading
import time
import uuid
from dataclasses import replace

from kafka.structs import OffsetAndMetadata
from mongoengine import StringField

from deploy.stack import ROOT, Stack
from services import db
from services.config import Settings
from services.consumer import ConsumerLoop
from services.events import Envelope
from services.kafka import Publisher, ensure_topics
from services.ledger import EventLedger
from services.outbox import OutboxDocument, OutboxRelay
from services.worker import build_consumer
from tests.integration.helpers import PORT_OFFSET


class BenchParcel(OutboxDocument):
    event_source = "bench"
    title = StringField()
    meta = {"collection": "bench_parcels"}


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def report(name: str, figure: float, unit: str, baseline_name: str, baseline: float) -> None:
    ratio = figure / baseline if baseline else float("inf")
    print(f"{name:<44} {figure:>10.0f} {unit}   baseline ({baseline_name}) {baseline:>8.0f} {unit}   "
          f"ratio {ratio:.1f}x", flush=True)


def events(topic: str, n: int) -> list[Envelope]:
    return [Envelope(type=topic, source="bench", subject=f"s{i}", payload={"i": i, "title": "Apple harvest"})
            for i in range(n)]


def bench_publish(settings: Settings) -> None:
    """Batched publishing (one flush per batch) against waiting on every message."""
    topic = f"bench.publish.{uuid.uuid4().hex[:6]}"
    ensure_topics(settings, [topic])
    publisher = Publisher(settings)
    try:
        publisher.publish(events(topic, 10))  # connect and fetch metadata first
        batched = 5000 / timed(lambda: publisher.publish(events(topic, 5000)))

        def one_by_one():
            for e in events(topic, 300):
                publisher.send(e).get(timeout=10)

        naive = 300 / timed(one_by_one)
    finally:
        publisher.close()
    report("publish, batched", batched, "msg/s", "get() per message", naive)


def save_parcels(n: int) -> list[float]:
    """Save ``n`` documents each with one pending event; the seconds each save took."""
    BenchParcel.objects.delete()
    timings = []
    for i in range(n):
        parcel = BenchParcel(title=f"job {i}")
        parcel.record_event("vacancy.submitted", {"i": i})
        timings.append(timed(parcel.save))
    return timings


def relay_naively(publisher: Publisher) -> None:
    """The baseline: one document at a time, one acknowledged publish and one update each."""
    collection = BenchParcel._get_collection()
    while doc := collection.find_one({"outbox.0": {"$exists": True}}):
        publisher.publish([Envelope.from_dict(e) for e in doc["outbox"]])
        collection.update_one({"_id": doc["_id"]}, {"$pullAll": {"outbox": doc["outbox"]}})


def bench_outbox(settings: Settings, n: int = 500) -> None:
    """Relay throughput from saved documents to acknowledged Kafka messages."""
    ensure_topics(settings)
    publisher = Publisher(settings)
    try:
        saves = save_parcels(n)
        relay = OutboxRelay(publisher, [BenchParcel])

        def drain():
            published = 0
            while published < n:
                published += relay.relay_once()

        batched = n / timed(drain)
        save_parcels(n)
        naive = n / timed(lambda: relay_naively(publisher))
        ceiling = n / timed(lambda: publisher.publish(events("vacancy.submitted", n)))
    finally:
        publisher.close()
    print(f"{'outbox save (state + event, one write)':<44} p50 {statistics.median(saves) * 1000:.1f} ms, "
          f"p95 {statistics.quantiles(saves, n=20)[18] * 1000:.1f} ms", flush=True)
    report("outbox relay to Kafka", batched, "evt/s", "one document at a time", naive)
    print(f"{'  (ceiling: batched publish, no database)':<44} {ceiling:>10.0f} evt/s", flush=True)


def drain_topic(settings: Settings, topic: str, n: int, naive: bool) -> float:
    """Events per second through the consumer loop (or the per-message baseline)."""
    group = f"{'naive' if naive else 'loop'}{uuid.uuid4().hex[:6]}"
    consumer = build_consumer(replace(settings, service=group), [topic])
    seen, ledger, dead_letters = [], EventLedger(group), Publisher(settings)
    loop = ConsumerLoop(consumer, {topic: lambda e: seen.append(e.id)}, ledger, dead_letters)
    started = time.perf_counter()
    try:
        while len(seen) < n:
            if not naive:
                loop.poll_once(500)
                continue
            for tp, batch in consumer.poll(timeout_ms=500).items():
                for record in batch:
                    event = Envelope.from_bytes(record.value)
                    if not ledger.seen_many([event.id]):
                        seen.append(event.id)
                        ledger.mark_many([event.id])
                    consumer.commit({tp: OffsetAndMetadata(record.offset + 1, "", -1)})
    finally:
        consumer.close(autocommit=False)
        dead_letters.close()
    return n / (time.perf_counter() - started)


def bench_consume(settings: Settings, n: int = 2000) -> None:
    """The consumer loop (one ledger look-up and write per batch) against per-message look-ups and commits."""
    topic = f"bench.consume.{uuid.uuid4().hex[:6]}"
    ensure_topics(settings, [topic])
    publisher = Publisher(settings)
    publisher.publish(events(topic, n))
    publisher.close()
    naive = drain_topic(settings, topic, n, naive=True)
    looped = drain_topic(settings, topic, n, naive=False)
    report("consume, ledger + commit after handling", looped, "evt/s", "per-message ledger + commit", naive)


def main() -> None:
    from tests.bench.data_bench import main as data_bench
    from tests.bench.load_bench import main as load_bench
    from tests.bench.matcher_bench import main as matcher_bench
    from tests.bench.review_bench import main as review_bench
    from tests.bench.scale_bench import main as scale_bench
    from tests.corpus.evaluate import main as ethics_corpus_report

    ethics_corpus_report()
    matcher_bench()
    # Moved up by LP_TEST_PORT_OFFSET like the tests' ports, so a bench can run beside another checkout's tests.
    stack = Stack(var=ROOT / "var" / "bench", kafka_port=39092 + PORT_OFFSET, controller_port=39093 + PORT_OFFSET,
                  mongo_port=39317 + PORT_OFFSET)
    stack.down()
    shutil.rmtree(stack.var, ignore_errors=True)
    print("[bench] starting Kafka and the database for the benchmark run", flush=True)
    stack.start_database()
    stack.start_kafka()
    settings = Settings(service="bench", secret_key="bench", mongo_url=stack.mongo_url,
                        kafka_bootstrap=f"127.0.0.1:{stack.kafka_port}", mongo_db_prefix="bench_")
    db.connect(settings)
    try:
        print(f"[bench] kernel benchmarks (python {sys.version.split()[0]}, 2-core shared machine: "
              "compare ratios, not absolute figures)", flush=True)
        bench_publish(settings)
        bench_outbox(settings)
        bench_consume(settings)
    finally:
        stack.down()
    review_bench([])
    load_bench()
    data_bench([])
    scale_bench([])


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    main()
