"""MongoDB connection (mongoengine) for the database a service owns."""

from __future__ import annotations

import threading

import mongoengine
from bson import ObjectId
from mongoengine import NotUniqueError
from mongoengine.connection import get_db
from pymongo import ReturnDocument
from pymongo.errors import BulkWriteError, DuplicateKeyError, PyMongoError

from services.config import Settings

# Fail fast: a request waiting 30 s (pymongo's default) for a database that
# is down would pile up workers; 3 s lets /readyz and writes answer 503.
SERVER_SELECTION_TIMEOUT_MS = 3000
DUPLICATE_KEY = 11000

# Threads of one process (a web app and a worker in the tests, an index loader) connect at once:
# mongoengine's connection registry is plain dicts, and a disconnect racing a connect raised KeyError.
_binding = threading.Lock()
_bound: dict[str, tuple[str, str]] = {}


def connect(settings: Settings, alias: str = "default") -> None:
    """Bind mongoengine's ``alias`` to this service's database; already bound to it, nothing changes.

    Keeping the client when nothing changed matters: other threads may be using it.
    """
    target = (settings.mongo_url, settings.mongo_db)
    with _binding:
        if _bound.get(alias) == target:
            return
        _rebind(settings, alias)
        _bound[alias] = target


def _rebind(settings: Settings, alias: str) -> None:
    mongoengine.disconnect(alias)
    # Document classes cache their collection, and so the client behind it: a
    # reconnect (tests do one per test) must not leave any on a closed one.
    # mongoengine resets those of its registry, which is keyed by class name and
    # so misses one of two services' same-named classes (employers' and workers'
    # Offer) when both are imported in one process, as in the tests.
    for document_class in _document_classes(mongoengine.Document):
        document_class._collection = None
    mongoengine.connect(
        db=settings.mongo_db,
        host=settings.mongo_url,
        alias=alias,
        serverSelectionTimeoutMS=SERVER_SELECTION_TIMEOUT_MS,
        connectTimeoutMS=SERVER_SELECTION_TIMEOUT_MS,
        tz_aware=True,
        uuidRepresentation="standard",
    )


def _document_classes(base):
    for subclass in base.__subclasses__():
        yield subclass
        yield from _document_classes(subclass)


def database(alias: str = "default"):
    """The pymongo database behind ``alias``."""
    return get_db(alias)


def ping(alias: str = "default") -> bool:
    """True when the database answers."""
    try:
        database(alias).command("ping")
    except PyMongoError:
        return False
    return True


def upsert(operation):
    """Run ``operation()``, an upsert by ``_id``, once more if a concurrent one inserted that ``_id`` first.

    Two upserts of a new ``_id`` at the same moment may both try the insert; the loser gets E11000
    (MongoDB documents this race). Run again, it finds the document and updates it.
    """
    try:
        return operation()
    except DuplicateKeyError:
        return operation()


def find_one_and_upsert(collection, key, update: dict) -> dict:
    """Apply ``update`` to the document ``_id: key``, made if missing, and return the document afterwards.

    find_one_and_update(upsert, the new document), run through ``upsert``. SecantusDB 0.7.0b3 answers
    a first upsert of an ``_id`` that a concurrent one inserted a moment before with no document,
    though it applied the update (its upsert path returns the new document only when it inserted it):
    then the document is read back, which may already show a later update too.
    """
    document = upsert(lambda: collection.find_one_and_update({"_id": key}, update, upsert=True,
                                                             return_document=ReturnDocument.AFTER))
    return document if document is not None else collection.find_one({"_id": key})


def save_new(document):
    """Insert ``document`` (its ``_id`` minted here when it has none); NotUniqueError when a unique index
    holds another document with the same key.

    pymongo retries a write whose answer did not come in time (retryable writes). SecantusDB does not
    recognise the retry, so an insert that had landed answers E11000 on its own ``_id`` (or another unique
    key of its own): the 2-hour soak saw 21 of these as 500s, for vacancies that were stored. An ``_id`` minted
    here is unique, so a stored document with it is this very write, done.
    """
    if document.pk is None:
        document.pk = ObjectId()
    try:
        return document.save(force_insert=True)
    except NotUniqueError:
        if type(document).objects(pk=document.pk).only("id").first() is not None:
            return document
        raise


def insert_new(collection, rows: list[dict]) -> None:
    """Insert ``rows`` in one write, skipping those a unique index already holds.

    What makes replaying an event harmless: rows carry deterministic
    unique keys, and a second insert of the same row is a no-op.
    """
    if not rows:
        return
    try:
        collection.insert_many(rows, ordered=False)
    except BulkWriteError as exc:
        if any(err.get("code") != DUPLICATE_KEY for err in exc.details.get("writeErrors", [])):
            raise


def plain(value):
    """A stored value as plain dicts and lists: mongoengine hands back its own tracking types, which
    events (dataclasses, copied deep) and JSON cannot carry."""
    if isinstance(value, dict):
        return {key: plain(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [plain(inner) for inner in value]
    return value
