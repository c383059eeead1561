"""The employer's notifications: the list (newest first), marking one read, and the settings (e-mail consent
per kind, the language notifications are written in). In-app notifications are always on."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from employers.models import Notification, NotificationSettings
from employers.notices import KINDS
from employers.pages import employer_required, page_error
from services import notifications
from services.web.errors import register_page_errors
from services.web.i18n import NAMES, select_language

blp = Blueprint("notification_pages", __name__)
register_page_errors(blp, page_error)
PAGE_SIZE = 20


@blp.get("/notifications")
@employer_required
def notification_list(employer):
    """What the employer was told, newest first."""
    items, next_cursor = notifications.page(Notification, str(employer.pk), PAGE_SIZE,
                                            request.args.get("cursor") or None)
    return render_template("notifications.html", items=items, next_cursor=next_cursor)


@blp.post("/notifications/<notification_id>/read")
@employer_required
def mark_read(employer, notification_id):
    """Mark one read, then back to the list."""
    notifications.mark_read(Notification, str(employer.pk), notification_id)
    return redirect(url_for("notification_pages.notification_list"))


@blp.route("/notifications/settings", methods=["GET", "POST"])
@employer_required
def settings(employer):
    """Which kinds the employer wants e-mailed, and in which language notifications are written."""
    languages = current_app.config["LP_LANGUAGES"]
    if request.method == "POST":
        wanted = set(request.form.getlist("email"))
        language = request.form.get("language") if request.form.get("language") in languages else languages[0]
        notifications.save_settings(NotificationSettings, str(employer.pk), [k for k in KINDS if k not in wanted],
                                    language)
        flash(_("Your settings are saved."))
        return redirect(url_for("notification_pages.settings"))
    current = NotificationSettings.objects(id=str(employer.pk)).first()
    return render_template("notification_settings.html", kinds=KINDS,
                           emailed={k for k in KINDS if notifications.wants_email(current, k)},
                           language=(current.language if current and current.language else select_language()),
                           choices=[(code, NAMES.get(code, code)) for code in languages])
