"""The worker's data rights on the web: a copy of everything kept about them, and erasing the account."""

from __future__ import annotations

import json

from flask import Blueprint, Response, redirect, render_template, request, session, url_for

from services.auth import logout_session
from workers import erasure, export
from workers.pages import page_errors, worker_required

blp = Blueprint("data", __name__)
page_errors(blp)


@blp.get("/my-data")
@worker_required
def overview(worker):
    """What is kept, a button to download it, and the way to delete the account."""
    return render_template("data.html")


@blp.get("/my-data/export.json")
@worker_required
def download(worker):
    """The export (``workers.export``) as a file to keep."""
    body = json.dumps(export.export(worker), ensure_ascii=False, indent=1)
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": 'attachment; filename="my-data.json"',
                             "Cache-Control": "private, no-store"})


@blp.route("/my-data/delete", methods=["GET", "POST"])
@worker_required
def delete(worker):
    """Ask once more, then erase the account (``workers.erasure``) and sign out."""
    if request.method == "POST":
        if request.form.get("confirm") != "1":
            return render_template("delete.html", missing_confirm=True), 422
        language = session.get("lang") or worker.ui_language
        logout_session()
        erasure.erase(str(worker.pk))
        session["lang"] = language  # the last page still speaks the worker's language
        return redirect(url_for("data.erased"))
    return render_template("delete.html", missing_confirm=False)


@blp.get("/erased")
def erased():
    """Said after the erasure: the account is gone, the other services are forgetting the worker."""
    return render_template("erased.html")
