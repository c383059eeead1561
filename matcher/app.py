"""The matcher service's Flask application factory."""

from __future__ import annotations

from flask import Flask

from matcher.api import blp as api_blp
from matcher.pages import blp as pages_blp
from matcher.ranker import load_ranker
from matcher.read_api import blp as read_blp
from matcher.skills import default_space
from services.web import create_service_app


def create_app(test_config: dict | None = None, settings=None) -> Flask:
    """Build the matcher app: kernel plumbing, then this service's views."""
    app, api = create_service_app("matcher", __name__, test_config, settings)
    # A learned model is used only when LP_MATCHER_MODEL names its file (see matcher.ranker).
    model_path = app.config.get("MATCHER_MODEL") or app.config["LP_SETTINGS"].matcher_model or None
    app.extensions["matcher_ranker"] = load_ranker(model_path)
    # Fit the concept space now rather than on the first request.
    default_space()
    api.register_blueprint(api_blp)
    api.register_blueprint(read_blp)
    app.register_blueprint(pages_blp)
    return app
