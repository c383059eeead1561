"""The matcher's HTTP API: service tokens, contract shapes, 422 with fields, large bodies; no database needed."""

import json

import pytest

from matcher.app import create_app
from services.auth import issue_token
from services.config import Settings
from services.keys import service_token_key
from services.web.health import add_readiness_check
from tests.unit.matcher.builders import placement, vacancy, worker

SECRET = "x"


def bearer(role: str) -> str:
    """A token signed with the key of the matcher's service tokens (``services.keys``)."""
    return "Bearer " + issue_token(service_token_key(SECRET), "caller", role, 600)[0]


@pytest.fixture
def anyone():
    """A client with no token."""
    settings = Settings(service="matcher", secret_key=SECRET, mongo_url="mongodb://127.0.0.1:1",
                        kafka_bootstrap="127.0.0.1:1")
    return create_app({"TESTING": True, "MATCHER_INDEX": False}, settings).test_client()


@pytest.fixture
def client(anyone):
    """A client sending a service token, as the other services do."""
    anyone.environ_base["HTTP_AUTHORIZATION"] = bearer("service")
    return anyone


def post(client, path, body):
    return client.post(path, data=json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("path", ["/api/v1/rank", "/api/v1/itineraries"])
def test_only_services_may_rank(anyone, path):
    body = json.dumps({"worker": worker(), "vacancies": [vacancy()]})
    assert anyone.post(path, data=body, content_type="application/json").status_code == 401
    # Even signed with the service-token key, another role is no caller the matcher knows.
    for role in ("worker", "employer", "auditor"):
        response = anyone.post(path, data=body, content_type="application/json",
                               headers={"Authorization": bearer(role)})
        assert response.status_code == 401 and response.get_json()["error"]["code"]
    response = anyone.post(path, data=body, content_type="application/json",
                           headers={"Authorization": bearer("service")})
    assert response.status_code == 200


def test_rank_returns_the_contract_shape(client):
    vacancies = [vacancy("good", employer_id="e1"), vacancy("far", destination={"country": "ES"})]
    response = post(client, "/api/v1/rank", {"worker": worker(), "vacancies": vacancies,
                                             "history": [placement("e1")]})
    assert response.status_code == 200
    body = response.get_json()
    assert body["excluded"] == [{"vacancy_id": "far", "reason": "country not preferred",
                                 "reason_key": "country_not_preferred"}]
    [match] = body["matches"]
    assert match["vacancy_id"] == "good" and 0 <= match["score"] <= 1
    assert match["reasons"][0] == "you worked here last season"
    assert match["reason_keys"][0] == "worked_here_last_season"


def test_history_is_optional(client):
    response = post(client, "/api/v1/rank", {"worker": worker(), "vacancies": [vacancy()]})
    assert response.status_code == 200


@pytest.mark.parametrize(("body", "field"), [
    ({"vacancies": []}, "worker"),
    ({"worker": worker()}, "vacancies"),
    ({"worker": worker(birth_year="nineteen"), "vacancies": []}, "worker"),
    ({"worker": worker(), "vacancies": [vacancy(wage={"amount": -3})]}, "vacancies"),
    ({"worker": worker(), "vacancies": [vacancy(season={"start": "2027-10-01", "end": "2027-08-01"})]}, "vacancies"),
    ({"worker": worker(), "vacancies": [vacancy(status="deleted")]}, "vacancies"),
    ({"worker": worker(), "vacancies": [vacancy(employer_compliance=1.5)]}, "vacancies"),
    ({"worker": worker(), "vacancies": [vacancy("same"), vacancy("same")]}, "vacancies"),
    ({"worker": worker(), "vacancies": [{"id": "v"}]}, "vacancies"),
    ({"worker": worker(), "vacancies": "all"}, "vacancies"),
    ({"worker": worker(), "vacancies": [], "history": [{"employer_id": "e"}]}, "history"),
    ({"worker": worker(), "vacancies": [], "history": [placement("e", worker_rating=6)]}, "history"),
    ({"worker": worker(), "vacancies": [], "limit": 3}, "limit"),
])
def test_malformed_bodies_get_422_naming_the_field(client, body, field):
    response = post(client, "/api/v1/rank", body)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_failed"
    assert field in error["fields"]


def test_nan_and_wrong_top_level_types_are_422_not_500(client):
    text = json.dumps({"worker": worker(), "vacancies": [vacancy()]}).replace("17.6", "NaN")
    assert client.post("/api/v1/rank", data=text, content_type="application/json").status_code == 422
    for body in ([], "x", 3, None):
        assert post(client, "/api/v1/rank", body).status_code == 422


def test_malformed_json_is_400(client):
    response = client.post("/api/v1/rank", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_request"


def test_rank_takes_bodies_over_one_megabyte(client):
    vacancies = [vacancy(f"v{i}", description="x" * 400) for i in range(2000)]
    body = json.dumps({"worker": worker(), "vacancies": vacancies})
    assert len(body) > 1024 * 1024
    response = client.post("/api/v1/rank", data=body, content_type="application/json")
    assert response.status_code == 200
    assert len(response.get_json()["matches"]) == 2000


def test_itineraries_endpoint(client):
    vacancies = [vacancy("spring", season={"start": "2027-03-01", "end": "2027-05-31"}),
                 vacancy("summer", season={"start": "2027-06-08", "end": "2027-08-31"})]
    response = post(client, "/api/v1/itineraries", {"worker": worker(), "vacancies": vacancies,
                                                    "today": "2027-01-15"})
    assert response.status_code == 200
    [plan] = response.get_json()["itineraries"]
    assert plan["vacancy_ids"] == ["spring", "summer"]
    assert plan["seasons"][1] == {"vacancy_id": "summer", "start": "2027-06-08", "end": "2027-08-31", "weeks": 12.1}
    assert plan["paid_weeks"] == pytest.approx(25.3)


def test_itineraries_validation(client):
    response = post(client, "/api/v1/itineraries", {"worker": worker(), "vacancies": [], "today": "soon"})
    assert response.status_code == 422
    assert "today" in response.get_json()["error"]["fields"]


def test_openapi_documents_both_endpoints(client):
    paths = client.get("/openapi.json").get_json()["paths"]
    assert "/api/v1/rank" in paths and "/api/v1/itineraries" in paths


@pytest.mark.parametrize("path", ["/api/v1/rank", "/api/v1/itineraries"])
def test_deeply_nested_json_is_400_not_500(client, path):
    for text in ("[" * 100_000 + "]" * 100_000, '{"worker": ' + "[" * 100_000 + "]" * 100_000 + "}"):
        response = client.post(path, data=text, content_type="application/json")
        assert response.status_code == 400


def test_itineraries_at_the_end_of_time_are_not_a_500(client):
    response = post(client, "/api/v1/itineraries", {"worker": worker(), "vacancies": [vacancy()],
                                                    "today": "9999-12-31"})
    assert response.status_code == 200
    assert response.get_json() == {"itineraries": []}


class Index:
    """A ranking index that is built or not, and knows one worker with no matches."""

    def __init__(self):
        self.ready = False
        self.updated_at = None

    def worker_matches(self, worker_id, limit):
        return [] if worker_id == "known" else None


def test_the_read_api_and_readyz_wait_for_the_ranking_index(client):
    app = client.application
    assert client.get("/api/v1/workers/known/matches").status_code == 503  # no index at all
    index = app.extensions["matcher_index"] = Index()
    add_readiness_check(app, "ranking_index", lambda: index.ready)
    assert client.get("/api/v1/workers/known/matches").status_code == 503
    assert client.get("/readyz").get_json()["checks"]["ranking_index"] is False
    index.ready = True
    assert client.get("/readyz").get_json()["checks"]["ranking_index"] is True
    assert client.get("/api/v1/workers/known/matches").get_json()["matches"] == []
    assert client.get("/api/v1/workers/unknown/matches").status_code == 404


class CountingIndex(Index):
    def __init__(self):
        super().__init__()
        self.ready = True

    def candidate_count(self, vacancy_id):
        return {"v1": 12, "v2": 0}.get(vacancy_id)


def test_candidate_counts_answer_for_open_vacancies_only_and_only_to_services(client, anyone):
    client.application.extensions["matcher_index"] = CountingIndex()
    body = client.get("/api/v1/candidate-counts?vacancy=v1&vacancy=v2&vacancy=closed&vacancy=v1").get_json()
    assert body == {"counts": {"v1": 12, "v2": 0}}
    assert client.get("/api/v1/candidate-counts").status_code == 422
    assert anyone.get("/api/v1/candidate-counts?vacancy=v1", headers={"Authorization": bearer("employer")}
                      ).status_code == 401
