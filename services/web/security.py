"""Request ids, security headers, body size limits and CSRF for web forms."""

from __future__ import annotations

import hmac
import json
import random
import re
import secrets

from flask import abort, current_app, g, request, session

SECURITY_HEADERS = {
    # No inline script or style, nothing from elsewhere, never framed.
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
# Sent in production only (LP_HSTS): a year, as HSTS preload lists ask; a dev stack on http://127.0.0.1
# must not teach the browser to refuse plain HTTP on loopback.
HSTS = "max-age=31536000; includeSubDomains"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
MB = 1024 * 1024


def init_security(app) -> None:
    """Request ids, headers, per-endpoint body limits and CSRF checks on ``app``."""
    app.before_request(_assign_request_id)
    app.before_request(_apply_body_limit)
    app.before_request(_refuse_lone_surrogates)
    app.before_request(_check_csrf)
    app.after_request(_add_headers)
    app.jinja_env.globals["csrf_token"] = csrf_token


def _assign_request_id():
    incoming = request.headers.get("X-Request-ID", "")
    # A correlation id, not a secret: random bits need no system call (uuid4 reads os.urandom, and each
    # system call hands the GIL over; measured, 7% of a busy worker's samples waited there).
    g.request_id = incoming if _REQUEST_ID.match(incoming) else f"{random.getrandbits(128):032x}"


def _apply_body_limit():
    if request.routing_exception is not None:
        return
    # Every endpoint takes at most 1 MB except those marked with
    # allow_large_body (the matcher's ranking takes 16 MB).
    view = current_app.view_functions.get(request.endpoint)
    limit = getattr(view, "_lp_max_body", None)
    if limit:
        request.max_content_length = limit


# A \uD800-\uDFFF escape in JSON text: a surrogate pair (legal) or a lone surrogate, which is no character.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _refuse_lone_surrogates():
    # A lone surrogate decodes into a Python str that cannot be encoded: argon2, BSON and hashing of it
    # raise deep inside a view. Refused here once, as malformed JSON (400); a body without such an
    # escape (nearly all) costs one scan for it.
    if request.routing_exception is not None or not request.is_json:
        return
    body = request.get_data(cache=True)
    if not _SURROGATE_ESCAPE.search(body):
        return
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return  # the view's own parsing answers malformed JSON
    if _has_lone_surrogate(data):
        abort(400, description="The JSON text holds a lone surrogate (\\uD800-\\uDFFF), which is not a character.")


def _has_lone_surrogate(value, depth: int = 0) -> bool:
    if isinstance(value, str):
        return any("\ud800" <= char <= "\udfff" for char in value)
    if depth > 64:
        return False  # deeper than any schema reads; the schema refuses it
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k, depth + 1) or _has_lone_surrogate(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(item, depth + 1) for item in value)
    return False


def _add_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    response.headers["X-Request-ID"] = g.get("request_id", "")
    if current_app.config.get("LP_HSTS"):
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    if request.path.startswith("/api/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def csrf_token() -> str:
    """The session's CSRF token (created on first use), for hidden form fields."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def _check_csrf():
    # The JSON API authenticates with bearer tokens, which a browser never
    # sends on its own, so only cookie-authenticated pages need the check.
    if request.method not in UNSAFE_METHODS or request.path.startswith("/api/"):
        return
    if request.routing_exception is not None:
        return  # a 404 or 405 says more than a CSRF failure
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token", "")
    expected = session.get("csrf", "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        abort(400, description="The form expired or was not sent from this site; reload the page and try again.")
