"""The bulk job-order pages: upload a CSV (our columns or an H-2A job order), see what became of each row,
and download the template."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from employers import import_csv, imports
from employers.pages import employer_required, page_error
from employers.store import STORE
from services.errors import Incomplete, Invalid, TooManyRequests
from services.web.app import settings_of
from services.web.errors import register_page_errors

blp = Blueprint("import_pages", __name__)
register_page_errors(blp, page_error)
FORMAT_CHOICES = (("auto", _l("Find out from the header row")), ("csv", _l("This site's columns (the template)")),
                  ("h2a", _l("US H-2A job order (ETA-790A items)")))
TEMPLATE_NAME = "vacancies-import-template.csv"
# The file-level problems of the API said on the page (the column names stay as the file has them).
COLUMN_PROBLEMS = {"Unknown column: ": _l("Unknown column: %(name)s"),
                   "Repeated column: ": _l("Repeated column: %(name)s")}


@blp.route("/vacancies/import", methods=["GET", "POST"])
@employer_required
def vacancy_import(employer):
    """Upload a CSV of job orders; the page then lists the vacancies created and each bad row's errors."""
    if request.method == "GET":
        return _page()
    upload = request.files.get("file")
    chosen = request.form.get("format", "auto")
    if upload is None or not upload.filename:
        return _page(problems=[_("Choose a CSV file to upload.")], chosen=chosen, status=422)
    try:
        parsed = imports.parse_csv(upload.read(), chosen if chosen in imports.FORMATS else "auto")
        result = imports.import_vacancies(STORE, employer, parsed, settings_of())
    except Invalid:
        return _page(problems=[_("The file is not CSV text in UTF-8. In your spreadsheet, save it as "
                                 "\"CSV UTF-8\" and upload it again.")], chosen=chosen, status=400)
    except Incomplete as exc:
        return _page(problems=_file_problems(exc.fields), chosen=chosen, status=422)
    except TooManyRequests:
        return _page(problems=[_("You have imported many vacancies today; import the rest tomorrow.")],
                     chosen=chosen, status=429)
    return _page(result=result, chosen=chosen)


@blp.get("/vacancies/import/template.csv")
@employer_required
def import_template(employer):
    """The CSV template: every column, and one example row to replace."""
    return Response(import_csv.template(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{TEMPLATE_NAME}"'})


def _file_problems(fields: dict) -> list[str]:
    """A refused file's problems, in the page's language."""
    said = []
    for message in (m for messages in fields.values() for m in messages):
        prefix = next((p for p in COLUMN_PROBLEMS if message.startswith(p)), None)
        said.append(str(COLUMN_PROBLEMS[prefix]) % {"name": message[len(prefix):]} if prefix else _(message))
    return said


def _page(result=None, problems=(), chosen="auto", status=200):
    return render_template("vacancy_import.html", result=result, problems=list(problems), chosen=chosen,
                           formats=FORMAT_CHOICES, columns=import_csv.COLUMNS, max_rows=import_csv.MAX_ROWS,
                           header_row=import_csv.HEADER_ROW), status
