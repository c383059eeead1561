"""The employer's overview: per vacancy, its candidates, the offers sent and how they were answered, its flags.

Offers are counted when the page is read, in one query for the page's vacancies over the index
(vacancy_id, status) (``MongoStore.offer_counts``): it reads the index entries of those vacancies' offers
only, and a vacancy's offers are few (each goes to one of its first 100 candidates, one live offer per
worker), so the cost is that of the page, not of the collection. Counts kept on the vacancy would save
that read but need a second write, in another document, on every offer change, with no transaction to
keep the two together. Candidates are counted by the matcher, which ranks them from memory
(``GET /api/v1/candidate-counts``, one call a page). Flags are those the ethics review raised on the
vacancy's current revision (``vacancy.reviewed``): auditors decide on them in the ethics service, which
does not publish those decisions to employers, so a flag stays open here until a new revision is reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass

from employers.accounts import require_verified
from services import errors
from services.matcher_client import MatcherUnavailable

TAKEN = ("accepted", "declined", "completed")


@dataclass
class Row:
    """One vacancy's line: ``candidates`` is None when they are not counted (not approved, not verified, or
    the matcher cannot answer)."""

    vacancy: object
    candidates: int | None
    offers: int
    by_status: dict
    flags: int


@dataclass
class Overview:
    rows: list[Row]
    # Why candidates are not counted: "unverified" (the employer), "unavailable" (the matcher), or None.
    candidates_problem: str | None


def overview(store, matcher, employer, vacancies: list, verification_required: bool) -> Overview:
    """The overview lines of ``vacancies`` (a page of the employer's own)."""
    offers = store.offer_counts([v.pk for v in vacancies])
    candidates, problem = _candidate_counts(matcher, employer, vacancies, verification_required)
    rows = []
    for vacancy in vacancies:
        by_status = offers.get(str(vacancy.pk), {})
        rows.append(Row(vacancy, candidates.get(str(vacancy.pk)) if vacancy.status == "approved" else None,
                        sum(by_status.values()), {status: by_status.get(status, 0) for status in TAKEN},
                        len(vacancy.flags or [])))
    return Overview(rows, problem)


def _candidate_counts(matcher, employer, vacancies, verification_required) -> tuple[dict, str | None]:
    approved = [str(v.pk) for v in vacancies if v.status == "approved"]
    try:
        # The same rule as the candidates list: an employer that may not see them may not count them.
        require_verified(employer, verification_required)
        return (matcher.candidate_counts(approved) if approved else {}), None
    except errors.UnverifiedEmployer:
        return {}, "unverified"
    except MatcherUnavailable:
        return {}, "unavailable"
