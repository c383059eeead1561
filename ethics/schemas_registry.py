"""Schemas of the recruiter registry and the risk list (``ethics.api_registry``; the OpenAPI document comes
from these)."""

from __future__ import annotations

from marshmallow import RAISE, Schema, fields, validate

from ethics.rules.recruiters import STATUSES
from services.documents import KNOWN_COUNTRY
from services.web.schemas import PageQuerySchema


class RecruiterCreateSchema(Schema):
    """``{"name", "country", "licence", "status", "valid_until", "source"}``: a new registry entry."""

    class Meta:
        unknown = RAISE

    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    country = fields.String(required=True, validate=KNOWN_COUNTRY)
    licence = fields.String(required=True, validate=validate.Length(min=1, max=100))
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    valid_until = fields.Date(load_default=None, allow_none=True)
    source = fields.String(load_default="", validate=validate.Length(max=500),
                           metadata={"description": "where the licence was checked (a register, a letter)"})


class RecruiterChangeSchema(Schema):
    """``{"status"?, "valid_until"?, "source"?}``: what an auditor changes; the rest stays."""

    class Meta:
        unknown = RAISE

    status = fields.String(validate=validate.OneOf(STATUSES))
    valid_until = fields.Date(allow_none=True)
    source = fields.String(validate=validate.Length(max=500))


class RecruiterHistorySchema(Schema):
    auditor_email = fields.String()
    changed_at = fields.DateTime()
    changes = fields.Dict(keys=fields.String(), values=fields.List(fields.Raw(allow_none=True)),
                          metadata={"description": "each changed field: [before, after] (before null at creation)"})


class RecruiterSchema(Schema):
    id = fields.String()
    name = fields.String()
    country = fields.String()
    licence = fields.String()
    status = fields.String(metadata={"enum": list(STATUSES)})
    valid_until = fields.String(allow_none=True)
    may_recruit = fields.Boolean(metadata={"description": "active and not past valid_until, today"})
    source = fields.String()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    history = fields.List(fields.Nested(RecruiterHistorySchema))


class RecruiterPageSchema(Schema):
    items = fields.List(fields.Nested(RecruiterSchema))
    next_cursor = fields.String(allow_none=True)


class RecruiterQuerySchema(PageQuerySchema):
    country = fields.String(validate=KNOWN_COUNTRY)
    licence = fields.String(validate=validate.Length(min=1, max=100))
    status = fields.String(validate=validate.OneOf(STATUSES))


class CreatedSchema(Schema):
    id = fields.String()


class RiskItemSchema(Schema):
    kind = fields.String(metadata={"enum": ["employer", "recruiter"]})
    id = fields.String(metadata={"description": "employer id; recruiter: registry id, or licence if unregistered"})
    name = fields.String()
    licence = fields.String(allow_none=True)
    score = fields.Float()
    open_block = fields.Integer()
    confirmed = fields.Integer()
    grievances = fields.Integer()
    low_ratings = fields.Integer()


class RiskWeightSchema(Schema):
    measure = fields.String()
    weight = fields.Float()
    what = fields.String()


class RiskPageSchema(Schema):
    items = fields.List(fields.Nested(RiskItemSchema))
    next_cursor = fields.String(allow_none=True)
    half_life_days = fields.Integer()
    weights = fields.List(fields.Nested(RiskWeightSchema))


class RiskQuerySchema(PageQuerySchema):
    kind = fields.String(validate=validate.OneOf(("employer", "recruiter")))
