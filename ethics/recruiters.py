"""Use cases of the recruiter registry: auditors list, register and change recruiters, every change kept;
and the registry lookup the rule engine is given (``ethics.rules.recruiters``).

A licence is registered once (matched by ``licence_key``: letters and digits, upper case), so a vacancy's
licence names at most one entry. A change is conditional on the revision read: two auditors changing one
entry at once cannot overwrite each other (the second gets a Conflict).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from bson import ObjectId
from bson.errors import InvalidId
from mongoengine import NotUniqueError

from ethics import parties
from ethics.flags import object_id
from ethics.models import Recruiter, RecruiterChange
from ethics.rules.fields import mapping
from ethics.rules.recruiters import Registry, RegistryEntry, invalid_reason, licence_key
from services import errors
from services.keyset import id_page, matching, split_filters

CREATED_FIELDS = ("name", "country", "licence", "status", "valid_until", "source")
CHANGEABLE_FIELDS = ("status", "valid_until", "source")
# The list's filters, the most selective first: one goes to the database (each has an index), the others
# are checked on the entries read.
FILTERS = ("licence_key", "country", "status")


def today() -> date:
    return datetime.now(UTC).date()


def page(filters: dict, limit: int, cursor: str | None) -> tuple[list[Recruiter], str | None]:
    """Registry entries newest first, filtered by ``country``, ``licence`` and ``status``, after ``cursor``."""
    try:
        after = ObjectId(cursor) if cursor else None
    except (InvalidId, TypeError) as exc:
        raise errors.Invalid("The cursor is not one this service gave out.") from exc
    wanted = {"licence_key": licence_key(filters["licence"]) if filters.get("licence") else None,
              "country": filters.get("country"), "status": filters.get("status")}
    if filters.get("licence") and not wanted["licence_key"]:
        return [], None  # a licence of no letters or digits names no entry
    equal, residual = split_filters(wanted, FILTERS)
    docs, next_id = id_page(Recruiter._get_collection(), equal, limit, after, keep=matching(residual))
    return [Recruiter._from_son(doc) for doc in docs], (str(next_id) if next_id else None)


def get(recruiter_id: str) -> Recruiter:
    """One registry entry; NotFound when there is none with this id."""
    recruiter = Recruiter.objects(id=object_id(recruiter_id)).first()
    if recruiter is None:
        raise errors.NotFound("No such recruiter.")
    return recruiter


def by_licence(licence: str) -> Recruiter | None:
    """The registry entry of a licence (matched by its key), if any."""
    key = licence_key(licence)
    return Recruiter.objects(licence_key=key).first() if key else None


def create(data: dict, auditor_id: str, auditor_email: str) -> Recruiter:
    """Register a recruiter (``data``: the create schema's fields); Conflict when its licence is registered."""
    values = {name: _stored(data.get(name)) for name in CREATED_FIELDS}
    key = licence_key(values["licence"])
    if not key:
        raise errors.Incomplete(fields={"licence": ["A licence number needs letters or digits."]})
    change = RecruiterChange(auditor_id=auditor_id, auditor_email=auditor_email,
                             changes={name: [None, value] for name, value in values.items()})
    recruiter = Recruiter(**values, licence_key=key, history=[change], revision=1)
    try:
        recruiter.save()
    except NotUniqueError as exc:
        raise errors.Conflict(f"The licence {values['licence']} is already in the registry.") from exc
    parties.name_recruiter(key, recruiter.name, recruiter.country, str(recruiter.id))
    return recruiter


def change(recruiter_id: str, data: dict, auditor_id: str, auditor_email: str) -> Recruiter:
    """Change an entry's ``status``, ``valid_until`` or ``source``, keeping who changed what and when;
    a request that changes nothing records nothing. Conflict if another change landed meanwhile."""
    recruiter = get(recruiter_id)
    changes = {name: [getattr(recruiter, name), _stored(data[name])] for name in CHANGEABLE_FIELDS
               if name in data and _stored(data[name]) != getattr(recruiter, name)}
    if not changes:
        return recruiter
    entry = RecruiterChange(auditor_id=auditor_id, auditor_email=auditor_email, changes=changes)
    now = datetime.now(UTC)
    written = Recruiter._get_collection().update_one(
        {"_id": recruiter.id, "revision": recruiter.revision},
        {"$set": {**{name: values[1] for name, values in changes.items()}, "updated_at": now},
         "$push": {"history": entry.to_mongo().to_dict()}, "$inc": {"revision": 1}})
    if written.matched_count != 1:
        raise errors.Conflict("Another auditor changed this recruiter meanwhile; reload it.")
    return get(recruiter_id)


def _stored(value) -> str:
    """A field as stored: text, a day as ISO text, nothing as ""."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value).strip()


def to_dict(recruiter: Recruiter) -> dict:
    """An entry as the API shows it, with its history."""
    return {"id": str(recruiter.id), "name": recruiter.name, "country": recruiter.country,
            "licence": recruiter.licence, "status": recruiter.status, "valid_until": recruiter.valid_until or None,
            "may_recruit": may_recruit(recruiter), "source": recruiter.source, "created_at": recruiter.created_at,
            "updated_at": recruiter.updated_at,
            "history": [{"auditor_email": c.auditor_email, "changed_at": c.changed_at, "changes": dict(c.changes)}
                        for c in recruiter.history]}


def entry_of(recruiter: Recruiter) -> RegistryEntry:
    """What the rules need of a registry entry."""
    valid_until = date.fromisoformat(recruiter.valid_until) if recruiter.valid_until else None
    return RegistryEntry(recruiter.name, recruiter.licence, recruiter.status, valid_until)


def may_recruit(recruiter: Recruiter, on: date | None = None) -> bool:
    """Active and not past its valid-until day (as the rules decide)."""
    return invalid_reason(entry_of(recruiter), on or today()) is None


def registry_for(*recruiters) -> Registry:
    """The registry entries of the licences the given recruiter fields (``{"name", "licence"}`` or None)
    name, as of today: the context ``ethics.engine`` checks a document's recruiter against. One indexed
    query (the licences' keys), none for direct hire."""
    keys = {licence_key(mapping(r).get("licence")) for r in recruiters} - {""}
    found = Recruiter.objects(licence_key__in=list(keys)) if keys else []
    return Registry(today(), {r.licence_key: entry_of(r) for r in found})
