"""Small builders of contract documents for the matcher's unit tests."""

from __future__ import annotations

import copy

from matcher.schemas import RankRequestSchema
from tests.documents import vacancy as fair_vacancy

# The matcher's base vacancy: the contract's example, direct hire, no deductions.
VACANCY = fair_vacancy(description="", wage={"amount": 17.60, "currency": "CAD", "per": "hour"}, recruiter=None,
                  deductions=[])
WORKER = {
    "name": "Ana López", "email": "ana@example.org", "password": "secret-password",
    "origin_country": "GT", "birth_year": 1994,
    "languages": ["es"], "skills": ["fruit picking", "pruning", "ladder work"],
    "certifications": [],
    "availability": [{"start": "2027-03-01", "end": "2027-11-30"}],
    "preferred_countries": ["CA", "US"],
    "pathways": ["seasonal", "circular"],
    "gender": "female",
}


def merged(base: dict, changes: dict) -> dict:
    """``base`` with ``changes`` applied; nested dicts merge, other values replace."""
    out = copy.deepcopy(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def vacancy(vacancy_id: str = "v1", **changes) -> dict:
    """A raw vacancy document with an id (JSON types, as a client sends it)."""
    return merged(VACANCY, {"id": vacancy_id, **changes})


def worker(**changes) -> dict:
    return merged(WORKER, changes)


def placement(employer_id: str, completed: bool = True, worker_rating: int | None = 5,
              employer_rating: int | None = 5, start: str = "2026-08-01", end: str = "2026-10-31") -> dict:
    return {"employer_id": employer_id, "vacancy_id": f"old-{employer_id}", "season": {"start": start, "end": end},
            "completed": completed, "worker_rating": worker_rating, "employer_rating": employer_rating}


def loaded(worker_doc: dict, vacancies: list[dict], history: list[dict] = ()) -> dict:
    """The request as the API's schema loads it."""
    return RankRequestSchema().load({"worker": worker_doc, "vacancies": vacancies, "history": list(history)})


def rank(worker_doc: dict, vacancies: list[dict], history: list[dict] = (), **kwargs) -> dict:
    """Load like the API, then rank."""
    from matcher import ranking

    body = loaded(worker_doc, vacancies, history)
    return ranking.rank(body["worker"], body["vacancies"], body["history"], **kwargs)


def order(result: dict) -> list[str]:
    return [m["vacancy_id"] for m in result["matches"]]


def excluded(result: dict) -> dict[str, str]:
    return {e["vacancy_id"]: e["reason_key"] for e in result["excluded"]}


def random_documents(seed: int, n_vacancies: int = 300, n_workers: int = 5):
    """Varied workers, vacancies and histories for comparing implementations."""
    import random

    rng = random.Random(seed)
    skills = ["fruit picking", "pruning", "ladder work", "cosecha de fresas", "soldador", "cook", "elderly care",
              "forklift licence", "meat cutting", "housekeeping", "tractor driving", "greenhouse work"]

    def season():
        start = rng.randint(1, 300)
        return {"start": _day(start), "end": _day(start + rng.randint(20, 120))}

    vacancies = [vacancy(
        f"v{i}", employer_id=f"e{rng.randint(0, 20)}", season=season(), skills=rng.sample(skills, 2),
        title=rng.choice(["Harvest worker", "Cook", "Care assistant", "Welder"]), occupation=rng.choice(skills),
        destination={"country": rng.choice(["CA", "US", "ES", "FR"])},
        wage={"amount": round(rng.uniform(8, 30), 2), "currency": rng.choice(["CAD", "EUR"]),
              "per": rng.choice(["hour", "day", "week", "month"])},
        hours_per_week=rng.choice([30, 40, 45, 50]), pathway=rng.choice(["seasonal", "circular", "temporary"]),
        housing={"provided": rng.random() < 0.6, "weekly_deduction": rng.choice([0, 30, 80])},
        deductions=[{"label": "meals", "amount": rng.choice([0, 40, 150]), "per": rng.choice(["week", "month"])}],
        employer_pays={"inbound_travel": rng.random() < 0.7, "return_travel": rng.random() < 0.6, "visa": True},
        employer_compliance=rng.choice([None, 0.2, 0.6, 0.95]),
        status=rng.choice(["approved"] * 8 + ["closed", "blocked"]),
        requirements={"languages": rng.choice([[], ["es"], ["en"], ["es", "en"]]), "min_age": rng.choice([18, 21]),
                      "certifications": rng.choice([[], [], ["first aid"]])},
    ) for i in range(n_vacancies)]
    workers = [worker(
        birth_year=rng.randint(1960, 2010), languages=rng.sample(["es", "en", "fr"], rng.randint(1, 2)),
        skills=rng.sample(skills, 3), certifications=rng.choice([[], ["first aid"]]),
        availability=[season(), {"start": _day(100), "end": _day(365)}],
        preferred_countries=rng.choice([[], ["CA"], ["CA", "US", "ES"]]),
        pathways=rng.choice([[], ["seasonal"], ["seasonal", "circular"]]),
    ) for _ in range(n_workers)]
    histories = [[placement(f"e{rng.randint(0, 20)}", completed=rng.random() < 0.8,
                            worker_rating=rng.choice([None, 1, 3, 5]), employer_rating=rng.choice([None, 2, 4, 5]),
                            start=_day(-300 + 10 * k), end=_day(-200 + 10 * k))
                  for k in range(rng.randint(0, 4))] for _ in workers]
    return workers, vacancies, histories


def _day(offset: int) -> str:
    import datetime as dt

    return (dt.date(2027, 1, 1) + dt.timedelta(days=offset)).isoformat()
