"""The workers service's Flask application factory."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask

from services.web import create_service_app
from services.web.compression import init_compression
from services.web.i18n import init_i18n
from services.web.notifications import unread_counter
from workers import (
    api,
    api_notifications,
    api_offers,
    formatting,
    labels,
    match_cache,
    matches,
    pages_account,
    pages_data,
    pages_help,
    pages_matches,
    pages_notifications,
    pages_offers,
    pages_profile,
)
from workers.models import Notification
from workers.schemas import UI_LANGUAGES

LANGUAGES = UI_LANGUAGES
# Read by each web process without a consumer group (services/kafka_acl.py grants them).
FOLLOWED = match_cache.FOLLOWED
# Static files are named with a hash of their content in the URL, so phones keep them a year.
STATIC_MAX_AGE = 365 * 24 * 3600


def create_app(test_config: dict | None = None, settings=None) -> Flask:
    """Build the workers app: kernel plumbing, the JSON API, the mobile pages and their five languages.

    ``test_config["MATCHER_CLIENT"]`` replaces the matcher client (tests). ``LP_FOLLOW_EVENTS`` (config; on
    unless testing) follows the events that drop cached matches, from Kafka: without it nothing is cached.
    """
    app, service_api = create_service_app("workers", __name__, test_config, settings)
    if app.config.get("SEND_FILE_MAX_AGE_DEFAULT") is None:
        app.config["SEND_FILE_MAX_AGE_DEFAULT"] = STATIC_MAX_AGE
    service_api.register_blueprint(api.blp)
    service_api.register_blueprint(api_offers.blp)
    service_api.register_blueprint(api_notifications.blp)
    for module in (pages_account, pages_profile, pages_matches, pages_offers, pages_help, pages_data,
                   pages_notifications):
        app.register_blueprint(module.blp)
    init_i18n(app, LANGUAGES)
    app.after_request(_private_pages)
    init_compression(app)
    settings = app.config["LP_SETTINGS"]
    app.extensions["matcher_client"] = matches.build_client(settings, app.config.get("MATCHER_CLIENT"))
    cache = match_cache.MatchCache(settings.matches_cache_seconds, settings.matches_cache_entries)
    app.extensions["match_cache"] = cache
    if app.config.get("LP_FOLLOW_EVENTS", not app.testing):
        # One tail per process (gunicorn's workers each build their app): every cache hears every event.
        app.extensions["match_tail"] = match_cache.follow(settings, cache)
    app.jinja_env.add_extension("jinja2.ext.do")
    # Fewer bytes on the wire: no blank lines left by template tags.
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters.update(formatting.FILTERS)
    app.jinja_env.globals.update(labels=labels, label=labels.label, pay=formatting.pay,
                                 weekly_deductions=formatting.weekly_deductions, season_weeks=formatting.season_weeks,
                                 static_version=_static_versions(Path(app.static_folder)),
                                 unread_notifications=unread_counter(Notification, "worker"))
    return app


def _private_pages(response):
    # Pages show one person's profile, matches and offers: never kept by a shared cache.
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "private, no-cache")
    return response


def _static_versions(folder: Path) -> dict:
    """A short content hash per static file, to put in its URL."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:10] for path in folder.iterdir()
            if path.is_file()}
