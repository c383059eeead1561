"""What a worker is told, written in the worker's language when the event arrives (``workers.handlers``), and
where the e-mail sender finds the worker's address and consent.

Kinds: ``offer_new`` (an offer the ethics service passed or flagged reached the inbox), ``season_to_rate``
(a placement was completed: the offer's page is where it is rated), ``grievance_status`` (a named grievance
was received and passed to the auditors, then the auditors confirmed or dismissed it).
"""

from __future__ import annotations

from pathlib import Path

from bson import ObjectId

from services import notifications
from workers.models import Notification, NotificationSettings, Worker

KINDS = ("offer_new", "season_to_rate", "grievance_status")
LANGUAGES = ("en", "es", "fr", "pt", "ht")
TRANSLATIONS = str(Path(__file__).parent / "translations")


def _(text: str) -> str:
    """Marks a text for the catalogues; it is translated in the recipient's language by ``tell``."""
    return text


TEXTS = {
    "offer_new": _("New job offer from %(employer)s: %(title)s"),
    "season_to_rate": _("Your season with %(employer)s is over: rate it"),
    "grievance_status": _("Your report was received and passed to the auditors"),
}
# What a worker is told when the auditors decide on their grievance (kind ``grievance_status``).
DECISION_TEXTS = {
    "confirmed": _("The auditors confirmed your report: the employer's record shows it"),
    "dismissed": _("The auditors looked into your report and closed it"),
}


def tell(event_id: str, worker_id: str, kind: str, link: str, text: str | None = None, **values) -> bool:
    """Store ``kind`` for ``worker_id`` (once per event) in the worker's language, with ``text`` (a msgid;
    the kind's own by default); e-mail it if they allow. False if it was told already or the worker is gone."""
    worker = Worker.objects(pk=worker_id).only("ui_language").first() if ObjectId.is_valid(worker_id) else None
    if worker is None:
        return False
    language = worker.ui_language if worker.ui_language in LANGUAGES else "en"
    text = notifications.translations(TRANSLATIONS, language).gettext(text or TEXTS[kind]) % values
    settings = NotificationSettings.objects(id=worker_id).first()
    return notifications.notify(Notification, event_id, worker_id, kind, text, link, language,
                                email=notifications.wants_email(settings, kind))


def address(worker_id: str, kind: str) -> str | None:
    """The worker's e-mail address if they still have an account and want ``kind`` e-mailed, else None."""
    if not notifications.wants_email(NotificationSettings.objects(id=worker_id).first(), kind):
        return None
    worker = Worker.objects(pk=worker_id).only("email").first() if ObjectId.is_valid(worker_id) else None
    return worker.email if worker is not None else None
