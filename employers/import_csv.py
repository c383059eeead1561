"""Reading job orders from a CSV file: the documented column set (docs/vacancy-import.md), one vacancy a row.

The file is UTF-8 (a byte-order mark is allowed), comma-separated, with a header row. Rows are numbered
as a spreadsheet shows them: the header is row 1, the first vacancy row 2; blank rows are skipped but
keep their number. Each row becomes the contract's vacancy, validated by the API's own schema, and its
errors are keyed by column name. A cell that a spreadsheet would run as a formula (one starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) makes its row an error: the data ends up in the
auditors' CSV downloads, opened in spreadsheets.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from marshmallow import ValidationError

from employers.forms import message_paths
from services import errors
from services.documents import VacancySchema, normalised

MAX_ROWS = 500
HEADER_ROW = 1
# The documented columns, in the template's order.
COLUMNS = (
    "title", "description", "language", "occupation", "isco_code", "skills",
    "destination.country", "destination.region", "destination.city", "pathway", "season.start", "season.end",
    "positions", "wage.amount", "wage.currency", "wage.per", "hours_per_week", "worker_fees",
    "recruiter.name", "recruiter.licence", "employer_pays.inbound_travel", "employer_pays.return_travel",
    "employer_pays.visa", "housing.provided", "housing.weekly_deduction", "deductions", "contract_languages",
    "requirements.languages", "requirements.min_age", "requirements.certifications", "requirements.other",
)
LISTS = ("skills", "contract_languages", "requirements.languages", "requirements.certifications")
LOWER = ("language", "contract_languages", "requirements.languages", "pathway", "wage.per")
UPPER = ("destination.country", "wage.currency")
NUMBERS = ("positions", "wage.amount", "hours_per_week", "worker_fees", "housing.weekly_deduction",
           "requirements.min_age")
BOOLEANS = ("employer_pays.inbound_travel", "employer_pays.return_travel", "employer_pays.visa", "housing.provided")
YES = {"yes", "y", "true", "1", "si", "sí", "oui", "sim"}
NO = {"no", "n", "false", "0", "non", "não", "nao"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_MESSAGE = "A cell may not start with =, +, -, @ or a tab: spreadsheets would run it as a formula."
YES_NO_MESSAGE = "Write yes or no."
# One schema for every row: building one costs more than checking a row with it (it keeps no state per load).
SCHEMA = VacancySchema()
DEDUCTIONS_MESSAGE = "Write each deduction as label:amount:period (week, month or season), separated by ';'."
TEMPLATE_EXAMPLE = {
    "title": "Apple harvest worker", "description": "Harvest apples and load bins in the orchard.",
    "language": "en", "occupation": "Fruit picker", "isco_code": "9211", "skills": "fruit picking; ladder work",
    "destination.country": "CA", "destination.region": "Ontario", "destination.city": "Simcoe",
    "pathway": "seasonal", "season.start": "2027-08-01", "season.end": "2027-10-31", "positions": "12",
    "wage.amount": "19.60", "wage.currency": "CAD", "wage.per": "hour", "hours_per_week": "45",
    "worker_fees": "0", "recruiter.name": "Agencia X", "recruiter.licence": "ON-RA-1234",
    "employer_pays.inbound_travel": "yes", "employer_pays.return_travel": "yes", "employer_pays.visa": "yes",
    "housing.provided": "yes", "housing.weekly_deduction": "30", "deductions": "meals:40:week",
    "contract_languages": "en; es", "requirements.languages": "es", "requirements.min_age": "18",
    "requirements.certifications": "", "requirements.other": "",
}


@dataclass
class Parsed:
    """An import read and checked row by row: the good rows' documents and the bad rows' field errors.

    ``format`` is how the rows were read (``csv``, ``h2a`` or ``json``); ``unmapped`` lists the file's
    columns that no vacancy field takes (H-2A job orders carry more than a vacancy says)."""

    format: str
    good: list[tuple[int, dict]] = field(default_factory=list)
    bad: list[dict] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.good) + len(self.bad)


def decode(body: bytes) -> str:
    """The file as text: UTF-8, with or without a byte-order mark; 400 otherwise."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise errors.Invalid(f"The file is not UTF-8 text (byte {exc.start}); save it as \"CSV UTF-8\".") from exc
    if "\x00" in text:
        raise errors.Invalid("The file holds NUL characters: it is not a CSV text file.")
    return text


def read_table(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header (names stripped, lower-case) and the non-blank rows with their spreadsheet numbers.

    400 for text the CSV reader cannot read, 422 without a header, without rows or with more than
    ``MAX_ROWS`` of them."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
        rows = []
        for number, cells in enumerate(reader, start=HEADER_ROW + 1):
            if any(cell.strip() for cell in cells):
                rows.append((number, cells))
                if len(rows) > MAX_ROWS:
                    raise errors.Incomplete(f"At most {MAX_ROWS} vacancies per import.",
                                            {"rows": [f"At most {MAX_ROWS} rows; split the file."]})
    except csv.Error as exc:
        raise errors.Invalid(f"The file is not CSV the importer can read: {exc}.") from exc
    if not any(header):
        raise errors.Incomplete("The file is empty.", {"rows": ["The file has no header row."]})
    if not rows:
        raise errors.Incomplete("The file has no vacancies.", {"rows": ["The file has a header but no rows."]})
    return header, rows


def check_header(header: list[str], known=None) -> list[str]:
    """The header's names lower-case; 422 for a repeated name, or one not in ``known`` (when given).
    A column without a name is ignored (spreadsheets export blank columns at the right)."""
    names = [name.lower() for name in header]
    duplicates = sorted({name for name in names if name and names.count(name) > 1})
    if duplicates:
        raise errors.Incomplete("The header row repeats column names.",
                                {"columns": [f"Repeated column: {name}" for name in duplicates]})
    unknown = [name for name in names if name and known is not None and name not in known]
    if unknown:
        raise errors.Incomplete("The header row has columns the importer does not know.",
                                {"columns": [f"Unknown column: {name}" for name in unknown]})
    return names


def cells_of(names: list[str], cells: list[str]) -> dict[str, str]:
    """A row's cells by column name (stripped; missing trailing cells are blank, extra cells ignored)."""
    return {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(names) if name}


def formula_cells(cells: dict[str, str]) -> dict[str, list[str]]:
    """The cells a spreadsheet would run as formulas, as field errors."""
    return {name: [FORMULA_MESSAGE] for name, value in cells.items() if value.startswith(FORMULA_STARTS)}


def _set(document: dict, path: str, value) -> None:
    *parents, leaf = path.split(".")
    for name in parents:
        document = document.setdefault(name, {})
    document[leaf] = value


def _number(text: str) -> str:
    # A decimal comma ("17,60") when there is no point; thousands separators are not read (documented).
    return text.replace(",", ".") if "." not in text else text


def _deductions(text: str) -> list[dict] | None:
    """``label:amount:period; ...`` as the contract's deductions, or None when it cannot be read."""
    found = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        pieces = [p.strip() for p in part.split(":")]
        if len(pieces) != 3 or not pieces[0]:
            return None
        found.append({"label": pieces[0], "amount": _number(pieces[1]), "per": pieces[2].lower()})
    return found


def raw_document(cells: dict[str, str]) -> tuple[dict, dict[str, list[str]]]:
    """The raw vacancy of one row of the documented columns (blank cells left out, so the schema's
    defaults and "required" messages apply), and the errors found before the schema (yes/no, deductions)."""
    document: dict = {}
    problems: dict[str, list[str]] = {}
    for name, value in cells.items():
        if not value or name == "deductions" or name.startswith("recruiter."):
            continue
        value = value.lower() if name in LOWER else value.upper() if name in UPPER else value
        if name in LISTS:
            _set(document, name, [item.strip() for item in value.split(";") if item.strip()])
        elif name in BOOLEANS:
            answer = value.lower()
            if answer not in YES | NO:
                problems[name] = [YES_NO_MESSAGE]
            _set(document, name, answer in YES)
        else:
            _set(document, name, _number(value) if name in NUMBERS else value)
    recruiter = {key: cells.get(f"recruiter.{key}", "") for key in ("name", "licence")}
    document["recruiter"] = {k: v for k, v in recruiter.items() if v} if any(recruiter.values()) else None
    deductions = _deductions(cells.get("deductions", ""))
    if deductions is None:
        problems["deductions"] = [DEDUCTIONS_MESSAGE]
    else:
        document["deductions"] = deductions
    return document, problems


def column_errors(messages: dict, columns) -> dict[str, list[str]]:
    """Marshmallow's nested messages keyed by the column they are about (``skills.3`` is about ``skills``)."""
    found: dict[str, list[str]] = {}
    for path, texts in message_paths(messages):
        name = ".".join(map(str, path))
        while name not in columns and "." in name:
            name = name.rsplit(".", 1)[0]
        known = found.setdefault(name, [])
        known.extend(t for t in texts if t not in known)
    return found


def check_row(cells: dict[str, str]) -> tuple[dict | None, dict[str, list[str]]]:
    """One row of the documented columns: ``(vacancy, {})`` when it is good, ``(None, {column: messages})``
    (a formula cell's own message, the other cells checked as usual)."""
    formulas = formula_cells(cells)
    document, problems = raw_document({name: value for name, value in cells.items() if name not in formulas})
    try:
        vacancy = normalised(SCHEMA, document)
    except ValidationError as exc:
        vacancy, problems = None, {**column_errors(exc.messages, COLUMNS), **problems}
    problems.update(formulas)
    return (None, problems) if problems else (vacancy, {})


def parse(header: list[str], rows: list[tuple[int, list[str]]]) -> Parsed:
    """The rows of a CSV of the documented columns (``read_table``), checked one by one."""
    names = check_header(header, COLUMNS)
    parsed = Parsed("csv")
    for number, cells in rows:
        vacancy, problems = check_row(cells_of(names, cells))
        if problems:
            parsed.bad.append({"row": number, "fields": problems})
        else:
            parsed.good.append((number, vacancy))
    return parsed


def template() -> str:
    """The template to download: the header and one example row (docs/vacancy-import-sample.csv)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerow([TEMPLATE_EXAMPLE[name] for name in COLUMNS])
    return out.getvalue()
