"""The compiled loader never accepts what marshmallow rejects, and loads what it accepts identically."""

import copy
import math
import random

import pytest
from marshmallow import Schema, ValidationError, fields, pre_load

from matcher.fastload import Decline, FastLoadSchema, Unsupported, compile_schema, loader_of
from matcher.schemas import ItineraryRequestSchema, RankRequestSchema
from tests.unit.matcher.builders import placement, vacancy, worker

REPLACEMENTS = [None, "", "x" * 300, "12", "2027-8-1", "20270801", "2027-02-30", "2027-13-01", "CA", "ca", "es",
                "approved", "hour", -1, 0, 1, 12, 12.0, 12.5, 2**60, 10**400, -0.5, 1.5, 1e13, math.nan, math.inf,
                True, False, [], ["es"], [1], {}, {"x": 1}]


def request():
    return {"worker": worker(),
            "vacancies": [vacancy("v1", employer_id="e1", employer_compliance=0.5,
                                  deductions=[{"label": "meals", "amount": 40, "per": "week"}],
                                  recruiter={"name": "Agencia X", "licence": "ON-1"}),
                          vacancy("v2", flags=[{"rule": "x"}], status="closed")],
            "history": [placement("e1")]}


def paths(node, prefix=()):
    """Every (container, key) path in a JSON document."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield (*prefix, key)
        yield from paths(value, (*prefix, key))


def mutated(data, rng):
    data = copy.deepcopy(data)
    path = rng.choice(list(paths(data)))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    action = rng.random()
    if action < 0.15 and isinstance(parent, dict):
        del parent[path[-1]]
    elif action < 0.25 and isinstance(parent, dict):
        parent["unexpected"] = 1
    else:
        parent[path[-1]] = copy.deepcopy(rng.choice(REPLACEMENTS))
    return data


def reference_load(schema_cls, data):
    return Schema.load(schema_cls(), data)  # marshmallow itself, without the fast path


@pytest.mark.parametrize("schema_cls", [RankRequestSchema, ItineraryRequestSchema])
def test_valid_requests_take_the_fast_path_and_load_identically(schema_cls):
    data = request()
    assert compile_schema(schema_cls)(data) == reference_load(schema_cls, data)


def test_fuzzed_requests_never_load_differently():
    rng = random.Random(42)
    loader = compile_schema(RankRequestSchema)
    accepted = declined = 0
    for _ in range(3000):
        data = mutated(request(), rng)
        try:
            fast = loader(data)
        except Decline:
            declined += 1
            continue
        accepted += 1
        assert fast == reference_load(RankRequestSchema, data), data
    assert accepted > 100 and declined > 100


def test_declined_input_still_loads_through_marshmallow():
    data = request()
    data["vacancies"][0]["positions"] = 12.0  # marshmallow's Integer takes it; the fast path does not coerce
    with pytest.raises(Decline):
        compile_schema(RankRequestSchema)(data)
    assert RankRequestSchema().load(data)["vacancies"][0]["positions"] == 12


def test_invalid_input_raises_marshmallows_messages():
    data = request()
    data["vacancies"][1]["season"] = {"start": "2027-10-01", "end": "2027-09-01"}
    with pytest.raises(ValidationError) as caught:
        RankRequestSchema().load(data)
    assert caught.value.messages == {"vacancies": {1: {"season": {"end": ["The season cannot end before it starts."]}}}}


class WithEmail(FastLoadSchema):
    email = fields.Email(required=True)


class WithHook(FastLoadSchema):
    name = fields.String()

    @pre_load
    def strip(self, data, **_kwargs):
        return {k: v.strip() for k, v in data.items()}


@pytest.mark.parametrize("schema_cls", [WithEmail, WithHook])
def test_schemas_it_cannot_translate_are_left_to_marshmallow(schema_cls):
    with pytest.raises(Unsupported):
        compile_schema(schema_cls)
    assert loader_of(schema_cls) is None
    data = {"email": "a@example.org"} if schema_cls is WithEmail else {"name": " Ana "}
    assert schema_cls().load(data) == reference_load(schema_cls, data)
