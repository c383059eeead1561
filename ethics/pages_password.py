"""The auditor's password change page (the sign-in pages are in ``ethics.pages``)."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from marshmallow import ValidationError

from ethics.models import Auditor
from ethics.pages import auditor_required
from services.errors import TooManyRequests
from services.web.account import change_password

blp = Blueprint("password_pages", __name__, template_folder="templates")


@blp.route("/auditor/password", methods=["GET", "POST"])
@auditor_required
def change(principal):
    """Change the password; every other session and token of the auditor ends, this one goes on."""
    errors, done = {}, False
    if request.method == "POST":
        try:
            change_password(Auditor.signed_in(principal.subject), principal,
                            request.form.get("current_password", ""), request.form.get("new_password", ""))
            return redirect(url_for("password_pages.change", changed=1))
        except ValidationError as exc:
            errors = exc.messages
        except TooManyRequests as exc:
            errors = {"current_password": [exc.message]}
    done = request.args.get("changed") == "1" and not errors
    return render_template("password.html", errors=errors, done=done), 422 if errors else 200
