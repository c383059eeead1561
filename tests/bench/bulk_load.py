"""Bulk loading of model documents into the services' databases, with progress (for ``tests.bench.data_bench``).

Each document is validated by its mongoengine class (which runs its ``clean``) and stored as that class's
``to_mongo()``, so the stored form is the models' own; the writes are ``insert_many`` batches on a thread
of their own, while the next batch is made.
"""

from __future__ import annotations

import importlib
import queue
import threading
import time
from collections import Counter, defaultdict

from mongoengine import Document

from employers.models import Employer, Offer, Vacancy
from ethics import two_factor
from ethics.__main__ import create_auditor
from ethics.models import Flag
from services import db
from services.config import Settings
from workers.models import Grievance, Worker
from workers.models import Offer as InboxOffer

# The classes the bench loads, by service: their indexes are made before the load.
MODELS = {"employers": (Employer, Vacancy, Offer), "workers": (Worker, InboxOffer, Grievance), "ethics": (Flag,)}
BATCH = 1000
PROGRESS_SECONDS = 10.0


def say(text: str) -> None:
    print(f"[bench-data] {text}", flush=True)


def ensure_indexes(settings: dict[str, Settings]) -> None:
    """The indexes the models declare, in each service's database, before any document arrives."""
    for service, models in MODELS.items():
        db.connect(settings[service])
        for model in models:
            model.ensure_indexes()


class BulkLoader:
    """Buffers model documents per collection and inserts them in batches on a writer thread."""

    def __init__(self, client, settings: dict[str, Settings], expected: int):
        self._client, self._settings, self._expected = client, settings, expected
        self._buffers: dict[tuple, list] = defaultdict(list)
        self._batches: queue.Queue = queue.Queue(maxsize=4)
        self._lock = threading.Lock()
        self.stored: Counter = Counter()
        self._failure: BaseException | None = None
        self._started = self._last_note = time.monotonic()
        self._writer = threading.Thread(target=self._write, name="bench-data-writer", daemon=True)
        self._writer.start()

    def add(self, service: str, document: Document) -> None:
        if type(document) not in MODELS[service]:
            raise TypeError(f"{type(document).__name__} is not a {service} model this bench makes indexes for")
        document.validate()
        key = (self._settings[service].mongo_db, document._get_collection_name())
        self._buffers[key].append(document.to_mongo())
        if len(self._buffers[key]) >= BATCH:
            self._send(key)
        if time.monotonic() - self._last_note >= PROGRESS_SECONDS:
            self._last_note = time.monotonic()
            say(f"  {self.progress()}")

    def finish(self) -> Counter:
        """Insert what is buffered, wait for the writer; the documents stored per ``database.collection``."""
        for key in list(self._buffers):
            self._send(key)
        self._batches.put(None)
        self._writer.join()
        self._raise_failure()
        return self.stored

    def progress(self) -> str:
        with self._lock:
            done, parts = sum(self.stored.values()), ", ".join(f"{k} {n:,}" for k, n in sorted(self.stored.items()))
        seconds = time.monotonic() - self._started
        return (f"{done:,} of about {self._expected:,} documents stored in {seconds:.0f} s "
                f"({done / max(seconds, 1e-9):,.0f}/s): {parts}")

    def _send(self, key: tuple) -> None:
        self._raise_failure()
        if self._buffers[key]:
            self._batches.put((key, self._buffers.pop(key)))

    def _write(self) -> None:
        while (item := self._batches.get()) is not None:
            if self._failure is not None:
                continue  # drain, so the loading thread never waits on a full queue
            (database, collection), rows = item
            try:
                self._client[database][collection].insert_many(rows, ordered=False)
            except BaseException as exc:  # noqa: BLE001 (handed to the loading thread, which raises it)
                self._failure = exc
                continue
            with self._lock:
                self.stored[f"{database}.{collection}"] += len(rows)

    def _raise_failure(self) -> None:
        if self._failure is not None:
            raise RuntimeError("bulk insert failed") from self._failure


def create_enrolled_auditor(settings: Settings, email: str, password: str) -> two_factor.Enrolment:
    """An auditor made as the operator command makes one (password checks, two-factor enrolment)."""
    db.connect(settings)
    return two_factor.enrol(create_auditor(email, password))


def rebuild_flag_counts(settings: Settings) -> float | None:
    """Run ``ethics.flag_counts.rebuild()`` when the project has it, so kept counts match the loaded flags;
    its seconds, or None when there is no such function."""
    try:
        module = importlib.import_module("ethics.flag_counts")
    except ModuleNotFoundError as exc:
        if exc.name != "ethics.flag_counts":
            raise
        say("no ethics.flag_counts module: no kept counts to rebuild (skipped)")
        return None
    if not hasattr(module, "rebuild"):
        say("ethics.flag_counts has no rebuild(): skipped")
        return None
    db.connect(settings)
    started = time.monotonic()
    module.rebuild()
    seconds = time.monotonic() - started
    say(f"ethics.flag_counts.rebuild() took {seconds:.1f} s")
    return seconds
