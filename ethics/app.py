"""The ethics service's Flask application factory."""

from __future__ import annotations

from flask import Flask

from ethics.api import blp as api_blp
from ethics.api_open_data import blp as api_open_data_blp
from ethics.api_registry import blp as registry_api_blp
from ethics.pages import blp as pages_blp
from ethics.pages_fairness import blp as fairness_pages_blp
from ethics.pages_open_data import blp as open_data_pages_blp
from ethics.pages_password import blp as password_pages_blp
from ethics.pages_registry import blp as registry_pages_blp
from ethics.pages_verification import blp as verification_pages_blp
from ethics.two_factor import blp as two_factor_blp
from services.web import create_service_app


def create_app(test_config: dict | None = None, settings=None) -> Flask:
    """Build the ethics app: kernel plumbing, the JSON API and the auditor pages."""
    app, api = create_service_app("ethics", __name__, test_config, settings)
    api.register_blueprint(api_blp)
    api.register_blueprint(api_open_data_blp)
    api.register_blueprint(registry_api_blp)
    app.register_blueprint(pages_blp)
    app.register_blueprint(two_factor_blp)
    app.register_blueprint(password_pages_blp)
    app.register_blueprint(verification_pages_blp)
    app.register_blueprint(fairness_pages_blp)
    app.register_blueprint(open_data_pages_blp)
    app.register_blueprint(registry_pages_blp)
    return app
