"""Schemas of the ethics service's JSON API (the OpenAPI document comes from these)."""

from __future__ import annotations

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validate

from ethics.models import VERIFICATIONS
from services.documents import FlagSchema, OfferSchema, VacancySchema, normalised
from services.web.schemas import PageQuerySchema, TokenRequestSchema, TokenSchema  # noqa: F401 (re-exported)

KINDS = ("vacancy", "offer")


class AuditorTokenRequestSchema(TokenRequestSchema):
    """``{"email", "password", "otp"?}``: ``otp`` is the authenticator's code or a recovery code
    (``ethics.two_factor``), needed once the auditor is enrolled."""

    otp = fields.String(load_default="", validate=validate.Length(max=32))


class CheckRequestSchema(Schema):
    """``{"kind", "document", "vacancy"?}``: the document is validated as the contract's vacancy or offer."""

    class Meta:
        unknown = RAISE

    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    document = fields.Dict(required=True)
    vacancy = fields.Dict(load_default=None, allow_none=True)

    @post_load
    def load_documents(self, data, **_kwargs):
        """Validate the document (and vacancy) as the contract's, and keep them normalised."""
        if data["kind"] == "vacancy" and data.get("vacancy") is not None:
            raise ValidationError(["Only an offer is checked against a vacancy."], "vacancy")
        schemas = {"document": VacancySchema() if data["kind"] == "vacancy" else OfferSchema(),
                   "vacancy": VacancySchema()}
        errors = {}
        for name, schema in schemas.items():
            if data.get(name) is None:
                continue
            try:
                data[name] = normalised(schema, data[name])
            except ValidationError as exc:
                errors[name] = exc.messages
        if errors:
            raise ValidationError(errors)
        return data


class VerdictSchema(Schema):
    verdict = fields.String(metadata={"enum": ["pass", "flag", "block"]})
    rules_version = fields.String()
    flags = fields.List(fields.Nested(FlagSchema))


class RuleSchema(Schema):
    id = fields.String()
    severity = fields.String()
    principle = fields.String()
    description = fields.String()


class RulesSchema(Schema):
    rules_version = fields.String()
    items = fields.List(fields.Nested(RuleSchema))


class DecisionOutSchema(Schema):
    decision = fields.String()
    note = fields.String()
    auditor_id = fields.String()
    auditor_email = fields.String()
    decided_at = fields.DateTime()


class StoredFlagSchema(FlagSchema):
    id = fields.String()
    employer_id = fields.String()
    recruiter = fields.String(metadata={"description": "licence key of the recruiter involved; empty: none"})
    document_kind = fields.String()
    document_id = fields.String()
    rules_version = fields.String()
    status = fields.String()
    created_at = fields.DateTime()
    decisions = fields.List(fields.Nested(DecisionOutSchema))


class FlagPageSchema(Schema):
    items = fields.List(fields.Nested(StoredFlagSchema))
    next_cursor = fields.String(allow_none=True)


class FlagQuerySchema(PageQuerySchema):
    """Filters of the flag list (and its CSV export)."""

    employer = fields.String(validate=validate.Length(max=64))
    recruiter = fields.String(validate=validate.Length(max=100), metadata={"description": "a licence number"})
    rule = fields.String(validate=validate.Length(max=64))
    severity = fields.String(validate=validate.OneOf(("block", "review")))
    status = fields.String(validate=validate.OneOf(("open", "confirmed", "dismissed")))
    from_ = fields.Date(data_key="from")
    to = fields.Date()


class DecisionSchema(Schema):
    class Meta:
        unknown = RAISE

    decision = fields.String(required=True, validate=validate.OneOf(("confirmed", "dismissed")))
    note = fields.String(load_default="", validate=validate.Length(max=2000))


class RegistrationSchema(Schema):
    """An employer in the verification queue."""

    id = fields.String()
    name = fields.String()
    country = fields.String()
    registration_number = fields.String()
    registered_at = fields.DateTime()
    verification = fields.String(metadata={"enum": list(VERIFICATIONS)})


class RegistrationPageSchema(Schema):
    items = fields.List(fields.Nested(RegistrationSchema))
    next_cursor = fields.String(allow_none=True)


class RegistrationQuerySchema(PageQuerySchema):
    """``?verification=unverified`` for the queue; all registrations without it."""

    verification = fields.String(validate=validate.OneOf(VERIFICATIONS))


class VerificationSchema(Schema):
    """``{"decision": "verified"|"rejected", "note"}``."""

    class Meta:
        unknown = RAISE

    decision = fields.String(required=True, validate=validate.OneOf(VERIFICATIONS[1:]))
    note = fields.String(load_default="", validate=validate.Length(max=2000))


class MinimumWageQuerySchema(Schema):
    """``?country=&region=&on=``: an ISO 3166-1 country, a region by name or ISO 3166-2 code, a date."""

    country = fields.String(required=True, validate=validate.Regexp(r"^[A-Za-z]{2}$"))
    region = fields.String(load_default="", validate=validate.Length(max=100))
    on = fields.Date(load_default=None)


class MinimumWageSchema(Schema):
    """The minimum in force (``region`` null for a national or federal minimum)."""

    country = fields.String()
    region = fields.String(allow_none=True)
    amount = fields.Float()
    currency = fields.String()
    per = fields.String(metadata={"enum": ["hour", "day", "week", "month"]})
    effective = fields.Date()
    source = fields.String()


class RegionSchema(Schema):
    country = fields.String()
    region = fields.String()


class RegionListSchema(Schema):
    items = fields.List(fields.Nested(RegionSchema))
# --------------------------------------------------------------------------- the fairness audit (docs/fairness.md)


class FairnessStageSchema(Schema):
    """One stage's counts; ``null`` where a cell of 1 to 4 people is hidden."""

    stage = fields.String(metadata={"description": "shown, offered or completed"})
    people = fields.Integer(allow_none=True, metadata={"description": "people who stated a gender"})
    women = fields.Integer(allow_none=True)
    share = fields.Float(allow_none=True, metadata={"description": "women / people"})
    unstated = fields.Integer(allow_none=True, metadata={"description": "people who stated none"})


class FairnessOriginSchema(Schema):
    origin = fields.String(metadata={"description": "origin country (ISO 3166-1 alpha-2; ?? when unknown)"})
    stages = fields.List(fields.Nested(FairnessStageSchema))


class FairnessEmployerRowSchema(Schema):
    """An employer's line of the overview."""

    id = fields.String()
    name = fields.String()
    stages = fields.List(fields.Nested(FairnessStageSchema))
    updated_at = fields.DateTime()
    flagged = fields.Boolean(metadata={"description": "the test finds offers to women significantly too few"})
    p_value = fields.Float(allow_none=True)


class FairnessEmployerSchema(FairnessEmployerRowSchema):
    by_origin = fields.List(fields.Nested(FairnessOriginSchema))


class FairnessMethodSchema(Schema):
    test = fields.String()
    significance = fields.Float()
    min_offers = fields.Integer()
    min_shown = fields.Integer()
    smallest_cell = fields.Integer()


class FairnessOverviewSchema(Schema):
    made_at = fields.DateTime(allow_none=True)
    employer_count = fields.Integer()
    overall = fields.List(fields.Nested(FairnessStageSchema))
    by_origin = fields.List(fields.Nested(FairnessOriginSchema))
    employers = fields.List(fields.Nested(FairnessEmployerRowSchema))
    method = fields.Nested(FairnessMethodSchema)


class ComplianceItemSchema(Schema):
    """One party of the open data: aggregate counts only."""

    kind = fields.String(metadata={"enum": ["employer", "recruiter"]})
    name = fields.String()
    country = fields.String()
    reviewed = fields.Integer(metadata={"description": "vacancy reviews (each revision counts), at least 5"})
    blocked_share = fields.Float(metadata={"description": "share of those reviews that were blocked, 0 to 1"})
    confirmed_by_family = fields.Dict(keys=fields.String(), values=fields.Integer(),
                                      metadata={"description": "flags auditors confirmed, by rule family"})


class ComplianceSchema(Schema):
    """The open compliance data, as published at ``generated_at`` (``version`` counts publications)."""

    generated_at = fields.String()
    version = fields.Integer()
    items = fields.List(fields.Nested(ComplianceItemSchema))
