"""End-to-end tests: the whole local stack (Kafka, FerretDB, four services and their workers).

The stack runs on ports of its own (28001-28004, Kafka 28092, FerretDB
28317, moved up by ``LP_TEST_PORT_OFFSET``) with data under var/test-e2e/,
and is stopped at the end of the session. Tests talk to it only through
the public HTTP APIs, as users and outside checks would.
"""

from __future__ import annotations

import shutil
import uuid

import pytest

from deploy.seed import Api
from deploy.stack import ROOT, Stack
from tests.integration.helpers import PORT_OFFSET

PORTS = {name: port + PORT_OFFSET for name, port in
         {"employers": 28001, "workers": 28002, "ethics": 28003, "matcher": 28004}.items()}
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


@pytest.fixture(scope="session")
def platform():
    stack = Stack(var=ROOT / "var" / "test-e2e", kafka_port=28092 + PORT_OFFSET,
                  controller_port=28093 + PORT_OFFSET, mongo_port=28317 + PORT_OFFSET,
                  ports=dict(PORTS), gunicorn_workers=2)
    stack.down()
    shutil.rmtree(stack.var, ignore_errors=True)
    stack.up()
    yield Platform(stack)
    stack.down()
