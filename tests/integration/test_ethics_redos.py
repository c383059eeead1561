"""Texts built to make the text rules slow, at the maximum field lengths, through the ethics API and the
consumer: each gets a real verdict, and a fair vacancy sent right after them is still approved (issue 12)."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from ethics.app import create_app
from services.events import OFFER_REVIEWED, OFFER_SUBMITTED, VACANCY_REVIEWED, VACANCY_SUBMITTED, new_event
from tests.attack_texts import ATTACKS, attack_offer, attack_vacancy
from tests.documents import vacancy
from tests.integration.helpers import register_recruiter
from tests.integration.test_ethics_flow import ethics_worker, publish, reviewed  # noqa: F401 (fixture)

VERDICTS = {"pass", "flag", "block"}


def _rules(verdict: dict) -> set[str]:
    return {flag["rule"] for flag in verdict["flags"]}


@pytest.fixture
def client(settings, database):
    register_recruiter()  # the fair vacancy's recruiter is licensed
    return create_app({"TESTING": True}, settings).test_client()


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_the_check_api_answers_attacks_at_the_maximum_lengths(client, name):
    for body in ({"kind": "vacancy", "document": attack_vacancy(name)},
                 {"kind": "offer", "document": attack_offer(name), "vacancy": vacancy()}):
        response = client.post("/api/v1/checks", json=body)
        assert response.status_code == 200, response.get_json()
        assert response.get_json()["verdict"] in VERDICTS
    fair = client.post("/api/v1/checks", json={"kind": "vacancy", "document": vacancy()})
    assert fair.get_json()["verdict"] == "pass"


def test_the_old_catastrophic_text_gets_a_real_verdict(client):
    verdict = client.post("/api/v1/checks", json={"kind": "vacancy", "document": attack_vacancy("commas")}).get_json()
    assert verdict["verdict"] in VERDICTS and "manual-review" not in _rules(verdict)


def test_a_check_out_of_budget_is_blocked_for_manual_review(settings, database):
    client = create_app({"TESTING": True}, replace(settings, check_budget_seconds=0)).test_client()
    verdict = client.post("/api/v1/checks", json={"kind": "vacancy", "document": vacancy()}).get_json()
    assert verdict["verdict"] == "block" and "manual-review" in _rules(verdict)
    rules = client.get("/api/v1/rules").get_json()["items"]
    assert {"id": "manual-review", "severity": "block"}.items() <= next(r for r in rules
                                                                       if r["id"] == "manual-review").items()


def test_the_consumer_reviews_attacks_and_then_a_fair_vacancy(ethics_worker):  # noqa: F811 (fixture)
    employer = f"emp-{uuid.uuid4().hex[:6]}"
    attacks = {f"v-{name}-{uuid.uuid4().hex[:6]}": name for name in sorted(ATTACKS)}
    events = [new_event(VACANCY_SUBMITTED, "employers", subject, {"employer_id": employer,
                                                                    "vacancy": attack_vacancy(name)})
              for subject, name in attacks.items()]
    offer_id = f"o-{uuid.uuid4().hex[:6]}"
    events.append(new_event(OFFER_SUBMITTED, "employers", offer_id, {
        "employer_id": employer, "offer": attack_offer("commas"), "vacancy": vacancy()}))
    fair_id = f"v-fair-{uuid.uuid4().hex[:6]}"
    events.append(new_event(VACANCY_SUBMITTED, "employers", fair_id, {"employer_id": employer, "vacancy": vacancy()}))
    publish(ethics_worker, *events)

    got = {e.subject: e.payload for e in reviewed(ethics_worker, VACANCY_REVIEWED, {*attacks, fair_id},
                                                  len(attacks) + 1)}
    assert got[fair_id]["verdict"] == "pass"
    assert all(got[subject]["verdict"] in VERDICTS for subject in attacks)
    [offer_review] = reviewed(ethics_worker, OFFER_REVIEWED, {offer_id}, 1)
    assert offer_review.payload["verdict"] in VERDICTS
