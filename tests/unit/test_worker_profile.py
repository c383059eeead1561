"""One worker-profile contract: the workers service and the matcher validate a profile by the same schema
(``services.documents.WorkerProfileSchema``), and an unknown birth year is matched."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import numpy as np
import pytest
from marshmallow import ValidationError

from matcher.gates import below_min_age
from matcher.schemas import RankRequestSchema
from matcher.tables import UNKNOWN_BIRTH_YEAR, VacancyTable, WorkerTable
from services.documents import PUBLISHED_PROFILE_FIELDS, PublishedProfileSchema, WorkerProfileSchema
from tests import matcher_reference as reference
from tests.unit.matcher.builders import excluded, order, rank, vacancy
from tests.unit.matcher.test_api import anyone, client, post  # noqa: F401 (the matcher API's client fixtures)
from workers.profiles import profile_payload
from workers.schemas import AccountSchema, ProfileSchema

PROFILE = {"origin_country": "GT", "birth_year": 1994, "languages": ["es"], "skills": ["fruit picking", "pruning"],
           "certifications": [], "availability": [{"start": "2027-03-01", "end": "2027-11-30"}],
           "preferred_countries": ["CA", "US"], "pathways": ["seasonal", "circular"]}
ACCOUNT = {"name": "Ana López", "email": "ana@example.org", "password": "a long enough password"}
WITHOUT_BIRTH_YEAR = {k: v for k, v in PROFILE.items() if k != "birth_year"}

# One document per rule, each as a change to PROFILE: both services decide each the same way.
DOCUMENTS = [
    ({}, None),
    ({"birth_year": None}, None),
    ({"origin_country": None, "gender": None}, None),
    ({"gender": "female"}, None),
    ({"skills": ["s" * 80] * 50, "availability": [{"start": "2027-01-01", "end": "2027-01-02"}] * 12}, None),
    ({"birth_year": 1850}, "birth_year"),
    ({"birth_year": "nineteen"}, "birth_year"),
    ({"birth_year": True}, "birth_year"),
    ({"origin_country": "Guatemala"}, "origin_country"),
    ({"languages": ["xx"]}, "languages"),
    ({"languages": ["ES"]}, "languages"),
    ({"preferred_countries": ["XX"]}, "preferred_countries"),
    ({"preferred_countries": ["EU"]}, "preferred_countries"),
    ({"skills": ["s" * 81]}, "skills"),
    ({"skills": ["skill"] * 51}, "skills"),
    ({"skills": [""]}, "skills"),
    ({"certifications": ["c"] * 31}, "certifications"),
    ({"availability": [{"start": "2027-05-02", "end": "2027-05-01"}]}, "availability"),
    ({"availability": [{"start": "1990-01-01", "end": "1990-02-01"}]}, "availability"),
    ({"availability": [{"start": "2027-01-01", "end": "2027-02-01", "note": "x"}]}, "availability"),
    ({"availability": [{"start": "2027-01-01", "end": "2027-02-01"}] * 13}, "availability"),
    ({"availability": [{"start": "2027-01-01"}]}, "availability"),
    ({"pathways": ["permanent"]}, "pathways"),
    ({"gender": "prefer"}, "gender"),
]


def refused(load) -> set:
    """The fields ``load()`` refuses (empty if it loads)."""
    try:
        load()
    except ValidationError as exc:
        return set(exc.messages)
    return set()


@pytest.mark.parametrize(("change", "field"), DOCUMENTS, ids=[json.dumps(c)[:60] for c, _ in DOCUMENTS])
def test_both_services_accept_and_refuse_the_same_profiles(change, field):
    document = {**PROFILE, **change}
    expected = {field} if field else set()
    assert refused(lambda: ProfileSchema().load(document)) == expected  # a worker's update
    assert refused(lambda: AccountSchema().load({**ACCOUNT, **document})) == expected  # a sign-up
    assert refused(lambda: WorkerProfileSchema().load(document)) == expected  # the matcher's events
    ranked = refused(lambda: RankRequestSchema().load({"worker": {**ACCOUNT, **document}, "vacancies": []}))
    assert ranked == ({"worker"} if field else set())  # POST /api/v1/rank


def test_the_only_rule_the_workers_service_adds_is_a_plausible_age_when_typed():
    # A year typed today must give an age of 14 to 100; a published year stays valid for the matcher as years pass.
    child = datetime.now(UTC).year - 5
    assert refused(lambda: ProfileSchema().load({"birth_year": child})) == {"birth_year"}
    assert WorkerProfileSchema().load({"birth_year": child}) == {"birth_year": child}
    assert ProfileSchema.opts.unknown == "raise" and WorkerProfileSchema.opts.unknown == "exclude"
    assert set(WorkerProfileSchema().fields) < set(ProfileSchema().fields)


def test_nothing_is_filled_in_so_an_update_changes_only_what_it_names():
    assert WorkerProfileSchema().load({}) == {} and ProfileSchema().load({}) == {}
    assert ProfileSchema().load({"birth_year": None}) == {"birth_year": None}


@pytest.mark.parametrize("birth_year", ["absent", None, 1994])
def test_a_sign_up_publishes_a_profile_the_matcher_accepts(birth_year):
    document = {**ACCOUNT, **WITHOUT_BIRTH_YEAR, **({} if birth_year == "absent" else {"birth_year": birth_year})}
    payload = profile_payload("w1", 1, AccountSchema().load(document))
    profile = payload["profile"]
    assert set(profile) == set(PUBLISHED_PROFILE_FIELDS)
    assert profile["birth_year"] == (None if birth_year == "absent" else birth_year)
    assert PublishedProfileSchema().load(profile)["display_name"] == "Ana"
    # What the matcher's table makes of it: an unknown year is the sentinel the age gate lets through.
    table = WorkerTable.from_documents([profile])
    assert table.birth_year.tolist() == [UNKNOWN_BIRTH_YEAR if birth_year in ("absent", None) else 1994]


def test_the_published_profile_never_carries_the_gender_name_or_email():
    loaded = PublishedProfileSchema().load({**ACCOUNT, **PROFILE, "display_name": "Ana", "gender": "female"})
    assert not {"gender", "name", "email", "password"} & set(loaded)
    assert refused(lambda: PublishedProfileSchema().load({"display_name": "x" * 41})) == {"display_name"}


def test_an_unknown_birth_year_passes_the_minimum_age_gate_a_known_young_one_does_not():
    season = {"start": "2027-08-01", "end": "2027-10-31"}
    vacancies = [vacancy("adults", season=season, requirements={"min_age": 21}),
                 vacancy("anyone", season=season, requirements={"min_age": 0})]
    unknown = {**ACCOUNT, **WITHOUT_BIRTH_YEAR}
    assert order(rank(unknown, vacancies)) == order(rank({**unknown, "birth_year": None}, vacancies))
    assert set(order(rank(unknown, vacancies))) == {"adults", "anyone"}
    assert excluded(rank({**unknown, "birth_year": 2008}, vacancies)) == {"adults": "below_min_age"}
    # The per-pair oracle agrees with the vectorised gate.
    body = RankRequestSchema().load({"worker": unknown, "vacancies": vacancies})
    matched, left_out = reference.rank_naive(body["worker"], body["vacancies"])
    assert {vacancy_id for vacancy_id, _score in matched} == {"adults", "anyone"} and left_out == []


def test_the_vectorised_gate_reads_unknown_years_row_by_row():
    workers = WorkerTable.from_documents([{"birth_year": 2008}, {}, {"birth_year": None}, {"birth_year": 1990}])
    loaded = RankRequestSchema().load({"worker": PROFILE, "vacancies": [vacancy("v", requirements={"min_age": 21})]})
    gate = below_min_age(workers, VacancyTable.from_documents(loaded["vacancies"]))
    np.testing.assert_array_equal(gate, [[True], [False], [False], [False]])


@pytest.mark.parametrize("worker", [WITHOUT_BIRTH_YEAR, {**PROFILE, "birth_year": None}])
def test_the_stateless_rank_api_ranks_a_worker_without_a_birth_year(client, worker):  # noqa: F811
    response = post(client, "/api/v1/rank", {"worker": worker, "vacancies": [vacancy("v")]})
    assert response.status_code == 200, response.get_json()
    assert [m["vacancy_id"] for m in response.get_json()["matches"]] == ["v"]
