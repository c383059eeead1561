"""The ranking index against the contract's ranking, the revision rules, and readers during writes.

The index is loaded from an in-memory read model (no database, no Kafka)
and fed events as the tail would hand them over.
"""

from __future__ import annotations

import datetime as dt
import threading

import numpy as np
import pytest

from matcher import records
from matcher.gates import below_min_age
from matcher.index import RankingIndex, ReadModel
from matcher.models import CLOSED, OPEN, PENDING
from matcher.tables import VacancyTable, WorkerTable
from services.events import (
    OFFER_RESPONDED,
    PLACEMENT_COMPLETED,
    VACANCY_CLOSED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    WORKER_PROFILE_UPDATED,
    new_event,
)
from tests.bench.matcher_bench import synthetic
from tests.documents import vacancy as contract_vacancy
from tests.unit.matcher.builders import rank
from tests.unit.matcher.test_lists import CLOSE, agree

BEFORE_EVERY_SEASON = dt.date(2026, 12, 31)  # synthetic seasons start in 2027


def scenario(n_vacancies=300, n_workers=120, seed=5):
    """Synthetic documents, each employer's compliance, and the read model holding them."""
    vacancies, workers, histories = synthetic(n_vacancies, n_workers, seed=seed)
    compliance = {f"emp-{i}": round((i % 7) / 7, 3) for i in range(0, 1000, 2)}
    stored_vacancies = [{"_id": v["id"], "revision": 1, "status": OPEN if v["status"] == "approved" else CLOSED,
                         "employer_id": v["employer_id"], "employer_name": "Farm", "document": v} for v in vacancies]
    stored_workers = [{"_id": f"w{i}", "revision": 1, "profile": w} for i, w in enumerate(workers)]
    placements = [{"_id": f"p{i}-{k}", "worker_id": f"w{i}", **entry}
                  for i, history in enumerate(histories) for k, entry in enumerate(history)]
    # What the contract's ranking is given: the open vacancies, each with its employer's record.
    open_documents = [dict(v, employer_compliance=compliance.get(v["employer_id"])) for v in vacancies
                      if v["status"] == "approved"]
    return open_documents, workers, histories, ReadModel(stored_vacancies, stored_workers, placements, compliance)


@pytest.fixture(scope="module")
def built():
    open_documents, workers, histories, model = scenario()
    index = RankingIndex()
    index.load_records(model)
    rankings = [rank(w, open_documents, h)["matches"] for w, h in zip(workers, histories, strict=True)]
    return index, open_documents, rankings


def test_a_workers_matches_are_the_head_of_the_contract_ranking(built):
    index, _documents, rankings = built
    pairs = []
    for i, ranking in enumerate(rankings):
        found = index.worker_matches(f"w{i}", limit=10, today=BEFORE_EVERY_SEASON)
        expected = {m["vacancy_id"]: m for m in ranking}
        assert np.allclose([m["score"] for m in found], [m["score"] for m in ranking[:10]], atol=CLOSE)
        pairs += [((m["score"], m["reason_keys"]), (expected[m["vacancy_id"]]["score"],
                                                     expected[m["vacancy_id"]]["reason_keys"])) for m in found]
    agree(pairs)


def test_only_seasons_not_yet_begun_are_offered(built):
    index, documents, rankings = built
    today = dt.date(2027, 5, 1)
    begun = {d["id"] for d in documents if d["season"]["start"] <= today.isoformat()}
    assert begun, "the scenario should have seasons under way"
    for i, ranking in enumerate(rankings[:30]):
        found = index.worker_matches(f"w{i}", limit=10, today=today)
        upcoming = [m for m in ranking if m["vacancy_id"] not in begun][:10]
        assert not {m["vacancy_id"] for m in found} & begun
        assert np.allclose([m["score"] for m in found], [m["score"] for m in upcoming], atol=CLOSE)


def test_a_vacancys_candidates_are_the_workers_that_rank_it_with_the_same_score(built):
    index, documents, rankings = built
    pairs, listed = [], 0
    for document in documents[::9]:
        vacancy_id = document["id"]
        expected = {f"w{i}": (m["score"], m["reason_keys"]) for i, ranking in enumerate(rankings)
                    for m in ranking if m["vacancy_id"] == vacancy_id}
        found = index.vacancy_candidates(vacancy_id, limit=len(rankings))
        assert sorted(c["worker_id"] for c in found) == sorted(expected)
        assert [c["score"] for c in found] == sorted((c["score"] for c in found), reverse=True)
        pairs += [((c["score"], c["reason_keys"]), expected[c["worker_id"]]) for c in found]
        listed += len(found)
    assert listed, "the scenario should have eligible pairs"
    agree(pairs)


def test_a_vacancys_candidate_count_is_the_length_of_its_whole_candidate_list(built):
    index, documents, rankings = built
    counts = [index.candidate_count(d["id"]) for d in documents[::7]]
    assert counts == [len(index.vacancy_candidates(d["id"], limit=len(rankings))) for d in documents[::7]]
    assert any(counts) and index.candidate_count("vac-unknown") is None


def test_vacancy_scores_cover_every_eligible_worker_of_an_upcoming_vacancy_only(built):
    index, documents, _rankings = built
    vacancy_id = next(d["id"] for d in documents if index.vacancy_candidates(d["id"], 100))
    ids, scores = index.vacancy_scores(vacancy_id, today=BEFORE_EVERY_SEASON)
    candidates = index.vacancy_candidates(vacancy_id, limit=100)
    assert dict(zip(ids, scores.tolist(), strict=True)) == pytest.approx({c["worker_id"]: c["score"]
                                                                          for c in candidates}, abs=1e-4)
    begun = next(d for d in documents if d["id"] == vacancy_id)["season"]["start"]
    assert index.vacancy_scores(vacancy_id, today=dt.date.fromisoformat(begun))[0] == []
    assert index.vacancy_candidates("vac-unknown", 10) is None and index.vacancy_scores("vac-unknown")[0] == []
    assert index.worker_matches("w-unknown") is None


# --- events ----------------------------------------------------------------------------------------------------

def reviewed(vacancy_id, revision=1, verdict="pass", employer="e1", **changes):
    payload = {"vacancy_id": vacancy_id, "employer_id": employer, "employer_name": "Orchard", "verdict": verdict,
               "revision": revision}
    if verdict != "block":
        payload["vacancy"] = contract_vacancy(**changes)
    return new_event(VACANCY_REVIEWED, "ethics", vacancy_id, payload)


def submitted(vacancy_id, revision):
    return new_event(VACANCY_SUBMITTED, "employers", vacancy_id,
                     {"vacancy": contract_vacancy(), "employer_id": "e1", "revision": revision})


def profile(worker_id, revision=1, **changes):
    base = {"display_name": "Ana", "origin_country": "GT", "birth_year": 1994, "languages": ["es"],
            "skills": ["fruit picking"], "certifications": [], "preferred_countries": ["CA"],
            "availability": [{"start": "2027-03-01", "end": "2027-11-30"}], "pathways": ["seasonal"]}
    return new_event(WORKER_PROFILE_UPDATED, "workers", worker_id,
                     {"worker_id": worker_id, "revision": revision, "profile": {**base, **changes}})


def placement(offer_id, worker_id, employer):
    return new_event(PLACEMENT_COMPLETED, "employers", offer_id,
                     {"offer_id": offer_id, "vacancy_id": "old", "worker_id": worker_id, "employer_id": employer,
                      "season": {"start": "2026-08-01", "end": "2026-10-31"}, "completed": True,
                      "worker_rating": 5, "employer_rating": 5})


def empty_index() -> RankingIndex:
    index = RankingIndex()
    index.load_records(ReadModel([], [], [], {}))
    return index


def applied(index: RankingIndex, *events) -> RankingIndex:
    for event in events:
        index.apply(event.type, event)
    index.flush()
    return index


def listed(index, worker_id="ana"):
    return [m["vacancy_id"] for m in index.worker_matches(worker_id, today=BEFORE_EVERY_SEASON) or []]


def test_verdicts_submissions_and_closing_follow_the_revision_rules():
    index = applied(empty_index(), profile("ana"), reviewed("v1"))
    assert listed(index) == ["v1"]
    applied(index, submitted("v1", 2))
    assert listed(index) == [], "a newer revision under review is hidden"
    applied(index, reviewed("v1", revision=1), submitted("v1", 2))
    assert listed(index) == [], "an older verdict, or the same submission again, changes nothing"
    applied(index, reviewed("v1", revision=2, title="Edited"))
    assert listed(index) == ["v1"] and index._vacancies["v1"].document["title"] == "Edited"
    closed = new_event(VACANCY_CLOSED, "employers", "v1", {"vacancy_id": "v1", "status": "filled"})
    applied(index, closed, reviewed("v1", revision=9))
    assert listed(index) == [] and index._vacancies["v1"].status == CLOSED
    assert index.vacancy_candidates("v1", 10) is None


def test_a_verdict_read_before_its_submission_still_opens_the_vacancy():
    index = applied(empty_index(), profile("ana"), reviewed("v1", revision=3), submitted("v1", 3))
    assert listed(index) == ["v1"]


def test_profiles_apply_from_their_own_revision_on_and_placements_once():
    index = applied(empty_index(), profile("ana", revision=2), profile("ana", revision=1, languages=["fr"]),
                    reviewed("v1", employer="known"), reviewed("v2", employer="other"))
    assert index.worker_profile("ana")["languages"] == ["es"]
    tied = index.worker_matches("ana", today=BEFORE_EVERY_SEASON)
    assert tied[0]["score"] == tied[1]["score"]
    applied(index, placement("o1", "ana", "known"), placement("o1", "ana", "known"))
    assert len(index.worker_history("ana")) == 1
    [first, second] = index.worker_matches("ana", today=BEFORE_EVERY_SEASON)
    assert first["vacancy_id"] == "v1" and first["reason_keys"][0] == "worked_here_last_season"
    assert first["score"] > second["score"]
    assert [c["worker_id"] for c in index.vacancy_candidates("v1", 10)] == ["ana"]


def test_a_placement_before_the_profile_counts_once_the_profile_comes():
    index = applied(empty_index(), placement("o1", "ana", "known"), reviewed("v1", employer="known"))
    assert index.worker_matches("ana") is None
    applied(index, profile("ana"))
    assert index.worker_matches("ana", today=BEFORE_EVERY_SEASON)[0]["reason_keys"][0] == "worked_here_last_season"


def test_events_the_consumer_would_dead_letter_are_refused_and_others_ignored():
    index = empty_index()
    with pytest.raises(ValueError):
        index.apply(VACANCY_REVIEWED, new_event(VACANCY_REVIEWED, "ethics", "v1", {"verdict": "maybe"}))
    with pytest.raises(ValueError):
        index.apply(WORKER_PROFILE_UPDATED, profile("ana", birth_year="old"))
    answer = new_event(OFFER_RESPONDED, "workers", "o1", {"response": "accepted"})
    assert index.apply(OFFER_RESPONDED, answer) is False


def test_the_revision_rules_and_their_database_filter_say_the_same():
    submission = records.VacancyChange("v", 2, PENDING, newer_only=True)
    verdict = records.VacancyChange("v", 2, OPEN)
    close = records.VacancyChange("v", records.FINAL_REVISION, CLOSED)
    cases = [(None, None), (1, PENDING), (2, PENDING), (2, OPEN), (3, OPEN), (records.FINAL_REVISION, CLOSED)]
    assert [submission.applies_to(*c) for c in cases] == [True, True, False, False, False, False]
    assert [verdict.applies_to(*c) for c in cases] == [True, True, True, True, False, False]
    assert all(close.applies_to(*c) for c in cases)
    # The handlers' filter: matching (or no record at all, by upsert) is what applies_to allows.
    assert submission.condition() == {"status__ne": CLOSED, "revision__lt": 2}
    assert verdict.condition() == {"status__ne": CLOSED, "revision__lte": 2} and close.condition() == {}


def test_equal_candidates_are_listed_by_id_whatever_order_a_process_learnt_them_in():
    clones = [profile(f"w{i}") for i in range(30)]
    vacancy = reviewed("v1")
    first = applied(empty_index(), vacancy, *clones)
    second = empty_index()
    for event in reversed(clones):  # one flush each: rows in the opposite order
        applied(second, event)
    applied(second, vacancy)
    assert second._rows["w29"] == 0 and first._rows["w0"] == 0
    listed = first.vacancy_candidates("v1", limit=10)
    assert listed == second.vacancy_candidates("v1", limit=10)
    assert [c["worker_id"] for c in listed] == sorted(f"w{i}" for i in range(30))[:10]


def test_not_ready_until_loaded():
    index = RankingIndex()
    assert not index.ready
    index.load_records(ReadModel([], [], [], {}))
    assert index.ready


# --- readers while the builder writes ----------------------------------------------------------------------------

def test_readers_never_see_a_half_written_batch_of_workers():
    """Version A of every profile speaks French but is free at the wrong time; version B is free at the right
    time but speaks no French. Neither is eligible for the French-speaking vacancy; a row half A, half B is."""
    n = 300
    french = contract_vacancy(requirements={"languages": ["fr"], "min_age": 18, "certifications": [], "other": ""})
    wrong_time = [{"start": "2028-03-01", "end": "2028-11-30"}]

    def version(revision):
        changes = {"languages": ["fr"], "availability": wrong_time} if revision % 2 else {"languages": ["es"]}
        return [profile(f"w{i}", revision=revision, **changes) for i in range(n)]

    index = applied(empty_index(), new_event(VACANCY_REVIEWED, "ethics", "fr", {
        "vacancy_id": "fr", "employer_id": "e1", "verdict": "pass", "revision": 1, "vacancy": french}), *version(1))
    seen, errors, stop = set(), [], threading.Event()

    def read():
        try:
            while not stop.is_set():
                seen.add(len(index.vacancy_candidates("fr", limit=100)))
                seen.add(len(index.vacancy_scores("fr", today=BEFORE_EVERY_SEASON)[0]))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    try:
        for revision in range(2, 42):
            applied(index, *version(revision))
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert not errors
    assert seen == {0}


def test_an_unknown_birth_year_never_fails_the_minimum_age_gate():
    known, unknown = {"birth_year": 2015, "languages": ["es"]}, {"languages": ["es"]}
    workers = WorkerTable.from_documents([known, unknown])
    vacancies = VacancyTable.from_documents([{**contract_vacancy(), "id": "v1"}])
    assert below_min_age(workers, vacancies).tolist() == [[True], [False]]
