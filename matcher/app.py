"""The matcher service's Flask application factory."""

from __future__ import annotations

from flask import Flask

from matcher.api import blp as api_blp
from matcher.index import start_index
from matcher.notices import WatchMemory, follow_notices
from matcher.pages import blp as pages_blp
from matcher.ranker import load_ranker
from matcher.read_api import blp as read_blp
from matcher.skills import default_space
from services.web import create_service_app
from services.web.health import add_readiness_check


def create_app(test_config: dict | None = None, settings=None) -> Flask:
    """Build the matcher app: kernel plumbing, then this service's views.

    The app starts its own ranking index (``matcher.index``), which builds
    itself in the background, and follows ``matches.updated`` for its
    memory of the watches (``matcher.notices.WatchMemory``);
    ``MATCHER_INDEX: False`` in ``test_config`` leaves both out (the read
    API then answers 503).
    """
    app, api = create_service_app("matcher", __name__, test_config, settings)
    # A learned model is used only when LP_MATCHER_MODEL names its file (see matcher.ranker).
    model_path = app.config.get("MATCHER_MODEL") or app.config["LP_SETTINGS"].matcher_model or None
    app.extensions["matcher_ranker"] = load_ranker(model_path)
    # Fit the concept space now rather than on the first request.
    default_space()
    if app.config.get("MATCHER_INDEX", True):
        index = start_index(app.config["LP_SETTINGS"], app.extensions["matcher_ranker"])
        app.extensions["matcher_index"] = index
        add_readiness_check(app, "ranking_index", lambda: index.ready)
        # The watches this process read or wrote, so that a worker reading again costs no look-up.
        memory = app.extensions["watch_memory"] = WatchMemory()
        app.extensions["watch_memory_tail"] = follow_notices(app.config["LP_SETTINGS"], memory)
    api.register_blueprint(api_blp)
    api.register_blueprint(read_blp)
    app.register_blueprint(pages_blp)
    return app
