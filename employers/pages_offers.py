"""Web pages for candidates and offers: ranked candidates, the offer form, offers, withdrawal, the season's end."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from employers import accounts, offers, vacancies
from employers.candidates import ranked_candidates
from employers.forms import OFFER_FORM, validate_form, values_from_document, values_from_form
from employers.models import Offer
from employers.pages import employer_required, page_error
from employers.paging import own_page, query_args
from employers.present import matcher
from employers.schemas import CompleteSchema, OfferQuerySchema
from employers.store import STORE
from services.errors import Conflict, Unavailable, UnverifiedEmployer
from services.web.app import settings_of
from services.web.errors import register_page_errors, status_of

blp = Blueprint("offer_pages", __name__)

# People get errors as pages in their language, not as JSON.
register_page_errors(blp, page_error)


@blp.get("/vacancies/<vacancy_id>/candidates")
@employer_required
def candidates(employer, vacancy_id):
    """The vacancy's ranked candidates, with the reasons and what an employer may know of each."""
    vacancy = vacancies.own_vacancy(STORE, str(employer.pk), vacancy_id)
    items, problem, status = [], None, 200
    try:
        accounts.require_verified(employer, settings_of().require_employer_verification)
        items = ranked_candidates(STORE, matcher(), str(employer.pk), vacancy_id)
    except UnverifiedEmployer:
        problem, status = _unverified(), 403
    except Conflict:
        problem, status = _("Candidates are ranked once the vacancy is approved."), 409
    except Unavailable:
        problem, status = _("Candidates cannot be ranked right now; try again in a few minutes."), 503
    return render_template("candidates.html", vacancy=vacancy, items=items, problem=problem), status


@blp.route("/vacancies/<vacancy_id>/offers/new", methods=["GET", "POST"])
@employer_required
def offer_new(employer, vacancy_id):
    """The offer form, filled in from the vacancy's terms."""
    vacancy = vacancies.own_vacancy(STORE, str(employer.pk), vacancy_id)
    if request.method == "GET":
        values = values_from_document(OFFER_FORM, _offer_from_vacancy(vacancy, request.args.get("worker_id", "")))
        return render_template("offer_form.html", vacancy=vacancy, values=values, errors={}, problem=None)
    form = request.form.to_dict() | {"vacancy_id": str(vacancy.pk)}
    document, errors = validate_form(OFFER_FORM, form)
    problem, status = None, 422
    if not errors:
        try:
            accounts.require_verified(employer, settings_of().require_employer_verification)
            offer = offers.make_offer(STORE, matcher(), employer, document)
            flash(_("Your offer was submitted. The worker sees it once the ethics review has passed it."))
            return redirect(url_for("offer_pages.offer_detail", offer_id=offer.pk))
        except (Conflict, Unavailable, UnverifiedEmployer) as exc:
            problem, status = _problem(exc), status_of(exc)
    values = values_from_form(OFFER_FORM, form)
    return render_template("offer_form.html", vacancy=vacancy, values=values, errors=errors, problem=problem), status


@blp.get("/offers")
@employer_required
def offer_list(employer):
    """The employer's offers, newest first (optionally for one vacancy, and of one status: the overview's links)."""
    args = query_args(OfferQuerySchema(), request.args) or abort(422)
    items, next_cursor = own_page(Offer, employer.pk, args, ("vacancy_id", "status"))
    vacancy = vacancies.own_vacancy(STORE, str(employer.pk), args["vacancy_id"]) if args.get("vacancy_id") else None
    return render_template("offers.html", items=items, next_cursor=next_cursor, vacancy_id=args.get("vacancy_id"),
                           vacancy=vacancy, status=args.get("status"))


@blp.get("/offers/<offer_id>")
@employer_required
def offer_detail(employer, offer_id):
    """An offer: its status, why it was flagged or blocked, and what can be done next."""
    offer = offers.own_offer(STORE, str(employer.pk), offer_id)
    return render_template("offer.html", offer=offer, doc=offer.document, errors={})


@blp.post("/offers/<offer_id>/withdraw")
@employer_required
def offer_withdraw(employer, offer_id):
    """Take back an offer the worker has not answered."""
    try:
        offers.withdraw_offer(STORE, str(employer.pk), offer_id)
        flash(_("The offer was withdrawn; the worker is told."))
    except Conflict:
        flash(_("Only an offer sent to the worker and not yet answered can be withdrawn."), "error")
    return redirect(url_for("offer_pages.offer_detail", offer_id=offer_id))


@blp.post("/offers/<offer_id>/complete")
@employer_required
def offer_complete(employer, offer_id):
    """Close the season of an accepted offer with a rating of the worker."""
    offer = offers.own_offer(STORE, str(employer.pk), offer_id)
    errors = CompleteSchema().validate({"employer_rating": _rating(request.form.get("employer_rating"))})
    if errors:
        return render_template("offer.html", offer=offer, doc=offer.document, errors=errors), 422
    try:
        offers.complete_offer(STORE, str(employer.pk), offer_id, int(request.form["employer_rating"]))
        flash(_("The season is recorded as completed. Thank you for rating it."))
    except Conflict:
        flash(_("Only an accepted offer can be completed."), "error")
    return redirect(url_for("offer_pages.offer_detail", offer_id=offer_id))


def _rating(raw: str | None):
    return int(raw) if raw and raw.isdigit() and len(raw) < 3 else raw


def _unverified() -> str:
    """Why an employer sees no candidates yet, and what happens next."""
    return _("Candidates and offers open once the auditors have verified this employer's registration details. "
             "Your approved vacancies wait until then.")


def _problem(exc) -> str:
    if isinstance(exc, UnverifiedEmployer):
        return _unverified()
    if isinstance(exc, Unavailable):
        return _("Candidates cannot be checked right now; try again in a few minutes.")
    # The use cases' messages are msgids of the catalogue.
    return _(exc.message)


def _offer_from_vacancy(vacancy, worker_id: str) -> dict:
    """An offer on the vacancy's own terms, in a contract language the worker is asked to read."""
    doc = vacancy.document
    spoken = (doc.get("requirements") or {}).get("languages") or []
    contract = doc.get("contract_languages") or []
    language = next((code for code in contract if code in spoken), contract[0] if contract else doc.get("language"))
    return {"vacancy_id": str(vacancy.pk), "worker_id": worker_id, "wage": doc.get("wage"),
            "hours_per_week": doc.get("hours_per_week"), "season": doc.get("season"),
            "worker_fees": doc.get("worker_fees", 0), "housing": doc.get("housing"),
            "deductions": doc.get("deductions") or [], "contract_language": language, "terms": ""}
