"""Schemas every service's OpenAPI document shares."""

from marshmallow import RAISE, Schema, fields, validate


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


class PageQuerySchema(Schema):
    """``?limit=&cursor=`` of every list endpoint."""

    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    cursor = fields.String(load_default=None, validate=validate.Length(max=200))


class TokenRequestSchema(Schema):
    class Meta:
        unknown = RAISE

    email = fields.Email(required=True, validate=validate.Length(max=254))
    password = fields.String(required=True, validate=validate.Length(min=1, max=1024))


class TokenSchema(Schema):
    token = fields.String()
    expires_at = fields.String()


class NotificationSchema(Schema):
    """One thing a person is told (``services.notifications.to_dict``)."""

    id = fields.String()
    kind = fields.String()
    created_at = fields.DateTime()
    read = fields.Boolean()
    text = fields.String(metadata={"description": "in the person's language"})
    link = fields.String(metadata={"description": "the page it is about, a path of this service"})


class NotificationPageSchema(Schema):
    items = fields.List(fields.Nested(NotificationSchema))
    next_cursor = fields.String(allow_none=True)


class NotificationQuerySchema(PageQuerySchema):
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
