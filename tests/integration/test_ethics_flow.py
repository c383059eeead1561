"""The ethics event flow over the real broker and the database: submitted → reviewed, idempotently."""

from __future__ import annotations

import threading
import uuid
from dataclasses import replace

import pytest

from ethics.models import Flag, Review
from ethics.recounts import RecountJob
from ethics.store import recount_marked
from ethics.worker import HANDLERS, OUTBOX_DOCUMENTS
from services.events import (
    GRIEVANCE_FILED,
    OFFER_REVIEWED,
    OFFER_SUBMITTED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    new_event,
)
from services.worker import run_worker
from tests.documents import offer, vacancy
from tests.integration.helpers import envelopes, eventually, publish, read_topic, register_recruiter


@pytest.fixture
def ethics_worker(settings, database):
    """The ethics worker (consumer, relay and its recount job; not the open-data and fairness jobs, which would
    publish into whatever database a later test connects if this thread outlived its test) running in a thread
    on the test's own database and group; the test documents' recruiter is in the registry (a fair vacancy
    passes)."""
    register_recruiter()
    stop = threading.Event()
    worker_settings = replace(settings, consumer_max_attempts=1)
    recounts = RecountJob(recount_marked, 0.2)
    thread = threading.Thread(target=run_worker, args=("ethics", HANDLERS, OUTBOX_DOCUMENTS),
                              kwargs={"settings": worker_settings, "stop": stop, "jobs": (recounts,)}, daemon=True)
    thread.start()
    yield worker_settings
    stop.set()
    # Until it has stopped (run_worker bounds each thread's join): a worker left running would read and write
    # the next test's database through mongoengine's shared connection.
    thread.join()


def reviewed(settings, topic, subjects, expected):
    def found():
        got = [e for e in envelopes(read_topic(settings, topic, expected=0, timeout=2)) if e.subject in subjects]
        return got if len(got) >= expected else None

    return eventually(found, f"{expected} {topic} events", timeout=90, interval=1)


def test_vacancies_are_reviewed_once_with_flags_stored(ethics_worker):
    fair_id, unfair_id = f"v-{uuid.uuid4().hex[:8]}", f"v-{uuid.uuid4().hex[:8]}"
    employer = f"emp-{uuid.uuid4().hex[:6]}"
    unfair = new_event(VACANCY_SUBMITTED, "employers", unfair_id,
                       {"employer_id": employer, "vacancy": vacancy(worker_fees=500)})
    fair = new_event(VACANCY_SUBMITTED, "employers", fair_id, {"employer_id": employer, "vacancy": vacancy()})
    publish(ethics_worker, unfair, fair, unfair)  # the unfair one delivered twice

    events = {e.subject: e for e in reviewed(ethics_worker, VACANCY_REVIEWED, {fair_id, unfair_id}, 2)}
    assert events[fair_id].payload["verdict"] == "pass"
    assert events[fair_id].payload["vacancy"]["title"] == "Apple harvest worker"
    blocked = events[unfair_id].payload
    assert blocked["verdict"] == "block" and blocked["employer_id"] == employer
    assert "worker-fees" in {f["rule"] for f in blocked["flags"]}

    # Acted on once: one review and one set of flags for the twice-delivered event.
    assert Review.objects(document_id=unfair_id).count() == 1
    stored = Flag.objects(document_id=unfair_id)
    assert sorted(f.rule for f in stored) == sorted(f["rule"] for f in blocked["flags"])
    assert all(f.employer_id == employer and f.status == "open" and f.evidence for f in stored)


def test_a_blocked_offer_never_carries_its_terms(ethics_worker):
    vacancy_doc = vacancy()
    fair_id, unfair_id = f"o-{uuid.uuid4().hex[:8]}", f"o-{uuid.uuid4().hex[:8]}"
    cheaper = offer(wage={"amount": 15.0, "currency": "CAD", "per": "hour"}, worker_fees=300)
    publish(ethics_worker,
            new_event(OFFER_SUBMITTED, "employers", unfair_id,
                      {"employer_id": "emp1", "offer": cheaper, "vacancy": vacancy_doc}),
            new_event(OFFER_SUBMITTED, "employers", fair_id,
                      {"employer_id": "emp1", "offer": offer(), "vacancy": vacancy_doc}))

    events = {e.subject: e.payload for e in reviewed(ethics_worker, OFFER_REVIEWED, {fair_id, unfair_id}, 2)}
    assert events[unfair_id]["verdict"] == "block"
    assert {"offer-lower-wage", "offer-new-fees"} <= {f["rule"] for f in events[unfair_id]["flags"]}
    assert "offer" not in events[unfair_id]
    assert events[unfair_id]["worker_id"] == "w1"
    assert events[fair_id]["verdict"] == "pass" and events[fair_id]["offer"]["wage"]["amount"] == 19.6


def test_a_grievance_becomes_a_review_flag_on_the_employer(ethics_worker):
    employer = f"emp-{uuid.uuid4().hex[:6]}"
    grievance = new_event(GRIEVANCE_FILED, "workers", f"g-{uuid.uuid4().hex[:8]}",
                          {"employer_id": employer, "category": "wages", "text": "Our pay was held back.",
                           "anonymous": True})
    publish(ethics_worker, grievance, grievance)
    flag = eventually(lambda: Flag.objects(employer_id=employer).first(), "the grievance flag")
    assert (flag.rule, flag.severity, flag.document_kind) == ("grievance", "review", "grievance")
    assert "held back" in flag.evidence
    assert Flag.objects(employer_id=employer).count() == 1
