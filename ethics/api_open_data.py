"""The ethics service's open data API: the published compliance counts, for anyone (no account)."""

from __future__ import annotations

from flask import Response, request
from flask_smorest import Blueprint

from ethics import open_data
from ethics.schemas import ComplianceSchema

blp = Blueprint("api_open_data", __name__, url_prefix="/api/v1/public", description="Open compliance data")
# Published snapshots change at most every few minutes: caches may keep one that long.
CACHING = "public, max-age=300"


def _headers(snapshot: dict, extension: str, disposition: str) -> dict:
    return {"Content-Disposition": f'{disposition}; filename="{open_data.file_name(snapshot, extension)}"',
            "Cache-Control": CACHING, "ETag": f'"v{snapshot["version"]}"'}


@blp.get("/compliance")
@blp.response(200, ComplianceSchema)
def compliance():
    """Per employer and recruiter with at least 5 vacancy reviews: reviews, the share blocked and the
    confirmed violations by rule family. A dated, versioned snapshot, republished periodically; no account
    needed, no personal data. ``?download=1`` answers it as a file to save."""
    snapshot = open_data.latest()
    disposition = "attachment" if request.args.get("download") else "inline"
    return snapshot, 200, _headers(snapshot, "json", disposition)


@blp.get("/compliance.csv")
@blp.doc(responses={"200": {"description": "The same snapshot as CSV: a header row, one row per party",
                            "content": {"text/csv": {"schema": {"type": "string"}}}}})
def compliance_csv():
    """The open compliance data as CSV, named with its date and version."""
    snapshot = open_data.latest()
    return Response(open_data.csv_text(snapshot), mimetype="text/csv",
                    headers=_headers(snapshot, "csv", "attachment"))
