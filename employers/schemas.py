"""Schemas of the employers JSON API (the OpenAPI document comes from these)."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates

from employers.models import OFFER_STATUSES, VACANCY_STATUSES
from services.documents import COUNTRY, FlagSchema, OfferSchema, Strict, VacancySchema
from services.passwords import StrongPasswordMixin, new_password_field
from services.web.schemas import TokenRequestSchema, TokenSchema  # noqa: F401 (re-exported)

OBJECT_ID = validate.Regexp(r"^[0-9a-f]{24}$", error="Not an id this service gave out.")


class AccountRequestSchema(StrongPasswordMixin, Strict):
    """``{"name", "email", "password", "country", "registration_number"?, "contact"?}``; the e-mail is kept
    lower-case."""

    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    email = fields.Email(required=True, validate=validate.Length(max=254))
    password = new_password_field()
    country = fields.String(required=True, validate=COUNTRY)
    # For the auditors who verify employers (required where verification is: ``accounts.create_account``).
    registration_number = fields.String(validate=validate.Length(max=64))
    contact = fields.String(validate=validate.Length(max=200))

    @post_load
    def normalise(self, data, **_kwargs):
        data["email"] = data["email"].strip().lower()
        for name in ("name", "registration_number", "contact"):
            if name in data:
                data[name] = data[name].strip()
        return data


class CreatedSchema(Schema):
    id = fields.String()


class EmployerOutSchema(Schema):
    """The signed-in employer's account: ``verification`` says whether it may reach workers yet."""

    id = fields.String()
    name = fields.String()
    country = fields.String()
    verification = fields.String(metadata={"enum": ["unverified", "verified", "rejected"]})


class StoredSchema(Schema):
    """What every stored document adds to its contract fields."""

    id = fields.String()
    flags = fields.List(fields.Nested(FlagSchema))
    created_at = fields.DateTime()


class VacancyOutSchema(StoredSchema, VacancySchema):
    """A stored vacancy: the contract document with its id, status, flags and revision."""

    status = fields.String(metadata={"enum": list(VACANCY_STATUSES)})
    revision = fields.Integer()


class OfferOutSchema(StoredSchema, OfferSchema):
    """A stored offer: the contract document with its id, status, flags and the season's rating."""

    status = fields.String(metadata={"enum": list(OFFER_STATUSES)})
    employer_rating = fields.Integer(allow_none=True)


class PageQuerySchema(Schema):
    """``?limit=&cursor=`` (a cursor is the last id of the previous page)."""

    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
    cursor = fields.String(load_default=None, validate=OBJECT_ID)


class VacancyQuerySchema(PageQuerySchema):
    status = fields.String(validate=validate.OneOf(VACANCY_STATUSES))


class OfferQuerySchema(PageQuerySchema):
    vacancy_id = fields.String(validate=OBJECT_ID)
    status = fields.String(validate=validate.OneOf(OFFER_STATUSES))


class VacancyPageSchema(Schema):
    items = fields.List(fields.Nested(VacancyOutSchema))
    next_cursor = fields.String(allow_none=True)


class OfferPageSchema(Schema):
    items = fields.List(fields.Nested(OfferOutSchema))
    next_cursor = fields.String(allow_none=True)


class ImportQuerySchema(Schema):
    """``?format=``: how to read a CSV import (``auto``: from its header)."""

    format = fields.String(load_default="auto", validate=validate.OneOf(("auto", "csv", "h2a")))


class ImportedRowSchema(Schema):
    row = fields.Integer()
    id = fields.String()


class RowErrorsSchema(Schema):
    row = fields.Integer()
    # Named "fields" in JSON; not as an attribute, which marshmallow's Schema uses itself.
    field_errors = fields.Dict(data_key="fields", attribute="fields",
                               metadata={"description": "column (CSV) or field (JSON) -> messages"})


class ImportResultSchema(Schema):
    """What became of each row of an import: created ids, and the bad rows' field errors."""

    created = fields.List(fields.Nested(ImportedRowSchema))
    errors = fields.List(fields.Nested(RowErrorsSchema))
    format = fields.String(metadata={"enum": ["csv", "h2a", "json"]})
    unmapped = fields.List(fields.String(), metadata={"description": "the file's columns no vacancy field takes"})


class CandidateQuerySchema(Schema):
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class WorkerSummarySchema(Schema):
    """What an employer may see of a candidate: no contact details, gender or birth year."""

    origin_country = fields.String()
    languages = fields.List(fields.String())
    skills = fields.List(fields.String())
    certifications = fields.List(fields.String())
    availability = fields.List(fields.Dict())
    past_seasons = fields.Raw()


class CandidateSchema(Schema):
    worker_id = fields.String()
    score = fields.Float()
    reasons = fields.List(fields.String())
    reason_keys = fields.List(fields.String())
    worker = fields.Nested(WorkerSummarySchema)


class CompleteSchema(Strict):
    employer_rating = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=5))

    @validates("employer_rating")
    def not_a_boolean(self, value, **_kwargs):
        # JSON true is an integer to Python; a rating is not.
        if isinstance(value, bool):
            raise ValidationError("Not a valid integer.")
