"""`make up` / `make down` behaviour: the whole local stack on ports of its own."""

import os
import signal
import uuid
from pathlib import Path

import pytest
from pymongo import MongoClient

from deploy.stack import ROOT, Stack
from tests.integration.helpers import PORT_OFFSET, eventually

BASE_PORTS = {"employers": 18001, "workers": 18002, "ethics": 18003, "matcher": 18004}
PORTS = {name: port + PORT_OFFSET for name, port in BASE_PORTS.items()}


def processes_tagged(var: Path) -> list[int]:
    """Pids of any process started for the stack under ``var`` (strays included)."""
    tag = f"lp-stack={var}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit() and int(proc.name) != os.getpid():
            try:
                zombie = (proc / "stat").read_text().split(")")[-1].split()[0] == "Z"
                if tag in (proc / "environ").read_bytes() and not zombie:
                    found.append(int(proc.name))
            except OSError:
                continue
    return found


@pytest.fixture(scope="module")
def full_stack():
    stack = Stack(var=ROOT / "var" / "test-stack", kafka_port=29092 + PORT_OFFSET,
                  controller_port=29093 + PORT_OFFSET, mongo_port=27317 + PORT_OFFSET, smtp_port=29025 + PORT_OFFSET,
                  ports=dict(PORTS), gunicorn_workers=1)
    stack.down()
    yield stack
    stack.down()


def test_up_readies_every_service_and_restarts_only_what_died(full_stack):
    full_stack.up()
    assert all(full_stack.readyz(s) for s in PORTS)
    before = full_stack.status()

    os.kill(before["kafka"], signal.SIGKILL)
    eventually(lambda: not full_stack.readyz("employers"), "readyz to notice the broker is gone", timeout=30)

    full_stack.up()
    after = full_stack.status()
    assert after["kafka"] != before["kafka"]
    assert {k: v for k, v in after.items() if k != "kafka"} == {k: v for k, v in before.items() if k != "kafka"}
    assert all(full_stack.readyz(s) for s in PORTS)


def test_down_leaves_nothing_running(full_stack):
    full_stack.up()
    assert processes_tagged(full_stack.var)
    full_stack.down()
    assert processes_tagged(full_stack.var) == []
    assert not any(full_stack.readyz(s) for s in PORTS)


def test_up_restarts_a_killed_database_on_its_own_data(full_stack):
    full_stack.up()
    mark = f"before the kill {uuid.uuid4()}"  # the stack's data outlives a test run
    with MongoClient(full_stack.mongo_url) as client:
        client.lp_stack_test.marks.insert_one({"_id": mark})
    before = full_stack.status()

    full_stack.stop("database", signal.SIGKILL)
    full_stack.up()
    after = full_stack.status()
    assert after["database"] not in (None, before["database"])
    assert {k: v for k, v in after.items() if k != "database"} == {k: v for k, v in before.items() if k != "database"}
    with MongoClient(full_stack.mongo_url) as client:
        assert client.lp_stack_test.marks.find_one({"_id": mark})
    assert all(full_stack.readyz(s) for s in PORTS)


def test_down_also_stops_a_process_of_a_former_version(full_stack):
    # The FerretDB of a stack started before the switch to SecantusDB ran as "ferretdb".
    full_stack.spawn("ferretdb", ["sleep", "600"])
    assert full_stack.pid("ferretdb")
    full_stack.down()
    assert processes_tagged(full_stack.var) == []
