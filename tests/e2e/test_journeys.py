"""Journeys across the whole platform, through the public APIs only."""

from __future__ import annotations

import time
import uuid

import requests

from tests.documents import vacancy
from tests.e2e.conftest import PASSWORD
from tests.integration.helpers import eventually

NEXT_SEASON = {"start": "2028-08-07", "end": "2028-10-27"}


def status_of(api, path: str, waiting: str = "pending_review") -> str | None:
    status = api.call("GET", path).json()["status"]
    return status if status != waiting else None


def post_vacancy(employer, **changes) -> str:
    body = employer.call("POST", "/vacancies", json=vacancy(title=f"Apple harvest {uuid.uuid4().hex[:6]}",
                                                            **changes)).json()
    assert body["status"] == "pending_review"
    return body["id"]


def matched(worker) -> dict[str, dict]:
    response = worker.call("GET", "/me/matches", expect=(200, 503))
    return {m["vacancy_id"]: m for m in response.json().get("matches", [])} if response.status_code == 200 else {}


def offer_terms(vacancy_id: str, worker_id: str, **changes) -> dict:
    document = vacancy()
    terms = {"vacancy_id": vacancy_id, "worker_id": worker_id, "wage": document["wage"],
             "hours_per_week": document["hours_per_week"], "season": document["season"], "worker_fees": 0,
             "housing": document["housing"], "deductions": document["deductions"], "contract_language": "es",
             "terms": "As in the vacancy."}
    return {**terms, **changes}


def inbox(worker) -> dict[str, dict]:
    return {o["id"]: o for o in worker.items("/me/offers")}


def test_fair_work_reaches_the_worker_unfair_never_and_a_good_season_brings_her_back(platform):
    employer = platform.employer()
    worker, worker_id = platform.worker()
    fair, unfair = post_vacancy(employer), post_vacancy(employer, worker_fees=500)

    assert eventually(lambda: status_of(employer, f"/vacancies/{fair}"), "the fair verdict", 120) == "approved"
    assert eventually(lambda: status_of(employer, f"/vacancies/{unfair}"), "the unfair verdict", 120) == "blocked"
    flags = employer.call("GET", f"/vacancies/{unfair}").json()["flags"]
    assert "worker-fees" in {f["rule"] for f in flags}
    eventually(lambda: fair in matched(worker), "the fair vacancy among the worker's matches", 120)
    assert unfair not in matched(worker)
    assert matched(worker)[fair]["reasons"]

    eventually(lambda: worker_id in str(employer.call("GET", f"/vacancies/{fair}/candidates").json()),
               "the worker among the candidates", 120)
    # Worse terms than the vacancy first (blocked), then the vacancy's own (one live offer per worker).
    substituted = employer.call("POST", "/offers", json=offer_terms(
        fair, worker_id, wage={"amount": 15.0, "currency": "CAD", "per": "hour"}, worker_fees=300)).json()["id"]
    assert eventually(lambda: status_of(employer, f"/offers/{substituted}"), "the review", 120) == "blocked"
    sent = employer.call("POST", "/offers", json=offer_terms(fair, worker_id)).json()["id"]
    assert eventually(lambda: status_of(employer, f"/offers/{sent}"), "the fair offer's review", 120) == "sent"
    eventually(lambda: sent in inbox(worker), "the fair offer in the worker's inbox", 120)
    assert substituted not in inbox(worker)

    worker.call("POST", f"/me/offers/{sent}/accept")
    assert eventually(lambda: status_of(employer, f"/offers/{sent}", "sent"), "the acceptance", 120) == "accepted"
    employer.call("POST", f"/offers/{sent}/complete", json={"employer_rating": 5})

    stranger = platform.employer("Another Orchard")
    again = post_vacancy(employer, season=NEXT_SEASON)
    elsewhere = post_vacancy(stranger, season=NEXT_SEASON)

    def both_listed():
        found = matched(worker)
        return found if again in found and elsewhere in found else None

    found = eventually(both_listed, "next season's two vacancies among the matches", 120)
    assert found[again]["score"] > found[elsewhere]["score"]


def test_bad_input_gets_the_contract_errors_everywhere(platform):
    employer = platform.employer()
    other = platform.employer("Someone Else")
    worker, _worker_id = platform.worker()
    mine = post_vacancy(employer)

    for api in (employer, worker):
        broken = api.http.post(api.base + "/accounts", data="{not json", timeout=10,
                               headers={"Content-Type": "application/json"})
        assert broken.status_code == 400 and broken.json()["error"]["code"]
    invalid = employer.call("POST", "/vacancies", expect=(422,), json=vacancy(positions=-3, wage="lots"))
    assert {"positions", "wage"} <= set(invalid.json()["error"]["fields"])
    assert other.call("GET", f"/vacancies/{mine}", expect=(403, 404)).json()["error"]["code"]
    # On a connection of its own: the server closes it after refusing the body unread.
    huge = requests.post(employer.base + "/vacancies", data=b"x" * (1024 * 1024 + 1), timeout=10,
                         headers={"Content-Type": "application/json", **employer.http.headers})
    assert huge.status_code == 413
    anonymous = employer.http.get(employer.base + "/vacancies", headers={"Authorization": ""}, timeout=10)
    assert anonymous.status_code == 401
    duplicate = worker.http.post(worker.base + "/me/offers/nonexistent/accept", timeout=10)
    assert duplicate.status_code in (404, 409) and duplicate.json()["error"]["code"]


def test_no_personal_data_reaches_the_logs(platform):
    employer = platform.employer("Private Farm Ltd")
    name, email_tag = "Zoila Quispe Marroquín", uuid.uuid4().hex[:10]
    worker, _worker_id = platform.worker(name=name, email=f"zoila-{email_tag}@e2e.example.org", birth_year=1987)
    vacancy_id = post_vacancy(employer)
    worker.call("PUT", "/me", json={"skills": ["fruit picking", "pruning"]}, expect=(200,))
    worker.call("POST", "/grievances", json={"employer_id": "", "category": "fees", "anonymous": False,
                                             "text": f"My phone is +502 5555 0199, ask for {name}."},
                expect=(200, 201, 202))
    eventually(lambda: status_of(employer, f"/vacancies/{vacancy_id}"), "the verdict", 120)
    time.sleep(2)  # let the workers and the matcher log what they do with the profile
    logs = "\n".join(path.read_text(errors="replace") for path in platform.stack.log_dir.glob("*.log"))
    assert logs, "the services should have written their logs"
    for personal in (name, "Zoila", email_tag, "5555 0199", PASSWORD):
        assert personal not in logs, f"{personal!r} found in the logs"
