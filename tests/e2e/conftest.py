"""End-to-end tests: the whole local stack (Kafka, the database, four services and their workers).

The journeys' stack runs on ports of its own (28001-28004, Kafka 28092,
the database 28317, moved up by ``LP_TEST_PORT_OFFSET``) with data under
var/test-e2e/, and is stopped at the end of the session; the fault tests
break and mend a stack of their own. Tests talk to it only through
the public HTTP APIs, as users and outside checks would.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import uuid

import pyotp
import pytest
import requests

from deploy.seed import Api
from deploy.stack import ROOT, Stack
from tests.integration.helpers import PORT_OFFSET

PASSWORD = "e2e password long enough"


class Platform:
    """The running stack and a way to make fresh users of it."""

    def __init__(self, stack: Stack):
        self.stack = stack

    def url(self, service: str) -> str:
        return f"http://127.0.0.1:{self.stack.ports[service]}"

    def employer(self, name: str = "E2E Orchards", country: str = "CA") -> Api:
        api = Api(self.url("employers"))
        api.sign_up({"name": name, "email": f"employer-{uuid.uuid4().hex[:10]}@e2e.example.org",
                     "password": PASSWORD, "country": country})
        return api

    def worker(self, **profile) -> tuple[Api, str]:
        api = Api(self.url("workers"))
        document = {"name": "Ana López", "email": f"worker-{uuid.uuid4().hex[:10]}@e2e.example.org",
                    "password": PASSWORD, "origin_country": "GT", "birth_year": 1994, "languages": ["es"],
                    "skills": ["fruit picking", "ladder work"], "certifications": [],
                    "availability": [{"start": "2027-03-01", "end": "2028-11-30"}],
                    "preferred_countries": ["CA"], "pathways": ["seasonal", "circular"], **profile}
        api.sign_up(document)
        return api, api.call("GET", "/me").json()["id"]

    def auditor(self) -> dict:
        """A new auditor (the operator command, which enrols two-factor sign-in): e-mail, password, bearer
        ``token`` and ``headers``, and its ``recovery`` codes (each works once)."""
        email, password = f"auditor-{uuid.uuid4().hex[:8]}@e2e.example.org", "auditor password long enough"
        created = subprocess.run([sys.executable, "-m", "ethics", "create-auditor", "--email", email, "--password",
                                  password], cwd=ROOT, env=self.stack.service_env(), check=True,
                                 capture_output=True, text=True).stdout
        code = pyotp.TOTP(re.search(r"two-factor secret: (\w+)", created).group(1)).now()
        token = requests.post(f"{self.url('ethics')}/api/v1/tokens", timeout=30,
                              json={"email": email, "password": password, "otp": code}).json()["token"]
        recovery = re.search(r"recovery codes \(each works once\): (.+)", created).group(1).split()
        return {"email": email, "password": password, "token": token,
                "headers": {"Authorization": f"Bearer {token}"}, "recovery": recovery}

    def register_recruiter(self, auditor: dict, licence: str, name: str, country: str) -> str:
        """Register an active recruiter through the registry API, as an auditor does; its id."""
        response = requests.post(f"{self.url('ethics')}/api/v1/recruiters", timeout=30, headers=auditor["headers"],
                                 json={"name": name, "country": country, "licence": licence, "status": "active",
                                       "valid_until": "2030-12-31", "source": "e2e test registry"})
        assert response.status_code == 201, response.text
        return response.json()["id"]


def started(stack: Stack) -> Platform:
    """Start ``stack`` and license the recruiter the test vacancies name (``ON-RA-1234``, as ``make run``'s
    demo registry does): a fair vacancy then passes instead of being flagged ``recruiter-unverified``."""
    stack.up()
    platform = Platform(stack)
    platform.register_recruiter(platform.auditor(), "ON-RA-1234", "Agencia X", "CA")
    return platform


def fresh_stack(name: str, base: int, kafka_brokers: int = 1) -> Stack:
    """A stopped, empty stack under var/<name>: services on base+1..base+4, Kafka base+92 (a cluster's brokers
    base+92, +94, +96, its controllers one above each), the database base+317, the SMTP server base+25."""
    base += PORT_OFFSET
    services = {"employers": base + 1, "workers": base + 2, "ethics": base + 3, "matcher": base + 4}
    stack = Stack(var=ROOT / "var" / name, kafka_port=base + 92, controller_port=base + 93, mongo_port=base + 317,
                  smtp_port=base + 25, ports=services, gunicorn_workers=2, kafka_brokers=kafka_brokers)
    stack.down()
    shutil.rmtree(stack.var, ignore_errors=True)
    return stack


@pytest.fixture(scope="session")
def platform():
    """The platform the journeys share (ports 28001-28004)."""
    stack = fresh_stack("test-e2e", 28000)
    yield started(stack)
    stack.down()
