"""Marks that no event makes: seasons that began, and lists an older version stored.

The refresher redoes the lists of whatever is marked (``matcher.handlers.mark``).
These two changes come from the calendar and from upgrades, not from events.
"""

from __future__ import annotations

import datetime as dt
import logging

from matcher.handlers import mark
from matcher.store import OPEN, VacancyCandidates, VacancyRecord, WorkerMatches

log = logging.getLogger(__name__)


def mark_seasons_begun(since: dt.date | None, today: dt.date) -> int:
    """Mark the open vacancies whose season began after ``since`` (every begun one if None) up to ``today``:
    workers are not offered a season under way, and their lists are filled from the rest of the ranking."""
    after = since.isoformat() if since else ""
    begun = [r.id for r in VacancyRecord.objects(status=OPEN).only("id", "document")
             if after < str(r.document.get("season", {}).get("start", "")) <= today.isoformat()]
    for vacancy_id in begun:
        mark("vacancy", vacancy_id)
    if begun:
        log.info("%d open vacancies began their season: their lists will be redone", len(begun))
    return len(begun)


def mark_old_lists() -> int:
    """Mark the owners of the lists stored under ``items`` by an older version (now ``entries``, as text)."""
    found = 0
    for cls, kind in ((WorkerMatches, "worker"), (VacancyCandidates, "vacancy")):
        for doc in cls._get_collection().find({"entries": {"$exists": False}}, {"_id": 1}):
            mark(kind, doc["_id"])
            found += 1
    if found:
        log.info("%d lists stored by an older version will be redone", found)
    return found
