# ruff: noqa: F811 (pytest fixtures imported from ethics_support are parameters here)
"""The auditors' fairness audit over the real database: totals arrive through the real ``fairness.tallied``
handler (newer revisions win, a replay changes nothing), the overall figures are made from them, and the
API and pages hide every cell of 1 to 4 people."""

from __future__ import annotations

import re

import pytest
from bson import ObjectId

from ethics import fairness
from ethics.handlers import on_employer_registered, on_fairness_tallied
from ethics.models import Flag
from services.events import EMPLOYER_REGISTERED, FAIRNESS_TALLIED, new_event
from tests.integration.ethics_support import PASSWORD, auditor, client, headers  # noqa: F401 (fixtures)

SKEWED = {"shown": {"female": 20, "male": 22, "unstated": 3}, "offered": {"female": 1, "male": 21},
          "completed": {"male": 15}}


def tallied(employer_id: str, revision: int, counts: dict, by_origin: dict | None = None):
    event = new_event(FAIRNESS_TALLIED, "workers", employer_id, {
        "employer_id": employer_id, "revision": revision, "counts": counts, "by_origin": by_origin or {}})
    on_fairness_tallied(event)
    return event


def employer(name: str) -> str:
    employer_id = str(ObjectId())
    on_employer_registered(new_event(EMPLOYER_REGISTERED, "employers", employer_id, {
        "employer_id": employer_id, "name": name, "country": "CA", "registration_number": "X-1"}))
    return employer_id


def test_a_skewed_employer_is_flagged_once_and_older_totals_never_win(client, headers):
    employer_id = employer("Skewed Farms")
    event = tallied(employer_id, 3, SKEWED, {"GT": SKEWED})
    on_fairness_tallied(event)  # redelivered
    tallied(employer_id, 4, SKEWED, {"GT": SKEWED})  # newer totals, same shortfall: the open flag stands alone
    tallied(employer_id, 2, {"offered": {"female": 10, "male": 10}})  # older: ignored
    [flag] = Flag.objects(employer_id=employer_id, rule="possible-sex-discrimination")
    assert flag.key == f"fairness:{employer_id}:3" and "to women 1" in flag.evidence

    found = client.get(f"/api/v1/fairness/{employer_id}", headers=headers).get_json()
    assert found["name"] == "Skewed Farms" and found["flagged"] and found["p_value"] < fairness.SIGNIFICANCE
    stages = {s["stage"]: s for s in found["stages"]}
    assert stages["shown"] == {"stage": "shown", "people": 42, "women": 20, "share": pytest.approx(20 / 42),
                               "unstated": None}
    assert stages["offered"]["women"] is None and stages["offered"]["share"] is None  # 1 woman: hidden
    assert stages["completed"]["share"] == 0.0 and stages["completed"]["people"] == 15
    assert [o["origin"] for o in found["by_origin"]] == ["GT"]


def test_the_overview_adds_employers_up_and_needs_an_auditor(client, headers, settings):
    first, second = employer("North Orchard"), employer("South Orchard")
    tallied(first, 1, {"shown": {"female": 3, "male": 4}, "offered": {"female": 2, "male": 2}})
    tallied(second, 1, {"shown": {"female": 9, "male": 8}, "offered": {"female": 4, "male": 5}})
    assert fairness.rebuild_overall() and not fairness.rebuild_overall()  # nothing changed since

    overview = client.get("/api/v1/fairness", headers=headers).get_json()
    overall = {s["stage"]: s for s in overview["overall"]}
    assert overall["shown"]["women"] >= 12 and overall["offered"]["women"] >= 6
    listed = {e["id"]: e for e in overview["employers"]}
    assert {s["stage"]: s["women"] for s in listed[first]["stages"]}["shown"] is None  # 3 women: hidden
    assert {s["stage"]: s["women"] for s in listed[second]["stages"]}["shown"] == 9
    assert overview["method"]["significance"] == fairness.SIGNIFICANCE

    assert client.get("/api/v1/fairness").status_code == 401
    assert client.get(f"/api/v1/fairness/{ObjectId()}", headers=headers).status_code == 404


def test_the_pages_show_the_figures_and_hide_small_cells(client, auditor):
    employer_id = employer("Page Farms")
    tallied(employer_id, 1, SKEWED)
    fairness.rebuild_overall()
    assert client.get("/auditor/fairness").status_code == 302  # to the sign-in page
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post("/login", data={"email": auditor.email, "password": PASSWORD, "csrf_token": token})
    overview = client.get("/auditor/fairness").get_data(as_text=True)
    assert "Page Farms" in overview and "one-sided exact binomial" in overview
    detail = client.get(f"/auditor/fairness/{employer_id}").get_data(as_text=True)
    assert "offers to women too few" in detail and "&lt;5" in detail and "48%" in detail
    assert client.get(f"/auditor/fairness/{ObjectId()}").status_code == 404
