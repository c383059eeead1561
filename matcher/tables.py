"""Columnar views of vacancies and workers, extracted once per request or batch.

One Python pass per document (never per pair) turns the loaded documents
into numpy columns; gates and features then work on whole columns. Dates
are day ordinals; money is net pay per hour in the vacancy's currency.

A worker's ``gender`` and ``origin_country`` are not even copied here: what
is not in the table cannot reach a score.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

import numpy as np
from scipy import sparse

from matcher.pay import net_hourly, pay_position
from matcher.skills import ConceptSpace, default_space

PATHWAYS = ("seasonal", "circular", "temporary")
_PATHWAY = {name: i for i, name in enumerate(PATHWAYS)}
OPEN_STATUS = "approved"
NEUTRAL_COMPLIANCE = 0.5
# A birth year not given: the minimum-age gate passes it (the age is confirmed at offer time, README).
UNKNOWN_BIRTH_YEAR = 0


def day(value) -> int:
    """A date (or ISO string) as a day ordinal."""
    return dt.date.fromisoformat(value).toordinal() if type(value) is str else value.toordinal()


def term(text: str) -> str:
    """How certifications compare: case and spacing do not matter."""
    return " ".join(text.casefold().split())


def incidence(rows: list, index: dict) -> sparse.csr_matrix:
    """A 0/1 matrix: one row per list of terms, one column per term of ``index`` (others ignored)."""
    cols = [[index[t] for t in row if t in index] for row in rows]
    indptr = np.cumsum([0] + [len(c) for c in cols])
    data = np.ones(indptr[-1], dtype=np.float32)
    flat = np.fromiter((c for row in cols for c in row), dtype=np.int64, count=indptr[-1])
    matrix = sparse.csr_matrix((data, flat, indptr), shape=(len(rows), len(index)))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


@dataclass(frozen=True)
class VacancyTable:
    """The columns of N vacancies that gates and features read."""

    ids: list
    employer_ids: list
    start: np.ndarray
    end: np.ndarray
    min_age: np.ndarray
    is_open: np.ndarray
    countries: list
    pathway: np.ndarray
    positions: np.ndarray
    pay: np.ndarray
    housing: np.ndarray
    travel: np.ndarray
    compliance: np.ndarray
    languages: sparse.csr_matrix
    language_index: dict
    certifications: sparse.csr_matrix
    certification_index: dict
    skills: np.ndarray
    net_hourly: np.ndarray
    currency: np.ndarray
    by_employer: dict

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_documents(cls, vacancies: list[dict], space: ConceptSpace | None = None) -> VacancyTable:
        """The table of loaded vacancy documents (``RankVacancySchema``; ISO date strings also do)."""
        space = space or default_space()
        columns = list(zip(*map(_vacancy_row, vacancies), strict=True)) or [()] * 16
        (ids, employers, start, end, min_age, status, countries, pathway, positions, net,
         housing, travel, compliance, languages, certifications, texts) = columns
        is_open = np.array(status, dtype=bool)
        currency = np.array([v["wage"]["currency"] for v in vacancies], dtype=object)
        net = np.array(net, dtype=np.float64)
        language_index = {t: i for i, t in enumerate(sorted({t for row in languages for t in row}))}
        certification_index = {t: i for i, t in enumerate(sorted({t for row in certifications for t in row}))}
        return cls(
            ids=list(ids),
            employer_ids=list(employers),
            start=np.array(start, dtype=np.int64),
            end=np.array(end, dtype=np.int64),
            min_age=np.array(min_age, dtype=np.int64),
            is_open=is_open,
            countries=list(countries),
            pathway=np.array(pathway, dtype=np.int64),
            positions=np.array(positions, dtype=np.int64),
            pay=pay_position(net, currency, is_open),
            housing=np.array(housing, dtype=np.float32),
            travel=np.array(travel, dtype=np.float32),
            compliance=np.array(compliance, dtype=np.float32),
            languages=incidence(languages, language_index),
            language_index=language_index,
            certifications=incidence(certifications, certification_index),
            certification_index=certification_index,
            skills=space.embed_documents(list(texts)),
            net_hourly=net,
            currency=currency,
            by_employer=_positions_by(employers),
        )


def take(table: VacancyTable, rows: np.ndarray) -> VacancyTable:
    """The vacancies at ``rows`` of ``table``, keeping the pay positions computed over the whole table."""
    rows = np.asarray(rows, dtype=np.int64)
    picked = {}
    for f in fields(table):
        value = getattr(table, f.name)
        picked[f.name] = _pick(value, rows) if isinstance(value, (list, np.ndarray, sparse.csr_matrix)) else value
    picked["by_employer"] = _positions_by(picked["employer_ids"])
    return VacancyTable(**picked)


def _pick(column, rows: np.ndarray):
    return [column[i] for i in rows.tolist()] if isinstance(column, list) else column[rows]


def _positions_by(keys) -> dict:
    """Each non-empty key and the array of positions where it occurs."""
    positions: dict = {}
    for i, key in enumerate(keys):
        if key:
            positions.setdefault(key, []).append(i)
    return {key: np.array(found, dtype=np.int64) for key, found in positions.items()}


def _vacancy_row(v: dict) -> tuple:
    """Everything the table keeps of one vacancy, in one pass over it."""
    requirements, pays, compliance = v["requirements"], v["employer_pays"], v.get("employer_compliance")
    start, end = day(v["season"]["start"]), day(v["season"]["end"])
    return (
        v["id"], v.get("employer_id") or None, start, end, requirements.get("min_age", 18),
        v.get("status", OPEN_STATUS) == OPEN_STATUS, v["destination"]["country"], _PATHWAY[v["pathway"]],
        v.get("positions", 1), net_hourly(v, (end - start + 1) / 7), v["housing"]["provided"],
        (pays["inbound_travel"] + pays["return_travel"]) / 2,
        NEUTRAL_COMPLIANCE if compliance is None else compliance,
        requirements.get("languages", ()), [term(c) for c in requirements.get("certifications", ())],
        (v["title"], v["occupation"], *v.get("skills", ())),
    )


@dataclass(frozen=True)
class WorkerTable:
    """The columns of W workers that gates and features read (no gender, no origin)."""

    birth_year: np.ndarray
    languages: list
    certifications: list
    preferred: list
    window_start: np.ndarray
    window_end: np.ndarray
    pathways: np.ndarray
    skills: np.ndarray
    histories: list

    def __len__(self) -> int:
        return len(self.birth_year)

    def select(self, rows) -> WorkerTable:
        """The workers of ``rows``: a slice (sharing memory with this table) or an array of indices."""
        if isinstance(rows, slice):
            return WorkerTable(**{f.name: getattr(self, f.name)[rows] for f in fields(self)})
        picked = np.asarray(rows, dtype=np.int64)
        return WorkerTable(**{f.name: _pick(getattr(self, f.name), picked) for f in fields(self)})

    @classmethod
    def from_documents(cls, workers: list[dict], histories: list[list[dict]] | None = None,
                       space: ConceptSpace | None = None) -> WorkerTable:
        space = space or default_space()
        k = max([len(w.get("availability", ())) for w in workers] + [1])
        # Padding windows are empty (start after end), so they never fit a season.
        starts = np.full((len(workers), k), np.iinfo(np.int64).max // 2, dtype=np.int64)
        ends = np.full((len(workers), k), np.iinfo(np.int64).min // 2, dtype=np.int64)
        pathways = np.ones((len(workers), len(PATHWAYS)), dtype=bool)
        for i, worker in enumerate(workers):
            for j, window in enumerate(worker.get("availability", ())):
                starts[i, j], ends[i, j] = day(window["start"]), day(window["end"])
            if worker.get("pathways"):
                pathways[i] = [p in worker["pathways"] for p in PATHWAYS]
        return cls(
            birth_year=np.array([w.get("birth_year") or UNKNOWN_BIRTH_YEAR for w in workers], dtype=np.int64),
            languages=[w.get("languages", ()) for w in workers],
            certifications=[[term(c) for c in w.get("certifications", ())] for w in workers],
            preferred=[w.get("preferred_countries", ()) for w in workers],
            window_start=starts,
            window_end=ends,
            pathways=pathways,
            skills=space.embed_documents([list(w.get("skills", ())) for w in workers]),
            histories=list(histories) if histories is not None else [[] for _ in workers],
        )
