"""Where the use cases read and write vacancies and offers (MongoDB here, a fake in unit tests).

Every state change is one conditional write that also appends the events it
publishes to the document's outbox (``services.outbox.write``): the state and
its events travel in the same write, with no transaction. The condition (the
status and revision read) makes two racing changes safe: one wins, the
other is told so and reports a conflict or ignores a stale event.
"""

from __future__ import annotations

from bson import ObjectId
from bson.errors import InvalidId

from employers import notices
from employers.models import Employer, Offer, Vacancy, VacancyDraft, utcnow
from services import db, erasure, outbox
from services.events import CANDIDATES_SHOWN, new_event


def object_id(value) -> ObjectId | None:
    """``value`` as an ObjectId, or None when it cannot be one."""
    try:
        return ObjectId(str(value))
    except (InvalidId, TypeError):
        return None


class MongoStore:
    """The real store, over mongoengine's connection."""

    def vacancy(self, vacancy_id) -> Vacancy | None:
        oid = object_id(vacancy_id)
        return Vacancy.objects(id=oid).first() if oid else None

    def offer(self, offer_id) -> Offer | None:
        oid = object_id(offer_id)
        return Offer.objects(id=oid).first() if oid else None

    def add(self, document):
        """Insert a new vacancy or offer (with the events already recorded on it)."""
        return db.save_new(document)

    def add_many(self, documents: list) -> list:
        """Insert new documents of one class (with their events) in one round trip: a document is
        written whole or not at all, in order, stopping at the first that fails."""
        for document in documents:
            document.validate()
        if documents:
            type(documents[0])._get_collection().insert_many([d.to_mongo() for d in documents], ordered=True)
        return documents

    def transition(self, document, expected: dict, changes: dict, events=()) -> bool:
        """Apply ``changes`` and queue ``events`` [(type, payload)] if the stored document still matches
        ``expected`` (field -> value, or a list of allowed values); False when it does not (written means
        matched, as ``services.outbox.write`` says)."""
        condition = {"_id": document.pk}
        for field, value in expected.items():
            condition[field] = {"$in": list(value)} if isinstance(value, list | tuple) else value
        envelopes = [new_event(kind, "employers", str(document.pk), payload) for kind, payload in events]
        return outbox.write(type(document), condition, {"$set": {**changes, "updated_at": utcnow()}}, envelopes)

    def draft(self, draft_id) -> VacancyDraft | None:
        oid = object_id(draft_id)
        return VacancyDraft.objects(id=oid).first() if oid else None

    def drafts(self, employer_id: str, limit: int) -> list[VacancyDraft]:
        """The employer's drafts, last changed first."""
        return list(VacancyDraft.objects(employer_id=str(employer_id)).order_by("-updated_at").limit(limit))

    def count_drafts(self, employer_id: str) -> int:
        return VacancyDraft.objects(employer_id=str(employer_id)).count()

    def save_draft(self, draft: VacancyDraft) -> VacancyDraft:
        draft.updated_at = utcnow()
        return draft.save()

    def delete_draft(self, draft: VacancyDraft) -> None:
        draft.delete()

    def set_verification(self, employer_id, decision: str) -> bool:
        """Record the auditors' decision on an employer; False when there is no such employer."""
        oid = object_id(employer_id)
        return bool(oid) and Employer.objects(id=oid).update_one(set__verification=decision) == 1

    def tell(self, event_id: str, offer: Offer, kind: str, outcome: str) -> None:
        """Tell the offer's employer of ``kind`` (``outcome``), once per event (``employers.notices``)."""
        vacancy = self.vacancy(offer.vacancy_id)
        title = str((vacancy.document or {}).get("title") or "") if vacancy is not None else ""
        notices.tell(event_id, offer.employer_id, kind, outcome, str(offer.pk), title)

    def count_offers(self, vacancy_id: str, statuses) -> int:
        return Offer.objects(vacancy_id=str(vacancy_id), status__in=list(statuses)).count()

    def offer_counts(self, vacancy_ids) -> dict[str, dict[str, int]]:
        """Vacancy id -> {offer status: how many}, for a page of vacancies in one query over the index
        (vacancy_id, status): it reads the index entries of those vacancies' offers, never the collection."""
        rows = Offer._get_collection().aggregate([
            {"$match": {"vacancy_id": {"$in": [str(v) for v in vacancy_ids]}}},
            {"$group": {"_id": {"vacancy": "$vacancy_id", "status": "$status"}, "count": {"$sum": 1}}}])
        counts: dict[str, dict[str, int]] = {}
        for row in rows:
            counts.setdefault(row["_id"]["vacancy"], {})[row["_id"]["status"]] = int(row["count"])
        return counts

    def offer_exists(self, vacancy_id: str, worker_id: str, statuses) -> bool:
        return Offer.objects(vacancy_id=str(vacancy_id), worker_id=str(worker_id),
                             status__in=list(statuses)).first() is not None

    def report_shown(self, vacancy: Vacancy, worker_ids: list[str]) -> bool:
        """Remember the candidates of ``vacancy`` its employer has now been shown, and queue
        ``candidates.shown`` with those not reported before (the fairness audit counts them, once each:
        docs/fairness.md); False when there were none new."""
        known = set(vacancy.shown_candidates or ())
        new = [worker_id for worker_id in dict.fromkeys(worker_ids) if worker_id not in known]
        if not new:
            return False
        event = new_event(CANDIDATES_SHOWN, "employers", str(vacancy.pk),
                          {"vacancy_id": str(vacancy.pk), "employer_id": vacancy.employer_id, "worker_ids": new})
        return outbox.write(Vacancy, {"_id": vacancy.pk}, {"$addToSet": {"shown_candidates": {"$each": new}}},
                            [event])

    def forget_worker(self, worker_id: str) -> int:
        """An erased worker's offers keep their terms under a pseudonym (``services.erasure``) in place of
        the worker's id, in the offer, its document and the events still waiting in its outbox, as do the
        vacancies they were shown as a candidate of; how many."""
        worker_id, stand_in = str(worker_id), erasure.pseudonym()
        return (erasure.scrub_collection(Offer._get_collection(), {"worker_id": worker_id}, worker_id, stand_in)
                + erasure.scrub_collection(Vacancy._get_collection(), {"shown_candidates": worker_id}, worker_id,
                                           stand_in))


# The one store the web views and the worker use (unit tests pass a fake instead).
STORE = MongoStore()
