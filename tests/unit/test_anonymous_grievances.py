"""Anonymous grievances without a database: day-only times and ids, payloads and flags that name no one, wiring."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from bson import ObjectId

from ethics import worker as ethics_worker
from ethics.grievance_flags import anonymised, is_anonymous
from services.coarse_time import day_object_id, day_of_stamp, day_stamp, day_start, is_day_object_id
from workers import worker as workers_worker
from workers.fairness import FairnessPublisher
from workers.grievance_release import GrievanceRelease, anonymise_old_grievances, date_held_grievances
from workers.grievances import grievance_payload
from workers.models import Grievance

MOMENT = datetime(2027, 8, 3, 14, 2, 37, 512000, tzinfo=UTC)


def test_times_keep_only_the_day():
    assert day_start(MOMENT) == datetime(2027, 8, 3, tzinfo=UTC)
    assert day_start(MOMENT.replace(tzinfo=None)) == datetime(2027, 8, 3, tzinfo=UTC)
    # 01:00 in UTC+3 is still the day before in UTC.
    assert day_start(datetime(2027, 8, 4, 1, 0, tzinfo=timezone(timedelta(hours=3)))) == datetime(2027, 8, 3,
                                                                                                    tzinfo=UTC)
    assert day_stamp(MOMENT) == "2027-08-03T00:00:00.000Z"
    assert day_of_stamp("2027-08-03T14:02:37.512Z") == datetime(2027, 8, 3, tzinfo=UTC)
    assert day_of_stamp("not a time") == day_start()


def test_day_ids_tell_the_day_and_nothing_that_orders_them():
    ids = [day_object_id(MOMENT) for _ in range(50)]
    assert all(i.generation_time == datetime(2027, 8, 3, tzinfo=UTC) and is_day_object_id(i) for i in ids)
    assert len(set(ids)) == 50
    assert not is_day_object_id(ObjectId.from_datetime(MOMENT)) and not is_day_object_id("x")


def test_an_anonymous_grievance_names_neither_the_offer_nor_the_worker():
    anonymous = Grievance(category="fees", text="A fee.", employer_id="e1", offer_id="o1", worker_id="w1",
                          anonymous=True)
    assert grievance_payload(anonymous) == {"category": "fees", "text": "A fee.", "anonymous": True,
                                            "employer_id": "e1"}


def test_an_anonymous_flag_keeps_the_employer_category_text_and_day():
    row = {"key": "grievance:1", "employer_id": "e1", "document_kind": "grievance", "document_id": "g-1",
           "document": {"category": "fees", "text": "A fee.", "offer_id": "o1", "anonymous": True},
           "created_at": MOMENT + timedelta(days=1)}
    flag = anonymised(row, "2027-08-03T14:02:37.512Z")
    assert flag["document"] == {"category": "fees", "text": "A fee.", "anonymous": True}
    assert flag["created_at"] == datetime(2027, 8, 3, tzinfo=UTC)  # the day filed, not the day received
    assert is_day_object_id(flag["_id"]) and is_day_object_id(ObjectId(flag["document_id"]))
    assert flag["employer_id"] == "e1" and flag["key"] == "grievance:1"
    assert is_anonymous({}) and is_anonymous({"anonymous": True}) and not is_anonymous({"anonymous": False})


def test_the_workers_release_and_both_upgrades_run_in_the_worker_processes(monkeypatch):
    calls = {}
    # The workers' main reads its settings (for the e-mail sender, off without LP_SMTP_URL).
    monkeypatch.setenv("LP_SECRET_KEY", "unit-test-secret-key-of-32-characters")
    monkeypatch.delenv("LP_SMTP_URL", raising=False)
    monkeypatch.setattr(workers_worker, "run_worker", lambda *a, **k: calls.setdefault("workers", k))
    monkeypatch.setattr(ethics_worker, "run_worker", lambda *a, **k: calls.setdefault("ethics", k))
    workers_worker.main()
    ethics_worker.main()
    assert [type(j) for j in calls["workers"]["jobs"]] == [GrievanceRelease, FairnessPublisher]
    # The grievance upgrades, in this order (the workers' other upgrades follow them).
    assert calls["workers"]["upgrades"][:2] == (anonymise_old_grievances, date_held_grievances)
    # Anonymised first: the flag counts are built (once) from the flags as they are after it.
    assert [f"{u.__module__}.{u.__name__}" for u in calls["ethics"]["upgrades"]] == [
        "ethics.grievance_flags.anonymise_old_flags", "ethics.flag_counts.build_once", "ethics.parties.build_once"]
