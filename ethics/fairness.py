"""The gender-responsive fairness audit (docs/fairness.md): each employer's totals, the test that raises
``possible-sex-discrimination``, and what auditors are shown of them.

The workers service counts (``workers.fairness``) and publishes one employer's totals at a time
(``fairness.tallied``): of the candidates the employer was shown, the offers it made that reached workers
and the seasons completed, how many were women, men, other or unstated, in all and by origin country.
No worker is named here. What auditors see hides every cell of 1 to 4 people (:func:`cell`).

The test: among the offers to workers who stated a gender, are women fewer than their share of the
candidates (who stated one) the employer was shown would make likely? One-sided exact binomial test,
``P(X <= women offered)`` for ``X ~ Binomial(offers, share shown)``, below ``SIGNIFICANCE``, with at
least ``MIN_OFFERS`` offers and ``MIN_SHOWN`` candidates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC

from bson import ObjectId
from pymongo.errors import DuplicateKeyError

from ethics.models import EmployerRegistration, FairnessOverall, FairnessRecord, Flag, utcnow

STAGES = ("shown", "offered", "completed")
STATED = ("female", "male", "other")
GENDERS = (*STATED, "unstated")
RULE = "possible-sex-discrimination"
SIGNIFICANCE = 0.01
MIN_OFFERS = 20
MIN_SHOWN = 20
SMALLEST_CELL = 5  # cells of 1 to 4 people are hidden
EMPLOYERS_LISTED = 100
OVERALL_SECONDS = 60.0


@dataclass(frozen=True)
class Finding:
    """The figures of a test that found offers to women too few."""

    shown_stated: int
    shown_women: int
    offers: int
    offers_women: int
    p_value: float

    @property
    def expected(self) -> float:
        return self.offers * self.shown_women / self.shown_stated

    def evidence(self) -> str:
        return (f"Candidates shown with a stated gender: {self.shown_stated}, of whom women {self.shown_women} "
                f"({self.shown_women / self.shown_stated:.0%}). Offers to workers with a stated gender: "
                f"{self.offers}, to women {self.offers_women} ({self.offers_women / self.offers:.0%}; "
                f"{self.expected:.1f} expected). One-sided exact binomial test: p = {self.p_value:.2g} "
                f"< {SIGNIFICANCE}.")


# --------------------------------------------------------------------------- the test


def binomial_cdf(k: int, n: int, p: float) -> float:
    """``P(X <= k)`` for ``X ~ Binomial(n, p)``, exact (summed in log space: n may be in the thousands)."""
    if k >= n or p <= 0.0:
        return 1.0
    if p >= 1.0:
        return 0.0
    logs = [math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * math.log(p)
            + (n - i) * math.log1p(-p) for i in range(k + 1)]
    top = max(logs)
    return min(1.0, math.exp(top) * sum(math.exp(v - top) for v in logs))


def stated(counts: dict, stage: str) -> tuple[int, int]:
    """(people who stated a gender, women) at ``stage`` of ``counts`` ``{stage: {gender: n}}``."""
    cells = counts.get(stage) or {}
    return sum(int(cells.get(g, 0)) for g in STATED), int(cells.get("female", 0))


def finding(counts: dict) -> Finding | None:
    """The test on one employer's totals: a Finding when offers to women fall significantly short, else None."""
    shown_stated, shown_women = stated(counts, "shown")
    offers, offers_women = stated(counts, "offered")
    if offers < MIN_OFFERS or shown_stated < MIN_SHOWN or shown_women == 0:
        return None
    p_value = binomial_cdf(offers_women, offers, shown_women / shown_stated)
    return Finding(shown_stated, shown_women, offers, offers_women, p_value) if p_value < SIGNIFICANCE else None


# --------------------------------------------------------------------------- the records


def record(payload: dict) -> FairnessRecord | None:
    """Keep an employer's totals unless newer ones are kept; the record, or None for an older revision."""
    employer_id, revision = str(payload.get("employer_id") or ""), payload.get("revision")
    counts, by_origin = payload.get("counts"), payload.get("by_origin")
    if not employer_id or not isinstance(revision, int) or not isinstance(counts, dict) \
            or not isinstance(by_origin, dict):
        raise ValueError("fairness.tallied without employer_id, revision, counts and by_origin")
    offers = sum(int(n) for n in (counts.get("offered") or {}).values())
    try:
        FairnessRecord._get_collection().update_one(
            {"_id": employer_id, "revision": {"$lte": revision}},
            {"$set": {"revision": revision, "counts": counts, "by_origin": by_origin, "offers": offers,
                      "updated_at": utcnow()}}, upsert=True)
    except DuplicateKeyError:
        return None  # a newer revision is kept already (the same one again is written again: a replay screens)
    return FairnessRecord.objects(id=employer_id).first()


def open_flag(employer_id: str) -> bool:
    """Whether the employer has a ``possible-sex-discrimination`` flag still open (one at a time)."""
    return Flag.objects(employer_id=employer_id, rule=RULE, status="open").first() is not None


def rebuild_overall() -> bool:
    """Sum every employer's totals into the overall document, if a record changed since it was made."""
    made = FairnessOverall.objects(id="overall").first()
    newest = FairnessRecord.objects.order_by("-updated_at").only("updated_at").first()
    if newest is None or (made is not None and _aware(made.made_at) >= _aware(newest.updated_at)):
        return False
    started, counts, by_origin, employers = utcnow(), {}, {}, 0
    for row in FairnessRecord._get_collection().find({}, {"counts": 1, "by_origin": 1}):
        employers += 1
        _add(counts, row.get("counts") or {})
        for origin, stages in (row.get("by_origin") or {}).items():
            _add(by_origin.setdefault(origin, {}), stages)
    FairnessOverall.objects(id="overall").update_one(upsert=True, set__counts=counts, set__by_origin=by_origin,
                                                     set__employers=employers, set__made_at=started)
    return True


class OverallJob:
    """A worker job (``services.worker.run_worker``): keeps the overall totals made from the records."""

    name = "fairness-overall"

    def __init__(self, poll_seconds: float = OVERALL_SECONDS):
        self.poll_seconds = poll_seconds

    def run(self, stop) -> None:
        while not stop.is_set():
            rebuild_overall()
            stop.wait(self.poll_seconds)


def _add(into: dict, counts: dict) -> None:
    for stage, cells in counts.items():
        target = into.setdefault(stage, {})
        for gender, n in (cells or {}).items():
            target[gender] = target.get(gender, 0) + int(n)


def _aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# --------------------------------------------------------------------------- what auditors see


def cell(n: int) -> int | None:
    """A count as auditors may see it: None (hidden) for 1 to 4 people."""
    return None if 0 < n < SMALLEST_CELL else n


def stage_rows(counts: dict) -> list[dict]:
    """Per stage: people with a stated gender, women, and the share of women, each hidden when a cell of
    1 to 4 people would show (women or the others: either reveals the other by subtraction)."""
    rows = []
    for stage in STAGES:
        people, women = stated(counts, stage)
        hidden = cell(women) is None or cell(people - women) is None
        rows.append({"stage": stage, "people": cell(people), "women": None if hidden else women,
                     "share": None if hidden or not people else women / people,
                     "unstated": cell(int((counts.get(stage) or {}).get("unstated", 0)))})
    return rows


def origin_rows(by_origin: dict) -> list[dict]:
    """Per origin country (most candidates first): its stage rows."""
    ordered = sorted(by_origin.items(), key=lambda item: (-stated(item[1], "shown")[0], item[0]))
    return [{"origin": origin, "stages": stage_rows(counts)} for origin, counts in ordered]


def overview() -> dict:
    """The overall totals, by origin, and the employers with the most offers."""
    overall = FairnessOverall.objects(id="overall").first()
    records = list(FairnessRecord.objects.order_by("-offers", "id").limit(EMPLOYERS_LISTED))
    names = _names([r.pk for r in records])
    return {
        "made_at": overall.made_at if overall else None,
        "employer_count": overall.employers if overall else 0,
        "overall": stage_rows(overall.counts if overall else {}),
        "by_origin": origin_rows(overall.by_origin if overall else {}),
        "employers": [_employer_row(r, names) for r in records],
    }


def employer(employer_id: str) -> dict | None:
    """One employer's totals, by origin, and the test's outcome; None when none were published."""
    found = FairnessRecord.objects(id=employer_id).first()
    if found is None:
        return None
    return {**_employer_row(found, _names([found.pk])), "by_origin": origin_rows(found.by_origin)}


def _employer_row(found: FairnessRecord, names: dict) -> dict:
    result = finding(found.counts)
    return {"id": found.pk, "name": names.get(found.pk, ""), "stages": stage_rows(found.counts),
            "updated_at": found.updated_at, "flagged": result is not None,
            "p_value": result.p_value if result else None}


def _names(employer_ids: list[str]) -> dict[str, str]:
    ids = [ObjectId(i) for i in employer_ids if ObjectId.is_valid(i)]
    return {str(r.pk): r.name for r in EmployerRegistration.objects(id__in=ids).only("name")}


def method() -> dict:
    """How the test is made, for the page and the API."""
    return {"test": "one-sided exact binomial", "significance": SIGNIFICANCE, "min_offers": MIN_OFFERS,
            "min_shown": MIN_SHOWN, "smallest_cell": SMALLEST_CELL}
