"""Hard gates: the vacancies a worker is never shown, each with a reason key.

Every function works on whole (workers x vacancies) blocks. A pair failing
several gates reports the first in ``GATES`` order.
"""

from __future__ import annotations

import threading

import numpy as np
from scipy import sparse

from matcher.tables import Terms, VacancyTable, WorkerTable

GATES = (
    "not_open",
    "season_outside_availability",
    "missing_language",
    "country_not_preferred",
    "below_min_age",
    "missing_certification",
)
ELIGIBLE = -1
# Up to this many words asked for, a gate compares ids column by column.
FEW_COLUMNS = 4


def season_share(workers: WorkerTable, vacancies: VacancyTable) -> np.ndarray:
    """Share of the availability window a season would fill; 0 where it fits inside none (W x N)."""
    length = (vacancies.end - vacancies.start + 1).astype(np.float32)[None, :]
    share = np.zeros((len(workers), len(vacancies)), dtype=np.float32)
    for k in range(workers.window_start.shape[1]):
        start, end = workers.window_start[:, k:k + 1], workers.window_end[:, k:k + 1]
        fits = (start <= vacancies.start[None, :]) & (vacancies.end[None, :] <= end)
        # A season fits inside ONE window: two back-to-back windows do not add up.
        window = np.maximum(end - start + 1, 1).astype(np.float32)
        np.maximum(share, np.where(fits, length / window, np.float32(0)), out=share)
    return share


def lacks_any(have: np.ndarray, terms: Terms, kind: str, need: sparse.csr_matrix, index: dict) -> np.ndarray:
    """True where a worker lacks at least one of the words a vacancy needs (W x N).

    ``have``: the workers' word ids of ``kind`` in ``terms``; ``need``: the
    vacancies' incidence over their own words ``index``. Only the words
    this block of vacancies needs are looked at, so one vacancy against
    every worker compares a column or two.
    """
    used, need, needed, columns = _vacancy_side(need, index)
    if not len(used):
        return np.zeros((len(have), need.shape[0]), dtype=bool)
    owned = _owned(have, terms.lookup(kind, columns), len(used))
    covered = np.asarray(need @ owned.T).T
    return covered < needed[None, :]


# What ``lacks_any`` derives from the vacancies alone, by matrix: every worker read ranks against the same
# table (the snapshot's upcoming vacancies, until it is rebuilt), so it is derived once, not per request
# (measured: about half of one worker's gates at 200 vacancies). Small tables (one vacancy against the
# workers) are cheap to derive and new each time: not kept.
_VACANCY_SIDES: dict[int, tuple] = {}
_VACANCY_SIDES_LOCK = threading.Lock()
KEPT_SIDES = 8  # a few tables' languages and certifications: the current snapshot's and the one before
KEPT_MIN_ROWS = 64


def _vacancy_side(need: sparse.csr_matrix, index: dict) -> tuple:
    """The words ``need`` uses (its column numbers), ``need`` over those columns only, how many each
    vacancy needs, and the columns by word."""
    with _VACANCY_SIDES_LOCK:
        found = _VACANCY_SIDES.get(id(need))
    if found is not None and found[0] is need and found[1] is index:
        return found[2]
    used = np.unique(need.indices)
    narrow = need[:, used] if len(used) else need
    position = {int(column): i for i, column in enumerate(used.tolist())}
    side = (used, narrow, np.asarray(narrow.sum(axis=1)).ravel(),
            {w: position[c] for w, c in index.items() if c in position})
    if need.shape[0] >= KEPT_MIN_ROWS:
        with _VACANCY_SIDES_LOCK:  # holding ``need`` keeps its id from being reused while kept
            while len(_VACANCY_SIDES) >= KEPT_SIDES:
                del _VACANCY_SIDES[next(iter(_VACANCY_SIDES))]
            _VACANCY_SIDES[id(need)] = (need, index, side)
    return side


def _owned(have: np.ndarray, lookup: np.ndarray, width: int) -> np.ndarray:
    """0/1 (W x width): which of the looked-up columns each worker's ids reach."""
    owned = np.zeros((len(have), width), dtype=np.float32)
    if width <= FEW_COLUMNS:
        # A vacancy or two against many workers: look for each column's word id, slot by slot.
        for column in range(width):
            ids = np.flatnonzero(lookup[:-1] == column)
            if len(ids):
                owned[:, column] = _has(have, ids[0])
        return owned
    mapped = lookup[have]
    rows, slots = np.nonzero(mapped >= 0)
    owned[rows, mapped[rows, slots]] = 1.0
    return owned


def _has(have: np.ndarray, word: int) -> np.ndarray:
    """Whether each row of ``have`` holds the id ``word`` (one pass per slot: faster than ``any(axis=1)``)."""
    found = have[:, 0] == word
    for slot in range(1, have.shape[1]):
        found |= have[:, slot] == word
    return found


def outside_preferences(workers: WorkerTable, vacancies: VacancyTable) -> np.ndarray:
    """True where the worker named preferred countries and the destination is not one (W x N)."""
    used = np.unique(vacancies.country)
    position = {int(code): i for i, code in enumerate(used.tolist())}
    lookup = workers.terms.lookup("countries", {name: position[code] for name, code in vacancies.country_index.items()
                                                if code in position})
    wanted = _owned(workers.preferred, lookup, len(used)).astype(bool)
    # Lists are padded at their end: a worker named a country when the first slot holds one.
    named_any = workers.preferred[:, 0] >= 0
    return named_any[:, None] & ~wanted[:, np.searchsorted(used, vacancies.country)]


def below_min_age(workers: WorkerTable, vacancies: VacancyTable) -> np.ndarray:
    """True where the worker may be younger than ``min_age`` on the season's first day (W x N).

    Only the birth year is known, so the age counted is the one the worker
    is sure to have reached that day: a season starting 1 August 2027 takes
    a worker born in 2009 as 17. This errs on the side of protecting minors.
    """
    start = (vacancies.start - 719163).astype("datetime64[D]")  # ordinal of 1970-01-01
    year = start.astype("datetime64[Y]")
    on_last_day = start == (year + 1).astype("datetime64[D]") - 1
    sure_age = (year.astype(np.int64) + 1970 - (~on_last_day))[None, :] - workers.birth_year[:, None]
    return sure_age < vacancies.min_age[None, :]


def gate_mask(workers: WorkerTable, vacancies: VacancyTable, share: np.ndarray | None = None) -> np.ndarray:
    """Per pair, bit ``i`` set when gate ``GATES[i]`` fails; 0 means eligible (W x N, uint8)."""
    share = season_share(workers, vacancies) if share is None else share
    failing = (
        ~vacancies.is_open[None, :],
        share <= 0,
        lacks_any(workers.languages, workers.terms, "languages", vacancies.languages, vacancies.language_index),
        outside_preferences(workers, vacancies),
        below_min_age(workers, vacancies),
        lacks_any(workers.certifications, workers.terms, "certifications", vacancies.certifications,
                  vacancies.certification_index),
    )
    # Bit operations on bytes: several times faster than masked assignments on large blocks.
    mask = np.zeros(share.shape, dtype=np.uint8)
    for bit, fails in enumerate(failing):
        mask |= fails.view(np.uint8) << np.uint8(bit)
    return mask


# The first failing gate of every possible mask: the lowest set bit.
_FIRST = np.array([ELIGIBLE] + [(m & -m).bit_length() - 1 for m in range(1, 2 ** len(GATES))], dtype=np.int8)


def first_failing(mask: np.ndarray) -> np.ndarray:
    """``ELIGIBLE`` or the index in ``GATES`` of the first gate failed, from ``gate_mask``."""
    return _FIRST[mask]


def gate_codes(workers: WorkerTable, vacancies: VacancyTable, share: np.ndarray | None = None) -> np.ndarray:
    """Per pair, ``ELIGIBLE`` or the index in ``GATES`` of the first gate it fails (W x N, int8)."""
    return first_failing(gate_mask(workers, vacancies, share))
