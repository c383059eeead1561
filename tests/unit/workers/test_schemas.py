"""The workers' input schemas: what a profile, an account and a grievance may hold."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from marshmallow import ValidationError

from workers.schemas import AccountSchema, GrievanceSchema, ProfileSchema

ACCOUNT = {"name": "Ana López", "email": "Ana@Example.org", "password": "a long enough password"}


def errors(schema, data) -> dict:
    with pytest.raises(ValidationError) as caught:
        schema.load(data)
    return caught.value.messages


def test_an_account_needs_only_name_email_and_password_and_lowers_the_email():
    loaded = AccountSchema().load(ACCOUNT)
    assert loaded["email"] == "ana@example.org" and loaded["ui_language"] == "en"
    assert set(errors(AccountSchema(), {})) == {"name", "email", "password"}
    assert errors(AccountSchema(), {**ACCOUNT, "password": "12345678"}) == {"password": ["Use at least 12 characters."]}
    assert set(errors(AccountSchema(), {**ACCOUNT, "password": "ana@example.org!"})) == {"password"}


def test_profile_lists_are_trimmed_and_deduplicated_and_windows_sorted():
    loaded = ProfileSchema().load({
        "name": "  Ana   López ", "skills": [" fruit  picking", "fruit picking", "pruning"],
        "availability": [{"start": "2027-09-01", "end": "2027-10-01"}, {"start": "2027-03-01", "end": "2027-05-01"},
                         {"start": "2027-03-01", "end": "2027-05-01"}]})
    assert loaded["name"] == "Ana López" and loaded["skills"] == ["fruit picking", "pruning"]
    assert loaded["availability"] == [{"start": "2027-03-01", "end": "2027-05-01"},
                                      {"start": "2027-09-01", "end": "2027-10-01"}]


@pytest.mark.parametrize("field, value", [
    ("availability", [{"start": "2027-05-02", "end": "2027-05-01"}]),
    ("availability", [{"start": "2027-13-01", "end": "2027-05-01"}]),
    ("availability", [{"start": "1990-01-01", "end": "1990-02-01"}]),
    ("availability", [{"start": "2027-01-01", "end": "2027-02-01", "note": "x"}]),
    ("availability", [{"start": "2027-01-01", "end": "2027-02-01"}] * 13),
    ("languages", ["xx"]),
    ("languages", ["ES"]),
    ("preferred_countries", ["ca"]),
    ("preferred_countries", ["EU"]),
    ("origin_country", "Guatemala"),
    ("birth_year", datetime.now(UTC).year - 5),
    ("birth_year", 1800),
    ("skills", ["a" * 81]),
    ("skills", ["skill"] * 51),
    ("skills", [""]),
    ("certifications", ["c"] * 31),
    ("pathways", ["permanent"]),
    ("gender", "prefer"),
    ("name", "   "),
    ("name", "n" * 101),
    ("passport_number", "G1234567"),
])
def test_profile_values_out_of_bounds_are_refused(field, value):
    assert field in errors(ProfileSchema(), {field: value})


def test_gender_may_be_removed_and_everything_else_is_optional_on_an_update():
    assert ProfileSchema().load({"gender": None}) == {"gender": None}
    assert ProfileSchema().load({}) == {}


def test_grievances():
    loaded = GrievanceSchema().load({"category": "fees", "text": "  They asked for 500.  "})
    assert loaded == {"category": "fees", "text": "They asked for 500.", "employer_id": "", "offer_id": "",
                      "anonymous": True}
    assert "text" in errors(GrievanceSchema(), {"category": "fees", "text": "   "})
    assert "category" in errors(GrievanceSchema(), {"category": "weather", "text": "x"})
    assert "employer_id" in errors(GrievanceSchema(), {"category": "fees", "text": "x", "employer_id": "$ne"})
    assert "text" in errors(GrievanceSchema(), {"category": "fees", "text": "x" * 5001})
    assert "worker_id" in errors(GrievanceSchema(), {"category": "fees", "text": "x", "worker_id": "w1"})
