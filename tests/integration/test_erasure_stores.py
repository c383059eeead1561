"""Each service's side of ``worker.erased`` on the real database, events still waiting in outboxes included
(the whole flow through Kafka, with every collection scanned: tests/e2e/test_erasure.py)."""
# ruff: noqa: F811 (pytest fixtures imported from employers_support are parameters here)

from __future__ import annotations

import json

from bson import ObjectId

from employers.handlers import on_worker_erased as employers_erased
from employers.models import Employer
from employers.models import Offer as EmployerOffer
from ethics.handlers import on_worker_erased as ethics_erased
from ethics.models import Flag, Review
from matcher.handlers import on_worker_erased as matcher_erased
from matcher.models import OfferOutcome, PlacementRecord, ShownMatches, WorkerRecord
from services.events import OFFER_REVIEWED, OFFER_SUBMITTED, WORKER_ERASED, new_event
from tests.documents import offer as contract_offer
from tests.integration import employers_support
from tests.integration.employers_support import web_sign_up

app, client, matcher = employers_support.app, employers_support.client, employers_support.matcher  # fixtures
WORKER = str(ObjectId())
OTHER = str(ObjectId())


def erased(worker_id: str = WORKER):
    return new_event(WORKER_ERASED, "workers", worker_id, {"worker_id": worker_id})


def stored(*document_classes) -> str:
    return json.dumps([d for cls in document_classes for d in cls._get_collection().find()], default=str)


def waiting_event(event_type: str, subject: str, worker_id: str) -> list:
    """An outbox holding an event that names ``worker_id``, once as a document and once as JSON text."""
    event = new_event(event_type, "x", subject, {"offer": {"worker_id": worker_id}, "worker_id": worker_id})
    return [event.to_dict(), json.dumps(event.to_dict())]


def test_employers_keep_the_offer_as_a_former_workers_in_every_language(client):
    web_sign_up(client)
    employer = Employer.objects.first()
    offers = []
    for worker_id in (WORKER, WORKER, OTHER):
        offer = EmployerOffer(employer_id=str(employer.pk), vacancy_id="v1", worker_id=worker_id, status="completed",
                              document=contract_offer(vacancy_id="v1", worker_id=worker_id))
        offer.outbox, offer.outbox_pending = waiting_event(OFFER_SUBMITTED, "o", worker_id), True
        offers.append(offer.save())
    assert WORKER in stored(EmployerOffer)

    employers_erased(erased())
    employers_erased(erased())  # a redelivery finds nothing more to do

    assert WORKER not in stored(EmployerOffer) and OTHER in stored(EmployerOffer)
    first, second = (EmployerOffer.objects.get(pk=o.pk) for o in offers[:2])
    assert first.worker_id.startswith("former-worker-") and first.document["worker_id"] == first.worker_id
    assert second.worker_id == first.worker_id and first.status == "completed" and first.outbox_pending
    for language, words in (("en", "Former worker"), ("es", "Antiguo trabajador"), ("fr", "Ancien travailleur"),
                            ("pt", "Antigo trabalhador")):
        page = client.get(f"/offers/{first.pk}?lang={language}").get_data(as_text=True)
        assert words in page and "former-worker-" not in page, language
        assert words in client.get(f"/offers?lang={language}").get_data(as_text=True), language
    assert OTHER in client.get(f"/offers/{offers[2].pk}").get_data(as_text=True)


def test_ethics_keeps_flags_and_verdicts_as_evidence_naming_no_one(database):
    Flag(key="k1", document_kind="offer", document_id="o1", document={"worker_id": WORKER, "hours_per_week": 50},
         rule="long-hours", severity="review").save()
    Flag(key="k2", document_kind="offer", document_id="o2", document={"worker_id": OTHER}, rule="long-hours",
         severity="review").save()
    review = Review(id="e1", request_event_id="e1", kind="offer", document_id="o1", verdict="flag", rules_version="1")
    review.outbox, review.outbox_pending = waiting_event(OFFER_REVIEWED, "o1", WORKER), True
    review.save()
    assert WORKER in stored(Flag, Review)

    ethics_erased(erased())

    assert WORKER not in stored(Flag, Review) and OTHER in stored(Flag)
    assert Flag.objects.count() == 2 and Flag.objects.get(key="k1").document["hours_per_week"] == 50
    assert len(Review.objects.get(id="e1").outbox) == 2


def test_the_matcher_drops_everything_it_kept_of_the_worker(database):
    for worker_id in (WORKER, OTHER):
        WorkerRecord(id=worker_id, revision=1, profile={"display_name": "Rosa"}).save()
        PlacementRecord(id=f"p-{worker_id}", worker_id=worker_id).save()
        OfferOutcome(id=f"o-{worker_id}", worker_id=worker_id, vacancy_id="v1", accepted=True).save()
        ShownMatches(id=worker_id, ids=["v1"]).save()
    kept = (WorkerRecord, PlacementRecord, OfferOutcome, ShownMatches)

    matcher_erased(erased())

    assert WORKER not in stored(*kept)
    assert all(cls.objects.count() == 1 for cls in kept) and OTHER in stored(*kept)
