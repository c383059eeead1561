"""The employers JSON API for bulk job orders: ``POST /api/v1/vacancies/import`` (CSV or a JSON list)."""

from __future__ import annotations

from flask import abort, request
from flask_smorest import Blueprint

from employers import imports
from employers.api import current_employer
from employers.schemas import ImportQuerySchema, ImportResultSchema
from employers.store import STORE
from services.auth import require_role
from services.web.app import settings_of

blp = Blueprint("api_imports", __name__, url_prefix="/api/v1", description="Employers: bulk job orders")
CSV_TYPES = ("text/csv", "application/csv")
REQUEST_BODY = {"required": True, "content": {
    "text/csv": {"schema": {"type": "string"}, "example": "title,language,...\r\nApple harvest worker,en,...\r\n"},
    "application/json": {"schema": {"type": "array", "maxItems": imports.MAX_ROWS,
                                    "items": {"$ref": "#/components/schemas/Vacancy"}}}}}


@blp.post("/vacancies/import")
@require_role("employer")
@blp.arguments(ImportQuerySchema, location="query")
@blp.doc(requestBody=REQUEST_BODY)
@blp.response(200, ImportResultSchema)
def import_vacancies(args):
    """Submit up to 500 vacancies at once: a CSV (``text/csv``, UTF-8, the columns of docs/vacancy-import.md,
    or H-2A job-order columns: ``format=h2a`` or found from the header) or a JSON list of vacancies. Each good
    row is a normal submission, reviewed by ethics; a bad row creates nothing and comes back with its field
    errors. CSV rows are numbered as a spreadsheet shows them (the header is row 1); JSON rows from 1.
    400 unreadable text, 413 over 1 MB, 415 another type, 422 over 500 rows or unknown columns, 429 past
    the day's allowance."""
    if request.mimetype in CSV_TYPES:
        parsed = imports.parse_csv(request.get_data(cache=False), args["format"])
    elif request.mimetype == "application/json":
        parsed = imports.parse_json(request.get_json())
    else:
        abort(415, description="Send text/csv or application/json.")
    return imports.import_vacancies(STORE, current_employer(), parsed, settings_of())
