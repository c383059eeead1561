"""Schemas every service's OpenAPI document shares."""

from marshmallow import Schema, fields


class ErrorDetailSchema(Schema):
    code = fields.String(required=True, metadata={"description": "machine-readable error code"})
    message = fields.String(required=True)
    fields = fields.Dict(
        keys=fields.String(), values=fields.Raw(),
        metadata={"description": "each invalid field and its messages (422)"},
    )


class ErrorSchema(Schema):
    """The contract's error body."""

    error = fields.Nested(ErrorDetailSchema, required=True)
