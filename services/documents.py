"""Marshmallow schemas of the contract's documents (vacancy, offer).

They describe the public contract, not business rules, so every service
that receives these documents validates them the same way at its edge.
"""

from __future__ import annotations

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

LANGUAGE = validate.Regexp(r"^[a-z]{2}$", error="Use an ISO 639-1 code such as 'es'.")
COUNTRY = validate.Regexp(r"^[A-Z]{2}$", error="Use an ISO 3166-1 alpha-2 code such as 'CA'.")
CURRENCY = validate.Regexp(r"^[A-Z]{3}$", error="Use an ISO 4217 code such as 'CAD'.")
PATHWAYS = ("seasonal", "circular", "temporary")
PAY_PERIODS = ("hour", "day", "week", "month")
DEDUCTION_PERIODS = ("week", "month", "season")
MAX_MONEY = 1e12


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


def normalised(schema: Schema, raw) -> dict:
    """Validate ``raw`` and return it as plain JSON types (ISO date strings, defaults filled)."""
    return schema.dump(schema.load(raw))
