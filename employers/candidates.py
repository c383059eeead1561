"""A vacancy's ranked candidates, read from the matcher, stripped to what an employer may see."""

from __future__ import annotations

from employers.vacancies import own_vacancy
from services import errors
from services.matcher_client import MatcherUnavailable

# What an employer sees of a candidate: never contact details, gender or birth year.
SUMMARY_FIELDS = ("origin_country", "languages", "skills", "certifications", "availability", "past_seasons")
# The matcher pages its lists at 100; an offer must go to one of these.
MAX_CANDIDATES = 100


def _ask(matcher, vacancy_id: str, limit: int) -> list[dict]:
    try:
        answer = matcher.candidates(vacancy_id, limit=limit)
    except MatcherUnavailable as exc:
        raise errors.Unavailable("Candidates cannot be ranked right now; try again shortly.") from exc
    # None: the matcher has not opened the vacancy yet (its approval is still on its way).
    return list((answer or {}).get("candidates") or [])


def summary(worker) -> dict:
    worker = worker if isinstance(worker, dict) else {}
    return {name: worker[name] for name in SUMMARY_FIELDS if name in worker}


def ranked_candidates(store, matcher, employer_id: str, vacancy_id, limit: int = 20) -> list[dict]:
    """``[{"worker_id", "score", "reasons", "reason_keys", "worker"}]`` best first, for an approved own vacancy."""
    vacancy = own_vacancy(store, employer_id, vacancy_id)
    if vacancy.status != "approved":
        raise errors.Conflict("Candidates are ranked once the vacancy is approved.")
    candidates = [
        {"worker_id": str(c.get("worker_id")), "score": c.get("score"), "reasons": list(c.get("reasons") or []),
         "reason_keys": list(c.get("reason_keys") or []), "worker": summary(c.get("worker"))}
        for c in _ask(matcher, str(vacancy.pk), limit) if isinstance(c, dict) and c.get("worker_id")
    ]
    # The fairness audit counts whom employers are shown (docs/fairness.md).
    store.report_shown(vacancy, [c["worker_id"] for c in candidates])
    return candidates


def candidate_ids(matcher, vacancy_id: str) -> set[str]:
    """The ids of the vacancy's candidates (the first ``MAX_CANDIDATES``)."""
    return {str(c.get("worker_id")) for c in _ask(matcher, vacancy_id, MAX_CANDIDATES) if isinstance(c, dict)}
