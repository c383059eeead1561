"""Reading US H-2A job orders (Form ETA-790A items, as DOL's disclosure files name them) as vacancies.

Each ETA-790A item the contract's vacancy holds is taken from the first of its column names found in
the header (case, spaces and punctuation do not matter: "First Date", ``BEGIN_DATE`` and
``EMPLOYMENT_BEGIN_DATE`` are the same item). What the H-2A programme itself fixes fills the rest:
a US job, paid in USD, seasonal, no fees to the worker, housing free of charge (20 CFR 655.122(d)),
inbound and return travel paid (655.122(h)) and visa costs reimbursed; a column of its own overrides
each. The file's other columns (case number, SOC code, piece rates, overtime...) are reported as
``unmapped``. Errors are keyed by the file's column, or by the vacancy field a programme default filled.
The mapping is documented in docs/vacancy-import.md.
"""

from __future__ import annotations

import re
from datetime import datetime

from employers import import_csv
from employers.import_csv import Parsed

# Vacancy column -> the ETA-790A names it is read from, first found wins.
ITEMS = {
    "title": ("JOB_TITLE",),
    "occupation": ("SOC_TITLE", "SOC_OCCUPATION_TITLE", "JOB_TITLE"),
    "description": ("JOB_DUTIES", "JOB_DESCRIPTION"),
    "destination.region": ("WORKSITE_STATE", "PLACE_OF_EMPLOYMENT_STATE"),
    "destination.city": ("WORKSITE_CITY", "PLACE_OF_EMPLOYMENT_CITY"),
    "season.start": ("BEGIN_DATE", "FIRST_DATE", "EMPLOYMENT_BEGIN_DATE", "REQUESTED_BEGIN_DATE",
                     "DATE_OF_NEED_BEGIN", "FIRST_DATE_OF_NEED"),
    "season.end": ("END_DATE", "LAST_DATE", "EMPLOYMENT_END_DATE", "REQUESTED_END_DATE", "DATE_OF_NEED_END",
                   "LAST_DATE_OF_NEED"),
    "positions": ("TOTAL_WORKERS_H2A_REQUESTED", "H2A_WORKERS", "WORKERS_REQUESTED", "TOTAL_WORKERS_NEEDED",
                  "WORKERS_NEEDED_TOTAL", "TOTAL_WORKERS"),
    "wage.amount": ("WAGE_OFFER", "BASIC_RATE_OF_PAY", "WAGE_RATE"),
    "wage.per": ("PER", "WAGE_PER", "PER_PAY_PERIOD", "BASIC_UNIT_OF_PAY"),
    "hours_per_week": ("ANTICIPATED_HOURS_PER_WEEK", "TOTAL_HOURS", "ANTICIPATED_HOURS", "HOURS_PER_WEEK",
                       "ANTICIPATED_DAYS_HOURS_TOTAL"),
    "housing.provided": ("HOUSING_PROVIDED", "HOUSING"),
    "housing.weekly_deduction": ("HOUSING_CHARGE", "HOUSING_WEEKLY_CHARGE"),
    "employer_pays.inbound_travel": ("INBOUND_TRANSPORTATION", "TRANSPORTATION_INBOUND"),
    "employer_pays.return_travel": ("OUTBOUND_TRANSPORTATION", "RETURN_TRANSPORTATION", "TRANSPORTATION_OUTBOUND"),
    "employer_pays.visa": ("VISA_FEES_REIMBURSED", "VISA_COSTS_PAID"),
    "requirements.min_age": ("MIN_AGE", "MINIMUM_AGE"),
    "requirements.other": ("SPECIAL_REQUIREMENTS", "JOB_REQUIREMENTS"),
    "recruiter.name": ("FOREIGN_RECRUITER_NAME", "FOREIGN_LABOR_RECRUITER_NAME", "RECRUITER_NAME"),
    "recruiter.licence": ("FOREIGN_RECRUITER_LICENSE", "RECRUITER_LICENSE", "RECRUITER_LICENCE"),
}
MEALS = ("MEAL_CHARGE", "MEALS_CHARGE", "MEAL_CHARGE_PER_DAY", "DAILY_MEAL_CHARGE")  # per day
MEALS_PROVIDED = ("MEALS_PROVIDED", "MEALS")
# What the programme fixes; a column above overrides the ones it names.
DEFAULTS = {
    "language": "en", "destination.country": "US", "pathway": "seasonal", "wage.currency": "USD",
    "worker_fees": "0", "housing.provided": "yes", "housing.weekly_deduction": "0",
    "employer_pays.inbound_travel": "yes", "employer_pays.return_travel": "yes", "employer_pays.visa": "yes",
    "contract_languages": "en",
}
PERIODS = {"hour": "hour", "hourly": "hour", "hr": "hour", "day": "day", "daily": "day", "week": "week",
           "weekly": "week", "month": "month", "monthly": "month"}
US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
DAYS_A_WEEK = 7  # a meal charge is per day; the contract's deductions are per week at most often


def normal(name: str) -> str:
    """A column name as the item tables spell it: upper-case words joined by ``_``."""
    return re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")


def looks_like_h2a(header: list[str]) -> bool:
    """Whether a header names H-2A job-order items (two of the dates, workers, title and wage at least)."""
    known = {normal(name) for name in header}
    items = ("season.start", "season.end", "positions", "title", "wage.amount")
    return sum(1 for item in items if known & set(ITEMS[item])) >= 2 and not set(header) & set(import_csv.COLUMNS)


def columns_of(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Which file column each vacancy column is read from (index), and the file's columns left unmapped."""
    index = {}
    for position, name in enumerate(header):
        index.setdefault(normal(name), position)
    taken: dict[str, int] = {}
    for column, names in {**ITEMS, "deductions": MEALS, "meals": MEALS_PROVIDED}.items():
        found = next((index[n] for n in names if n in index), None)
        if found is not None:
            taken[column] = found
    used = set(taken.values())
    unmapped = [name for position, name in enumerate(header) if position not in used and name.strip()]
    return taken, unmapped


def _date(text: str) -> str:
    found = US_DATE.match(text)
    if not found:
        return text  # ISO already, or the schema says it is not a date
    month, day, year = (int(part) for part in found.groups())
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return text


def _money(text: str) -> str:
    return text.replace("$", "").replace(",", "").strip()  # US amounts: "$1,234.50"


def _meals(charge: str, provided: str) -> str:
    """The deductions cell of a daily meal charge (nothing when meals are not charged)."""
    if provided.lower() in import_csv.NO or not charge:
        return ""
    try:
        weekly = float(_money(charge)) * DAYS_A_WEEK
    except ValueError:
        return f"meals:{charge}:week"  # the schema says it is not a number
    return f"meals:{round(weekly, 2)}:week" if weekly else ""


def vacancy_cells(taken: dict[str, int], cells: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """A job order's row as cells of the documented columns, and which file column each came from."""
    def cell(column):
        position = taken.get(column)
        return cells[position].strip() if position is not None and position < len(cells) else ""

    native = {**DEFAULTS}
    for column in ITEMS:
        if cell(column):
            native[column] = cell(column)
    for column in ("season.start", "season.end"):
        native[column] = _date(native.get(column, ""))
    for column in ("wage.amount", "housing.weekly_deduction"):
        native[column] = _money(native.get(column, ""))
    per = native.get("wage.per", "").lower()
    native["wage.per"] = PERIODS.get(per, per)
    native["deductions"] = _meals(cell("deductions"), cell("meals"))
    return native, {column: position for column, position in taken.items() if column != "meals"}


def parse(header: list[str], rows: list[tuple[int, list[str]]]) -> Parsed:
    """The rows of an H-2A job-order CSV (``import_csv.read_table``), each mapped and checked."""
    import_csv.check_header([normal(name) for name in header])  # "Job Title" and JOB_TITLE are one item
    taken, unmapped = columns_of(header)
    parsed = Parsed("h2a", unmapped=unmapped)
    for number, cells in rows:
        mapped = [cells[p].strip() for p in taken.values() if p < len(cells)]
        if any(value.startswith(import_csv.FORMULA_STARTS) for value in mapped):
            sources = {header[p]: [import_csv.FORMULA_MESSAGE] for p in taken.values()
                       if p < len(cells) and cells[p].strip().startswith(import_csv.FORMULA_STARTS)}
            parsed.bad.append({"row": number, "fields": sources})
            continue
        native, sources = vacancy_cells(taken, cells)
        vacancy, problems = import_csv.check_row(native)
        if problems:
            parsed.bad.append({"row": number, "fields": {
                header[sources[c]] if c in sources else c: texts for c, texts in problems.items()}})
        else:
            parsed.good.append((number, vacancy))
    return parsed
