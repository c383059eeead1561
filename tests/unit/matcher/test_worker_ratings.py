"""Both sides' ratings of a season: the worker's (``placement.rated``) and the employer's
(``placement.completed``) are kept apart on one placement, in either order, and the circular signal reads both."""

from __future__ import annotations

import pytest

from matcher import handlers, records, store
from matcher.features import placement_signal
from services.events import PLACEMENT_COMPLETED, PLACEMENT_RATED, new_event
from tests.unit.matcher.test_index import BEFORE_EVERY_SEASON, applied, empty_index, profile, reviewed


def completed(offer_id="o1", worker_id="ana", employer="known", employer_rating=5, **extra):
    """The employers service's event: its rating of the worker, no worker's rating (as it sends it today)."""
    return new_event(PLACEMENT_COMPLETED, "employers", offer_id,
                     {"offer_id": offer_id, "vacancy_id": "old", "worker_id": worker_id, "employer_id": employer,
                      "season": {"start": "2026-08-01", "end": "2026-10-31"}, "completed": True,
                      "employer_rating": employer_rating, "worker_rating": None, **extra})


def rated(offer_id="o1", worker_id="ana", employer="known", stars=1):
    """The workers service's event: ``employer_rating`` is the worker's rating of the employer."""
    return new_event(PLACEMENT_RATED, "workers", offer_id,
                     {"offer_id": offer_id, "vacancy_id": "old", "employer_id": employer, "worker_id": worker_id,
                      "recruiter": None, "employer_rating": stars, "recruiter_rating": None,
                      "answers": {"paid_on_time": True, "housing_as_promised": True, "no_fees_charged": True,
                                  "treated_with_respect": False}})


def test_the_workers_rating_of_the_employer_is_the_histories_worker_rating():
    placement = records.placement_rated(rated(stars=2))
    assert placement.placement_id == "o1" and placement.worker_id == "ana"
    assert placement.entry == {"employer_id": "known", "vacancy_id": "old", "worker_rating": 2}


@pytest.mark.parametrize("stars", [0, 6, None, True, "4", 3.5])
def test_a_rating_that_is_not_1_to_5_is_dead_lettered(stars):
    with pytest.raises(ValueError):
        records.placement_rated(rated(stars=stars))


def test_the_employers_event_without_a_workers_rating_leaves_it_as_recorded():
    entry = records.placement_completed(completed()).entry
    assert "worker_rating" not in entry and entry["employer_rating"] == 5
    assert records.placement_completed(completed()).merged({"worker_rating": 1})["worker_rating"] == 1


@pytest.mark.parametrize("order", ["completed first", "rated first"])
def test_both_sides_are_kept_whatever_order_they_come_in(order):
    events = [completed(), rated(stars=2)]
    index = applied(empty_index(), profile("ana"), *(events if order == "completed first" else events[::-1]))
    [entry] = index.worker_history("ana")
    assert (entry["worker_rating"], entry["employer_rating"], entry["completed"]) == (2, 5, True)


def test_a_rating_whose_season_is_not_known_yet_is_no_season_of_the_history():
    index = applied(empty_index(), profile("ana"), rated())
    assert index.worker_history("ana") == []
    applied(index, completed())
    assert len(index.worker_history("ana")) == 1


def test_a_bad_worker_rating_of_an_employer_lowers_that_pairings_circular_signal():
    index = applied(empty_index(), profile("ana"), reviewed("v1", employer="known"), reviewed("v2", employer="other"),
                    completed(employer_rating=5))
    before = {m["vacancy_id"]: m for m in index.worker_matches("ana", today=BEFORE_EVERY_SEASON)}
    assert before["v1"]["score"] > before["v2"]["score"]  # the employer rated the worker well: +1
    applied(index, rated(stars=1))
    after = {m["vacancy_id"]: m for m in index.worker_matches("ana", today=BEFORE_EVERY_SEASON)}
    assert after["v1"]["score"] < before["v1"]["score"]
    assert after["v1"]["score"] < after["v2"]["score"]  # -1 against another employer's 0
    assert "worked_here_last_season" not in after["v1"]["reason_keys"]
    assert after["v2"]["score"] == pytest.approx(before["v2"]["score"])


def test_the_signal_reads_both_sides():
    season = {"completed": True, "employer_rating": 5}
    assert placement_signal({**season, "worker_rating": None}) == 1.0
    assert placement_signal({**season, "worker_rating": 1}) == -1.0
    assert placement_signal({**season, "worker_rating": 3}) == 0.0
    assert placement_signal({**season, "worker_rating": 5}) == 1.0


def test_the_handler_writes_only_the_workers_side(monkeypatch):
    writes = []
    monkeypatch.setattr(store, "update_one", lambda cls, filter_, update, **kw: writes.append((filter_, update)))
    handlers.on_placement_rated(rated(stars=4))
    handlers.on_placement_completed(completed())
    [(rated_filter, rated_update), (_filter, completed_update)] = writes
    assert rated_filter == {"id": "o1"}
    assert rated_update == {"set__worker_id": "ana", "set__employer_id": "known", "set__vacancy_id": "old",
                            "set__worker_rating": 4}
    assert "set__worker_rating" not in completed_update and completed_update["set__employer_rating"] == 5
