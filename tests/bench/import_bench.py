"""Bulk job orders: how long an import of 200 and of 500 rows takes, against the same vacancies posted one
by one (``POST /api/v1/vacancies``), over the real database (SecantusDB) started for the run.

The employers app runs in process (Flask's test client: no HTTP, no gunicorn), so the figures are the
app's own work: parsing and checking the rows, and the database writes (one ``insert_many`` for an import,
one insert per vacancy posted singly). Kafka is not needed: the events wait in each vacancy's outbox.
Wall and CPU time; on a shared 2-core machine compare the ratio rather than the absolute figures.

    python -m tests.bench.import_bench [rows ...]
"""

from __future__ import annotations

import shutil
import sys
import time
import uuid

from deploy.stack import ROOT, Stack
from employers.app import create_app
from employers.import_csv import MAX_ROWS
from employers.models import Vacancy
from services import db
from services.config import Settings
from tests.documents import vacancy
from tests.integration.helpers import PORT_OFFSET
from tests.integration.test_vacancy_import import job_orders

PASSWORD = "long enough password"


def signed_up(client) -> dict:
    email = f"bench-{uuid.uuid4().hex[:8]}@example.org"
    client.post("/api/v1/accounts", json={"name": "Bench Farms", "email": email, "password": PASSWORD,
                                          "country": "CA"})
    token = client.post("/api/v1/tokens", json={"email": email, "password": PASSWORD}).get_json()["token"]
    return {"Authorization": f"Bearer {token}"}


def timed(action) -> tuple[float, float]:
    started, started_cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - started, time.process_time() - started_cpu


def bench(client, rows: int) -> None:
    body = job_orders(rows)
    headers = signed_up(client)

    def one_import():
        answer = client.post("/api/v1/vacancies/import", data=body, headers={**headers, "Content-Type": "text/csv"})
        assert answer.status_code == 200 and len(answer.get_json()["created"]) == rows, answer.get_json()

    wall, cpu = timed(one_import)
    singles_headers = signed_up(client)

    def one_by_one():
        for number in range(rows):
            answer = client.post("/api/v1/vacancies", json=vacancy(title=f"Single {number}"), headers=singles_headers)
            assert answer.status_code == 201, answer.get_json()

    single_wall, single_cpu = timed(one_by_one)
    print(f"[import] {rows} rows: import {wall * 1000:.0f} ms wall ({cpu * 1000:.0f} ms CPU, "
          f"{wall / rows * 1000:.2f} ms a row); one by one {single_wall * 1000:.0f} ms wall "
          f"({single_cpu * 1000:.0f} ms CPU); x{single_wall / wall:.1f}", flush=True)


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [200, MAX_ROWS]
    stack = Stack(var=ROOT / "var" / "bench-import", kafka_port=25092 + PORT_OFFSET,
                  controller_port=25093 + PORT_OFFSET, mongo_port=25017 + PORT_OFFSET)
    stack.down()
    shutil.rmtree(stack.var, ignore_errors=True)
    stack.start_database()
    settings = Settings(service="employers", secret_key="bench-secret-key-0123456789", mongo_url=stack.mongo_url,
                        mongo_db_prefix="bench_", vacancy_changes_per_hour=10**6, vacancy_changes_per_day=10**6)
    try:
        db.connect(settings)
        client = create_app({"TESTING": True}, settings).test_client()
        client.get("/healthz")
        for rows in sizes:
            bench(client, rows)
        print(f"[import] {Vacancy.objects.count()} vacancies stored", flush=True)
    finally:
        stack.down()


if __name__ == "__main__":
    main(sys.argv[1:])
