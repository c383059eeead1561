"""A per-pair, plain-Python ranking with the default weights: the oracle and the baseline.

Never on a request path. Unit tests check that the vectorised ranking gives
the same exclusions and scores; the benchmark times it as the naive
baseline. Per-vacancy work that any implementation does once (net pay
positions, skill vectors) is shared; everything per pair is a loop.
"""

from __future__ import annotations

import datetime as dt

from matcher.features import RANGES, employer_signals
from matcher.ranker import DEFAULT_WEIGHTS
from matcher.skills import ConceptSpace, default_space
from matcher.tables import NEUTRAL_COMPLIANCE, OPEN_STATUS, PATHWAYS, VacancyTable, day, term


def _gate(worker: dict, vacancy: dict, windows: list) -> tuple[str | None, float]:
    """The first failing gate's key (or None) and the season's share of its window."""
    start, end = day(vacancy["season"]["start"]), day(vacancy["season"]["end"])
    if vacancy.get("status", OPEN_STATUS) != OPEN_STATUS:
        return "not_open", 0.0
    share = max([(end - start + 1) / (we - ws + 1) for ws, we in windows if ws <= start and end <= we], default=0.0)
    requirements = vacancy["requirements"]
    if share <= 0:
        return "season_outside_availability", 0.0
    if any(lang not in worker.get("languages", ()) for lang in requirements.get("languages", ())):
        return "missing_language", share
    if worker.get("preferred_countries") and vacancy["destination"]["country"] not in worker["preferred_countries"]:
        return "country_not_preferred", share
    first_day = dt.date.fromordinal(start)
    born = worker.get("birth_year")  # unknown: passes, the age is confirmed at offer time
    sure_age = first_day.year - born - (0 if (first_day.month, first_day.day) == (12, 31) else 1) if born else None
    if sure_age is not None and sure_age < requirements.get("min_age", 18):
        return "below_min_age", share
    held = {term(c) for c in worker.get("certifications", ())}
    if any(term(c) not in held for c in requirements.get("certifications", ())):
        return "missing_certification", share
    return None, share


def prepare(vacancies: list[dict], space: ConceptSpace | None = None) -> dict:
    """The per-vacancy work done once for all workers: net pay positions and skill vectors."""
    space = space or default_space()
    table = VacancyTable.from_documents(vacancies, space)
    return {"vacancies": vacancies, "pay": table.pay.tolist(), "vectors": table.skills.tolist(), "space": space}


def rank_naive(worker: dict, vacancies: list[dict], history: list[dict] = (),
               space: ConceptSpace | None = None) -> tuple[list[tuple[str, float]], list[tuple[str, str]]]:
    """``([(vacancy_id, score)] best first, [(vacancy_id, reason_key)])`` with a loop per pair."""
    return rank_prepared(worker, history, prepare(vacancies, space))


def rank_prepared(worker: dict, history: list[dict], prepared: dict):
    """``rank_naive`` on vacancies already through ``prepare``."""
    vacancies, pay, vacancy_vectors = prepared["vacancies"], prepared["pay"], prepared["vectors"]
    worker_vector = prepared["space"].embed_documents([list(worker.get("skills", ()))])[0].tolist()
    windows = [(day(w["start"]), day(w["end"])) for w in worker.get("availability", ())]
    signals = employer_signals(list(history))
    low = sum(w * RANGES[f][0] for f, w in DEFAULT_WEIGHTS.items())
    high = sum(w * RANGES[f][1] for f, w in DEFAULT_WEIGHTS.items())
    matches, excluded = [], []
    for n, vacancy in enumerate(vacancies):
        reason, share = _gate(worker, vacancy, windows)
        if reason:
            excluded.append((vacancy["id"], reason))
            continue
        vector = vacancy_vectors[n]
        need = sum(x * x for x in vector)
        skills = min(1.0, sum(a * b for a, b in zip(worker_vector, vector, strict=True)) / need) if need else 0.0
        pays = vacancy["employer_pays"]
        compliance = vacancy.get("employer_compliance")
        wanted = worker.get("pathways") or PATHWAYS
        values = {
            "skills": skills, "pay": pay[n], "season_fit": share,
            "housing": float(vacancy["housing"]["provided"]),
            "travel": (pays["inbound_travel"] + pays["return_travel"]) / 2,
            "compliance": NEUTRAL_COMPLIANCE if compliance is None else compliance,
            "pathway": float(vacancy["pathway"] in wanted),
            "circular": signals.get(vacancy.get("employer_id"), (0.0, False))[0],
        }
        raw = sum(DEFAULT_WEIGHTS[f] * values[f] for f in DEFAULT_WEIGHTS)
        matches.append((vacancy["id"], (raw - low) / (high - low)))
    matches.sort(key=lambda match: -match[1])
    return matches, excluded
