"""A worker's data export (``GET /api/v1/me/export``): everything this service holds about the worker.

The export is a list of sections (``SECTIONS``), each a small function of the worker that returns
plain JSON values; a new kind of data the service keeps about workers adds its section here (and
its erasure step to ``workers.erasure.STEPS``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from services.db import plain
from workers.models import Grievance, Notification, NotificationSettings, Offer, ShownCandidate, Worker
from workers.profiles import current_profile


def profile_section(worker: Worker) -> dict:
    """The account and profile as stored (never the password's hash)."""
    return {"id": str(worker.pk), "email": worker.email, "revision": worker.revision,
            "created_at": _iso(worker.created_at), "updated_at": _iso(worker.updated_at),
            **current_profile(worker)}


def offers_section(worker: Worker) -> list[dict]:
    """Every offer in the worker's inbox, withdrawn and answered ones included, oldest first."""
    return [{"offer_id": o.offer_id, "status": o.status, "vacancy_id": o.vacancy_id, "employer_id": o.employer_id,
             "employer_name": o.employer_name, "verdict": o.verdict, "offer": plain(o.offer),
             "vacancy": plain(o.vacancy), "received_at": _iso(o.received_at),
             "responded_at": _iso(o.responded_at), "rating": plain(o.rating) or None, "rated_at": _iso(o.rated_at)}
            for o in Offer.objects(worker_id=str(worker.pk)).order_by("id")]


def grievances_section(worker: Worker) -> list[dict]:
    """The grievances the worker filed under their name (anonymous ones name no one, so none is theirs)."""
    return [{"id": str(g.pk), "category": g.category, "text": g.text, "employer_id": g.employer_id,
             "offer_id": g.offer_id, "created_at": _iso(g.created_at)}
            for g in Grievance.objects(worker_id=str(worker.pk), anonymous=False).order_by("id")]


def notifications_section(worker: Worker) -> dict:
    """What the worker was told, newest first, and their e-mail consent."""
    settings = NotificationSettings.objects(id=str(worker.pk)).first()
    told = [{"id": str(n.pk), "kind": n.kind, "text": n.text, "link": n.link, "read": n.read,
             "created_at": _iso(n.created_at), "email": n.email, "sent_at": _iso(n.sent_at)}
            for n in Notification.objects(recipient_id=str(worker.pk)).order_by("-id")]
    return {"items": told, "email_off": list(settings.email_off) if settings else []}


def shown_section(worker: Worker) -> list[dict]:
    """The vacancies whose employer was shown the worker as a candidate (kept for the fairness audit)."""
    return [{"vacancy_id": row.pk.split(":")[0], "employer_id": row.employer_id}
            for row in ShownCandidate.objects(worker_id=str(worker.pk)).order_by("id")]


# (name, function of the worker): the export's keys, in this order.
SECTIONS = (
    ("profile", profile_section),
    ("offers", offers_section),
    ("grievances", grievances_section),
    ("notifications", notifications_section),
    ("shown_to_employers", shown_section),
)


def export(worker: Worker, sections=SECTIONS) -> dict:
    """``{"exported_at", "worker_id", <section>: ...}`` for every section."""
    return {"exported_at": _iso(datetime.now(UTC)), "worker_id": str(worker.pk),
            **{name: section(worker) for name, section in sections}}


def _iso(moment) -> str | None:
    if moment is None:
        return None
    text = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()
    return text.replace("+00:00", "Z")
