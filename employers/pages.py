"""Web pages for employers: the home page, sign-up, sign-in and sign-out (session cookies, CSRF)."""

from __future__ import annotations

import functools

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError

from employers import accounts, choices
from employers.models import Employer
from employers.schemas import AccountRequestSchema
from services.auth import Principal, limit_signups, login_session, logout_session, session_principal
from services.errors import Conflict, Incomplete, TooManyRequests, Unauthorized
from services.web.account import change_password
from services.web.app import settings_of
from services.web.errors import register_page_errors
from services.web.sign_in import LoginPage, add_login_page

blp = Blueprint("pages", __name__, template_folder="templates", static_folder="static",
                static_url_path="/static/employers")
SIGNUP_FIELDS = ("name", "email", "password", "country", "registration_number", "contact")
# What a person is told when a page fails (the JSON API keeps the contract's error body).
PAGE_ERRORS = {
    400: _l("The form expired or was not sent from this site. Go back, reload the page and try again."),
    404: _l("There is nothing here, or it belongs to another account."),
    405: _l("This address cannot be used that way."),
    413: _l("What you sent is too large."),
    429: _l("Too many attempts; wait a few minutes and try again."),
    503: _l("The service is busy or restarting; try again in a minute."),
}


def page_error(status: int):
    """An error on a page, as a page in the person's language."""
    text = PAGE_ERRORS.get(status, _l("Something went wrong; try again."))
    return render_template("error.html", code=status, text=text), status


register_page_errors(blp, page_error)


@blp.app_context_processor
def verification_context() -> dict:
    """Whether employers must be verified before they reach workers (base.html's notice, the sign-up form)."""
    return {"verification_required": settings_of().require_employer_verification}


def employer_required(view):
    """Page decorator: signed-in employers only (the view gets the account); others go to sign-in."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        principal = session_principal()
        if principal is not None and principal.role == "employer":
            try:
                g.employer = accounts.employer_of(principal.subject)  # base.html says if it is not verified yet
                return view(g.employer, *args, **kwargs)
            except Unauthorized:
                logout_session()
        return redirect(url_for("pages.login", next=request.full_path))

    return wrapped


@blp.get("/")
def index():
    """What the service is for, with sign-in, sign-up and the API description."""
    return render_template("index.html")


@blp.route("/signup", methods=["GET", "POST"])
def signup():
    """Create an employer account, then sign in."""
    values = {name: request.form.get(name, "") for name in SIGNUP_FIELDS if name != "password"}
    errors, status = {}, 200
    if request.method == "POST":
        form = {name: request.form.get(name, "").strip() for name in SIGNUP_FIELDS}
        form["password"] = request.form.get("password", "")
        form["country"] = form["country"].upper()
        limit_signups()
        try:
            employer = accounts.create_account(AccountRequestSchema().load({k: v for k, v in form.items() if v}),
                                               settings_of().require_employer_verification)
            login_session(Principal(str(employer.pk), "employer"))
            return redirect(url_for("vacancy_pages.vacancy_list"))
        except ValidationError as exc:
            errors, status = exc.messages, 422
        except Incomplete as exc:
            errors, status = {name: [_("Required to verify the employer.")] for name in exc.fields}, 422
        except Conflict:
            errors, status = {"email": [_("An account with this e-mail address already exists.")]}, 409
    return render_template("signup.html", values=values, errors=errors,
                           countries=choices.countries(str(get_locale() or "en"))), status


add_login_page(blp, LoginPage(
    Employer, "employer", home="vacancy_pages.vacancy_list", wrong=lambda: _("Wrong e-mail or password."),
    too_many=lambda _exc: _("Too many attempts; wait a few minutes and try again."), too_many_status=429))


@blp.post("/logout")
def logout():
    """End the session, on the server too: a copy of the cookie stops working."""
    logout_session()
    return redirect(url_for("pages.index"))


@blp.route("/password", methods=["GET", "POST"])
@employer_required
def password(employer):
    """Change the password; every other session and token of the account ends, this one goes on."""
    errors, status = {}, 200
    if request.method == "POST":
        try:
            change_password(employer, session_principal(), request.form.get("current_password", ""),
                            request.form.get("new_password", ""))
            flash(_("Your password is changed. Every other session and token of this account has ended."))
            return redirect(url_for("vacancy_pages.vacancy_list"))
        except ValidationError as exc:
            errors, status = exc.messages, 422
        except TooManyRequests:
            errors, status = {"current_password": [_("Too many attempts; wait a few minutes and try again.")]}, 429
    return render_template("password.html", errors=errors), status
