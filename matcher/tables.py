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

from matcher.pay import pay_position
from matcher.skills import ConceptSpace, default_space
from services.pay import currency_code, net_hourly

PATHWAYS = ("seasonal", "circular", "temporary")
_PATHWAY = {name: i for i, name in enumerate(PATHWAYS)}
OPEN_STATUS = "approved"
NEUTRAL_COMPLIANCE = 0.5


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
    country: np.ndarray
    country_index: dict
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
        return cls.from_rows(list(map(vacancy_row, vacancies)), space)

    @classmethod
    def from_rows(cls, rows: list[tuple], space: ConceptSpace | None = None) -> VacancyTable:
        """The table of vacancies read by ``vacancy_row`` (a caller may keep rows between tables)."""
        space = space or default_space()
        columns = list(zip(*rows, strict=True)) or [()] * 17
        (ids, employers, start, end, min_age, status, countries, pathway, positions, net,
         housing, travel, compliance, languages, certifications, texts, currency) = columns
        is_open = np.array(status, dtype=bool)
        currency = np.array(currency, dtype=object)
        net = np.array(net, dtype=np.float64)
        language_index = {t: i for i, t in enumerate(sorted({t for row in languages for t in row}))}
        certification_index = {t: i for i, t in enumerate(sorted({t for row in certifications for t in row}))}
        country_index = {t: i for i, t in enumerate(sorted(set(countries)))}
        return cls(
            ids=list(ids),
            employer_ids=list(employers),
            start=np.array(start, dtype=np.int64),
            end=np.array(end, dtype=np.int64),
            min_age=np.array(min_age, dtype=np.int64),
            is_open=is_open,
            country=np.array([country_index[c] for c in countries], dtype=np.int64),
            country_index=country_index,
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


def vacancy_row(v: dict) -> tuple:
    """Everything the table keeps of one vacancy, in one pass over it (``VacancyTable.from_rows``)."""
    requirements, pays, compliance = v["requirements"], v["employer_pays"], v.get("employer_compliance")
    start, end = day(v["season"]["start"]), day(v["season"]["end"])
    return (
        v["id"], v.get("employer_id") or None, start, end, requirements.get("min_age", 18),
        v.get("status", OPEN_STATUS) == OPEN_STATUS, v["destination"]["country"], _PATHWAY[v["pathway"]],
        v.get("positions", 1), net_hourly(v, (end - start + 1) / 7), v["housing"]["provided"],
        (pays["inbound_travel"] + pays["return_travel"]) / 2,
        NEUTRAL_COMPLIANCE if compliance is None else compliance,
        requirements.get("languages", ()), [term(c) for c in requirements.get("certifications", ())],
        (v["title"], v["occupation"], *v.get("skills", ())), currency_code(v["wage"]["currency"]),
    )


GOOD_RATING = 4
LOW_RATING = 2
# A birth year nobody gave: old enough for every minimum age (the age is confirmed at offer time).
UNKNOWN_BIRTH_YEAR = -1_000_000
# Padding availability windows are empty (start after end), so they never fit a season.
NO_START, NO_END = np.iinfo(np.int64).max // 2, np.iinfo(np.int64).min // 2
NO_TERM = -1


def placement_signal(placement: dict) -> float:
    """+1 for a completed season rated well by both sides (or by the one that rated), -1 for an abandoned
    or badly rated one, else 0.

    Both sides: ``worker_rating`` is how the worker rated the employer (``placement.rated``),
    ``employer_rating`` how the employer rated the worker (``placement.completed``). Either side may not
    have rated (workers rate when they choose to): a missing rating is no complaint, and a season nobody
    rated stays neutral.
    """
    ratings = [placement.get(k) for k in ("worker_rating", "employer_rating")]
    given = [r for r in ratings if r is not None]
    if not placement["completed"] or any(r <= LOW_RATING for r in given):
        return -1.0
    if given and all(r >= GOOD_RATING for r in given):
        return 1.0
    return 0.0


def employer_signals(history: list[dict]) -> dict[str, tuple[float, bool]]:
    """Per employer: the mean signal of the worker's seasons there, and whether the latest
    season of all was there and went well."""
    by_employer: dict[str, list[float]] = {}
    for placement in history:
        by_employer.setdefault(placement["employer_id"], []).append(placement_signal(placement))
    latest = max(history, key=lambda p: day(p["season"]["end"]), default=None)
    last_good = latest["employer_id"] if latest and placement_signal(latest) > 0 else None
    return {e: (sum(s) / len(s), e == last_good) for e, s in by_employer.items()}


class Terms:
    """Ids of the words in workers' profiles (languages, certifications, preferred countries).

    A worker table keeps ids, not words, so that a gate compares integer
    columns; each vacancy table maps its own words onto these ids
    (``lookup``). Ids only grow: a row written earlier keeps its meaning.
    """

    KINDS = ("languages", "certifications", "countries")

    def __init__(self):
        self.ids: dict[str, dict[str, int]] = {kind: {} for kind in self.KINDS}

    def of(self, kind: str, words) -> list[int]:
        """The ids of ``words`` (new words get new ids)."""
        ids = self.ids[kind]
        return [ids.setdefault(w, len(ids)) for w in words]

    def lookup(self, kind: str, columns: dict) -> np.ndarray:
        """An array mapping every id of ``kind`` (and ``NO_TERM``, the last entry) to the column that
        ``columns`` (word -> column) gives its word, or ``NO_TERM``."""
        ids = self.ids[kind]
        out = np.full(len(ids) + 1, NO_TERM, dtype=np.int64)
        for word, column in columns.items():
            found = ids.get(word)
            if found is not None:
                out[found] = column
        return out


@dataclass(frozen=True)
class WorkerRow:
    """Everything a worker table keeps of one worker, in one pass over the profile and history."""

    birth_year: int
    languages: list
    certifications: list
    preferred: list
    windows: list
    pathways: list
    skills: tuple
    signals: dict

    @classmethod
    def of(cls, worker: dict, history: list[dict], terms: Terms) -> WorkerRow:
        birth_year = worker.get("birth_year")
        return cls(
            birth_year=UNKNOWN_BIRTH_YEAR if birth_year is None else birth_year,
            languages=terms.of("languages", worker.get("languages", ())),
            certifications=terms.of("certifications", [term(c) for c in worker.get("certifications", ())]),
            preferred=terms.of("countries", worker.get("preferred_countries", ())),
            windows=[(day(w["start"]), day(w["end"])) for w in worker.get("availability", ())],
            pathways=[p in worker["pathways"] for p in PATHWAYS] if worker.get("pathways") else [True] * len(PATHWAYS),
            skills=tuple(worker.get("skills", ())),
            signals=employer_signals(history) if history else {},
        )


@dataclass(frozen=True)
class WorkerTable:
    """The columns of W workers that gates and features read (no gender, no origin).

    Words are ids of ``terms`` (``NO_TERM`` pads a row); ``signals`` holds,
    per worker, ``employer_signals`` of the history.
    """

    birth_year: np.ndarray
    languages: np.ndarray
    certifications: np.ndarray
    preferred: np.ndarray
    window_start: np.ndarray
    window_end: np.ndarray
    pathways: np.ndarray
    skills: np.ndarray
    signals: np.ndarray
    terms: Terms
    # employer -> {row: (signal, last)}: the same signals by employer, for a whole table (None once rows
    # are selected), so a vacancy's candidates find the workers who know its employer at once.
    by_employer: dict | None = None

    def __len__(self) -> int:
        return len(self.birth_year)

    def select(self, rows) -> WorkerTable:
        """The workers of ``rows``: a slice (sharing memory with this table) or an array of indices."""
        picked = rows if isinstance(rows, slice) else np.asarray(rows, dtype=np.int64)
        columns = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("terms", "by_employer")}
        return WorkerTable(**{name: column[picked] for name, column in columns.items()}, terms=self.terms)

    @classmethod
    def from_documents(cls, workers: list[dict], histories: list[list[dict]] | None = None,
                       space: ConceptSpace | None = None) -> WorkerTable:
        columns = WorkerColumns(space)
        histories = histories if histories is not None else [[] for _ in workers]
        columns.put(np.arange(len(workers)), [WorkerRow.of(w, h, columns.terms)
                                              for w, h in zip(workers, histories, strict=True)])
        return columns.table()


class WorkerColumns:
    """A worker table's columns that rows are written into in place (appended when new).

    What the ranking index keeps of every worker: writing one row costs
    one row, not a new table. ``table()`` is a view of the rows written so
    far; whoever writes must keep readers of that view out meanwhile.
    """

    def __init__(self, space: ConceptSpace | None = None, terms: Terms | None = None, capacity: int = 64):
        self.space = space or default_space()
        self.terms = terms or Terms()
        self.size = 0
        self.by_employer: dict[str, dict[int, tuple]] = {}
        self._columns = {
            "birth_year": np.zeros(capacity, dtype=np.int64),
            "languages": np.full((capacity, 1), NO_TERM, dtype=np.int32),
            "certifications": np.full((capacity, 1), NO_TERM, dtype=np.int32),
            "preferred": np.full((capacity, 1), NO_TERM, dtype=np.int32),
            "window_start": np.full((capacity, 1), NO_START, dtype=np.int64),
            "window_end": np.full((capacity, 1), NO_END, dtype=np.int64),
            "pathways": np.ones((capacity, len(PATHWAYS)), dtype=bool),
            "skills": np.zeros((capacity, self.space.n_dims_), dtype=np.float32),
            "signals": np.full(capacity, None, dtype=object),
        }
        for name in _WORD_COLUMNS:
            self._columns[name] = np.asfortranarray(self._columns[name])

    def put(self, rows: np.ndarray, items: list[WorkerRow]) -> None:
        """Write ``items`` at ``rows``; rows from ``size`` on are appended (in order, with no gap)."""
        rows = np.asarray(rows, dtype=np.int64)
        if not len(rows):
            return
        end = int(rows.max()) + 1
        self._reserve(end, items)
        c = self._columns
        c["birth_year"][rows] = [i.birth_year for i in items]
        for name in ("languages", "certifications", "preferred"):
            c[name][rows] = _padded([getattr(i, name) for i in items], c[name].shape[1], NO_TERM)
        c["window_start"][rows] = _padded([[w[0] for w in i.windows] for i in items],
                                          c["window_start"].shape[1], NO_START)
        c["window_end"][rows] = _padded([[w[1] for w in i.windows] for i in items], c["window_end"].shape[1], NO_END)
        c["pathways"][rows] = [i.pathways for i in items]
        c["skills"][rows] = self.space.embed_documents([list(i.skills) for i in items])
        signals = c["signals"]
        for row, item in zip(rows.tolist(), items, strict=True):
            for employer in signals[row] or ():
                known = self.by_employer[employer]
                del known[row]
                if not known:
                    del self.by_employer[employer]
            signals[row] = item.signals
            for employer, value in item.signals.items():
                self.by_employer.setdefault(employer, {})[row] = value
        self.size = max(self.size, end)

    def table(self) -> WorkerTable:
        """The rows written so far (views of the columns)."""
        return WorkerTable(**{name: column[:self.size] for name, column in self._columns.items()},
                           terms=self.terms, by_employer=self.by_employer)

    def _reserve(self, rows: int, items: list[WorkerRow]) -> None:
        """Room for ``rows`` rows and for the longest lists of ``items``."""
        widths = {"languages": max(len(i.languages) for i in items),
                  "certifications": max(len(i.certifications) for i in items),
                  "preferred": max(len(i.preferred) for i in items)}
        widths["window_start"] = widths["window_end"] = max(len(i.windows) for i in items)
        pads = {"languages": NO_TERM, "certifications": NO_TERM, "preferred": NO_TERM,
                "window_start": NO_START, "window_end": NO_END}
        capacity = len(self._columns["birth_year"])
        if rows > capacity:
            capacity = max(rows, 2 * capacity)
        for name, column in self._columns.items():
            width = max(column.shape[1], widths[name]) if name in widths else None
            if len(column) == capacity and (width is None or width == column.shape[1]):
                continue
            shape = (capacity,) if width is None and column.ndim == 1 else (capacity, width or column.shape[1])
            grown = np.full(shape, pads.get(name, None if column.dtype == object else 0), dtype=column.dtype,
                            order="F" if name in _WORD_COLUMNS else "C")
            grown[(slice(0, self.size), *(slice(0, n) for n in column.shape[1:]))] = column[:self.size]
            self._columns[name] = grown


# Columns read one slot at a time (a word id compared on every row): stored column by column.
_WORD_COLUMNS = ("languages", "certifications", "preferred", "window_start", "window_end")


def _padded(rows: list, width: int, pad) -> np.ndarray:
    """The lists of ``rows`` as a (len(rows) x width) array, ``pad`` after each list's end."""
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    out = np.full((len(rows), width), pad, dtype=np.int64)
    out[np.arange(width)[None, :] < lengths[:, None]] = np.fromiter(
        (x for row in rows for x in row), dtype=np.int64, count=int(lengths.sum()))
    return out
