"""Sign-up and sign-in, once for every kind of account: the API's ``POST /accounts`` and ``POST /tokens``,
and the ``/login`` page.

Each service registers both on its blueprints with what differs: its account model (with
``by_email``), the principal's role, its messages and the page to go to, and for ethics the second
factor after a right password. Wrong passwords are rate limited by ``services.logins``; after
sign-in a page goes back to ``?next=`` only if that is a path of this site (``services.web.redirects``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import redirect, render_template, request, url_for
from marshmallow import ValidationError

from services import errors
from services.auth import Principal, authenticate, issue_account_token, limit_signups, login_session
from services.web.redirects import safe_next
from services.web.schemas import TokenRequestSchema, TokenSchema

WRONG_PASSWORD = "Wrong e-mail or password."


def add_sign_up_endpoint(blp, request_schema, response_schema, create: Callable, summary: str) -> None:
    """Add ``POST /accounts`` to a service's API blueprint: ``create(data)`` stores the account from the
    validated body and may refuse (Conflict for a known e-mail); 201 ``{"id"}``, 429 when too many
    sign-ups come from one client address. ``summary`` is the endpoint's OpenAPI description."""

    def create_account(data):
        limit_signups()
        return {"id": str(create(data).pk)}

    create_account.__doc__ = summary
    blp.post("/accounts")(blp.arguments(request_schema)(blp.response(201, response_schema)(create_account)))


def add_token_endpoint(blp, model, role: str, summary: str, request_schema=TokenRequestSchema,
                       after_password: Callable | None = None) -> None:
    """Add ``POST /tokens`` to a service's API blueprint: ``{"email", "password"}`` in, the contract's
    ``{"token", "expires_at"}`` out for an account of ``model`` as ``role``; 401 for a wrong e-mail or
    password, 429 while guessing. ``summary`` is the endpoint's OpenAPI description;
    ``after_password(account, credentials)`` runs after a right password and may refuse (raise)."""

    def tokens(credentials):
        account = model.by_email(credentials["email"])
        if not authenticate(account, credentials["email"], credentials["password"]):
            raise errors.Unauthorized(WRONG_PASSWORD)
        if after_password is not None:
            after_password(account, credentials)
        return issue_account_token(str(account.pk), role)

    tokens.__doc__ = summary
    blp.post("/tokens")(blp.arguments(request_schema)(blp.response(200, TokenSchema)(tokens)))


@dataclass(frozen=True)
class LoginPage:
    """What one service's sign-in page says and does; the form and its checks are the same everywhere.

    The messages are functions, called while answering, so that they are in the reader's language.
    """

    model: type  # the account document, with ``by_email``
    role: str
    home: str  # endpoint to go to when ``?next=`` is absent or not a path of this site
    wrong: Callable[[], str]  # a wrong e-mail or password
    # The form misses its e-mail or password (checked with TokenRequestSchema); None: no such check,
    # a blank field is a wrong password.
    incomplete: Callable[[], str] | None = None
    too_many: Callable[[errors.TooManyRequests], str] = lambda exc: exc.message
    too_many_status: int = 401
    # (account, target) after a right password: None to sign in now, or the response to send instead.
    after_password: Callable | None = None
    # Starts the web session of the account; by default as ``role``.
    start: Callable | None = None
    template: str = "login.html"


def add_login_page(blp, page: LoginPage) -> None:
    """Add ``GET/POST /login`` (endpoint ``<blueprint>.login``) to a service's page blueprint."""

    @blp.route("/login", methods=["GET", "POST"])
    def login():
        """Sign in with e-mail and password (rate limited), then go on to ``?next=`` or the home page."""
        error, email, status = None, request.form.get("email", ""), 200
        if request.method == "POST":
            try:
                account = _checked_account(page, email, request.form.get("password", ""))
                if account is not None:
                    return _signed_in(page, account)
                error, status = page.wrong(), 401
            except ValidationError:
                error, status = page.incomplete(), 401
            except errors.TooManyRequests as exc:
                error, status = page.too_many(exc), page.too_many_status
        return render_template(page.template, error=error, email=email), status


def _checked_account(page: LoginPage, email: str, password: str):
    """The account if ``password`` is its own, else None (ValidationError for an incomplete form)."""
    if page.incomplete is not None:
        credentials = TokenRequestSchema().load({"email": email, "password": password})
        email, password = credentials["email"], credentials["password"]
    elif not (email.strip() and password):
        return None
    account = page.model.by_email(email)
    return account if authenticate(account, email, password) else None


def _signed_in(page: LoginPage, account):
    target = safe_next(request.args.get("next"), url_for(page.home))
    if page.after_password is not None and (step := page.after_password(account, target)) is not None:
        return step
    if page.start is not None:
        page.start(account)
    else:
        login_session(Principal(str(account.pk), page.role))
    return redirect(target)
