"""A stand-in for the matcher's read-time ranking, for benchmarks of the workers service alone.

``gunicorn tests.bench.fake_matcher:app``: every worker gets the same 20
vacancies (``vac00``..``vac19``), in the matcher's answer shape, without
checking the service token; ``LP_FAKE_MATCHER_DELAY_MS`` adds a delay per answer.
"""

from __future__ import annotations

import json
import os
import re
import time

WORKER_MATCHES = re.compile(r"^/api/v1/workers/([^/]+)/matches$")
COUNT = 20
KEYS = ["skills_match", "housing_provided", "travel_paid", "season_fits_availability"]


def ranking(worker_id: str) -> dict:
    return {"worker_id": worker_id, "updated_at": "2026-12-01T10:00:00.000Z", "matches": [
        {"vacancy_id": f"vac{i:02d}", "score": round(0.95 - i * 0.02, 3), "reason_keys": KEYS,
         "reasons": ["your skills match this job", "housing is provided",
                     "the employer pays your travel there and back", "the season fits your availability"]}
        for i in range(COUNT)]}


def app(environ, start_response):
    """WSGI: the worker matches endpoint and /readyz; 404 for anything else."""
    path = environ.get("PATH_INFO", "")
    found = WORKER_MATCHES.match(path)
    if path == "/readyz":
        body = b'{"status":"ok"}'
    elif found:
        delay = float(os.environ.get("LP_FAKE_MATCHER_DELAY_MS") or 0)
        if delay:
            time.sleep(delay / 1000)
        body = json.dumps(ranking(found.group(1))).encode()
    else:
        start_response("404 Not Found", [("Content-Type", "application/json")])
        return [b"{}"]
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
