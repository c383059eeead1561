"""The contract envelope."""

import json

import pytest

from services.events import ALL_TOPICS, TOPICS, Envelope, MalformedEvent, dlq_topic, new_event


def test_envelope_has_exactly_the_contract_fields():
    e = new_event("vacancy.submitted", "employers", "v42", {"title": "Apple harvest"})
    data = json.loads(e.to_bytes())
    assert set(data) == {"id", "type", "version", "occurred_at", "source", "subject", "payload"}
    assert data["version"] == 1 and data["subject"] == "v42" and data["type"] == "vacancy.submitted"
    assert data["occurred_at"].endswith("Z")


def test_round_trip_and_unknown_fields_ignored():
    e = new_event("grievance.filed", "workers", "g1", {"text": "ñ é ç"})
    data = e.to_dict() | {"extra": "ignored"}
    assert Envelope.from_dict(data) == e


@pytest.mark.parametrize("raw", [
    b"", b"[]", b"{bad", b'{"id": "x"}',
    b'{"id":"1","type":"t","source":"s","subject":"x","payload":[]}',
])
def test_malformed_messages_are_rejected(raw):
    with pytest.raises(MalformedEvent):
        Envelope.from_bytes(raw)


def test_topics_are_the_contract_list_then_ours_and_their_dlqs():
    assert TOPICS == ("vacancy.submitted", "vacancy.reviewed", "offer.submitted", "offer.reviewed",
                      "offer.responded", "worker.profile_updated", "placement.completed",
                      "grievance.filed", "matches.updated",
                      # docs/events.md: beyond the contract's list
                      "vacancy.closed", "offer.withdrawn", "grievance.decided",
                      # the contract's additions
                      "employer.registered", "employer.verified", "placement.rated", "worker.erased",
                      # ours again: the fairness audit (docs/fairness.md)
                      "candidates.shown", "fairness.tallied")
    assert dlq_topic("offer.submitted") == "offer.submitted.dlq"
    assert len(ALL_TOPICS) == 2 * len(TOPICS)


def test_unknown_event_type_is_refused():
    with pytest.raises(ValueError):
        new_event("vacancy.deleted", "employers", "v1", {})
