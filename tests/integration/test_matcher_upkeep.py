"""Marks that no event makes, over the real database: seasons that began, and lists stored by an older version."""

from __future__ import annotations

import datetime as dt

from matcher.store import OPEN, Dirty, VacancyRecord, WorkerMatches
from matcher.upkeep import mark_old_lists, mark_seasons_begun
from tests.documents import vacancy


def open_vacancy(vacancy_id: str, start: str, status: str = OPEN) -> None:
    VacancyRecord.objects(id=vacancy_id).update_one(
        set__status=status, set__document=vacancy(season={"start": start, "end": "2027-12-15"}), upsert=True)


def marked() -> set[str]:
    found = {d.id for d in Dirty.objects}
    Dirty.objects.delete()
    return found


def test_seasons_that_began_since_the_last_check_are_marked(database):
    open_vacancy("long-ago", "2026-11-01")
    open_vacancy("closed", "2026-11-01", status="closed")
    open_vacancy("today", "2027-01-11")
    open_vacancy("later", "2027-05-01")
    assert mark_seasons_begun(None, dt.date(2027, 1, 10)) == 1 and marked() == {"vacancy:long-ago"}
    assert mark_seasons_begun(dt.date(2027, 1, 10), dt.date(2027, 1, 11)) == 1 and marked() == {"vacancy:today"}
    assert mark_seasons_begun(dt.date(2027, 1, 11), dt.date(2027, 1, 12)) == 0 and marked() == set()


def test_lists_stored_by_an_older_version_load_and_are_marked(database):
    WorkerMatches._get_collection().insert_many([
        {"_id": "w-old", "items": [{"vacancy_id": "v1", "score": 0.9, "reason_keys": []}], "vacancy_ids": ["v1"]},
        {"_id": "w-new", "entries": "[]", "vacancy_ids": []}])
    assert WorkerMatches.objects(id="w-old").first().items == []  # read as empty until redone, not an error
    assert mark_old_lists() == 1 and marked() == {"worker:w-old"}
