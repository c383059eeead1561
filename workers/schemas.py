"""Schemas of the workers service's JSON API (the OpenAPI document comes from these)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validate, validates

from services.documents import WorkerProfileSchema
from services.passwords import StrongPasswordMixin, new_password_field
from services.web.schemas import PageQuerySchema, TokenRequestSchema, TokenSchema  # noqa: F401 (re-exported)
from workers.models import OFFER_STATUSES

UI_LANGUAGES = ("en", "es", "fr", "pt", "ht")
GRIEVANCE_CATEGORIES = ("fees", "passport", "wages", "housing", "safety", "harassment", "contract", "other")
# Ids of the other services: MongoDB ids, or the test and demo ids they use.
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{0,64}\Z")
OTHER_ID = validate.Regexp(ID_PATTERN, error="Not an id this platform gives out.")


def _this_year() -> int:
    return datetime.now(UTC).year


class Strict(Schema):
    class Meta:
        unknown = RAISE


class ProfileSchema(WorkerProfileSchema):
    """What the worker may change: the contract's worker profile, validated by the rules the matcher applies
    too (``services.documents.WorkerProfileSchema``), plus the name and the pages' language. Everything is
    optional on an update (absent fields keep their value).
    """

    class Meta:
        unknown = RAISE

    name = fields.String(validate=validate.Length(min=1, max=100))
    ui_language = fields.String(validate=validate.OneOf(UI_LANGUAGES),
                                metadata={"description": "language of the pages"})

    @validates("birth_year")
    def plausible_today(self, year, **_kwargs):
        """A year typed now must give an age of 14 to 100: a check of the input, not of the document (a profile
        published with a year valid then must stay valid for the matcher in the years after)."""
        if year is not None and not _this_year() - 100 <= year <= _this_year() - 14:
            raise ValidationError(f"Give a year of birth between {_this_year() - 100} and {_this_year() - 14}.")

    @post_load
    def tidy(self, data, **_kwargs):
        """Trim text, drop repeats, and keep availability windows as sorted ISO date pairs."""
        if "name" in data:
            data["name"] = " ".join(data["name"].split())
            if not data["name"]:
                raise ValidationError("Enter your name.", "name")
        for key in ("languages", "skills", "certifications", "preferred_countries", "pathways"):
            if key in data:
                data[key] = _unique(" ".join(item.split()) for item in data[key])
        if "availability" in data:
            windows = sorted({(w["start"], w["end"]) for w in data["availability"]})
            data["availability"] = [{"start": s.isoformat(), "end": e.isoformat()} for s, e in windows]
        return data


def _unique(items) -> list:
    seen = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen


class AccountSchema(StrongPasswordMixin, ProfileSchema):
    """The contract's worker document: a new account and its first profile."""

    name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    email = fields.Email(required=True, validate=validate.Length(max=254))
    password = new_password_field()
    ui_language = fields.String(load_default="en", validate=validate.OneOf(UI_LANGUAGES),
                                metadata={"description": "language of the pages"})

    @post_load
    def lower_email(self, data, **_kwargs):
        data["email"] = data["email"].strip().lower()
        return data


class CreatedSchema(Schema):
    id = fields.String()


class WindowOutSchema(Schema):
    start = fields.String()
    end = fields.String()


class ProfileOutSchema(Schema):
    """The worker's own profile (gender included: it is theirs)."""

    id = fields.String()
    name = fields.String()
    email = fields.String()
    origin_country = fields.String(allow_none=True)
    birth_year = fields.Integer(allow_none=True)
    languages = fields.List(fields.String())
    skills = fields.List(fields.String())
    certifications = fields.List(fields.String())
    availability = fields.List(fields.Nested(WindowOutSchema))
    preferred_countries = fields.List(fields.String())
    pathways = fields.List(fields.String())
    gender = fields.String(allow_none=True)
    ui_language = fields.String()
    revision = fields.Integer()


class EmployerRatingOutSchema(Schema):
    """The workers' ratings of an employer, shown once enough workers rated it (``workers.ratings``)."""

    average = fields.Float()
    count = fields.Integer()


class MatchOutSchema(Schema):
    vacancy_id = fields.String()
    score = fields.Float()
    reasons = fields.List(fields.String())
    reason_keys = fields.List(fields.String())
    vacancy = fields.Dict(metadata={"description": "the vacancy's card, with its employer_rating"})
    employer_rating = fields.Nested(EmployerRatingOutSchema, allow_none=True,
                                    metadata={"description": "null until 5 workers rated the employer"})


class MatchesOutSchema(Schema):
    matches = fields.List(fields.Nested(MatchOutSchema))
    updated_at = fields.String(allow_none=True)
    preparing = fields.Boolean(metadata={"description": "true while the matcher has no profile for the worker yet"})


class OfferOutSchema(Schema):
    id = fields.String(metadata={"description": "the offer's id (the employers service's)"})
    status = fields.String(metadata={"enum": list(OFFER_STATUSES)})
    vacancy_id = fields.String()
    employer_id = fields.String()
    employer_name = fields.String()
    offer = fields.Dict()
    vacancy = fields.Dict()
    received_at = fields.DateTime()
    responded_at = fields.DateTime(allow_none=True)
    employer_rating = fields.Nested(EmployerRatingOutSchema, allow_none=True,
                                    metadata={"description": "null until 5 workers rated the employer"})
    rating = fields.Dict(allow_none=True, metadata={"description": "this worker's rating of the season, once given"})


class OfferPageSchema(Schema):
    items = fields.List(fields.Nested(OfferOutSchema))
    next_cursor = fields.String(allow_none=True)


class OfferQuerySchema(PageQuerySchema):
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class GrievanceSchema(Strict):
    """A grievance about an employer or an offer, by a worker or anyone."""

    employer_id = fields.String(load_default="", validate=OTHER_ID)
    offer_id = fields.String(load_default="", validate=OTHER_ID)
    category = fields.String(required=True, validate=validate.OneOf(GRIEVANCE_CATEGORIES))
    text = fields.String(required=True, validate=validate.Length(min=1, max=5000))
    anonymous = fields.Boolean(load_default=True)

    @post_load
    def tidy(self, data, **_kwargs):
        data["text"] = data["text"].strip()
        if not data["text"]:
            raise ValidationError("Tell us what happened.", "text")
        return data


class StrictInteger(fields.Integer):
    """An integer given as a number (JSON true is an integer to Python; a rating is not)."""

    def __init__(self, **kwargs):
        super().__init__(strict=True, **kwargs)

    def _validated(self, value):
        if isinstance(value, bool):
            raise self.make_error("invalid")
        return super()._validated(value)


class StrictBoolean(fields.Boolean):
    """A JSON true or false, nothing that merely reads like one."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class RatingAnswersSchema(Strict):
    paid_on_time = StrictBoolean(required=True)
    housing_as_promised = StrictBoolean(required=True)
    no_fees_charged = StrictBoolean(required=True)
    treated_with_respect = StrictBoolean(required=True)


class RatingSchema(Strict):
    """A worker's rating of a completed season (the contract's ``POST /me/offers/{id}/rating``)."""

    employer_rating = StrictInteger(required=True, validate=validate.Range(min=1, max=5))
    recruiter_rating = StrictInteger(load_default=None, allow_none=True, validate=validate.Range(min=1, max=5))
    answers = fields.Nested(RatingAnswersSchema, required=True)
    comment = fields.String(load_default="", validate=validate.Length(max=5000))
    send_comment_to_auditors = StrictBoolean(load_default=False)

    @post_load
    def tidy(self, data, **_kwargs):
        data["comment"] = data["comment"].strip()
        return data
class ExportSchema(Schema):
    """``GET /api/v1/me/export``: everything this service holds about the worker, by section
    (``workers.export.SECTIONS``; the answer carries every section, documented here or not)."""

    exported_at = fields.String()
    worker_id = fields.String()
    profile = fields.Dict()
    offers = fields.List(fields.Dict())
    grievances = fields.List(fields.Dict())
    notifications = fields.Dict()


class ErasedSchema(Schema):
    """``DELETE /api/v1/me``: the account is erased here; the other services follow (``worker.erased``)."""

    status = fields.String(metadata={"example": "erased"})
