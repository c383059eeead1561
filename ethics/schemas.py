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
