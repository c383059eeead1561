"""The kernel's one copy of how a service replaces an erased worker's id (``services.erasure``)."""

from __future__ import annotations

import json

from services.erasure import is_former, pseudonym, scrubbed


def test_the_id_leaves_every_string_of_a_stored_document_outbox_text_included():
    worker_id = "64b000000000000000000001"
    stored_event = {"type": "offer.submitted", "payload": {"offer": {"worker_id": worker_id, "terms": "x"}}}
    document = {"_id": "o1", "worker_id": worker_id, "document": {"worker_id": worker_id, "wage": {"amount": 17.6}},
                "outbox": [stored_event, json.dumps(stored_event)], "revision": 2, "flags": []}
    clean = scrubbed(document, worker_id, "former-worker-x")
    assert worker_id not in json.dumps(clean)
    assert clean["document"] == {"worker_id": "former-worker-x", "wage": {"amount": 17.6}}
    assert json.loads(clean["outbox"][1])["payload"]["offer"]["worker_id"] == "former-worker-x"
    assert clean["revision"] == 2 and clean["_id"] == "o1"
    assert scrubbed(clean, worker_id, "former-worker-x") == clean


def test_pseudonyms_are_fresh_and_recognisable():
    first, second = pseudonym(), pseudonym()
    assert first != second and is_former(first) and is_former(second)
    assert not is_former("64b000000000000000000001") and not is_former("") and not is_former(None)
