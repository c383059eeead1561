"""The authorization matrix: every API endpoint called by every kind of caller, answers checked against a table.

Callers: anonymous, a worker, another worker, an employer (the owner of
the objects), another employer, an auditor, and a service. Objects: the
owner's vacancy, its offer to the worker (sent through the real ethics
review), a flag. No one reads or changes what is not theirs.
"""

from __future__ import annotations

import pytest
import requests

from services.auth import issue_token
from services.keys import service_token_key
from tests.documents import vacancy
from tests.e2e.test_journeys import offer_terms, post_vacancy, status_of
from tests.integration.helpers import eventually

OK = (200, 201)
# Who may call: (service, method, path, body, {caller: accepted statuses}); callers not named get 401 when
# anonymous or holding another service's token (each service signs with its own key, services.keys), and 403
# otherwise. Another employer's or worker's object is a 404 (403 also accepted).
OTHERS = (403, 404)
MATRIX = [
    ("employers", "GET", "/vacancies", None, {"owner": OK, "other_employer": OK}),
    ("employers", "POST", "/vacancies", "vacancy", {"owner": (201,), "other_employer": (201,)}),
    ("employers", "GET", "/vacancies/{vacancy}", None, {"owner": OK, "other_employer": OTHERS}),
    ("employers", "PUT", "/vacancies/{vacancy}", "vacancy", {"owner": OK, "other_employer": OTHERS}),
    ("employers", "GET", "/vacancies/{vacancy}/candidates", None,
     {"owner": (200, 409, 503), "other_employer": OTHERS}),
    ("employers", "POST", "/offers", "offer", {"owner": (201, 409), "other_employer": OTHERS + (409, 422)}),
    ("employers", "GET", "/offers", None, {"owner": OK, "other_employer": OK}),
    ("employers", "GET", "/offers/{offer}", None, {"owner": OK, "other_employer": OTHERS}),
    ("employers", "POST", "/offers/{offer}/complete", "rating", {"owner": (409,), "other_employer": OTHERS}),
    ("workers", "GET", "/me", None, {"worker": OK, "other_worker": OK}),
    ("workers", "PUT", "/me", "profile", {"worker": OK, "other_worker": OK}),
    ("workers", "GET", "/me/matches", None, {"worker": (200, 503), "other_worker": (200, 503)}),
    ("workers", "GET", "/me/offers", None, {"worker": OK, "other_worker": OK}),
    ("workers", "GET", "/me/offers/{offer}", None, {"worker": OK, "other_worker": OTHERS}),
    ("ethics", "GET", "/flags", None, {"auditor": OK}),
    ("ethics", "GET", "/flags.csv", None, {"auditor": OK}),
    ("ethics", "POST", "/flags/{flag}/decision", "decision", {"auditor": OK}),
    ("matcher", "GET", "/workers/{worker}/matches", None, {"service": OK}),
    ("matcher", "GET", "/vacancies/{vacancy}/candidates", None, {"service": (200, 404)}),
    ("matcher", "GET", "/workers/{worker}/itineraries", None, {"service": OK}),
    ("matcher", "POST", "/rank", "rank", {"service": OK}),
    ("matcher", "POST", "/itineraries", "rank", {"service": OK}),
    # Last, since they change the objects (pytest keeps this order).
    ("workers", "POST", "/me/offers/{offer}/decline", None, {"worker": (200, 409), "other_worker": OTHERS}),
    ("employers", "POST", "/offers/{offer}/withdraw", None, {"owner": (200, 409), "other_employer": OTHERS}),
    ("employers", "POST", "/vacancies/{vacancy}/close", None, {"owner": OK, "other_employer": OTHERS}),
]
CALLERS = ("anonymous", "worker", "other_worker", "owner", "other_employer", "auditor", "service")
# The service whose key signs each caller's token: only that service accepts it.
ISSUER = {"worker": "workers", "other_worker": "workers", "owner": "employers", "other_employer": "employers",
          "auditor": "ethics", "service": "matcher"}
# Open to anyone (the contract): only malformed input is refused.
OPEN = [("employers", "POST", "/accounts"), ("employers", "POST", "/tokens"), ("workers", "POST", "/accounts"),
        ("workers", "POST", "/tokens"), ("workers", "POST", "/grievances"), ("ethics", "POST", "/checks"),
        ("ethics", "GET", "/rules")]


def token_of(api) -> str:
    return api.http.headers["Authorization"]


@pytest.fixture(scope="module")
def world(platform):
    """The callers' credentials and the objects they aim at."""
    owner, other_employer = platform.employer("Owner Farms"), platform.employer("Other Farms")
    worker, worker_id = platform.worker()
    other_worker, _ = platform.worker(name="Other Worker")
    fair = post_vacancy(owner)
    blocked = post_vacancy(owner, worker_fees=400)
    eventually(lambda: status_of(owner, f"/vacancies/{fair}"), "the verdict", 120)
    eventually(lambda: worker_id in str(owner.call("GET", f"/vacancies/{fair}/candidates").json()),
               "the worker among the candidates", 120)
    offer = owner.call("POST", "/offers", json=offer_terms(fair, worker_id)).json()["id"]
    eventually(lambda: status_of(owner, f"/offers/{offer}"), "the offer's verdict", 120)
    eventually(lambda: offer in str(worker.call("GET", "/me/offers").json()), "the offer in the inbox", 120)
    auditor = platform.auditor()["token"]
    eventually(lambda: status_of(owner, f"/vacancies/{blocked}"), "the blocked vacancy's verdict", 120)
    flags = requests.get(f"{platform.url('ethics')}/api/v1/flags", timeout=10,
                         headers={"Authorization": f"Bearer {auditor}"}).json()["items"]
    service, _ = issue_token(service_token_key(platform.stack.secret_key()), "employers", "service", 600)
    headers = {"anonymous": {}, "worker": token_of(worker), "other_worker": token_of(other_worker),
               "owner": token_of(owner), "other_employer": token_of(other_employer),
               "auditor": f"Bearer {auditor}", "service": f"Bearer {service}"}
    bodies = {"vacancy": vacancy(), "offer": offer_terms(fair, worker_id), "rating": {"employer_rating": 4},
              "profile": {"skills": ["fruit picking", "pruning"]},
              "decision": {"decision": "confirmed", "note": "seen"},
              "rank": {"worker": {"birth_year": 1990, "languages": ["es"],
                                  "availability": [{"start": "2027-01-01", "end": "2027-12-31"}]},
                       "vacancies": [{"id": "v1", **vacancy()}]}}
    ids = {"vacancy": fair, "offer": offer, "flag": flags[0]["id"], "worker": worker_id}
    return {"headers": {k: ({"Authorization": v} if isinstance(v, str) else v) for k, v in headers.items()},
            "bodies": bodies, "ids": ids}


@pytest.mark.parametrize(("service", "method", "path", "body", "allowed"), MATRIX,
                         ids=[f"{s} {m} {p}" for s, m, p, _b, _a in MATRIX])
def test_each_endpoint_answers_each_caller_as_the_table_says(platform, world, service, method, path, body,
                                                              allowed):
    url = f"{platform.url(service)}/api/v1{path.format(**world['ids'])}"
    answers = {}
    for caller in CALLERS:
        if caller in allowed:
            continue  # the allowed callers go last: some calls change the objects
        answers[caller] = _call(method, url, world, caller, body)
    for caller in allowed:
        answers[caller] = _call(method, url, world, caller, body)
    wrong = {caller: status for caller, status in answers.items()
             if status not in allowed.get(caller, (403,) if ISSUER.get(caller) == service else (401,))}
    assert not wrong, f"unexpected answers: {wrong}"


@pytest.mark.parametrize(("service", "method", "path"), OPEN, ids=[f"{s} {m} {p}" for s, m, p in OPEN])
def test_open_endpoints_refuse_only_bad_input(platform, service, method, path):
    response = requests.request(method, f"{platform.url(service)}/api/v1{path}", json={"unexpected": True},
                                timeout=30)
    assert response.status_code in (200, 400, 422) and (response.status_code == 200 or response.json()["error"])


def _call(method: str, url: str, world: dict, caller: str, body: str | None) -> int:
    response = requests.request(method, url, headers=world["headers"][caller], timeout=30,
                                json=world["bodies"][body] if body else None)
    assert response.status_code < 500, f"{caller} {method} {url}: {response.status_code}"
    if response.status_code >= 400:
        assert response.json()["error"]["code"]
    return response.status_code
