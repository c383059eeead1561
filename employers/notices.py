"""What an employer is told, written in the employer's language when the event arrives
(``employers.handlers``), and where the e-mail sender finds the employer's address and consent.

Kinds: ``offer_verdict`` (the ethics service passed, flagged or blocked an offer), ``offer_answered`` (the
worker accepted or declined it). The language is the one the employer chose on the notification settings
page (English until then: the account has no other).
"""

from __future__ import annotations

from pathlib import Path

from bson import ObjectId

from employers.models import Employer, Notification, NotificationSettings
from services import notifications

KINDS = ("offer_verdict", "offer_answered")
LANGUAGES = ("en", "es", "fr", "pt")
TRANSLATIONS = str(Path(__file__).parent / "translations")


def _(text: str) -> str:
    """Marks a text for the catalogues; it is translated in the recipient's language by ``tell``."""
    return text


TEXTS = {
    ("offer_verdict", "pass"): _("Your offer for %(title)s passed the ethics review and was sent to the worker"),
    ("offer_verdict", "flag"): _("Your offer for %(title)s was sent to the worker, with flags for the auditors"),
    ("offer_verdict", "block"): _("Your offer for %(title)s was blocked by the ethics review"),
    ("offer_answered", "accepted"): _("A worker accepted your offer for %(title)s"),
    ("offer_answered", "declined"): _("A worker declined your offer for %(title)s"),
}


def tell(event_id: str, employer_id: str, kind: str, outcome: str, offer_id: str, title: str) -> bool:
    """Store ``kind`` (with its ``outcome``) for ``employer_id`` once per event, in their language; e-mail it
    if they allow. False if it was told already."""
    settings = NotificationSettings.objects(id=employer_id).first()
    language = settings.language if settings is not None and settings.language in LANGUAGES else "en"
    text = notifications.translations(TRANSLATIONS, language).gettext(TEXTS[kind, outcome]) % {"title": title}
    return notifications.notify(Notification, event_id, employer_id, kind, text, f"/offers/{offer_id}", language,
                                email=notifications.wants_email(settings, kind))


def address(employer_id: str, kind: str) -> str | None:
    """The employer's e-mail address if the account exists and wants ``kind`` e-mailed, else None."""
    if not notifications.wants_email(NotificationSettings.objects(id=employer_id).first(), kind):
        return None
    employer = Employer.objects(pk=employer_id).only("email").first() if ObjectId.is_valid(employer_id) else None
    return employer.email if employer is not None else None
