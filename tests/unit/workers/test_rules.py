"""The workers' rules that need no database: inbox decisions and event payloads."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from workers.grievances import grievance_payload
from workers.handlers import review_action
from workers.models import Grievance
from workers.profiles import display_name, profile_payload

PASSED = {"verdict": "pass", "offer": {"wage": {}}, "vacancy": {}}


def stored(revision=1, status="sent"):
    return SimpleNamespace(revision=revision, status=status)


@pytest.mark.parametrize("existing, payload, revision, action", [
    (None, PASSED, 1, "insert"),
    (None, {**PASSED, "verdict": "flag"}, 1, "insert"),
    (None, {"verdict": "block"}, 1, "ignore"),
    (None, {"verdict": "pass"}, 1, "ignore"),                    # no terms carried: nothing to show
    (None, {"verdict": "block", "offer": {"x": 1}}, 1, "ignore"),  # a blocked offer is never stored
    (stored(1), PASSED, 1, "ignore"),                          # a redelivery
    (stored(2), PASSED, 1, "ignore"),                          # an older review
    (stored(1), PASSED, 2, "update"),
    (stored(1), {"verdict": "block"}, 2, "close"),             # a later revision was blocked
    (stored(1, "accepted"), PASSED, 2, "ignore"),
    (stored(2**31 - 1, "withdrawn"), PASSED, 3, "ignore"),     # the tombstone of an early withdrawal
])
def test_what_an_offer_review_does_to_the_inbox(existing, payload, revision, action):
    assert review_action(existing, payload, revision) == action


def test_the_profile_event_carries_the_first_name_and_never_the_gender_or_email():
    profile = {"name": "María José Pérez", "gender": "female", "email": "m@example.org", "origin_country": "GT",
               "birth_year": 1990, "languages": ["es"], "skills": None, "certifications": [],
               "availability": [{"start": "2027-03-01", "end": "2027-10-31"}], "preferred_countries": ["CA"],
               "pathways": ["seasonal"]}
    payload = profile_payload("w1", 3, profile)
    assert payload["worker_id"] == "w1" and payload["revision"] == 3
    assert payload["profile"]["display_name"] == "María" and payload["profile"]["skills"] == []
    assert set(payload["profile"]) == {"display_name", "origin_country", "birth_year", "languages", "skills",
                                       "certifications", "availability", "preferred_countries", "pathways"}
    assert display_name("") == "" and len(display_name("x" * 100)) == 40


def test_an_anonymous_grievance_names_no_worker():
    grievance = Grievance(category="fees", text="A fee.", employer_id="e1", anonymous=True, worker_id="")
    assert grievance_payload(grievance) == {"category": "fees", "text": "A fee.", "anonymous": True,
                                            "employer_id": "e1"}
    named = Grievance(category="wages", text="Unpaid.", offer_id="o1", anonymous=False, worker_id="w1")
    assert grievance_payload(named) == {"category": "wages", "text": "Unpaid.", "anonymous": False,
                                        "offer_id": "o1", "worker_id": "w1"}
