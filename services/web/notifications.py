"""The web side of notifications every service shares: the JSON API's two endpoints and the header's count.

The lists and marks are ``services.notifications``; each service gives its own document, role and path.
"""

from __future__ import annotations

from flask import g
from flask_smorest import Blueprint

from services import notifications
from services.auth import require_role, session_principal
from services.web.schemas import NotificationPageSchema, NotificationQuerySchema, NotificationSchema


def api_blueprint(document, role: str, path: str, description: str) -> Blueprint:
    """``GET <path>`` (the signed-in ``role``'s notifications, newest first, paged) and
    ``POST <path>/{id}/read``, under ``/api/v1``."""
    blp = Blueprint("api_notifications", __name__, url_prefix="/api/v1", description=description)

    @blp.get(path)
    @require_role(role)
    @blp.arguments(NotificationQuerySchema, location="query")
    @blp.response(200, NotificationPageSchema)
    def notification_list(args):
        """What this account was told, newest first."""
        items, next_cursor = notifications.page(document, g.principal.subject, args["limit"], args.get("cursor"))
        return {"items": [notifications.to_dict(n) for n in items], "next_cursor": next_cursor}

    @blp.post(f"{path}/<notification_id>/read")
    @require_role(role)
    @blp.response(200, NotificationSchema)
    def notification_read(notification_id):
        """Mark one of this account's notifications read (another's, or none, is a 404)."""
        return notifications.to_dict(notifications.mark_read(document, g.principal.subject, notification_id))

    return blp


def unread_counter(document, role: str):
    """A template global: how many notifications the signed-in ``role`` has unread ("99+" past 99), or 0
    for anyone else. One count on the (recipient_id, read) index, only on pages that show the header."""
    def unread() -> int | str:
        principal = session_principal()
        if principal is None or principal.role != role:
            return 0
        count = notifications.unread(document, principal.subject)
        return f"{notifications.UNREAD_SHOWN}+" if count > notifications.UNREAD_SHOWN else count

    return unread
