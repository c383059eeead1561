"""Vacancy pages: the form (with the ethics service's dry-run check, pickers and the pay line), drafts, the
list, the detail page, edit and close."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from employers import choices, drafts, occupations, vacancies
from employers.forms import VACANCY_FORM, validate_form, values_from_document, values_from_form
from employers.models import OPEN_VACANCY, Vacancy
from employers.pages import employer_required, page_error
from employers.paging import own_page, query_args
from employers.pay_feedback import app_cache, pay_line
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
    # Drafts head the first page only (they have no status to filter by).
    kept = drafts.drafts_of(STORE, str(employer.pk)) if not args.get("cursor") and not args.get("status") else []
    return render_template("vacancies.html", items=items, next_cursor=next_cursor, status=args.get("status"),
                           drafts=kept)


@blp.route("/vacancies/new", methods=["GET", "POST"])
@employer_required
def vacancy_new(employer):
    """The vacancy form: "Check before submitting" runs the ethics rules, "Save as draft" keeps it unfinished,
    "Submit" stores it."""
    if request.method == "GET":
        return _form(NEW_VACANCY)
    return _posted_new(employer)


@blp.route("/vacancies/drafts/<draft_id>", methods=["GET", "POST"])
@employer_required
def draft_form(employer, draft_id):
    """A draft reopened in the vacancy form: saved again, checked, or submitted (then the draft goes)."""
    draft = drafts.own_draft(STORE, str(employer.pk), draft_id)
    if request.method == "GET":
        return _form({**NEW_VACANCY, **draft.values}, draft=draft)
    return _posted_new(employer, draft)


@blp.post("/vacancies/drafts/<draft_id>/delete")
@employer_required
def draft_delete(employer, draft_id):
    """Throw a draft away."""
    drafts.discard_draft(STORE, str(employer.pk), draft_id)
    flash(_("The draft was deleted."))
    return redirect(url_for("vacancy_pages.vacancy_list"))


def _posted_new(employer, draft=None):
    """A new vacancy's form (or a draft's) as posted: saved as a draft, checked, or submitted."""
    form = _with_isco(request.form)
    if form.get("action") == "draft":
        return _save_draft(employer, form, draft)
    document, errors = validate_form(VACANCY_FORM, form)
    if errors or form.get("action") == "check":
        return _checked_form(document, errors, form=form, draft=draft)
    try:
        vacancies.count_change(str(employer.pk), settings_of())
    except TooManyRequests:
        return _too_many(values_from_form(VACANCY_FORM, form), draft=draft)
    vacancy = vacancies.submit_vacancy(STORE, employer, document)
    if draft is not None:
        drafts.discard_draft(STORE, str(employer.pk), draft.pk)
    flash(_("Your vacancy was submitted. The ethics review usually takes a few seconds."))
    return redirect(url_for("vacancy_pages.vacancy_detail", vacancy_id=vacancy.pk))


def _save_draft(employer, form, draft=None):
    """Keep the form as typed, whatever is missing, and go to the list where the draft is shown."""
    try:
        drafts.save_draft(STORE, str(employer.pk), values_from_form(VACANCY_FORM, form),
                          draft.pk if draft is not None else None)
    except Conflict:
        flash(_("You have too many drafts: submit or delete some first."), "error")
        return _form(values_from_form(VACANCY_FORM, form), draft=draft, status=409)
    flash(_("Your draft was saved. It is not checked or shown to anyone until you submit it."))
    return redirect(url_for("vacancy_pages.vacancy_list"))


def _with_isco(form):
    """The posted form, with the ISCO-08 code filled in when it is blank and the occupation is named as ESCO
    names it (the picker does this in the browser; without JavaScript the server does)."""
    if form.get("isco_code", "").strip() or not form.get("occupation", "").strip():
        return form
    code = occupations.isco_for(form["occupation"])
    if not code:
        return form
    form = form.copy()
    form["isco_code"] = code
    return form


@blp.route("/vacancies/<vacancy_id>/edit", methods=["GET", "POST"])
@employer_required
def vacancy_edit(employer, vacancy_id):
    """Change a vacancy: it is reviewed again as a new revision."""
    vacancy = vacancies.own_vacancy(STORE, str(employer.pk), vacancy_id)
    if request.method == "GET":
        return _form(values_from_document(VACANCY_FORM, vacancy.document), vacancy=vacancy)
    form = _with_isco(request.form)
    document, errors = validate_form(VACANCY_FORM, form)
    if errors or form.get("action") == "check":
        return _checked_form(document, errors, vacancy, form)
    try:
        vacancies.count_change(str(employer.pk), settings_of())
    except TooManyRequests:
        return _too_many(values_from_form(VACANCY_FORM, form), vacancy)
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
          check_unavailable: bool = False, draft=None, line=None):
    return render_template("vacancy_form.html", values=values, errors=errors or {}, verdict=verdict,
                           vacancy=vacancy, check_unavailable=check_unavailable, draft=draft, line=line,
                           pickers=_pickers(values)), status


def _pickers(values: dict) -> dict:
    """The form's lists by name in the page's language (the stored value kept when it is not listed)."""
    language = str(get_locale() or "en")
    return {"countries": choices.countries(language), "currency_of": choices.country_currencies(),
            "languages": choices.with_current(choices.languages(language), str(values.get("language", ""))),
            "common_languages": choices.common_languages(language),
            "currencies": choices.with_current(choices.currencies(language), str(values.get("wage-currency", ""))),
            "regions": choices.regions(ethics(), current_app.extensions.setdefault("region_cache", {}))}


def _too_many(values: dict, vacancy=None, draft=None):
    """The form again, kept as typed, when the employer made too many vacancy changes of late."""
    flash(_("You have created or changed many vacancies in a short time. Your form is kept below: "
            "submit it again in an hour."), "error")
    return _form(values, vacancy=vacancy, status=429, draft=draft)


def _checked_form(document: dict | None, errors: dict, vacancy=None, form=None, draft=None):
    """The form again, with the pay line: with its errors, or with what the ethics service's rules would say
    of it (asked over HTTP; when ethics cannot answer, a note that the vacancy can still be submitted, and is
    checked then)."""
    values = values_from_form(VACANCY_FORM, form)
    shown = {"vacancy": vacancy, "draft": draft, "line": pay_line(form, ethics(), app_cache())}
    if errors:
        return _form(values, errors, status=422, **shown)
    try:
        verdict = ethics().check_vacancy(document)
    except EthicsUnavailable:
        return _form(values, check_unavailable=True, **shown)
    return _form(values, verdict=verdict, **shown)
