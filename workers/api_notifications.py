"""The JSON API of a worker's notifications (written by the consumer: ``workers.notices``)."""

from __future__ import annotations

from services.web.notifications import api_blueprint
from workers.models import Notification

blp = api_blueprint(Notification, "worker", "/me/notifications", "Workers: notifications")
