"""Vacancy pages: the form (with the ethics service's dry-run check), the list, the detail page, edit and close."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from employers import vacancies
from employers.forms import VACANCY_FORM, validate_form, values_from_document, values_from_form
from employers.models import OPEN_VACANCY, Vacancy
from employers.pages import employer_required, page_error
from employers.paging import own_page, query_args
from employers.present import ethics
from employers.schemas import VacancyQuerySchema
from employers.store import STORE
from services.errors import Conflict, TooManyRequests
from services.ethics_client import EthicsUnavailable
from services.web.app import settings_of
from services.web.errors import register_page_errors

blp = Blueprint("vacancy_pages", __name__)
# People get errors as pages in their language, not as JSON.
register_page_errors(blp, page_error)
NEW_VACANCY = {"pathway": "seasonal", "wage-per": "hour", "requirements-min_age": "18",
               **{f"deductions-{i}-per": "week" for i in range(3)}}


@blp.get("/vacancies")
@employer_required
def vacancy_list(employer):
    """The employer's vacancies with their status, newest first."""
    args = query_args(VacancyQuerySchema(), request.args) or abort(422)
    items, next_cursor = own_page(Vacancy, employer.pk, args)
    return render_template("vacancies.html", items=items, next_cursor=next_cursor, status=args.get("status"))


@blp.route("/vacancies/new", methods=["GET", "POST"])
@employer_required
def vacancy_new(employer):
    """The vacancy form: "Check before submitting" runs the ethics rules, "Submit" stores it."""
    if request.method == "GET":
        return _form(NEW_VACANCY)
    document, errors = validate_form(VACANCY_FORM, request.form)
    if errors or request.form.get("action") == "check":
        return _checked_form(document, errors)
    try:
        vacancies.count_change(str(employer.pk), settings_of())
    except TooManyRequests:
        return _too_many(values_from_form(VACANCY_FORM, request.form))
    vacancy = vacancies.submit_vacancy(STORE, employer, document)
    flash(_("Your vacancy was submitted. The ethics review usually takes a few seconds."))
    return redirect(url_for("vacancy_pages.vacancy_detail", vacancy_id=vacancy.pk))


@blp.route("/vacancies/<vacancy_id>/edit", methods=["GET", "POST"])
@employer_required
def vacancy_edit(employer, vacancy_id):
    """Change a vacancy: it is reviewed again as a new revision."""
    vacancy = vacancies.own_vacancy(STORE, str(employer.pk), vacancy_id)
    if request.method == "GET":
        return _form(values_from_document(VACANCY_FORM, vacancy.document), vacancy=vacancy)
    document, errors = validate_form(VACANCY_FORM, request.form)
    if errors or request.form.get("action") == "check":
        return _checked_form(document, errors, vacancy)
    try:
        vacancies.count_change(str(employer.pk), settings_of())
    except TooManyRequests:
        return _too_many(values_from_form(VACANCY_FORM, request.form), vacancy)
    try:
        vacancies.edit_vacancy(STORE, str(employer.pk), vacancy_id, document)
    except Conflict:
        flash(_("This vacancy can no longer be changed."), "error")
        return redirect(url_for("vacancy_pages.vacancy_detail", vacancy_id=vacancy_id))
    flash(_("Your changes were submitted for a new ethics review."))
    return redirect(url_for("vacancy_pages.vacancy_detail", vacancy_id=vacancy_id))


@blp.get("/vacancies/<vacancy_id>")
@employer_required
def vacancy_detail(employer, vacancy_id):
    """A vacancy: its status, and in plain words why it was flagged or blocked."""
    vacancy = vacancies.own_vacancy(STORE, str(employer.pk), vacancy_id)
    return render_template("vacancy.html", vacancy=vacancy, doc=vacancy.document, open=vacancy.status in OPEN_VACANCY)


@blp.post("/vacancies/<vacancy_id>/close")
@employer_required
def vacancy_close(employer, vacancy_id):
    """Stop taking workers."""
    try:
        vacancies.close_vacancy(STORE, str(employer.pk), vacancy_id)
        flash(_("The vacancy is closed."))
    except Conflict:
        flash(_("This vacancy is already closed or filled."), "error")
    return redirect(url_for("vacancy_pages.vacancy_detail", vacancy_id=vacancy_id))


def _form(values: dict, errors: dict | None = None, verdict=None, vacancy=None, status: int = 200,
          check_unavailable: bool = False):
    return render_template("vacancy_form.html", values=values, errors=errors or {}, verdict=verdict,
                           vacancy=vacancy, check_unavailable=check_unavailable), status


def _too_many(values: dict, vacancy=None):
    """The form again, kept as typed, when the employer made too many vacancy changes of late."""
    flash(_("You have created or changed many vacancies in a short time. Your form is kept below: "
            "submit it again in an hour."), "error")
    return _form(values, vacancy=vacancy, status=429)


def _checked_form(document: dict | None, errors: dict, vacancy=None):
    """The form again: with its errors, or with what the ethics service's rules would say of it (asked over
    HTTP; when ethics cannot answer, a note that the vacancy can still be submitted, and is checked then)."""
    values = values_from_form(VACANCY_FORM, request.form)
    if errors:
        return _form(values, errors, vacancy=vacancy, status=422)
    try:
        verdict = ethics().check_vacancy(document)
    except EthicsUnavailable:
        return _form(values, vacancy=vacancy, check_unavailable=True)
    return _form(values, verdict=verdict, vacancy=vacancy)
