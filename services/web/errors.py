"""Every failure as an HTTP answer, in one place: the contract's JSON error shape
``{"error": {"code", "message", "fields"}}`` for the API, the service's own error page for people.

The use cases' domain errors (``services.errors``) get their status here, and only here
(``HTTP_ERRORS``); then they take the way of any other HTTP error, so a page blueprint's error
page (``register_page_errors``) shows them to people and everything else answers in JSON.
"""

from __future__ import annotations

import logging

from flask import current_app, jsonify
from pymongo.errors import ConnectionFailure
from werkzeug import exceptions as http
from werkzeug.exceptions import HTTPException

from services import errors

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "rate_limited",
    500: "internal_error",
    503: "service_unavailable",
}


# Each domain error's HTTP error; a subclass answers like its nearest listed base.
HTTP_ERRORS: dict[type[errors.DomainError], type[HTTPException]] = {
    errors.Invalid: http.BadRequest,
    errors.Incomplete: http.UnprocessableEntity,
    errors.Unauthorized: http.Unauthorized,
    errors.Forbidden: http.Forbidden,
    errors.NotFound: http.NotFound,
    errors.Conflict: http.Conflict,
    errors.TooManyRequests: http.TooManyRequests,
    errors.Unavailable: http.ServiceUnavailable,
}


def _kind(exc: errors.DomainError) -> type[HTTPException] | None:
    return next((HTTP_ERRORS[cls] for cls in type(exc).__mro__ if cls in HTTP_ERRORS), None)


def http_error(exc: errors.DomainError) -> HTTPException:
    """The HTTP error that ``exc`` is (a 500 with the generic text for a domain error this table does not know)."""
    kind = _kind(exc)
    if kind is None:
        return http.InternalServerError("Something went wrong on our side.")
    if kind is http.TooManyRequests:
        error = kind(exc.message, retry_after=getattr(exc, "retry_after", None))
    else:
        error = kind(exc.message)  # None: werkzeug's default text, as an abort() without one gave
    error.error_code = exc.code  # a kind more precise than its status (``unverified_employer``) keeps its code
    if getattr(exc, "fields", None):
        error.data = {"messages": {"json": exc.fields}}  # where webargs puts a schema's field messages
    return error


def status_of(exc: errors.DomainError) -> int:
    """The HTTP status of a domain error (for a page that shows it in place, with its own status)."""
    return http_error(exc).code


def error_response(status: int, message: str, fields: dict | None = None, code: str | None = None):
    """The contract's error body with ``status``."""
    body = {"error": {"code": code or CODES.get(status, "error"), "message": message,
                      "fields": _well_formed(fields or {})}}
    response = jsonify(body)
    response.status_code = status
    return response


def _well_formed(value):
    """``value`` with any lone surrogate (from a hostile field name echoed back) made U+FFFD, so the body
    is valid UTF-8 JSON for strict clients."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {_well_formed(k): _well_formed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_well_formed(v) for v in value]
    return value


def _validation_fields(exc: HTTPException) -> dict:
    # flask-smorest/webargs put marshmallow messages under their location
    # ("json", "query", ...); clients want the field names only.
    messages = (getattr(exc, "data", None) or {}).get("messages") or {}
    fields = {}
    for location_messages in messages.values():
        if isinstance(location_messages, dict):
            fields.update(location_messages)
    return fields


def handle_http_exception(exc: HTTPException):
    status = exc.code or 500
    fields = _validation_fields(exc) if status == 422 else {}
    message = exc.description if status != 422 else "The request has invalid fields."
    response = error_response(status, message, fields, getattr(exc, "error_code", None))
    if status == 405 and hasattr(exc, "valid_methods") and exc.valid_methods:
        response.headers["Allow"] = ", ".join(exc.valid_methods)
    if status == 429 and getattr(exc, "retry_after", None):
        response.headers["Retry-After"] = str(exc.retry_after)
    return response


def handle_domain_error(exc: errors.DomainError):
    if _kind(exc) is None:
        return handle_unexpected(exc)  # a use case's error nobody mapped is a defect: logged, a plain 500
    # As its HTTP error, through Flask's own lookup: the blueprint's error page if it has one
    # (register_page_errors), else the JSON handler above.
    return current_app.handle_http_exception(http_error(exc))


def register_page_errors(blueprint, render_page) -> None:
    """Answer the HTTP and domain errors of ``blueprint``'s views (pages for people) with
    ``render_page(status)``, a page in their language, instead of the API's JSON."""
    blueprint.register_error_handler(HTTPException, lambda exc: render_page(exc.code or 500))


def handle_database_down(exc: ConnectionFailure):
    log.warning("database unavailable: %s", exc)
    return error_response(503, "The service is temporarily unavailable; try again shortly.")


def handle_too_deep(exc: RecursionError):
    # json.loads gives up on absurdly nested input by recursing too deep.
    return error_response(400, "The JSON body is nested too deeply.")


def handle_unexpected(exc: Exception):
    log.exception("unhandled error")
    return error_response(500, "Something went wrong on our side.")


def register_error_handlers(app) -> None:
    """Make every error answer in the contract's shape (call after flask-smorest's Api)."""
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(errors.DomainError, handle_domain_error)
    app.register_error_handler(ConnectionFailure, handle_database_down)
    app.register_error_handler(RecursionError, handle_too_deep)
    app.register_error_handler(Exception, handle_unexpected)
