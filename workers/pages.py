"""What the workers' page modules (``pages_*``) share: who is signed in, and how pages answer errors."""

from __future__ import annotations

import functools
import logging

from bson import ObjectId
from bson.errors import InvalidId
from flask import current_app, redirect, render_template, request, session, url_for
from pymongo.errors import ConnectionFailure

from services.auth import Principal, login_session, session_principal
from services.web.errors import register_page_errors
from workers import store
from workers.models import Worker

log = logging.getLogger(__name__)


def signed_in_worker() -> Worker | None:
    """The worker of this web session, if any (and if the account still exists)."""
    principal = session_principal()
    if principal is None or principal.role != "worker":
        return None
    try:
        return Worker.objects(pk=ObjectId(principal.subject)).first()
    except InvalidId:
        return None


def worker_required(view):
    """Page decorator: signed-in workers only; others go to the sign-in page and come back."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        worker = signed_in_worker()
        if worker is None:
            return redirect(url_for("account.login", next=request.script_root + request.full_path))
        _remember_language(worker)
        return view(worker, *args, **kwargs)

    return wrapped


def _remember_language(worker: Worker) -> None:
    # A language chosen on any page becomes the worker's, for the next sign-in on another phone.
    asked = request.args.get("lang")
    if asked and asked != worker.ui_language and asked in current_app.config["LP_LANGUAGES"]:
        store.set_language(worker.pk, asked)
        worker.ui_language = asked


def sign_in(worker: Worker) -> None:
    """Start the worker's session, keeping the language the pages were in."""
    language = session.get("lang") or worker.ui_language
    login_session(Principal(str(worker.pk), "worker"))
    session["lang"] = language


def page_errors(blueprint) -> None:
    """Errors on people's pages answer with a page in their language, not the API's JSON."""
    register_page_errors(blueprint, _error_page)
    blueprint.register_error_handler(ConnectionFailure, _unavailable_page)


def _error_page(status: int):
    return render_template("error.html", status=status), status


def _unavailable_page(exc: ConnectionFailure):
    log.warning("page without the database: %s", exc)
    return render_template("error.html", status=503), 503
