"""The worker's notifications: the list (newest first), marking one read, and the e-mail consent per kind.

In-app notifications are always on; e-mail can be turned off per kind. The texts were written in the
worker's language when the event arrived (``workers.notices``).
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from services import notifications
from workers.models import Notification, NotificationSettings
from workers.notices import KINDS
from workers.pages import page_errors, worker_required

blp = Blueprint("notifications", __name__)
page_errors(blp)
PAGE_SIZE = 20


@blp.get("/notifications")
@worker_required
def notification_list(worker):
    """What the worker was told, newest first."""
    items, next_cursor = notifications.page(Notification, str(worker.pk), PAGE_SIZE,
                                            request.args.get("cursor") or None)
    return render_template("notifications.html", items=items, next_cursor=next_cursor)


@blp.post("/notifications/<notification_id>/read")
@worker_required
def mark_read(worker, notification_id):
    """Mark one read, then back to the list."""
    notifications.mark_read(Notification, str(worker.pk), notification_id)
    return redirect(url_for("notifications.notification_list"))


@blp.route("/notifications/settings", methods=["GET", "POST"])
@worker_required
def settings(worker):
    """Which kinds the worker wants e-mailed (in-app is always on)."""
    if request.method == "POST":
        wanted = set(request.form.getlist("email"))
        notifications.save_settings(NotificationSettings, str(worker.pk), [k for k in KINDS if k not in wanted])
        return redirect(url_for("notifications.settings", saved=1))
    current = NotificationSettings.objects(id=str(worker.pk)).first()
    return render_template("notification_settings.html", kinds=KINDS, saved=request.args.get("saved"),
                           emailed={k for k in KINDS if notifications.wants_email(current, k)})
