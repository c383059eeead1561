"""Domain errors become HTTP answers in one place: the contract's JSON error body in the API, the
service's error page on pages for people."""

from __future__ import annotations

import pytest
from flask import Blueprint
from flask_smorest import Blueprint as ApiBlueprint

from employers.app import create_app as create_employers_app
from employers.pages import page_error as employers_page_error
from services import errors
from services.config import Settings
from services.web import create_service_app
from services.web.errors import CODES, HTTP_ERRORS, register_page_errors, status_of

WERKZEUG_404 = ("The requested URL was not found on the server. If you entered the URL manually please check "
                "your spelling and try again.")
# Each domain error, the status and contract code it answers with.
CASES = [
    (errors.Invalid("The cursor is not one this service gave out."), 400, "bad_request"),
    (errors.Unauthorized("This account no longer exists."), 401, "unauthorized"),
    (errors.Forbidden("Auditors need two-factor sign-in here."), 403, "forbidden"),
    (errors.NotFound("No such vacancy."), 404, "not_found"),
    (errors.Conflict("This offer can no longer be answered."), 409, "conflict"),
    (errors.TooManyRequests("Too many attempts; try again in 7 seconds.", retry_after=7), 429, "rate_limited"),
    (errors.Unavailable("Candidates cannot be ranked right now; try again shortly."), 503, "service_unavailable"),
    # A kind more precise than its status keeps its own code (contract: employer verification).
    (errors.UnverifiedEmployer("An auditor has not verified this employer yet."), 403, "unverified_employer"),
]
RAISED: dict[str, errors.DomainError] = {}
# Codes the contract names beyond the status's own (the "Additions" sections).
PRECISE_CODES = ("unverified_employer",)


def settings(service: str = "employers") -> Settings:
    return Settings(service=service, secret_key="unit-secret", mongo_url="mongodb://127.0.0.1:1",
                    kafka_bootstrap="127.0.0.1:1")


def raise_named(name: str):
    raise RAISED[name]


@pytest.fixture
def client():
    app, api = create_service_app("employers", __name__, {"TESTING": True}, settings())
    blp = ApiBlueprint("things", __name__, url_prefix="/api/v1")
    blp.get("/raise/<name>")(raise_named)
    api.register_blueprint(blp)
    pages = Blueprint("pages", __name__)
    pages.get("/page/<name>")(raise_named)
    register_page_errors(pages, lambda status: (f"<html><h1>page {status}</h1></html>", status))
    app.register_blueprint(pages)
    return app.test_client()


@pytest.mark.parametrize(("error", "status", "code"), CASES, ids=lambda v: type(v).__name__ if
                         isinstance(v, errors.DomainError) else str(v))
def test_each_domain_error_answers_the_api_with_its_status_and_the_contract_body(client, error, status, code):
    RAISED["it"] = error
    response = client.get("/api/v1/raise/it")
    assert response.status_code == status and status_of(error) == status
    assert response.get_json() == {"error": {"code": code, "message": error.message, "fields": {}}}
    # The domain's name for it is the contract's: its status's code, or a more precise one the contract names.
    assert error.code == code and code in (CODES[status], *PRECISE_CODES)


def test_a_rate_limit_says_when_to_try_again(client):
    RAISED["it"] = errors.TooManyRequests("Too many attempts; try again in 7 seconds.", retry_after=7)
    assert client.get("/api/v1/raise/it").headers["Retry-After"] == "7"


def test_without_a_message_the_answer_keeps_the_default_text(client):
    RAISED["it"] = errors.NotFound()
    assert client.get("/api/v1/raise/it").get_json()["error"]["message"] == WERKZEUG_404


def test_a_subclass_answers_like_its_base_and_an_unknown_one_is_a_500(client):
    class Taken(errors.Conflict):
        pass

    class Odd(errors.DomainError):
        pass

    RAISED["taken"], RAISED["odd"] = Taken("taken"), Odd("odd")
    assert client.get("/api/v1/raise/taken").status_code == 409
    odd = client.get("/api/v1/raise/odd")
    assert odd.status_code == 500 and odd.get_json()["error"]["message"] == "Something went wrong on our side."


def test_every_domain_error_of_the_kernel_is_mapped():
    kinds = {cls for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.DomainError)}
    # A precise kind (UnverifiedEmployer) answers as its listed base (Forbidden).
    listed = {cls for cls in kinds if cls in HTTP_ERRORS or not any(base in HTTP_ERRORS for base in cls.__mro__)}
    assert listed - {errors.DomainError} == set(HTTP_ERRORS)
    assert all(status_of(cls()) != 500 for cls in kinds - {errors.DomainError})


@pytest.mark.parametrize(("error", "status", "code"), CASES[:5])
def test_on_a_page_a_domain_error_is_the_page_blueprint_s_error_page(client, error, status, code):
    RAISED["it"] = error
    response = client.get("/page/it")
    assert response.status_code == status and response.mimetype == "text/html"
    assert f"<h1>page {status}</h1>" in response.get_data(as_text=True)


def test_an_employers_page_shows_a_domain_error_as_its_error_page_in_the_reader_s_language():
    app = create_employers_app({"TESTING": True, "MATCHER_CLIENT": object()}, settings())
    extra = Blueprint("extra_pages", __name__)
    extra.get("/extra/<name>")(raise_named)
    register_page_errors(extra, employers_page_error)
    app.register_blueprint(extra)
    RAISED["it"] = errors.NotFound("No such vacancy.")
    response = app.test_client().get("/extra/it", headers={"Accept-Language": "es"})
    page = response.get_data(as_text=True)
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "<h1>" in page and "There is nothing here" not in page  # the Spanish text, not the msgid
    assert app.test_client().get("/extra/it").get_data(as_text=True).count(
        "There is nothing here, or it belongs to another account.") == 1


def test_an_incomplete_request_answers_422_with_its_fields(client):
    RAISED["it"] = errors.Incomplete("Give the registration number.", {"registration_number": ["Required."]})
    response = client.get("/api/v1/raise/it")
    assert response.status_code == 422
    assert response.get_json()["error"] == {"code": "validation_failed", "message": "The request has invalid fields.",
                                            "fields": {"registration_number": ["Required."]}}
