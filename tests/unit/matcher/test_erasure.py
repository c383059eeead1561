"""An erased worker leaves the matcher's ranking index: no matches, no candidacy, no profile, no history.

The index is loaded from an in-memory read model and fed ``worker.erased`` as its tail would hand it over;
the database side (``matcher.store``) is covered by tests/integration/test_erasure_flow.py.
"""

from __future__ import annotations

import pytest

from matcher import records
from matcher.index import RankingIndex
from matcher.watches import WatchTable
from services.events import WORKER_ERASED, WORKER_PROFILE_UPDATED, new_event
from tests.unit.matcher.test_index import scenario


def erased(worker_id: str):
    return new_event(WORKER_ERASED, "workers", worker_id, {"worker_id": worker_id})


def candidacies(index: RankingIndex, documents, worker_id: str) -> int:
    return sum(worker_id in {c["worker_id"] for c in index.vacancy_candidates(d["id"], limit=1000)}
               for d in documents)


def test_an_erased_worker_is_ranked_for_nothing_and_others_are_untouched():
    documents, _workers, _histories, model = scenario(n_vacancies=120, n_workers=40)
    index = RankingIndex()
    index.load_records(model)
    # A worker who is a candidate somewhere, and one who stays.
    gone = next(f"w{i}" for i in range(40) if candidacies(index, documents, f"w{i}"))
    kept = next(f"w{i}" for i in range(40) if f"w{i}" != gone and candidacies(index, documents, f"w{i}"))
    kept_matches = index.worker_matches(kept)

    assert index.apply(WORKER_ERASED, erased(gone))
    index.flush()

    assert index.worker_matches(gone) is None
    assert index.worker_profile(gone) is None
    assert index.worker_history(gone) == []
    assert candidacies(index, documents, gone) == 0
    assert "" not in {c["worker_id"] for d in documents for c in index.vacancy_candidates(d["id"], limit=1000)}
    assert gone not in index._worker_ids and gone not in index._revisions
    assert index.worker_matches(kept) == kept_matches
    # Twice is once.
    assert not index.apply(WORKER_ERASED, erased(gone))


def test_a_worker_erased_before_their_profile_was_built_never_appears():
    index = RankingIndex()
    documents, workers, _histories, model = scenario(n_vacancies=60, n_workers=5)
    index.load_records(model)
    profile = {k: workers[0][k] for k in records.PROFILE_FIELDS if k in workers[0]}
    index.apply(WORKER_PROFILE_UPDATED, new_event(WORKER_PROFILE_UPDATED, "workers", "fresh",
                                                  {"worker_id": "fresh", "revision": 1, "profile": profile}))
    index.apply(WORKER_ERASED, erased("fresh"))
    index.flush()
    assert index.worker_matches("fresh") is None
    assert candidacies(index, documents, "fresh") == 0


def test_an_erasure_that_names_no_worker_is_refused():
    with pytest.raises(ValueError):
        records.worker_erased(new_event(WORKER_ERASED, "workers", "", {}))


def test_an_erased_workers_watch_ends_and_goes_at_the_next_compaction():
    table = WatchTable()
    table.put("gone", ["v1"], None, until=2000.0)
    table.put("kept", ["v1"], None, until=2000.0)
    table.forget("gone")
    table.forget("never-watched")
    assert not table.watched("gone", 1000.0) and table.watched("kept", 1000.0)
    assert table.holders("v1", 1000.0) == ["kept"]
    assert table.compact(1000.0) == 1 and "gone" not in table.worker_ids
