"""Bulk job orders: many vacancies in one request (a CSV file or a JSON list), each a normal submission.

Every good row becomes the same vacancy ``POST /api/v1/vacancies`` makes (``vacancies.new_vacancy``:
``pending_review``, with its ``vacancy.submitted`` in its own outbox, so each goes through the ethics
review); a bad row creates nothing and is answered with its number and field errors. The good rows are
stored in one ``insert_many`` (one round trip for up to 500, not 500), each document whole with its event.

Why a limit of its own: the hourly and daily limits on vacancy changes (``vacancies.count_change``) stop
near-identical vacancies used to sort candidates by age; an import is the honest way to post a season's
job orders at once, so it counts the vacancies it creates against a separate daily allowance
(``LP_VACANCY_IMPORT_ROWS_PER_DAY``, 2,000 by default: four full files a day), refused whole past it.
"""

from __future__ import annotations

from marshmallow import ValidationError

from employers import import_csv, import_h2a, vacancies
from employers.import_csv import MAX_ROWS, SCHEMA, Parsed
from services import errors, ratelimit
from services.documents import normalised

DAY = 24 * 3600
FORMATS = ("auto", "csv", "h2a")


def parse_csv(body: bytes, format: str = "auto") -> Parsed:
    """A CSV file's rows as vacancies: the documented columns (``csv``), H-2A job-order columns (``h2a``),
    or whichever the header shows (``auto``)."""
    if format not in FORMATS:
        raise errors.Incomplete("Unknown import format.", {"format": [f"One of: {', '.join(FORMATS)}."]})
    header, rows = import_csv.read_table(import_csv.decode(body))
    if format == "h2a" or (format == "auto" and import_h2a.looks_like_h2a(header)):
        return import_h2a.parse(header, rows)
    return import_csv.parse(header, rows)


def parse_json(items) -> Parsed:
    """A JSON list of contract vacancies; ``row`` is the position in the list, counted from 1."""
    if not isinstance(items, list):
        raise errors.Incomplete("Send a JSON list of vacancies.", {"_schema": ["Expected a JSON list."]})
    if len(items) > MAX_ROWS:
        raise errors.Incomplete(f"At most {MAX_ROWS} vacancies per import.",
                                {"rows": [f"At most {MAX_ROWS} rows; split the list."]})
    if not items:
        raise errors.Incomplete("The list has no vacancies.", {"rows": ["The list is empty."]})
    parsed = Parsed("json")
    for number, item in enumerate(items, start=1):
        try:
            parsed.good.append((number, normalised(SCHEMA, item)))
        except ValidationError as exc:
            messages = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
            parsed.bad.append({"row": number, "fields": messages})
    return parsed


def import_vacancies(store, employer, parsed: Parsed, settings) -> dict:
    """Create the good rows' vacancies (429, creating none, past the daily allowance) and say what
    became of every row: ``{"created": [{"row", "id"}], "errors": [{"row", "fields"}], ...}``."""
    if parsed.good:
        ratelimit.hit(f"vacancy-imports-day:{employer.id}", settings.vacancy_import_rows_per_day, DAY,
                      cost=len(parsed.good))
    created = vacancies.submit_vacancies(store, employer, [document for _row, document in parsed.good])
    return {"created": [{"row": row, "id": str(vacancy.pk)} for (row, _doc), vacancy in zip(parsed.good, created,
                                                                                             strict=True)],
            "errors": parsed.bad, "format": parsed.format, "unmapped": parsed.unmapped}
