"""Rules on the recruiter a vacancy names, checked against the recruiter registry (pure).

The engine does not read the database: the caller looks the document's licence up in the registry
(``ethics.recruiters.registry_for``) and passes what it found as a :class:`Registry`, with the day the
check is made (a licence past its ``valid_until`` is no longer valid). Without a registry (``None``) these
rules are skipped: the corpus and the unit tests check the other rules alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ethics.rules.catalogue import Flag, make_flag
from ethics.rules.fields import mapping, text

ACTIVE = "active"
STATUSES = ("active", "suspended", "revoked", "expired")


def licence_key(licence) -> str:
    """A licence number as the registry matches it: letters and digits only, upper case
    (``on-ra 1234`` and ``ON-RA-1234`` are the same licence)."""
    return re.sub(r"[^0-9A-Z]", "", text(licence).upper())


@dataclass(frozen=True)
class RegistryEntry:
    """What the registry says of one licence."""

    name: str
    licence: str
    status: str
    valid_until: date | None = None


@dataclass(frozen=True)
class Registry:
    """The registry entries of the licences a document names (by :func:`licence_key`), as of ``today``.
    A licence the document names that is not among ``entries`` is not in the registry."""

    today: date
    entries: Mapping[str, RegistryEntry] = field(default_factory=dict)


def invalid_reason(entry: RegistryEntry, today: date) -> str | None:
    """Why a registered licence may not recruit today: its status (``revoked``...), or ``expired on <day>``
    when it is active but past its valid-until day; None if it may."""
    if entry.status != ACTIVE:
        return entry.status
    if entry.valid_until is not None and entry.valid_until < today:
        return f"expired on {entry.valid_until.isoformat()}"
    return None


def registry_flags(recruiter, registry: Registry | None, kind: str) -> list[Flag]:
    """``recruiter-licence-invalid`` (block) when the recruiter's licence is registered but not active or
    past its valid-until day; ``recruiter-unverified`` (review) when the licence is not in the registry.
    Direct hire (no recruiter), a recruiter without a licence (``unlicensed-recruiter`` covers it) and no
    registry raise neither. ``kind`` is ``vacancy`` or ``offer`` (an offer is checked through its vacancy)."""
    recruiter = mapping(recruiter)
    licence = text(recruiter.get("licence")).strip()
    if registry is None or not recruiter or not licence_key(licence):
        return []
    name = text(recruiter.get("name")).strip() or "the recruiter"
    whose = "The recruiter" if kind == "vacancy" else "The vacancy's recruiter"
    entry = registry.entries.get(licence_key(licence))
    if entry is None:
        return [make_flag("recruiter-unverified",
                          f"{whose} {name} (licence {licence}) is not in the recruiter registry: an auditor should "
                          "verify the licence.", f"recruiter: {name}, licence: {licence}, registry: none")]
    reason = invalid_reason(entry, registry.today)
    if reason is None:
        return []
    said = f"the licence {reason}" if reason.startswith("expired on") else f"the registry lists the licence as {reason}"
    return [make_flag("recruiter-licence-invalid", f"{whose} {name} (licence {licence}) may not recruit: {said}.",
                      f"recruiter: {name}, licence: {licence}, registry: {entry.name}, {reason}")]
