"""Schemas of the read API (docs/events.md): matches, candidates, itineraries, ranked on request."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from matcher.schemas import ItinerarySchema


class ListQuerySchema(Schema):
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class StoredMatchSchema(Schema):
    vacancy_id = fields.String()
    score = fields.Float(metadata={"description": "0..1, higher is better"})
    reasons = fields.List(fields.String(), metadata={"description": "English sentences"})
    reason_keys = fields.List(fields.String(), metadata={"description": "message keys for translation"})


class WorkerMatchesSchema(Schema):
    worker_id = fields.String()
    updated_at = fields.DateTime(allow_none=True, metadata={"description": "when the ranking index last changed"})
    matches = fields.List(fields.Nested(StoredMatchSchema), metadata={"description": "best first"})


class CandidateWorkerSchema(Schema):
    display_name = fields.String()
    origin_country = fields.String(allow_none=True)
    languages = fields.List(fields.String())
    skills = fields.List(fields.String())
    certifications = fields.List(fields.String())
    availability = fields.List(fields.Dict())
    past_seasons = fields.Integer(metadata={"description": "completed seasons recorded by the platform"})


class CandidateSchema(Schema):
    worker_id = fields.String()
    score = fields.Float()
    reasons = fields.List(fields.String())
    reason_keys = fields.List(fields.String())
    worker = fields.Nested(CandidateWorkerSchema, metadata={"description": "no contact details, gender or age"})


class VacancyCandidatesSchema(Schema):
    vacancy_id = fields.String()
    updated_at = fields.DateTime(allow_none=True)
    candidates = fields.List(fields.Nested(CandidateSchema), metadata={"description": "best first"})


class StoredItinerariesSchema(Schema):
    worker_id = fields.String()
    itineraries = fields.List(fields.Nested(ItinerarySchema), metadata={"description": "up to three, best first"})


class SkillQuerySchema(Schema):
    q = fields.String(required=True, validate=validate.Length(max=100))
    limit = fields.Integer(load_default=10, validate=validate.Range(min=1, max=50))


class SkillSuggestionsSchema(Schema):
    items = fields.List(fields.String(), metadata={"description": "vocabulary phrases, best first"})


class CandidateCountQuerySchema(Schema):
    vacancy = fields.List(fields.String(validate=validate.Length(min=1, max=64)), required=True,
                          validate=validate.Length(min=1, max=100),
                          metadata={"description": "vacancy ids, repeated: ?vacancy=a&vacancy=b"})


class CandidateCountsSchema(Schema):
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(),
                         metadata={"description": "vacancy id -> eligible workers; open vacancies only"})
