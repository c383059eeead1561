"""The employers JSON API (``/api/v1``): accounts, tokens, vacancies and their candidates."""

from __future__ import annotations

from flask import g
from flask_smorest import Blueprint

from employers import accounts, vacancies
from employers.candidates import ranked_candidates
from employers.models import Employer, Vacancy
from employers.paging import own_page
from employers.present import matcher, vacancy_dict
from employers.schemas import (
    AccountRequestSchema,
    CandidateQuerySchema,
    CandidateSchema,
    CreatedSchema,
    EmployerOutSchema,
    VacancyOutSchema,
    VacancyPageSchema,
    VacancyQuerySchema,
)
from employers.store import STORE
from services.auth import require_role
from services.documents import VacancySchema
from services.web.account import add_account_endpoints
from services.web.app import settings_of
from services.web.sign_in import add_sign_up_endpoint, add_token_endpoint

blp = Blueprint("api", __name__, url_prefix="/api/v1", description="Employers: vacancies, candidates, offers")


def current_employer() -> Employer:
    return accounts.employer_of(g.principal.subject)


add_account_endpoints(blp, "employer", accounts.employer_of)


add_sign_up_endpoint(blp, AccountRequestSchema, CreatedSchema,
                     lambda data: accounts.create_account(data, settings_of().require_employer_verification),
                     "Create an employer account and send it to the auditors for verification; 409 when the "
                     "e-mail address is taken, 422 without the registration number and a contact where "
                     "verification is required, 429 when too many come from one address.")
add_token_endpoint(blp, Employer, "employer", "An employer's bearer token (wrong passwords are rate limited).")


@blp.get("/me")
@require_role("employer")
@blp.response(200, EmployerOutSchema)
def me():
    """The signed-in employer's account, with its verification (``unverified``, ``verified``, ``rejected``)."""
    employer = current_employer()
    return {"id": str(employer.pk), "name": employer.name, "country": employer.country,
            "verification": employer.verification}


@blp.post("/vacancies")
@require_role("employer")
@blp.arguments(VacancySchema)
@blp.response(201, VacancyOutSchema)
def create_vacancy(document):
    """Submit a vacancy: stored as ``pending_review`` and sent to the ethics review (429 past the limits)."""
    vacancies.count_change(g.principal.subject, settings_of())
    vacancy = vacancies.submit_vacancy(STORE, current_employer(), VacancySchema().dump(document))
    return vacancy_dict(vacancy)


@blp.get("/vacancies")
@require_role("employer")
@blp.arguments(VacancyQuerySchema, location="query")
@blp.response(200, VacancyPageSchema)
def list_vacancies(args):
    """Own vacancies, newest first, optionally of one status."""
    items, next_cursor = own_page(Vacancy, g.principal.subject, args)
    return {"items": [vacancy_dict(v) for v in items], "next_cursor": next_cursor}


@blp.get("/vacancies/<vacancy_id>")
@require_role("employer")
@blp.response(200, VacancyOutSchema)
def get_vacancy(vacancy_id):
    """One own vacancy with its status, flags and revision."""
    return vacancy_dict(vacancies.own_vacancy(STORE, g.principal.subject, vacancy_id))


@blp.put("/vacancies/<vacancy_id>")
@require_role("employer")
@blp.arguments(VacancySchema)
@blp.response(200, VacancyOutSchema)
def edit_vacancy(document, vacancy_id):
    """Replace an open vacancy's document: a new revision, reviewed again (409 once closed or filled)."""
    vacancies.own_vacancy(STORE, g.principal.subject, vacancy_id)  # another's vacancy is a 404, not a count
    vacancies.count_change(g.principal.subject, settings_of())
    vacancy = vacancies.edit_vacancy(STORE, g.principal.subject, vacancy_id, VacancySchema().dump(document))
    return vacancy_dict(vacancy)


@blp.post("/vacancies/<vacancy_id>/close")
@require_role("employer")
@blp.response(200, VacancyOutSchema)
def close_vacancy(vacancy_id):
    """Stop taking workers (409 once closed or filled)."""
    return vacancy_dict(vacancies.close_vacancy(STORE, g.principal.subject, vacancy_id))


@blp.get("/vacancies/<vacancy_id>/candidates")
@require_role("employer")
@blp.arguments(CandidateQuerySchema, location="query")
@blp.response(200, CandidateSchema(many=True))
def candidates(args, vacancy_id):
    """Ranked workers for an approved own vacancy (409 before approval, 403 ``unverified_employer`` before an
    auditor verified the employer where that is required, 503 if the matcher is down)."""
    accounts.require_verified(current_employer(), settings_of().require_employer_verification)
    return ranked_candidates(STORE, matcher(), g.principal.subject, vacancy_id, args["limit"])
