"""The JSON API of an employer's notifications (written by the consumer: ``employers.notices``)."""

from __future__ import annotations

from employers.models import Notification
from services.web.notifications import api_blueprint

blp = api_blueprint(Notification, "employer", "/notifications", "Employers: notifications")
