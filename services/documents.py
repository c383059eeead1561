"""Marshmallow schemas of the contract's documents (vacancy, offer, worker profile).

They describe the public contract, not business rules, so every service
that receives these documents validates them the same way at its edge.
"""

from __future__ import annotations

from babel import Locale
from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, validate, validates_schema

LANGUAGE = validate.Regexp(r"^[a-z]{2}$", error="Use an ISO 639-1 code such as 'es'.")
COUNTRY = validate.Regexp(r"^[A-Z]{2}$", error="Use an ISO 3166-1 alpha-2 code such as 'CA'.")
CURRENCY = validate.Regexp(r"^[A-Z]{3}$", error="Use an ISO 4217 code such as 'CAD'.")
PATHWAYS = ("seasonal", "circular", "temporary")
PAY_PERIODS = ("hour", "day", "week", "month")
DEDUCTION_PERIODS = ("week", "month", "season")
MAX_MONEY = 1e12
GENDERS = ("female", "male", "other")
# Codes CLDR lists that are not countries (EU, UN, unknown region, ...).
_NOT_COUNTRIES = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}
COUNTRY_CODES = frozenset(
    code for code in Locale("en").territories if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
)
LANGUAGE_CODES = frozenset(code for code in Locale("en").languages if len(code) == 2 and code.isalpha())
KNOWN_COUNTRY = validate.OneOf(sorted(COUNTRY_CODES), error="Use an ISO 3166-1 alpha-2 code such as 'CA'.")
KNOWN_LANGUAGE = validate.OneOf(sorted(LANGUAGE_CODES), error="Use an ISO 639-1 code such as 'es'.")


def text(max_length: int, required: bool = False, **kwargs) -> fields.String:
    """A free-text field bounded in length (optional ones default to "")."""
    if required:
        return fields.String(required=True, validate=validate.Length(min=1, max=max_length), **kwargs)
    return fields.String(load_default="", validate=validate.Length(max=max_length), **kwargs)


def money(**kwargs) -> fields.Float:
    return fields.Float(allow_nan=False, validate=validate.Range(min=0, max=MAX_MONEY), **kwargs)


class Strict(Schema):
    class Meta:
        unknown = RAISE


class DestinationSchema(Strict):
    country = fields.String(required=True, validate=COUNTRY)
    region = text(100)
    city = text(100)


class SeasonSchema(Strict):
    start = fields.Date(required=True)
    end = fields.Date(required=True)

    @validates_schema
    def end_after_start(self, data, **_kwargs):
        if data["end"] < data["start"]:
            raise ValidationError("The season cannot end before it starts.", "end")


class WageSchema(Strict):
    amount = fields.Float(required=True, allow_nan=False,
                          validate=validate.Range(min=0, min_inclusive=False, max=MAX_MONEY))
    currency = fields.String(required=True, validate=CURRENCY)
    per = fields.String(required=True, validate=validate.OneOf(PAY_PERIODS))


class RecruiterSchema(Strict):
    name = text(200, required=True)
    licence = text(100)


class EmployerPaysSchema(Strict):
    inbound_travel = fields.Boolean(required=True)
    return_travel = fields.Boolean(required=True)
    visa = fields.Boolean(required=True)


class HousingSchema(Strict):
    provided = fields.Boolean(required=True)
    weekly_deduction = money(load_default=0)


class DeductionSchema(Strict):
    label = text(100, required=True)
    amount = money(required=True)
    per = fields.String(required=True, validate=validate.OneOf(DEDUCTION_PERIODS))


class RequirementsSchema(Strict):
    languages = fields.List(fields.String(validate=LANGUAGE), load_default=list, validate=validate.Length(max=10))
    min_age = fields.Integer(load_default=18, validate=validate.Range(min=0, max=120))
    certifications = fields.List(fields.String(validate=validate.Length(min=1, max=100)), load_default=list,
                                 validate=validate.Length(max=30))
    other = text(5000)


class VacancySchema(Strict):
    """The contract's vacancy document."""

    title = text(200, required=True)
    description = text(20000)
    language = fields.String(required=True, validate=LANGUAGE)
    occupation = text(200, required=True)
    isco_code = fields.String(load_default="", validate=validate.Regexp(r"^\d{0,4}$", error="Up to 4 digits."))
    skills = fields.List(fields.String(validate=validate.Length(min=1, max=100)), load_default=list,
                         validate=validate.Length(max=50))
    destination = fields.Nested(DestinationSchema, required=True)
    pathway = fields.String(required=True, validate=validate.OneOf(PATHWAYS))
    season = fields.Nested(SeasonSchema, required=True)
    positions = fields.Integer(required=True, validate=validate.Range(min=1, max=100000))
    wage = fields.Nested(WageSchema, required=True)
    hours_per_week = fields.Float(required=True, allow_nan=False, validate=validate.Range(min=1, max=168))
    worker_fees = money(load_default=0)
    recruiter = fields.Nested(RecruiterSchema, allow_none=True, load_default=None)
    employer_pays = fields.Nested(EmployerPaysSchema, required=True)
    housing = fields.Nested(HousingSchema, required=True)
    deductions = fields.List(fields.Nested(DeductionSchema), load_default=list, validate=validate.Length(max=30))
    contract_languages = fields.List(fields.String(validate=LANGUAGE), load_default=list,
                                     validate=validate.Length(max=10))
    requirements = fields.Nested(RequirementsSchema, load_default=lambda: RequirementsSchema().load({}))


class FlagSchema(Schema):
    """A fair-recruitment flag as every service shows it (contract: "Ethics verdicts")."""

    rule = fields.String()
    severity = fields.String(metadata={"enum": ["block", "review"]})
    principle = fields.String()
    message = fields.String()
    evidence = fields.String()


class OfferSchema(Strict):
    """The contract's offer document."""

    vacancy_id = text(64, required=True)
    worker_id = text(64, required=True)
    wage = fields.Nested(WageSchema, required=True)
    hours_per_week = fields.Float(required=True, allow_nan=False, validate=validate.Range(min=1, max=168))
    season = fields.Nested(SeasonSchema, required=True)
    worker_fees = money(load_default=0)
    housing = fields.Nested(HousingSchema, required=True)
    deductions = fields.List(fields.Nested(DeductionSchema), load_default=list, validate=validate.Length(max=30))
    contract_language = fields.String(required=True, validate=LANGUAGE)
    terms = text(20000)


class AvailabilitySchema(Strict):
    """One period a worker can work: ISO dates, start on or before end, both between 2000 and 2100."""

    start = fields.Date(required=True)
    end = fields.Date(required=True)

    @validates_schema
    def end_not_before_start(self, data, **_kwargs):
        if data["end"] < data["start"]:
            raise ValidationError("The end date cannot be before the start date.", "end")
        if data["start"].year < 2000 or data["end"].year > 2100:
            raise ValidationError("Use dates between 2000 and 2100.", "start")


def _items(item: fields.Field, max_items: int) -> fields.List:
    return fields.List(item, validate=validate.Length(max=max_items))


# What matching reads of a worker, all that ``worker.profile_updated`` publishes besides the first name.
MATCHING_FIELDS = ("origin_country", "birth_year", "languages", "skills", "certifications", "availability",
                   "preferred_countries", "pathways")
PUBLISHED_PROFILE_FIELDS = ("display_name", *MATCHING_FIELDS)


class WorkerProfileSchema(Schema):
    """The contract's worker document as every service validates it (workers on input, matcher on events and
    ``POST /api/v1/rank``), so the two cannot disagree on what a profile is.

    Every field is optional and nothing is filled in: a profile update names
    only what changes, and matching reads an absent list as empty and an
    absent or null ``birth_year`` as an unknown age (matched; the age is
    confirmed at offer time). Unknown fields (``name``, ``email``...) are
    dropped. The rules do not depend on today's date, so an event valid when
    published stays valid when it is read again years later.
    """

    class Meta:
        unknown = EXCLUDE

    origin_country = fields.String(allow_none=True, validate=KNOWN_COUNTRY)
    birth_year = fields.Integer(allow_none=True, validate=validate.Range(
        min=1900, max=2100, error="Give a plausible year of birth, or none."))
    languages = _items(fields.String(validate=KNOWN_LANGUAGE), 20)
    skills = _items(fields.String(validate=validate.Length(min=1, max=80)), 50)
    certifications = _items(fields.String(validate=validate.Length(min=1, max=100)), 30)
    availability = _items(fields.Nested(AvailabilitySchema), 12)
    preferred_countries = _items(fields.String(validate=KNOWN_COUNTRY), 30)
    pathways = _items(fields.String(validate=validate.OneOf(PATHWAYS)), 3)
    gender = fields.String(allow_none=True, validate=validate.OneOf(GENDERS), metadata={
        "description": "optional; only in aggregate reports: never published, ranked on or shown to employers"})


class PublishedProfileSchema(WorkerProfileSchema):
    """The ``profile`` of ``worker.profile_updated``: the first name and what matching reads, never the gender."""

    class Meta:
        unknown = EXCLUDE
        exclude = ("gender",)

    display_name = fields.String(validate=validate.Length(max=40))


def normalised(schema: Schema, raw) -> dict:
    """Validate ``raw`` and return it as plain JSON types (ISO date strings, defaults filled)."""
    return schema.dump(schema.load(raw))
