"""The workers service's Flask application factory."""

from __future__ import annotations

from flask import Flask

from services.web import create_service_app
from workers.pages import blp as pages_blp


def create_app(test_config: dict | None = None, settings=None) -> Flask:
    """Build the workers app: kernel plumbing, then this service's views."""
    app, _api = create_service_app("workers", __name__, test_config, settings)
    app.register_blueprint(pages_blp)
    return app
