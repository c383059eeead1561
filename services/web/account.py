"""Password change and token revocation, the same for every kind of account, in the API and on pages.

A changed password ends every other session and token of the account (the
version goes up); the web session that changed it stays open, and the API
caller gets a new token. ``DELETE /api/v1/tokens`` ends them all.
"""

from __future__ import annotations

from flask import g
from flask_smorest import abort
from marshmallow import RAISE, Schema, ValidationError, fields, validate

from services import credentials
from services.auth import Principal, end_other_sessions, issue_account_token, require_role
from services.logins import authenticate
from services.passwords import hash_password, new_password_field, password_problems
from services.web.schemas import TokenSchema

WRONG_PASSWORD = "This is not your current password."


class PasswordChangeSchema(Schema):
    """``{"current_password", "new_password"}``."""

    class Meta:
        unknown = RAISE

    current_password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=1024))
    new_password = new_password_field()


def change_password(account, principal: Principal, current: str, new: str) -> int:
    """Check ``current`` (rate limited like a sign-in), store ``new`` and end the account's other sessions.

    ``account`` is a mongoengine document with ``email`` and ``password_hash``
    (and maybe ``name``). Raises ValidationError with ``current_password`` or
    ``new_password`` messages, TooManyRequests when guessing. Returns the new version.
    """
    if not authenticate(account, account.email, current):
        raise ValidationError({"current_password": [WRONG_PASSWORD]})
    problems = password_problems(new, (account.email, getattr(account, "name", "") or ""))
    if problems:
        raise ValidationError({"new_password": problems})
    # Sessions end first: a crash in between leaves the old password with no other session open, never
    # the new password with a stolen session still open.
    version = end_other_sessions(principal)
    type(account).objects(pk=account.pk).update_one(set__password_hash=hash_password(new))
    return version


def add_account_endpoints(blp, role: str, account_of) -> None:
    """Add ``POST /me/password`` and ``DELETE /tokens`` for ``role`` to a service's API blueprint.

    ``account_of(subject)`` returns the signed-in account (401 when it is gone).
    """

    @blp.post("/me/password")
    @require_role(role)
    @blp.arguments(PasswordChangeSchema)
    @blp.response(200, TokenSchema)
    def change_own_password(body):
        """Change the password (422 with the current one wrong or the new one weak); ends every other session
        and token of the account, and answers with a new token for this caller."""
        try:
            change_password(account_of(g.principal.subject), g.principal, body["current_password"],
                            body["new_password"])
        except ValidationError as exc:
            abort(422, messages={"json": exc.messages})
        return issue_account_token(g.principal.subject, role)

    @blp.delete("/tokens")
    @require_role(role)
    @blp.response(204)
    def revoke_tokens():
        """Revoke every token and web session of this account, this token included (sign out everywhere)."""
        credentials.end_all(credentials.account_key(role, g.principal.subject))
        return ""
