"""The employer's overview page: a page of their vacancies, each with its counts linked to their lists."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from employers.models import Vacancy
from employers.overview import overview
from employers.pages import employer_required, page_error
from employers.paging import own_page, query_args
from employers.present import matcher
from employers.schemas import VacancyQuerySchema
from employers.store import STORE
from services.web.app import settings_of
from services.web.errors import register_page_errors

blp = Blueprint("overview_pages", __name__)
register_page_errors(blp, page_error)


@blp.get("/overview")
@employer_required
def overview_page(employer):
    """Per vacancy, newest first: candidates, offers sent, accepted, declined and completed, open flags."""
    args = query_args(VacancyQuerySchema(), request.args) or abort(422)
    items, next_cursor = own_page(Vacancy, employer.pk, args)
    summary = overview(STORE, matcher(), employer, items, settings_of().require_employer_verification)
    return render_template("overview.html", overview=summary, next_cursor=next_cursor, status=args.get("status"))
