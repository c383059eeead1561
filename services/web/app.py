"""The part of every service's ``create_app()`` that is not business."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask, current_app
from flask_smorest import Api
from werkzeug.middleware.proxy_fix import ProxyFix

from services import db, keys
from services.config import Settings
from services.logs import configure_logging
from services.web.errors import register_error_handlers
from services.web.health import blp as health_blp
from services.web.health import init_request_metrics
from services.web.schemas import ErrorSchema
from services.web.security import MB, init_security


class ServiceApi(Api):
    """flask-smorest's Api documenting the contract's error shape."""

    ERROR_SCHEMA = ErrorSchema


def settings_of() -> Settings:
    """The settings of the app handling this request."""
    return current_app.config["LP_SETTINGS"]


def allow_large_body(max_bytes: int = 16 * MB):
    """View decorator: accept request bodies up to ``max_bytes`` instead of 1 MB."""

    def decorator(view):
        view._lp_max_body = max_bytes
        return view

    return decorator


def session_cookie_config(service: str, settings: Settings) -> dict:
    """Session cookie name and flags; in production a ``__Host-`` cookie, which browsers accept only when
    Secure, with Path=/ and no Domain: no sibling host or plain-HTTP page can set or shadow it. Path=/ also
    behind the gateway, whose /employers/, /workers/, /ethics/ prefixes never reach the cookie path
    (Flask takes it from SESSION_COOKIE_PATH, not from the forwarded prefix); the names differ per service."""
    prod = settings.env == "prod"
    return {
        "SESSION_COOKIE_NAME": f"__Host-lp_{service}" if prod else f"lp_{service}",
        "SESSION_COOKIE_SECURE": settings.secure_cookies or prod,
        "SESSION_COOKIE_PATH": "/",
        "SESSION_COOKIE_DOMAIN": None,
        # Browsers remember to use HTTPS only for this host (services/web/security.py).
        "LP_HSTS": prod,
    }


def create_service_app(service: str, import_name: str, test_config: dict | None = None,
                       settings: Settings | None = None) -> tuple[Flask, Api]:
    """A Flask app with the kernel wired in, and its flask-smorest ``Api``.

    ``test_config`` overrides Flask config; ``settings`` overrides the
    environment (tests pass both).
    """
    settings = settings or Settings.from_env(service)
    configure_logging(service, settings.log_level)
    app = Flask(import_name)
    ring = keys.keyring(settings, service)
    app.config.update(
        LP_SETTINGS=settings,
        # One key per purpose and service (HKDF): a key taken from one service cannot sign for another.
        SECRET_KEY=ring.session,
        LP_TOKEN_KEY=ring.tokens,
        LP_SERVICE_TOKEN_KEY=ring.service_tokens,
        LP_CLIENT_HASH_KEY=ring.client_hashes,
        MAX_CONTENT_LENGTH=1 * MB,
        MAX_FORM_MEMORY_SIZE=1 * MB,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        **session_cookie_config(service, settings),
        # An absolute lifetime: services.auth ends a session 12 hours after sign-in, however busy;
        # the cookie is not re-sent on every request just to push its expiry on.
        PERMANENT_SESSION_LIFETIME=timedelta(hours=12),
        SESSION_REFRESH_EACH_REQUEST=False,
        API_TITLE=f"Labour pathways: {service}",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        JSON_SORT_KEYS=False,
    )
    app.config.update(test_config or {})
    db.connect(settings)
    api = ServiceApi(app)
    # After Api(): flask-smorest registers its own error handler, ours wins.
    register_error_handlers(app)
    init_security(app)
    init_request_metrics(app, service)
    app.register_blueprint(health_blp)
    if settings.trust_proxy:
        # Behind the gateway: client address, scheme and /prefix come from nginx.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1, x_prefix=1)
    return app, api
