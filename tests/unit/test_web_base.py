"""The Flask base: error shape, limits, auth decorators, CSRF, headers."""

import json

import pytest
from flask import abort, g, jsonify
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from services import credentials
from services.auth import issue_token, require_role
from services.config import Settings
from services.keys import service_token_key, session_key, token_key
from services.web import allow_large_body, create_service_app
from services.web.security import MB
from tests.fakes import MemoryCredentials

SECRET = "unit-test-secret"
CREDENTIALS = MemoryCredentials()


class ThingSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=50))
    count = fields.Integer(required=True, validate=validate.Range(min=1))


def make_app():
    settings = Settings(service="employers", secret_key=SECRET, mongo_url="mongodb://127.0.0.1:1",
                        kafka_bootstrap="127.0.0.1:1")
    app, api = create_service_app("employers", __name__, {"TESTING": True, "CREDENTIALS": CREDENTIALS}, settings)
    blp = Blueprint("things", __name__, url_prefix="/api/v1")

    @blp.post("/things")
    @blp.arguments(ThingSchema)
    @blp.response(201, ThingSchema)
    def create(thing):
        return thing

    @blp.post("/big")
    @allow_large_body(4 * MB)
    def big():
        from flask import request

        return {"size": len(request.get_data())}

    @blp.get("/mine")
    @require_role("employer")
    def mine():
        return {"sub": g.principal.subject}

    @blp.get("/conflict")
    def conflict():
        abort(409, description="already exists")

    @blp.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    api.register_blueprint(blp)

    @app.post("/form")
    def form():
        return jsonify(ok=True)

    return app


@pytest.fixture
def client():
    return make_app().test_client()


def error_of(response):
    body = response.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fields"}
    return body["error"]


def test_valid_input_passes(client):
    r = client.post("/api/v1/things", json={"name": "a", "count": 2})
    assert r.status_code == 201 and r.get_json() == {"name": "a", "count": 2}


def test_validation_error_maps_each_field(client):
    r = client.post("/api/v1/things", json={"name": "", "count": 0, "extra": 1})
    err = error_of(r)
    assert r.status_code == 422 and err["code"] == "validation_failed"
    assert set(err["fields"]) == {"name", "count", "extra"}


@pytest.mark.parametrize("body", ['{"name": "a", "count": 2, "bad\\ud800name": 1}',
                                  '{"name": "a\\udfff", "count": 2}', '{"name": ["x", {"y": "\\ud83d"}], "count": 2}'])
def test_a_lone_surrogate_is_malformed_json_not_a_500(client, body):
    # Legal in JSON text, but no character: argon2 or BSON would raise on it deep in a view (issue 12 review).
    r = client.post("/api/v1/things", data=body, content_type="application/json")
    r.data.decode("utf-8")
    assert r.status_code == 400 and error_of(r)["code"] == "bad_request"


def test_a_surrogate_pair_is_a_character_like_any_other(client):
    r = client.post("/api/v1/things", data='{"name": "\\ud83d\\ude00", "count": 2}', content_type="application/json")
    assert r.status_code == 201 and r.get_json()["name"] == "\U0001F600"


def test_malformed_json_is_400(client):
    r = client.post("/api/v1/things", data="{not json", content_type="application/json")
    assert r.status_code == 400 and error_of(r)["code"] == "bad_request"


def test_absurdly_nested_json_is_400_not_500(client):
    r = client.post("/api/v1/things", data="[" * 100_000, content_type="application/json")
    assert r.status_code == 400 and error_of(r)["code"] == "bad_request"


def test_body_over_one_megabyte_is_413(client):
    r = client.post("/api/v1/things", data=json.dumps({"name": "x" * (MB + 10), "count": 1}),
                    content_type="application/json")
    assert r.status_code == 413 and error_of(r)["code"] == "payload_too_large"


def test_marked_endpoint_takes_a_larger_body(client):
    r = client.post("/api/v1/big", data=b"x" * (2 * MB), content_type="application/octet-stream")
    assert r.status_code == 200 and r.get_json() == {"size": 2 * MB}
    r = client.post("/api/v1/big", data=b"x" * (5 * MB), content_type="application/octet-stream")
    assert r.status_code == 413


@pytest.mark.parametrize("path,method,status,code", [
    ("/nowhere", "get", 404, "not_found"),
    ("/api/v1/things", "get", 405, "method_not_allowed"),
    ("/api/v1/conflict", "get", 409, "conflict"),
])
def test_http_errors_have_the_contract_shape(client, path, method, status, code):
    r = getattr(client, method)(path)
    assert r.status_code == status and error_of(r)["code"] == code


def test_unexpected_error_is_500_without_internals(client):
    r = client.get("/api/v1/boom")
    assert r.status_code == 500
    assert "secret internals" not in r.get_data(as_text=True)


def test_role_decorator(client):
    assert client.get("/api/v1/mine").status_code == 401
    assert client.get("/api/v1/mine", headers={"Authorization": "Bearer junk"}).status_code == 401
    key = token_key(SECRET, "employers")
    worker, _ = issue_token(key, "w1", "worker", 60)
    assert client.get("/api/v1/mine", headers={"Authorization": f"Bearer {worker}"}).status_code == 403
    employer, _ = issue_token(key, "e1", "employer", 60)
    r = client.get("/api/v1/mine", headers={"Authorization": f"Bearer {employer}"})
    assert r.status_code == 200 and r.get_json() == {"sub": "e1"}


def test_a_token_ends_when_its_account_version_goes_up(client):
    employer, _ = issue_token(token_key(SECRET, "employers"), "e2", "employer", 60)
    assert client.get("/api/v1/mine", headers={"Authorization": f"Bearer {employer}"}).status_code == 200
    with client.application.app_context():
        credentials.end_all("employer:e2")  # revoked in this process: at once
    assert client.get("/api/v1/mine", headers={"Authorization": f"Bearer {employer}"}).status_code == 401


def test_a_token_revoked_by_another_process_ends_once_this_process_copy_of_the_version_expires(client):
    now = [0.0]
    client.application.extensions["lp_token_versions"] = credentials.VersionCache(1.0, clock=lambda: now[0])
    employer, _ = issue_token(token_key(SECRET, "employers"), "e3", "employer", 60)
    headers = {"Authorization": f"Bearer {employer}"}
    assert client.get("/api/v1/mine", headers=headers).status_code == 200
    CREDENTIALS.end_all("employer:e3")  # the store alone: as another process revokes
    now[0] = 0.9
    assert client.get("/api/v1/mine", headers=headers).status_code == 200  # the documented window
    now[0] = 1.0
    assert client.get("/api/v1/mine", headers=headers).status_code == 401


def test_a_token_signed_with_another_key_or_for_another_purpose_is_refused(client):
    for key in (SECRET, token_key(SECRET, "workers"), service_token_key(SECRET), session_key(SECRET, "employers")):
        employer, _ = issue_token(key, "e1", "employer", 60)
        assert client.get("/api/v1/mine", headers={"Authorization": f"Bearer {employer}"}).status_code == 401


def test_forms_need_the_session_csrf_token(client):
    assert client.post("/form", data={"a": "1"}).status_code == 400
    with client.session_transaction() as session:
        session["csrf"] = "tok"
    assert client.post("/form", data={"a": "1", "csrf_token": "wrong"}).status_code == 400
    assert client.post("/form", data={"a": "1", "csrf_token": "tok"}).status_code == 200


def test_security_headers_and_request_id(client):
    r = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert r.status_code == 200
    assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "same-origin"
    assert r.headers["X-Request-ID"] == "abc-123"
    hostile = client.get("/healthz", headers={"X-Request-ID": "<script>"})
    assert hostile.headers["X-Request-ID"] != "<script>"


def test_readyz_is_503_when_nothing_is_reachable(client):
    r = client.get("/readyz")
    assert r.status_code == 503
    assert r.get_json()["checks"] == {"database": False, "kafka": False}


def test_openapi_documents_the_contract_error(client):
    doc = client.get("/openapi.json").get_json()
    assert "/api/v1/things" in doc["paths"]
    assert "error" in doc["components"]["schemas"]["Error"]["properties"]


def test_metrics_are_prometheus_text(client):
    client.get("/healthz")
    r = client.get("/metrics")
    assert r.status_code == 200 and b"http_requests_total" in r.data
