"""Demo data for ``make run``, created through the services' public APIs.

The population is ``deploy/seed_data.py``: employers post vacancies (the
ethics service approves, flags or blocks them), workers sign up, and the
2026 seasons are played out the way real users would: offer, ethics review,
acceptance by the worker, completion with a rating. Running it again adds
only what is missing. The demo logins (with passwords derived from
``LP_SECRET_KEY``, so they stay the same across runs) go to
``var/demo_logins.txt``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import sys
import time
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from deploy.seed_data import EMPLOYERS, PAST_SEASONS, RECRUITERS, VACANCIES, WORKERS
from ethics import recruiters, two_factor, verifications
from ethics.__main__ import create_auditor, enrolment_text
from ethics.models import Auditor, EmployerRegistration, TwoFactor
from services import db
from services.config import Settings

log = logging.getLogger("seed")
LOGINS = Path(os.environ.get("LP_VAR_DIR", "var")) / "demo_logins.txt"
AUDITOR_EMAIL = "auditor@demo.labourpathways.org"
WAIT_SECONDS = 180
SIGN_UP_FIELDS = ("name", "email", "country", "registration_number", "contact")


class SeedError(RuntimeError):
    """The platform did not answer as its contract says."""


def demo_password(secret: str, email: str) -> str:
    """A password for a demo account, the same on every run with the same secret key."""
    digest = hmac.new(secret.encode(), f"demo-login:{email}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest)[:16].decode()


class Api:
    """A tiny JSON client of one service, with a bearer token once logged in."""

    def __init__(self, base: str):
        self.base = base.rstrip("/") + "/api/v1"
        self.http = requests.Session()
        # A kept-alive connection the server closes (gunicorn after 2 s idle) just as a request goes out
        # answers "connection aborted". An idempotent request (GET, PUT, DELETE) is then sent again on a
        # fresh connection; a POST is not (it may have been carried out).
        retry = Retry(total=2, connect=2, read=2, status=0, other=0, backoff_factor=0.2,
                      allowed_methods=Retry.DEFAULT_ALLOWED_METHODS, raise_on_status=False)
        self.http.mount("http://", HTTPAdapter(max_retries=retry))
        self.http.mount("https://", HTTPAdapter(max_retries=retry))

    def call(self, method: str, path: str, expect=(200, 201), **kwargs) -> requests.Response:
        response = self.http.request(method, self.base + path, timeout=30, **kwargs)
        if response.status_code not in expect:
            raise SeedError(f"{method} {path}: {response.status_code} {response.text[:300]}")
        return response

    def sign_up(self, document: dict) -> None:
        """Create the account unless it exists (409), then log in."""
        self.call("POST", "/accounts", expect=(201, 409), json=document)
        token = self.call("POST", "/tokens", json={"email": document["email"],
                                                   "password": document["password"]}).json()["token"]
        self.http.headers["Authorization"] = f"Bearer {token}"

    def items(self, path: str, **params) -> list[dict]:
        """Every item of a paged list endpoint."""
        found, cursor = [], None
        while True:
            page = self.call("GET", path, params={**params, "limit": 100, **({"cursor": cursor} if cursor else {})})
            body = page.json()
            found += body["items"]
            cursor = body.get("next_cursor")
            if not cursor:
                return found


def verify_employer(employer: Api) -> None:
    """The demo auditor verifies a demo employer, as an auditor would on the verification page (once its
    registration has reached the ethics service), and the employer learns it."""
    me = employer.call("GET", "/me").json()
    if me["verification"] == "verified":
        return
    employer_id = me["id"]
    registration = wait_for("the employer's registration in the ethics service",
                            lambda: EmployerRegistration.objects(id=employer_id).first())
    if registration.verification != "verified":
        auditor = Auditor.by_email(AUDITOR_EMAIL)
        verifications.decide(employer_id, "verified", "Demo employer: registration checked.", str(auditor.id),
                             auditor.email)
    wait_for("the employer's verification", lambda: employer.call("GET", "/me").json()["verification"] == "verified")


def wait_for(what: str, check, timeout: float = WAIT_SECONDS):
    """Poll ``check`` until it returns something truthy, showing progress; SeedError on timeout."""
    deadline, dots = time.monotonic() + timeout, 0
    while time.monotonic() < deadline:
        result = check()
        if result:
            if dots:
                print(flush=True)
            return result
        if not dots:
            print(f"[seed]   waiting for {what} ", end="", flush=True)
        print(".", end="", flush=True)
        dots += 1
        time.sleep(1.0)
    print(flush=True)
    raise SeedError(f"gave up waiting for {what} after {timeout:.0f}s")


def seed_auditor(settings: Settings) -> str:
    """The demo auditor's login line and what its two-factor sign-in needs (created through the operator
    command's functions). The authenticator secret, like the password, stays the same across runs; the
    recovery codes are new each run."""
    password = demo_password(settings.secret_key, AUDITOR_EMAIL)
    db.connect(settings)
    old = [str(a.id) for a in Auditor.objects(email=AUDITOR_EMAIL)]
    TwoFactor.objects(id__in=old).delete()
    Auditor.objects(email=AUDITOR_EMAIL).delete()
    auditor = create_auditor(AUDITOR_EMAIL, password)
    secret = base64.b32encode(hmac.new(settings.secret_key.encode(), b"demo-totp:" + AUDITOR_EMAIL.encode(),
                                       hashlib.sha256).digest()).decode()[:32]
    enrolment = two_factor.enrol(auditor, secret)
    return "\n".join([login_line("auditor", AUDITOR_EMAIL, password, settings.ports["ethics"], "/login"),
                      "          then a code: add the secret below to an authenticator app, or use a recovery code",
                      *("          " + line for line in enrolment_text(enrolment).splitlines())])


def seed_recruiters() -> int:
    """The demo recruiter registry, registered by the demo auditor (as on the registry page) before any vacancy
    is posted, so the vacancies are checked against it; those registered already are left as they are."""
    auditor = Auditor.by_email(AUDITOR_EMAIL)
    added = 0
    for entry in RECRUITERS:
        if recruiters.by_licence(entry["licence"]) is None:
            recruiters.create(entry, str(auditor.id), auditor.email)
            added += 1
    return added


def login_line(role: str, email: str, password: str, port: int, path: str = "/") -> str:
    return f"{role:<9} {email:<42} {password}  http://127.0.0.1:{port}{path}"


def post_vacancies(employer: Api, wanted: list[dict]) -> dict[str, dict]:
    """Post the vacancies this employer does not have yet; all of them by title."""
    have = {v["title"]: v for v in employer.items("/vacancies")}
    for vacancy in wanted:
        if vacancy["title"] not in have:
            have[vacancy["title"]] = employer.call("POST", "/vacancies", json=vacancy).json()
    return have


def reviewed(employer: Api, vacancy_id: str) -> dict | None:
    vacancy = employer.call("GET", f"/vacancies/{vacancy_id}").json()
    return vacancy if vacancy["status"] != "pending_review" else None


def candidate_ids(employer: Api, vacancy_id: str) -> set[str]:
    body = employer.call("GET", f"/vacancies/{vacancy_id}/candidates", expect=(200, 503)).json()
    rows = body if isinstance(body, list) else body.get("items", body.get("candidates", []))
    return {row["worker_id"] for row in rows} if isinstance(rows, list) else set()


def offer_for(vacancy: dict, worker_id: str, worker_languages: list[str]) -> dict:
    """An offer on the vacancy's own terms, in a contract language the worker reads if there is one."""
    language = next((lang for lang in vacancy["contract_languages"] if lang in worker_languages),
                    vacancy["contract_languages"][0])
    return {"vacancy_id": vacancy["id"], "worker_id": worker_id, "wage": vacancy["wage"],
            "hours_per_week": vacancy["hours_per_week"], "season": vacancy["season"], "worker_fees": 0,
            "housing": vacancy["housing"], "deductions": vacancy["deductions"], "contract_language": language,
            "terms": f"{vacancy['title']}: the terms of the vacancy, unchanged."}


def status_past(employer: Api, offer_id: str, waiting: str) -> str | None:
    """The offer's status once it is no longer ``waiting``."""
    status = employer.call("GET", f"/offers/{offer_id}").json()["status"]
    return status if status != waiting else None


def play_season(employer: Api, worker: Api, vacancy: dict, worker_id: str, languages: list, rating: int) -> None:
    """Offer → ethics → accepted by the worker → season completed with the employer's rating (once)."""
    offers = [o for o in employer.items("/offers", vacancy_id=vacancy["id"]) if o["worker_id"] == worker_id]
    if not offers:
        wait_for(f"the matcher to list the worker for {vacancy['title']}",
                 lambda: worker_id in candidate_ids(employer, vacancy["id"]))
        offers = [employer.call("POST", "/offers", json=offer_for(vacancy, worker_id, languages)).json()]
    offer_id = offers[0]["id"]
    status = wait_for("the offer's ethics review", lambda: status_past(employer, offer_id, "pending_review"))
    if status == "sent":
        wait_for("the offer in the worker's inbox",
                 lambda: any(o["id"] == offer_id for o in worker.items("/me/offers")))
        worker.call("POST", f"/me/offers/{offer_id}/accept", expect=(200, 201, 409))
        status = wait_for("the acceptance to reach the employer", lambda: status_past(employer, offer_id, "sent"))
    if status == "accepted":
        employer.call("POST", f"/offers/{offer_id}/complete", json={"employer_rating": rating})
    elif status != "completed":
        raise SeedError(f"offer {offer_id} ended {status}, not accepted")


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="[seed] %(message)s")
    settings = Settings.from_env("ethics")
    url = {name: f"http://127.0.0.1:{port}" for name, port in settings.ports.items()}
    lines = [seed_auditor(settings)]
    log.info("%d recruiters registered (%d in the demo registry)", seed_recruiters(), len(RECRUITERS))
    try:
        employers, workers, worker_ids = {}, {}, {}
        for account in EMPLOYERS:
            password = demo_password(settings.secret_key, account["email"])
            api = employers[account["key"]] = Api(url["employers"])
            api.sign_up({k: account[k] for k in SIGN_UP_FIELDS} | {"password": password})
            lines.append(login_line("employer", account["email"], password, settings.ports["employers"]))
        for api in employers.values():
            verify_employer(api)
        log.info("%d employers ready and verified", len(employers))
        for profile in WORKERS:
            password = demo_password(settings.secret_key, profile["email"])
            api = workers[profile["email"]] = Api(url["workers"])
            api.sign_up({**profile, "password": password})
            worker_ids[profile["email"]] = api.call("GET", "/me").json()["id"]
            lines.append(login_line("worker", profile["email"], password, settings.ports["workers"]))
        log.info("%d workers ready", len(workers))
        posted = {key: post_vacancies(api, [v for k, v, _x in VACANCIES if k == key] +
                                      [v for k, v, _w in PAST_SEASONS if k == key])
                  for key, api in employers.items()}
        log.info("%d vacancies posted; the ethics service reviews them", sum(map(len, posted.values())))
        for key, vacancies in posted.items():
            for title, vacancy in vacancies.items():
                vacancies[title] = wait_for(f"the verdict on {title!r}",
                                            lambda k=key, v=vacancy: reviewed(employers[k], v["id"]))
        for key, vacancy, placed in PAST_SEASONS:
            for email, rating in placed:
                log.info("2026 season: %s at %s", email, vacancy["title"])
                profile = next(w for w in WORKERS if w["email"] == email)
                play_season(employers[key], workers[email], posted[key][vacancy["title"]], worker_ids[email],
                            profile["languages"], rating)
            # The 2026 season is over: its vacancy takes no one else.
            employers[key].call("POST", f"/vacancies/{posted[key][vacancy['title']]['id']}/close", expect=(200, 409))
    except (SeedError, requests.RequestException) as exc:
        log.error("seeding stopped: %s", exc)
        return 1
    finally:
        LOGINS.parent.mkdir(parents=True, exist_ok=True)
        LOGINS.write_text("\n".join(lines) + "\n")
        LOGINS.chmod(0o600)
    log.info("demo logins (also in %s):\n%s", LOGINS, "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
