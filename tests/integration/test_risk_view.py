# ruff: noqa: F811 (pytest fixtures imported from ethics_support are parameters here)
"""The auditors' risk view over the real database: flags, grievances, ratings and decisions reach each employer's
and each recruiter's record (kept by the writes, equal to a recount from scratch), shown by name and ranked."""

from __future__ import annotations

import re
import uuid

import pytest
from bson import ObjectId

from ethics import parties, store
from ethics.handlers import (
    on_employer_registered,
    on_grievance_filed,
    on_offer_submitted,
    on_placement_rated,
    on_vacancy_submitted,
)
from ethics.models import Flag, Party, PartyMonth
from services.events import (
    EMPLOYER_REGISTERED,
    GRIEVANCE_FILED,
    OFFER_SUBMITTED,
    PLACEMENT_RATED,
    VACANCY_SUBMITTED,
    new_event,
)
from tests.documents import offer, vacancy
from tests.integration.ethics_support import PASSWORD, auditor, client, headers  # noqa: F401 (fixtures)
from tests.integration.helpers import register_recruiter

FINE = {"paid_on_time": True, "housing_as_promised": True, "no_fees_charged": True, "treated_with_respect": True}
MEASURES = ("open_block", "confirmed", "grievances", "low_ratings")


def employer(name: str) -> str:
    employer_id = str(ObjectId())
    on_employer_registered(new_event(EMPLOYER_REGISTERED, "employers", employer_id, {
        "employer_id": employer_id, "name": name, "country": "CA", "registration_number": "ON-1"}))
    return employer_id


def submitted(employer_id: str, document: dict) -> str:
    vacancy_id = f"v-{uuid.uuid4().hex[:8]}"
    event = new_event(VACANCY_SUBMITTED, "employers", vacancy_id, {"employer_id": employer_id,
                                                                   "employer_name": "ignored", "vacancy": document})
    on_vacancy_submitted(event)
    on_vacancy_submitted(event)  # redelivered: counted once
    return vacancy_id


@pytest.fixture
def history(database):
    """Two employers and a revoked recruiter with a record: blocks, a grievance through an offer, low ratings."""
    revoked = register_recruiter("GT-MT-0099", "revoked", "Reclutadora del Altiplano", "GT")
    bad, fair = employer("Gulf Coast Growers Inc."), employer("Norfolk Orchards Ltd.")
    by_revoked = vacancy(recruiter={"name": "Altiplano (as typed)", "licence": "gt-mt 0099"})
    blocked = submitted(bad, by_revoked)
    submitted(bad, vacancy(worker_fees=450, recruiter=None))
    submitted(fair, vacancy(recruiter=None))
    on_offer_submitted(new_event(OFFER_SUBMITTED, "employers", "o-1", {
        "employer_id": bad, "offer": offer(), "vacancy": by_revoked}))
    grievance = {"employer_id": bad, "offer_id": "o-1", "category": "fees", "text": "The recruiter took 300 USD.",
                 "anonymous": True}
    on_grievance_filed(new_event(GRIEVANCE_FILED, "workers", "g-1", grievance))
    rating = {"offer_id": "o-1", "vacancy_id": blocked, "employer_id": bad, "worker_id": "w1",
              "recruiter": {"name": "Altiplano", "licence": "GT-MT-0099"}, "employer_rating": 2,
              "recruiter_rating": 1, "answers": {**FINE, "no_fees_charged": False}}
    on_placement_rated(new_event(PLACEMENT_RATED, "workers", "o-1", rating))
    on_placement_rated(new_event(PLACEMENT_RATED, "workers", "o-1", rating))  # published again: counted once
    store.recount_marked()  # what the worker's recount job does a moment later
    return {"bad": bad, "fair": fair, "recruiter": revoked, "key": "GTMT0099", "blocked": blocked}


def risk_items(client, headers, query="") -> list[dict]:
    response = client.get(f"/api/v1/risk?limit=200{query}", headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


def test_flags_grievances_and_ratings_reach_the_employers_and_the_recruiters_record(client, headers, history):
    items = risk_items(client, headers)
    by_name = {i["name"]: i for i in items}
    gulf, altiplano = by_name["Gulf Coast Growers Inc."], by_name["Reclutadora del Altiplano"]
    assert (gulf["kind"], gulf["id"]) == ("employer", history["bad"])
    assert (altiplano["kind"], altiplano["id"], altiplano["licence"]) == ("recruiter", str(history["recruiter"].id),
                                                                          "GTMT0099")
    # Blocks: the vacancy and the offer by the revoked recruiter, the fee vacancy (employer only).
    assert {m: gulf[m] for m in MEASURES} == {"open_block": 3, "confirmed": 0, "grievances": 1, "low_ratings": 1}
    assert {m: altiplano[m] for m in MEASURES} == {"open_block": 2, "confirmed": 0, "grievances": 1, "low_ratings": 1}
    assert "Norfolk Orchards Ltd." not in by_name  # nothing against it: no score
    assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)
    assert {i["kind"] for i in risk_items(client, headers, "&kind=recruiter")} == {"recruiter"}
    body = client.get("/api/v1/risk", headers=headers).get_json()
    assert body["half_life_days"] > 0 and {w["measure"] for w in body["weights"]} == set(MEASURES)


def test_decisions_move_the_counts_and_the_kept_counts_equal_a_recount(client, headers, history):
    flag = Flag.objects(employer_id=history["bad"], rule="worker-fees").first()
    decided = client.post(f"/api/v1/flags/{flag.id}/decision", headers=headers,
                          json={"decision": "confirmed", "note": "Pay slips show the fee."})
    assert decided.status_code == 200
    gulf = next(i for i in risk_items(client, headers) if i["id"] == history["bad"])
    assert (gulf["open_block"], gulf["confirmed"]) == (3, 0)  # marked, counted in the next round
    assert store.recount_marked() >= 1
    gulf = next(i for i in risk_items(client, headers) if i["id"] == history["bad"])
    assert (gulf["open_block"], gulf["confirmed"]) == (2, 1)
    fields = (*parties.COUNTS, "confirmed_by_rule")
    kept = {row["_id"]: {k: row.get(k) for k in fields} for row in PartyMonth._get_collection().find()}
    totals = {row["_id"]: row["weighted"] for row in Party._get_collection().find()}
    parties.rebuild()
    assert {row["_id"]: {k: row.get(k) for k in fields} for row in PartyMonth._get_collection().find()} == kept
    assert {row["_id"]: pytest.approx(row["weighted"]) for row in Party._get_collection().find()} == totals
    assert kept[f"employer:{history['bad']}|{flag.created_at:%Y-%m}"]["confirmed_by_rule"] == {"worker-fees": 1}


def login(client, auditor) -> None:
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post("/login", data={"email": auditor.email, "password": PASSWORD, "csrf_token": token})


def test_the_auditor_pages_show_parties_by_name_and_their_record(client, auditor, history):
    login(client, auditor)
    flags_page = client.get("/auditor/flags").get_data(as_text=True)
    assert "Gulf Coast Growers Inc." in flags_page and "Reclutadora del Altiplano" in flags_page
    assert history["bad"] not in re.sub(r'href="[^"]*"', "", flags_page)  # ids only in links
    risk_page = client.get("/auditor/risk").get_data(as_text=True)
    assert "Gulf Coast Growers Inc." in risk_page and "half" in risk_page and "low_ratings" in risk_page
    record = client.get(f"/auditor/parties/recruiter/{history['recruiter'].id}")
    assert record.status_code == 200
    text = record.get_data(as_text=True)
    assert "Reclutadora del Altiplano" in text and "recruiter-licence-invalid" in text and "<svg" in text
    assert "revoked" in text and "Vacancies under review" in text
    employer_page = client.get(f"/auditor/parties/employer/{history['bad']}").get_data(as_text=True)
    assert "worker-fees" in employer_page and "Gulf Coast Growers Inc." in employer_page
    assert client.get(f"/auditor/parties/employer/{ObjectId()}").status_code == 404
    assert client.get("/auditor/parties/agency/x").status_code == 404
    compliance = client.get("/auditor/employers").get_data(as_text=True)
    assert "Gulf Coast Growers Inc." in compliance
