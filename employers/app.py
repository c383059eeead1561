"""The employers service's Flask application factory."""

from __future__ import annotations

from flask import Flask

from employers import labels
from employers.api import blp as api_blp
from employers.api_imports import blp as api_imports_blp
from employers.api_notifications import blp as api_notifications_blp
from employers.api_offers import blp as api_offers_blp
from employers.models import Notification
from employers.pages import blp as pages_blp
from employers.pages_imports import blp as pages_imports_blp
from employers.pages_notifications import blp as pages_notifications_blp
from employers.pages_offers import blp as pages_offers_blp
from employers.pages_overview import blp as pages_overview_blp
from employers.pages_pickers import blp as pages_pickers_blp
from employers.pages_vacancies import blp as pages_vacancies_blp
from services.ethics_client import EthicsClient
from services.matcher_client import MatcherClient
from services.web import create_service_app
from services.web.compression import init_compression
from services.web.i18n import init_i18n
from services.web.notifications import unread_counter

LANGUAGES = ("en", "es", "fr", "pt")


def create_app(test_config: dict | None = None, settings=None) -> Flask:
    """Build the employers app: kernel plumbing, the JSON API, the pages in four languages.

    ``test_config["MATCHER_CLIENT"]`` replaces the matcher client (tests use a fake), and
    ``test_config["ETHICS_CLIENT"]`` the ethics client of the vacancy form's dry run.
    """
    app, api = create_service_app("employers", __name__, test_config, settings)
    app.extensions["matcher_client"] = app.config.get("MATCHER_CLIENT") or MatcherClient(app.config["LP_SETTINGS"])
    app.extensions["ethics_client"] = app.config.get("ETHICS_CLIENT") or EthicsClient(app.config["LP_SETTINGS"])
    api.register_blueprint(api_blp)
    api.register_blueprint(api_imports_blp)
    api.register_blueprint(api_offers_blp)
    api.register_blueprint(api_notifications_blp)
    app.register_blueprint(pages_blp)
    app.register_blueprint(pages_vacancies_blp)
    app.register_blueprint(pages_imports_blp)
    app.register_blueprint(pages_offers_blp)
    app.register_blueprint(pages_pickers_blp)
    app.register_blueprint(pages_notifications_blp)
    app.register_blueprint(pages_overview_blp)
    app.jinja_env.globals["unread_notifications"] = unread_counter(Notification, "employer")
    labels.register(app)
    init_i18n(app, LANGUAGES)
    init_compression(app)
    return app
