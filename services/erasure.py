"""Forgetting an erased worker (``worker.erased``): the one copy of how a service replaces a worker's id.

A service that must keep a record the worker took part in (an employer's past offer, an auditor's
flag) keeps it under a pseudonym instead of the worker's id: ``former-worker-`` and random hex, drawn
anew for each erasure by each service, so nothing links it back to the worker, nor one service's
record to another's. ``scrubbed`` replaces the id wherever it appears in a stored document, strings
inside lists and sub-documents included, so the events waiting in a document's outbox (stored as
documents or as JSON text, ``services.outbox``) lose it too.
"""

from __future__ import annotations

import secrets

FORMER_WORKER = "former-worker-"


def pseudonym() -> str:
    """A fresh stand-in for an erased worker's id, unlinkable to it."""
    return FORMER_WORKER + secrets.token_hex(8)


def is_former(worker_id: str | None) -> bool:
    """Whether ``worker_id`` is the stand-in of an erased worker."""
    return bool(worker_id) and str(worker_id).startswith(FORMER_WORKER)


def scrubbed(value, worker_id: str, replacement: str):
    """``value`` (a stored document, or any part of one) with every occurrence of ``worker_id`` in its
    strings replaced by ``replacement``; keys are kept."""
    if isinstance(value, str):
        return value.replace(worker_id, replacement)
    if isinstance(value, dict):
        return {key: scrubbed(item, worker_id, replacement) for key, item in value.items()}
    if isinstance(value, list):
        return [scrubbed(item, worker_id, replacement) for item in value]
    return value


def scrub_collection(collection, filter_: dict, worker_id: str, replacement: str) -> int:
    """Rewrite each document of ``collection`` that ``filter_`` matches with ``worker_id`` replaced
    (``scrubbed``); how many changed. Safe to run again: a rewritten document no longer holds the id.

    Each document is replaced as read, conditional on its outbox being as read: if the relay took
    events out meanwhile, the document is read again rather than given them back."""
    changed = 0
    for document in collection.find(filter_):
        changed += _scrub_one(collection, document, worker_id, replacement)
    return changed


def _scrub_one(collection, document: dict, worker_id: str, replacement: str, attempts: int = 5) -> int:
    for _ in range(attempts):
        clean = scrubbed(document, worker_id, replacement)
        if clean == document:
            return 0
        condition = {"_id": document["_id"]}
        if "outbox" in document:
            condition["outbox"] = document["outbox"]
        if collection.replace_one(condition, clean).matched_count:
            return 1
        document = collection.find_one({"_id": document["_id"]})
        if document is None:
            return 0
    raise RuntimeError(f"document {document['_id']} kept changing while the erased worker was scrubbed from it")
