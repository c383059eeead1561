"""The public page of the open compliance data (no account)."""

from __future__ import annotations

from flask import Blueprint, render_template

from ethics import open_data

blp = Blueprint("open_data_pages", __name__)


@blp.get("/open-data")
def compliance():
    """The newest published counts per employer and recruiter, how they are made, and the downloads."""
    snapshot = open_data.latest()
    return render_template("open_data.html", snapshot=snapshot, families=list(open_data.FAMILIES),
                           rules=open_data.FAMILIES, minimum=open_data.MIN_REVIEWED,
                           json_name=open_data.file_name(snapshot, "json"),
                           csv_name=open_data.file_name(snapshot, "csv"))
