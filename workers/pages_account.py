"""The first screens: choose a language, sign up, sign in, sign out."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    send_from_directory,
    session,
    url_for,
)
from flask_babel import gettext as _
from marshmallow import ValidationError

from services.auth import limit_signups, logout_session, session_principal
from services.errors import Conflict, TooManyRequests
from services.web.account import change_password
from services.web.sign_in import LoginPage, add_login_page
from workers import profiles
from workers.formatting import language
from workers.models import Worker
from workers.pages import page_errors, sign_in, signed_in_worker, worker_required
from workers.reference import countries_by_name
from workers.schemas import AccountSchema

blp = Blueprint("account", __name__)
page_errors(blp)


@blp.get("/")
def index():
    """The first screen asks for the language; then sign up or sign in; signed in, the worker's home."""
    if signed_in_worker() is not None:
        return redirect(url_for("matches.matches"))
    if "lang" not in session and "lang" not in request.args:
        return render_template("choose_language.html")
    return render_template("welcome.html")


@blp.route("/signup", methods=["GET", "POST"])
def signup():
    """A short sign-up: name, e-mail, password, year of birth, country; the rest on the profile page."""
    form, errors = request.form, {}
    if request.method == "POST":
        try:
            limit_signups()
            account = AccountSchema().load(_account_fields(form))
            worker = profiles.create_worker(account)
            sign_in(worker)
            return redirect(url_for("profile.edit", welcome=1))
        except ValidationError as exc:
            errors = exc.messages
        except Conflict:
            errors = {"email_taken": ["taken"]}
        except TooManyRequests:
            errors = {"form": ["rate_limited"]}
    return render_template("signup.html", form=form, errors=errors,
                           countries=countries_by_name(language())), 422 if errors else 200


def _account_fields(form) -> dict:
    data = {"name": form.get("name", ""), "email": form.get("email", ""), "password": form.get("password", ""),
            "ui_language": language(), "languages": [language()]}
    if form.get("origin_country"):
        data["origin_country"] = form["origin_country"]
    if form.get("birth_year", "").strip():
        data["birth_year"] = form["birth_year"].strip()
    return data


add_login_page(blp, LoginPage(
    Worker, "worker", home="matches.matches", start=sign_in, wrong=lambda: _("Wrong e-mail or password."),
    incomplete=lambda: _("Enter your e-mail and your password."),
    too_many=lambda _exc: _("Too many tries. Wait a few minutes and try again.")))


@blp.post("/logout")
def logout():
    """End the session (on the server too) and ask the browser to forget what it kept (the offline matches)."""
    language_kept = session.get("lang")
    logout_session()
    if language_kept:
        session["lang"] = language_kept
    response = redirect(url_for("account.index"))
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


@blp.route("/password", methods=["GET", "POST"])
@worker_required
def password(worker):
    """Change the password; the worker is signed out everywhere else (other phones, tokens)."""
    errors = {}
    if request.method == "POST":
        try:
            change_password(worker, session_principal(), request.form.get("current_password", ""),
                            request.form.get("new_password", ""))
            return redirect(url_for("profile.edit", password_changed=1))
        except ValidationError as exc:
            errors = exc.messages
        except TooManyRequests:
            errors = {"form": ["rate_limited"]}
    return render_template("password.html", errors=errors), 422 if errors else 200


@blp.get("/manifest.webmanifest")
def manifest():
    """The web app manifest in the reader's language, so the app can be added to the home screen."""
    body = {
        "name": _("Labour pathways"), "short_name": _("Fair work"), "lang": language(),
        "start_url": url_for("matches.matches"), "scope": url_for("account.index"), "display": "standalone",
        "background_color": "#f6f6f3", "theme_color": "#123d6a",
        "icons": [{"src": url_for("static", filename=f"icon-{size}.png"), "sizes": f"{size}x{size}",
                   "type": "image/png"} for size in (192, 512)],
    }
    response = jsonify(body)
    response.mimetype = "application/manifest+json"
    return response


@blp.get("/sw.js")
def service_worker():
    """The service worker, served from the root so that its scope covers every page."""
    response = send_from_directory(current_app.static_folder, "sw.js", mimetype="text/javascript", max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    return response
