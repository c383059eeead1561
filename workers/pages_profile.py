"""The profile page: what the worker can do, when, and where they want to go."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from marshmallow import ValidationError

from services.errors import Conflict
from workers import labels, profiles
from workers.formatting import language
from workers.pages import page_errors, worker_required
from workers.reference import COMMON_LANGUAGES, DESTINATIONS, countries_by_name
from workers.schemas import ProfileSchema

blp = Blueprint("profile", __name__)
page_errors(blp)

BLANK_WINDOWS = 2
MAX_ROWS = 12


@blp.route("/profile", methods=["GET", "POST"])
@worker_required
def edit(worker):
    """Show and save the profile; saving publishes it to the matcher."""
    errors, values = {}, profiles.current_profile(worker)
    if request.method == "POST":
        values = form_profile(request.form)
        try:
            profiles.update_profile(worker, ProfileSchema().load(values))
            return redirect(url_for("profile.edit", saved=1))
        except ValidationError as exc:
            errors = exc.messages
        except Conflict:
            errors = {"form": ["conflict"]}
    return render_template("profile.html", values=values, errors=errors, rows=_rows(values.get("availability")),
                           countries=countries_by_name(language()),
                           language_choices=_choices(COMMON_LANGUAGES, values.get("languages")),
                           destination_choices=_choices(DESTINATIONS, values.get("preferred_countries")),
                           pathways=labels.PATHWAYS, genders=labels.GENDERS,
                           saved=request.args.get("saved"), welcome=request.args.get("welcome"),
                           password_changed=request.args.get("password_changed")), \
        422 if errors else 200


def form_profile(form) -> dict:
    """The profile form's fields as the API's profile document (strings left for the schema to check)."""
    windows = []
    for index in range(MAX_ROWS):
        start, end = form.get(f"start_{index}", "").strip(), form.get(f"end_{index}", "").strip()
        if start or end:
            windows.append({"start": start, "end": end})
    return {
        "name": form.get("name", ""),
        "origin_country": form.get("origin_country") or None,
        "birth_year": form.get("birth_year", "").strip() or None,
        "languages": form.getlist("languages"),
        "skills": _lines(form.get("skills", "")),
        "certifications": _lines(form.get("certifications", "")),
        "availability": windows,
        "preferred_countries": form.getlist("preferred_countries"),
        "pathways": form.getlist("pathways"),
        "gender": form.get("gender") or None,
    }


def _lines(text: str) -> list[str]:
    # One per line, or separated by commas: both are how people write lists.
    return [item.strip() for line in text.splitlines() for item in line.split(",") if item.strip()]


def _rows(windows) -> list[dict]:
    rows = [dict(w) for w in windows or []][:MAX_ROWS]
    return rows + [{"start": "", "end": ""}] * min(BLANK_WINDOWS, MAX_ROWS - len(rows))


def _choices(offered, chosen) -> list[str]:
    return list(offered) + [code for code in chosen or [] if code not in offered]
