"""The refresher's snapshot cache over the real database: patched from marks, reloaded whole on a timer or on demand."""

from __future__ import annotations

from matcher.snapshot import SnapshotCache
from matcher.store import OPEN, PlacementRecord, VacancyRecord, WorkerRecord
from tests.documents import vacancy


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def open_vacancy(vacancy_id: str, title: str = "Apple harvest worker", status: str = OPEN) -> None:
    VacancyRecord.objects(id=vacancy_id).update_one(set__status=status, set__employer_id="e1",
                                                     set__document=vacancy(title=title), upsert=True)


def worker(worker_id: str, languages=("es",)) -> None:
    profile = {"display_name": worker_id, "birth_year": 1990, "languages": list(languages),
               "skills": ["fruit picking"], "availability": [{"start": "2027-01-01", "end": "2027-12-31"}]}
    WorkerRecord.objects(id=worker_id).update_one(set__profile=profile, upsert=True)


def titles(snapshot) -> dict:
    return {v: snapshot.records[v].document["title"] for v in snapshot.vacancy_ids}


def test_a_round_reloads_what_its_marks_name_and_a_full_reload_catches_the_rest(database):
    open_vacancy("v1"), open_vacancy("v2"), open_vacancy("v3", status="pending")
    worker("w2"), worker("w1")
    clock = Clock()
    cache = SnapshotCache(full_reload_seconds=60, clock=clock)
    first = cache.snapshot(set(), set())
    assert first.vacancy_ids == ["v1", "v2"] and first.worker_ids == ["w1", "w2"]

    open_vacancy("v1", title="Cherry picker")
    open_vacancy("v2", status="closed")
    open_vacancy("v3")
    worker("w3")
    PlacementRecord(id="o1", worker_id="w1", employer_id="e1", season={"start": "2026-05-01", "end": "2026-09-30"},
                    worker_rating=5).save()
    clock.now = 30.0
    # Only what the marks name is read again: v1's edit and w3 wait for a mark or the full reload.
    patched = cache.snapshot({"w1"}, {"v2", "v3"})
    assert titles(patched) == {"v1": "Apple harvest worker", "v3": "Apple harvest worker"}
    assert patched.worker_ids == ["w1", "w2"]
    [signals] = patched.workers.select(patched.worker_rows(["w1"])).signals
    assert list(signals) == ["e1"]

    clock.now = 61.0
    whole = cache.snapshot(set(), set())
    assert titles(whole) == {"v1": "Cherry picker", "v3": "Apple harvest worker"}
    assert whole.worker_ids == ["w1", "w2", "w3"]

    WorkerRecord.objects(id="w2").delete()
    cache.drop()
    assert cache.snapshot(set(), set()).worker_ids == ["w1", "w3"]
