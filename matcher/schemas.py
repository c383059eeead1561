"""Schemas of the matcher's JSON API (the OpenAPI document comes from these)."""

from __future__ import annotations

from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, validate, validates_schema

from matcher.fastload import FastLoadSchema
from services.documents import SeasonSchema, VacancySchema, WorkerProfileSchema

STATUSES = ("approved", "blocked", "filled", "closed", "pending_review")
MAX_VACANCIES = 20_000
MAX_HISTORY = 500


def _ids_unique(vacancies: list[dict]) -> None:
    if len({v["id"] for v in vacancies}) != len(vacancies):
        raise ValidationError("Each vacancy id may appear only once.", "vacancies")


class RankVacancySchema(VacancySchema):
    """A vacancy to rank: the contract's document plus what the caller knows of it.

    A missing ``status`` means approved (callers send open vacancies);
    ``employer_compliance`` in [0, 1] is the employer's record (missing:
    neutral); ``flags`` as read from the employers service are ignored.
    """

    id = fields.String(required=True, validate=validate.Length(min=1, max=100))
    employer_id = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=100))
    status = fields.String(load_default="approved", validate=validate.OneOf(STATUSES))
    employer_compliance = fields.Float(load_default=None, allow_none=True, allow_nan=False,
                                       validate=validate.Range(min=0, max=1))
    flags = fields.List(fields.Dict(), load_default=list, validate=validate.Length(max=100))


class PlacementSchema(Schema):
    """One past placement of the worker (read tolerantly: unknown fields dropped)."""

    class Meta:
        unknown = EXCLUDE

    employer_id = fields.String(required=True, validate=validate.Length(min=1, max=100))
    vacancy_id = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=100))
    season = fields.Nested(SeasonSchema, required=True)
    completed = fields.Boolean(required=True)
    worker_rating = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=5))
    employer_rating = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=5))


class RankRequestSchema(FastLoadSchema):
    """``{"worker", "vacancies", "history"}`` of ``POST /api/v1/rank``.

    ``worker`` is the kernel's ``WorkerProfileSchema``, the one the workers
    service validates profiles with, so a profile it accepts is one the
    matcher ranks. Its ``birth_year`` only feeds the minimum-age gate and may
    be absent or null (an unknown age passes; the age is confirmed at offer
    time); ``gender`` and ``origin_country`` never reach the score.
    """

    class Meta:
        unknown = RAISE

    worker = fields.Nested(WorkerProfileSchema, required=True)
    vacancies = fields.List(fields.Nested(RankVacancySchema), required=True,
                            validate=validate.Length(max=MAX_VACANCIES))
    history = fields.List(fields.Nested(PlacementSchema), load_default=list, validate=validate.Length(max=MAX_HISTORY))

    @validates_schema
    def unique_ids(self, data, **_kwargs):
        _ids_unique(data.get("vacancies") or [])


class ItineraryRequestSchema(RankRequestSchema):
    """``{"worker", "vacancies", "history"?, "today"?}``: ``today`` defaults to the server's date (UTC)."""

    today = fields.Date(load_default=None, allow_none=True)


class MatchSchema(Schema):
    vacancy_id = fields.String()
    score = fields.Float(metadata={"description": "0..1, higher is better"})
    reasons = fields.List(fields.String(), metadata={"description": "English sentences, 1 to 4"})
    reason_keys = fields.List(fields.String(), metadata={"description": "message keys for translation"})


class ExcludedSchema(Schema):
    vacancy_id = fields.String()
    reason = fields.String(metadata={"description": "English, e.g. 'season outside availability'"})
    reason_key = fields.String(metadata={"description": "stable key, e.g. 'season_outside_availability'"})


class RankResponseSchema(Schema):
    matches = fields.List(fields.Nested(MatchSchema), metadata={"description": "eligible vacancies, best first"})
    excluded = fields.List(fields.Nested(ExcludedSchema))


class ItinerarySeasonSchema(Schema):
    vacancy_id = fields.String()
    start = fields.Date()
    end = fields.Date()
    weeks = fields.Float()


class ItinerarySchema(Schema):
    vacancy_ids = fields.List(fields.String())
    paid_weeks = fields.Float()
    seasons = fields.List(fields.Nested(ItinerarySeasonSchema))


class ItinerariesSchema(Schema):
    itineraries = fields.List(fields.Nested(ItinerarySchema), metadata={"description": "up to three, best first"})
